/**
 * Autosave to the recovery file: every interval while there are unsaved changes that have not
 * been written yet, and on demand (before every export). Timers are injected so tests can drive
 * them.
 */
export const AUTOSAVE_INTERVAL_MS = 30_000;

export interface AutosaveOptions<V = unknown> {
  intervalMs?: number;
  /** unsaved changes exist */
  isDirty: () => boolean;
  /** an identity for the document as it is now: a write is skipped when it has not changed */
  version: () => V;
  /** whether two identities are the same document (Object.is unless given) */
  same?: (a: V, b: V) => boolean;
  write: () => Promise<void>;
  onError?: (err: unknown) => void;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export class Autosaver<V = unknown> {
  private handle: unknown = null;
  private written: { version: V } | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: AutosaveOptions<V>) {}

  start(): void {
    if (this.handle !== null) return;
    const every = this.options.setInterval ?? ((fn, ms) => globalThis.setInterval(fn, ms));
    this.handle = every(() => void this.flush(), this.options.intervalMs ?? AUTOSAVE_INTERVAL_MS);
  }

  stop(): void {
    if (this.handle === null) return;
    const clear =
      this.options.clearInterval ?? ((h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>));
    clear(this.handle);
    this.handle = null;
  }

  /** Write now if there is something new to write; resolves when written (or when there was nothing). */
  async flush(): Promise<void> {
    if (this.running) await this.running.catch(() => undefined);
    if (!this.options.isDirty()) return;
    const version = this.options.version();
    const same = this.options.same ?? Object.is;
    if (this.written && same(version, this.written.version)) return;
    this.running = this.options.write().then(
      () => {
        this.written = { version };
      },
      (err: unknown) => this.options.onError?.(err),
    );
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }
}
