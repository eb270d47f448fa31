import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Playwright from 'playwright-core';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyBriefing } from '../../content/model/briefing';
import { decodeWire, encodeWire } from '../../content/util/wire';
import { startBrowserMode } from '../../main/browser';
import { sampleReportOnce } from '../../main/handlers';
import { sampleReport } from '../../content/sample';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { ROOT } from '../helpers/paths';

// playwright-core as it is, with every browser it launches counted
const launched = vi.hoisted(() => [] as Browser[]);
vi.mock('playwright-core', async (importOriginal) => {
  const real = await importOriginal<typeof Playwright>();
  const chromium = Object.create(real.chromium) as typeof real.chromium;
  chromium.launch = async (options) => {
    const browser = await real.chromium.launch(options);
    launched.push(browser);
    return browser;
  };
  return { ...real, chromium };
});

beforeAll(() => {
  ensureBuild({ quiet: true });
}, 120_000);

describe('browser mode', () => {
  it('prints every PDF of a session with one browser, and stops it with the host', async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    const host = await startBrowserMode({
      rendererDir,
      dataDir: mkdtempSync(join(tmpdir(), 'browser-mode-data-')),
      workerScript: join(ROOT, 'out', 'main', 'task-worker.js'),
    });
    const api = async (channel: string, body: unknown) => {
      const res = await fetch(`${host.url}api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Briefing-Token': host.token },
        body: encodeWire(body),
      });
      return decodeWire(await res.text()) as { ok: boolean; value: { status: string; fileName: string } };
    };
    try {
      const report = (await api('report:sample', {})).value;
      for (let i = 0; i < 2; i++) {
        const env = await api('export:save', { format: 'pdf', report, briefing: emptyBriefing() });
        expect(env).toMatchObject({ ok: true, value: { status: 'download' } });
        expect(env.value.fileName).toMatch(/\.pdf$/);
      }
      expect(launched).toHaveLength(1);
      expect(launched[0]!.isConnected()).toBe(true);
    } finally {
      await host.close();
    }
    expect(launched[0]!.isConnected()).toBe(false);
  }, 120_000);

  it('builds the sample report the desk opens on once per process, and serves that', async () => {
    const once = sampleReportOnce();
    expect(sampleReportOnce()).toBe(once);
    expect(await once).toEqual(sampleReport());
    const host = await startBrowserMode({
      rendererDir: mkdtempSync(join(tmpdir(), 'renderer-')),
      dataDir: mkdtempSync(join(tmpdir(), 'browser-mode-data-')),
      workerScript: join(ROOT, 'out', 'main', 'task-worker.js'),
    });
    try {
      const res = await fetch(`${host.url}api/report:sample`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Briefing-Token': host.token },
        body: '{}',
      });
      const served = decodeWire(await res.text()) as { ok: boolean; value: unknown };
      expect(served).toEqual({ ok: true, value: decodeWire(encodeWire(await once)) });
    } finally {
      await host.close();
    }
  });
});
