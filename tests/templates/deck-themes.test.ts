import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECK_SOURCES } from '../../templates/deck';
import { parseTemplate, TemplateError } from '../../templates/schema';
import { builtinRegistry } from '../../templates/registry';
import type { DeckTemplate } from '../../templates/deck/schema';
import { deckCss, sanitizeThemeCss } from '../../templates/render/slide';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { ROOT } from '../helpers/paths';

const THEME_IDS = ['gov-red', 'gov-blue', 'plain'] as const;
const themes = (): DeckTemplate[] => THEME_IDS.map((id) => builtinRegistry().get('deck', id));

/** Hue in degrees and saturation of a hex colour. */
function hsl(hex: string): { h: number; s: number; l: number } {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: (h * 60 + 360) % 360, s, l };
}

describe('the built-in deck themes', () => {
  it('are gov-red 党政红, gov-blue 政务蓝 and plain 简约白, by those fixed ids', () => {
    expect(builtinRegistry().ids('deck').sort()).toEqual([...THEME_IDS].sort());
    expect(themes().map((t) => t.name.zh)).toEqual(['党政红', '政务蓝', '简约白']);
  });

  it('dress gov-red in red with gold, and gov-blue in blue', () => {
    const red = builtinRegistry().get('deck', 'gov-red');
    const primary = hsl(red.colors.primary);
    expect(primary.h < 10 || primary.h > 350).toBe(true);
    expect(primary.s).toBeGreaterThan(0.6);
    const gold = hsl(red.colors.accent);
    expect(gold.h).toBeGreaterThan(35);
    expect(gold.h).toBeLessThan(50);
    // the cover, dividers and closing are red; the content slides carry a red band
    expect(red.frames.cover.background).toBe('primary');
    expect(red.frames.content.shapes.some((s) => s.fill === 'primary' && s.w === SLIDE_W)).toBe(true);
    expect(red.frames.content.shapes.some((s) => s.fill === 'accent')).toBe(true);
    const blue = hsl(builtinRegistry().get('deck', 'gov-blue').colors.primary);
    expect(blue.h).toBeGreaterThan(200);
    expect(blue.h).toBeLessThan(230);
  });

  it('keep every text box on the 16:9 slide, and the body clear of the title and footer', () => {
    for (const t of themes()) {
      const boxes = [
        ...Object.values(t.frames.cover),
        ...Object.values(t.frames.divider),
        ...Object.values(t.frames.closing),
        ...Object.values(t.frames.content),
      ].filter(
        (v): v is { x: number; y: number; w: number; h: number } =>
          typeof v === 'object' && v !== null && 'w' in v,
      );
      for (const b of boxes) {
        expect(b.x, t.id).toBeGreaterThanOrEqual(0);
        expect(b.y, t.id).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w, t.id).toBeLessThanOrEqual(SLIDE_W);
        expect(b.y + b.h, t.id).toBeLessThanOrEqual(SLIDE_H);
      }
      const { title, body, unit, page } = t.frames.content;
      expect(title.y + title.h).toBeLessThanOrEqual(body.y);
      expect(body.y + body.h).toBeLessThanOrEqual(Math.min(unit.y, page.y));
    }
  });

  it('name offline Chinese font stacks for Windows, Kylin/UOS and Linux, and fetch no web fonts', () => {
    for (const t of themes()) {
      expect(t.fonts.heading).toEqual(
        expect.arrayContaining(['Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC']),
      );
      expect(t.fonts.body).toEqual(expect.arrayContaining(['Microsoft YaHei', 'Noto Sans CJK SC']));
      expect(t.fonts.quote).toEqual(expect.arrayContaining(['FangSong', 'Noto Serif CJK SC']));
      expect(t.fonts.heading.at(-1)).toBe('sans-serif');
      expect(t.fonts.quote.at(-1)).toBe('serif');
      const css = deckCss(t);
      expect(css).not.toMatch(/@font-face|@import|url\((?!data:)/i);
      expect(css).toContain('"Noto Sans CJK SC"');
    }
  });

  it('give PowerPoint each font role with its Chinese (East Asian) name', () => {
    for (const t of themes()) {
      expect(t.fonts.pptx.heading.eastAsia).toBe('微软雅黑');
      expect(t.fonts.pptx.body.eastAsia).toBe('微软雅黑');
      expect(t.fonts.pptx.quote.eastAsia).toBe('仿宋');
    }
  });

  it('carry no emblem or any picture: decorations are plain shapes, theme folders hold only data and CSS', () => {
    for (const t of themes()) {
      for (const frame of Object.values(t.frames))
        for (const s of frame.shapes) expect(['rect', 'ellipse']).toContain(s.kind);
      expect(JSON.stringify(t)).not.toMatch(/data:image|\.png|\.jpe?g|\.svg|\.gif/i);
    }
    const dir = join(ROOT, 'templates', 'deck');
    for (const id of THEME_IDS)
      expect(readdirSync(join(dir, id)).sort()).toEqual(['template.json', 'theme.css']);
  });

  it('have slots for the organisation, presenter, date, page number and an own logo', () => {
    for (const t of themes()) {
      expect(t.capabilities.logo).toBe(true);
      expect(t.frames.cover.meta.maxLines).toBeGreaterThanOrEqual(3);
      expect(t.frames.content.unit).toBeDefined();
      expect(t.frames.content.page).toBeDefined();
      expect(t.frames.content.logo.w).toBeGreaterThan(0);
    }
  });

  it('end the plain theme with 谢谢 and the official ones with 汇报完毕，敬请批评指正', () => {
    expect(builtinRegistry().get('deck', 'gov-red').texts.closing).toBe('汇报完毕，敬请批评指正');
    expect(builtinRegistry().get('deck', 'gov-blue').texts.closing).toBe('汇报完毕，敬请批评指正');
    expect(builtinRegistry().get('deck', 'plain').texts.closing).toBe('谢谢');
  });
});

