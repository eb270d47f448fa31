import { describe, expect, it } from 'vitest';
import { composeDoc, namedAbove } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import { briefForms } from '../../templates/brief/blocks';
import { builtinRegistry } from '../../templates/registry';

/** A table with no caption line of its own takes the name the sentence before it gives it. */

const para = (text: string) => ({ kind: 'paragraph' as const, text });

describe('the name a report gives a table in the sentence before it', () => {
  it('is the subject of 「…见下表」 「…如下表所示」, and nothing from a longer sentence', () => {
    expect(namedAbove(para('主要指标完成情况见下表。'), '表')).toBe('主要指标完成情况');
    expect(namedAbove(para('上半年增长较快。各乡镇产值如下表所示：'), '表')).toBe('各乡镇产值');
    expect(namedAbove(para('具体情况详见下表。'), '表')).toBe('情况');
    expect(namedAbove(para('全镇产值增长5.9%，详见下表。'), '表')).toBe('');
    expect(namedAbove(para('全镇产值增长5.9%。'), '表')).toBe('');
    expect(namedAbove(para('园区分布见下图。'), '表')).toBe('');
    expect(namedAbove(undefined, '表')).toBe('');
  });

  it('captions the table of a Markdown report 「表1　重点项目进展情况」 in the brief', async () => {
    const md = [
      '# 青禾区重点项目推进情况',
      '',
      '## 一、总体进展',
      '',
      '前三季度全区重点项目完成投资46.2亿元。重点项目进展情况见下表。',
      '',
      '| 项目 | 完成投资（亿元） |',
      '| --- | --- |',
      '| 青禾物流园 | 12.4 |',
      '| 滨河安置房 | 8.7 |',
      '',
    ].join('\n');
    const report = await importReport({ name: 'qh.md', bytes: new TextEncoder().encode(md) });
    const doc = composeDoc(report, emptyBriefing());
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table && 'caption' in table ? table.caption : null).toBe('重点项目进展情况');
    const form = briefForms(doc, builtinRegistry().get('brief', 'plain')).find((f) => f.kind === 'table');
    expect(form && 'caption' in form ? form.caption : null).toBe('表1　重点项目进展情况');
  });
});
