// Worker pool: runs jobs on a few module workers (sized from
// navigator.hardwareConcurrency, at most 4). Cancelling a running job
// terminates its worker and starts a fresh one; a worker that dies or whose
// wasm traps is replaced too, and the job fails with EngineCrashError so the
// page can tell the user (their documents stay where they are).

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export class EngineCrashError extends Error {
  /** `code`: the engine's, when it said why (`out-of-memory`). */
  constructor(message, code) {
    super(message);
    this.name = 'EngineCrashError';
    if (code) this.code = code;
  }
}

export function poolSize() {
  const cores = Number(navigator.hardwareConcurrency) || 2;
  return Math.max(1, Math.min(4, cores));
}

export class Pool {
  #url;
  #initPayload;
  #slots = [];
  #queue = [];
  #jobs = new Map();
  #nextId = 1;
  #onCrash;
  #info = null;
  #payload = null;

  /**
   * @param {URL|string} url module worker script
   * @param {{ size?: number, initPayload?: () => Promise<object>, onCrash?: (err: Error) => void }} options
   */
  constructor(url, { size = poolSize(), initPayload = async () => ({}), onCrash = () => {} } = {}) {
    this.#url = url;
    this.#onCrash = onCrash;
    this.#initPayload = initPayload().catch(() => ({}));
    this.#initPayload.then((payload) => (this.#payload = payload));
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn());
    // The first worker's answer to `init` describes the engine.
    this.ready = this.#slots[0].ready;
  }

  get size() {
    return this.#slots.length;
  }

  /** Jobs queued or running. */
  get pending() {
    return this.#jobs.size;
  }

  #spawn() {
    const slot = { worker: null, job: null, ready: null };
    const worker = new Worker(this.#url, { type: 'module', name: 'jingwen' });
    slot.worker = worker;
    worker.onmessage = (e) => this.#message(slot, e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.#crash(slot, new EngineCrashError(e.message || 'the worker stopped'));
    };
    worker.onmessageerror = () => this.#crash(slot, new EngineCrashError('a message could not be read'));
    slot.initId = this.#nextId++;
    slot.ready = new Promise((resolve, reject) => {
      slot.initResolve = resolve;
      slot.initReject = reject;
    });
    slot.ready.catch(() => {});
    // `init` always goes first: the worker queues jobs behind it.
    if (this.#payload) worker.postMessage({ id: slot.initId, type: 'init', payload: this.#payload });
    else {
      this.#initPayload.then(
        (payload) => worker.postMessage({ id: slot.initId, type: 'init', payload }),
        () => worker.postMessage({ id: slot.initId, type: 'init', payload: {} }),
      );
    }
    return slot;
  }

  #message(slot, msg) {
    if (msg.id === slot.initId) {
      if (msg.ok) {
        this.#info ??= msg.result;
        slot.initResolve(msg.result);
      } else {
        slot.initReject(new Error(msg.error.message));
      }
      return;
    }
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    if ('progress' in msg) {
      job.onProgress?.(msg.progress);
      return;
    }
    slot.job = null;
    this.#jobs.delete(job.id);
    if (msg.ok) {
      job.resolve(msg.result);
    } else if (msg.fatal) {
      const err = new EngineCrashError(msg.error.message, msg.error.code);
      job.reject(err);
      this.#replace(slot);
      this.#onCrash(err);
    } else {
      const { name, message, ...details } = msg.error;
      const err = Object.assign(new Error(message), details);
      err.name = name;
      job.reject(err);
    }
    this.#pump();
  }

  #crash(slot, err) {
    const job = slot.job;
    slot.job = null;
    if (job) {
      this.#jobs.delete(job.id);
      job.reject(err);
    }
    slot.initReject?.(err);
    this.#replace(slot);
    this.#onCrash(err);
    this.#pump();
  }

  #replace(slot) {
    slot.worker.onmessage = slot.worker.onerror = slot.worker.onmessageerror = null;
    slot.worker.terminate();
    const i = this.#slots.indexOf(slot);
    if (i >= 0) this.#slots[i] = this.#spawn();
  }

  #pump() {
    for (const slot of this.#slots) {
      if (slot.job || this.#queue.length === 0) continue;
      const job = this.#queue.shift();
      slot.job = job;
      job.slot = slot;
      job.started = true;
      job.onStart?.();
      slot.worker.postMessage({ id: job.id, type: job.type, payload: job.payload }, job.transfer);
    }
  }

  /**
   * Queues a job. Returns { id, promise }.
   * @param {string} type
   * @param {object} payload
   * @param {{ transfer?: Transferable[], onProgress?: (stage: string) => void, onStart?: () => void, priority?: boolean }} [options]
   */
  run(type, payload, { transfer = [], onProgress, onStart, priority = false } = {}) {
    const id = this.#nextId++;
    let resolve, reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job = { id, type, payload, transfer, onProgress, onStart, resolve, reject, started: false, slot: null };
    this.#jobs.set(id, job);
    if (priority) this.#queue.unshift(job);
    else this.#queue.push(job);
    this.#pump();
    return { id, promise };
  }

  /** Cancels a job: dropped from the queue, or its worker terminated and replaced. */
  cancel(id) {
    const job = this.#jobs.get(id);
    if (!job) return false;
    this.#jobs.delete(id);
    if (job.started && job.slot) {
      job.slot.job = null;
      this.#replace(job.slot);
    } else {
      const i = this.#queue.indexOf(job);
      if (i >= 0) this.#queue.splice(i, 1);
    }
    job.reject(new CancelledError());
    this.#pump();
    return true;
  }

  /** Is this job still queued or running? */
  has(id) {
    return this.#jobs.has(id);
  }
}
