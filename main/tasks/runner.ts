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

/** Asks an idle worker to end by itself, so it runs its exit handlers (the code cache is saved then). */
export interface WorkerRetire {
  retire: true;
}

/** How long a retiring worker may take to end by itself before it is stopped. */
const RETIRE_MS = 2_000;

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
  /**
   * Memory a job may take, in MB, heap and buffers together: what the process has grown by since
   * the job began, sampled while it runs (a PDF stream or an unpacked file lives outside the heap,
   * where the heap limit does not see it). A job past it stops with a message naming the limit.
   */
  maxMemoryMb?: number;
  /**
   * How much computing a job of each kind may take, in ms of CPU time (the process's, shared among
   * the jobs running): on a machine busy with other work a job is not stopped for waiting its turn.
   * Past it, or past four times as long on the clock, the job stops with a message saying so.
   */
  timeLimitMs?: Partial<Record<JobKind, number>>;
  /** an idle worker is stopped after this long, giving its memory back */
  idleMs?: number;
}

/**
 * The limits both hosts and the command line run jobs under: imports of any file end within 75 s of
 * computing and 1.5 GB (less on a machine with under 6 GB), with a message saying which limit
 * stopped them.
 * A real report imports in seconds and a few hundred MB; a 50 MB text file, the largest tested,
 * in under 10 s and about 1 GB.
 */
export function defaultWorkerLimits(
  memoryBytes = totalmem(),
): Required<Pick<WorkerPoolOptions, 'maxHeapMb' | 'maxMemoryMb' | 'timeLimitMs'>> {
  const mb = defaultWorkerHeapMb(memoryBytes);
  return {
    maxHeapMb: mb,
    maxMemoryMb: mb,
    // a heavy request's body is as untrusted as a file (a paste, a project opened): the same limit
    timeLimitMs: {
      import: IMPORT_TIME_LIMIT_MS,
      paste: IMPORT_TIME_LIMIT_MS,
      reanalyze: IMPORT_TIME_LIMIT_MS,
      request: IMPORT_TIME_LIMIT_MS,
      // a conversion is an import, then rendering that takes a fraction of it
      convert: 2 * IMPORT_TIME_LIMIT_MS,
    },
  };
}

/** How much computing an import may take: every file must end within 90 s, start-up included. */
export const IMPORT_TIME_LIMIT_MS = 75_000;
/** How often a running job's memory and time are looked at. */
const WATCH_MS = 100;
/** A job that has not used its computing time after this many times as long on the clock is stopped too. */
const WALL_FACTOR = 4;

interface Pending {
  id: number;
  job: Job;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  slot?: Slot;
  settled: boolean;
  /** the process's resident memory when the job began */
  baseRss?: number;
  /** the process's CPU time, and the clock, when the job began */
  baseCpu?: NodeJS.CpuUsage;
  startedAt?: number;
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
 * A worker's memory limit for this machine: a quarter of its memory, between 1 and 1.5 GB, so that
 * no file takes the app past 2 GB. A 50 MB text file needs about 1 GB to import; past the limit the
 * job stops with a message, the app carries on.
 */
export function defaultWorkerHeapMb(memoryBytes = totalmem()): number {
  return Math.round(Math.min(1536, Math.max(1024, memoryBytes / 4 / 1024 / 1024)));
}
const DEFAULT_IDLE_MS = 5 * 60 * 1000;

/** How staff name the work a job does, for messages. */
const JOB_LABEL = {
  import: { zh: '导入', en: 'the import' },
  paste: { zh: '导入', en: 'the import' },
  reanalyze: { zh: '重新分析', en: 'the re-analysis' },
  render: { zh: '导出', en: 'the export' },
  request: { zh: '保存或导出', en: 'the save or export' },
  convert: { zh: '转换', en: 'the conversion' },
} as const satisfies Record<JobKind, { zh: string; en: string }>;

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 160) ?? '';

const sizeOf = (mb: number | undefined): string =>
  mb === undefined ? '' : mb >= 1024 ? `${+(mb / 1024).toFixed(1)} GB` : `${mb} MB`;

/** A job that needed more memory than its limit (`limitMb`, when known). */
export function outOfMemory(kind: JobKind, limitMb?: number): AppError {
  const label = JOB_LABEL[kind];
  const limit = sizeOf(limitMb);
  return new AppError(
    'out-of-memory',
    `${label.zh}用到的内存超过了上限${limit ? `（${limit}）` : ''}，已停止。文件可能太大，或已损坏、是特意构造的：请用原来的程序打开检查，把报告拆成几个较小的文件，或另存为 .txt 后再导入。已编辑的内容不会丢失。`,
    `${capitalized(label.en)} needed more memory than its limit${limit ? ` (${limit})` : ''} and was stopped. The file may be too large, damaged or crafted: open it in the program that made it, split the report into smaller files, or save it as .txt and import that. Your work is not lost.`,
  );
}

