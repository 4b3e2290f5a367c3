// Entry point of the page: starts the worker pool (the wasm engine), takes
// documents in (drop, picker, paste), keeps the document list, saves and
// restores the session (IndexedDB), and wires the settings, the theme, the
// language, "download all", "clear all" and the offline state together.

import * as i18n from './i18n.js';
import { t, num, bytes as fmtBytes } from './i18n.js';
import { Pool, CancelledError } from './pool.js';
import * as store from './store.js';
import { accepted, filesFromDataTransfer, MAX_BYTES, plainName, readBytes } from './files.js';
import { el, encodingText } from './views.js';
import { createDocView } from './docview.js';
import { setupOffline } from './offline.js';
import { announce, clearNotices, download, notice, Progress, relabelNotices, resultName } from './ui.js';

const $ = (id) => document.getElementById(id);

const DEFAULT_SETTINGS = () => ({
  keywords: '',
  hl: { caseInsensitive: true, foldWidth: true, foldScript: true, wholeWord: false, ignoreWhitespace: false },
  hlTarget: 'clean',
  userDict: '', // the user's own conversion phrases (userdict.js)
  zipConverted: false, // "download all" also zips each document's conversion
  activeId: null,
  pasteCount: 0,
  lang: null,
  theme: null,
});

const state = {
  docs: new Map(),
  order: [],
  activeId: null,
  engine: null,
  settings: DEFAULT_SETTINGS(),
  nextOrder: 1,
};

// ---------------------------------------------------------------- engine --

// Compile the wasm once here; every worker (and every replacement after a
// cancel or a crash) instantiates the same module instead of fetching it.
const wasmModule = fetch(new URL('./pkg/wasm/jingwen_bg.wasm', import.meta.url))
  .then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.arrayBuffer();
  })
  .then((buf) => WebAssembly.compile(buf))
  .catch(() => null); // the workers then load it themselves

const pool = new Pool(new URL('./worker.js', import.meta.url), {
  initPayload: async () => ({ module: await wasmModule }),
  onCrash: (err) => notice(() => (err.code === 'out-of-memory' ? t('engineOutOfMemory') : t('engineCrashed', { message: err.message })), 'error'),
});
const progress = new Progress();

function setEngineStatus(kind, text) {
  const pill = $('engine-status');
  pill.dataset.state = kind;
  pill.querySelector('.pill-text').textContent = text;
}

pool.ready.then(
  (info) => {
    state.engine = info;
    setEngineStatus('ready', t('engineReady'));
    $('version').textContent = `jingwen ${info.version}`;
    view.fillConfigs();
    view.renderRules();
  },
  (err) => {
    setEngineStatus('error', t('engineError', { message: err.message }));
    notice(() => t('engineError', { message: err.message }), 'error');
  },
);

// ------------------------------------------------------------- settings --

/** Why a write to IndexedDB failed, in words (a full quota's DOMException has no message in Chromium). */
function storageReason(err) {
  if (err?.name === 'QuotaExceededError') return t('storageFull');
  return err?.message || err?.name || t('storageUnknown');
}
/** Says that the browser's storage refused a read or write, and why. */
const storageFailed = (err) => notice(() => t('storageFailed', { message: storageReason(err) }), 'error');

// Settings are written 150 ms after the last change (typing keywords changes
// them at every key), and at once when the page goes away or out of sight
// (a reload, a closed tab, a switch to another app), so no change is lost.
/**
 * A write made `ms` after the last call of `schedule()`, and at once (`flush()`) when
 * the page goes away or out of sight; `write()` writes now, `cancel()` drops a pending one.
 */
const pendingWrites = new Set();
function laterWrite(write, ms) {
  let timer = 0;
  const cancel = () => {
    clearTimeout(timer);
    timer = 0;
  };
  const w = {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(w.write, ms);
    },
    write() {
      cancel();
      return write();
    },
    flush: () => timer && w.write(),
    cancel,
  };
  pendingWrites.add(w);
  return w;
}
const flushWrites = () => pendingWrites.forEach((w) => w.flush());
addEventListener('pagehide', flushWrites);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushWrites();
});

const settingsWrite = laterWrite(
  () => store.saveSettings({ ...state.settings, activeId: state.activeId }).catch(storageFailed),
  150,
);
const saveSettings = settingsWrite.schedule;
const cancelSettingsWrite = settingsWrite.cancel;

