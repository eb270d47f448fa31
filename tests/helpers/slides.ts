import type { ShownStat, Slide } from '../../templates/model';

/** What a slide of any layout shows, for tests that look across a whole deck. */
export const bulletsOf = (s: Slide | undefined): string[] => (s?.layout === 'bullets' ? s.bullets : []);
export const figuresOf = (s: Slide | undefined): ShownStat[] => (s?.layout === 'figures' ? s.figures : []);
export const chartPointsOf = (s: Slide | undefined): ShownStat[] =>
  s?.layout === 'chart' ? s.chart.points : [];
export const tableRowsOf = (s: Slide | undefined): string[][] => (s?.layout === 'table' ? s.table.rows : []);
export const quoteTextOf = (s: Slide | undefined): string => (s?.layout === 'quote' ? s.quote.text : '');
export const isContinued = (s: Slide | undefined): boolean =>
  s !== undefined && 'continued' in s && s.continued === true;
