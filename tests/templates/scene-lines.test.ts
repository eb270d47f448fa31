import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSlide, type SlideDraft } from '../../content/compose/deck-fit';
import { emptyFields, type Slide } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { balancedLines, contentChars, lineCount, wrapLines } from '../../templates/scene/measure';
import { slideScene, textHeight, type SceneText } from '../../templates/scene/scene';
import { renderSlide } from '../../templates/render/slide';
import { LANDSCAPE_PNG } from '../fixtures/deck/png';

const THEMES = ['gov-red', 'gov-blue', 'plain'] as const;
const registry = builtinRegistry();

/** Words titles are made of: CJK phrases, numbers with units, the punctuation headings carry. */
const word = fc.constantFrom(
  '坚持',
  '项目',
  '为王',
  '实干',
  '笃行',
  '稳住经济运行基本盘',
  '全力以赴',
  '推动高质量发展',
  '根',
  '破',
  '、',
  '，',
  '“',
  '”',
  '2024年',
  '15.6%',
  '国家级',
  '乡村振兴',
  '改革攻坚',
  '“五个一”',
  '（续）',
);
const title = fc.array(word, { minLength: 1, maxLength: 24 }).map((ws) => ws.join(''));

const HEADING_ROLES = new Set(['title', 'subtitle', 'agenda-entry']);

/** The heading boxes of a slide's scene, each with the lines it is set in. */
function headingBoxes(slide: Slide, themeId: string): SceneText[] {
  const scene = slideScene(slide, {
    theme: registry.get('deck', themeId),
    fields: emptyFields(),
    index: 2,
    total: 9,
  });
  return scene.items.filter((x): x is SceneText => x.kind === 'text' && HEADING_ROLES.has(x.role));
}

function fitted(draft: SlideDraft, themeId: string): Slide[] {
  return fitSlide(draft, registry.get('deck', themeId)).map((s, i) => ({ id: `s${i}`, ...s }));
}

