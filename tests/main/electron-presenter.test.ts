import { beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyBriefing } from '../../content/model/values';
import { showDisplays } from '../../main/presenter';
import { createElectronStandIn } from '../helpers/electron-stand-in';

/**
 * 放映 in the desktop app: with a second display, main opens the presenter view there (on that
 * display's bounds, as locked down as the main window) and puts the show full screen on the
 * primary; with one display, no presenter window. A stand-in `electron` module answers for the
 * screens, as the runtime cannot run here.
 */

const standIn = createElectronStandIn();
vi.mock('electron', () => ({ ...standIn.electron, default: standIn.electron }));
const { record } = standIn;

const LAPTOP = {
  id: 7,
  bounds: { x: 0, y: 0, width: 1366, height: 768 },
  workArea: { x: 0, y: 0, width: 1366, height: 728 },
};
const PROJECTOR = {
  id: 9,
  bounds: { x: 1366, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1366, y: 0, width: 1920, height: 1080 },
};

async function call(channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const win = record.windows[0]!.win;
  const loaded = win.loaded ?? '';
  const url = new URL(`file://${loaded.startsWith('/') ? '' : '/'}${loaded.replace(/\\/g, '/')}`).href;
  return (await record.handles.get(channel)!({ sender: win.webContents, senderFrame: { url } }, payload)) as {
    ok: boolean;
    value?: unknown;
  };
}

describe('the presenter view on a second display (stand-in electron)', () => {
  beforeAll(async () => {
    record.displays = [LAPTOP];
    const { runElectronApp } = await import('../../main/app');
    runElectronApp();
    await new Promise((r) => setTimeout(r, 20));
  });

  it('opens no presenter window with one display', async () => {
    record.displays = [LAPTOP];
    expect(await call('show:presenter', { open: true })).toEqual({ ok: true, value: { presenter: false } });
    expect(record.windows).toHaveLength(1);
  });

  it('with two, opens it on the secondary display and the show full screen on the primary', async () => {
    // the primary is the laptop, listed second: the order of the list is not what decides
    record.displays = [PROJECTOR, LAPTOP];
    const primary = standIn.electron.screen as { getPrimaryDisplay: () => unknown };
    primary.getPrimaryDisplay = () => LAPTOP;
    expect(await call('show:presenter', { open: true })).toEqual({ ok: true, value: { presenter: true } });
    expect(record.windows).toHaveLength(2);
    const { options, win } = record.windows[1]!;
    expect(options).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080 });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.loaded).toMatch(/renderer[\\/]index\.html$/);
    expect(win.loadedQuery).toEqual({ view: 'presenter' });
    const audience = record.windows[0]!.win;
    expect(audience.bounds).toEqual(LAPTOP.bounds);
    expect(audience.fullScreen).toBe(true);
  });

  it('passes the show between the two windows: the document and moves to the presenter, its moves back', async () => {
    const audience = record.windows[0]!.win;
    const presenterWin = record.windows[1]!.win;
    const report = (await call('report:sample', {})).value as { title: string };
    const doc = { report, briefing: emptyBriefing() };
    const sent = await call('show:sync', { from: 'desk', show: { at: 3, black: false, startedAt: 1 }, doc });
    expect(sent.ok).toBe(true);
    const toPresenter = presenterWin.webContents.sent.filter(([c]) => c === 'show:state');
    expect(toPresenter.at(-1)?.[1]).toMatchObject({
      from: 'desk',
      show: { at: 3 },
      doc: { report: { title: report.title } },
    });
    // a presenter window still loading asks for the show as it stands, document included
    const now = (await call('show:current', {})).value as {
      show: { at: number };
      doc?: { report: { title: string } };
    };
    expect(now.show.at).toBe(3);
    expect(now.doc?.report.title).toBe(report.title);
    // the presenter window's own calls are trusted (it shows the same page), and its moves reach the desk
    const url = new URL(
      `file://${(presenterWin.loaded ?? '').startsWith('/') ? '' : '/'}${presenterWin.loaded}`,
    ).href;
    const fromPresenter = (await record.handles.get('show:sync')!(
      { sender: presenterWin.webContents, senderFrame: { url } },
      { from: 'presenter', show: { at: 4, black: true, startedAt: 1 } },
    )) as { ok: boolean };
    expect(fromPresenter.ok).toBe(true);
    expect(audience.webContents.sent.filter(([c]) => c === 'show:state').at(-1)?.[1]).toMatchObject({
      from: 'presenter',
      show: { at: 4, black: true },
    });
    expect(((await call('show:current', {})).value as { show: { at: number } }).show.at).toBe(4);
  });

  it('closes the presenter window and leaves full screen when the show ends', async () => {
    expect(await call('show:presenter', { open: false })).toEqual({ ok: true, value: { presenter: false } });
    expect(record.windows[1]!.win.destroyed).toBe(true);
    expect(record.windows[0]!.win.fullScreen).toBe(false);
    // nothing of the ended show is kept for the next one
    expect((await call('show:current', {})).value).toEqual({ show: null });
  });
});

describe('which display shows what', () => {
  it('puts the presenter on a display that is not the primary, whatever the order', () => {
    expect(showDisplays([LAPTOP], 7)).toBeNull();
    expect(showDisplays([LAPTOP, PROJECTOR], 7)).toEqual({ audience: LAPTOP, presenter: PROJECTOR });
    expect(showDisplays([PROJECTOR, LAPTOP], 9)).toEqual({ audience: PROJECTOR, presenter: LAPTOP });
  });
});
