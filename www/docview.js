// The view of one document: its header (name, encoding override), and five
// tabs — clean text, what was removed (with rule toggles and metadata),
// converted text (any OpenCC configuration), keyword highlighting, and the
// original — each rendered lazily and only when shown.

import { t, num, bytes as fmtBytes, has } from './i18n.js';
import { LazyText, removalRenderer, renderMetadata, encodingText, el, ruleLabel, ruleDescription, engineErrorText } from './views.js';
import { Painter, parseKeywords, PALETTE, supported as highlightApi } from './highlight.js';
import { CancelledError } from './pool.js';
import { announce, download, notice, resultName } from './ui.js';
import { decodeText } from './files.js';
import { textCounts } from './text.js';
import { parseUserDict } from './userdict.js';

const $ = (id) => document.getElementById(id);
export const VIEWS = ['clean', 'removed', 'convert', 'highlight', 'original'];

export function configLabel(id) {
  return has(`config_${id}`) ? `${id} — ${t(`config_${id}`)}` : id;
}

/**
 * @param {{ pool, progress, settings, saveSettings: () => void, saveDoc: (doc) => void,
 *           recleanDoc: (doc) => void, activeDoc: () => any, engine: () => any }} app
 */
/** Why a document has no result: its error in the page's language, cancelled, or still working. */
function unfinishedText(doc) {
  if (doc.status === 'error') return t('cleanFailed', { message: engineErrorText(doc.error) });
  return doc.status === 'cancelled' ? t('cancelledDoc') : t('workingDoc');
}

