import type { TaskProgress, TaskStage } from '../contract';
import type { RunOptions } from './runner';

/**
 * The tasks the page has named (with a taskId) and main is running: how far each has got, and a
 * way to cancel it. The page polls `task:progress`, so both hosts need nothing but their ordinary
 * request channel.
 */
export interface TaskHandle extends RunOptions {
  /** the step the task has reached, and the pages it makes once known (the progress bar's words) */
  stage(stage: TaskStage, pages?: number): void;
  end(): void;
}

/** A cancel that arrives before its task (the upload of a big file is still under way) waits this long. */
const EARLY_CANCEL_MS = 60_000;
const MAX_EARLY_CANCELS = 100;

export class TaskBoard {
  private readonly running = new Map<
    string,
    { fraction: number; controller: AbortController; stage?: TaskStage; pages?: number }
  >();
  private readonly canceledEarly = new Map<string, number>();

  /** Register a task; without an id the task is simply not visible to the page. */
  begin(taskId: string | undefined): TaskHandle {
    if (taskId === undefined) return { stage: () => undefined, end: () => undefined };
    const controller = new AbortController();
    const entry: { fraction: number; controller: AbortController; stage?: TaskStage; pages?: number } = {
      fraction: 0,
      controller,
    };
    this.running.set(taskId, entry);
    const early = this.canceledEarly.get(taskId);
    this.canceledEarly.delete(taskId);
    if (early !== undefined && early > Date.now()) controller.abort();
    return {
      signal: controller.signal,
      onProgress: (fraction) => {
        entry.fraction = Math.max(entry.fraction, Math.min(1, Math.max(0, fraction)));
      },
      stage: (stage, pages) => {
        entry.stage = stage;
        if (pages !== undefined) entry.pages = pages;
      },
      end: () => {
        if (this.running.get(taskId) === entry) this.running.delete(taskId);
      },
    };
  }

  progress(taskId: string): TaskProgress {
    const entry = this.running.get(taskId);
    if (!entry) return { running: false, fraction: 0 };
    return {
      running: true,
      fraction: entry.fraction,
      ...(entry.stage ? { stage: entry.stage } : {}),
      ...(entry.pages !== undefined ? { pages: entry.pages } : {}),
    };
  }

  cancel(taskId: string): void {
    const entry = this.running.get(taskId);
    if (entry) {
      entry.controller.abort();
      return;
    }
    const now = Date.now();
    for (const [id, until] of this.canceledEarly) if (until <= now) this.canceledEarly.delete(id);
    this.canceledEarly.set(taskId, now + EARLY_CANCEL_MS);
    // ids are the page's own: a page that cancels a great many unknown ones keeps only the latest
    if (this.canceledEarly.size > MAX_EARLY_CANCELS)
      this.canceledEarly.delete(this.canceledEarly.keys().next().value as string);
  }
}
