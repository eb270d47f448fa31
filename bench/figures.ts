import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * Benchmarks record figures here; `npm run bench` prints them all as one table at the end.
 * A figure is a measurement with the target it is held to (lower is better).
 */
export interface Figure {
  /** what was measured, e.g. "import: newspaper report" */
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'x';
  /** the issue's target, same unit; omitted for reference figures (pandoc) */
  target?: number;
  note?: string;
}

export function recordFigure(figure: Figure): void {
  const file = process.env.BENCH_RESULTS;
  const line = `${figure.name}: ${figure.value.toFixed(figure.unit === 'ms' ? 1 : 2)} ${figure.unit}${figure.target !== undefined ? ` (target ≤ ${figure.target} ${figure.unit})` : ''}${figure.note ? ` — ${figure.note}` : ''}`;
  console.log(line);
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

/** Timings on a shared machine mean little without its load beside them. */
export const machineLoad = (): string => `load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;

/** Median and 95th percentile of samples. */
export function summarize(samples: readonly number[]): { median: number; p95: number; min: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: s[0] ?? NaN };
}

/** Run fn `runs` times after `warmup` runs; return the per-run times in ms. */
export async function timeRuns(fn: () => unknown, runs = 10, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}
