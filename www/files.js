// Input: files from drag-and-drop (folders too, where the browser exposes
// webkitGetAsEntry), from the file picker, and from the clipboard. Files are
// always read as bytes — File.text() would assume UTF-8 and garble GBK/Big5 —
// and the engine detects the encoding.

export const MAX_BYTES = 64 * 1024 * 1024;
const ACCEPTED = /\.(txt|text|html?|xhtml|md|markdown)$/i;

/** Is this a file we open? (.txt .html .htm .md, or a text/* type without a known extension) */
export function accepted(file) {
  if (ACCEPTED.test(file.name)) return true;
  return !/\.[a-z0-9]{1,8}$/i.test(file.name) || /^text\//.test(file.type || '');
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
    for (const child of await readDirectory(entry)) await walk(child, `${prefix}${entry.name}/`, out);
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

/** Decodes a small text file the user gave us (keyword lists): UTF-8, else GB18030. */
export function decodeText(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
