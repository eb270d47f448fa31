import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { composeDoc } from '../../content/compose/doc';
import { ownHeadingMarker } from '../../content/compose/numbering';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { briefForms } from '../../templates/brief/blocks';
import { builtinRegistry } from '../../templates/registry';
import { ROOT } from '../helpers/paths';

/** A heading that carries its own marker (「第一，」) is numbered once, in the brief and in the deck. */

describe('a heading’s own marker', () => {
  it('is 第一， 第二个方面， 一是 首先， 其次， — not 第一季度, 第一产业 or a bare numeral', () => {
    expect(ownHeadingMarker('第一，充分肯定成绩')).toEqual({ marker: '第一，', rest: '充分肯定成绩' });
    expect(ownHeadingMarker('第二个方面：抓好落实').marker).toBe('第二个方面：');
    expect(ownHeadingMarker('一是稳住粮食生产').marker).toBe('一是');
    expect(ownHeadingMarker('首先，统一思想').marker).toBe('首先，');
    expect(ownHeadingMarker('其次，压实责任').marker).toBe('其次，');
    for (const plain of ['第一季度经济运行', '第一产业增加值', '一、主要指标', '一是否可行', '第一，'])
      expect(ownHeadingMarker(plain), plain).toEqual({ marker: '', rest: plain });
  });
});

describe('a speech whose parts are 「第一，」「第二，」「第三，」', () => {
  let report: Report;
  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/brief/speech-markers.txt')));
    report = await importReport({ name: 'speech-markers.txt', bytes });
  });

  it('gets no 「一、」 before them in the brief, in every template: each heading reads as spoken', () => {
    const doc = composeDoc(report, emptyBriefing());
    const heads = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number}${b.text}`] : []));
    expect(heads).toEqual([
      '第一，认清形势，准确把握农业农村工作的新要求',
      '第二，突出重点，扎实推进今年各项任务',
      '第三，压实责任，确保各项工作落地见效',
    ]);
    for (const id of ['plain', 'bulletin', 'gbt9704']) {
      const forms = briefForms(doc, builtinRegistry().get('brief', id));
      const drawn = forms.flatMap((f) => (f.kind === 'heading' ? [f.text] : []));
      expect(drawn, id).toEqual(heads);
    }
  });

  it('is numbered by the deck alone: 「一、认清形势…」 above its slides, 「认清形势…」 in the agenda', () => {
    const deck = composeDeck(report, emptyBriefing(), builtinRegistry().get('deck', 'gov-red'));
    const agenda = deck.slides.find((s) => s.layout === 'agenda');
    expect(agenda?.agenda).toEqual([
      '认清形势，准确把握农业农村工作的新要求',
      '突出重点，扎实推进今年各项任务',
      '压实责任，确保各项工作落地见效',
    ]);
    const kickers = deck.slides.flatMap((s) => ('kicker' in s && s.kicker ? [s.kicker] : []));
    expect(kickers).toContain('一、认清形势，准确把握农业农村工作的新要求');
    expect(JSON.stringify(deck.slides)).not.toMatch(/第[一二三]，/);
  });
});
