// In-page half of bench/highlight.mjs (runs in Chromium; not a benchmark by itself).
// Exposes window.jw (jingwen + CSS Custom Highlight API) and window.mk (mark.js
// 8.11.1, loaded by the page as a classic script); every timing ends after two
// requestAnimationFrames, i.e. once the change has been painted.
const raf2 = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const doc = document.getElementById('doc');
const m = await import('/pkg/index.js'); // the full entry: jingwen/convert leaves highlighting out
await m.default();

/**
 * Every paragraph's matches, from one findFlat call over the paragraphs' texts joined
 * with '\n' (no keyword contains a line break, so no match crosses it):
 * an array of per-paragraph [start, end, keyword, …] in UTF-16 units, or null.
 */
function findAll(h) {
  const texts = Array.from(doc.children, (p) => p.textContent);
  const f = h.findFlat(texts.join('\n'));
  const out = new Array(texts.length).fill(null);
  let para = 0;
  let base = 0; // UTF-16 offset of paragraph `para` in the joined text
  for (let i = 0; i < f.length; i += 3) {
    while (f[i] >= base + texts[para].length + 1) {
      base += texts[para].length + 1;
      para++;
    }
    (out[para] ||= []).push(f[i] - base, f[i + 1] - base, f[i + 2]);
  }
  return { perParagraph: out, total: f.length / 3 };
}

/** StaticRanges for one paragraph's matches, through its text nodes (as www/highlight.js does). */
function addRanges(p, f, sets) {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  let base = 0;
  for (let i = 0; i < f.length; i += 3) {
    while (node && f[i] >= base + node.data.length) {
      base += node.data.length;
      node = walker.nextNode();
    }
    const startNode = node;
    const startOffset = f[i] - base;
    while (node && f[i + 1] > base + node.data.length) {
      base += node.data.length;
      node = walker.nextNode();
    }
    sets[f[i + 2] % 8].add(new StaticRange({ startContainer: startNode, startOffset, endContainer: node, endOffset: f[i + 1] - base }));
  }
  return f.length / 3;
}

function paletteSets() {
  const sets = [];
  for (let i = 0; i < 8; i++) {
    const hl = new Highlight();
    sets.push(hl);
    CSS.highlights.set(`jw-k${i}`, hl);
  }
  return sets;
}

/** Index of the first paragraph whose bottom is below `y` (viewport coordinates); paragraphs are stacked in order. */
function firstBelow(y) {
  const ps = doc.children;
  let lo = 0;
  let hi = ps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid].getBoundingClientRect().bottom < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let onScroll = null;

window.jw = {
  /**
   * What a page with a long document does (and www/ does, with its rendered window):
   * all matches are found (counts, navigation), but StaticRanges are made only for the
   * paragraphs within one screen of the viewport; the others get theirs when scrolled near.
   */
  async highlightViewport(keywords) {
    const t0 = performance.now();
    const h = new m.Highlighter(keywords);
    const t1 = performance.now();
    const { perParagraph, total } = findAll(h);
    const t2 = performance.now();
    const sets = paletteSets();
    const painted = new Uint8Array(perParagraph.length);
    let ranges = 0;
    const paintNear = () => {
      const margin = innerHeight;
      const ps = doc.children;
      for (let i = firstBelow(-margin); i < ps.length; i++) {
        if (ps[i].getBoundingClientRect().top > innerHeight + margin) break;
        if (painted[i] || !perParagraph[i]) continue;
        painted[i] = 1;
        ranges += addRanges(ps[i], perParagraph[i], sets);
      }
    };
    paintNear();
    onScroll = () => paintNear();
    addEventListener('scroll', onScroll, { passive: true });
    const t3 = performance.now();
    await raf2();
    const t4 = performance.now();
    const first = ranges;
    // Jump to the middle of the document: the time until its matches are painted.
    const t5 = performance.now();
    doc.children[doc.children.length >> 1].scrollIntoView();
    paintNear(); // the scroll event would run it before the next frame too
    await raf2();
    const t6 = performance.now();
    scrollTo(0, 0);
    h.free();
    return {
      count: total,
      ranges_first: first,
      ranges_after_jump: ranges - first,
      compile_ms: t1 - t0,
      find_ms: t2 - t1,
      ranges_ms: t3 - t2,
      paint_ms: t4 - t3,
      highlight_ms: t4 - t0,
      jump_ms: t6 - t5,
    };
  },
  async highlight(keywords) {
    const t0 = performance.now();
    const h = new m.Highlighter(keywords);
    const t1 = performance.now();
    // One Highlight per palette colour, as www/highlight.js does; ranges added in a loop.
    const sets = paletteSets();
    let count = 0;
    let find = 0; // time inside textContent + findFlat (the rest of the loop is DOM ranges)
    for (const p of doc.children) {
      const tf = performance.now();
      const f = h.findFlat(p.textContent); // [start, end, keyword, …] in UTF-16 units
      find += performance.now() - tf;
      if (f.length) count += addRanges(p, f, sets);
    }
    const t2 = performance.now();
    await raf2();
    const t3 = performance.now();
    h.free();
    return { count, compile_ms: t1 - t0, match_and_ranges_ms: t2 - t1, find_ms: find, ranges_ms: t2 - t1 - find, paint_ms: t3 - t2, highlight_ms: t3 - t0 };
  },
  async clear() {
    if (onScroll) removeEventListener('scroll', onScroll);
    onScroll = null;
    const t0 = performance.now();
    CSS.highlights.clear();
    const t1 = performance.now();
    await raf2();
    return { clear_call_ms: t1 - t0, clear_ms: performance.now() - t0 };
  },
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

window.mk = {
  inst: null,
  /** mode 'mark': mark(keywords); 'markRegExp': one alternation, longest keywords first (leftmost-longest). */
  mark(keywords, mode) {
    return new Promise((resolve) => {
      const t0 = performance.now();
      const inst = new Mark(doc);
      window.mk.inst = inst;
      const done = async (count) => {
        const t1 = performance.now();
        await raf2();
        resolve({ count, call_ms: t1 - t0, highlight_ms: performance.now() - t0 });
      };
      try {
        if (mode === 'mark') inst.mark(keywords, { separateWordSearch: false, acrossElements: true, done });
        else {
          const alternation = [...keywords].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
          inst.markRegExp(new RegExp(alternation, 'g'), { acrossElements: true, done });
        }
      } catch (e) {
        resolve({ error: String((e && e.message) || e).slice(0, 200), after_ms: performance.now() - t0 });
      }
    });
  },
  unmark() {
    return new Promise((resolve) => {
      const t0 = performance.now();
      window.mk.inst.unmark({
        done: async () => {
          await raf2();
          resolve({ clear_ms: performance.now() - t0 });
        },
      });
    });
  },
};
window.ready = true;
