import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import { ReportSchema, type Report } from '../../content/model/report';
import { decodeWire, encodeFrame, encodeWire, FRAME_CONTENT_TYPE } from '../../content/util/wire';
import { startBrowserMode } from '../../main/browser';
import { BODY_LIMITS } from '../../main/host/body-limits';
import type { HttpHost } from '../../main/host/http-host';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { reportRepeated, ROOT } from '../helpers/paths';

/**
 * Browser mode's host on hostile requests: each channel refuses a body past its own limit while
 * reading it, a large body of a channel that carries the whole document is decoded off main's
 * thread, bad addresses get one clear line, and Save As does not replace a project unasked.
 */

interface Reply {
  status: number;
  body: string;
  ms: number;
}

/** A raw request: the body streamed in 1 MB pieces, Content-Length given or not. */
function post(
  host: HttpHost,
  path: string,
  body: { size: number; fill?: number } | Uint8Array | string,
  options: { declareLength?: boolean; contentType?: string; task?: string } = {},
): Promise<Reply> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const bytes =
      typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? Buffer.from(body) : null;
    const size = bytes ? bytes.length : (body as { size: number }).size;
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          'Content-Type': options.contentType ?? 'application/json',
          'X-Briefing-Token': host.token,
          ...(options.task ? { 'X-Briefing-Task': options.task } : {}),
          ...(options.declareLength ? { 'Content-Length': String(size) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - t0,
          }),
        );
      },
    );
    // the host may close the connection while the body is still going out: that is the point
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    if (bytes) return void req.end(bytes);
    const piece = Buffer.alloc(1024 * 1024, (body as { fill?: number }).fill ?? 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.on('error', () => undefined);
    pump();
  });
}

const api = async (host: HttpHost, channel: string, value: unknown): Promise<Answer> =>
  decodeWire((await post(host, `/api/${channel}`, encodeWire(value))).body) as Answer;

/** A reply as the page reads it: a value (whatever the channel gives) or an error. */
interface Answer {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { code: string; message: string; messageEn: string };
}

