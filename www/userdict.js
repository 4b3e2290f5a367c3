// The user's own conversion phrases, as typed in the conversion panel: one
// entry per line, the phrase and what it becomes, separated by a tab or by
// spaces (a tab is hard to type into a text box, so spaces are accepted where
// OpenCC's text format wants a tab; a line with a tab is read as OpenCC reads
// it, so a phrase may then hold spaces). They go to the engine as
// `new Converter(config, { dictionary })`, which puts them before every
// built-in dictionary.
//
// A line the engine could not take (a phrase with nothing after it, or half of
// a character: a lone UTF-16 surrogate, which the engine refuses) is left out
// and reported by its number, rather than failing the whole conversion: a line
// being typed is incomplete most of the time.

// A tab, spaces (ASCII or the ideographic space U+3000), or a mix.
const GAP = /[\t \u3000]+/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parses the box's text. Returns `{ entries, count, bad, broken }`: `entries` an
 * object of phrase → replacement (a later line for the same phrase wins, as in
 * the engine), `count` how many phrases it holds, and the 1-based numbers of
 * the lines that were left out: `bad`, with no replacement; `broken`, with a
 * lone surrogate. Empty lines and lines starting with # are
 * skipped. As in OpenCC's format, only the first of several replacements on a
 * line is used.
 */
export function parseUserDict(text) {
  const entries = new Map();
  const bad = [];
  const broken = [];
  const lines = String(text).replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    const [key, value] = tab < 0 ? line.split(GAP, 2) : [line.slice(0, tab).trim(), line.slice(tab + 1).trim().split(GAP, 1)[0]];
    if (!value) bad.push(i + 1);
    else if (LONE_SURROGATE.test(key) || LONE_SURROGATE.test(value)) broken.push(i + 1);
    else entries.set(key, value);
  });
  // A plain object, for structured cloning to the worker (fromEntries defines
  // "__proto__" as an ordinary key). Its key order does not matter: each phrase
  // is in it once.
  return { entries: Object.fromEntries(entries), count: entries.size, bad, broken };
}