describe('heading lines', () => {
  it('breaks a title, subtitle or agenda entry so its last line holds at least two characters, in every theme', () => {
    fc.assert(
      fc.property(
        title,
        fc.array(title, { minLength: 1, maxLength: 9 }),
        fc.boolean(),
        (t, entries, kicker) => {
          for (const themeId of THEMES) {
            const slides = [
              ...fitted({ layout: 'cover', title: t, subtitle: t, notes: '', itemIds: [] }, themeId),
              ...fitted({ layout: 'divider', title: t, number: '三、', notes: '', itemIds: [] }, themeId),
              ...fitted({ layout: 'closing', title: t, notes: '', itemIds: [] }, themeId),
              ...fitted(
                {
                  layout: 'bullets',
                  title: t,
                  bullets: ['完成投资12亿元', '新建项目8个'],
                  notes: '',
                  itemIds: [],
                  ...(kicker ? { kicker: '二、稳住经济运行基本盘' } : {}),
                },
                themeId,
              ),
              ...fitted(
                { layout: 'agenda', title: '目录', agenda: entries, start: 1, notes: '', itemIds: [] },
                themeId,
              ),
            ];
            for (const slide of slides)
              for (const box of headingBoxes(slide, themeId)) {
                const lines = box.paragraphs.map((p) => p.map((r) => r.text).join(''));
                const where = `${themeId} ${slide.layout} ${box.role}: ${lines.join(' | ')}`;
                if (lines.length > 1)
                  expect(contentChars(lines[lines.length - 1] ?? ''), where).toBeGreaterThanOrEqual(2);
                // each line is set as given: it fits the box's width on one line
                for (const line of lines) expect(lineCount(line, box.box.w, box.size), where).toBe(1);
              }
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('keeps the line count plain wrapping gives, so fitting measured the same height', () => {
    fc.assert(
      fc.property(
        title,
        fc.integer({ min: 200, max: 1200 }),
        fc.integer({ min: 20, max: 64 }),
        (t, w, size) => {
          const plain = wrapLines(t, w, size);
          const balanced = balancedLines(t, w, size);
          expect(balanced).toHaveLength(plain.length);
          expect(balanced.join('')).toBe(plain.join(''));
        },
      ),
    );
  });

  it('rebalances 「坚持项目为王，全力以赴推动重大项目落地生根」 rather than leave 「根」 alone', () => {
    const text = '坚持项目为王，全力以赴推动重大项目落地生根';
    const size = 40;
    const width = (text.length - 1) * size; // plain wrapping leaves the last character alone
    expect(wrapLines(text, width / 0.95, size).at(-1)).toBe('根');
    const lines = balancedLines(text, width / 0.95, size);
    expect(lines).toHaveLength(2);
    expect(contentChars(lines[1] ?? '')).toBeGreaterThanOrEqual(8);
  });
});

describe('a table slide', () => {
  const rows = [
    ['项目', '总投资（亿元）', '进度', '同比'],
    ['汽车零部件产业园', '12.5', '主体完工', '23.6%'],
    ['城市更新一期', '8.2', '全面开工', '-3.2%'],
    ['智慧物流园', '1,206.0', '设备安装', '+5%'],
  ];
  const slide: Slide = {
    id: 't',
    layout: 'table',
    title: '重点项目进展',
    table: { caption: '表1 重点项目进展', rows },
    notes: '',
    itemIds: [],
  };

  for (const themeId of THEMES)
    it(`sets number columns to the right, words to the left, and fills the body with a short table (${themeId})`, () => {
      const theme = registry.get('deck', themeId);
      const scene = slideScene(slide, { theme, fields: emptyFields(), index: 2, total: 3 });
      const table = scene.items.find((x) => x.kind === 'table');
      expect(table?.kind).toBe('table');
      if (table?.kind !== 'table') return;
      expect(table.align).toEqual(['left', 'right', 'left', 'right']);
      // four short rows are not a strip at the top with the rest of the slide bare
      const body = theme.frames.content.body;
      expect(table.box.h).toBeGreaterThan(body.h * 0.45);
      expect(table.rows.reduce((h, r) => h + r.height, 0)).toBeLessThanOrEqual(table.box.h + 0.5);
      // centred in what is left, the caption right under it
      const caption = scene.items.find((x) => x.kind === 'text' && x.role === 'caption');
      expect(caption?.box.y).toBeGreaterThan(table.box.y + table.box.h);
      expect((caption?.box.y ?? 0) - (table.box.y + table.box.h)).toBeLessThan(30);
      expect(table.box.y - body.y).toBeGreaterThanOrEqual(0);
    });
});

describe('a picture slide', () => {
  for (const themeId of THEMES)
    it(`keeps the caption right under a wide picture, the two centred together (${themeId})`, () => {
      const theme = registry.get('deck', themeId);
      const slide: Slide = {
        id: 'p',
        layout: 'image',
        title: '新建城市书房',
        image: { mime: 'image/png', data: LANDSCAPE_PNG, caption: '图1 新建的城市书房' },
        notes: '',
        itemIds: [],
      };
      const scene = slideScene(slide, { theme, fields: emptyFields(), index: 2, total: 3 });
      const pic = scene.items.find((x) => x.kind === 'image' && x.role === 'picture');
      const caption = scene.items.find((x) => x.kind === 'text' && x.role === 'caption');
      expect(pic && caption).toBeTruthy();
      if (!pic || !caption) return;
      const gap = caption.box.y - (pic.box.y + pic.box.h);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(30);
      const body = theme.frames.content.body;
      const above = pic.box.y - body.y;
      const below = body.y + body.h - (caption.box.y + caption.box.h);
      expect(Math.abs(above - below)).toBeLessThan(2);
    });
});

describe('a few lines on a slide', () => {
  for (const themeId of THEMES)
    it(`sit about the middle of the body, not under the title with the lower half bare (${themeId})`, () => {
      const theme = registry.get('deck', themeId);
      const [slide] = fitted(
        {
          layout: 'bullets',
          title: '重点项目建设',
          bullets: ['完成固定资产投资128.6亿元，同比增长9.2%', '新开工重点项目42个'],
          notes: '',
          itemIds: [],
        },
        themeId,
      );
      const scene = slideScene(slide as Slide, { theme, fields: emptyFields(), index: 2, total: 3 });
      const list = scene.items.find((x): x is SceneText => x.kind === 'text' && x.role === 'bullets');
      expect(list).toBeTruthy();
      if (!list) return;
      const body = theme.frames.content.body;
      const middle = list.box.y + textHeight(list) / 2;
      const at = (middle - body.y) / body.h;
      expect(at).toBeGreaterThan(0.35);
      expect(at).toBeLessThan(0.55);
    });
});

describe('a number and its unit stay on one line', () => {
  it('never ends a line between 「2.9」 and 「人」 or 「50」 and 「亿元」, at any width', () => {
    const text = '全县每千人口执业（助理）医师数达到2.9人，新签约项目投资额达到50亿元，增长12.5%';
    for (let w = 120; w <= 900; w += 7) {
      const lines = wrapLines(text, w, 24);
      expect(lines.join('')).toBe(text);
      for (const [a, b] of lines.slice(0, -1).map((l, i) => [l, lines[i + 1] ?? ''] as const)) {
        expect(`${a}|${b}`, `${w}`).not.toMatch(/[0-9.]\|(?:人|亿|元|%)/u);
      }
    }
  });

  it('wraps each number and unit of a slide’s HTML in an escaped no-break span', () => {
    const html = renderSlide(
      {
        id: 's1',
        layout: 'bullets',
        title: '<b>标题</b>',
        bullets: ['医师数达到2.9人，投资<50亿元>'],
        notes: '',
        itemIds: [],
      },
      { theme: builtinRegistry().get('deck', 'gov-red'), fields: emptyFields(), index: 2, total: 3 },
    );
    expect(html).toContain('<span class="bs-nb">2.9人</span>');
    expect(html).toContain('<span>，投资&lt;</span><span class="bs-nb">50亿元</span><span>&gt;</span>');
    expect(html).not.toContain('<b>标题</b>');
  });
});

describe('a divider’s rule never reads as a stroke of its number', () => {
  it('draws no short bar under 「一、」 that would read as 「二、」, in every theme', () => {
    for (const id of ['gov-red', 'gov-blue', 'plain']) {
      const theme = builtinRegistry().get('deck', id);
      const scene = slideScene(
        { id: 'd', layout: 'divider', number: '一、', title: '主要经济指标运行情况', notes: '', itemIds: [] },
        { theme, fields: emptyFields(), index: 3, total: 9 },
      );
      const number = scene.items.find((i) => i.kind === 'text' && i.role === 'number');
      if (!number || number.kind !== 'text') continue;
      const size = number.size;
      for (const s of scene.items) {
        if (s.kind !== 'shape') continue;
        // a bar within half an em under the number sits where a stroke of the numeral would
        const below =
          s.box.y >= number.box.y + number.box.h - size && s.box.y <= number.box.y + number.box.h + size / 2;
        const under = s.box.x < number.box.x + 2 * size && s.box.x + s.box.w > number.box.x;
        const stroke = s.box.h < size / 4 && s.box.w < 3 * size;
        expect(below && under && stroke, `${id}: ${JSON.stringify(s.box)}`).toBe(false);
      }
    }
  });
});
