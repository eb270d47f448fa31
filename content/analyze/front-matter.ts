import { foldText } from '../stats/fold';
import type { RepairedBlock, RepairedText } from './repair';
import {
  HEADING_PATTERNS,
  SECTION_LABELS,
  SECTION_NUMBER_LINE,
  displayWidth,
  endsSentence,
} from './text-rules';

/**
 * The front matter a report, a speech or an article opens with, and the signature it closes with:
 *
 *   政府工作报告                                          title
 *   ——2023年1月12日在青禾区第三届人民代表大会第三次会议上     subtitle (its date is the date)
 *   青禾区人民政府区长　陈某某                              speaker
 *   各位代表：                                            salutation
 *   ……
 *   青禾区人民政府                                        issuer  } the signature (落款)
 *   2023年7月12日                                         date    }
 *
 * These are the report's fields, never sections or points. Each is kept as the source wrote it.
 */
export interface FrontMatter {
  title: string;
  subtitle?: string;
  /** lines under the title that name the author, unit or date, as they stand */
  dateline: string[];
  issuer?: string;
  date?: string;
  speaker?: string;
  salutation?: string;
  /** a speech's closing thanks (「谢谢大家！」), kept apart from its text as the salutation is */
  closing?: string;
}

const MAX_TITLE_WIDTH = 40;
/** A long official title (「关于……计划执行情况与……计划草案的报告」) runs this far, with no comma in it. */
const MAX_LONG_TITLE_WIDTH = 64;
const MAX_META_WIDTH = 40;
/** How far into the text a salutation may stand, past lines front matter did not recognise. */
const SALUTATION_REACH = 4;

const DATE_PATTERNS: readonly RegExp[] = [
  // a Taiwanese report's calendar: 「中華民國113年5月7日」
  /(中华民国|中華民國|民国|民國)\s*\d{2,3}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?/,
  /\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?/,
  /[二〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月([一二三四五六七八九十]{1,3}日)?/,
  /\d{4}[-./]\d{1,2}[-./]\d{1,2}/,
];
/** A date on its own line, perhaps in brackets: 「2023年7月12日」, 「（2023年2月10日）」. */
const dateOnly = (text: string): string | null => {
  const inner = text.replace(/^[（(［[]\s*|\s*[）)］\]]$/g, '').trim();
  return DATE_PATTERNS.some((re) => new RegExp(`^${re.source}$`).test(inner)) ? inner : null;
};
/** The first date written in a line: 「——2023年1月12日在……」, 「原创 … 2023-05-08 09:12」. */
export const dateIn = (text: string): string | null => {
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
};

/** Offices that issue and sign: 「青禾区人民政府」, 「中共青禾区委办公室」, 「青禾区统计局」. */
const ISSUER =
  /^[\p{Script=Han}（）()、·\s\u3000]{2,30}?(办公室|办公厅|人民政府|政府|委员会|常委会|局|区委|县委|市委|省委|州委|党委|党组|党工委|管委会|办事处|研究室|中心|政协|工委|总工会|团委|妇联|法院|检察院)$/u;
const issuerOnly = (text: string): boolean =>
  displayWidth(text) <= 30 && ISSUER.test(text) && !HEADING_PATTERNS.some(({ re }) => re.test(text));

/** The offices a speaker holds, as a speech's byline names them. */
const OFFICE =
  '书记|副书记|区长|副区长|市长|副市长|县长|副县长|镇长|乡长|主任|副主任|局长|副局长|部长|副部长|省长|副省长|州长|旗长|主席|副主席|秘书长|院长|检察长|厅长|处长|主委|董事长|总经理|校长|行长|组长|会长|理事长|代表';
const NAME = String.raw`[\p{Script=Han}·]{2,4}|\p{Script=Han}(?:[\s\u3000]+\p{Script=Han}){1,3}`;
const SPEAKER_WITH_OFFICE = new RegExp(
  `^[\\p{Script=Han}（）()·]{0,30}?(${OFFICE})[\\s\\u3000]*(${NAME})$`,
  'u',
);
const SPEAKER_LABELLED = /^(报告人|讲话人|主讲人|发言人|汇报人|报告单位)\s*[:：]\s*\S.{0,28}$/;
const BARE_NAME = new RegExp(`^(${NAME})$`, 'u');

/** Who a salutation addresses. */
const ADDRESSEES =
  /各位|同志们|朋友们|代表|委员|来宾|领导|女士|先生|常委会|人大|政府|党委|党组|区委|市委|县委|省委|主任|同学|老师|单位|部门/;

export function isSalutation(text: string): boolean {
  return (
    /[:：]$/.test(text) &&
    displayWidth(text) <= MAX_META_WIDTH &&
    !/[。！？!?；;]/.test(text) &&
    ADDRESSEES.test(text) &&
    !HEADING_PATTERNS.some(({ re }) => re.test(text))
  );
}

export function isSpeaker(text: string): boolean {
  // traditional characters read as simplified ones: 「縣長　林志誠」 is 「县长　林志诚」
  const folded = foldText(text);
  return (
    displayWidth(text) <= MAX_META_WIDTH &&
    (SPEAKER_WITH_OFFICE.test(folded) || SPEAKER_LABELLED.test(folded))
  );
}

const isSubtitle = (text: string): boolean => /^(——|—|--)/.test(text);
/** A subtitle that still runs on: 「——在青禾区第三届人民代表大会」 before 「第三次会议上」. */
const SUBTITLE_END = /(上|讲话|发言|报告|致辞|汇报|说明|[）)])$/;

