import type { Box } from '../deck/schema';
import type { ShownStat } from '../model';
import { escapeHtml } from './escape';
import { truncateToLines, wrapLines } from './measure';

/**
 * A bar or line chart of statistics as inline SVG, for the preview and the HTML deck (the .pptx
 * gets a native chart of the same numbers). Colours come from the theme's CSS variables.
 */

const e = escapeHtml;
const r1 = (v: number): string => String(Math.round(v * 10) / 10);

export interface ChartSpec {
  type: 'bar' | 'line';
  points: readonly ShownStat[];
  /** px size of the category and value labels */
  labelSize: number;
}

/** The numbers a chart plots: the shown values as numbers (anything unreadable counts as 0). */
export function chartValues(points: readonly ShownStat[]): number[] {
  return points.map((p) => {
    const v = Number(p.value);
    return Number.isFinite(v) ? v : 0;
  });
}

/** Category labels as they fit under their bar: at most two lines, shortened with an ellipsis. */
export function chartCategoryLabels(
  points: readonly ShownStat[],
  plotW: number,
  labelSize: number,
): string[][] {
  const catW = plotW / Math.max(1, points.length);
  return points.map((p) => wrapLines(truncateToLines(p.label, catW - 8, labelSize, 2), catW - 8, labelSize));
}

export function chartSvg(spec: ChartSpec, box: Box): string {
  const { points, labelSize } = spec;
  const values = chartValues(points);
  const n = Math.max(1, points.length);
  const labelH = 2 * labelSize * 1.2 + 16;
  const valueH = labelSize * 1.6;
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  // room under the lowest point for its value label
  const plot = { x: 8, y: valueH, w: box.w - 16, h: box.h - labelH - valueH - (min < 0 ? valueH : 0) };
  const span = max - min || 1;
  const yOf = (v: number): number => plot.y + plot.h - ((v - min) / span) * plot.h;
  const catW = plot.w / n;
  const labels = chartCategoryLabels(points, plot.w, labelSize);
  const parts: string[] = [];
  // faint grid lines at quarters
  for (let q = 1; q <= 4; q++) {
    const y = plot.y + plot.h - (plot.h * q) / 4;
    parts.push(
      `<line class="bs-chart-grid" x1="${r1(plot.x)}" x2="${r1(plot.x + plot.w)}" y1="${r1(y)}" y2="${r1(y)}"></line>`,
    );
  }
  const base = yOf(0);
  parts.push(
    `<line class="bs-chart-axis" x1="${r1(plot.x)}" x2="${r1(plot.x + plot.w)}" y1="${r1(base)}" y2="${r1(base)}"></line>`,
  );
  const centers = values.map((_, i) => plot.x + catW * (i + 0.5));
  if (spec.type === 'bar') {
    const bw = Math.min(catW * 0.56, 140);
    values.forEach((v, i) => {
      const x = (centers[i] ?? 0) - bw / 2;
      const y = Math.min(yOf(v), base);
      const h = Math.abs(base - yOf(v));
      parts.push(
        `<rect class="bs-chart-bar" x="${r1(x)}" y="${r1(y)}" width="${r1(bw)}" height="${r1(h)}"></rect>`,
      );
    });
  } else {
    const pts = values.map((v, i) => `${r1(centers[i] ?? 0)},${r1(yOf(v))}`).join(' ');
    parts.push(`<polyline class="bs-chart-line" points="${pts}"></polyline>`);
    values.forEach((v, i) => {
      parts.push(
        `<circle class="bs-chart-dot" cx="${r1(centers[i] ?? 0)}" cy="${r1(yOf(v))}" r="7"></circle>`,
      );
    });
  }
  values.forEach((v, i) => {
    // above a point or a bar going up, below a bar going down
    const y = spec.type === 'bar' && v < 0 ? yOf(v) + labelSize * 1.3 : yOf(v) - labelSize * 0.6;
    parts.push(
      `<text class="bs-chart-value" x="${r1(centers[i] ?? 0)}" y="${r1(y)}" font-size="${labelSize * 1.1}" text-anchor="middle">${e(points[i]?.value ?? '')}</text>`,
    );
  });
  labels.forEach((lines, i) => {
    const tspans = lines
      .map(
        (line, k) =>
          `<tspan x="${r1(centers[i] ?? 0)}" y="${r1(plot.y + plot.h + 14 + labelSize * (1 + k * 1.2))}">${e(line)}</tspan>`,
      )
      .join('');
    parts.push(`<text class="bs-chart-label" font-size="${labelSize}" text-anchor="middle">${tspans}</text>`);
  });
  return `<svg class="bs-chart" style="left:${r1(box.x)}px;top:${r1(box.y)}px;width:${r1(box.w)}px;height:${r1(box.h)}px" viewBox="0 0 ${r1(box.w)} ${r1(box.h)}" width="${r1(box.w)}" height="${r1(box.h)}" role="img">${parts.join('')}</svg>`;
}
