import { init, setPlatformAPI, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ColorRole, DeckTemplate, FontRole } from '../deck/schema';
import type { SceneChart } from '../scene/scene';
import { textWidthEm } from '../scene/measure';

/**
 * A scene's chart drawn as SVG by ECharts' server-side renderer, the look Chinese offices know,
 * in the theme's colours, for the preview, the HTML deck and its PDF (the .pptx draws the same
 * chart box as a native chart). Only the bar and line charts and the two components used are
 * loaded. No DOM is touched and nothing is fetched: text is measured with our own measure, so
 * the chart sets alike in the page and in Node.
 */

use([BarChart, LineChart, GridComponent, TitleComponent, SVGRenderer]);

const FONT_SIZE = /(\d+(?:\.\d+)?)px/;
setPlatformAPI({
  // ECharts measures text with a canvas in the page and guesses in Node; ours measures alike in
  // both, as the scene wrapped the labels, and no canvas is ever made (the only other uses of
  // one are the canvas renderer and image export, which are not loaded)
  measureText: (text: string, font?: string) => ({
    width: textWidthEm(text) * Number(FONT_SIZE.exec(font ?? '')?.[1] ?? 12),
  }),
});

/** A font role as ECharts gets it: a token the SVG's font-family is swapped for afterwards. */
const fontToken = (role: FontRole): string => `BSFONT-${role}`;

const hex = (theme: DeckTemplate, role: ColorRole): string => `#${theme.colors[role]}`;

/** `#RRGGBB` at an opacity, as rgba(). */
function rgba(color: string, alpha: number): string {
  const n = (i: number): number => parseInt(color.slice(i, i + 2), 16);
  return `rgba(${n(1)},${n(3)},${n(5)},${alpha})`;
}

function chartOption(chart: SceneChart, theme: DeckTemplate): Record<string, unknown> {
  const c = (role: ColorRole): string => hex(theme, role);
  const series = c(chart.colors.series);
  const label = {
    show: true,
    fontSize: chart.valueSize,
    fontWeight: 'bold',
    fontFamily: fontToken(chart.fonts.value),
    color: c(chart.colors.value),
  };
  const axisText = {
    fontSize: chart.labelSize,
    color: c(chart.colors.axis),
    fontFamily: fontToken(chart.fonts.label),
  };
  const data = chart.values.map((value, i) => {
    const below = chart.type === 'bar' && value < 0;
    return {
      value,
      label: { position: below ? 'bottom' : 'top', formatter: chart.valueLabels[i] ?? String(value) },
      ...(chart.type === 'bar' ? { itemStyle: { borderRadius: below ? [0, 0, 6, 6] : [6, 6, 0, 0] } } : {}),
    };
  });
  const seriesOption =
    chart.type === 'bar'
      ? {
          type: 'bar',
          data,
          barMaxWidth: 96,
          barCategoryGap: '40%',
          itemStyle: { color: series },
          label,
        }
      : {
          type: 'line',
          data,
          symbol: 'circle',
          symbolSize: 14,
          lineStyle: { width: 4, color: series },
          itemStyle: { color: c(chart.colors.point), borderColor: series, borderWidth: 3 },
          areaStyle: {
            color: {
              type: 'linear',
              x: 0,
              y: 0,
              x2: 0,
              y2: 1,
              colorStops: [
                { offset: 0, color: rgba(series, 0.22) },
                { offset: 1, color: rgba(series, 0.02) },
              ],
            },
          },
          label,
        };
  const titleH = chart.titleSize * 1.4;
  return {
    animation: false,
    textStyle: { fontFamily: fontToken('body') },
    title: {
      text: chart.title,
      left: 'center',
      top: 0,
      textStyle: {
        fontSize: chart.titleSize,
        fontWeight: 'bold',
        color: c(chart.colors.title),
        fontFamily: fontToken(chart.fonts.title),
      },
    },
    // the plot keeps its axis labels and the unit inside the chart box
    grid: {
      left: 8,
      right: 8,
      top: titleH + chart.labelSize * 2,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    xAxis: {
      type: 'category',
      data: chart.categories.map((cat) => cat.lines.join('\n')),
      axisTick: { alignWithLabel: true, lineStyle: { color: c(chart.colors.axis) } },
      axisLine: { lineStyle: { color: c(chart.colors.axis), width: 2 } },
      axisLabel: { ...axisText, interval: 0, margin: 14, lineHeight: chart.labelSize * 1.2 },
    },
    yAxis: {
      type: 'value',
      name: chart.unitLabel,
      nameGap: chart.labelSize,
      nameTextStyle: { ...axisText, align: 'left' },
      axisLabel: axisText,
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { lineStyle: { color: `#${chart.grid}`, type: 'dashed' } },
    },
    series: [seriesOption],
  };
}

/**
 * The chart as inline SVG markup, `id` keeping its clip paths apart from another chart's on
 * the same page. ECharts escapes every text it writes; the font tokens become the theme's CSS
 * font stacks; its hover styles and the namespace declarations (which an inline SVG does not
 * need) are left out, so the markup holds no address of any kind and the same chart always
 * gives the same markup.
 */
export function chartSvg(chart: SceneChart, theme: DeckTemplate, id: string): string {
  const instance = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: Math.round(chart.box.w),
    height: Math.round(chart.box.h),
  });
  try {
    instance.setOption(chartOption(chart, theme));
    return (
      instance
        .renderToSVGString()
        .replace(/<style[\s\S]*?<\/style>/g, '')
        // the hover classes are numbered across charts (their rules are dropped with the style)
        .replace(/\s(xmlns(:xlink)?|version|baseProfile|ecmeta_\w+|class)="[^"]*"/g, '')
        .replace(/\bzr\d+-/g, `${id}-`)
        .replace(/font-family:BSFONT-(heading|body|quote);/g, 'font-family:var(--bs-font-$1);')
        .replace(/<svg /, '<svg class="bs-chart-svg" role="img" ')
    );
  } finally {
    instance.dispose();
  }
}
