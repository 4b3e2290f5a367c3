// Painting keyword matches in the page. With the CSS Custom Highlight API the
// DOM is never touched: matches become StaticRanges in one Highlight per
// palette colour (::highlight(jw-k0) … in style.css), added in a loop, and
// clearing is CSS.highlights.clear(). Without it, <mark> elements are built
// from the paragraph's text instead. Matches are per paragraph (computed in
// the worker on the same paragraphs), mapped onto the paragraph's text nodes
// with a TreeWalker, so a match may cross inline elements but never a
// paragraph. Only rendered paragraphs are painted; the rest follow as they
// are rendered.

export const PALETTE = 8;
export const supported =
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' && typeof StaticRange === 'function';

/** Parses a keyword list: one per line, or separated by commas (ASCII or full-width) or 、. */
export function parseKeywords(text) {
  const seen = new Set();
  const out = [];
  for (const raw of String(text).split(/[\n\r,，、]+/)) {
    const k = raw.trim();
    if (k && !seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  }
  return out;
}

/** The text node and offset where UTF-16 offset `pos` of `root`'s text falls. */
function locate(walker, state, pos, preferEnd) {
  // state: { node, base } — the walk only goes forward (matches are sorted).
  while (state.node) {
    const len = state.node.data.length;
    if (pos < state.base + len || (preferEnd && pos === state.base + len)) break;
    state.base += len;
    state.node = walker.nextNode();
  }
  return state.node ? { node: state.node, offset: pos - state.base } : null;
}

export class Painter {
  #lazy = null;
  #flat = null; // Uint32Array [paragraph, start, end, keyword, …]
  #current = -1;
  #sets = new Map(); // name -> Highlight
  #marked = new Set(); // paragraphs rebuilt with <mark> (fallback)
  useMarks = !supported;

  /** Attaches to a LazyText (its paragraphs are what gets painted). */
  attach(lazy) {
    this.#lazy = lazy;
    this.#current = -1;
    this.#marked.clear();
  }

  get total() {
    return this.#flat ? this.#flat.length / 4 : 0;
  }

  get current() {
    return this.#current;
  }

  /** New matches: forget the old ones, paint the rendered paragraphs. */
  setMatches(flat) {
    this.clear();
    this.#flat = flat;
    if (this.#lazy) this.paint(this.#lazy.from, this.#lazy.to);
  }

  /** Removes every highlight at once. */
  clear() {
    if (supported) CSS.highlights.clear();
    this.#sets.clear();
    if (this.#lazy) {
      for (const i of this.#marked) {
        const p = this.#lazy.element(i);
        if (p) p.textContent = this.#lazy.paragraphText(i);
      }
    }
    this.#marked.clear();
    this.#flat = null;
    this.#current = -1;
  }

  /** Called when the window was reset (the old nodes are gone). */
  reset() {
    if (supported) CSS.highlights.clear();
    this.#sets.clear();
    this.#marked.clear();
  }

  #set(name, priority = 0) {
    let h = this.#sets.get(name);
    if (!h) {
      h = new Highlight();
      h.priority = priority;
      this.#sets.set(name, h);
      CSS.highlights.set(name, h);
    }
    return h;
  }

  #firstAt(paragraph) {
    const f = this.#flat;
    let lo = 0;
    let hi = f.length / 4;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f[4 * mid] < paragraph) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Paints the matches of paragraphs [from, to) that are rendered. */
  paint(from, to) {
    const f = this.#flat;
    if (!f || !this.#lazy || f.length === 0) return;
    let k = this.#firstAt(from);
    const n = f.length / 4;
    while (k < n && f[4 * k] < to) {
      const para = f[4 * k];
      let end = k;
      while (end < n && f[4 * end] === para) end++;
      const p = this.#lazy.element(para);
      if (p) {
        if (this.useMarks) this.#markParagraph(p, para, k, end);
        else this.#rangeParagraph(p, k, end);
      }
      k = end;
    }
    if (this.#current >= 0) this.#showCurrent(false);
  }

  /** StaticRanges for matches k..end of one paragraph, through its text nodes. */
  #rangeParagraph(p, k, end) {
    const f = this.#flat;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const state = { node: walker.nextNode(), base: 0 };
    for (; k < end; k++) {
      const a = locate(walker, state, f[4 * k + 1], false);
      if (!a) break;
      // The end may lie in a later text node; remember where the walk was.
      const b = locate(walker, state, f[4 * k + 2], true);
      if (!b) break;
      const range = new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
      this.#set(`jw-k${f[4 * k + 3] % PALETTE}`).add(range);
    }
  }

  /** The fallback: rebuilds a paragraph as text with <mark> elements. */
  #markParagraph(p, para, k, end) {
    const f = this.#flat;
    const text = this.#lazy.paragraphText(para);
    const frag = document.createDocumentFragment();
    let at = 0;
    for (; k < end; k++) {
      const s = f[4 * k + 1];
      const e = f[4 * k + 2];
      if (s > at) frag.append(text.slice(at, s));
      const m = document.createElement('mark');
      m.className = `jw-mark jw-k${f[4 * k + 3] % PALETTE}`;
      m.dataset.m = k;
      m.textContent = text.slice(s, e);
      frag.append(m);
      at = e;
    }
    if (at < text.length) frag.append(text.slice(at));
    p.replaceChildren(frag);
    this.#marked.add(para);
  }

  /** A live Range over match k (its paragraph must be rendered). */
  #range(k) {
    const f = this.#flat;
    const p = this.#lazy.element(f[4 * k]);
    if (!p) return null;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const state = { node: walker.nextNode(), base: 0 };
    const a = locate(walker, state, f[4 * k + 1], false);
    const b = a && locate(walker, state, f[4 * k + 2], true);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  #showCurrent(scroll) {
    const k = this.#current;
    if (k < 0 || !this.#lazy) return;
    const para = this.#flat[4 * k];
    this.#lazy.ensure(para);
    if (this.useMarks) {
      for (const m of this.#lazy.container.querySelectorAll('mark.jw-current')) m.classList.remove('jw-current');
      const m = this.#lazy.container.querySelector(`mark[data-m="${k}"]`);
      m?.classList.add('jw-current');
      if (scroll && m) m.scrollIntoView({ block: 'center' });
      return;
    }
    const range = this.#range(k);
    if (!range) return;
    const cur = this.#set('jw-current', 1);
    cur.clear();
    cur.add(range);
    if (scroll) {
      const box = this.#lazy.container.getBoundingClientRect();
      const rect = range.getBoundingClientRect();
      if (rect.top < box.top + 8 || rect.bottom > box.bottom - 8) {
        this.#lazy.container.scrollTop += rect.top - box.top - box.height / 2;
      }
    }
  }

  /** Moves to the next (+1) or previous (-1) match, scrolling it into view. Returns its index. */
  go(delta) {
    const n = this.total;
    if (!n) return -1;
    this.#current = this.#current < 0 ? (delta > 0 ? 0 : n - 1) : (this.#current + delta + n) % n;
    this.#showCurrent(true);
    return this.#current;
  }
}