describe('browser-mode host limits', () => {
  let host: HttpHost;
  const dataDir = mkdtempSync(join(tmpdir(), 'host-limits-data-'));

  beforeAll(async () => {
    ensureBuild({ quiet: true });
    const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    host = await startBrowserMode({
      rendererDir,
      dataDir,
      workerScript: join(ROOT, 'out', 'main', 'task-worker.js'),
    });
  }, 120_000);
  afterAll(() => host.close());

  it('gives every channel a limit: small for calls, large only where a file or the document travels', () => {
    for (const small of [
      'app:info',
      'task:progress',
      'task:cancel',
      'shell:show-in-folder',
      'recent:list',
    ] as const)
      expect(BODY_LIMITS[small]).toBeLessThanOrEqual(64 * 1024);
    for (const large of [
      'report:import',
      'export:save',
      'project:save',
      'recovery:write',
      'project:open',
    ] as const)
      expect(BODY_LIMITS[large]).toBeGreaterThan(100 * 1024 * 1024);
  });

  it('refuses 150 MB sent to a small call while reading it, and keeps answering the others', async () => {
    for (const declareLength of [true, false]) {
      const refused = post(host, '/api/task:progress', { size: 150 * 1024 * 1024 }, { declareLength });
      // meanwhile, other calls are answered at once
      const info = await api(host, 'app:info', {});
      expect(info.ok).toBe(true);
      const reply = await refused;
      expect(reply.status).toBe(413);
      const { error } = decodeWire(reply.body) as {
        error: { code: string; message: string; messageEn: string };
      };
      expect(error.code).toBe('too-large');
      expect(error.message).toContain('task:progress');
      expect(error.message).toContain('64 KB');
      expect(error.messageEn).toContain('64 KB');
    }
    // the host is still there, and did not keep the body
    expect((await api(host, 'app:info', {})).ok).toBe(true);
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  it('answers a bad % escape in the address with one clear line, not a bare 500', async () => {
    const bad = await post(host, '/api/app%ZZinfo', '{}');
    expect(bad.status).toBe(400);
    expect(decodeWire(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-url' } });
    const page = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/%E0%A4%A.js',
          headers: { Host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      )
        .on('error', reject)
        .end();
    });
    expect(page.status).toBe(400);
    expect(page.body).toContain('%');
    expect(page.body).not.toContain('\n');
  });

  it('decodes a large document off main’s thread: other calls are answered while it is read', async () => {
    const report: Report = await importReport({ name: 'big.txt', bytes: reportRepeated(3) });
    const body = encodeWire({ report, decisions: { repairs: {}, roles: {} } });
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const reanalyzed = post(host, '/api/report:reanalyze', body);
    const pings: number[] = [];
    let done = false;
    void reanalyzed.then(() => (done = true));
    while (!done) {
      const t0 = performance.now();
      await api(host, 'app:info', {});
      pings.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    delay.disable();
    // what decoding and checking that body in main would have held it for, on this machine now
    const t0 = performance.now();
    ReportSchema.safeParse((decodeWire(body) as { report: unknown }).report);
    const inline = performance.now() - t0;
    const reply = decodeWire((await reanalyzed).body) as { ok: boolean; value: Report };
    expect(reply.ok).toBe(true);
    expect(reply.value.raw.length).toBe(report.raw.length);
    expect(pings.length).toBeGreaterThan(3);
    // main was never held for anything like the decode: calls went on being answered meanwhile
    expect(delay.max / 1e6).toBeLessThan(inline);
  }, 300_000);

  it('imports a large paste off main’s thread, followed and canceled by the task the page names', async () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/import/qinghe-midyear.txt'), 'utf8').repeat(600);
    const body = encodeWire({ text, taskId: 'paste-task-0001' });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const pasted = post(host, '/api/report:paste', body, { task: 'paste-task-0001' });
    let seen = false;
    for (let i = 0; i < 600 && !seen; i++) {
      seen =
        ((await api(host, 'task:progress', { taskId: 'paste-task-0001' })).value?.running as boolean) ??
        false;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBe(true);
    const reply = decodeWire((await pasted).body) as { ok: boolean; value: Report };
    expect(reply.ok).toBe(true);
    expect(reply.value.title).toBe('青禾区2023年上半年工作总结和下半年工作安排');

    const canceled = post(host, '/api/report:paste', encodeWire({ text, taskId: 'paste-task-0002' }), {
      task: 'paste-task-0002',
    });
    await api(host, 'task:cancel', { taskId: 'paste-task-0002' });
    expect(decodeWire((await canceled).body)).toMatchObject({ ok: false, error: { code: 'canceled' } });
  }, 120_000);

  it('checks a large body off main’s thread as strictly as a small one', async () => {
    const junk = `{"report":${'['.repeat(10)}${' '.repeat(2 * 1024 * 1024)}`;
    expect(
      (decodeWire((await post(host, '/api/report:reanalyze', junk)).body) as { error: { code: string } })
        .error.code,
    ).toBe('invalid-request');
    const wrong = encodeWire({ report: { title: 'x'.repeat(2 * 1024 * 1024) }, decisions: {} });
    const refused = decodeWire((await post(host, '/api/export:save', wrong)).body) as {
      error: { code: string; message: string };
    };
    expect(refused.error.code).toBe('invalid-request');
    expect(refused.error.message).toContain('export:save');
  }, 60_000);

  it('asks before Save As replaces a project of the same name, and keeps names like 「.」 apart', async () => {
    const sample = (await api(host, 'report:sample', {})).value as unknown as Report;
    const content = (name: string) => ({
      name,
      report: sample,
      briefing: emptyBriefing(),
      desk: { selectedItemId: null, slide: 0 },
    });
    const first = await api(host, 'project:save', { content: content('上半年汇报') });
    expect(first).toMatchObject({ ok: true, value: { status: 'download', fileName: '上半年汇报.briefing' } });
    const again = await api(host, 'project:save', { content: content('上半年汇报') });
    expect(again).toMatchObject({ ok: false, error: { code: 'project-exists' } });
    expect(again.error?.message).toContain('上半年汇报.briefing');
    const replaced = await api(host, 'project:save', { content: content('上半年汇报'), replace: true });
    expect(replaced).toMatchObject({ ok: true, value: { status: 'download' } });
    const names: string[] = [];
    for (const odd of ['.', '..', ' ', '  ', 'CON']) {
      const saved = await api(host, 'project:save', { content: content(odd) });
      expect(saved.ok).toBe(true);
      names.push(saved.value?.fileName as string);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(readdirSync(join(dataDir, 'projects')).sort()).toEqual(['上半年汇报.briefing', ...names].sort());
  }, 60_000);

  it('shows in its folder only a file main has seen', async () => {
    const unknown = await api(host, 'shell:show-in-folder', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-path' } });
    const sample = (await api(host, 'report:sample', {})).value as unknown as Report;
    await api(host, 'project:save', {
      content: {
        name: '已保存',
        report: sample,
        briefing: emptyBriefing(),
        desk: { selectedItemId: null, slide: 0 },
      },
    });
    const saved = join(dataDir, 'projects', '已保存.briefing');
    expect(existsSync(saved)).toBe(true);
    expect(await api(host, 'shell:show-in-folder', { path: saved })).toMatchObject({ ok: true });
  }, 60_000);

  it('refuses a project file nested thousands deep with the cause, not “could not read or write”', async () => {
    const deep = new TextEncoder().encode(
      `{"format":"briefing-studio/project","version":3,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    for (const bytes of [deep, Uint8Array.from([...deep, ...new Uint8Array(2 * 1024 * 1024).fill(0x20)])]) {
      const parts = encodeFrame({ source: { kind: 'bytes', name: '嵌套.briefing', bytes } });
      const frame = Buffer.concat(parts.map((p) => Buffer.from(p)));
      const reply = decodeWire(
        (await post(host, '/api/project:open', frame, { contentType: FRAME_CONTENT_TYPE })).body,
      ) as {
        error: { code: string; message: string; messageEn: string };
      };
      expect(reply.error.code).toBe('project-too-deep');
      expect(reply.error.message).toContain('嵌套过深');
      expect(reply.error.messageEn).not.toMatch(/read or write/);
    }
  }, 60_000);
});