describe('a deck theme file', () => {
  const source = DECK_SOURCES.find((s) => s.file.includes('gov-red'));
  const data = (): Record<string, unknown> => structuredClone(source?.data) as Record<string, unknown>;

  it('is refused, naming the field, when a size range is upside down', () => {
    const bad = data() as { type: { bullets: { size: { max: number; min: number } } } };
    bad.type.bullets.size = { max: 18, min: 30 };
    expect(() => parseTemplate(bad, 'my-theme.json')).toThrow(TemplateError);
    expect(() => parseTemplate(bad, 'my-theme.json')).toThrow(/type\.bullets\.size/);
  });

  it('is refused when a decoration is anything but a rectangle or an ellipse', () => {
    const bad = data() as { frames: { cover: { shapes: unknown[] } } };
    bad.frames.cover.shapes.push({ x: 0, y: 0, w: 10, h: 10, kind: 'image', fill: 'primary' });
    expect(() => parseTemplate(bad, 'my-theme.json')).toThrow(/frames\.cover\.shapes\.\d+\.kind/);
  });

  it('is refused when a colour is not six hex digits', () => {
    const bad = data() as { colors: Record<string, string> };
    bad.colors.accent = 'gold';
    expect(() => parseTemplate(bad, 'my-theme.json')).toThrow(/colors\.accent/);
  });

  it('cannot make a deck load anything through its CSS', () => {
    const css = sanitizeThemeCss(
      '@import "https://example.com/x.css"; .a { background: url(https://example.com/a.png) } .b { background: url(//cdn.example/b.png) } .c { background: url("data:image/png;base64,AAAA") }',
    );
    expect(css).not.toMatch(/https?:|\/\/cdn|@import/);
    expect(css).toContain('data:image/png;base64,AAAA');
  });

  it('cannot smuggle CSS in through a font name', () => {
    const t = parseTemplate(
      {
        ...data(),
        id: 'sneaky',
        fonts: {
          ...(data().fonts as object),
          body: ['x"; } body { background: url(https://e.com/) } .y { a: "', 'serif'],
        },
      },
      'sneaky.json',
    ) as DeckTemplate;
    const css = deckCss(t);
    expect(css).not.toContain('https://e.com');
  });

  it('matches what ships: every built-in file validates', () => {
    for (const s of DECK_SOURCES) {
      const raw = JSON.parse(readFileSync(join(ROOT, s.file), 'utf8')) as unknown;
      expect(() => parseTemplate(raw, s.file)).not.toThrow();
    }
  });
});
