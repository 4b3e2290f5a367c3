// Rendering documents as text: a lazy, windowed paragraph list (a 50 MB file
// never becomes millions of DOM nodes — 300 paragraphs at a time, more on
// scroll or by a button), the removal view (the source with removed spans
// greyed and labelled by rule, changed spans marked) and the metadata list.
// Everything a document contains goes into the DOM as text nodes only.

import { t, has, num, bytes, currentLang } from './i18n.js';
import { paragraphBounds } from './text.js';

export const PAGE = 300;

/** Creates an element with a class and optional text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export function ruleLabel(id) {
  return has(`rule_${id}`) ? t(`rule_${id}`) : id;
}

/**
 * An engine error in the page's language, for the kinds the page knows by their
 * code (the engine's own message is English); any other, as the engine says it.
 */
export function engineErrorText(e) {
  if (!e) return '';
  if (e.code === 'not-text') {
    const kind = has(`kind_${e.kind}`) ? t(`kind_${e.kind}`) : e.kind;
    // Chinese sets a Latin word off with spaces: "看起来是 PNG 图片", as "PNG 图片" already has one.
    return t('errNotText', { kind: currentLang() !== 'en' && /^[A-Za-z0-9]/.test(kind) ? ` ${kind}` : kind });
  }
  if (e.code === 'too-large' && e.size !== undefined) return t('errTooLarge', { size: bytes(e.size), limit: bytes(e.limit) });
  if (e.code === 'out-of-memory') return t('errOutOfMemory');
  return e.message;
}

/**
 * What a rule does, in the page's language: the engine describes its rules
 * (and each removal's reason) in English, so the Chinese interfaces use their
 * own description of the rule instead.
 */
export function ruleDescription(id, english) {
  return currentLang() !== 'en' && has(`ruledesc_${id}`) ? t(`ruledesc_${id}`) : english;
}

/**
 * A windowed list of paragraphs inside a scroll container. The window is a
 * contiguous range [from, to) of rendered paragraphs; it grows by pages at
 * the bottom (automatically while scrolling) or top (button), and jumps when
 * asked for a paragraph far away.
 */
