import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, it } from 'vitest';
import { importReport } from '../content/import';
import { decodeWire, encodeFrame } from '../content/util/wire';
import { importWithLimits } from '../main/tasks/bounded-import';
import { ensureBuild } from '../scripts/ensure-build.mjs';
import {
  digitLine,
  docxDamagedXml,
  docxDeepXml,
  docxLinkedPicture,
  docxXmlBomb,
  gbkBytes,
  paragraphXml,
  pdfDoubleFlateBomb,
  pdfIdenticalPages,
  pdfStreamBomb,
  pdfTextOperators,
  repeatingDeflate,
  zipOf,
} from '../tests/helpers/hostile';
import { reportRepeated, ROOT } from '../tests/helpers/paths';
import { machineLoad, recordFigure } from './figures';

/**
 * Hostile files through the command line and through browser mode's host, each in a fresh
 * process: how long until it ends, the process's peak memory, and the one line it ends with (or
 * that it imported). Every one must end within 90 s and 2 GB. The files are made here
 * (tests/helpers/hostile.ts); none is checked in.
 */

const TIME_TARGET_MS = 90_000;
const MEMORY_TARGET_MB = 2048;
const MB = 1024 * 1024;
const enc = new TextEncoder();
const REPORT = readFileSync(join(ROOT, 'tests/fixtures/import/qinghe-midyear.txt'), 'utf8');

interface Hostile {
  kind: string;
  name: string;
  make: () => Uint8Array;
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const HOSTILE: Hostile[] = [
  { kind: 'docx: document.xml unpacks to 250 MB', name: 'bomb.docx', make: () => docxXmlBomb(250) },
  {
    kind: 'docx: part unpacks to 1 GB, declares 1 KB',
    name: 'liar.docx',
    make: () =>
      zipOf([
        {
          name: 'word/document.xml',
          deflated: {
            data: repeatingDeflate(paragraphXml('临川县'.repeat(400)), 1024 * MB).data,
            size: 1024,
          },
        },
      ]),
  },
  { kind: 'docx: XML nested 200,000 deep', name: 'deep.docx', make: () => docxDeepXml(200_000) },
  { kind: 'docx: damaged XML', name: 'damaged.docx', make: docxDamagedXml },
  { kind: 'docx: linked picture (imports)', name: 'linked.docx', make: docxLinkedPicture },
  { kind: 'pdf: 2 GB stream in 2 MB', name: 'bomb.pdf', make: () => pdfStreamBomb(2) },
  { kind: 'pdf: 1 GB of text operators', name: 'ops.pdf', make: () => pdfTextOperators(1024) },
  { kind: 'pdf: 10,000 identical pages', name: 'pages.pdf', make: () => pdfIdenticalPages(10_000) },
  { kind: 'pdf: compressed twice, 4 GB', name: 'twice.pdf', make: () => pdfDoubleFlateBomb(4) },
  { kind: 'txt: a line of 160,000 digits', name: 'digits.txt', make: () => digitLine(160_000) },
  {
    kind: 'txt: a line of 80,000 Chinese numerals',
    name: 'numerals.txt',
    make: () => enc.encode(`云溪市报告\n${'一二三四五六七八九十百千万亿'.repeat(6000).slice(0, 80_000)}\n`),
  },
  {
    kind: 'txt: UTF-8 report, one bad byte (imports)',
    name: 'one-bad-byte.txt',
    make: () => {
      const b = enc.encode(REPORT);
      let k = Math.floor(b.length / 2);
      while (((b[k] ?? 0) & 0xc0) !== 0x80) k++;
      b[k] = 0xff;
      return b;
    },
  },
  {
    kind: 'txt: UTF-8 and GBK lines mixed (imports)',
    name: 'mixed.txt',
    make: () =>
      concat(REPORT.split('\n').map((l, i) => (i % 4 === 1 ? gbkBytes(`${l}\n`) : enc.encode(`${l}\n`)))),
  },
  {
    kind: 'txt: NULs between characters (imports)',
    name: 'nuls.txt',
    make: () => enc.encode([...REPORT].join('\0')),
  },
  {
    kind: 'txt: 600,000 short lines',
    name: 'lines.txt',
    make: () => enc.encode('青禾区。\n'.repeat(600_000)),
  },
];

let dir: string;
beforeAll(() => {
  ensureBuild({ quiet: true });
  dir = mkdtempSync(join(tmpdir(), 'reliability-bench-'));
}, 120_000);

interface Run {
  ms: number;
  peakMb: number;
  line: string;
}

/** Run a child process to its end: wall time, peak memory, what it said last on stderr/stdout. */
function runChild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run & { code: number | null }> {
  const rss = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(join(ROOT, 'bench', 'reliability-rss.mjs')).href, ...args],
      { cwd: dir, env: { ...process.env, ...env, BENCH_RSS_FILE: rss }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      const peak = existsSync(rss) ? Number(readFileSync(rss, 'utf8')) : NaN;
      const said = (err.trim() || out.trim()).split('\n');
      resolve({
        ms,
        peakMb: peak / MB,
        code,
        line: `${said[0] ?? ''}${said.length > 1 ? ` (+${said.length - 1} lines)` : ''}`,
      });
    });
  });
}

/** The peak resident memory of a process, from Linux's /proc (NaN elsewhere). */
function peakOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface Host {
  port: number;
  token: string;
  pid: number;
  stop: () => void;
}

