import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { it } from 'vitest';
import { importReport } from '../content/import';
import { readReportBytes, reportRepeated, ROOT } from '../tests/helpers/paths';
import { recordFigure, summarize, timeRuns } from './figures';

/**
 * Import speed and memory. Targets from issue 3 (this machine): a real report (ours, 15 KB) ≤ 20 ms,
 * a generated 2 MB report ≤ 500 ms, peak memory ≤ 10× the input size.
 */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A deterministic report of about `bytes` UTF-8 bytes, in the shape of a district summary. */
function generateReport(bytes: number): string {
  let seed = 42;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
  const CN = '一二三四五六七八九十';
  const verbs = ['推进', '完成', '实施', '开展', '新建', '改造', '引进', '培育', '服务', '排查整改'];
  const things = [
    '重点项目',
    '民生实事',
    '安全隐患',
    '就业岗位',
    '口袋公园',
    '社区网格',
    '创新主体',
    '道路工程',
    '学位',
    '企业',
  ];
  const units = ['个', '项', '户', '家', '处', '条', '亿元', '万元', '名', '万户次'];
  const filler = [
    '坚持稳中求进工作总基调',
    '统筹发展和安全',
    '压实各方责任',
    '加强统筹调度',
    '推动各项政策措施落地见效',
    '不断提升群众获得感幸福感安全感',
    '持续优化营商环境',
  ];
  const more = [
    '深入贯彻新发展理念',
    '聚焦群众急难愁盼问题',
    '健全完善工作机制',
    '强化部门协同联动',
    '扎实推进各项重点工作',
    '着力补齐短板弱项',
    '切实守住安全底线',
    '积极稳妥推进改革任务',
    '加快构建现代产业体系',
    '全面提升城市治理水平',
  ];
  // as in real reports, about one sentence in three carries a figure
  const sentence = (): string =>
    rnd(3) === 0
      ? `${pick(filler)}，${pick(verbs)}${pick(things)}${rnd(900) + 10}${pick(units)}，${pick(more)}。`
      : `${pick(more)}，${pick(filler)}，${pick(more)}，${pick(filler)}。`;
  const parts: string[] = ['某区年度工作总结', '', '——奋力推动高质量发展', ''];
  let size = 0;
  let section = 0;
  while (size < bytes) {
    const h1 = `${CN[section % 10]}、${pick(filler)}`;
    section++;
    parts.push(h1, '');
    for (let s = 0; s < 3; s++) {
      parts.push(`（${CN[s]}）${pick(verbs)}${pick(things)}`, '');
      for (let p = 0; p < 6; p++) {
        let para = `${pick(verbs)}${pick(things)}取得新进展。${sentence()}${sentence()}${sentence()}`;
        // now and then a paragraph broken by a column break, as pasted text has
        if (rnd(10) === 0) {
          const cut = Math.floor(para.length / 2);
          para = `${para.slice(0, cut)}\n\n${para.slice(cut)}`;
        }
        parts.push(para, '');
        size += para.length * 3;
      }
    }
  }
  return parts.join('\n');
}

function heapNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Heap above the baseline during one import: the peak, sampled at every progress report and at
 * the end (garbage not yet collected included, so V8's young generation of up to 16 MB weighs on
 * small inputs), and what the finished report keeps after a full collection.
 */
async function memory(
  name: string,
  bytes: Uint8Array,
  live = false,
): Promise<{ peak: number; retained: number }> {
  gc();
  const base = heapNow();
  let peak = 0;
  // live: a full collection before each sample, so only what the import still holds counts
  const sample = (): void => {
    if (live) gc();
    peak = Math.max(peak, heapNow() - base);
  };
  const report = await importReport({ name, bytes }, { onProgress: sample });
  sample();
  gc();
  const retained = heapNow() - base;
  // keep the report alive until measured
  if (report.raw.length === 0) throw new Error('empty');
  return { peak, retained };
}

it('imports the newspaper test report', async () => {
  const bytes = readReportBytes();
  const times = await timeRuns(() => importReport({ name: 'qinghe.txt', bytes }), 30, 5);
  const { median, p95 } = summarize(times);
  recordFigure({
    name: 'import: newspaper report (15 KB .txt), median',
    value: median,
    unit: 'ms',
    target: 20,
    note: `p95 ${p95.toFixed(1)} ms`,
  });
});

it('imports a generated 2 MB report', async () => {
  const bytes = new TextEncoder().encode(generateReport(2 * 1024 * 1024));
  const times = await timeRuns(() => importReport({ name: 'big.txt', bytes }), 8, 2);
  const { median, p95 } = summarize(times);
  recordFigure({
    name: 'import: generated 2 MB report, median',
    value: median,
    unit: 'ms',
    target: 500,
    note: `${(bytes.length / 1048576).toFixed(2)} MB, p95 ${p95.toFixed(0)} ms`,
  });
  // where V8's scavenges fall decides how much garbage a sample catches: the median of five runs
  const runs: Array<{ peak: number; retained: number }> = [];
  for (let i = 0; i < 5; i++) runs.push(await memory('big.txt', bytes));
  const peaks = runs.map((r) => r.peak).sort((a, b) => a - b);
  const peak = peaks[2]!;
  const retained = runs.map((r) => r.retained).sort((a, b) => a - b)[2]!;
  const mb = (n: number): string => (n / 1048576).toFixed(1);
  recordFigure({
    name: 'import: peak heap / input size (2 MB report)',
    value: peak / bytes.length,
    unit: 'x',
    target: 10,
    note: `median of 5: ${mb(peak)} MB above baseline (runs ${mb(peaks[0]!)}–${mb(peaks[4]!)} MB), uncollected garbage included`,
  });
  const live = await memory('big.txt', bytes, true);
  recordFigure({
    name: 'import: live peak heap / input size (2 MB report)',
    value: live.peak / bytes.length,
    unit: 'x',
    target: 10,
    note: `${mb(live.peak)} MB: a full collection before each progress sample, garbage excluded`,
  });
  recordFigure({
    name: 'import: report kept / input size (2 MB report, after GC)',
    value: retained / bytes.length,
    unit: 'x',
  });
});

it('imports the PDF fixture and a 50 MB text file (reference)', async () => {
  const pdf = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'report.pdf')));
  const pdfTimes = await timeRuns(() => importReport({ name: 'report.pdf', bytes: pdf }), 5, 1);
  recordFigure({
    name: 'import: 2-page PDF fixture, median (reference)',
    value: summarize(pdfTimes).median,
    unit: 'ms',
  });

  const big = reportRepeated(50);
  const t0 = performance.now();
  const { peak, retained } = await memory('50mb.txt', big);
  recordFigure({ name: 'import: 50 MB text file (reference)', value: performance.now() - t0, unit: 'ms' });
  recordFigure({
    name: 'import: peak heap / input size (50 MB text)',
    value: peak / big.length,
    unit: 'x',
    target: 10,
  });
  recordFigure({
    name: 'import: report kept / input size (50 MB text, after GC)',
    value: retained / big.length,
    unit: 'x',
  });
});
