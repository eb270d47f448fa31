import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { emptyBriefing } from '../../content/model/briefing';
import { sampleReport } from '../../content/sample';
import type { SaveResult, TaskProgress } from '../../main/contract';
import { writeFileAtomic } from '../../main/files';
import { createHandlers, dispatch } from '../../main/handlers';
import type { PdfPrinter, PrintOptions } from '../../main/export/pdf';
import { builtinRegistry } from '../../templates/registry';

/**
 * A PDF export as a task the page follows and can cancel: the steps main reports (composing,
 * starting the print browser, laying out, printing N slides), and a cancel that leaves no file.
 * The printer here is a stand-in that waits where a browser would take its seconds.
 */

const TASK = 'export-task-0001';

interface Gate {
  open: () => void;
  wait: Promise<void>;
}
const gate = (): Gate => {
  let open = (): void => undefined;
  const wait = new Promise<void>((r) => (open = r));
  return { open, wait };
};

function setup() {
  const docs = mkdtempSync(join(tmpdir(), 'export-progress-'));
  const delivered: string[] = [];
  const printGate = gate();
  const printer: { options?: PrintOptions; aborted: boolean } = { aborted: false };
  const printPdf: PdfPrinter = async (html, options = {}) => {
    printer.options = options;
    options.onStage?.('browser');
    options.onStage?.('layout');
    options.onStage?.('print');
    options.signal?.addEventListener('abort', () => (printer.aborted = true));
    await printGate.wait;
    return new TextEncoder().encode(`%PDF-1.7 ${html.length}`);
  };
  const handlers = createHandlers({
    host: 'browser',
    version: 'test',
    registry: builtinRegistry,
    deliver: async ({ fileName, bytes }): Promise<SaveResult> => {
      const path = join(docs, fileName);
      await writeFileAtomic(path, bytes);
      delivered.push(path);
      return { status: 'saved', path, fileName };
    },
    showInFolder: async () => undefined,
    dataDir: mkdtempSync(join(tmpdir(), 'export-progress-data-')),
    saveProject: async () => ({ result: { status: 'canceled' }, path: null }),
    chooseProjectFile: async () => null,
    printPdf,
  });
  const call = (channel: string, req: unknown) => dispatch(handlers, channel, req);
  const progress = async (): Promise<TaskProgress> => {
    const env = await call('task:progress', { taskId: TASK });
    if (!env.ok || !('value' in env)) throw new Error('no progress');
    return env.value as TaskProgress;
  };
  return { docs, delivered, printGate, printer, call, progress };
}

const report = sampleReport();
const briefing = () => ({ ...emptyBriefing(), output: 'deck' as const });

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('never happened');
}

describe('a PDF export the page follows and can cancel', () => {
  it('reports its steps and the number of slides it prints, then delivers the file', async () => {
    const t = setup();
    const done = t.call('export:save', { format: 'pdf', report, briefing: briefing(), taskId: TASK });
    await until(async () => (await t.progress()).stage === 'print');
    const now = await t.progress();
    expect(now.running).toBe(true);
    // the slide count is the deck's: the HTML the printer got has that many slides
    const b = briefing();
    const theme = builtinRegistry().get('deck', b.deckTemplate);
    const slides = composeDeck(report, b, theme).slides.length;
    expect(now.pages).toBe(slides);
    expect(now.fraction).toBeGreaterThanOrEqual(0.7);
    expect(now.fraction).toBeLessThan(1);
    t.printGate.open();
    const env = await done;
    expect(env.ok).toBe(true);
    expect(t.delivered).toHaveLength(1);
    // the task is over: the page's poll sees it gone
    expect((await t.progress()).running).toBe(false);
  });

  it('stops at 取消 while printing: the printer is told, the call fails as canceled, no file is written', async () => {
    const t = setup();
    const done = t.call('export:save', { format: 'pdf', report, briefing: briefing(), taskId: TASK });
    await until(async () => (await t.progress()).stage === 'print');
    await t.call('task:cancel', { taskId: TASK });
    const env = await done;
    expect(env).toMatchObject({ ok: false, error: { code: 'canceled', message: '已取消导出。' } });
    expect(t.printer.aborted).toBe(true);
    // the print that was under way ends later: its bytes still go nowhere
    t.printGate.open();
    await new Promise((r) => setTimeout(r, 20));
    expect(t.delivered).toEqual([]);
    expect(readdirSync(t.docs)).toEqual([]);
  });

  it('follows other formats too, with no print steps', async () => {
    const t = setup();
    const env = await t.call('export:save', { format: 'html', report, briefing: briefing(), taskId: TASK });
    expect(env.ok).toBe(true);
    expect(t.printer.options).toBeUndefined();
    expect(t.delivered).toHaveLength(1);
  });
});