function saveDoc(doc) {
  store.saveDocOptions(doc.id, doc.options).catch(storageFailed);
}

// ------------------------------------------------------------- documents --

function activeDoc() {
  return state.docs.get(state.activeId) || null;
}

const view = createDocView({
  pool,
  progress,
  get settings() {
    return state.settings;
  },
  saveSettings,
  saveDoc,
  recleanDoc: (doc) => cleanDoc(doc),
  activeDoc,
  engine: () => state.engine,
});

function newId() {
  return globalThis.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function defaultOptions() {
  return { encoding: 'auto', rules: {}, view: 'clean', config: 's2t', convertSource: 'clean' };
}

function makeDoc({ id = newId(), name, bytes, options, order }) {
  return {
    id,
    name: plainName(name), // also a name saved before names were made plain
    size: bytes.length,
    bytes,
    order: order ?? state.nextOrder++,
    options: { ...defaultOptions(), ...(options || {}) },
    status: 'queued',
    error: null,
    result: null,
    gen: 0,
    job: null,
    cache: {},
  };
}

function cleanDoc(doc) {
  if (doc.job) pool.cancel(doc.job.id);
  const gen = ++doc.gen;
  doc.status = 'queued';
  doc.error = null;
  doc.cache = {};
  const options = { rules: { ...doc.options.rules } };
  if (doc.options.encoding && doc.options.encoding !== 'auto') options.encoding = doc.options.encoding;
  const job = pool.run(
    'clean',
    { bytes: doc.bytes, options },
    {
      onStart: () => {
        if (doc.gen !== gen) return;
        doc.status = 'working';
        updateItem(doc);
      },
    },
  );
  doc.job = job;
  progress.follow(pool, job, () => t('progressCleaning', { name: doc.name }));
  updateItem(doc);
  view.refresh(doc);
  job.promise.then(
    (result) => {
      if (doc.gen !== gen) return;
      doc.result = result;
      doc.status = 'done';
    },
    (err) => {
      if (doc.gen !== gen) return;
      doc.result = null;
      if (err instanceof CancelledError) doc.status = 'cancelled';
      else {
        doc.status = 'error';
        doc.error = { message: err.message, code: err.code, kind: err.kind, size: err.size, limit: err.limit };
      }
    },
  ).finally(() => {
    if (doc.gen !== gen) return;
    doc.job = null;
    updateItem(doc);
    view.refresh(doc);
    updateListActions();
    announceCleaned(doc);
  });
}

// What screen-reader users hear when the documents they added (dropped, chosen,
// pasted) have been cleaned: one summary once all of them are, with how many
// failed. (A re-clean after a change of options shows in the open view.)
// `reading`: drops whose files are still being read (their documents are added
// one by one, and the first may be cleaned before the last is read).
const added = { waiting: new Set(), reading: 0, cleaned: 0, failed: 0 };
function announceCleaned(doc) {
  if (!added.waiting.delete(doc.id)) return;
  if (doc.status === 'done') added.cleaned++;
  else if (doc.status === 'error') added.failed++;
  announceAdded();
}
function announceAdded() {
  if (added.waiting.size || added.reading) return;
  const { cleaned, failed } = added;
  if (cleaned || failed) {
    announce(failed ? t('cleanedWithFailures', { count: num(cleaned), failed: num(failed) }) : t('cleanedAnnounce', { count: num(cleaned) }));
  }
  added.cleaned = added.failed = 0;
}

function addDoc(doc, { save = true } = {}) {
  state.docs.set(doc.id, doc);
  state.order.push(doc.id);
  $('doc-list').append(makeItem(doc));
  if (save) storeDoc(doc);
  updateListActions();
  if (save) added.waiting.add(doc.id); // (not a document restored from the last visit)
  cleanDoc(doc);
}

/**
 * One notice for documents that share an outcome (not stored, and why; stored after
 * all): while it is on screen, the next document joins it instead of raising a notice
 * of its own, so a drop of 300 files onto a full storage says so once, not 300 times.
 * `text(names)` words it for the names it holds (names only: a notice must not keep a
 * document's bytes alive). `add(id, name)` and `remove(id)` (the document is no longer
 * in that state, or gone); the text is rewritten at most every 250 ms, since an alert
 * is announced again at each rewrite, and the notice goes when no document is left.
 */
function groupedNotice(kind, text) {
  let current = null; // { names: Map id -> name, item, timer }
  const refresh = (group) => {
    group.timer = 0;
    if (!group.item.isConnected) return;
    if (!group.names.size) group.item.remove();
    else group.item.querySelector('.notice-text').textContent = text([...group.names.values()]);
  };
  const later = (group) => (group.timer ||= setTimeout(() => refresh(group), 250));
  return {
    add(id, name) {
      if (current?.item.isConnected) {
        current.names.set(id, name);
        later(current);
        return;
      }
      const names = new Map([[id, name]]);
      current = { names, timer: 0, item: notice(() => text([...names.values()]), kind) };
    },
    remove(id) {
      if (current?.names.delete(id)) later(current);
    },
  };
}

/** Up to five names, quoted, then "…" for the rest. */
function someNames(names) {
  const shown = names.slice(0, 5).map((n) => t('quoted', { name: n }));
  return shown.join(t('listSeparator')) + (names.length > 5 ? t('andMore') : '');
}

// Not stored: one group per reason (a full storage, or another error).
const unsavedGroups = new Map();
function noticeUnsaved(doc, err) {
  const reason = err?.name === 'QuotaExceededError' ? 'quota' : `other:${err?.name}:${err?.message}`;
  if (!unsavedGroups.has(reason)) {
    unsavedGroups.set(
      reason,
      groupedNotice('error', (names) =>
        names.length === 1
          ? t('docNotSaved', { name: names[0], message: storageReason(err) })
          : t('docsNotSaved', { count: num(names.length), names: someNames(names), message: storageReason(err) }),
      ),
    );
  }
  unsavedGroups.get(reason).add(doc.id, doc.name);
}
/** `doc` is stored after all, or removed: no notice speaks of it as unsaved any more. */
const forgetUnsaved = (doc) => unsavedGroups.forEach((group) => group.remove(doc.id));
const savedLater = groupedNotice('info', (names) =>
  names.length === 1 ? t('docSavedLater', { name: names[0] }) : t('docsSavedLater', { count: num(names.length), names: someNames(names) }),
);

// A document the browser would not store (its quota is full) is still open, but
// would be lost on a reload: it is marked in the list, named in a notice, the page
// asks before it is unloaded, and storing it is tried again when a document is
// removed (which frees room).
async function storeDoc(doc) {
  try {
    await store.saveDoc({ id: doc.id, name: doc.name, size: doc.size, bytes: doc.bytes, order: doc.order, options: doc.options });
  } catch (err) {
    if (!state.docs.has(doc.id)) return;
    if (!doc.unsaved) noticeUnsaved(doc, err);
    doc.unsaved = true;
    updateItem(doc);
    return;
  }
  if (doc.unsaved && state.docs.has(doc.id)) {
    doc.unsaved = false;
    updateItem(doc);
    forgetUnsaved(doc);
    savedLater.add(doc.id, doc.name);
  }
}
function retryUnsaved() {
  for (const doc of state.docs.values()) if (doc.unsaved) storeDoc(doc);
}
addEventListener('beforeunload', (event) => {
  if ([...state.docs.values()].some((d) => d.unsaved)) event.preventDefault();
});

function removeDoc(doc) {
  if (doc.job) pool.cancel(doc.job.id);
  doc.gen++;
  state.docs.delete(doc.id);
  if (doc.unsaved) forgetUnsaved(doc);
  if (added.waiting.delete(doc.id)) announceAdded();
  const i = state.order.indexOf(doc.id);
  state.order.splice(i, 1);
  items.get(doc.id)?.remove();
  items.delete(doc.id);
  store.deleteDoc(doc.id).then(retryUnsaved, () => {});
  if (state.activeId === doc.id) {
    const next = state.order[Math.min(i, state.order.length - 1)];
    activate(next ?? null);
    if (next) items.get(next)?.querySelector('.doc-open').focus();
    else $('dropzone').focus();
  }
  updateListActions();
}

function activate(id) {
  state.activeId = id;
  for (const [docId, li] of items) {
    li.querySelector('.doc-open').setAttribute('aria-current', String(docId === id));
  }
  view.show(activeDoc());
  saveSettings();
}

// One column (style.css: the layout's breakpoint): the document is below the list
// and the drop zone, out of sight on a phone.
const oneColumn = matchMedia('(max-width: 860px)');
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

/** Opens a document the user just added or chose, and brings it into sight on a narrow screen. */
function openAndReveal(id) {
  activate(id);
  if (oneColumn.matches) $('doc-view').scrollIntoView({ block: 'start', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

// ----------------------------------------------------------- the list --

const items = new Map();

function itemStatus(doc) {
  if (doc.status === 'done') return `${fmtBytes(doc.size)} · ${doc.result.encoding ? doc.result.encoding.name : t(`format_${doc.result.format}`)}`;
  const key = { queued: 'statusQueued', working: 'statusWorking', error: 'statusError', cancelled: 'statusCancelled' }[doc.status];
  return `${fmtBytes(doc.size)} · ${t(key)}`;
}

function makeItem(doc) {
  const li = el('li', 'doc-item');
  li.dataset.id = doc.id;
  const open = el('button', 'doc-open');
  open.type = 'button';
  open.setAttribute('aria-current', 'false');
  open.append(el('span', 'doc-name', doc.name), el('span', 'doc-sub', ''));
  open.addEventListener('click', () => openAndReveal(doc.id));
  const remove = el('button', 'doc-remove', '×');
  remove.type = 'button';
  remove.addEventListener('click', () => removeDoc(doc));
  li.append(open, remove);
  items.set(doc.id, li);
  updateItem(doc, li);
  return li;
}

function updateItem(doc, li = items.get(doc.id)) {
  if (!li) return;
  li.dataset.status = doc.status;
  li.toggleAttribute('data-unsaved', !!doc.unsaved);
  li.querySelector('.doc-sub').textContent = itemStatus(doc) + (doc.unsaved ? ` · ${t('statusUnsaved')}` : '');
  li.querySelector('.doc-remove').setAttribute('aria-label', t('removeDoc', { name: doc.name }));
  if (doc.status === 'done' && doc.result.encoding) li.querySelector('.doc-open').title = encodingText(doc.result.encoding);
}

function updateListActions() {
  const n = state.order.length;
  $('doc-count').textContent = n ? `(${num(n)})` : '';
  $('docs-empty').hidden = n > 0;
  $('clear-all').disabled = n === 0;
  $('download-all').disabled = ![...state.docs.values()].some((d) => d.result);
}

// ---------------------------------------------------------------- input --

/** Adds the files of one drop or choice (read one by one), then announces them once cleaned. */
/** `epoch`: the clears count when the files were given (a folder is listed first). */
async function addFiles(entries, epoch = clears) {
  added.reading++;
  try {
    await addEach(entries, epoch);
  } finally {
    added.reading--;
    announceAdded();
  }
}

// "Clear all" also ends the drops still being read: their remaining files are
// not added (they had come back after the clear, and were stored again).
let clears = 0;
const reading = new Set(); // AbortControllers of the files being read

/** Reads each file and adds it as a document; opens the first. */
async function addEach(entries, epoch) {
  const skipped = [];
  let first = null;
  for (const entry of entries) {
    if (clears !== epoch) return;
    const { file } = entry;
    const path = plainName(entry.path);
    if (!accepted(file)) {
      skipped.push(path);
      continue;
    }
    if (file.size > MAX_BYTES) {
      notice(() => t('tooBig', { name: path, size: fmtBytes(file.size) }), 'error');
      continue;
    }
    const abort = new AbortController();
    // Not counted: reading is the first step of the document's cleaning job.
    const job = progress.add(() => t('progressReading', { name: path }), () => abort.abort(), { counted: false });
    let bytes;
    reading.add(abort);
    try {
      bytes = await readBytes(file, (f) => job.update(f), abort.signal);
    } catch (err) {
      job.done();
      if (err.name !== 'AbortError') notice(() => t('readFailed', { name: path, message: err.message }), 'error');
      continue;
    } finally {
      reading.delete(abort);
    }
    job.done();
    if (clears !== epoch) return;
    const doc = makeDoc({ name: path, bytes });
    addDoc(doc);
    if (!first) {
      first = doc;
      openAndReveal(doc.id);
    }
  }
  if (skipped.length) {
    const names = skipped.slice(0, 5).join('、') + (skipped.length > 5 ? '…' : '');
    notice(() => t('skipped', { count: skipped.length, names }));
  }
}

function addText(text) {
  if (!text || !text.trim()) return;
  state.settings.pasteCount = (state.settings.pasteCount || 0) + 1;
  saveSettings();
  const doc = makeDoc({ name: t('pastedName', { n: state.settings.pasteCount }), bytes: new TextEncoder().encode(text) });
  addDoc(doc);
  openAndReveal(doc.id);
}

const dropzone = $('dropzone');
const fileInput = $('file-input');
dropzone.addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const files = [...fileInput.files].map((file) => ({ file, path: file.name }));
  fileInput.value = '';
  addFiles(files);
});

// Drags that carry files are ours, dropped anywhere. Any other drag (selected
// text, a link) is the browser's over a text field, which takes the text; over
// the rest of the page it is refused, so a dropped link never navigates away.
const carriesFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
// Text-entry fields only: a checkbox or radio is an <input> too, and a link
// dropped there would open in the tab.
const TEXT_INPUT = 'textarea, input:not([type]), input[type=text], input[type=search], input[type=url], input[type=email]';
const inTextField = (target) => target instanceof HTMLElement && (!!target.closest(TEXT_INPUT) || target.isContentEditable);

let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  if (!carriesFiles(e)) return;
  dragDepth++;
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (e) => {
  if (!carriesFiles(e)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) document.body.classList.remove('dragging');
});
document.addEventListener('dragover', (e) => {
  const files = carriesFiles(e);
  if (!files && inTextField(e.target)) return;
  e.preventDefault(); // never let the browser open (navigate to) a dropped file or link
  if (e.dataTransfer) e.dataTransfer.dropEffect = files ? 'copy' : 'none';
});
document.addEventListener('drop', (e) => {
  if (!carriesFiles(e)) {
    if (!inTextField(e.target)) e.preventDefault();
    return;
  }
  e.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const pending = filesFromDataTransfer(e.dataTransfer);
  const epoch = clears; // a clear while the folder is still being listed ends this drop too
  pending.then((entries) => addFiles(entries, epoch), (err) => notice(err.message, 'error'));
});

// The paste box's text is kept until it is added (a reload or a closed tab must not
// lose what someone typed or pasted there): written 400 ms after the last change,
// and at once when the page goes away or out of sight.
let draftFailed = false; // said once, not at every pause in typing
const draftWrite = laterWrite(
  () =>
    store.saveDraft($('paste-text').value).then(
      () => (draftFailed = false),
      (err) => {
        if (!draftFailed) storageFailed(err);
        draftFailed = true;
      },
    ),
  400,
);
const writeDraft = draftWrite.write;
$('paste-text').addEventListener('input', draftWrite.schedule);

$('paste-add').addEventListener('click', () => {
  const box = $('paste-text');
  // An empty box would otherwise make the button seem broken: say why nothing
  // happened, and put the cursor where the text goes.
  if (!box.value.trim()) {
    box.value = '';
    writeDraft(); // (a stored blank draft too)
    box.focus();
    announce(t('pasteEmpty'));
    notice(() => t('pasteEmpty'));
    return;
  }
  addText(box.value);
  box.value = '';
  // The document and the deleted draft are written side by side: if the draft's
  // room was what the document lacked, store it again once the draft is gone.
  writeDraft().then(retryUnsaved);
});
document.addEventListener('paste', (e) => {
  const target = e.target;
  if (target instanceof HTMLElement && (target.closest('input, textarea, select, [contenteditable]') || target.isContentEditable)) return;
  const files = [...(e.clipboardData?.files || [])];
  if (files.length) {
    e.preventDefault();
    addFiles(files.map((file) => ({ file, path: file.name || 'clipboard.txt' })));
    return;
  }
  const text = e.clipboardData?.getData('text/plain');
  if (text) {
    e.preventDefault();
    addText(text);
  }
});

$('encoding-select').addEventListener('change', () => {
  const doc = activeDoc();
  if (!doc) return;
  doc.options.encoding = $('encoding-select').value;
  saveDoc(doc);
  cleanDoc(doc);
});

// ------------------------------------------------------- download / clear --

// A document's name as a zip entry every system can unpack: no characters
// Windows refuses in a file name ("/" stays: a dropped folder's structure).
const entryName = (name) => name.replace(/[\x00-\x1f\\:*?"<>|]/g, '_');

// Why a document is left out of "download all": the string for each status
// without a finished result.
const LEFT_OUT = { error: 'leftOutFailed', queued: 'leftOutBusy', working: 'leftOutBusy', cancelled: 'leftOutCancelled' };

/** The settings shown in every control that has one (after a restore or a clear all). */
function applySettings() {
  view.applySettings();
  $('zip-converted').checked = !!state.settings.zipConverted;
}
$('zip-converted').addEventListener('change', () => {
  state.settings.zipConverted = $('zip-converted').checked;
  saveSettings();
});

$('download-all').addEventListener('click', () => {
  // Phrases typed a moment ago count, as they would in the conversion tab.
  view.flushUserDict();
  // Lower case: Windows and macOS would merge "A.txt" and "a.txt". Every document's
  // own name is taken from the start: unpacked next to the originals, no entry may
  // overwrite one (a.txt's a.clean.txt beside a document named a.clean.txt).
  const used = new Set(state.order.map((id) => entryName(state.docs.get(id).name).toLowerCase()));
  const files = [];
  const left = { leftOutFailed: 0, leftOutBusy: 0, leftOutCancelled: 0 };
  for (const id of state.order) {
    const doc = state.docs.get(id);
    // Only finished results: a document being cleaned again still holds its
    // previous result, which is no longer what its settings ask for.
    if (doc.status !== 'done') {
      left[LEFT_OUT[doc.status]]++;
      continue;
    }
    // Named as the single download is (x.clean.txt): unpacked next to the
    // originals, the zip overwrites none of them.
    const base = entryName(doc.name);
    const add = (suffix, entry) => {
      let name = resultName(base, suffix);
      for (let n = 2; used.has(name.toLowerCase()); n++) name = resultName(base, `${suffix}.${n}`);
      used.add(name.toLowerCase());
      files.push({ name, ...entry });
    };
    add('clean', { text: doc.result.text });
    // Its conversion as the conversion tab would make it (the worker converts):
    // named as that tab's download is, x.s2t.txt or x.original.s2t.txt.
    if (state.settings.zipConverted) {
      const { config, text, suffix } = view.conversionOf(doc);
      // The conversion the tab already made, or the text for the worker to convert.
      const converted = view.convertedText(doc);
      add(suffix, converted !== null ? { text: converted } : { text, config });
    }
  }
  // The zip holds what is finished; the user is told what it lacks and why.
  const reasons = Object.entries(left).filter(([, count]) => count);
  if (reasons.length) {
    // (Counted by document: with conversions, a document has two entries.)
    const count = Object.values(left).reduce((a, b) => a + b, 0);
    const message = () =>
      t('leftOut', { count: num(count), reasons: reasons.map(([key, n]) => t(key, { count: num(n) })).join(t('listSeparator')) });
    announce(message());
    notice(message);
  }
  if (!files.length) return;
  const phrases = view.userPhrases();
  const converting = files.some((f) => f.config);
  const job = pool.run(
    'zip',
    { files, dictionary: converting && phrases.count ? phrases.entries : null, dictionaryVersion: phrases.version },
    { priority: true },
  );
  progress.follow(pool, job, () => t('progressZip'));
  job.promise.then(
    ({ blob }) => {
      const d = new Date();
      const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
      download(blob, `jingwen-${stamp}.zip`);
    },
    (err) => {
      if (!(err instanceof CancelledError)) notice(err.message, 'error');
    },
  );
});

const dialog = $('confirm-dialog');
$('clear-all').addEventListener('click', () => dialog.showModal());
$('confirm-cancel').addEventListener('click', () => dialog.close());
$('confirm-ok').addEventListener('click', async () => {
  dialog.close();
  clears++;
  for (const abort of reading) abort.abort();
  for (const doc of state.docs.values()) {
    if (doc.job) pool.cancel(doc.job.id);
    doc.gen++;
  }
  // The page is reset at once (one task: no half-cleared state is ever
  // painted); the storage is forgotten after, and only then is it announced.
  state.docs.clear();
  added.waiting.clear();
  added.cleaned = added.failed = 0;
  state.order = [];
  items.clear();
  $('doc-list').replaceChildren();
  try {
    localStorage.removeItem('jingwen.theme');
    localStorage.removeItem('jingwen.lang');
  } catch {}
  state.settings = DEFAULT_SETTINGS();
  document.documentElement.removeAttribute('data-theme');
  updateThemeButton();
  i18n.setLang(i18n.detect(), { remember: false });
  $('lang-select').value = i18n.currentLang();
  applySettings();
  activate(null);
  // Nothing to remember: cancel the settings write activate() scheduled, so
  // defaults are not written back into the store just cleared.
  cancelSettingsWrite();
  draftWrite.cancel();
  updateListActions();
  clearNotices();
  $('dropzone').focus();
  try {
    await store.clearAll();
    notice(() => t('cleared'));
    // Text in the paste box is neither a document nor a setting: it stays, stored again.
    if ($('paste-text').value) writeDraft();
  } catch (err) {
    storageFailed(err);
  }
});

// ------------------------------------------------------- theme, language --

const darkQuery = matchMedia('(prefers-color-scheme: dark)');
function effectiveTheme() {
  return document.documentElement.dataset.theme || (darkQuery.matches ? 'dark' : 'light');
}
function updateThemeButton() {
  $('theme-toggle').setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
}
function setTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else document.documentElement.removeAttribute('data-theme');
  try {
    if (theme) localStorage.setItem('jingwen.theme', theme);
    else localStorage.removeItem('jingwen.theme');
  } catch {}
  state.settings.theme = theme;
  saveSettings();
  updateThemeButton();
}
$('theme-toggle').addEventListener('click', () => setTheme(effectiveTheme() === 'dark' ? 'light' : 'dark'));
darkQuery.addEventListener('change', updateThemeButton);

$('lang-select').addEventListener('change', () => {
  i18n.setLang($('lang-select').value);
  state.settings.lang = i18n.currentLang();
  saveSettings();
});
i18n.onChange(() => {
  if (state.engine) setEngineStatus('ready', t('engineReady'));
  else if ($('engine-status').dataset.state === 'loading') setEngineStatus('loading', t('engineLoading'));
  offlineLabel();
  for (const doc of state.docs.values()) updateItem(doc);
  progress.render();
  view.relabel();
  relabelNotices();
});

// --------------------------------------------------------------- offline --

let offlineState = 'pending';
function offlineLabel() {
  const key = { pending: 'offlinePending', ready: 'offlineReady', offline: 'offlineNow', unsupported: 'offlineUnsupported', error: 'offlineUnsupported' }[offlineState];
  const pill = $('offline-status');
  pill.dataset.state = offlineState;
  pill.querySelector('.pill-text').textContent = t(key);
}

// ---------------------------------------------------------------- start --

async function start() {
  i18n.apply();
  $('lang-select').value = i18n.currentLang();
  updateThemeButton();
  updateListActions();
  applySettings();

  const saved = await store.loadSettings().catch(() => ({}));
  state.settings = { ...DEFAULT_SETTINGS(), ...saved, hl: { ...DEFAULT_SETTINGS().hl, ...(saved.hl || {}) } };
  if (saved.lang && !i18n.langChosen()) i18n.setLang(saved.lang);
  if (saved.theme && !document.documentElement.dataset.theme) setTheme(saved.theme);
  $('lang-select').value = i18n.currentLang();
  applySettings();
  const draft = await store.loadDraft().catch(() => '');
  if (draft && !$('paste-text').value) {
    $('paste-text').value = draft;
    $('paste-box').open = true;
  }

  const records = await store.loadDocs().catch((err) => {
    storageFailed(err);
    return [];
  });
  for (const rec of records) {
    const bytes = rec.bytes instanceof Uint8Array ? rec.bytes : new Uint8Array(rec.bytes);
    const doc = makeDoc({ id: rec.id, name: rec.name, bytes, options: rec.options, order: rec.order });
    state.nextOrder = Math.max(state.nextOrder, doc.order + 1);
    addDoc(doc, { save: false });
  }
  if (records.length) announce(t('restored', { count: records.length }));
  const active = state.docs.has(saved.activeId) ? saved.activeId : state.order[0] ?? null;
  activate(active);
  document.body.dataset.ready = 'true';

  setupOffline({
    onState: (s) => {
      offlineState = s;
      offlineLabel();
    },
    onUpdate: (apply) => {
      const button = $('update-button');
      button.hidden = false;
      button.onclick = () => {
        button.disabled = true;
        apply();
      };
    },
  });
}

start();
