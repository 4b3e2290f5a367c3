// Input: files from drag-and-drop (folders too, where the browser exposes
// webkitGetAsEntry), from the file picker, and from the clipboard. Files are
// always read as bytes — File.text() would assume UTF-8 and garble GBK/Big5 —
// and the engine detects the encoding.

export const MAX_BYTES = 64 * 1024 * 1024;
const ACCEPTED = /\.(txt|text|html?|xhtml|md|markdown)$/i;
// Web pages saved under the name the server gave them (news.shtml, index.php,
// default.aspx …). They are HTML, but the type the browser reports for them
// follows the system's guess from the extension (application/x-php, or none),
// so the name is what tells. clean() recognizes the HTML from the content, as
// it does for .html files.
const WEB_PAGE = /\.(shtml?|stm|xht|[jp]html|php[3-7]?|aspx?|jspx?|cfm)$/i;

// Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE …) in a file name make it
// display as something else: "新闻\u202Eepyt.txt" shows as "新闻txt.type".
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A file name as the page shows, saves and zips it: without bidirectional controls. */
export function plainName(name) {
  return name.replace(BIDI_CONTROLS, '');
}

/**
 * Is this a file we open? (.txt .html .htm .md, a saved web page such as
 * .shtml .php .aspx .jsp, a name without an extension, or a text/* type). A
 * leading dot starts no extension: ".notes" has none.
 */
export function accepted(file) {
  if (ACCEPTED.test(file.name) || WEB_PAGE.test(file.name)) return true;
  const name = file.name.replace(/^\.+/, '');
  return !/\.[a-z0-9]{1,8}$/i.test(name) || /^text\//.test(file.type || '');
}

function readDirectory(entry) {
  return new Promise((resolve) => {
    const reader = entry.createReader();
    const all = [];
    const next = () =>
      reader.readEntries(
        (batch) => {
          if (batch.length === 0) resolve(all);
          else {
            all.push(...batch);
            next(); // readEntries returns at most 100 entries at a time
          }
        },
        () => resolve(all),
      );
    next();
  });
}

function entryFile(entry) {
  return new Promise((resolve) => entry.file(resolve, () => resolve(null)));
}

async function walk(entry, prefix, out) {
  if (entry.isFile) {
    const file = await entryFile(entry);
    if (file) out.push({ file, path: prefix + file.name, fromFolder: prefix !== '' });
  } else if (entry.isDirectory) {
    for (const child of await readDirectory(entry)) {
      // Hidden files and folders (.DS_Store, .git/, .gitignore …) are the
      // system's or a tool's, not documents the user sees in the folder: left
      // out without a word. A hidden file dropped on its own is still opened.
      if (child.name.startsWith('.')) continue;
      await walk(child, `${prefix}${entry.name}/`, out);
    }
  }
}

/**
 * The files of a drop: [{ file, path, fromFolder }]. Must be called during
 * the drop event (the browser forgets the items afterwards), which it does:
 * entries are taken synchronously, read later.
 */
export async function filesFromDataTransfer(dt) {
  const entries = [];
  const plain = [];
  if (dt.items && dt.items.length) {
    for (const item of dt.items) {
      if (item.kind !== 'file') continue;
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      if (entry && entry.isDirectory) entries.push(entry);
      else {
        const f = item.getAsFile();
        if (f) plain.push({ file: f, path: f.name, fromFolder: false });
      }
    }
  } else {
    for (const f of dt.files || []) plain.push({ file: f, path: f.name, fromFolder: false });
  }
  const out = [...plain];
  for (const entry of entries) await walk(entry, '', out);
  return out;
}

/**
 * Reads a file as bytes, reporting progress (0..1) for big files.
 * @returns {Promise<Uint8Array>}
 */
export async function readBytes(file, onProgress = () => {}, signal = null) {
  if (file.size < 4 * 1024 * 1024 || !file.stream) return new Uint8Array(await file.arrayBuffer());
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    if (signal?.aborted) {
      reader.cancel();
      throw new DOMException('cancelled', 'AbortError');
    }
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    onProgress(at / file.size);
  }
  return at === out.length ? out : out.subarray(0, at);
}

// The byte order marks a text editor writes (Windows Notepad's "Unicode" is UTF-16LE).
function bomEncoding(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function strictDecode(label, bytes) {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// What a Chinese word list hardly ever holds (kana, Greek, Cyrillic, box
// drawing, bopomofo, vertical forms, private use …), but what GB18030 makes of
// Big5 and Big5 of GBK: common Big5 characters (lead bytes A4–AF) are kana,
// Greek … or private use in GBK, and GBK's punctuation is bopomofo or vertical
// forms in Big5.
const UNLIKELY = /[^\0-\xff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/gu;
const unlikely = (text) => (text.match(UNLIKELY) || []).length;

// A double-byte character whose second byte is 40–7E: a third of all Big5
// characters, but in GBK only one of its rare extension characters (GB2312's
// characters never have one).
function hasLowTrail(bytes) {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] < 0x81) continue;
    if (bytes[i + 1] >= 0x40 && bytes[i + 1] <= 0x7e) return true;
    i++; // skip the trail byte
  }
  return false;
}

/**
 * Decodes a small text file the user gave us (keyword lists). Not the engine's
 * detection: on a list of a few words chardetng can guess a non-Chinese
 * encoding (你好 in GBK reads as EUC-KR). It goes by what the bytes prove: a
 * byte order mark; else valid UTF-8; else
 * GB18030 or Big5, whichever yields fewer characters a word list would not
 * hold — when both are as plausible, Big5 if a second byte only Big5 uses
 * often is there, GB18030 otherwise.
 */
export function decodeText(bytes) {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes); // the decoder drops the BOM
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return utf8;
  const gb = new TextDecoder('gb18030').decode(bytes);
  const big5 = strictDecode('big5', bytes);
  if (big5 === null) return gb;
  const [g, b] = [unlikely(gb), unlikely(big5)];
  if (b !== g) return b < g ? big5 : gb;
  return hasLowTrail(bytes) ? big5 : gb;
}