/** A subtitle line that names its occasion in full: 「——在……会议上」, 「——在……上的讲话」. */
export const isWholeSubtitle = (text: string): boolean => isSubtitle(text) && SUBTITLE_END.test(text);

const noSentence = (text: string): boolean => !/[。！？!?；;]/.test(text);

/** Could this line be the report's title (or a WeChat article's headline)? */
export function isTitleLine(text: string): boolean {
  const width = displayWidth(text);
  if (width > MAX_LONG_TITLE_WIDTH || (width > MAX_TITLE_WIDTH && /[，,]/.test(text))) return false;
  if (/[:：]$/.test(text) || /[。；;]/.test(text)) return false;
  // a headline may exclaim midway (「“成绩单”来了！主要指标稳中有进」): a short line, the words
  // after the mark a phrase, not a sentence running on
  const mid = /[！？!?](.+)$/.exec(text);
  if (mid?.[1] && (width > MAX_TITLE_WIDTH || /[，,！？!?]/.test(mid[1]) || displayWidth(mid[1]) > 24))
    return false;
  // a headline may close on 「！」 or 「？」; a report's title on nothing
  if (endsSentence(text) && !/[！？!?]$/.test(text)) return false;
  return (
    !HEADING_PATTERNS.some(({ re }) => re.test(text)) &&
    !SECTION_LABELS.test(text) &&
    !SECTION_NUMBER_LINE.test(text) &&
    !isSubtitle(text) &&
    !dateOnly(text) &&
    !isSpeaker(text)
  );
}

/** A title set on two lines: 「青禾区人民政府」 over 「关于……情况的报告」, or a long title broken before its last words. */
const GENRE =
  /(报告|讲话|总结|意见|方案|规划|纲要|通知|决定|汇报|要点|计划|情况|发言|致辞|说明|公报|白皮书)([（(].{1,8}[）)])?$/;
/**
 * A line that names a document, as a running header does: a unit's name (「云溪市人民政府」), or a
 * place or unit with the document's genre (「临川县人民政府工作报告」, 「青禾区2025年工作总结」). A
 * section heading names its subject, not a place: 「主要目标和工作计划」, 「全县工作计划」 are not.
 */
export function namesDocument(text: string): 'unit' | 'document' | null {
  if (!noSentence(text) || /[，,：:]/.test(text) || HEADING_PATTERNS.some(({ re }) => re.test(text)))
    return null;
  if (/^[全本我该各的之了着和与及等在是为对]/.test(text)) return null;
  if (issuerOnly(text)) return 'unit';
  const place = /^\p{Script=Han}{2,8}?(省|市|县|縣|区|區|州|旗|镇|鎮|乡|鄉|人民政府|委员会|委員會|局)/u.test(
    text,
  );
  // a place opens the name; a line of a sentence opens on its words (「的好于全市……计划」)
  return place && GENRE.test(text) && displayWidth(text) <= MAX_TITLE_WIDTH ? 'document' : null;
}

function continuesTitle(first: string, second: string): boolean {
  if (!noSentence(second) || displayWidth(first + second) > MAX_LONG_TITLE_WIDTH + 16) return false;
  if (
    isSubtitle(second) ||
    dateOnly(second) ||
    isSpeaker(second) ||
    isSalutation(second) ||
    !isTitleLine(second)
  )
    return false;
  if (issuerOnly(first) && /^关于/.test(second)) return true;
  if (/(的|和|与|及|暨|关于|在|对)$/.test(first)) return true;
  return GENRE.test(second) && !GENRE.test(first) && !issuerOnly(second);
}

