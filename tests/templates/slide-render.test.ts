import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../content/model/briefing';
import type { BriefFields, ShownStat, Slide, SlideLayout, SlideOf } from '../../templates/model';
import { SLIDE_LAYOUTS } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { deckClass, deckCss, renderSlide, type SlideContext } from '../../templates/render/slide';
import { HOSTILE } from '../fixtures/deck/reports';
import { LANDSCAPE_PNG, LOGO_PNG } from '../fixtures/deck/png';

const stat = (value: string, unit: string, label: string): ShownStat => ({
  statId: `s-${label}`,
  value,
  unit,
  label,
  sentence: `${label}${value}${unit}。`,
});

/** One slide of each layout, with the content its layout shows. */
function sample(layout: SlideLayout): Slide {
  const base = { id: `slide-${layout}`, title: `${layout}标题`, notes: '', itemIds: [] };
  switch (layout) {
    case 'cover':
      return { ...base, layout, subtitle: '稳住经济大盘' };
    case 'agenda':
      return { ...base, layout, agenda: ['稳住经济运行基本盘', '下半年工作安排'], start: 1 };
    case 'divider':
      return { ...base, layout, number: '二、' };
    case 'bullets':
      return { ...base, layout, bullets: ['企业复工跑出加速度', '重点企业扩能增产'] };
    case 'figures':
      return { ...base, layout, figures: [stat('107', '户', '复工企业'), stat('21.59', '亿元', '引进内资')] };
    case 'image':
      return { ...base, layout, image: { mime: 'image/png', data: LANDSCAPE_PNG, caption: '生产线调试' } };
    case 'chart':
      return {
        ...base,
        layout,
        chart: {
          type: 'bar',
          unit: '亿元',
          points: [stat('5', '亿元', '减税'), stat('1.2', '亿元', '消费')],
        },
      };
    case 'table':
      return {
        ...base,
        layout,
        table: {
          caption: '项目表',
          rows: [
            ['项目', '进度'],
            ['产业园', '完工'],
          ],
        },
      };
    case 'quote':
      return { ...base, layout, quote: { text: '发展是第一要务', source: '区委全会' } };
    case 'closing':
      return { ...base, layout, title: '汇报完毕，敬请批评指正' };
  }
}

/** A slide of a layout whose every text is `text`. */
function filledWith(layout: SlideLayout, text: string): Slide {
  const base = { id: `x"${HOSTILE.svg}`, title: text, notes: '', itemIds: [] };
  switch (layout) {
    case 'cover':
      return { ...base, layout, subtitle: text };
    case 'agenda':
      return { ...base, layout, agenda: [text], start: 1 };
    case 'divider':
      return { ...base, layout, number: text };
    case 'bullets':
      return { ...base, layout, bullets: [text] };
    case 'figures':
      return {
        ...base,
        layout,
        figures: [{ ...stat(text, text, text), prefix: text, suffix: text, tag: text }],
      };
    case 'image':
      return { ...base, layout, image: { mime: 'image/png', data: LANDSCAPE_PNG, caption: text } };
    case 'chart':
      return {
        ...base,
        layout,
        chart: {
          type: 'bar',
          unit: text,
          title: text,
          points: [stat('1', text, text), stat('2', text, text)],
        },
      };
    case 'table':
      return { ...base, layout, table: { caption: text, rows: [[text], [text]] } };
    case 'quote':
      return { ...base, layout, quote: { text, source: text } };
    case 'closing':
      return { ...base, layout };
  }
}

/** The elements the slide renderer writes; anything else would have come from report text. */
const RENDERER_TAGS = [
  'div',
  'span',
  'ul',
  'li',
  'img',
  'table',
  'colgroup',
  'col',
  'tbody',
  'tr',
  'th',
  'td',
  // the chart, drawn by ECharts
  'svg',
  'rect',
  'path',
  'text',
  'g',
  'defs',
  'clipPath',
  'linearGradient',
  'stop',
];

