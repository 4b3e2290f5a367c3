/**
 * jingwen (净文): clean noisy Chinese documents, convert simplified/traditional
 * Chinese byte-identically to OpenCC 1.4.2, and highlight thousands of keywords —
 * in WebAssembly, entirely on the client.
 *
 * Browser / bundler:
 * ```js
 * import init, { convert, clean, highlight } from 'jingwen';
 * await init({ preload: ['s2t'] });
 * convert('汉字', 's2t'); // '漢字'
 * ```
 * Node: `import { convert } from 'jingwen'` works with no init call.
 */

/**
 * What the package throws: a real `Error` whose `message` is a readable English
 * sentence, plus `code`, a stable id of the kind of error, to react to or to say
 * in another language without parsing the message. (A text argument that is not
 * a string is a plain `TypeError`.) After `out-of-memory` or `internal` (a bug),
 * the wasm instance cannot be used again: later calls throw `engine-stopped`.
 */
export interface JingwenError extends Error {
  code:
    | 'unknown-config'
    | 'not-initialized'
    | 'wasm-load-failed'
    | 'dictionary-not-loaded'
    | 'dictionary-download-failed'
    | 'invalid-dictionary'
    | 'invalid-user-dictionary'
    | 'invalid-option'
    | 'unknown-option'
    | 'not-text'
    | 'too-large'
    | 'invalid-keywords'
    | 'freed'
    | 'out-of-memory'
    | 'internal'
    | 'engine-stopped';
  /** `not-text`: what the bytes look like — `png`, `jpeg`, `gif`, `pdf`, `zip`, `gzip`, `elf`, `exe`, `wasm`, `rar`, `7z`, `ole`, `sqlite`, `mp3`, `ogg`, `flac`, `bzip2`, `xz`, `font`, `mp4`, `riff` or `binary`. */
  kind?: string;
  /** `too-large`: the input's size and the limit (`maxBytes`), in bytes;
   * `out-of-memory`: the block that could not be allocated, in bytes. */
  size?: number;
  /** `out-of-memory`: the wasm memory's size when it failed, in bytes (it
   * only grows: the most the engine had needed at once). */
  memory?: number;
  limit?: number;
}

/** OpenCC configuration names (case-insensitive; a `.json` suffix is accepted). */
export type ConfigName =
  | 's2t' | 't2s' | 's2tw' | 'tw2s' | 's2twp' | 'tw2sp' | 's2hk' | 'hk2s'
  | 's2hkp' | 'hk2sp' | 't2tw' | 'tw2t' | 't2hk' | 'hk2t' | 't2jp' | 'jp2t'
  | (string & {});

export interface InitOptions {
  /**
   * Where the wasm module comes from: a URL (string or `URL`), a `Response` (or a
   * promise of one), bytes, or a `WebAssembly.Module`. Default: the package's own
   * file, or the one under `base`. (Typed without the DOM library's names, so that
   * a Node-only TypeScript project type-checks too.)
   */
  module?: string | ArrayBuffer | ArrayBufferView | object;
  /**
   * The folder the page serves the package's `wasm/`, `wasm-lite/` and `data/`
   * folders from, for bundlers that do not copy files a module refers to by
   * `new URL(…, import.meta.url)` (esbuild): e.g. `'/jingwen/'`, relative to the
   * page. Vite, webpack 5 and Parcel copy them by themselves.
   */
  base?: string | object;
  /** Configurations (and/or `'highlight'`) whose dictionaries to fetch now; the downloads start at once, in parallel with the wasm. */
  preload?: string | string[];
}

/**
 * Loads the wasm module (once), then optionally dictionaries. Required in
 * browsers before any other call (which otherwise throws a `not-initialized`
 * Error); in Node it only preloads (kept so code runs unchanged).
 */
export default function init(options?: InitOptions): Promise<void>;

/**
 * Fetches the dictionaries of the given configurations — or `'highlight'` for the
 * simplified/traditional folding tables of `highlight()` — once each, only those
 * not loaded yet. In Node they are read from disk on first use automatically.
 */
export function load(...configs: string[]): Promise<void>;

/**
 * Converts `text` with an OpenCC configuration; the output is byte-identical to
 * the official OpenCC 1.4.2. Throws an `Error` naming the valid configurations
 * for an unknown name, and (browsers) one saying to `await load(config)` when
 * its dictionaries are not loaded.
 */
export function convert(text: string, config: ConfigName): string;

export interface ConverterOptions {
  /**
   * The user's own phrases, taking priority over the built-in dictionaries and
   * output verbatim: `{ "香菜": "芫荽" }`, or OpenCC's text format
   * (`key<TAB>value` lines, `#` comments; the first of several values is used).
   * A `Map` of phrases works too.
   */
  dictionary?: Record<string, string> | Map<string, string> | string;
  /** Use dictionaries OpenCC marks `may_output_tofu` (default `true`, as OpenCC). */
  includeTofuRisk?: boolean;
}

/** A converter for one configuration; build once, convert many texts. */
export class Converter {
  constructor(config: ConfigName, options?: ConverterOptions);
  convert(text: string): string;
  /** The configuration's OpenCC name. */
  readonly config: string;
  /** Frees the wasm memory now (otherwise done when garbage-collected). Later calls throw a `freed` Error; `free()` again does nothing. */
  free(): void;
}

/** The crate version. */
export function version(): string;
/** Every configuration name. */
export function configs(): string[];

// ---------------------------------------------------------------- cleaning