export interface FrontMatterResult {
  front: FrontMatter;
  /** positions in the blocks of every block the front matter and the signature took */
  taken: Set<number>;
  /** the position the body starts at */
  start: number;
}

/** Where reading the top of the text has got, and what it has taken. */
class Cursor {
  at = 0;
  readonly taken = new Set<number>();
  constructor(
    readonly blocks: readonly RepairedBlock[],
    readonly free: (b: RepairedBlock | undefined) => b is RepairedText,
  ) {}
  peek(): RepairedText | undefined {
    const b = this.blocks[this.at];
    return this.free(b) ? b : undefined;
  }
  take(): void {
    this.taken.add(this.at);
    this.at++;
  }
}

/**
 * Read the front matter at the top of the blocks and the signature at the end. `free` says
 * whether a block is free for it (staff have not classified it); a styled top heading is the title
 * only when it is the only one of its level.
 */
export function readFrontMatter(
  blocks: readonly RepairedBlock[],
  free: (b: RepairedBlock | undefined) => b is RepairedText,
): FrontMatterResult {
  const front: FrontMatter = { title: '', dateline: [] };
  const cursor = new Cursor(blocks, free);
  readTitle(cursor, front);
  readSubtitle(cursor, front);
  readMeta(cursor, front);
  readSalutation(cursor, front);
  readSignature(blocks, free, cursor.at, front, cursor.taken);
  readClosing(blocks, free, cursor.at, front, cursor.taken);
  return { front, taken: cursor.taken, start: cursor.at };
}

function readTitle(cursor: Cursor, front: FrontMatter): void {
  const t0 = cursor.peek();
  const soleTopHeading =
    t0?.hints?.heading === 1 &&
    cursor.blocks.filter((b) => b.type === 'text' && b.hints?.heading === 1).length === 1;
  if (!t0 || (t0.hints?.heading && !soleTopHeading) || !isTitleLine(t0.text) || isSalutation(t0.text)) return;
  front.title = t0.text;
  cursor.take();
  const t1 = cursor.peek();
  if (t1 && !t1.hints?.heading && continuesTitle(front.title, t1.text)) {
    front.title += t1.text;
    cursor.take();
  }
}

function readSubtitle(cursor: Cursor, front: FrontMatter): void {
  const sub = cursor.peek();
  if (!sub || !isSubtitle(sub.text)) return;
  // without a title above it, only a line that names its occasion (「——在……上的讲话」) is a
  // subtitle: 「——持之以恒保障改善民生。」 opening a text is its first point
  if (!front.title && (!SUBTITLE_END.test(sub.text) || !noSentence(sub.text))) return;
  let subtitle = sub.text.replace(/^(——|—|--)\s*/, '');
  cursor.take();
  const more = cursor.peek();
  if (
    more &&
    !SUBTITLE_END.test(subtitle) &&
    SUBTITLE_END.test(more.text) &&
    noSentence(more.text) &&
    displayWidth(more.text) <= MAX_META_WIDTH &&
    !isSpeaker(more.text) &&
    !isSalutation(more.text)
  ) {
    subtitle += more.text;
    cursor.take();
  }
  front.subtitle = subtitle;
  // 「——2023年1月12日在……会议上」 dates the speech
  const dated = dateIn(subtitle);
  if (dated) front.date = dated;
}

/**
 * A line of a byline or a signature on its own: a date, an issuing unit, both (「青禾区统计局　2024年
 * 2月6日」), or a speaker. Such lines are never read into the text around them.
 */
export function isMetaLine(text: string): boolean {
  const t = text.trim();
  return dateOnly(t) !== null || issuerOnly(t) || isSpeaker(t) || signature(t) !== null;
}

/** An issuing unit and its date on one line, with or without space between: 「河阳县统计局　2024年2月6日」. */
function signature(text: string): { issuer: string; date: string } | null {
  for (const re of DATE_PATTERNS) {
    const m = new RegExp(`(${re.source})$`).exec(text);
    if (!m?.[1]) continue;
    const issuer = text.slice(0, m.index).trim();
    if (issuer && issuerOnly(issuer)) return { issuer, date: m[1] };
  }
  return null;
}