const fields: BriefFields = {
  ...emptyFields(),
  unit: '绿园区人民政府办公室',
  presenter: '张明',
  date: '2022年7月15日',
};
const ctx = (themeId: string, extra: Partial<SlideContext> = {}): SlideContext => ({
  theme: builtinRegistry().get('deck', themeId),
  fields,
  index: 3,
  total: 9,
  ...extra,
});

describe('rendering a slide (the preview and the HTML deck share this)', () => {
  it('renders every layout in every theme with its title and content', () => {
    for (const id of ['gov-red', 'gov-blue', 'plain'])
      for (const layout of SLIDE_LAYOUTS) {
        const html = renderSlide(sample(layout), ctx(id));
        expect(html, `${id} ${layout}`).toContain(`bs-slide-${layout}`);
        expect(html).toContain(`data-slide-id="slide-${layout}"`);
        expect(html).toContain(
          layout === 'closing'
            ? '汇报完毕，敬请批评指正'
            : layout === 'quote'
              ? '发展是第一要务'
              : `${layout}标题`,
        );
      }
  });

  it('puts every box where the theme says, so the .pptx can match it', () => {
    const theme = builtinRegistry().get('deck', 'gov-red');
    const html = renderSlide(sample('bullets'), ctx('gov-red'));
    const { title, body } = theme.frames.content;
    expect(html).toContain(`left:${title.x}px;top:${title.y}px;width:${title.w}px;height:${title.h}px`);
    // the list keeps the body's sides and bottom edge; a short one sits lower, in the upper middle
    const box = new RegExp(
      `bs-bullets[^>]*left:${body.x}px;top:(\\d+)px;width:${body.w}px;height:(\\d+)px`,
    ).exec(html);
    const top = Number(box?.[1]);
    expect(top).toBeGreaterThan(body.y);
    expect(top + Number(box?.[2])).toBe(body.y + body.h);
  });

  it('leaves a list that fills the body where the body starts', () => {
    const theme = builtinRegistry().get('deck', 'gov-red');
    const { body } = theme.frames.content;
    const full = {
      ...sample('bullets'),
      bullets: Array.from({ length: 5 }, () => '全面推进重点项目建设'.repeat(6)),
    };
    const html = renderSlide(full, ctx('gov-red'));
    expect(html).toMatch(new RegExp(`bs-bullets[^>]*left:${body.x}px;top:${body.y}px;`));
  });

  it('uses the sizes compose chose to make the text fit', () => {
    const html = renderSlide({ ...sample('bullets'), fit: { title: 31, body: 23 } }, ctx('plain'));
    expect(html).toMatch(/bs-title[^>]*font-size:31px/);
    expect(html).toMatch(/bs-bullets[^>]*font-size:23px/);
  });

  it('shows the organisation, presenter and date on the cover, and no page number there', () => {
    const html = renderSlide(sample('cover'), ctx('gov-red'));
    expect(html).toContain('绿园区人民政府办公室');
    expect(html).toContain('汇报人：张明');
    expect(html).toContain('2022年7月15日');
    expect(html).not.toContain('bs-page');
  });

  it('shows the organisation and the page number in the footer of content slides', () => {
    const html = renderSlide(sample('figures'), ctx('gov-blue'));
    expect(html).toMatch(/bs-unit[^>]*>绿园区人民政府办公室</);
    expect(html).toMatch(/bs-page[^>]*>3</);
  });

  it('marks a continued slide （续）', () => {
    expect(
      renderSlide({ ...(sample('bullets') as SlideOf<'bullets'>), continued: true }, ctx('gov-red')),
    ).toContain('bullets标题（续）');
  });

  it('shows the organisation logo unaltered as an inline image, and drops anything that is not a plain image', () => {
    const withLogo = renderSlide(
      sample('cover'),
      ctx('gov-red', { logo: { mime: 'image/png', data: LOGO_PNG } }),
    );
    expect(withLogo).toContain(`src="data:image/png;base64,${LOGO_PNG}"`);
    const svg = renderSlide(
      sample('cover'),
      ctx('gov-red', { logo: { mime: 'image/svg+xml', data: 'PHN2Zz4=' } }),
    );
    expect(svg).not.toContain('<img');
    const broken = renderSlide(
      {
        ...(sample('image') as SlideOf<'image'>),
        image: { mime: 'image/png', data: '" onerror="alert(1)', caption: '图' },
      },
      ctx('gov-red'),
    );
    expect(broken).not.toContain('<img');
  });

  it('draws charts as inline SVG by ECharts, with the title and unit written out and no address in it', () => {
    const bar = renderSlide(sample('chart'), ctx('gov-red'));
    const svg = /<svg[\s\S]*<\/svg>/.exec(bar)?.[0] ?? '';
    // a bar per number, in the theme's primary colour
    expect(svg.match(/<path d="[^"]*" fill="#B8140F"/g)).toHaveLength(2);
    for (const text of ['chart标题', '单位：亿元', '减税', '消费', '>5<', '>1.2<'])
      expect(svg).toContain(text);
    expect(svg).not.toMatch(/xmlns|https?:|<style|<script/);
    expect(svg).toContain('font-family:var(--bs-font-heading)');
    const chart = sample('chart') as SlideOf<'chart'>;
    const line = renderSlide({ ...chart, chart: { ...chart.chart, type: 'line' } }, ctx('plain'));
    // a line through the points in the primary colour, a dot on each in the accent
    expect(line).toMatch(/<path d="[^"]*" fill="none"[^>]*stroke="#1F4E79" stroke-width="4"/);
    expect(line.match(/fill="#C8102E" stroke="#1F4E79"/g)).toHaveLength(2);
  });

  it('gives each slide’s chart its own ids, so two charts on a page do not share clip paths', () => {
    const chart = sample('chart') as SlideOf<'chart'>;
    const line = { ...chart, chart: { ...chart.chart, type: 'line' as const } };
    const a = renderSlide(line, ctx('gov-red'));
    const b = renderSlide({ ...line, id: 'slide-other' }, ctx('gov-red'));
    const ids = (html: string): string[] => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids(a).length).toBeGreaterThan(0);
    for (const id of ids(a)) expect(ids(b)).not.toContain(id);
    // and the same slide renders the same markup every time (the preview keeps it by content)
    expect(renderSlide(line, ctx('gov-red'))).toBe(a);
  });

  it('shows markup and script in report text as the characters typed', () => {
    const hostile = `${HOSTILE.script}${HOSTILE.img}${HOSTILE.link}${HOSTILE.svg}${HOSTILE.close}`;
    for (const layout of SLIDE_LAYOUTS) {
      const slide = filledWith(layout, hostile);
      const html = renderSlide(slide, {
        ...ctx('gov-red'),
        fields: { ...fields, unit: hostile, presenter: hostile, date: hostile },
      });
      // report text has every < escaped, so each real tag is one the renderer wrote
      const tags = html.match(/<[^>]*>/g) ?? [];
      for (const tag of tags) {
        const name = /^<\/?([a-zA-Z]+)/.exec(tag)?.[1] ?? '';
        expect(RENDERER_TAGS, `${layout}: ${tag.slice(0, 60)}`).toContain(name);
        // every attribute is name="value" with the value escaped; none is an event handler
        const attrs = [...tag.matchAll(/\s([\w:-]+)="[^"]*"/g)].map((m) => m[1]);
        expect(tag.replace(/\s[\w:-]+="[^"]*"/g, '')).toMatch(/^<\/?[a-zA-Z]+\s*\/?>$/);
        for (const a of attrs) expect(a, `${layout}: ${tag.slice(0, 60)}`).not.toMatch(/^on/i);
        if (name === 'img') expect(tag).toMatch(/ src="data:image\/png;base64,/);
      }
      expect(html, layout).toContain('&lt;script&gt;');
    }
  });

  it('comes with CSS scoped to the theme, for the preview to put beside it', () => {
    const theme = builtinRegistry().get('deck', 'gov-red');
    expect(deckClass(theme)).toBe('bs-deck bs-theme-gov-red');
    const css = deckCss(theme);
    expect(css).toContain('.bs-theme-gov-red {');
    expect(css).toContain('--bs-c-primary: #B8140F;');
    expect(css).toContain('.bs-slide');
  });
});
