import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import type { Box } from '../../templates/deck/schema';
import { emptyFields, type ShownStat, type Slide, type SlideOf } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import {
  sceneTexts,
  slideScene,
  textFits,
  type Scene,
  type SceneContext,
  type SceneItem,
  type SceneText,
} from '../../templates/scene/scene';
import { LANDSCAPE_PNG, LOGO_PNG } from '../fixtures/deck/png';
import { allLayouts, hostile, longText } from '../fixtures/deck/reports';

const THEMES = ['gov-red', 'gov-blue', 'plain'] as const;
const registry = builtinRegistry();
const fields = {
  ...emptyFields(),
  unit: '云溪市临川县人民政府办公室',
  presenter: '李华',
  date: '2023年7月10日',
};
const ctx = (themeId: string, extra: Partial<SceneContext> = {}): SceneContext => ({
  theme: registry.get('deck', themeId),
  fields,
  index: 5,
  total: 20,
  ...extra,
});

const stat = (value: string, unit: string, label: string, extra: Partial<ShownStat> = {}): ShownStat => ({
  statId: label,
  value,
  unit,
  label,
  sentence: `${label}${value}${unit}。`,
  ...extra,
});
const base = { id: 's', title: '重点项目建设', notes: '', itemIds: [] };

const texts = (scene: Scene, role: SceneText['role']): string[] =>
  scene.items
    .filter((i): i is SceneText => i.kind === 'text' && i.role === role)
    .map((t) => t.paragraphs.map((p) => p.map((r) => r.text).join('')).join('\n'));

const inside = (b: Box): boolean =>
  b.x >= -0.5 && b.y >= -0.5 && b.x + b.w <= SLIDE_W + 0.5 && b.y + b.h <= SLIDE_H + 0.5;
const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** What may not overlap anything else of its kind: texts, pictures, tables and charts (shapes lie under them). */
const solid = (scene: Scene): SceneItem[] => scene.items.filter((i) => i.kind !== 'shape');

function checkScene(scene: Scene, where: string): void {
  for (const item of scene.items) {
    // a theme's decorations may bleed off the edge; nothing else may
    if (item.kind === 'shape' && item.role === 'frame') continue;
    expect(
      inside(item.box),
      `${where}: ${item.kind} ${'role' in item ? item.role : ''} outside the slide`,
    ).toBe(true);
  }
  const items = solid(scene);
  items.forEach((a, i) =>
    items.slice(i + 1).forEach((b) => {
      expect(
        overlap(a.box, b.box),
        `${where}: ${JSON.stringify(a.box)} overlaps ${JSON.stringify(b.box)}`,
      ).toBeLessThan(1);
    }),
  );
}

