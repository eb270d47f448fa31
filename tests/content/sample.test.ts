import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../content/sample';
import { SAMPLE_REPORT_TEXT } from '../../content/sample/sample-report';
import { readDistrictReport } from '../helpers/paths';
import { describeSharedReport } from '../helpers/shared-report';

describe('the built-in sample report', () => {
  const report = sampleReport();

  it('has a title, a subtitle and a dateline', () => {
    expect(report.title).toBe('绿园区2022年上半年工作总结');
    expect(report.subtitle).toContain('稳住经济大盘');
    expect(report.dateline).toContain('2022年7月15日');
  });

  it('splits into numbered top-level sections with subsections', () => {
    const titles = report.sections.map((s) => s.title);
    expect(titles).toEqual([
      '前言',
      '抓好理论武装，推动上级决策部署落地见效',
      '稳住经济运行基本盘',
      '以改革创新增强发展动力',
      '改善城乡人居环境',
      '保障和改善民生',
      '守牢安全发展底线',
      '下半年工作安排',
      '结束语',
    ]);
    const economy = report.sections[2]!;
    expect(economy.number).toBe('二、');
    expect(economy.sections.map((s) => s.number)).toEqual(['（一）', '（二）', '（三）']);
  });

  it('finds lead-in points, including 一是 and —— markers', () => {
    const points = report.sections.flatMap(function all(s): { lead: string; marker?: string }[] {
      return [...s.blocks.filter((b) => b.kind === 'point'), ...s.sections.flatMap(all)] as {
        lead: string;
        marker?: string;
      }[];
    });
    expect(points.map((p) => p.lead)).toEqual(
      expect.arrayContaining(['坚持“第一议题”制度', '企业复工跑出加速度', '抓项目扩投资']),
    );
    expect(points.find((p) => p.lead === '企业复工跑出加速度')?.marker).toBe('一是');
    expect(points.find((p) => p.lead === '抓项目扩投资')?.marker).toBe('——');
  });

  it('carries the key figures of the district report', () => {
    const shown = report.stats.map((s) => `${s.value}${s.unit}`);
    expect(shown).toEqual(
      expect.arrayContaining(['107户', '21.59亿元', '1868项', '6070个', '660个', '6.1万户次']),
    );
  });
});

describeSharedReport('the built-in sample report beside the shared district report', () => {
  it('is our own text, not sentences copied from the newspaper fixture', () => {
    const sentences = readDistrictReport()
      .split(/[。！？\n]/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 12);
    const copied = sentences.filter((s) => SAMPLE_REPORT_TEXT.includes(s));
    expect(copied).toEqual([]);
  });
});
