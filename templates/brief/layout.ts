import type { BriefFields } from '../model';
import { fillPattern, issueNumber, textCells, type BriefFieldKey } from './format';
import { balancedLines } from '../scene/measure';
import { gridCharSpacing, typeArea, type BriefTemplate } from './schema';

/**
 * The frame of a brief around its body — masthead, title block, signature, colophon — worked
 * out once from the fields and the template, so the Word writer and the HTML preview print the
 * same lines. Every text here is already filled; a line whose field is empty is null.
 */
export interface BriefFrame {
  masthead:
    | null
    | {
        kind: 'redhead';
        mark: string | null;
        docNumber: string | null;
        /** the 签发人's name(s) of a 上行文, as written; null for any other document */
        signer: string | null;
      }
    | { kind: 'bulletin'; mark: string; issue: string | null; left: string | null; right: string | null };
  title: string | null;
  /** with its leading dash: 「——在全区上半年工作会议上的汇报」 */
  subtitle: string | null;
  /**
   * The title and the subtitle broken into balanced lines, as the deck's scene breaks a title:
   * as few lines as plain wrapping takes, each about as long as the others, so no line is two
   * characters alone (「议上」). The Word file breaks its lines there and the preview too.
   */
  titleLines: string[];
  subtitleLines: string[];
  /** the speaker and the date of a speech or report, each line centred under the title (`Doc.byline`) */
  byline: string[];
  /** unit and date centred under the title ('under-title' templates) */
  underTitle: string | null;
  /** 主送: 「各街道办事处：」 */
  mainTo: string | null;
  /** 按语 without its prefix */
  note: string | null;
  /** 署名 and 成文日期 set right, each with its right indent in character cells (GB/T 9704 7.3.5.2) */
  signature: null | {
    unit: string | null;
    date: string | null;
    unitRightCells: number;
    dateRightCells: number;
  };
  colophon:
    | null
    | { kind: 'banji'; cc: string | null; printedBy: string | null; printedDate: string | null }
    | { kind: 'baowei'; lines: Array<{ label: string; text: string }>; copies: string | null };
}

const filled = (fields: BriefFields, keys: readonly string[]): boolean =>
  keys.length === 0 || keys.some((k) => Boolean(fields[k as BriefFieldKey]?.trim()));

/** 「——副标题」, whatever dash staff typed. */
function subtitleLine(subtitle: string): string | null {
  const s = subtitle.trim().replace(/^[-—–－─]+\s*/, '');
  return s ? `——${s}` : null;
}

/** A distribution list ends with a full stop (GB/T 9704 7.4.2). */
function withFullStop(text: string): string {
  return /[。．.！？；]$/.test(text) ? text : `${text}。`;
}

/**
 * Right indents of the signature (GB/T 9704 7.3.5.2, unsealed): the unit two cells in from the
 * right; the date on the next line, its first character two cells right of the unit's first; if
 * the date is the longer, the date sits two cells in and the unit moves left to keep the offset.
 *
 * Widths are counted as the text renders: a digit or Latin letter half a cell, and, on a
 * character grid, every character (a digit too) carrying the grid's spacing, `spacing` (a share of
 * the font size, negative when the grid squeezes). A cell is a full character with its spacing.
 */
export function signatureIndents(
  unit: string | null,
  date: string | null,
  spacing = 0,
): { unitRightCells: number; dateRightCells: number } {
  if (!unit) return { unitRightCells: 0, dateRightCells: 4 };
  if (!date) return { unitRightCells: 2, dateRightCells: 0 };
  const width = (text: string): number => (textCells(text) + [...text].length * spacing) / (1 + spacing);
  const u = width(unit);
  const d = width(date);
  const dateRight = Math.max(2, u - d);
  return { unitRightCells: dateRight + d + 2 - u, dateRightCells: dateRight };
}

export function briefFrame(
  fields: BriefFields,
  t: BriefTemplate,
  byline: readonly string[] = [],
): BriefFrame {
  const f = { ...fields, issueNo: issueNumber(fields.issueNo) };
  const text = (v: string): string | null => v.trim() || null;

  let masthead: BriefFrame['masthead'] = null;
  const m = t.masthead;
  switch (m.kind) {
    case 'none':
      break;
    case 'redhead':
      if (filled(f, m.when))
        masthead = {
          kind: 'redhead',
          mark: fillPattern(m.mark, f),
          docNumber: fillPattern(m.docNumber, f),
          signer: m.upward ? text(f.signer) : null,
        };
      break;
    case 'bulletin':
      if (filled(f, m.when))
        masthead = {
          kind: 'bulletin',
          // a bulletin always has its name: 「工作简报」 when no unit is given
          mark: fillPattern(m.mark, f, 'blank') ?? '',
          issue: fillPattern(m.issue, f),
          left: fillPattern(m.infoLeft, f),
          right: fillPattern(m.infoRight, f),
        };
      break;
  }

  let colophon: BriefFrame['colophon'] = null;
  const c = t.colophon;
  switch (c.kind) {
    case 'none':
      break;
    case 'banji':
      if (c.when.length > 0 && filled(f, c.when)) {
        const cc = fillPattern(c.cc, f);
        colophon = {
          kind: 'banji',
          cc: cc ? withFullStop(cc) : null,
          printedBy: fillPattern(c.printedBy, f),
          printedDate: fillPattern(c.printedDate, f),
        };
      }
      break;
    case 'baowei':
      if (c.when.length > 0 && filled(f, c.when))
        colophon = {
          kind: 'baowei',
          lines: c.lines
            .map((l) => ({ label: l.label, value: f[l.field]?.trim() ?? '' }))
            .filter((l) => l.value)
            .map((l) => ({ label: l.label, text: withFullStop(l.value) })),
          copies: fillPattern(c.copies, f),
        };
      break;
  }

  const unit = text(f.unit);
  const date = text(f.date);
  let signature: BriefFrame['signature'] = null;
  let underTitle: string | null = null;
  switch (t.dateline) {
    case 'signature':
      if (unit || date) {
        const size = t.fonts.body.sizePt * 20;
        signature = {
          unit,
          date,
          ...signatureIndents(unit, date, gridCharSpacing(t, t.fonts.body.sizePt) / size),
        };
      }
      break;
    case 'under-title':
      underTitle = [unit, date].filter(Boolean).join('　') || null;
      break;
    case 'none':
      break;
  }

  const note = t.capabilities.note ? text(f.note) : null;
  const mainTo = text(f.mainTo);
  const title = text(f.title);
  const subtitle = subtitleLine(f.subtitle);
  const { width } = typeArea(t);
  const linesOf = (s: string | null, sizePt: number): string[] =>
    s ? balancedLines(s, width, sizePt * 20).filter((l) => l.trim()) : [];
  return {
    masthead,
    title,
    subtitle,
    titleLines: linesOf(title, t.fonts.title.sizePt),
    subtitleLines: linesOf(subtitle, t.fonts.subtitle.sizePt),
    byline: byline.map((l) => l.trim()).filter(Boolean),
    underTitle,
    mainTo: mainTo ? `${mainTo.replace(/[:：]$/, '')}：` : null,
    note,
    signature,
    colophon,
  };
}
