// Paragraph splitting shared by the page and the worker: the page renders
// paragraphs and the worker splits keyword matches into per-paragraph pieces,
// so both must cut a text at exactly the same places. The page's statistics
// are counted from the same bounds.
//
// A paragraph is a line (text between '\n'). A line longer than MAX_PARAGRAPH
// UTF-16 units is cut into display pieces of that size (never inside a
// surrogate pair), so one enormous line cannot freeze layout.

export const MAX_PARAGRAPH = 20000;

/**
 * Paragraph bounds of `text` as a flat Uint32Array [start, end, start, end, …]
 * (UTF-16 offsets; '\n' excluded). A final newline does not start a new paragraph.
 */
export function paragraphBounds(text) {
  let out = new Uint32Array(1024);
  let n = 0;
  const push = (s, e) => {
    if (n + 2 > out.length) {
      const bigger = new Uint32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = s;
    out[n++] = e;
  };
  const len = text.length;
  let start = 0;
  while (start < len) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = len;
    let s = start;
    while (nl - s > MAX_PARAGRAPH) {
      let cut = s + MAX_PARAGRAPH;
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut -= 1; // keep surrogate pairs together
      push(s, cut);
      s = cut;
    }
    push(s, nl);
    start = nl + 1;
  }
  return out.slice(0, n);
}

/**
 * What the statistics count, from the paragraph bounds made for display anyway
 * (one step per paragraph rather than per character): the characters of text,
 * its UTF-16 length without the line breaks ('\n', and the '\r' of a '\r\n')
 * and with a surrogate pair counted once; and the paragraphs, its lines — a
 * line cut into several display pieces is still one.
 */
export function textCounts(text, bounds) {
  let chars = 0;
  let paragraphs = 0;
  for (let i = 0; i < bounds.length; i += 2) {
    const s = bounds[i];
    const e = bounds[i + 1];
    chars += e - s;
    if (e > s && text.charCodeAt(e - 1) === 13 && text.charCodeAt(e) === 10) chars--;
    if (i === 0 || s !== bounds[i - 1]) paragraphs++; // not the rest of a line cut for display
  }
  return { chars: chars - surrogatePairs(text), paragraphs };
}

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * How many characters outside the BMP (rare CJK, emoji) text holds: each is two
 * UTF-16 units but one character. A regex scan: ~40 ms for 50 M units of Chinese
 * in Node, a third of a charCodeAt loop's time.
 */
function surrogatePairs(text) {
  let n = 0;
  PAIR.lastIndex = 0;
  while (PAIR.exec(text)) n++;
  return n;
}