/** Browser mode as `npm start -- --browser` runs it, in a process of its own with a fresh data folder. */
async function startHost(): Promise<Host> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'browser.js'), '--json', '--no-open'], {
    env: { ...process.env, BRIEFING_DATA_DIR: mkdtempSync(join(tmpdir(), 'reliability-host-')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
  });
  const { port, token } = JSON.parse(line) as { port: number; token: string };
  return { port, token, pid: child.pid!, stop: () => child.kill() };
}

function post(
  host: Host,
  path: string,
  body: Uint8Array,
  contentType: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          'Content-Type': contentType,
          'X-Briefing-Token': host.token,
          'Content-Length': String(body.length),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', (err) => resolve({ status: 0, body: String(err) }));
    req.end(Buffer.from(body));
  });
}

/** What a host's reply says, in one line: the error's Chinese and English, or what was imported. */
function said(reply: { status: number; body: string }): string {
  try {
    const env = decodeWire(reply.body) as {
      ok: boolean;
      value?: { title?: string; stats?: unknown[] };
      error?: { message: string; messageEn: string };
    };
    if (env.ok) return `imported 《${env.value?.title ?? ''}》, ${env.value?.stats?.length ?? 0} statistics`;
    return `${reply.status} ${env.error?.message ?? ''} (${env.error?.messageEn ?? ''})`;
  } catch {
    return `${reply.status} ${reply.body.slice(0, 160)}`;
  }
}

async function throughHost(send: (host: Host) => Promise<{ status: number; body: string }>): Promise<Run> {
  const host = await startHost();
  try {
    const t0 = performance.now();
    const reply = await send(host);
    const ms = performance.now() - t0;
    return { ms, peakMb: peakOf(host.pid), line: said(reply) };
  } finally {
    host.stop();
  }
}

const frameOf = (value: unknown): Uint8Array => concat(encodeFrame(value));

function record(via: 'command line' | 'host', kind: string, run: Run): void {
  const note = `${run.line.slice(0, 150)} — ${machineLoad()}`;
  recordFigure({ name: `hostile, ${via}: ${kind}`, value: run.ms, unit: 'ms', target: TIME_TARGET_MS, note });
  if (Number.isFinite(run.peakMb))
    recordFigure({
      name: `hostile, ${via}: ${kind} (peak memory)`,
      value: run.peakMb,
      unit: 'MB',
      target: MEMORY_TARGET_MB,
    });
}

describe('hostile files end within 90 s and 2 GB, with one clear line', () => {
  for (const h of HOSTILE) {
    it(
      h.kind,
      async () => {
        const file = join(dir, h.name);
        writeFileSync(file, h.make());
        record('command line', h.kind, await runChild([join(ROOT, 'bin', 'briefing.js'), 'inspect', h.name]));
        const bytes = new Uint8Array(readFileSync(file));
        record(
          'host',
          h.kind,
          await throughHost((host) =>
            post(
              host,
              '/api/report:import',
              frameOf({ name: h.name, bytes }),
              'application/vnd.briefing.frame',
            ),
          ),
        );
      },
      600_000,
    );
  }

  it('host only: 150 MB of JSON to a small call, a project nested 100,000 deep, a bad % escape', async () => {
    record(
      'host',
      '150 MB JSON to task:progress',
      await throughHost((host) =>
        post(host, '/api/task:progress', new Uint8Array(150 * MB).fill(0x5b), 'application/json'),
      ),
    );
    const deep = enc.encode(
      `{"format":"briefing-studio/project","version":3,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    record(
      'host',
      'project nested 100,000 deep',
      await throughHost((host) =>
        post(
          host,
          '/api/project:open',
          frameOf({ source: { kind: 'bytes', name: 'deep.briefing', bytes: deep } }),
          'application/vnd.briefing.frame',
        ),
      ),
    );
    record(
      'host',
      'bad % escape in the address',
      await throughHost((host) => post(host, '/api/app%ZZinfo', enc.encode('{}'), 'application/json')),
    );
  }, 600_000);
});

describe('the command line’s imports in a worker under the desk’s limits, against in place', () => {
  it('costs a worker’s start per import, and nothing else that shows', async () => {
    const worker = join(ROOT, 'out', 'main', 'task-worker.js');
    for (const [label, bytes] of [
      ['our 11 KB report', enc.encode(REPORT)],
      ['a 2 MB report', reportRepeated(2)],
    ] as const) {
      const time = async (fn: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        await fn();
        return performance.now() - t0;
      };
      // the first of each loads the importer's code; the second is what a run costs
      await importWithLimits({ name: 'r.txt', bytes: bytes.slice() }, worker);
      await importReport({ name: 'r.txt', bytes: bytes.slice() });
      const inWorker = await time(() => importWithLimits({ name: 'r.txt', bytes: bytes.slice() }, worker));
      const inPlace = await time(() => importReport({ name: 'r.txt', bytes: bytes.slice() }));
      recordFigure({
        name: `command line import of ${label}: in a worker, with limits`,
        value: inWorker,
        unit: 'ms',
        note: machineLoad(),
      });
      recordFigure({
        name: `command line import of ${label}: in place, no limits`,
        value: inPlace,
        unit: 'ms',
      });
    }
  }, 300_000);
});