export class LazyText {
  /**
   * @param {HTMLElement} container the scrolling element
   * @param {{ text: string, bounds?: Uint32Array, render?: (i:number, s:number, e:number) => HTMLElement,
   *           onRender?: (from:number, to:number) => void, onReset?: () => void }} options
   */
  constructor(container, { text, bounds = paragraphBounds(text), render, onRender = () => {}, onReset = () => {} }) {
    this.container = container;
    this.text = text;
    this.bounds = bounds;
    this.count = bounds.length / 2;
    this.renderParagraph = render || ((i, s, e) => plainParagraph(text, i, s, e));
    this.onRender = onRender;
    this.onReset = onReset;
    this.from = 0;
    this.to = 0;
    this.els = [];

    container.replaceChildren();
    this.earlier = el('button', 'more earlier');
    this.earlier.type = 'button';
    this.earlier.addEventListener('click', () => this.showEarlier());
    this.list = el('div', 'paras');
    this.later = el('button', 'more later');
    this.later.type = 'button';
    this.later.addEventListener('click', () => this.showMore());
    this.sentinel = el('div', 'sentinel');
    container.append(this.earlier, this.list, this.later, this.sentinel);
    if (this.count === 0) this.list.append(el('p', 'para empty-doc', t('emptyText')));

    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && this.to < this.count) this.showMore();
      },
      { root: container, rootMargin: '0px 0px 800px 0px' },
    );
    this.#append(Math.min(this.count, PAGE));
    this.observer.observe(this.sentinel);
  }

  #buttons() {
    this.earlier.hidden = this.from === 0;
    this.earlier.textContent = t('showEarlier', { count: num(this.from) });
    this.later.hidden = this.to >= this.count;
    this.later.textContent = t('showMore', { shown: num(this.to - this.from), total: num(this.count) });
  }

  /** Re-labels the buttons (after a language change). */
  relabel() {
    this.#buttons();
  }

  #make(i) {
    return this.renderParagraph(i, this.bounds[2 * i], this.bounds[2 * i + 1]);
  }

  #append(upTo) {
    const start = this.to;
    if (upTo <= start) return this.#buttons();
    const frag = document.createDocumentFragment();
    for (let i = start; i < upTo; i++) {
      const p = this.#make(i);
      this.els.push(p);
      frag.append(p);
    }
    this.list.append(frag);
    this.to = upTo;
    this.#buttons();
    this.onRender(start, upTo);
  }

  #prepend(downTo) {
    const end = this.from;
    if (downTo >= end) return;
    const frag = document.createDocumentFragment();
    const made = [];
    for (let i = downTo; i < end; i++) {
      const p = this.#make(i);
      made.push(p);
      frag.append(p);
    }
    const before = this.list.scrollHeight;
    this.list.prepend(frag);
    this.els = made.concat(this.els);
    this.from = downTo;
    // Keep what the reader was looking at in place.
    this.container.scrollTop += this.list.scrollHeight - before;
    this.#buttons();
    this.onRender(downTo, end);
  }

  showMore() {
    this.#append(Math.min(this.count, this.to + PAGE));
  }

  showEarlier() {
    this.#prepend(Math.max(0, this.from - PAGE));
    if (this.from === 0) this.container.focus();
  }

  /** The element of paragraph i, rendering it (and what lies between) if needed. */
  ensure(i) {
    if (i < 0 || i >= this.count) return null;
    if (i >= this.to && i < this.to + 5 * PAGE) this.#append(Math.min(this.count, (Math.floor(i / PAGE) + 1) * PAGE));
    else if (i < this.from && i >= this.from - 5 * PAGE) this.#prepend(Math.floor(i / PAGE) * PAGE);
    else if (i < this.from || i >= this.to) {
      // Far away: start a new window there.
      this.list.replaceChildren();
      this.els = [];
      const page = Math.floor(i / PAGE) * PAGE;
      this.from = this.to = page;
      this.onReset();
      this.#append(Math.min(this.count, page + PAGE));
    }
    return this.els[i - this.from] || null;
  }

  /** The element of paragraph i if it is rendered. */
  element(i) {
    return i >= this.from && i < this.to ? this.els[i - this.from] : null;
  }

  /** The text of paragraph i (what its element's textContent is). */
  paragraphText(i) {
    return this.text.slice(this.bounds[2 * i], this.bounds[2 * i + 1]);
  }

  destroy() {
    this.observer.disconnect();
  }
}

export function plainParagraph(text, i, s, e) {
  const p = el('p', s === e ? 'para blank' : 'para', text.slice(s, e));
  p.dataset.i = i;
  return p;
}

// Rules whose changes are single marks (a comma restored to full width): a tag
// before each would bury the text, so the change itself carries the description.
// (A paragraph-wide change of such a rule, the engine's fallback, keeps its tag.)
const MARK_RULES = new Set(['punctuation']);
const untagged = (sp) => MARK_RULES.has(sp.rule) && sp.end - sp.start <= 3;

/**
 * The removal view's paragraph renderer: the source with removed spans as
 * <del> (a rule tag before each removal) and changed spans as <del>+<ins>.
 */
