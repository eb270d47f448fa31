import { describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES, builtinRegistry, TemplateRegistry } from '../../templates/registry';
import { parseTemplate, parseUserTemplate, TemplateError, type BriefTemplate } from '../../templates/schema';
import { cssProblem } from '../../templates/common';
import { BRIEF_SOURCES } from '../../templates/brief';
import { gridCharSpacing, typeArea } from '../../templates/brief/schema';
import { fillPattern, issueNumber, leadInText, textCells } from '../../templates/brief/format';
import { fitOneLine } from '../../templates/brief/fit';
import { briefFrame, signatureIndents } from '../../templates/brief/layout';
import { BRIEF_FIELD_KEYS, emptyFields, type BriefFields } from '../../templates/model';
import { BriefFieldsSchema } from '../../content/model/briefing';
import gbt9704Json from '../../templates/brief/gbt9704/template.json';

const registry = builtinRegistry();
const gbt = registry.get('brief', 'gbt9704');
const bulletin = registry.get('brief', 'bulletin');
const plain = registry.get('brief', 'plain');
const fields = (f: Partial<BriefFields> = {}): BriefFields => ({ ...emptyFields(), ...f });

/** A copy of the gbt9704 data with one path changed, for the validation tests. */
function gbtWith(path: string[], value: unknown): unknown {
  const data = structuredClone(gbt9704Json) as Record<string, unknown>;
  let at = data;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return data;
}

function templateError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error('expected a TemplateError');
}

describe('every template that ships', () => {
  it('is listed as its file says and used as the schema reads it', () => {
    expect(BUILTIN_SOURCES).toHaveLength(6);
    const fresh = new TemplateRegistry([]).withUser([]);
    expect(fresh.list()).toEqual([]);
    for (const s of BUILTIN_SOURCES) {
      // the list line is read from the file without the schema: it must agree with it
      const validated = parseTemplate(s.data, s.file, s.css);
      expect(registry.list(validated.kind), s.file).toContainEqual({
        id: validated.id,
        kind: validated.kind,
        name: validated.name,
        builtin: true,
      });
      expect(registry.get(validated.kind, validated.id)).toEqual(validated);
    }
    // built-ins stay built-in, and validated once, beside a user's template
    const withUser = registry.withUser([{ ...gbt, id: 'mine' }]);
    expect(withUser.list('brief').map((t) => [t.id, t.builtin])).toEqual([
      ['gbt9704', true],
      ['bulletin', true],
      ['plain', true],
      ['mine', false],
    ]);
    expect(withUser.get('brief', 'gbt9704')).toBe(registry.get('brief', 'gbt9704'));
  });
});

describe('the brief templates that ship', () => {
  it('are gbt9704, bulletin and plain, each validated like a user template', () => {
    expect(registry.ids('brief')).toEqual(['gbt9704', 'bulletin', 'plain']);
    for (const s of BRIEF_SOURCES) expect(() => parseUserTemplate(s.data, s.file, s.css)).not.toThrow();
  });

  it('gbt9704 carries the GB/T 9704 page: A4, margins 37/35/28/26 mm in twips, 22 lines of 28 characters', () => {
    expect(gbt.page).toMatchObject({
      width: 11906,
      height: 16838,
      margins: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
      grid: { linesPerPage: 22, charsPerLine: 28, linePitch: 579 },
    });
    expect(gbt.lineTwips).toBe(579);
    expect(typeArea(gbt)).toEqual({ width: 8844, height: 12756 });
    // 579 is the largest pitch that still fits 22 lines; 580 would leave room for only 21
    expect(Math.floor(12756 / 579)).toBe(22);
    expect(Math.floor(12756 / 580)).toBe(21);
  });

  it('gbt9704 names the official fonts and sizes', () => {
    const f = gbt.fonts;
    expect([f.body.eastAsia, f.body.latin, f.body.sizePt]).toEqual(['仿宋_GB2312', 'Times New Roman', 16]);
    expect([f.title.eastAsia, f.title.sizePt]).toEqual(['方正小标宋简体', 22]);
    expect([f.h1.eastAsia, f.h2.eastAsia, f.h3.eastAsia, f.h4.eastAsia]).toEqual([
      '黑体',
      '楷体_GB2312',
      '仿宋_GB2312',
      '仿宋_GB2312',
    ]);
    expect([f.pageNumber.eastAsia, f.pageNumber.latin, f.pageNumber.sizePt]).toEqual(['宋体', '宋体', 14]);
    expect(gbt.pageNumber).toMatchObject({ prefix: '— ', suffix: ' —', position: 'outside', indentChars: 1 });
    expect(gbt.indentChars).toBe(2);
  });

  it('gbt9704 squeezes body characters just enough for 28 to a line', () => {
    const spacing = gridCharSpacing(gbt, 16);
    expect(spacing).toBe(-5);
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(8844);
    expect(29 * (320 + spacing)).toBeGreaterThan(8844);
    // larger type is not squeezed by this rule, plain has no grid
    expect(gridCharSpacing(gbt, 14)).toBe(0);
    expect(gridCharSpacing(plain, 12)).toBe(0);
  });

  it('gbt9704 has a red masthead shown with a 发文字号 and a 版记 between rules', () => {
    expect(gbt.masthead).toMatchObject({
      kind: 'redhead',
      when: ['docNumber', 'signer'],
      markFont: { eastAsia: '方正小标宋简体', color: 'FF0000' },
      rule: { color: 'FF0000' },
    });
    expect(gbt.colophon).toMatchObject({ kind: 'banji', thick: { size: 8 }, thin: { size: 6 } });
  });

  it('bulletin has a red 「{unit}工作简报」 masthead, a thick red rule and a 报尾', () => {
    expect(bulletin.masthead).toMatchObject({
      kind: 'bulletin',
      mark: '{unit}工作简报',
      issue: '第{issueNo}期',
      markFont: { eastAsia: '方正小标宋简体', color: 'FF0000' },
      rule: { color: 'FF0000', size: 24 },
    });
    expect(bulletin.colophon).toMatchObject({ kind: 'baowei', copies: '（共印{copies}份）' });
    expect(bulletin.capabilities.note).toBe(true);
  });

  it('an unknown id fails listing the known ones', () => {
    expect(() => registry.get('brief', 'nope')).toThrow(/gbt9704.*bulletin.*plain/);
  });
});

