import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_INTERVAL_MS, Autosaver } from '../../renderer/actions/autosave';

function setup(dirty = true) {
  vi.useFakeTimers();
  const state = { dirty, version: 1, writes: [] as number[], fail: false };
  const saver = new Autosaver({
    isDirty: () => state.dirty,
    version: () => state.version,
    write: async () => {
      if (state.fail) throw new Error('disk full');
      state.writes.push(state.version);
    },
    onError: () => undefined,
  });
  return { state, saver };
}

describe('autosave to the recovery file', () => {
  it('writes every 30 seconds while there are unsaved changes', async () => {
    const { state, saver } = setup();
    saver.start();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS - 1);
    expect(state.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.writes).toEqual([1]);
    state.version = 2;
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(state.writes).toEqual([1, 2]);
    saver.stop();
    vi.useRealTimers();
  });

  it('does not write the same document twice, nor a saved one', async () => {
    const { state, saver } = setup();
    saver.start();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS * 3);
    expect(state.writes).toEqual([1]);
    state.dirty = false;
    state.version = 5;
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS);
    expect(state.writes).toEqual([1]);
    saver.stop();
    vi.useRealTimers();
  });

  it('writes at once when asked (before an export), and tries again after a failure', async () => {
    const { state, saver } = setup();
    state.fail = true;
    await saver.flush();
    expect(state.writes).toEqual([]);
    state.fail = false;
    await saver.flush();
    expect(state.writes).toEqual([1]);
    vi.useRealTimers();
  });

  it('stops writing when stopped', async () => {
    const { state, saver } = setup();
    saver.start();
    saver.stop();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_INTERVAL_MS * 2);
    expect(state.writes).toEqual([]);
    vi.useRealTimers();
  });
});
