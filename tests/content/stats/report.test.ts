import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../content/model/report';
import { QINGHE_TRUTH } from '../../fixtures/stats/qinghe-truth';
import { measured, QINGHE_TEXT, YUNXI_TEXT, type Score } from '../../fixtures/stats/reports';
import { YUNXI_TRUTH } from '../../fixtures/stats/yunxi-truth';

/**
 * A realistic half-year report written for this test (青禾区, fictional figures), as the .docx an
 * office sends, with every statistic annotated by hand: what extraction finds is measured
 * against that — precision, recall, labels that say nothing — and printed.
 */

describe('statistics of a realistic report written for the test (青禾区上半年汇报, .docx)', () => {
  let report: Report;
  let result: Score;
  beforeAll(async () => {
    ({ report, result } = await measured('青禾区上半年汇报', QINGHE_TEXT, QINGHE_TRUTH));
  });

  it('finds the statistics a careful reader finds: precision and recall at least 0.95', () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('gives at most 3 % of them an empty or meaningless label', () => {
    expect(result.badLabels).toBeLessThanOrEqual(0.03);
  });

  it('reads their kind as annotated, and labels most of them as a reader would', () => {
    expect(result.kindsAgree).toBeGreaterThanOrEqual(0.95);
    expect(result.labelsAgree).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps every target as a target and every qualifier with its number', () => {
    const bySentence = (text: string, needle: string) =>
      report.stats.find((s) => s.text === text && s.sentence.includes(needle));
    expect(bySentence('7%', '力争')).toMatchObject({ kind: 'target', measure: 'growth', qualifier: '左右' });
    expect(bySentence('12%', '力争')).toMatchObject({ kind: 'target', qualifier: '以上' });
    expect(bySentence('1万人', '确保')).toMatchObject({ kind: 'target', qualifier: '以上' });
    expect(bySentence('45天', '审批')).toMatchObject({ kind: 'duration', qualifier: '以内' });
    expect(bySentence('3.2%', '失业率')).toMatchObject({ kind: 'share', qualifier: '以内' });
    expect(bySentence('4.2亿元', '机器人')?.scope).toMatchObject({
      kind: 'caption',
      name: '青禾智能制造有限公司',
    });
    expect(bySentence('56亿元', '产业园')?.scope).toMatchObject({
      kind: 'project',
      name: '青禾新能源装备产业园项目',
    });
    expect(bySentence('97.5%', '自来水')).toMatchObject({ from: { value: 91, text: '91%' } });
  });
});

describe('statistics of a 政府工作报告 written for the test (云溪市, .docx), annotated before it was first run', () => {
  let report: Report;
  let result: Score;
  beforeAll(async () => {
    ({ report, result } = await measured('云溪市政府工作报告', YUNXI_TEXT, YUNXI_TRUTH));
  });

  it('finds the statistics a careful reader finds, with labels that stand alone', () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.badLabels).toBeLessThanOrEqual(0.03);
    expect(result.kindsAgree).toBeGreaterThanOrEqual(0.95);
  });

  it('scopes a quoted enterprise’s figures to it, and makes every number of the year ahead a target', () => {
    const quoted = report.stats.filter((s) => s.sentence.includes('集装箱'));
    expect(quoted.map((s) => s.scope.kind)).toEqual(['entity', 'entity', 'entity']);
    const ahead = report.stats.filter(
      (s) => s.sectionId === report.stats.find((x) => x.text === '420个')?.sectionId,
    );
    expect(ahead.length).toBeGreaterThan(10);
    for (const s of ahead) expect(s.kind, s.text).toBe('target');
  });
});
