import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPastedText } from '../../../content/import';
import { headingsOf, paragraphsOf, squeeze } from './kinds';

/**
 * Properties of reading text copied out of a PDF: whatever the page width, wherever the page
 * breaks fall and whatever furniture stands at them, the report's text is the source's text, mark
 * for mark, less the furniture; and no number changes its value because its line was joined.
 */

const TITLE = '临川县2023年上半年工作总结';

// words and figures of a report, none of which opens a heading, an item or a leftover line
const WORDS = [
  '全县',
  '经济运行',
  '总体平稳',
  '符合预期',
  '主要指标',
  '好于全市',
  '平均水平',
  '固定资产投资',
  '同比增长',
  '制造业',
  '重点项目',
  '加快推进',
  '民生保障',
  '持续改善',
  '城乡面貌',
  '社会消费品零售总额',
  '达到',
  '比上年',
  '提高',
  '完成投资',
  '占年度计划的',
  '新增就业',
];
const FIGURES = [
  '12.6%',
  '23.5%',
  '186.42亿元',
  '1200万元',
  '4.1个百分点',
  '6830人',
  '58.3%',
  '9.8%',
  '1.07万户',
  '2136处',
];

const clause = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 }),
    fc.option(fc.constantFrom(...FIGURES)),
  )
  .map(([words, figure]) => words.join('') + (figure ?? ''));
// long enough that the newspaper rule for a repeated fragment (a short paragraph that repeats the
// tail of the one before it) has no say: that rule is tested on its own
const paragraph = fc
  .array(clause, { minLength: 2, maxLength: 7 })
  .map((clauses) => `${clauses.join('，')}。`)
  .filter((p) => p.length > 50);

const PAGE_NUMBERS = [
  (n: number) => `— ${n} —`,
  (n: number) => `- ${n} -`,
  (n: number) => `第 ${n} 页`,
  (n: number) => `第${n}页 共9页`,
  (n: number) => `${n}/9`,
];

/** Wrap at a page width as a PDF viewer copies it: a closing mark never opens a line. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = ch.charCodeAt(0) < 0x1100 ? 0.5 : 1;
    if (w + cw > width && line) {
      if ('，。、；：！？）》”%'.includes(ch)) {
        lines.push(line + ch);
        line = '';
        w = 0;
        continue;
      }
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines;
}

const copiedOutOfPdf = fc.record({
  paragraphs: fc.array(paragraph, { minLength: 3, maxLength: 8 }),
  width: fc.integer({ min: 18, max: 36 }),
  pageLines: fc.integer({ min: 6, max: 20 }),
  pageNumber: fc.constantFrom(...PAGE_NUMBERS),
  header: fc.boolean(),
});

interface PdfCopy {
  paragraphs: string[];
  width: number;
  pageLines: number;
  pageNumber: (n: number) => string;
  header: boolean;
}

function pdfText(doc: PdfCopy): string {
  const lines = doc.paragraphs.flatMap((p) => wrap(p, doc.width));
  const out = [TITLE];
  lines.forEach((line, i) => {
    out.push(line);
    if ((i + 1) % doc.pageLines === 0 && i + 1 < lines.length) {
      out.push(doc.pageNumber((i + 1) / doc.pageLines));
      if (doc.header) out.push(TITLE);
    }
  });
  return out.join('\n');
}

const numbers = (texts: readonly string[]): string[] =>
  texts.flatMap((t) => t.match(/\d+(\.\d+)?/g) ?? []).sort();

describe('reading text copied out of a PDF', () => {
  it('never changes the text’s characters, furniture aside, and never cuts a sentence', () => {
    fc.assert(
      fc.property(copiedOutOfPdf, (doc) => {
        const r = importPastedText(pdfText(doc));
        expect(r.title).toBe(TITLE);
        expect(squeeze(paragraphsOf(r).join(''))).toBe(squeeze(doc.paragraphs.join('')));
        // a paragraph may run on into the next where a sentence ends at the page's edge, but
        // every paragraph read ends where a sentence of the source does
        for (const p of paragraphsOf(r)) expect(p).toMatch(/。$/);
        expect(headingsOf(r)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never changes a number’s value by joining its line', () => {
    fc.assert(
      fc.property(copiedOutOfPdf, (doc) => {
        const r = importPastedText(pdfText(doc));
        expect(numbers(paragraphsOf(r))).toEqual(numbers(doc.paragraphs));
      }),
      { numRuns: 150 },
    );
  });

  it('never joins a line that ends in a number to a line that starts with one when they stand apart', () => {
    const label = fc.constantFrom('表1', '附件2', '回顾2023', '图3', '第4');
    const opening = fc.constantFrom(
      '2024年是全面贯彻二十大精神的关键之年。',
      '12个重点项目全部开工。',
      '30家企业完成技术改造。',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(label, opening), { minLength: 1, maxLength: 4 }), (pairs) => {
        const lines = pairs.flatMap(([a, b]) => [a, b]);
        const r = importPastedText([TITLE, ...lines].join('\n'));
        const shown = [...headingsOf(r).map((h) => h.text), ...paragraphsOf(r)];
        expect(numbers(shown)).toEqual(numbers(lines));
      }),
      { numRuns: 60 },
    );
  });
});