export function removalRenderer(source, result) {
  const spans = [];
  for (const r of result.removed) spans.push({ start: r.start, end: r.end, kind: 'rm', rule: r.rule, reason: r.reason });
  for (const c of result.changed) {
    spans.push({ start: c.start, end: c.end, kind: 'chg', rule: c.rule, reason: c.reason, after: c.after });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Make them disjoint so their ends are sorted too (binary search below).
  const flat = [];
  let cursor = 0;
  for (const sp of spans) {
    const start = Math.max(sp.start, cursor);
    if (sp.end <= start && !(sp.kind === 'chg' && sp.start === sp.end && sp.start >= cursor)) continue;
    // The rule tag goes where the removal's visible text begins (not on a bare newline).
    let tagAt = start;
    while (tagAt < sp.end && source.charCodeAt(tagAt) === 10) tagAt++;
    flat.push({ ...sp, start, head: start === sp.start, tagAt });
    cursor = Math.max(cursor, sp.end);
  }

  function firstEndingAfter(pos) {
    let lo = 0;
    let hi = flat.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flat[mid].end > pos || (flat[mid].end === pos && flat[mid].start === pos)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  return (i, s, e) => {
    const p = el('p', s === e ? 'para blank' : 'para');
    p.dataset.i = i;
    let at = s;
    for (let k = firstEndingAfter(s); k < flat.length && flat[k].start <= e; k++) {
      const sp = flat[k];
      if (sp.start === e && !(sp.start === sp.end)) break;
      if (sp.start > at) p.append(source.slice(at, sp.start));
      const a = Math.max(sp.start, s);
      const b = Math.min(sp.end, e);
      if (sp.head && sp.tagAt >= s && sp.tagAt <= e && !untagged(sp)) {
        const tag = el('span', `tag tag-${sp.kind}`, ruleLabel(sp.rule));
        tag.dataset.rule = sp.rule;
        tag.title = ruleDescription(sp.rule, sp.reason);
        p.append(tag);
      }
      if (b > a) {
        const d = el('del', sp.kind === 'rm' ? 'rm' : 'chg', source.slice(a, b));
        d.dataset.rule = sp.rule;
        if (untagged(sp)) d.title = ruleDescription(sp.rule, sp.reason);
        p.append(d);
      }
      if (sp.kind === 'chg' && sp.end <= e) {
        const ins = el('ins', 'chg-after', sp.after);
        ins.title = t('changedTo');
        p.append(ins);
      }
      at = Math.max(at, b);
    }
    if (at < e) p.append(source.slice(at, e));
    return p;
  };
}

const META_FIELDS = ['title', 'date', 'source', 'author', 'editor', 'originalTitle', 'summary', 'keywords'];

/** Fills a <dl> with a document's metadata (as text); `result` null: says there is none. */
export function renderMetadata(dl, result) {
  dl.replaceChildren();
  const add = (label, value) => {
    if (value === null || value === undefined || value === '') return;
    dl.append(el('dt', null, label), el('dd', null, Array.isArray(value) ? value.join('、') : String(value)));
  };
  const m = result?.metadata || {};
  let any = false;
  for (const f of META_FIELDS) {
    if (m[f]) any = true;
    add(t(`meta_${f}`), m[f]);
  }
  for (const [k, v] of Object.entries(m.extra || {})) {
    any = true;
    add(k, v);
  }
  if (!any) dl.append(el('dt', null, t('metadata')), el('dd', 'muted', t('metaNone')));
  if (!result) return; // a document with no result (failed, still cleaning)
  if (result.encoding) add(t('meta_encoding'), encodingText(result.encoding));
  add(t('meta_format'), t(`format_${result.format}`));
  if (result.markupDropped) add(t('meta_markup'), num(result.markupDropped));
}

/** "GBK (guessed from the bytes)" plus undecodable bytes, if any. */
export function encodingText(enc) {
  if (!enc) return t('noText');
  // UTF-8 with a few bad bytes among many good ones is still read as UTF-8, but not "valid".
  const det = enc.detection === 'utf8' && enc.errorCount ? 'utf8_damaged' : enc.detection;
  let s = t('encodingInfo', { name: enc.name, how: has(`det_${det}`) ? t(`det_${det}`) : det });
  if (enc.errorCount) s += ` · ${t('decodeErrors', { count: num(enc.errorCount) })}`;
  return s;
}
