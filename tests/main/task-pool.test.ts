import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { sampleReport } from '../../content/sample';
import { decodeWireBytes } from '../../content/util/wire';
import type { Envelope } from '../../main/contract';
import { AppError } from '../../main/errors';
import { createHandlers, dispatch } from '../../main/handlers';
import { inProcessRunner, WorkerPool, type TaskRunner } from '../../main/tasks/runner';
import { builtinRegistry } from '../../templates/registry';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { districtReportRepeated, DISTRICT_REPORT_PATH, ROOT } from '../helpers/paths';

/**
 * The worker threads imports and export writing run in. The real worker is the built one
 * (out/main/task-worker.js, what both hosts start), built here first if the sources are newer;
 * the failures are played by small workers in tests/fixtures/workers.
 */

const TASK_WORKER = join(ROOT, 'out', 'main', 'task-worker.js');
const fixtureWorker = (name: string): string => join(ROOT, 'tests', 'fixtures', 'workers', name);

beforeAll(() => {
  ensureBuild({ quiet: true });
}, 120_000);

const decode = (bytes: Uint8Array): Report => decodeWireBytes(bytes) as Report;

let pools: WorkerPool[] = [];
const pool = (options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}): WorkerPool => {
  const p = new WorkerPool({ script: TASK_WORKER, ...options });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

describe('the worker pool', () => {
  it('imports a report in a worker thread: progress in order ending at 1, the same report as in place', async () => {
    const bytes = new Uint8Array(readFileSync(DISTRICT_REPORT_PATH));
    const inPlace = await importReport({ name: 'district.txt', bytes: bytes.slice() });
    const progress: number[] = [];
    const { encoded } = await pool().run(
      { kind: 'import', name: 'district.txt', bytes },
      { onProgress: (f) => progress.push(f) },
    );
    expect(decode(encoded)).toEqual(inPlace);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f > progress[i - 1]!))).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('moves a large file’s bytes to the worker instead of copying them', async () => {
    const bytes = districtReportRepeated(1);
    const size = bytes.byteLength;
    const { encoded } = await pool().run({ kind: 'import', name: 'big.txt', bytes });
    // transferred: main's view of the buffer is detached
    expect(bytes.byteLength).toBe(0);
    expect(decode(encoded).raw.length).toBeGreaterThan(size / 16_000);
  });

  it('reports progress through the analysis of a large file, not only while reading it', async () => {
    const progress: number[] = [];
    await pool().run(
      { kind: 'import', name: 'big.txt', bytes: districtReportRepeated(8) },
      { onProgress: (f) => progress.push(f) },
    );
    // reading is the first fifth of an import of text; the analysis reports its way up to the end
    const afterReading = progress.filter((f) => f > 0.25 && f < 0.8);
    expect(afterReading.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('cancel stops the worker at once and fails the import as 已取消', async () => {
    const p = pool();
    const controller = new AbortController();
    const seen: number[] = [];
    const started = performance.now();
    const run = p.run(
      { kind: 'import', name: 'big.txt', bytes: districtReportRepeated(30) },
      {
        signal: controller.signal,
        onProgress: (f) => {
          seen.push(f);
          if (f > 0.05) controller.abort();
        },
      },
    );
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('canceled');
    expect((err as AppError).messageZh).toContain('已取消');
    // long before a 30 MB import could have finished, and the worker is gone
    expect(performance.now() - started).toBeLessThan(4000);
    expect(Math.max(...seen)).toBeLessThan(1);
    expect(p.workerCount).toBe(0);
    // the pool carries on with a fresh worker
    const { encoded } = await p.run({ kind: 'paste', text: '一、总体情况\n\n全年新增就业岗位300个。' });
    expect(decode(encoded).stats[0]?.value).toBe(300);
  }, 60_000);

  it('a job canceled while it waits for a worker never starts', async () => {
    const p = pool({ script: fixtureWorker('answers.mjs'), size: 1 });
    const first = p.run({ kind: 'paste', text: 'first' });
    const controller = new AbortController();
    const second = p.run({ kind: 'paste', text: 'second' }, { signal: controller.signal });
    const third = p.run({ kind: 'paste', text: 'third' });
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'canceled' });
    expect(decodeWireBytes((await first).encoded)).toBe('first');
    expect(decodeWireBytes((await third).encoded)).toBe('third');
  });

  it('an exception in the worker becomes a readable AppError, and the next job gets a fresh worker', async () => {
    const p = pool({ script: fixtureWorker('throws.mjs') });
    const err = await p.run({ kind: 'import', name: 'a.txt', bytes: new Uint8Array([65]) }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'worker-crashed' });
    expect((err as AppError).messageZh).toMatch(
      /^导入的后台任务意外中止（boom in the worker）。已编辑的内容不会丢失/,
    );
    expect(p.workerCount).toBe(0);
    await expect(p.run({ kind: 'paste', text: 'x' })).rejects.toMatchObject({ code: 'worker-crashed' });
  });

  it('a worker that exits under a job fails it instead of leaving it hanging', async () => {
    const err = await pool({ script: fixtureWorker('exits.mjs') })
      .run({
        kind: 'render',
        format: 'docx',
        report: sampleReport(),
        briefing: emptyBriefing(),
        templates: [],
        env: {},
      })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'worker-crashed' });
    expect((err as AppError).messageZh).toContain('导出的后台任务意外中止（exit code 7）');
  });

  it('a worker out of memory fails with a Chinese message saying what to do; main carries on', async () => {
    const err = await pool({ script: fixtureWorker('hogs-memory.mjs'), maxHeapMb: 32 })
      .run({ kind: 'import', name: 'huge.txt', bytes: new Uint8Array([65]) })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'out-of-memory' });
    expect((err as AppError).messageZh).toMatch(/^内存不足，导入没有完成。.*拆成几个较小的文件/);
  }, 60_000);

  it('renders a .docx in the worker and hands the bytes back', async () => {
    const report = sampleReport();
    const out = await pool().run({
      kind: 'render',
      format: 'docx',
      report,
      briefing: emptyBriefing(),
      templates: [],
      env: {},
    });
    expect('bytes' in out && out.fileName).toBe(`${report.title}.docx`);
    const xml = strFromU8(unzipSync((out as { bytes: Uint8Array }).bytes)['word/document.xml']!);
    expect(xml).toContain(report.title);
  });

  it('leaves a PDF’s printing to main: the worker returns the HTML deck to print', async () => {
    const out = await pool().run({
      kind: 'render',
      format: 'pdf',
      report: sampleReport(),
      briefing: emptyBriefing(),
      templates: [],
      env: {},
    });
    expect('printHtml' in out && out.printHtml).toContain('bs-pdf-ready');
  });

  it('an import error from the worker keeps its code and both messages', async () => {
    const err = await pool()
      .run({ kind: 'import', name: 'old.doc', bytes: new Uint8Array([1, 2, 3]) })
      .catch((e) => e);
    const inPlace = await importReport({ name: 'old.doc', bytes: new Uint8Array([1, 2, 3]) }).catch((e) => e);
    expect(err).toMatchObject({ code: 'import-old-format', messageZh: inPlace.messageZh });
  });
});