describe('the scene of a slide: every layout in every theme', () => {
  for (const themeId of THEMES)
    it(`keeps every box of a composed deck on the slide, apart from the others, its text inside it (${themeId})`, () => {
      const theme = registry.get('deck', themeId);
      for (const f of [allLayouts(), longText(), hostile()]) {
        const deck = composeDeck(f.report, { ...f.briefing, deckTemplate: themeId }, theme, {
          logo: { mime: 'image/png', data: LOGO_PNG },
        });
        deck.slides.forEach((slide, i) => {
          const scene = slideScene(slide, {
            theme,
            fields: deck.fields,
            index: i + 1,
            total: deck.slides.length,
            ...(deck.logo ? { logo: deck.logo } : {}),
          });
          const where = `${themeId} ${slide.id} ${slide.layout}`;
          checkScene(scene, where);
          for (const item of scene.items)
            if (item.kind === 'text')
              expect(
                textFits(item),
                `${where}: ${item.role} «${sceneTexts({ background: 'background', items: [item] })[0]}»`,
              ).toBe(true);
        });
      }
    });

  it('sets the title a continued slide shows once, with the theme’s （续）', () => {
    const slide: Slide = { ...base, layout: 'bullets', bullets: ['推进临川大道改造'], continued: true };
    expect(texts(slideScene(slide, ctx('gov-red')), 'title')).toEqual(['重点项目建设（续）']);
  });

  it('hides a table caption that repeats the title, even when the title was shortened, and shows any other', () => {
    const table = {
      caption: '重点项目建设',
      rows: [
        ['项目', '进度'],
        ['云溪大桥', '完工'],
      ],
    };
    const same: Slide = { ...base, layout: 'table', table };
    expect(texts(slideScene(same, ctx('plain')), 'caption')).toEqual([]);
    const cut: Slide = { ...base, layout: 'table', title: '重点项目…', table };
    expect(texts(slideScene(cut, ctx('plain')), 'caption')).toEqual([]);
    const other: Slide = { ...base, layout: 'table', table: { ...table, caption: '表1　截至6月底进展' } };
    expect(texts(slideScene(other, ctx('plain')), 'caption')).toEqual(['表1　截至6月底进展']);
  });

  it('writes a chart’s title and unit out, and its categories as they fit', () => {
    const chart: SlideOf<'chart'> = {
      ...base,
      layout: 'chart',
      chart: {
        type: 'bar',
        unit: '亿元',
        points: [stat('5', '亿元', '临川县'), stat('3.2', '亿元', '云溪区')],
      },
    };
    const [item] = slideScene(chart, ctx('gov-blue')).items.filter((i) => i.kind === 'chart');
    expect(item).toMatchObject({
      title: '重点项目建设',
      unitLabel: '单位：亿元',
      values: [5, 3.2],
      valueLabels: ['5', '3.2'],
      categories: [
        { text: '临川县', lines: ['临川县'] },
        { text: '云溪区', lines: ['云溪区'] },
      ],
    });
    const own = slideScene(
      { ...chart, chart: { ...chart.chart, title: '各区县投资', unit: '' } },
      ctx('gov-blue'),
    );
    expect(own.items.find((i) => i.kind === 'chart')).toMatchObject({ title: '各区县投资', unitLabel: '' });
  });

  it('numbers agenda badges on from where the agenda left off', () => {
    const slide: Slide = {
      ...base,
      layout: 'agenda',
      agenda: ['经济运行', '民生保障'],
      start: 8,
      continued: true,
    };
    const scene = slideScene(slide, ctx('gov-red'));
    expect(texts(scene, 'agenda-badge')).toEqual(['08', '09']);
    expect(texts(scene, 'agenda-entry')).toEqual(['经济运行', '民生保障']);
  });

  it('gives a quote its source line only when it has one', () => {
    const quote: SlideOf<'quote'> = {
      ...base,
      layout: 'quote',
      quote: { text: '民生无小事。', source: '县委全会' },
    };
    expect(texts(slideScene(quote, ctx('plain')), 'quote-source')).toEqual(['——县委全会']);
    const bare = slideScene({ ...quote, quote: { text: '民生无小事。' } }, ctx('plain'));
    expect(texts(bare, 'quote-source')).toEqual([]);
  });

  it('sets a key figure as prefix, value, unit and suffix, the number large, and tags a target apart', () => {
    const slide: Slide = {
      ...base,
      layout: 'figures',
      figures: [
        stat('6.5', '%', '地区生产总值', { prefix: '增长', suffix: '左右', tag: '目标' }),
        stat('1000', '万元', '税收收入', { prefix: '超' }),
      ],
    };
    for (const themeId of THEMES) {
      const scene = slideScene(slide, ctx(themeId));
      const values = scene.items.filter(
        (i): i is SceneText => i.kind === 'text' && i.role === 'figure-value',
      );
      expect(values.map((v) => v.paragraphs[0]?.map((r) => r.text))).toEqual([
        ['增长', '6.5', '%', '左右'],
        ['超', '1000', '万元'],
      ]);
      const [first] = values;
      const runs = first?.paragraphs[0] ?? [];
      expect(runs[1]?.size).toBe(first?.size);
      for (const r of [runs[0], runs[2], runs[3]]) expect(r?.size).toBeLessThan(first?.size ?? 0);
      expect(texts(scene, 'figure-tag')).toEqual(['目标']);
      expect(texts(scene, 'figure-label')).toEqual(['地区生产总值', '税收收入']);
      checkScene(scene, `${themeId} tagged figures`);
    }
  });

  it('puts the footer’s unit beside the logo, never under it, and the page number as a field', () => {
    const slide: Slide = { ...base, layout: 'bullets', bullets: ['完善基层治理'] };
    const scene = slideScene(slide, ctx('gov-red', { logo: { mime: 'image/png', data: LOGO_PNG } }));
    const logo = scene.items.find((i) => i.kind === 'image' && i.role === 'logo');
    const unit = scene.items.find((i) => i.kind === 'text' && i.role === 'unit');
    expect(logo && unit && overlap(logo.box, unit.box)).toBe(0);
    expect(scene.items.find((i) => i.kind === 'text' && i.role === 'page')).toMatchObject({
      field: 'slide-number',
    });
    // a theme without a logo slot shows none
    const theme = registry.get('deck', 'gov-red');
    const noSlot = { ...theme, capabilities: { ...theme.capabilities, logo: false } };
    const without = slideScene(slide, {
      ...ctx('gov-red', { logo: { mime: 'image/png', data: LOGO_PNG } }),
      theme: noSlot,
    });
    expect(without.items.some((i) => i.kind === 'image')).toBe(false);
  });

  it('places a picture at its own proportions, and leaves out one it cannot read', () => {
    const slide: SlideOf<'image'> = {
      ...base,
      layout: 'image',
      image: { mime: 'image/png', data: LANDSCAPE_PNG, caption: '临川县新建的文化中心' },
    };
    const picture = slideScene(slide, ctx('gov-blue')).items.find((i) => i.kind === 'image');
    expect(picture && picture.box.w / picture.box.h).toBeCloseTo(480 / 270, 3);
    const broken = slideScene({ ...slide, image: { ...slide.image, data: 'AAAA' } }, ctx('gov-blue'));
    expect(broken.items.some((i) => i.kind === 'image')).toBe(false);
    expect(texts(broken, 'caption')).toEqual(['临川县新建的文化中心']);
  });

  it('shows the cover’s and the closing slide’s meta lines, and a divider without a number shows none', () => {
    const cover = slideScene({ ...base, layout: 'cover', subtitle: '上半年工作汇报' }, ctx('gov-red'));
    expect(texts(cover, 'meta')).toEqual(['云溪市临川县人民政府办公室\n汇报人：李华\n2023年7月10日']);
    expect(texts(cover, 'page')).toEqual([]);
    const divider = slideScene({ ...base, layout: 'divider', number: '' }, ctx('gov-red'));
    expect(texts(divider, 'number')).toEqual([]);
    expect(
      texts(slideScene({ ...base, layout: 'divider', number: '三、' }, ctx('gov-red')), 'number'),
    ).toEqual(['三、']);
  });
});
