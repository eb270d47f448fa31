import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import type { Box, DeckTemplate } from '../../templates/deck/schema';
import { emptyFields, type Slide, type SlideFit } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { contrastNeeded, contrastRatio, mixHex, roleColor } from '../../templates/scene/colors';
import { slideScene, type Scene, type SceneItem } from '../../templates/scene/scene';
import { LOGO_PNG } from '../fixtures/deck/png';
import { allLayouts, longText } from '../fixtures/deck/reports';

const THEMES = ['gov-red', 'gov-blue', 'plain'] as const;
const registry = builtinRegistry();

const within = (b: Box, x: number, y: number, ellipse: boolean): boolean => {
  if (!ellipse) return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
  const rx = b.w / 2;
  const ry = b.h / 2;
  return ((x - b.x - rx) / rx) ** 2 + ((y - b.y - ry) / ry) ** 2 <= 1;
};

/** The colour at a point of the slide under everything drawn before item `upTo`: background, then shapes. */
function colorAt(scene: Scene, upTo: number, x: number, y: number, theme: DeckTemplate): string {
  let color = roleColor(theme, scene.background);
  scene.items.slice(0, upTo).forEach((item: SceneItem) => {
    if (item.kind === 'shape' && within(item.box, x, y, item.shape === 'ellipse'))
      color = mixHex(color, roleColor(theme, item.fill), item.opacity);
    if (item.kind === 'text' && item.fill && within(item.box, x, y, false))
      color = roleColor(theme, item.fill);
  });
  return color;
}

/** Points over a text box where its letters may stand: a grid inside it. */
function samples(b: Box): [number, number][] {
  const out: [number, number][] = [];
  for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98])
    for (const fy of [0.1, 0.5, 0.9]) out.push([b.x + fx * b.w, b.y + fy * b.h]);
  return out;
}

/** Every text of a slide's scene whose contrast with what is behind it is below what its size needs. */
function lowContrast(slide: Slide, theme: DeckTemplate): string[] {
  const scene = slideScene(slide, {
    theme,
    fields: { ...emptyFields(), unit: '青禾区人民政府', presenter: '周明', date: '2024年7月8日' },
    index: 3,
    total: 9,
    logo: { mime: 'image/png', data: LOGO_PNG },
  });
  const bad: string[] = [];
  scene.items.forEach((item, i) => {
    if (item.kind === 'text') {
      const fg = roleColor(theme, item.color);
      const need = contrastNeeded(
        Math.min(item.size, ...item.paragraphs.flat().map((r) => r.size)),
        item.bold,
      );
      const own = item.fill ? [roleColor(theme, item.fill)] : [];
      const behind = own.length ? own : samples(item.box).map(([x, y]) => colorAt(scene, i, x, y, theme));
      const worst = Math.min(...behind.map((bg) => contrastRatio(fg, bg)));
      if (worst < need)
        bad.push(`${slide.layout} ${item.role} ${item.color} ${item.size}px: ${worst.toFixed(2)} < ${need}`);
    }
    if (item.kind === 'table')
      for (const row of item.rows) {
        const ratio = contrastRatio(roleColor(theme, row.color), roleColor(theme, row.fill));
        const need = contrastNeeded(item.size, row.bold);
        if (ratio < need) bad.push(`table ${row.color} on ${row.fill}: ${ratio.toFixed(2)} < ${need}`);
      }
    if (item.kind === 'chart') {
      const bg = colorAt(scene, i, item.box.x + item.box.w / 2, item.box.y + item.box.h / 2, theme);
      for (const [role, size] of [
        [item.colors.title, item.titleSize],
        [item.colors.axis, item.labelSize],
        [item.colors.value, item.valueSize],
      ] as const) {
        const ratio = contrastRatio(roleColor(theme, role), bg);
        if (ratio < contrastNeeded(size, false)) bad.push(`chart ${role} ${size}px: ${ratio.toFixed(2)}`);
      }
    }
  });
  return bad;
}

/** The smallest size of each kind of text a theme lets a slide of this layout shrink to. */
function smallest(theme: DeckTemplate, layout: Slide['layout']): SlideFit {
  const t = theme.type;
  const f = theme.frames;
  switch (layout) {
    case 'cover':
      return { title: f.cover.title.size.min, body: f.cover.subtitle.size.min };
    case 'divider':
      return { title: f.divider.title.size.min };
    case 'closing':
      return { title: f.closing.title.size.min };
    case 'agenda':
    case 'bullets':
    case 'quote':
    case 'table':
    case 'image':
    case 'figures':
    case 'chart': {
      const body = layout === 'image' || layout === 'figures' || layout === 'chart' ? 'bullets' : layout;
      return {
        title: f.content.title.size.min,
        body: t[body].size.min,
        value: t.figureValue.size.min,
        label: layout === 'chart' ? t.chartLabel.size.min : t.figureLabel.size.min,
        caption: t.caption.size.min,
      };
    }
  }
}

describe('text contrast', () => {
  it('computes the WCAG ratio: black on white 21, white on white 1, and the display-size threshold', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('FFFFFF', 'FFFFFF')).toBe(1);
    expect(contrastNeeded(24, false)).toBe(3);
    expect(contrastNeeded(20, false)).toBe(4.5);
    expect(contrastNeeded(19, true)).toBe(3);
  });

  for (const themeId of THEMES)
    it(`gives every text box of every layout 4.5 : 1 against its fill, 3 : 1 at display size (${themeId})`, () => {
      const theme = registry.get('deck', themeId);
      const bad = new Set<string>();
      for (const f of [allLayouts(), longText()]) {
        const deck = composeDeck(f.report, { ...f.briefing, deckTemplate: themeId }, theme);
        for (const slide of deck.slides) {
          lowContrast(slide, theme).forEach((b) => bad.add(b));
          // and at the smallest sizes the theme lets its texts shrink to
          lowContrast({ ...slide, fit: smallest(theme, slide.layout) }, theme).forEach((b) => bad.add(b));
          // the same slide as the kicker of a part without a divider shows it
          if (!['cover', 'divider', 'closing', 'agenda'].includes(slide.layout))
            lowContrast({ ...slide, kicker: '二、稳住经济运行基本盘' } as Slide, theme).forEach((b) =>
              bad.add(b),
            );
        }
        // the smallest sizes the theme lets a cover subtitle and a divider title shrink to
        const cover = deck.slides[0];
        if (cover?.layout === 'cover')
          lowContrast(
            {
              ...cover,
              subtitle: '副标题',
              fit: { title: theme.frames.cover.title.size.min, body: theme.frames.cover.subtitle.size.min },
            },
            theme,
          ).forEach((b) => bad.add(b));
      }
      expect([...bad]).toEqual([]);
    });
});
