// Painting keyword matches in the page. With the CSS Custom Highlight API the
// DOM is never touched: matches become StaticRanges in one Highlight per
// palette colour (::highlight(jw-k0) … in style.css), added in a loop, and
// clearing is CSS.highlights.clear(). Without it, <mark> elements are built
// from the paragraph's text instead. The worker matches the whole text and
// splits each match into pieces, one per paragraph it touches (a match may
// run across a line break, or across the cut of a very long line); a piece
// is mapped onto its paragraph's text nodes with a TreeWalker, so it may
// also cross inline elements. Only rendered paragraphs are painted; the rest
// follow as they are rendered. Next/previous go by match, not by piece.

export const PALETTE = 8;
export const supported =
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' && typeof StaticRange === 'function';

// Line breaks, full-width commas and 、 separate keywords; so does an ASCII comma,
// except between digits, where it groups them ("1,000" is one keyword).
const SEPARATORS = /(?:[\n\r，、]|(?<!\d),|,(?!\d))+/;

/** Parses a keyword list: one per line, or separated by commas (ASCII or full-width) or 、. */
export function parseKeywords(text) {
  const seen = new Set();
  const out = [];
  for (const raw of String(text).split(SEPARATORS)) {
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
  #flat = null; // Uint32Array [paragraph, start, end, keyword, match, …] (worker.js)
  #matches = 0;
  #current = -1; // a match number
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
    return this.#matches;
  }

  get current() {
    return this.#current;
  }

  /** New matches (`matches` of them, in the pieces `flat`): forget the old ones, paint the rendered paragraphs. */
  setMatches(flat, matches) {
    this.clear();
    this.#flat = flat;
    this.#matches = matches;
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
    this.#matches = 0;
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

  /** The first piece whose field `field` (0: paragraph, 4: match) is ≥ `value`: pieces are in text order, so both ascend. */
  #firstAt(value, field = 0) {
    const f = this.#flat;
    let lo = 0;
    let hi = f.length / 5;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f[5 * mid + field] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The pieces [first, end) of match `k`. */
  #pieces(k) {
    const f = this.#flat;
    const first = this.#firstAt(k, 4);
    let end = first;
    while (end < f.length / 5 && f[5 * end + 4] === k) end++;
    return [first, end];
  }

  /** Paints the matches of paragraphs [from, to) that are rendered. */
  paint(from, to) {
    const f = this.#flat;
    if (!f || !this.#lazy || f.length === 0) return;
    let k = this.#firstAt(from);
    const n = f.length / 5;
    while (k < n && f[5 * k] < to) {
      const para = f[5 * k];
      let end = k;
      while (end < n && f[5 * end] === para) end++;
      const p = this.#lazy.element(para);
      if (p) {
        if (this.useMarks) this.#markParagraph(p, para, k, end);
        else this.#rangeParagraph(p, k, end);
      }
      k = end;
    }
    if (this.#current >= 0) this.#showCurrent(false);
  }

  /** StaticRanges for pieces k..end of one paragraph, through its text nodes. */
  #rangeParagraph(p, k, end) {
    const f = this.#flat;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const state = { node: walker.nextNode(), base: 0 };
    for (; k < end; k++) {
      const a = locate(walker, state, f[5 * k + 1], false);
      if (!a) break;
      // The end may lie in a later text node; remember where the walk was.
      const b = locate(walker, state, f[5 * k + 2], true);
      if (!b) break;
      const range = new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
      this.#set(`jw-k${f[5 * k + 3] % PALETTE}`).add(range);
    }
  }

  /** The fallback: rebuilds a paragraph as text with <mark> elements. */
  #markParagraph(p, para, k, end) {
    const f = this.#flat;
    const text = this.#lazy.paragraphText(para);
    const frag = document.createDocumentFragment();
    let at = 0;
    for (; k < end; k++) {
      const s = f[5 * k + 1];
      const e = f[5 * k + 2];
      if (s > at) frag.append(text.slice(at, s));
      const m = document.createElement('mark');
      m.className = `jw-mark jw-k${f[5 * k + 3] % PALETTE}`;
      m.dataset.m = f[5 * k + 4];
      m.textContent = text.slice(s, e);
      frag.append(m);
      at = e;
    }
    if (at < text.length) frag.append(text.slice(at));
    p.replaceChildren(frag);
    this.#marked.add(para);
  }

  /** A live Range over piece k (its paragraph must be rendered). */
  #range(k) {
    const f = this.#flat;
    const p = this.#lazy.element(f[5 * k]);
    if (!p) return null;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const state = { node: walker.nextNode(), base: 0 };
    const a = locate(walker, state, f[5 * k + 1], false);
    const b = a && locate(walker, state, f[5 * k + 2], true);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  #showCurrent(scroll) {
    const k = this.#current;
    if (k < 0 || !this.#lazy) return;
    const [first, end] = this.#pieces(k);
    if (first === end) return;
    for (let i = first; i < end; i++) this.#lazy.ensure(this.#flat[5 * i]);
    if (this.useMarks) {
      for (const m of this.#lazy.container.querySelectorAll('mark.jw-current')) m.classList.remove('jw-current');
      const marks = this.#lazy.container.querySelectorAll(`mark[data-m="${k}"]`);
      for (const m of marks) m.classList.add('jw-current');
      if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center' });
      return;
    }
    const ranges = [];
    for (let i = first; i < end; i++) {
      const r = this.#range(i);
      if (r) ranges.push(r);
    }
    if (!ranges.length) return;
    const range = ranges[0];
    const cur = this.#set('jw-current', 1);
    cur.clear();
    for (const r of ranges) cur.add(r);
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