/** The speaker, the issuing unit and the date under the title, in any order. */
function readMeta(cursor: Cursor, front: FrontMatter): void {
  const hasHead = front.title !== '';
  for (let t = cursor.peek(); t; t = cursor.peek()) {
    const text = t.text;
    const date = dateOnly(text);
    const signed = signature(text);
    if (date) {
      front.date ??= date;
    } else if (hasHead && isSpeaker(text)) {
      front.speaker ??= text;
    } else if (hasHead && issuerOnly(text)) {
      front.issuer ??= text;
    } else if (hasHead && signed) {
      front.issuer ??= signed.issuer;
      front.date ??= signed.date;
    } else if (
      hasHead &&
      BARE_NAME.test(text) &&
      !SECTION_LABELS.test(text) &&
      (front.subtitle || nextIsMeta(cursor.blocks, cursor.at + 1, cursor.free))
    ) {
      front.speaker ??= text;
    } else break;
    front.dateline.push(text);
    cursor.take();
  }
}

/** The salutation opens the text; it may stand a line or two below lines not recognised above. */
function readSalutation(cursor: Cursor, front: FrontMatter): void {
  const { blocks, free } = cursor;
  for (let k = cursor.at; k < Math.min(blocks.length, cursor.at + SALUTATION_REACH); k++) {
    const b = blocks[k];
    if (!free(b)) return;
    if (isSalutation(b.text)) {
      front.salutation = b.text;
      if (k === cursor.at) cursor.take();
      else cursor.taken.add(k);
      return;
    }
    // past a heading or a paragraph the text has begun
    if (
      HEADING_PATTERNS.some(({ re }) => re.test(b.text)) ||
      !noSentence(b.text) ||
      displayWidth(b.text) > MAX_META_WIDTH
    )
      return;
  }
}

function nextIsMeta(
  blocks: readonly RepairedBlock[],
  k: number,
  free: (b: RepairedBlock | undefined) => b is RepairedText,
): boolean {
  const b = blocks[k];
  return free(b) && (!!dateOnly(b.text) || isSalutation(b.text));
}

/**
 * The signature a report closes with: the issuing unit and the date, the last lines of the text.
 * They fill the issuer and the date where the top did not, and leave the body either way.
 */
function readSignature(
  blocks: readonly RepairedBlock[],
  free: (b: RepairedBlock | undefined) => b is RepairedText,
  start: number,
  front: FrontMatter,
  taken: Set<number>,
): void {
  let k = blocks.length - 1;
  // a 公文's note under its signature (「（此件公开发布）」) stays in the text, and the signature is above it
  const last = blocks[k];
  if (free(last) && /^[（(]此件.{0,10}[）)]$/.test(last.text)) k--;
  let date: string | undefined;
  let issuer: string | undefined;
  const signature: number[] = [];
  for (; k >= start && signature.length < 3; k--) {
    const b = blocks[k];
    if (!free(b)) break;
    const d = dateOnly(b.text);
    if (d && !date && !issuer) date = d;
    else if (issuerOnly(b.text)) issuer = issuer ? `${b.text} ${issuer}` : b.text;
    else break;
    signature.push(k);
  }
  // a signature follows a text; a report made only of such lines has none
  if (signature.length === 0 || k < start) return;
  for (const s of signature) taken.add(s);
  if (issuer) front.issuer ??= issuer;
  if (date) front.date ??= date;
}

/** The thanks that close a speech, on a line of their own: 「谢谢大家！」, 「谢谢！」, 「謝謝各位。」. */
const CLOSING = /^(谢谢|謝謝|感谢|感謝)(大家|各位|同志们|同志們)?[！!。.]?$/;

/**
 * A speech's closing thanks, its last line of text (above a signature, if any): kept in the
 * report's front matter, as the salutation is, so neither the deck nor the brief shows it as a
 * paragraph. A text that is nothing but thanks keeps them.
 */
function readClosing(
  blocks: readonly RepairedBlock[],
  free: (b: RepairedBlock | undefined) => b is RepairedText,
  start: number,
  front: FrontMatter,
  taken: Set<number>,
): void {
  let k = blocks.length - 1;
  while (k >= start && taken.has(k)) k--;
  const last = blocks[k];
  if (k <= start || !free(last) || !CLOSING.test(last.text.replace(/[\s\u3000]/g, ''))) return;
  taken.add(k);
  front.closing = last.text.trim();
}
