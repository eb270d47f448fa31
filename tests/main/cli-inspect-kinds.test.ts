import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { fakeIO } from '../helpers/cli-io';
import { ROOT } from '../helpers/paths';

interface Shown {
  title: string;
  subtitle?: string;
  issuer?: string;
  date?: string;
  speaker?: string;
  salutation?: string;
  repairs: { kind: string; blockIds: string[]; before: string; applied: boolean }[];
}

const inspect = async (name: string): Promise<Shown> => {
  const io = fakeIO();
  const file = join(ROOT, 'tests', 'fixtures', 'import-kinds', name);
  expect(await runCli(['inspect', file, '--json'], io)).toBe(0);
  expect(io.err).toBe('');
  return JSON.parse(io.out) as Shown;
};

describe('briefing inspect FILE --json on reports as they arrive', () => {
  it('shows a speech’s front matter in its fields', async () => {
    const shown = await inspect('government-work-report.txt');
    expect(shown).toMatchObject({
      title: '政府工作报告',
      subtitle: '2023年1月12日在青禾区第三届人民代表大会第三次会议上',
      date: '2023年1月12日',
      speaker: '青禾区人民政府区长　陈某某',
      salutation: '各位代表：',
    });
  });

  it('lists every removal from a PDF copy with its kind, and every paragraph read back from its lines', async () => {
    const shown = await inspect('pdf-copy-county-summary.txt');
    expect(shown).toMatchObject({ issuer: '临川县人民政府办公室', date: '2023年7月12日' });
    const count = (kind: string): number => shown.repairs.filter((r) => r.kind === kind).length;
    expect(count('page-number')).toBe(5);
    expect(count('running-header')).toBe(4);
    expect(count('wrapped')).toBeGreaterThan(20);
    expect(shown.repairs.filter((r) => r.kind === 'page-number').map((r) => r.before)).toEqual([
      '— 1 —',
      '— 2 —',
      '— 3 —',
      '— 4 —',
      '— 5 —',
    ]);
    expect(shown.repairs.every((r) => r.applied && r.blockIds.length > 0)).toBe(true);
  });

  it('lists a WeChat article’s leftovers and bylines', async () => {
    const shown = await inspect('wechat-article.txt');
    const kinds = new Set(shown.repairs.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['byline', 'web-leftover']);
    expect(shown.repairs.map((r) => r.before)).toEqual(
      expect.arrayContaining([
        '点击上方蓝字 关注我们',
        '来源：青禾区统计局',
        '阅读 3.4万',
        '分享 收藏 点赞 在看',
      ]),
    );
  });
});
