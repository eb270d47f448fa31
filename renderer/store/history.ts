import type { StoreApi } from 'zustand';

/**
 * Undo grouping. Every document change is one undo step, except typing: keystrokes in the same
 * field within a short pause are one step, so Ctrl+Z takes back a word or a retitle, not a
 * letter. An action names its group with `inGroup`; anything else starts a new step.
 */

/** Keystrokes further apart than this start a new undo step. */
export const TYPING_GROUP_MS = 1500;

let pending: string | null = null;
let open: { key: string; at: number } | null = null;

/** Run a document change as part of a named typing group (e.g. `title:<itemId>`). */
export function inGroup<T>(key: string, change: () => T): T {
  pending = key;
  try {
    return change();
  } finally {
    pending = null;
  }
}

/** The next change starts a new undo step whatever its group (on blur, undo, redo). */
export function breakGroup(): void {
  open = null;
}

type HandleSet<S> = (pastState: S, replace: undefined, currentState: S, delta?: Partial<S> | null) => void;

/** zundo's handleSet hook: record a step unless it continues the open typing group. */
export function coalescing<S>(
  handleSet: StoreApi<S>['setState'],
  now: () => number = () => Date.now(),
): HandleSet<S> {
  const record = handleSet as unknown as HandleSet<S>;
  return (pastState, replace, currentState, delta) => {
    const t = now();
    if (pending !== null && open !== null && open.key === pending && t - open.at < TYPING_GROUP_MS) {
      open.at = t;
      return;
    }
    open = pending !== null ? { key: pending, at: t } : null;
    record(pastState, replace, currentState, delta);
  };
}