describe('validating a template', () => {
  it('names the file and the field that is wrong', () => {
    const err = templateError(() => parseTemplate(gbtWith(['fonts', 'body', 'sizePt'], -3), 'mine.json'));
    expect(err.file).toBe('mine.json');
    expect(err.field).toBe('fonts.body.sizePt');
    expect(err.message).toContain('mine.json');
    expect(err.messageZh).toContain('fonts.body.sizePt');
  });

  it('refuses a line pitch that does not give the lines per page it claims', () => {
    const err = templateError(() => parseTemplate(gbtWith(['page', 'grid', 'linePitch'], 580), 'x.json'));
    expect(err.field).toBe('page.grid.linePitch');
    expect(err.problem).toContain('21 lines');
  });

  it('refuses body line spacing that differs from the grid pitch', () => {
    expect(templateError(() => parseTemplate(gbtWith(['lineTwips'], 600), 'x.json')).field).toBe('lineTwips');
  });

  it('refuses a capability flag that contradicts the template', () => {
    const data = gbtWith(['capabilities', 'masthead'], false);
    expect(templateError(() => parseTemplate(data, 'x.json')).field).toBe('capabilities.masthead');
  });

  it('refuses a pattern naming a field briefs do not have', () => {
    const err = templateError(() => parseTemplate(gbtWith(['masthead', 'mark'], '{organisation}'), 'x.json'));
    expect(err.field).toBe('masthead.mark');
    expect(err.problem).toContain('{organisation}');
  });

  it('refuses a colour that is not six hex digits', () => {
    const data = gbtWith(['masthead', 'rule', 'color'], 'red');
    expect(templateError(() => parseTemplate(data, 'x.json')).field).toBe('masthead.rule.color');
  });

  it('refuses CSS in a user template that would load anything or run script', () => {
    for (const css of [
      '@import "http://x/y.css";',
      '.a { background: url(https://example.com/p.png) }',
      ".a { background: image-set('x.png' 1x) }",
      '.a { width: expression(alert(1)) }',
      '.a { background: u\\72l(http://x) }',
      '</style><script>alert(1)</script>',
    ])
      expect(cssProblem(css), css).not.toBeNull();
    expect(cssProblem('.a { background: url(data:image/png;base64,AAAA) } /* url(http://x) */')).toBeNull();
    const err = templateError(() => parseUserTemplate(gbt9704Json, 'red.json', '.a{background:url(//x)}'));
    expect(err.field).toBe('css');
  });

  it('a user template may not shadow a built-in id in the registry', () => {
    const mine = { ...gbt, name: { zh: '我的', en: 'Mine' } } as BriefTemplate;
    const withUser = registry.withUser([mine]);
    expect(withUser.get('brief', 'gbt9704').name.zh).not.toBe('我的');
    const other = new TemplateRegistry([gbt], [{ ...gbt, id: 'mine' }]);
    expect(other.list('brief').map((t) => [t.id, t.builtin])).toEqual([
      ['gbt9704', true],
      ['mine', false],
    ]);
  });
});

