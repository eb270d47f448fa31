import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  restoreWindowState,
  saveWindowState,
} from '../../main/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('remembered window size and position', () => {
  it('reopens where it was', () => {
    expect(restoreWindowState({ x: 100, y: 80, width: 1400, height: 900, maximized: false }, screen)).toEqual(
      {
        x: 100,
        y: 80,
        width: 1400,
        height: 900,
        maximized: false,
      },
    );
  });

  it('forgets a position on a monitor that is no longer there', () => {
    const s = restoreWindowState({ x: 2500, y: 100, width: 1200, height: 800 }, screen);
    expect(s.x).toBeUndefined();
    expect(s.width).toBe(1200);
  });

  it('shrinks to fit a smaller screen', () => {
    const s = restoreWindowState({ x: 0, y: 0, width: 2560, height: 1600 }, [
      { x: 0, y: 0, width: 1366, height: 728 },
    ]);
    expect(s.width).toBe(1366);
    expect(s.height).toBe(728);
  });

  it('falls back to 1366×768 on a missing or damaged state file', () => {
    expect(restoreWindowState('garbage', screen)).toEqual(DEFAULT_WINDOW_STATE);
    expect(loadWindowState('/nonexistent/window-state.json', screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('round-trips through its file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ws-')), 'window-state.json');
    await saveWindowState(file, { x: 10, y: 20, width: 1300, height: 800, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 1300, maximized: true });
    expect(loadWindowState(file, screen)).toMatchObject({ x: 10, y: 20, maximized: true });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
