import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Channel, Req, Res } from '../../main/contract';
import { writeFileAtomic } from '../../main/files';
import { createHandlers, dispatch, type HostServices } from '../../main/handlers';
import { builtinRegistry } from '../../templates/registry';
import { setClient, unwrap } from '../../renderer/bridge/client';
import { emptyBriefing } from '../../content/model/briefing';
import { clearHistory, useStore } from '../../renderer/store/store';

/**
 * The renderer's actions against the real handlers, in Node: the page's client is swapped for
 * one that dispatches straight into createHandlers (validation included), the way both hosts do.
 */
export function useRealHandlers(overrides: Partial<HostServices> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'renderer-data-'));
  const docs = mkdtempSync(join(tmpdir(), 'renderer-docs-'));
  const calls: string[] = [];
  const host = { nextSavePath: null as string | null };
  const handlers = createHandlers({
    host: 'electron',
    version: 'test',
    registry: builtinRegistry,
    deliver: async ({ fileName, bytes }) => {
      const path = join(docs, fileName);
      await writeFileAtomic(path, bytes);
      return { status: 'saved', path, fileName };
    },
    showInFolder: async () => undefined,
    dataDir,
    // as Electron's does: a dialog's choice (or the known path), written atomically
    saveProject: async ({ bytes }, path) => {
      const target = path ?? host.nextSavePath;
      if (!target) return { result: { status: 'canceled' }, path: null };
      await writeFileAtomic(target, bytes);
      return { result: { status: 'saved', path: target, fileName: basename(target) }, path: target };
    },
    chooseProjectFile: async () => host.nextSavePath,
    ...overrides,
  });
  setClient({
    host: 'electron',
    async call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
      calls.push(channel);
      return unwrap(await dispatch(handlers, channel, req)) as Res<C>;
    },
    onMenuCommand: () => () => undefined,
    onShowState: () => () => undefined,
    download: () => Promise.reject(new Error('no downloads here')),
  });
  return { dataDir, docs, calls, host };
}

/** A fresh store, as the page has before start-up. */
export function resetStore(): void {
  useStore.setState({
    report: null,
    briefing: emptyBriefing(),
    saved: null,
    projectName: '',
    projectPath: null,
    selectedItemId: null,
    selectedRow: null,
    currentSlide: 0,
    dialog: null,
    notice: null,
    busy: null,
    recoveryOffer: null,
    unsavedQuestion: null,
    host: 'electron',
    userTemplates: [],
    templatesDir: '',
  });
  clearHistory();
}