describe('brief text helpers', () => {
  it('fills patterns from fields, dropping a line whose field is empty', () => {
    expect(fillPattern('第{issueNo}期', fields({ issueNo: '3' }))).toBe('第3期');
    expect(fillPattern('第{issueNo}期', fields())).toBeNull();
    expect(fillPattern('{unit}工作简报', fields(), 'blank')).toBe('工作简报');
  });

  it('reads an issue number however staff typed it', () => {
    expect(issueNumber('第 12 期')).toBe('12');
    expect(issueNumber('12')).toBe('12');
  });

  it('counts Chinese characters as one cell and digits as half', () => {
    expect(textCells('2022年7月5日')).toBe(6);
    expect(textCells('绿园区人民政府办公室')).toBe(10);
  });

  it('ends a lead-in with a full stop unless it already has punctuation', () => {
    expect(leadInText('全力复工复产')).toBe('全力复工复产。');
    expect(leadInText('全力复工复产！')).toBe('全力复工复产！');
  });

  it('narrows a long masthead name before making it smaller', () => {
    expect(fitOneLine('工作简报', 42, 8844)).toEqual({ sizePt: 42, scale: 100 });
    const long = fitOneLine('绿园区人民政府办公室工作简报', 42, 8844);
    expect(long.sizePt).toBe(42);
    expect(long.scale).toBe(75);
    expect(14 * 42 * 20 * (long.scale / 100)).toBeLessThanOrEqual(8844);
    const huge = fitOneLine('一'.repeat(40), 42, 8844);
    expect(huge.scale).toBe(60);
    expect(40 * huge.sizePt * 20 * 0.6).toBeLessThanOrEqual(8844);
  });
});

describe('the frame of a brief', () => {
  it('starts empty, as the project schema reads a briefing that gives no fields', () => {
    expect(Object.keys(emptyFields())).toEqual([...BRIEF_FIELD_KEYS]);
    expect(Object.values(emptyFields()).every((v) => v === '')).toBe(true);
    expect(BriefFieldsSchema.parse({})).toEqual(emptyFields());
    expect(BriefFieldsSchema.parse({ unit: '区政府办公室' })).toEqual({
      ...emptyFields(),
      unit: '区政府办公室',
    });
  });

  it('places the signature as GB/T 9704 7.3.5.2 asks: unit two cells in, date two cells right of its start', () => {
    // 10-cell unit, 6-cell date: date ends 4 cells in, so it starts 2 cells right of the unit
    expect(signatureIndents('绿园区人民政府办公室', '2022年7月5日')).toEqual({
      unitRightCells: 2,
      dateRightCells: 4,
    });
    // a 7-cell date longer than the 3-cell unit sits two cells in; the unit starts two cells left of it
    expect(signatureIndents('区政府', '2022年12月31日')).toEqual({ unitRightCells: 8, dateRightCells: 2 });
  });

  it('shows the red masthead only when a 发文字号 or a 签发人 is given', () => {
    expect(briefFrame(fields({ unit: '绿园区人民政府' }), gbt).masthead).toBeNull();
    expect(
      briefFrame(fields({ unit: '绿园区人民政府', docNumber: '绿府发〔2022〕3号' }), gbt).masthead,
    ).toEqual({
      kind: 'redhead',
      mark: '绿园区人民政府',
      docNumber: '绿府发〔2022〕3号',
      signer: null,
    });
    expect(
      briefFrame(fields({ unit: '绿园区人民政府', docNumber: '绿政〔2022〕3号', signer: ' 王明 ' }), gbt)
        .masthead,
    ).toMatchObject({ kind: 'redhead', signer: '王明' });
  });

  it('always shows a bulletin masthead, named 工作简报 when no unit is given', () => {
    expect(briefFrame(fields({ issueNo: '第3期', date: '2022年7月5日' }), bulletin).masthead).toEqual({
      kind: 'bulletin',
      mark: '工作简报',
      issue: '第3期',
      left: null,
      right: '2022年7月5日',
    });
  });

  it('prints a 版记 and a 报尾 only from the fields given, each list ending in a full stop', () => {
    expect(briefFrame(fields(), gbt).colophon).toBeNull();
    expect(
      briefFrame(fields({ cc: '区委办', printedBy: '区政府办', date: '2022年7月5日' }), gbt).colophon,
    ).toEqual({
      kind: 'banji',
      cc: '抄送：区委办。',
      printedBy: '区政府办',
      printedDate: '2022年7月5日印发',
    });
    expect(briefFrame(fields({ reportTo: '市委', copies: '30' }), bulletin).colophon).toEqual({
      kind: 'baowei',
      lines: [{ label: '报：', text: '市委。' }],
      copies: '（共印30份）',
    });
  });

  it('keeps the 按语 for templates that have one', () => {
    expect(briefFrame(fields({ note: '请认真学习。' }), bulletin).note).toBe('请认真学习。');
    expect(briefFrame(fields({ note: '请认真学习。' }), gbt).note).toBeNull();
  });

  it('writes 主送 with one colon and the subtitle with one dash', () => {
    const f = briefFrame(fields({ mainTo: '各街道：', subtitle: '—— 在全会上的汇报' }), gbt);
    expect(f.mainTo).toBe('各街道：');
    expect(f.subtitle).toBe('——在全会上的汇报');
  });
});
