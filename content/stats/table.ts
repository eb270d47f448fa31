import { foldText } from './fold';
import { numberTokens, unitClassOf } from './numbers';
import { UNPLACED, type FoundStat } from './reading';

/**
 * Statistics from a table of indicators: a name column (指标), maybe a unit column (单位), and
 * columns of values for a period (上半年, 1—6月, 本期) or of growth (同比增长%, 增速). Each numeric
 * cell is one statistic, labelled by its row's indicator. Other tables (a list of projects with
 * their investment) are the projects' figures, not the area's: they give none.
 */

const GROWTH_HEADER = /(增长|增速|增幅|同比|环比|比上年|比去年|±|涨幅|降幅)/;
const VALUE_HEADER =
  /(上半年|下半年|全年|季度|[0-9]+[-—－~～至][0-9]+月|[0-9]+月|本期|本月|本年|累计|绝对值|总量|完成|数值|金额|实绩|实际|规模|总额|^[0-9]{4}年(度|末|底)?$)/;
const UNIT_HEADER = /^(计量)?单位$/;
const CELL_NUMBER = /^[-－+＋±]?[0-9０-９][0-9０-９,，.．]*\s*(%|％)?$/;
const PERIOD_IN =
  /(上半年|下半年|前三季度|[一二三四]季度|全年|[0-9]{1,2}[-—－~～至][0-9]{1,2}月|[0-9]{1,2}月份?)/;

/** The unit written in brackets: 「地区生产总值（亿元）」, 「增速（%）」. */
function bracketUnit(text: string): string {
  const m = /[（(]([^（）()]{1,8})[）)]\s*$/.exec(text);
  const inner = (m?.[1] ?? '').replace(/^单位[:：]/, '');
  if (!inner) return '';
  const tok = numberTokens(`1${foldText(inner)}`)[0];
  return tok && tok.end === inner.length + 1 ? inner : '';
}

const withoutBracket = (text: string): string => text.replace(/[（(][^（）()]{1,12}[）)]\s*$/, '').trim();

export function tableStats(
  caption: string,
  rows: readonly (readonly string[])[],
  titles: readonly string[],
): FoundStat[] {
  const [header, ...body] = rows;
  if (!header || body.length < 2 || header.length < 2) return [];
  const heads = header.map((h) => foldText(h.trim()));
  const unitCol = heads.findIndex((h) => UNIT_HEADER.test(h));
  const valueCols = heads
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => i > 0 && i !== unitCol && (GROWTH_HEADER.test(h) || VALUE_HEADER.test(h)));
  if (valueCols.length === 0) return [];
  const numericRows = body.filter((r) => valueCols.some(({ i }) => CELL_NUMBER.test((r[i] ?? '').trim())));
  if (numericRows.length < 2) return [];
  const period =
    PERIOD_IN.exec(foldText(caption))?.[0] ??
    [...titles]
      .reverse()
      .map((t) => PERIOD_IN.exec(foldText(t))?.[0])
      .find(Boolean);
  const out: FoundStat[] = [];
  for (const row of body) {
    const nameCell = (row[0] ?? '').trim();
    const name = withoutBracket(nameCell);
    if (!name || CELL_NUMBER.test(nameCell) || name.length > 20) continue;
    for (const { h, i } of valueCols) {
      const cell = (row[i] ?? '').trim();
      if (!CELL_NUMBER.test(cell)) continue;
      const folded = foldText(cell).replace(/[，,]/g, '').replace(/^\+/, '');
      const value = Number(folded.replace(/[%±\s]/g, ''));
      if (!Number.isFinite(value)) continue;
      const growth = GROWTH_HEADER.test(h);
      const unit =
        (/%|％/.test(cell) ? '%' : '') ||
        bracketUnit(header[i] ?? '') ||
        (growth ? '%' : '') ||
        (unitCol >= 0 ? (row[unitCol] ?? '').trim() : '') ||
        bracketUnit(nameCell);
      if (!unit) continue;
      const cls = unitClassOf(foldText(unit).replace(/^(万亿|千万|百万|亿|万)/, ''));
      // a column per year (「2022年」「2023年」) gives each value its year
      const columnPeriod = PERIOD_IN.exec(h)?.[0] ?? /^[0-9]{4}年(度|末|底)?$/.exec(h)?.[0] ?? period;
      const basis = /同比/.test(h)
        ? '同比'
        : /比上年同期/.test(h)
          ? '比上年同期'
          : /比上年/.test(h)
            ? '比上年'
            : undefined;
      out.push({
        ...UNPLACED,
        value,
        unit,
        label: name,
        text: cell,
        sentence: `${caption ? `${caption}：` : ''}${name}，${header[i]?.trim() ?? ''} ${cell}${/%|％/.test(cell) ? '' : unit}`,
        kind: growth ? 'growth' : cls === 'percent' ? 'share' : cls === 'count' ? 'count' : 'amount',
        // 「-3.2」 under 同比增长 is written as a signed growth: the sign stays on the value
        ...(growth ? { change: '增长' } : {}),
        ...(columnPeriod ? { period: columnPeriod } : {}),
        ...(basis ? { basis } : {}),
        scope: { kind: 'area' },
      });
    }
  }
  return out;
}
