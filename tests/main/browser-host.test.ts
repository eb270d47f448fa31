import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeFrame, encodeWire, FRAME_CONTENT_TYPE } from '../../content/util/wire';
import { readReportBytes } from '../helpers/paths';
import { createHandlers } from '../../main/handlers';
import { startHttpHost, type HttpHost } from '../../main/host/http-host';
import { builtinRegistry } from '../../templates/registry';

/** A raw HTTP request, so tests control every header (fetch would set Host and Origin itself). */
function call(
  host: HttpHost,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Uint8Array },
) {
  return new Promise<{
    status: number;
    body: string;
    headers: Record<string, string | string[] | undefined>;
  }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('the browser-mode host', () => {
  let host: HttpHost;
  const delivered: string[] = [];
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');

  beforeAll(async () => {
    host = await startHttpHost({
      rendererDir,
      handlers: createHandlers({
        host: 'browser',
        version: 'test',
        registry: builtinRegistry,
        deliver: async ({ fileName, bytes }) => {
          delivered.push(fileName);
          return { status: 'download', downloadId: host.offerDownload(fileName, bytes), fileName };
        },
        showInFolder: async () => undefined,
        dataDir: mkdtempSync(join(tmpdir(), 'data-')),
        saveProject: async () => ({ result: { status: 'canceled' }, path: null }),
        chooseProjectFile: async () => null,
      }),
    });
  });
  afterAll(() => host.close());

  const self = (): Record<string, string> => ({
    Host: `127.0.0.1:${host.port}`,
    'Content-Type': 'application/json',
  });
  const api = (channel: string, headers: Record<string, string>, body: unknown = {}) =>
    call(host, { path: `/api/${channel}`, method: 'POST', headers, body: encodeWire(body) });

  it('listens on 127.0.0.1 only', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers a call that carries the token', async () => {
    const res = await api('app:info', { ...self(), 'X-Briefing-Token': host.token });
    expect(res.status).toBe(200);
    expect(decodeWire(res.body)).toMatchObject({ ok: true, value: { host: 'browser' } });
  });

  it('refuses a call without the token', async () => {
    const res = await api('app:info', self());
    expect(res.status).toBe(401);
  });

  it('refuses a call with a wrong token', async () => {
    const res = await api('app:info', { ...self(), 'X-Briefing-Token': `${host.token}x` });
    expect(res.status).toBe(401);
  });

  it('refuses a call from a foreign Origin even with the token', async () => {
    const res = await api('app:info', {
      ...self(),
      'X-Briefing-Token': host.token,
      Origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a foreign Host header (DNS rebinding), for pages and calls alike', async () => {
    const page = await call(host, { path: '/', headers: { Host: `evil.example:${host.port}` } });
    expect(page.status).toBe(421);
    const res = await api('app:info', {
      ...self(),
      Host: `evil.example:${host.port}`,
      'X-Briefing-Token': host.token,
    });
    expect(res.status).toBe(421);
  });

  it('never answers a CORS preflight with permission', async () => {
    const res = await call(host, {
      path: '/api/app:info',
      method: 'OPTIONS',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
      },
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses an invalid request with a clear error', async () => {
    const res = await api('report:import', { ...self(), 'X-Briefing-Token': host.token }, { name: '' });
    const env = decodeWire(res.body) as { ok: boolean; error: { code: string; message: string } };
    expect(env.ok).toBe(false);
    expect(env.error.code).toBe('invalid-request');
    expect(env.error.message).toMatch(/report:import/);
  });

  it('refuses an unknown channel', async () => {
    const res = await api('fs:read', { ...self(), 'X-Briefing-Token': host.token });
    expect(decodeWire(res.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await call(host, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const escape = await call(host, {
      path: '/../../etc/passwd',
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(escape.status).not.toBe(200);
    const encoded = await call(host, {
      path: '/%2e%2e/%2e%2e/etc/passwd',
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(encoded.status).not.toBe(200);
  });

  it('hands an export over as a one-time download that needs the token', async () => {
    const sample = decodeWire(
      (await api('report:sample', { ...self(), 'X-Briefing-Token': host.token })).body,
    ) as { value: unknown };
    const { emptyBriefing } = await import('../../content/model/briefing');
    const res = await api(
      'export:save',
      { ...self(), 'X-Briefing-Token': host.token },
      { format: 'docx', report: sample.value, briefing: emptyBriefing() },
    );
    const env = decodeWire(res.body) as {
      ok: boolean;
      value: { status: string; downloadId: string; fileName: string };
    };
    expect(env.value.status).toBe('download');
    expect(env.value.fileName).toMatch(/\.docx$/);
    const without = await call(host, {
      path: `/api/download/${env.value.downloadId}`,
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(without.status).toBe(401);
    const got = await call(host, {
      path: `/api/download/${env.value.downloadId}`,
      headers: { Host: `127.0.0.1:${host.port}`, 'X-Briefing-Token': host.token },
    });
    expect(got.status).toBe(200);
    expect(got.body.slice(0, 2)).toBe('PK');
    const again = await call(host, {
      path: `/api/download/${env.value.downloadId}`,
      headers: { Host: `127.0.0.1:${host.port}`, 'X-Briefing-Token': host.token },
    });
    expect(again.status).toBe(404);
  });

  it('takes a file as raw bytes in a frame, and answers with the report', async () => {
    const bytes = readReportBytes();
    const frame = Buffer.concat(encodeFrame({ name: '上半年总结.txt', bytes }));
    // the bytes travel as they are: the frame is the file plus a few hundred bytes of header
    expect(frame.length).toBeLessThan(bytes.length + 200);
    const res = await call(host, {
      path: '/api/report:import',
      method: 'POST',
      headers: { ...self(), 'Content-Type': FRAME_CONTENT_TYPE, 'X-Briefing-Token': host.token },
      body: frame,
    });
    expect(res.status).toBe(200);
    const env = decodeWire(res.body) as { ok: boolean; value: { title: string; source: { name: string } } };
    expect(env.ok).toBe(true);
    expect(env.value.source.name).toBe('上半年总结.txt');
    expect(env.value.title).toBe('稳中求进开新局 实干笃行谱新篇');
  });

  it('refuses a frame whose bytes run past its end, and a body of any other type', async () => {
    const frame = Buffer.concat(encodeFrame({ name: 'a.txt', bytes: new Uint8Array(100) }));
    const res = await call(host, {
      path: '/api/report:import',
      method: 'POST',
      headers: { ...self(), 'Content-Type': FRAME_CONTENT_TYPE, 'X-Briefing-Token': host.token },
      body: frame.subarray(0, frame.length - 10),
    });
    expect(res.status).toBe(400);
    expect(decodeWire(res.body)).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    const plain = await call(host, {
      path: '/api/app:info',
      method: 'POST',
      headers: { ...self(), 'Content-Type': 'text/plain', 'X-Briefing-Token': host.token },
      body: '{}',
    });
    expect(plain.status).toBe(415);
  });
});
