import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../content/model/briefing';
import type { BriefFields, ShownStat, Slide, SlideLayout } from '../../templates/model';
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
  const base = { id: `slide-${layout}`, layout, title: `${layout}标题`, notes: '', itemIds: [] };
  switch (layout) {
    case 'cover':
      return { ...base, subtitle: '稳住经济大盘' };
    case 'agenda':
      return { ...base, agenda: ['稳住经济运行基本盘', '下半年工作安排'], start: 1 };
    case 'divider':
      return { ...base, number: '二、' };
    case 'bullets':
      return { ...base, bullets: ['企业复工跑出加速度', '重点企业扩能增产'] };
    case 'figures':
      return { ...base, figures: [stat('107', '户', '复工企业'), stat('21.59', '亿元', '引进内资')] };
    case 'image':
      return { ...base, image: { mime: 'image/png', data: LANDSCAPE_PNG, caption: '生产线调试' } };
    case 'chart':
      return {
        ...base,
        chart: {
          type: 'bar',
          unit: '亿元',
          points: [stat('5', '亿元', '减税'), stat('1.2', '亿元', '消费')],
        },
      };
    case 'table':
      return {
        ...base,
        table: {
          caption: '项目表',
          rows: [
            ['项目', '进度'],
            ['产业园', '完工'],
          ],
        },
      };
    case 'quote':
      return { ...base, quote: { text: '发展是第一要务', source: '区委全会' } };
    case 'closing':
      return { ...base, title: '汇报完毕，敬请批评指正' };
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
  'svg',
  'line',
  'rect',
  'polyline',
  'circle',
  'text',
  'tspan',
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
    expect(html).toContain(`left:${body.x}px;top:${body.y}px;width:${body.w}px;height:${body.h}px`);
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
    expect(renderSlide({ ...sample('bullets'), continued: true }, ctx('gov-red'))).toContain(
      'bullets标题（续）',
    );
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
      { ...sample('image'), image: { mime: 'image/png', data: '" onerror="alert(1)', caption: '图' } },
      ctx('gov-red'),
    );
    expect(broken).not.toContain('<img');
  });

  it('draws charts as inline SVG with no namespace URL, a bar per number or a line through them', () => {
    const bar = renderSlide(sample('chart'), ctx('gov-red'));
    expect(bar.match(/<rect class="bs-chart-bar"/g)).toHaveLength(2);
    expect(bar).toContain('单位：亿元');
    expect(bar).not.toMatch(/xmlns|https?:/);
    const chart = sample('chart');
    const line = renderSlide(
      { ...chart, chart: { ...(chart.chart as NonNullable<Slide['chart']>), type: 'line' } },
      ctx('plain'),
    );
    expect(line).toContain('<polyline class="bs-chart-line"');
    expect(line.match(/<circle/g)).toHaveLength(2);
  });

  it('shows markup and script in report text as the characters typed', () => {
    const hostile = `${HOSTILE.script}${HOSTILE.img}${HOSTILE.link}${HOSTILE.svg}${HOSTILE.close}`;
    for (const layout of SLIDE_LAYOUTS) {
      const slide: Slide = {
        ...sample(layout),
        id: `x"${HOSTILE.svg}`,
        title: hostile,
        subtitle: hostile,
        number: hostile,
        bullets: [hostile],
        agenda: [hostile],
        figures: [stat(hostile, hostile, hostile)],
        chart: {
          type: 'bar',
          unit: hostile,
          points: [stat('1', hostile, hostile), stat('2', hostile, hostile)],
        },
        table: { caption: hostile, rows: [[hostile], [hostile]] },
        quote: { text: hostile, source: hostile },
        image: { mime: 'image/png', data: LANDSCAPE_PNG, caption: hostile },
      };
      const html = renderSlide(slide, {
        ...ctx('gov-red'),
        fields: { ...fields, unit: hostile, presenter: hostile, date: hostile },
      });
      // report text has every < escaped, so each real tag is one the renderer wrote
      const tags = html.match(/<[^>]*>/g) ?? [];
      for (const tag of tags) {
        const name = /^<\/?([a-z]+)/.exec(tag)?.[1] ?? '';
        expect(RENDERER_TAGS, `${layout}: ${tag.slice(0, 60)}`).toContain(name);
        // every attribute is name="value" with the value escaped; none is an event handler
        const attrs = [...tag.matchAll(/\s([\w:-]+)="[^"]*"/g)].map((m) => m[1]);
        expect(tag.replace(/\s[\w:-]+="[^"]*"/g, '')).toMatch(/^<\/?[a-z]+\s*\/?>$/);
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
