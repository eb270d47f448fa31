import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WireError } from '../contract';
import { AppError } from '../errors';
import { canceledError, jobTransferList, runJob, type Job, type JobKind, type JobResult } from './jobs';

/**
 * Where main's long, pure work runs. The hosts use a pool of worker threads, so an import of a
 * 50 MB file or the writing of a 15 MB .docx never holds the main process (menus, window moves,
 * every other request); without one (the command line, tests of the handlers) jobs run in place.
 */
export interface TaskRunner {
  run<K extends JobKind>(job: Extract<Job, { kind: K }>, options?: RunOptions): Promise<JobResult<K>>;
  close(): Promise<void>;
}

export interface RunOptions {
  /** 0…1, in order, ending at 1 when the job succeeds */
  onProgress?: (fraction: number) => void;
  /** aborting fails the job with the code `canceled`; in a worker, the work itself stops at once */
  signal?: AbortSignal;
}

/**
 * Jobs run in the calling thread. Synchronous work cannot be interrupted here, so a cancel takes
 * effect when the job ends: its result is dropped and the call fails as canceled.
 */
export const inProcessRunner: TaskRunner = {
  async run(job, options = {}) {
    if (options.signal?.aborted) throw canceledError();
    const result = await runJob(job, options.onProgress);
    if (options.signal?.aborted) throw canceledError();
    return result;
  },
  close: async () => undefined,
};

/** Messages from the worker thread (main/task-worker.ts). */
export type WorkerMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'failed'; error: WireError };

/** What main sends the worker thread: one job at a time. */
export interface WorkerRequest {
  id: number;
  job: Job;
}

export interface WorkerPoolOptions {
  /** the built worker script, out/main/task-worker.js */
  script: URL | string;
  /** at most this many jobs at once; more wait their turn */
  size?: number;
  /**
   * Heap limit of each worker, in MB. A job that needs more stops with a clear message, and the
   * app, whose own heap is separate, carries on.
   */
  maxHeapMb?: number;
  /** an idle worker is stopped after this long, giving its memory back */
  idleMs?: number;
}

interface Pending {
  id: number;
  job: Job;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  slot?: Slot;
  settled: boolean;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
  idleTimer?: ReturnType<typeof setTimeout>;
  /** terminated on purpose (cancel, idle, close): its exit is not a crash */
  stopping: boolean;
}

const DEFAULT_SIZE = 2;

/**
 * A worker's heap limit for this machine: half its memory, between 1 and 4 GB. A 50 MB text file
 * needs about 1 GB to import; past the limit the job stops with a message, the app carries on.
 */
export function defaultWorkerHeapMb(memoryBytes = totalmem()): number {
  return Math.round(Math.min(4096, Math.max(1024, memoryBytes / 2 / 1024 / 1024)));
}
const DEFAULT_IDLE_MS = 5 * 60 * 1000;

/** How staff name the work a job does, for messages. */
const JOB_LABEL = {
  import: { zh: '导入', en: 'the import' },
  paste: { zh: '导入', en: 'the import' },
  reanalyze: { zh: '重新分析', en: 'the re-analysis' },
  render: { zh: '导出', en: 'the export' },
  convert: { zh: '转换', en: 'the conversion' },
} as const satisfies Record<JobKind, { zh: string; en: string }>;

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 160) ?? '';

