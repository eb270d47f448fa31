import { beforeEach, describe, expect, it } from 'vitest';
import type { ShowSync } from '../../main/contract';
import { emptyBriefing } from '../../content/model/briefing';
import { importPastedText } from '../../content/import';
import { setClient } from '../../renderer/bridge/client';
import { syncShow } from '../../renderer/actions/show';
import { useStore } from '../../renderer/store/store';
import { resetStore } from './helpers';

/**
 * 放映 with a presenter window (desktop app): the desk sends the document and every move, the
 * presenter's moves come back, and neither window echoes back what it was just told. A fake
 * client stands for main's relay (tested with the stand-in electron in tests/main).
 */

function fakeRelay() {
  const sent: { channel: string; req: ShowSync }[] = [];
  let listener: ((state: ShowSync) => void) | null = null;
  setClient({
    host: 'electron',
    call: (async (channel: string, req: ShowSync) => {
      sent.push({ channel, req });
      return {};
    }) as never,
    onMenuCommand: () => () => undefined,
    onShowState: (fn) => {
      listener = fn;
      return () => (listener = null);
    },
    download: () => Promise.reject(new Error('none')),
  });
  return { sent, tell: (state: ShowSync) => listener?.(state), listening: () => listener !== null };
}

const report = importPastedText(
  '临川县工作简况\n一、项目建设\n新开工项目18个，完成投资9.6亿元。\n二、民生\n改造老旧小区12个。',
);

describe('the show between the desk and the presenter window', () => {
  beforeEach(() => {
    resetStore();
    useStore.getState().setDocument(report, emptyBriefing());
  });

  it('sends the document once as the show begins, then each move, and applies the presenter’s moves', () => {
    const relay = fakeRelay();
    useStore.getState().startShow(0);
    const stop = syncShow('desk', true);
    expect(relay.sent).toHaveLength(1);
    expect(relay.sent[0]!.req).toMatchObject({
      from: 'desk',
      show: { at: 0 },
      doc: { report: { title: report.title } },
    });
    useStore.getState().showSlide(2, 10);
    expect(relay.sent).toHaveLength(2);
    expect(relay.sent[1]!.req.doc).toBeUndefined();
    expect(relay.sent[1]!.req.show?.at).toBe(2);
    // the presenter moved on and blacked the screen: the desk follows and does not send it back
    const startedAt = useStore.getState().show!.startedAt;
    relay.tell({ from: 'presenter', show: { at: 3, black: true, startedAt } });
    expect(useStore.getState().show).toMatchObject({ at: 3, black: true });
    expect(relay.sent).toHaveLength(2);
    // its own words coming round again change nothing
    relay.tell({ from: 'desk', show: { at: 0, black: false, startedAt } });
    expect(useStore.getState().show?.at).toBe(3);
    stop();
    expect(relay.listening()).toBe(false);
    useStore.getState().showSlide(4, 10);
    expect(relay.sent).toHaveLength(2);
  });

  it('takes the document from the desk in the presenter window, and ends the show when the desk does', () => {
    resetStore();
    const relay = fakeRelay();
    const stop = syncShow('presenter', false);
    // the presenter window sends nothing until it moves the show itself
    expect(relay.sent).toHaveLength(0);
    relay.tell({
      from: 'desk',
      show: { at: 1, black: false, startedAt: 5 },
      doc: { report, briefing: emptyBriefing() },
    });
    expect(useStore.getState().report?.title).toBe(report.title);
    expect(useStore.getState().show).toEqual({ at: 1, black: false, startedAt: 5 });
    expect(relay.sent).toHaveLength(0);
    useStore.getState().showSlide(2, 10);
    expect(relay.sent.at(-1)?.req).toEqual({
      from: 'presenter',
      show: { at: 2, black: false, startedAt: 5 },
    });
    relay.tell({ from: 'desk', show: null });
    expect(useStore.getState().show).toBeNull();
    stop();
  });
});