describe('tasks through the handlers', () => {
  const handlersWith = (tasks: TaskRunner = pool()) =>
    createHandlers({
      host: 'browser',
      version: 'test',
      registry: builtinRegistry,
      deliver: async () => ({ status: 'canceled' }),
      showInFolder: async () => undefined,
      dataDir: mkdtempSync(join(tmpdir(), 'tasks-data-')),
      saveProject: async () => ({ result: { status: 'canceled' }, path: null }),
      chooseProjectFile: async () => null,
      tasks,
    });

  it('the page can follow an import by its task id until it ends', async () => {
    const handlers = handlersWith();
    const taskId = 'import-follow-1';
    const seen: number[] = [];
    const importing = dispatch(handlers, 'report:import', {
      name: 'big.txt',
      bytes: districtReportRepeated(6),
      taskId,
    });
    let done = false;
    void importing.then(() => (done = true));
    while (!done) {
      const env = await dispatch(handlers, 'task:progress', { taskId });
      if (env.ok && 'value' in env && (env.value as { running: boolean }).running)
        seen.push((env.value as { fraction: number }).fraction);
      await new Promise((r) => setTimeout(r, 50));
    }
    const env = (await importing) as Envelope<Report>;
    expect(env.ok && 'encoded' in env).toBe(true);
    expect(decode((env as { encoded: Uint8Array }).encoded).raw.length).toBeGreaterThan(1000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(Math.max(...seen)).toBeGreaterThan(0.3);
    // ended: nothing running under that id any more
    expect(await dispatch(handlers, 'task:progress', { taskId })).toEqual({
      ok: true,
      value: { running: false, fraction: 0 },
    });
  }, 60_000);

  it('task:cancel stops an import; a cancel that arrives before its import stops it too', async () => {
    const handlers = handlersWith();
    const importing = dispatch(handlers, 'report:import', {
      name: 'big.txt',
      bytes: districtReportRepeated(30),
      taskId: 'cancel-me-1',
    });
    await new Promise((r) => setTimeout(r, 300));
    await dispatch(handlers, 'task:cancel', { taskId: 'cancel-me-1' });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'canceled', message: '已取消。' } });

    await dispatch(handlers, 'task:cancel', { taskId: 'cancel-me-2' });
    const late = await dispatch(handlers, 'report:import', {
      name: 'r.txt',
      bytes: districtReportRepeated(1),
      taskId: 'cancel-me-2',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'canceled' } });
  }, 60_000);

  it('refuses a task id that is not a plain token', async () => {
    const handlers = handlersWith(inProcessRunner);
    expect(await dispatch(handlers, 'task:progress', { taskId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