/** A job that ran past its time limit. */
export function tooSlow(kind: JobKind, limitMs: number): AppError {
  const label = JOB_LABEL[kind];
  const seconds = Math.max(1, Math.round(limitMs / 1000));
  return new AppError(
    'too-slow',
    `${label.zh}用了 ${seconds} 秒的计算时间仍未完成，已停止。文件过大或结构异常（可能已损坏或是特意构造的）：请用原来的程序打开检查，另存一份或拆分后再导入。已编辑的内容不会丢失。`,
    `${capitalized(label.en)} did not finish within ${seconds} s of computing and was stopped. The file is too large or oddly built (damaged or crafted): open it in the program that made it, check it, and import a saved copy or its parts. Your work is not lost.`,
  );
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The error a job gets when its worker dies under it: out of memory, or any other crash. */
export function workerFailure(kind: JobKind, cause: unknown, exitCode?: number, heapMb?: number): AppError {
  const label = JOB_LABEL[kind];
  if ((cause as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return outOfMemory(kind, heapMb);
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
  private watch?: ReturnType<typeof setInterval>;

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
    clearInterval(this.watch);
    for (const p of this.queue.splice(0)) this.settle(p, canceledError());
    await Promise.all(
      [...this.slots].map((slot) =>
        slot.job === null && !slot.stopping ? this.retire(slot) : this.stop(slot, canceledError()),
      ),
    );
  }

  /** End an idle worker by asking it to, and stop it only if it does not end in time. */
  private async retire(slot: Slot): Promise<void> {
    slot.stopping = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const ended = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), RETIRE_MS);
      slot.worker.once('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    try {
      slot.worker.postMessage({ retire: true } satisfies WorkerRetire);
    } catch {
      // already gone
    }
    if (!(await ended)) await slot.worker.terminate().catch(() => undefined);
    this.slots.delete(slot);
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
    this.limit(slot, pending);
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
    if (pending && !slot.stopping)
      this.settle(pending, workerFailure(pending.job.kind, err, exitCode, this.options.maxHeapMb));
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

  /** Hold a starting job to the pool's time and memory limits. */
  private limit(slot: Slot, pending: Pending): void {
    const { maxMemoryMb, timeLimitMs } = this.options;
    if (maxMemoryMb === undefined && timeLimitMs?.[pending.job.kind] === undefined) return;
    pending.baseRss = process.memoryUsage.rss();
    pending.baseCpu = process.cpuUsage();
    pending.startedAt = performance.now();
    this.watch ??= setInterval(() => this.checkLimits(), WATCH_MS);
    this.watch.unref();
  }

  /**
   * The running jobs against their limits. Memory: the process's growth since they began, against
   * what they may take together (the heap limit stops a worker whose objects grow too large; this
   * also sees buffers); past it, the jobs running stop (one, nearly always: the page imports one
   * file at a time). Time: the process's CPU time since each began, shared among them.
   */
  private checkLimits(): void {
    const running = [...this.slots].filter((s) => s.job && !s.stopping);
    if (running.length === 0) {
      clearInterval(this.watch);
      this.watch = undefined;
      return;
    }
    const limitMb = this.options.maxMemoryMb;
    if (limitMb !== undefined) {
      const base = Math.min(...running.map((s) => s.job?.baseRss ?? Infinity));
      if (process.memoryUsage.rss() - base > limitMb * 1024 * 1024 * running.length) {
        for (const slot of running)
          if (slot.job) void this.stop(slot, outOfMemory(slot.job.job.kind, limitMb));
        return;
      }
    }
    for (const slot of running) {
      const job = slot.job;
      if (!job?.baseCpu || job.startedAt === undefined) continue;
      const limitMs = this.options.timeLimitMs?.[job.job.kind];
      if (limitMs === undefined) continue;
      const cpu = process.cpuUsage(job.baseCpu);
      const computed = (cpu.user + cpu.system) / 1000 / running.length;
      const waited = performance.now() - job.startedAt;
      if (computed > limitMs || waited > limitMs * WALL_FACTOR)
        void this.stop(slot, tooSlow(job.job.kind, limitMs));
    }
  }

  private settle(pending: Pending, err: unknown, value?: unknown): void {
    if (pending.settled) return;
    pending.settled = true;
    if (err) pending.reject(err);
    else pending.resolve(value);
  }
}
