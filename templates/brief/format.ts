import { BRIEF_FIELD_KEYS, type BriefFields } from '../model';

export { BRIEF_FIELD_KEYS, type BriefFieldKey } from '../model';

/**
 * Small text helpers the brief templates share: filling a template's text patterns such as
 * 「{unit}工作简报」 from the brief's fields, and measuring text in character cells the way a
 * 公文 layout counts them (a Chinese character is one cell, a digit or Latin letter half).
 */

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The field names a pattern refers to, in order. */
export function patternFields(pattern: string): string[] {
  return [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** The first name in a pattern that is not a brief field, or null when all are known. */
export function unknownPatternField(pattern: string): string | null {
  return patternFields(pattern).find((f) => !(BRIEF_FIELD_KEYS as readonly string[]).includes(f)) ?? null;
}

/**
 * Fill a pattern from the fields. With `missing: 'drop'` a pattern whose field is empty gives
 * null (so 「第{issueNo}期」 never prints as 「第期」); with 'blank' an empty field is left out.
 */
export function fillPattern(
  pattern: string,
  fields: BriefFields,
  missing: 'drop' | 'blank' = 'drop',
): string | null {
  let empty = false;
  const text = pattern.replace(PLACEHOLDER, (_, name: string) => {
    const value = (fields as Record<string, string | undefined>)[name]?.trim() ?? '';
    if (!value) empty = true;
    return value;
  });
  if (empty && missing === 'drop') return null;
  return text.trim() ? text : null;
}

/** The number of a bulletin issue as staff may type it: 「3」, 「第3期」, 「第 3 期」 all give 「3」. */
export function issueNumber(raw: string): string {
  return raw
    .trim()
    .replace(/^第\s*/, '')
    .replace(/\s*期$/, '')
    .trim();
}

/**
 * Width of a text in character cells: CJK characters and full-width forms take one cell, digits,
 * Latin letters and other half-width characters half a cell. Used to place the signature and
 * date the way GB/T 9704 counts 「右空二字」.
 */
export function textCells(text: string): number {
  let cells = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    cells += code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? 0.5 : 1;
  }
  return cells;
}

/**
 * A point's lead-in as printed in bold: 「全力复工复产。」. The punctuation the source (or staff)
 * ended it with is kept — a colon 「主要目标是：」, a comma 「一是坚持稳中求进，」 — and a full stop is
 * added only to a lead that has a body after it and no punctuation of its own.
 */
export function leadInText(lead: string, hasBody = true): string {
  const l = lead.trim();
  return !hasBody || /[。！？；：，、….!?;:,]$/.test(l) ? l : `${l}。`;
}

/**
 * A number the source already wrote in front of a caption: 「图1」 「图 2：」 「表3-1　」 「图一、」.
 * The brief numbers captions itself, so it is dropped here and never printed twice.
 */
const CAPTION_NUMBER =
  /^\s*[图表]\s*(?:\d+(?:[-－—.．]\d+)*|[一二三四五六七八九十]+)(?=[\s　:：.．、，,\-—－]|$)[\s　:：.．、，,\-—－]*/;

/** A figure or table caption: 「图1　城区新貌」, 「表2　主要数据」, whatever number the source gave it. */
export function captionText(kind: 'image' | 'table', n: number, caption: string): string {
  const own = caption.trim().replace(CAPTION_NUMBER, '').trim();
  return `${kind === 'image' ? '图' : '表'}${n}　${own}`.trim();
}
