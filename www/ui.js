// Small pieces of interface shared by the page's modules: inline notices
// (errors stay until dismissed), screen-reader announcements, downloads, and
// the progress indicator that follows every job and drives the Cancel button.

import { t } from './i18n.js';
import { CancelledError } from './pool.js';
import { el } from './views.js';

const $ = (id) => document.getElementById(id);

/**
 * Shows a message above the document; errors are alerts and stay until dismissed.
 * `message`: its text, or a function giving it in the current language — such a
 * notice follows a change of language, as its close button does.
 */
export function notice(message, kind = 'info') {
  const list = $('notices');
  const item = el('li', `notice notice-${kind}`);
  if (kind === 'error') item.setAttribute('role', 'alert');
  const text = el('span', 'notice-text', typeof message === 'function' ? message() : message);
  if (typeof message === 'function') texts.set(text, message);
  item.append(text);
  const close = el('button', 'notice-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', t('dismiss'));
  close.addEventListener('click', () => item.remove());
  item.append(close);
  list.append(item);
  while (list.children.length > 6) list.firstElementChild.remove();
  if (kind !== 'error') setTimeout(() => item.remove(), 10000);
  return item;
}

const texts = new WeakMap(); // a notice's text element -> the function giving its text

/** The notices on screen, in the current language. */
export function relabelNotices() {
  for (const item of $('notices').children) {
    const text = item.querySelector('.notice-text');
    const message = texts.get(text);
    if (message) text.textContent = message();
    item.querySelector('.notice-close')?.setAttribute('aria-label', t('dismiss'));
  }
}

export function clearNotices() {
  $('notices').replaceChildren();
}

let announcing = [];
let announceTimer = 0;

/** Says something to screen readers (and nothing visible). */
export function announce(message) {
  const a = $('announcer');
  a.textContent = '';
  // A fresh text node in a later task is announced even when it repeats; and
  // messages that come meanwhile are said together, none replacing another.
  announcing.push(message);
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    a.textContent = announcing.join(' ');
    announcing = [];
  }, 50);
}

/** Saves a Blob as a file. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A text file name for a result: "name.clean.txt" from "name.html". */
export function resultName(name, suffix) {
  const base = name.replace(/\.(txt|text|html?|xhtml|md|markdown)$/i, '');
  return `${base}${suffix ? `.${suffix}` : ''}.txt`;
}

// How long the queue must stay empty before the next job starts a new count:
// the documents of one drop are read one after another, and between two of
// them the queue is empty for an instant, which must not restart the count.
const BATCH_IDLE_MS = 1500;

/**
 * Follows jobs for the progress bar: one job shows its stage (indeterminate,
 * or a fraction while reading a file); a batch shows done / total, counted
 * until the queue has been idle for a while.
 */
export class Progress {
  #jobs = new Map(); // key -> { label: () => string, fraction: number|null, cancel: () => void, counted: boolean }
  #total = 0;
  #done = 0;
  #cancelled = 0;
  #resetTimer = 0;

  constructor() {
    this.area = $('progress-area');
    this.bar = $('progress');
    this.label = $('progress-label');
    this.cancelButton = $('cancel-button');
    this.cancelButton.addEventListener('click', () => this.cancelAll());
  }

  get active() {
    return this.#jobs.size > 0;
  }

  /**
   * Starts following a job; returns a handle to update or finish it. A job
   * that is only the first step of another (reading the file a cleaning job
   * then takes) is shown but not `counted`, so a dropped document is one task.
   */
  add(label, cancel, { counted = true } = {}) {
    const key = Symbol('job');
    this.#jobs.set(key, { label, fraction: null, cancel, counted });
    if (counted) this.#total++;
    this.render();
    return {
      update: (fraction, newLabel) => {
        const job = this.#jobs.get(key);
        if (!job) return;
        job.fraction = fraction;
        if (newLabel) job.label = newLabel;
        this.render();
      },
      /** `cancelled`: the job ended because it was cancelled, not done. */
      done: (cancelled = false) => {
        const job = this.#jobs.get(key);
        if (!job) return;
        this.#jobs.delete(key);
        if (job.counted) {
          if (cancelled) this.#cancelled++;
          else this.#done++;
        }
        this.render();
      },
    };
  }

  /** Follows a pool job until it settles. */
  follow(pool, handle, label) {
    const job = this.add(label, () => pool.cancel(handle.id));
    handle.promise.then(
      () => job.done(),
      (err) => job.done(err instanceof CancelledError),
    );
    return job;
  }

  cancelAll() {
    const jobs = [...this.#jobs.values()];
    for (const job of jobs) job.cancel?.();
    this.render(t('progressCancelled'));
  }

  /** What the idle bar says of the batch that just ended. */
  #summary() {
    if (!this.#total) return t('idle');
    if (!this.#cancelled) return t('progressDone', { total: this.#total });
    if (!this.#done) return t('progressCancelled');
    return t('progressSomeCancelled', { done: this.#done, cancelled: this.#cancelled });
  }

  render(finalLabel) {
    clearTimeout(this.#resetTimer);
    const jobs = [...this.#jobs.values()];
    this.cancelButton.disabled = jobs.length === 0;
    if (jobs.length === 0) {
      this.area.dataset.active = 'false';
      this.bar.max = 1;
      this.bar.value = this.#total ? 1 : 0;
      this.label.textContent = finalLabel || this.#summary();
      this.#resetTimer = setTimeout(() => (this.#total = this.#done = this.#cancelled = 0), BATCH_IDLE_MS);
      return;
    }
    this.area.dataset.active = 'true';
    const first = jobs[0];
    const what = typeof first.label === 'function' ? first.label() : first.label;
    if (this.#total > 1) {
      // A cancelled job has ended too: the bar counts it, the label says how many.
      const ended = this.#done + this.#cancelled;
      this.bar.max = this.#total;
      this.bar.value = ended + (jobs.length === 1 && first.fraction !== null ? first.fraction : 0);
      const counts = this.#cancelled
        ? t('progressBatchCancelled', { done: ended, total: this.#total, cancelled: this.#cancelled })
        : t('progressBatch', { done: ended, total: this.#total });
      this.label.textContent = `${counts} · ${what}`;
    } else if (first.fraction !== null) {
      this.bar.max = 1;
      this.bar.value = first.fraction;
      this.label.textContent = `${what} · ${Math.round(first.fraction * 100)}%`;
    } else {
      this.bar.removeAttribute('value'); // indeterminate
      this.label.textContent = `${what}…`;
    }
  }
}