export function createDocView(app) {
  const tabs = VIEWS.map((v) => $(`tab-${v}`));
  const panels = Object.fromEntries(VIEWS.map((v) => [v, $(`panel-${v}`)]));
  const rendered = {}; // view -> key of what is shown
  const lazies = {}; // view -> LazyText
  const painter = new Painter();
  let hlJob = null;
  let hlTimer = 0;
  let convertJob = null;
  let userDictTimer = 0;
  let originalJob = null;
  let hlCounts = null;

  // ---- tabs (roving tabindex, arrow keys, Home/End) ----
  function selectTab(view, { focus = false } = {}) {
    for (const tab of tabs) {
      const on = tab.dataset.view === view;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) tab.focus();
    }
    for (const v of VIEWS) panels[v].hidden = v !== view;
    const doc = app.activeDoc();
    if (doc && doc.options.view !== view) {
      doc.options.view = view;
      app.saveDoc(doc);
    }
    renderPanel(view);
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab.dataset.view));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      let next = -1;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % tabs.length;
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + tabs.length) % tabs.length;
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = tabs.length - 1;
      if (next < 0) return;
      e.preventDefault();
      selectTab(tabs[next].dataset.view, { focus: true });
    });
  }

  function currentView() {
    return tabs.find((tab) => tab.getAttribute('aria-selected') === 'true').dataset.view;
  }

  // ---- header ----
  function renderHead(doc) {
    $('doc-title').textContent = doc.name;
    const r = doc.result;
    const parts = [fmtBytes(doc.size)];
    if (r) {
      parts.unshift(t(`format_${r.format}`));
      parts.push(encodingText(r.encoding));
    } else if (doc.status === 'queued' || doc.status === 'working') {
      parts.push(t('workingDoc'));
    }
    $('doc-meta').textContent = parts.join(' · ');
    $('encoding-select').value = doc.options.encoding || 'auto';
    const box = $('doc-error');
    box.replaceChildren();
    if (doc.status === 'error' || doc.status === 'cancelled') {
      box.append(el('span', null, unfinishedText(doc)));
      const retry = el('button', 'btn small', t('retry'));
      retry.type = 'button';
      retry.addEventListener('click', () => app.recleanDoc(doc));
      box.append(' ', retry);
      box.hidden = false;
    } else {
      box.hidden = true;
    }
  }

  // ---- panels ----
  function keyFor(doc, view) {
    const base = `${doc.id}:${doc.gen}:${doc.status}`;
    if (view === 'convert') return `${base}:${convertKey(doc)}`;
    if (view === 'highlight') return `${base}:${app.settings.hlTarget}`;
    return base;
  }

  function setLazy(view, container, options) {
    lazies[view]?.destroy();
    lazies[view] = new LazyText(container, options);
    return lazies[view];
  }

  function placeholder(container, text) {
    for (const v of Object.keys(lazies)) {
      if (lazies[v]?.container === container) {
        lazies[v].destroy();
        delete lazies[v];
      }
    }
    container.replaceChildren(el('p', 'placeholder', text));
  }

  function renderPanel(view, force = false) {
    const doc = app.activeDoc();
    if (!doc) return;
    const key = keyFor(doc, view);
    if (!force && rendered[view] === key) return;
    rendered[view] = key;
    const r = doc.result;
    if (view === 'original') return renderOriginal(doc);
    if (!r) {
      const msg = unfinishedText(doc);
      const target = { clean: 'clean-text', removed: 'removed-text', convert: 'convert-text', highlight: 'highlight-text' }[view];
      placeholder($(target), msg);
      clearResultFields(doc, view);
      // The controls show this document's choice while it is being cleaned, not
      // the last document's (a click on the choice shown would change nothing).
      if (view === 'convert') showConvertChoice(doc);
      return;
    }
    if (view === 'clean') {
      const lazy = setLazy('clean', $('clean-text'), { text: r.text });
      const counts = textCounts(r.text, lazy.bounds);
      $('clean-stats').textContent = t('cleanStats', {
        chars: num(counts.chars),
        paras: num(counts.paragraphs),
        removed: num(r.removed.length),
        changed: num(r.changed.length),
      });
    } else if (view === 'removed') {
      setLazy('removed', $('removed-text'), { text: r.source, render: removalRenderer(r.source, r) });
      // Dropped markup (a script, an iframe) is not in the source shown here: say so,
      // or an HTML page whose only removals were such elements reads "0 removals".
      $('removed-stats').textContent =
        t('removedStats', { removed: num(r.removed.length), changed: num(r.changed.length) }) +
        (r.markupDropped ? t('removedStatsMarkup', { count: num(r.markupDropped) }) : '');
      renderMetadata($('metadata'), r);
      renderRules(doc);
    } else if (view === 'convert') {
      renderConvert(doc);
    } else if (view === 'highlight') {
      renderHighlightText(doc);
    }
  }

  /**
   * The fields around a view's text, for a document with no result (failed,
   * cancelled, still cleaning): none of the previous document's statistics,
   * metadata or matches may stay.
   */
  function clearResultFields(doc, view) {
    if (view === 'clean') {
      $('clean-stats').textContent = '';
    } else if (view === 'removed') {
      $('removed-stats').textContent = '';
      renderMetadata($('metadata'), null);
      renderRules(doc);
    } else if (view === 'convert') {
      $('convert-status').textContent = '';
    } else if (view === 'highlight') {
      painter.clear();
      hlCounts = null;
      renderKeywordList([], null);
      position();
      $('hl-status').textContent = '';
    }
  }

  // ---- rules ----
  function renderRules(doc) {
    const list = $('rule-list');
    const rules = app.engine()?.rules || [];
    const counts = {};
    for (const x of doc.result?.removed || []) counts[x.rule] = (counts[x.rule] || 0) + 1;
    for (const x of doc.result?.changed || []) counts[x.rule] = (counts[x.rule] || 0) + 1;
    list.replaceChildren();
    for (const rule of rules) {
      const id = `rule-${rule.id}`;
      const row = el('div', 'rule');
      const box = el('input');
      box.type = 'checkbox';
      box.id = id;
      box.dataset.rule = rule.id;
      box.checked = doc.options.rules[rule.id] !== false;
      const label = el('label', null);
      label.htmlFor = id;
      label.append(el('span', 'rule-name', ruleLabel(rule.id)), ' ', el('span', 'rule-desc', ruleDescription(rule.id, rule.description)));
      const count = el('span', counts[rule.id] ? 'rule-count' : 'rule-count zero', num(counts[rule.id] || 0));
      row.append(box, label, count);
      list.append(row);
    }
  }

  $('rule-list').addEventListener('change', (e) => {
    const box = e.target.closest('input[data-rule]');
    const doc = app.activeDoc();
    if (!box || !doc) return;
    if (box.checked) delete doc.options.rules[box.dataset.rule];
    else doc.options.rules[box.dataset.rule] = false;
    app.saveDoc(doc);
    app.recleanDoc(doc);
  });
  $('rules-reset').addEventListener('click', () => {
    const doc = app.activeDoc();
    if (!doc || Object.keys(doc.options.rules).length === 0) return;
    doc.options.rules = {};
    app.saveDoc(doc);
    app.recleanDoc(doc);
  });

  // ---- conversion ----
  function fillConfigs() {
    const select = $('config-select');
    const current = select.value;
    select.replaceChildren();
    for (const id of app.engine()?.configs || []) {
      const o = el('option', null, configLabel(id));
      o.value = id;
      select.append(o);
    }
    // The active document's choice wins (it may have been restored before
    // the engine listed its configurations).
    select.value = app.activeDoc()?.options.config || current || 's2t';
  }

  function showConvertChoice(doc) {
    const { config, from } = convertChoice(doc);
    $('config-select').value = config;
    for (const radio of document.querySelectorAll('input[name="convert-source"]')) radio.checked = radio.value === from;
    return { config, from };
  }

  function renderConvert(doc) {
    const { config } = showConvertChoice(doc);
    const cacheKey = convertKey(doc);
    const phrases = userDict(); // (the ones this conversion uses)
    const show = (text) => {
      const lazy = setLazy('convert', $('convert-text'), { text });
      $('convert-status').textContent =
        t('convertDone', { config, chars: num(textCounts(text, lazy.bounds).chars) }) +
        (phrases.count ? t('convertUserDict', { count: num(phrases.count) }) : '');
    };
    // A conversion still running is for a choice the user has left, even when
    // the new one is the cached one (back to the scheme just had): stop it, or
    // when it ends it would fill the panel, and the cache, with the other text.
    if (convertJob) {
      app.pool.cancel(convertJob.id);
      convertJob = null;
    }
    if (doc.cache.converted?.key === cacheKey) return show(doc.cache.converted.text);
    placeholder($('convert-text'), t('convertWorking'));
    $('convert-status').textContent = t('convertWorking');
    const { text } = conversionOf(doc);
    const job = app.pool.run('convert', { text, config, dictionary: phrases.count ? phrases.entries : null, dictionaryVersion: phrases.version }, { priority: true });
    convertJob = job;
    app.progress.follow(app.pool, job, () => t('progressConverting', { name: doc.name }));
    job.promise.then(
      (out) => {
        doc.cache.converted = { key: cacheKey, text: out.text };
        if (convertJob !== job) return; // a newer conversion replaced this one
        convertJob = null;
        const shown = app.activeDoc() === doc && currentView() === 'convert' && keyFor(doc, 'convert') === rendered.convert;
        if (shown && convertKey(doc) === cacheKey) show(out.text);
      },
      (err) => {
        if (convertJob !== job) return;
        convertJob = null;
        rendered.convert = null;
        if (err instanceof CancelledError) {
          // Cancelled by the user (a newer choice returns above): say so where
          // the text would be, with a way to start it again.
          $('convert-status').textContent = t('progressCancelled');
          placeholder($('convert-text'), t('convertCancelled'));
          const retry = el('button', 'btn small', t('retry'));
          retry.type = 'button';
          retry.addEventListener('click', () => renderPanel('convert', true));
          $('convert-text').firstChild.append(' ', retry);
          return;
        }
        placeholder($('convert-text'), err.message);
        $('convert-status').textContent = err.message;
      },
    );
  }

  $('config-select').addEventListener('change', () => {
    const doc = app.activeDoc();
    if (!doc) return;
    doc.options.config = $('config-select').value;
    app.saveDoc(doc);
    renderPanel('convert');
  });
  for (const radio of document.querySelectorAll('input[name="convert-source"]')) {
    radio.addEventListener('change', () => {
      const doc = app.activeDoc();
      if (!doc || !radio.checked) return;
      doc.options.convertSource = radio.value;
      app.saveDoc(doc);
      renderPanel('convert');
    });
  }

  /**
   * Wires the "load from a .txt file" button `<id>-button` to its hidden file input
   * `<id>`: `use(text, file)` gets the chosen file's text (its encoding detected,
   * a byte order mark dropped).
   */
  function loadsTextFile(id, use) {
    $(`${id}-button`).addEventListener('click', () => $(id).click());
    $(id).addEventListener('change', async () => {
      const file = $(id).files[0];
      $(id).value = ''; // the same file chosen again is a change too
      if (file) use(decodeText(new Uint8Array(await file.arrayBuffer())), file);
    });
  }

  // ---- the user's phrases (userdict.js): for every document, kept in the settings ----
  // What conversions use is the box's text as of the last pause in typing, parsed
  // then and not at every key (a pasted dictionary may hold 100,000 lines); the
  // settings keep every key at once, so nothing typed is lost. `version` counts the
  // changes: it names the phrases to the workers, which keep a converter per
  // configuration and version, and in the conversion's cache key ("" when there
  // are none, so an empty box converts exactly as no box does).
  let dict = { text: '', entries: {}, count: 0, bad: [], broken: [], key: '', version: 0 };
  let userDictPending = false; // typed, not yet applied
  const userDict = () => dict;
  function applyUserDictText(text) {
    if (text === dict.text) return;
    const parsed = parseUserDict(text);
    const version = dict.version + 1;
    dict = { text, ...parsed, key: parsed.count ? `v${version}` : '', version };
  }

  /** Sets an element's text only when it changes (a live region re-announces a rewrite). */
  const setText = (node, text) => node.textContent !== text && (node.textContent = text);

  /** The box's count and its left-out lines, for the phrases in use. */
  function renderUserDictState() {
    setText($('user-dict-count'), dict.count ? t('userDictCount', { count: num(dict.count) }) : '');
    const { bad, broken } = dict;
    $('user-dict').setAttribute('aria-invalid', String(bad.length + broken.length > 0));
    // Line numbers unformatted ("1234", not "1,234": a comma separates them in English).
    const said = (key, nums) => (nums.length ? t(key, { lines: nums.slice(0, 10).join(t('numberSeparator')) + (nums.length > 10 ? '…' : ''), count: nums.length }) : '');
    setText($('user-dict-error'), [said('userDictBad', bad), said('userDictBroken', broken)].filter(Boolean).join(' '));
  }

  /** After a restore or a clear all: the box shows the settings' phrases, in use at once. */
  function applyUserDict() {
    clearTimeout(userDictTimer);
    userDictPending = false;
    $('user-dict').value = app.settings.userDict || '';
    // Open when it holds something, so the phrases in force are in sight.
    if (app.settings.userDict) $('user-dict-box').open = true;
    applyUserDictText(app.settings.userDict || '');
    renderUserDictState();
  }

  /** The box's text changed: keep it now, use it after `delay` ms without a change. */
  function userDictChanged(delay) {
    app.settings.userDict = $('user-dict').value;
    app.saveSettings();
    userDictPending = true;
    clearTimeout(userDictTimer);
    userDictTimer = setTimeout(flushUserDict, delay);
  }

  /** Puts the phrases typed so far in use now (at a pause in typing, or before "download all"). */
  function flushUserDict() {
    clearTimeout(userDictTimer);
    if (!userDictPending) return;
    userDictPending = false;
    applyUserDictText(app.settings.userDict || '');
    renderUserDictState();
    // A new key for the conversion: the panel converts again (or shows the cached result).
    if (currentView() === 'convert') renderPanel('convert');
  }
  // Converted again once the typing pauses, not at every key.
  $('user-dict').addEventListener('input', () => userDictChanged(400));
  loadsTextFile('user-dict-file', (text, file) => {
    // A file's lines go after the box's own, so they win where both name a phrase.
    const count = parseUserDict(text).count;
    const box = $('user-dict');
    box.value = box.value && !/\n$/.test(box.value) ? `${box.value}\n${text}` : box.value + text;
    userDictChanged(0);
    announce(t('userDictLoaded', { name: file.name, count: num(count) }));
    notice(() => t('userDictLoaded', { name: file.name, count: num(count) }));
  });

  // ---- original ----
  function renderOriginal(doc) {
    const show = (text) => setLazy('original', $('original-text'), { text });
    if (doc.cache.original?.gen === doc.gen) return show(doc.cache.original.text);
    if (originalJob) app.pool.cancel(originalJob.id);
    placeholder($('original-text'), t('progressDecoding'));
    // With automatic detection the encoding is the one the engine finds while
    // cleaning: until this generation's result is in (after a reload, or a change
    // of the encoding option, doc.result is missing or was decoded otherwise),
    // wait for it — the panel is drawn again when the document's status changes.
    // A document that failed or was cancelled has no detection: UTF-8.
    const auto = doc.options.encoding === 'auto';
    if (auto && (doc.status === 'queued' || doc.status === 'working')) {
      originalJob = null;
      return;
    }
    const enc = !auto ? doc.options.encoding : (doc.status === 'done' && doc.result?.encoding?.name) || 'utf-8';
    const job = app.pool.run('decode', { bytes: doc.bytes, encoding: enc }, { priority: true });
    originalJob = job;
    app.progress.follow(app.pool, job, () => t('progressDecoding'));
    const gen = doc.gen;
    job.promise.then(
      (out) => {
        doc.cache.original = { gen, text: out.text };
        if (originalJob !== job) return;
        originalJob = null;
        if (app.activeDoc() === doc && currentView() === 'original' && doc.gen === gen) show(out.text);
      },
      (err) => {
        if (originalJob !== job) return;
        originalJob = null;
        rendered.original = null;
        placeholder($('original-text'), err instanceof CancelledError ? t('progressCancelled') : err.message);
      },
    );
  }

  // ---- highlighting ----
  const hlBoxes = {
    caseInsensitive: $('opt-case'),
    foldWidth: $('opt-width'),
    foldScript: $('opt-script'),
    wholeWord: $('opt-word'),
    ignoreWhitespace: $('opt-space'),
  };

  function hlTargetText(doc) {
    return app.settings.hlTarget === 'source' ? doc.result.source : doc.result.text;
  }

  function renderHighlightText(doc) {
    const lazy = setLazy('highlight', $('highlight-text'), {
      text: hlTargetText(doc),
      onRender: (from, to) => painter.paint(from, to),
      onReset: () => painter.reset(),
    });
    painter.attach(lazy);
    painter.clear();
    runHighlight();
  }

  function position() {
    const n = painter.total;
    $('hl-position').textContent = `${n ? num(painter.current + 1) : 0} / ${num(n)}`;
  }

  function renderKeywordList(keywords, counts) {
    const list = $('keyword-list');
    list.replaceChildren();
    const shown = Math.min(keywords.length, 500);
    for (let i = 0; i < shown; i++) {
      const li = el('li', 'kw');
      li.append(el('span', `swatch jw-sw${i % PALETTE}`), el('span', 'kw-text', keywords[i]), el('span', 'kw-count', counts ? num(counts[i]) : '…'));
      li.dataset.count = counts ? counts[i] : '';
      list.append(li);
    }
    if (keywords.length > shown) list.append(el('li', 'kw more', t('moreKeywords', { count: num(keywords.length - shown) })));
  }

  function hlOptions() {
    const o = {};
    for (const [k, box] of Object.entries(hlBoxes)) o[k] = box.checked;
    return o;
  }

  function runHighlight() {
    const doc = app.activeDoc();
    if (hlJob) {
      app.pool.cancel(hlJob.id);
      hlJob = null;
    }
    const keywords = parseKeywords(app.settings.keywords);
    if (!doc?.result || currentView() !== 'highlight' || !lazies.highlight) return;
    if (keywords.length === 0) {
      painter.clear();
      hlCounts = null;
      renderKeywordList([], null);
      position();
      $('hl-status').textContent = t('hlNone');
      return;
    }
    renderKeywordList(keywords, null);
    $('hl-status').textContent = t('hlWorking');
    const options = hlOptions();
    const job = app.pool.run('highlight', { text: hlTargetText(doc), keywords, options }, { priority: true });
    hlJob = job;
    app.progress.follow(app.pool, job, () => t('progressMatching'));
    const lazy = lazies.highlight;
    job.promise.then(
      (out) => {
        if (hlJob !== job) return;
        hlJob = null;
        if (lazies.highlight !== lazy) return;
        painter.setMatches(out.flat, out.matches);
        hlCounts = out.counts;
        renderKeywordList(keywords, out.counts);
        position();
        const total = out.matches;
        $('hl-status').textContent =
          t('hlCount', { matches: num(total), keywords: num(keywords.length) }) + (painter.useMarks ? ` ${t('hlMarkFallback')}` : '');
      },
      (err) => {
        if (hlJob === job) hlJob = null;
        if (err instanceof CancelledError) return;
        $('hl-status').textContent = err.message;
      },
    );
  }

  function scheduleHighlight(delay = 250) {
    clearTimeout(hlTimer);
    hlTimer = setTimeout(runHighlight, delay);
  }

  /** Shows the settings (after a restore or a clear all) in the highlighting and conversion controls. */
  function applySettings() {
    applyHlSettings();
    applyUserDict();
  }

  function applyHlSettings() {
    $('keywords').value = app.settings.keywords || '';
    for (const [k, box] of Object.entries(hlBoxes)) {
      if (k in (app.settings.hl || {})) box.checked = !!app.settings.hl[k];
    }
    for (const radio of document.querySelectorAll('input[name="hl-target"]')) radio.checked = radio.value === (app.settings.hlTarget || 'clean');
  }

  $('keywords').addEventListener('input', () => {
    app.settings.keywords = $('keywords').value;
    app.saveSettings();
    scheduleHighlight();
  });
  for (const box of Object.values(hlBoxes)) {
    box.addEventListener('change', () => {
      app.settings.hl = hlOptions();
      app.saveSettings();
      scheduleHighlight(0);
    });
  }
  for (const radio of document.querySelectorAll('input[name="hl-target"]')) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      app.settings.hlTarget = radio.value;
      app.saveSettings();
      renderPanel('highlight');
    });
  }
  loadsTextFile('keywords-file', (text, file) => {
    const list = parseKeywords(text);
    const merged = parseKeywords([$('keywords').value, ...list].join('\n'));
    $('keywords').value = merged.join('\n');
    app.settings.keywords = $('keywords').value;
    app.saveSettings();
    announce(t('keywordsLoaded', { name: file.name, count: num(list.length) }));
    notice(() => t('keywordsLoaded', { name: file.name, count: num(list.length) }));
    scheduleHighlight(0);
  });

  function go(delta) {
    if (!painter.total) return;
    painter.go(delta);
    position();
  }
  $('hl-next').addEventListener('click', () => go(1));
  $('hl-prev').addEventListener('click', () => go(-1));
  $('hl-clear').addEventListener('click', () => {
    clearTimeout(hlTimer);
    if (hlJob) app.pool.cancel(hlJob.id);
    hlJob = null;
    painter.clear();
    $('keywords').value = '';
    app.settings.keywords = '';
    app.saveSettings();
    renderKeywordList([], null);
    position();
    $('hl-status').textContent = t('hlNone');
    $('keywords').focus();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'F3' || currentView() !== 'highlight' || $('doc-view').hidden) return;
    e.preventDefault();
    go(e.shiftKey ? -1 : 1);
  });

  // ---- copy and download ----
  /** The conversion a document's view asks for: its configuration, and of which text ('clean' or 'source'). */
  function convertChoice(doc) {
    return { config: doc.options.config || 's2t', from: doc.options.convertSource || 'clean' };
  }

  /**
   * What the conversion tab converts for a finished document, and the name suffix of
   * its download (x.s2t.txt: the clean text converted; x.original.s2t.txt: the original).
   */
  function conversionOf(doc) {
    const { config, from } = convertChoice(doc);
    return {
      config,
      from,
      text: from === 'source' ? doc.result.source : doc.result.text,
      suffix: from === 'source' ? `original.${config}` : config,
    };
  }

  /** The key of the conversion the active view asks for (see renderConvert): the user's phrases count too. */
  function convertKey(doc) {
    const { config, from } = convertChoice(doc);
    return `${doc.gen}:${config}:${from}:${userDict().key}`;
  }

  /**
   * The text of a view, if it is the one the view asks for: not a previous
   * conversion while another configuration converts, nor the old cleaned text
   * while the document is cleaned again (null then).
   */
  function viewText(view) {
    const doc = app.activeDoc();
    if (!doc) return null;
    if (view === 'clean') return doc.status === 'done' ? doc.result?.text ?? null : null;
    if (view === 'convert') return doc.status === 'done' && doc.cache.converted?.key === convertKey(doc) ? doc.cache.converted.text : null;
    if (view === 'original') return doc.cache.original?.gen === doc.gen ? doc.cache.original.text : null;
    return null;
  }

  /**
   * No text to copy or download: say that it is still being made, or why there
   * is none (the document could not be cleaned, the conversion failed).
   */
  function notReady(view, doc) {
    const busy =
      doc.status === 'queued' || doc.status === 'working' || (view === 'convert' && (convertJob || userDictPending)) || (view === 'original' && originalJob);
    let message = t('notReady');
    if (!busy) {
      const reason = doc.status !== 'done' ? unfinishedText(doc) : view === 'convert' ? $('convert-status').textContent : '';
      message = t('nothingToCopy', { reason });
    }
    announce(message);
    notice(message);
  }

  document.addEventListener('click', async (e) => {
    const copy = e.target.closest('[data-copy]');
    const dl = e.target.closest('[data-download]');
    const doc = app.activeDoc();
    if (!doc || (!copy && !dl)) return;
    if (copy) {
      const text = viewText(copy.dataset.copy);
      if (text === null) return notReady(copy.dataset.copy, doc);
      try {
        await navigator.clipboard.writeText(text);
        announce(t('copied'));
        notice(() => t('copied'));
      } catch (err) {
        notice(() => t('copyFailed', { message: err.message }), 'error');
      }
      return;
    }
    const view = dl.dataset.download;
    if (view === 'original') {
      download(new Blob([doc.bytes], { type: 'application/octet-stream' }), doc.name.split('/').pop());
      return;
    }
    const text = viewText(view);
    if (text === null) return notReady(view, doc);
    // x.clean.txt, or the conversion's name (conversionOf): viewText gave the
    // conversion only if it is the one the view asks for.
    const suffix = view === 'clean' ? 'clean' : conversionOf(doc).suffix;
    download(new Blob([text], { type: 'text/plain;charset=utf-8' }), resultName(doc.name.split('/').pop(), suffix));
  });

  // ---- the whole view ----
  function show(doc) {
    $('empty-state').hidden = !!doc;
    $('doc-view').hidden = !doc;
    if (!doc) {
      for (const v of VIEWS) {
        lazies[v]?.destroy();
        delete lazies[v];
        rendered[v] = null;
      }
      painter.clear();
      return;
    }
    renderHead(doc);
    const view = VIEWS.includes(doc.options.view) ? doc.options.view : 'clean';
    selectTab(view);
  }

  /** The active document changed (new result, status …): re-render what depends on it. */
  function refresh(doc) {
    if (doc !== app.activeDoc()) return;
    renderHead(doc);
    renderPanel(currentView());
  }

  function relabel() {
    fillConfigs();
    renderUserDictState();
    const doc = app.activeDoc();
    if (!doc) return;
    renderHead(doc);
    for (const v of VIEWS) rendered[v] = null;
    renderPanel(currentView(), true);
  }

  return {
    show,
    refresh,
    relabel,
    fillConfigs,
    applySettings,
    /** The user's phrases in use ({ entries, count, version }; see userDict). */
    userPhrases: userDict,
    flushUserDict,
    conversionOf,
    /** The conversion the tab made of `doc` with its current choice and phrases, or null. */
    convertedText: (doc) => (doc.cache.converted?.key === convertKey(doc) ? doc.cache.converted.text : null),
    currentView,
    renderRules: () => app.activeDoc()?.result && currentView() === 'removed' && renderRules(app.activeDoc()),
    painter,
  };
}