/** A cleaning rule id (see `cleanRules()`). */
export type RuleId =
  | 'front-matter' | 'markup' | 'boilerplate' | 'navigation' | 'original-title' | 'duplicate-title'
  | 'summary' | 'metadata' | 'keywords' | 'editor' | 'caption' | 'copyright' | 'interface' | 'share'
  | 'promotion' | 'related' | 'comments' | 'pagination' | 'seo-spam' | 'pinyin' | 'stock-quote' | 'link-stub'
  | 'continuation' | 'mojibake' | 'whitespace' | 'join' | 'punctuation';

export interface CleanOptions {
  /** Turn rules off (or on): `{ editor: false }`. Unknown ids throw. */
  rules?: Partial<Record<RuleId, boolean>>;
  /** An encoding label overriding detection for byte input: 'gbk', 'big5', 'utf-8', 'utf-16le' … */
  encoding?: string;
  /** How to read the input (default 'auto'). */
  format?: 'auto' | 'html' | 'markdown' | 'text';
  /** Inputs larger than this many bytes are refused with an Error (default 256 MiB). */
  maxBytes?: number;
}

export interface Metadata {
  title: string | null;
  date: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  originalTitle: string | null;
  summary: string | null;
  keywords: string | null;
  /** Other front matter fields and page meta tags. */
  extra: Record<string, string>;
}

/** A removed part of `source` (offsets in UTF-16 code units). */
export interface Removal {
  rule: RuleId;
  /** Why, for people. */
  reason: string;
  text: string;
  start: number;
  end: number;
}

/** A change inside kept text (offsets of `before` in `source`, UTF-16 code units). */
export interface Change {
  rule: RuleId;
  reason: string;
  before: string;
  after: string;
  start: number;
  end: number;
}

export interface EncodingInfo {
  /** WHATWG name: 'UTF-8', 'GBK', 'gb18030', 'Big5', 'UTF-16LE' … */
  name: string;
  detection: 'bom' | 'override' | 'utf8' | 'declared' | 'guessed';
  /** Undecodable byte sequences (they became U+FFFD). */
  errorCount: number;
  /** The first 100 of them: byte offset and the bytes in hex. */
  errors: { offset: number; bytes: string }[];
}

export interface CleanResult {
  /** The article: one paragraph per line, the headline first (a kicker, 引题,
   * stays before the headline it belongs to, as printed). */
  text: string;
  /** The headline (a line of `text`), or null if the document has none. */
  title: string | null;
  metadata: Metadata;
  /** How bytes were decoded; null for string input. */
  encoding: EncodingInfo | null;
  format: 'html' | 'markdown' | 'text';
  /** The document as text (HTML rendered to blocks): what offsets refer to. */
  source: string;
  removed: Removal[];
  changed: Change[];
  /** HTML elements dropped as markup (scripts, styles, iframes …). */
  markupDropped: number;
}

/**
 * Cleans a scraped document — HTML, Markdown with front matter, or text; bytes
 * in any common encoding (detected: UTF-8, UTF-16 with BOM, GBK/GB18030, Big5) —
 * into the article, reporting every removal and change with its rule. Throws a
 * "not a text document" Error for binary files.
 */
export function clean(input: string | Uint8Array | ArrayBuffer, options?: CleanOptions): CleanResult;

/** Every cleaning rule with what it does. */
export function cleanRules(): { id: RuleId; description: string }[];

// ---------------------------------------------------------------- highlighting

export interface HighlightOptions {
  /** Latin letters match regardless of case (default true). */
  caseInsensitive?: boolean;
  /** Full-width ASCII matches ASCII, U+3000 matches a space (default true). */
  foldWidth?: boolean;
  /** Simplified and traditional match each other (default false; browsers: `await load('highlight')` first). */
  foldScript?: boolean;
  /** Latin keywords match whole words only (default false). */
  wholeWord?: boolean;
  /** Whitespace and line breaks inside a match are ignored, never a blank line (default false). */
  ignoreWhitespace?: boolean;
}

export interface Match {
  /** UTF-16 code units (JS string / DOM Range offsets). */
  start: number;
  end: number;
  /** Index of the keyword in the list given. */
  keyword: number;
}

export interface HighlightResult {
  /** Non-overlapping, leftmost-longest, in order. */
  matches: Match[];
  /** Matches per keyword (a duplicate keyword counts 0; its matches count for the first). */
  counts: number[];
  /** Indexes of keywords that cannot match: empty, whitespace-only, or holding a lone surrogate (text's lone surrogates are read as U+FFFD). */
  skipped: number[];
}

/** Finds every keyword in `text` with one automaton (thousands of keywords are fine). */
export function highlight(text: string, keywords: string[], options?: HighlightOptions): HighlightResult;

/** `text` HTML-escaped with `<mark data-keyword="i">` around matches; nothing from the text or keywords becomes markup. */
export function highlightHtml(text: string, keywords: string[], options?: HighlightOptions): string;

/** A compiled keyword list: build once, search many texts. */
export class Highlighter {
  constructor(keywords: string[], options?: HighlightOptions);
  find(text: string): HighlightResult;
  /** Matches as a flat Uint32Array `[start, end, keyword, …]` (fastest for many matches). */
  findFlat(text: string): Uint32Array;
  toHtml(text: string): string;
  readonly keywordCount: number;
  /** Frees the wasm memory now (otherwise done when garbage-collected). Later calls throw a `freed` Error; `free()` again does nothing. */
  free(): void;
}
