/**
 * 校对 (proofreading): what the checker reads and what it reports.
 *
 * The checker reads units of text in document order: the lines of a report as written, or the
 * fields of a briefing's items (a heading's title, a point's lead and body, a caption). Each
 * finding names its unit, the characters at fault exactly as they stand, a correction when there
 * is one, and the rule's source, so staff can judge it and an office can gate a batch on it.
 */

export const FINDING_KINDS = ['punct', 'number', 'consistency', 'repeat', 'confusion', 'wording'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Where a unit is: a line of a text file (1-based), or a field of a briefing item. */
export type ProofPlace = { line: number } | { item: string; field: ItemField };
export type ItemField = 'title' | 'text';

/** What a unit is in the document; some rules apply to one role only (a heading's end mark). */
export type UnitRole = 'heading' | 'body' | 'caption' | 'label';

export interface ProofUnit {
  at: ProofPlace;
  text: string;
  role: UnitRole;
  /** heading level (1 = top) for headings */
  level?: number;
  /**
   * The report's own words for this field, when staff changed them (briefing mode): numbers in
   * `text` are checked against it.
   */
  source?: string;
  /**
   * Units that are numbered siblings share a group (the same heading level under one parent, the
   * points of one section); their titles should keep one style.
   */
  group?: string;
  /** a point's lead, a heading: its text is a title even when its role is body */
  isTitle?: boolean;
  /**
   * The text goes out through compose, which sets half-width , ; : ? ! ( ) " in Chinese text
   * full-width itself (content/text/punctuation.ts): those marks are not reported, since the
   * brief and the deck will not have them.
   */
  composed?: boolean;
  /**
   * Markup removed from a line of a marked-up source (markdown): `map[i]` is the column in the
   * line as written of `text[i]`, so a finding names the characters as they stand.
   */
  raw?: { text: string; map: number[] };
}

export interface Finding {
  /** stable across checks while the text around it is unchanged: what 忽略 remembers */
  key: string;
  kind: FindingKind;
  at: ProofPlace;
  /** the offending characters' range in the unit's text (UTF-16 offsets) */
  start: number;
  end: number;
  /** the offending characters exactly as they stand */
  text: string;
  /** a few characters on either side, to show the finding in its place */
  context: { before: string; after: string };
  /** the corrected characters, or null when the checker cannot say what is right */
  suggestion: string | null;
  /** the rule's source, e.g. 「GB/T 15834-2011 4.4.2」 */
  rule: string;
  /** the rule's id, e.g. `punct.halfwidth` or a word list entry's id: what 全部忽略此类 remembers */
  ruleId: string;
  /** why, in Chinese */
  why: string;
  whyEn: string;
}

/** A finding before it is placed: a rule reports a range in a unit and what is wrong with it. */
export interface Hit {
  start: number;
  end: number;
  suggestion: string | null;
  kind: FindingKind;
  ruleId: string;
  rule: string;
  why: string;
  whyEn: string;
}

export const placeKey = (at: ProofPlace): string => ('line' in at ? `L${at.line}` : `${at.item}#${at.field}`);
