// Persistence in IndexedDB: the open documents (original bytes, name,
// per-document options) and the global settings survive a reload until the
// user clears them. Every call degrades to a no-op when IndexedDB is not
// available (private modes of some browsers), so the page still works.

const DB_NAME = 'jingwen';
const DB_VERSION = 1;
let dbPromise = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open() {
  dbPromise ??= new Promise((resolve) => {
    let req;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings', { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return dbPromise;
}

/**
 * Runs `fn` in a transaction over `storeName` (given that store), or over a list
 * of stores (given an object of them by name); resolves with its result once
 * the transaction completes.
 */
async function tx(storeName, mode, fn) {
  const db = await open();
  if (!db) return undefined;
  return new Promise((resolve, reject) => {
    const t = db.transaction(storeName, mode);
    const stores = Array.isArray(storeName) ? Object.fromEntries(storeName.map((n) => [n, t.objectStore(n)])) : t.objectStore(storeName);
    let result;
    Promise.resolve(fn(stores)).then((r) => (result = r), reject);
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error('IndexedDB transaction aborted'));
  });
}

// A document's options (its tab, scheme, rules …) are kept apart from its record,
// in the settings store: they change on every tab click, and writing them into
// the record wrote the document's bytes again each time (0.5–1.2 s for a 28 MB
// file, long enough for a reload to lose the change).
const OPTIONS = 'options:';
const optionsRange = () => IDBKeyRange.bound(OPTIONS, `${OPTIONS}\uffff`);

/** All stored documents, in the order they were added, each with its latest options. */
export async function loadDocs() {
  // One transaction, so that both are read as of the same moment.
  const [docs, options] = (await tx(['docs', 'settings'], 'readonly', (s) => Promise.all([request(s.docs.getAll()), request(s.settings.getAll(optionsRange()))]))) || [[], []];
  const byId = new Map(options.map((r) => [r.key.slice(OPTIONS.length), r.value]));
  for (const doc of docs) if (byId.has(String(doc.id))) doc.options = byId.get(String(doc.id));
  return docs.sort((a, b) => a.order - b.order);
}

/** Stores a document record: { id, name, order, bytes: Uint8Array, options, ... }. */
export function saveDoc(record) {
  return tx('docs', 'readwrite', (s) => s.put(record));
}

/** Updates only the options of a stored document. */
export function saveDocOptions(id, options) {
  return tx('settings', 'readwrite', (s) => {
    const req = s.put({ key: OPTIONS + id, value: options });
    // Committed now, as the settings are: a reload right after a click keeps it.
    s.transaction.commit?.();
    return req;
  });
}

/** Removes a document and its options. (Options written for a document not
 * stored yet, when storing it failed, are only a few bytes; they go with it here
 * or with a clear all.) */
export function deleteDoc(id) {
  return tx(['docs', 'settings'], 'readwrite', (s) => {
    s.docs.delete(id);
    return s.settings.delete(OPTIONS + id);
  });
}

export async function loadSettings() {
  const rec = await tx('settings', 'readonly', (s) => request(s.get('global')));
  return rec?.value || {};
}

export function saveSettings(value) {
  return tx('settings', 'readwrite', (s) => {
    const req = s.put({ key: 'global', value });
    // Committed now, not once the transaction goes idle: the page writes its
    // settings as it goes away (pagehide), and Chromium aborts a transaction
    // still open when the page is unloaded.
    s.transaction.commit?.();
    return req;
  });
}

/** The paste box's unsent text ('' when there is none), kept apart from the settings: it can be large. */
export async function loadDraft() {
  const rec = await tx('settings', 'readonly', (s) => request(s.get('draft')));
  return rec?.value || '';
}

export function saveDraft(text) {
  return tx('settings', 'readwrite', (s) => {
    const req = text ? s.put({ key: 'draft', value: text }) : s.delete('draft');
    // Committed now: the draft is also written as the page goes away (see saveSettings).
    s.transaction.commit?.();
    return req;
  });
}

/** Forgets everything: documents and settings. */
export async function clearAll() {
  await tx('docs', 'readwrite', (s) => s.clear());
  await tx('settings', 'readwrite', (s) => s.clear());
}