/** The error a job gets when its worker dies under it: out of memory, or any other crash. */
export function workerFailure(kind: JobKind, cause: unknown, exitCode?: number): AppError {
  const label = JOB_LABEL[kind];
  if ((cause as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError(
      'out-of-memory',
      `内存不足，${label.zh}没有完成。文件可能太大：请把报告拆成几个较小的文件，或另存为 .txt 后再导入。已编辑的内容不会丢失。`,
      `Out of memory: ${label.en} did not finish. The file may be too large: split the report into smaller files, or save it as .txt and import that. Your work is not lost.`,
    );
  }
  const detail = cause !== undefined ? firstLine(cause) : `exit code ${exitCode ?? '?'}`;
  return new AppError(
    'worker-crashed',
    `${label.zh}的后台任务意外中止（${detail}）。已编辑的内容不会丢失，请重试。`,
    `The background task for ${label.en} stopped unexpectedly (${detail}). Your work is not lost; please try again.`,
  );
}

/**
 * Worker threads that run jobs: started on demand, up to `size` at once, kept a while when idle
 * (without keeping the process alive). Cancel terminates the job's worker; a worker that crashes
 * or runs out of memory fails its job with a message a secretary can act on, never a hang.
 */
export class WorkerPool implements TaskRunner {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  run<K extends JobKind>(job: Extract<Job, { kind: K }>, options: RunOptions = {}): Promise<JobResult<K>> {
    return new Promise<JobResult<K>>((resolve, reject) => {
      if (this.closed) return reject(canceledError());
      if (options.signal?.aborted) return reject(canceledError());
      const pending: Pending = {
        id: this.nextId++,
        job,
        options,
        resolve: resolve as (value: unknown) => void,
        reject,
        settled: false,
      };
      options.signal?.addEventListener('abort', () => void this.cancel(pending), { once: true });
      this.queue.push(pending);
      this.pump();
    });
  }

  /** Start a worker now, so the first job does not wait for one to load. */
  warm(): void {
    if (this.closed || this.slots.size > 0) return;
    this.idle(this.spawn());
  }

  /** Stop every worker; jobs still waiting or running fail as canceled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) this.settle(p, canceledError());
    await Promise.all([...this.slots].map((slot) => this.stop(slot, canceledError())));
  }

  /** Workers alive now (tests watch cancel and crash clean up after themselves). */
  get workerCount(): number {
    return this.slots.size;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.job === null && !s.stopping);
      if (!slot && this.slots.size < (this.options.size ?? DEFAULT_SIZE)) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift()!;
      this.start(slot, pending);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(
      this.options.script,
      this.options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {},
    );
    const slot: Slot = { worker, job: null, stopping: false };
    this.slots.add(slot);
    worker.on('message', (msg: WorkerMessage) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onDeath(slot, err));
    worker.on('exit', (code) => this.onDeath(slot, undefined, code));
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.job = pending;
    pending.slot = slot;
    // a job in hand keeps the process alive until it ends; an idle worker does not
    slot.worker.ref();
    const request: WorkerRequest = { id: pending.id, job: pending.job };
    try {
      slot.worker.postMessage(request, jobTransferList(pending.job));
    } catch (err) {
      slot.job = null;
      this.idle(slot);
      this.settle(pending, new AppError('internal', `无法开始后台任务：${firstLine(err)}`, firstLine(err)));
    }
  }

  private onMessage(slot: Slot, msg: WorkerMessage): void {
    const pending = slot.job;
    // a worker being stopped (cancel) has lost its job, even if its answer was already on the way
    if (!pending || slot.stopping || msg.id !== pending.id || pending.settled) return;
    switch (msg.type) {
      case 'progress':
        pending.options.onProgress?.(msg.fraction);
        return;
      case 'done':
        this.finish(slot);
        this.settle(pending, null, msg.result);
        return;
      case 'failed':
        this.finish(slot);
        this.settle(pending, new AppError(msg.error.code, msg.error.message, msg.error.messageEn));
        return;
    }
  }

  /** The worker ended: on purpose (nothing to do) or under a job (which fails with why). */
  private onDeath(slot: Slot, err?: unknown, exitCode?: number): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const pending = slot.job;
    slot.job = null;
    if (pending && !slot.stopping) this.settle(pending, workerFailure(pending.job.kind, err, exitCode));
    // a worker that is gone may still owe the queue its place
    if (!this.closed) this.pump();
  }

  private finish(slot: Slot): void {
    slot.job = null;
    this.idle(slot);
    this.pump();
  }

  private idle(slot: Slot): void {
    if (slot.job !== null) return;
    slot.worker.unref();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => void this.stop(slot), this.options.idleMs ?? DEFAULT_IDLE_MS);
    slot.idleTimer.unref();
  }

  private async cancel(pending: Pending): Promise<void> {
    if (pending.settled) return;
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(pending, canceledError());
      return;
    }
    // synchronous work cannot be interrupted from outside, only its thread stopped
    if (pending.slot) await this.stop(pending.slot, canceledError());
  }

  /** Terminate a worker on purpose, failing its job (if any) with `reason`. */
  private async stop(slot: Slot, reason?: AppError): Promise<void> {
    if (slot.stopping) return;
    slot.stopping = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const pending = slot.job;
    await slot.worker.terminate().catch(() => undefined);
    this.slots.delete(slot);
    slot.job = null;
    if (pending) this.settle(pending, reason ?? canceledError());
    if (!this.closed) this.pump();
  }

  private settle(pending: Pending, err: unknown, value?: unknown): void {
    if (pending.settled) return;
    pending.settled = true;
    if (err) pending.reject(err);
    else pending.resolve(value);
  }
}
