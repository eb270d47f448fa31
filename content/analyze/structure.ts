import type {
  Block,
  BlockRole,
  Decisions,
  Figure,
  RawBlock,
  Repair,
  Section,
  SourceRef,
  Stat,
} from '../model/report';
import { extractStats } from '../stats/extract';
import { applyStatEdits } from '../stats/decisions';
import { dateIn, readFrontMatter, type FrontMatter } from './front-matter';
import { INTRO_SECTION_ID, figureId, partId } from './ids';
import { markedItem, matchPoint, splitEnumeration, type EnumerationPart } from './points';
import { applyRepairs, findRepairs, type RepairedBlock, type RepairedText } from './repair';
import {
  ENUMERATES_INSIDE,
  HEADING_PATTERNS,
  SECTION_LABELS,
  SECTION_NUMBER_LINE,
  displayWidth,
  endsSentence,
  opensWithEmoji,
  stripEmoji,
} from './text-rules';

export { matchPoint, splitEnumeration } from './points';

export interface Analysis extends FrontMatter {
  sections: Section[];
  stats: Stat[];
  figures: Figure[];
  repairs: Repair[];
}

export interface Heading {
  level: number;
  title: string;
  number?: string;
  /** matched by a numbering pattern (一、 （一） 1. 第X章) rather than by look alone */
  numbered?: boolean;
}

const MAX_HEADING_CHARS = 30;
const MAX_LONG_HEADING_CHARS = 60;
const MAX_TITLE_CHARS = 40;
const MAX_CAPTION_CHARS = 80;
const MAX_SCENE_CAPTION_CHARS = 60;

/** Recognise a heading line and its level, or null. */
export function matchHeading(text: string, explicitLevel?: number): Heading | null {
  if (explicitLevel) {
    // a styled heading keeps its level, and its number if it writes one (「## 一、经济运行」)
    const numbered = HEADING_PATTERNS.map(({ re }) => re.exec(text)).find(
      (m) => m && text.length > m[0].length,
    );
    return numbered?.[1]
      ? { level: explicitLevel, title: text.slice(numbered[0].length).trim(), number: numbered[1] }
      : { level: explicitLevel, title: text.trim() };
  }
  for (const { re, level } of HEADING_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).trim();
    // 「（一）强化政治引领」 is a heading; 「一、……。 …… 。」 running on as a paragraph is not. A
    // chapter's heading may run long (a wrapped 「一、坚持……，全力……」) while it holds no sentence.
    const max = level <= 2 && !/[。！？!?；;]/.test(rest) ? MAX_LONG_HEADING_CHARS : MAX_HEADING_CHARS + 10;
    if (rest.length === 0 || rest.length > max || /[。！？!?；;]./.test(rest)) return null;
    // 「1. 臭氧污染问题凸显，超标天数占61.5%。」 is an item of a list, a sentence: a heading at the
    // item levels may end in 。 but does not run on past a comma or state a figure
    if (ITEM_LEVELS.includes(level) && /[。！？!?；;]$/.test(rest) && /[，,\d]/.test(rest)) return null;
    // 「3.主要目标是：全年……」 is a point's lead and its text: a numbered heading of a low level
    // never runs on past a colon
    if (level >= 3 && /[：:]./.test(rest)) return null;
    return { level, title: rest.replace(/[。:：]$/, ''), number: m[1], numbered: true };
  }
  if (SECTION_LABELS.test(text)) return { level: 1, title: text.replace(/[:：]$/, '') };
  if (isHeadingLine(text)) return { level: 1, title: text.replace(/[:：]$/, '') };
  return null;
}

/** The levels whose numbers (1. 2. and （1）（2）) number list items as often as headings. */
const ITEM_LEVELS = [3, 4];

/** A line's place in a 1. 2. 3. or （1）（2） sequence: the level its numbers have and its number. */
function itemNumber(text: string): { level: number; n: number } | null {
  for (const { re, level } of HEADING_PATTERNS) {
    if (!ITEM_LEVELS.includes(level)) continue;
    const m = re.exec(text);
    const n = Number(/\d+/.exec(m?.[1] ?? '')?.[0]);
    if (m && n > 0) return { level, n };
  }
  return null;
}

/**
 * The lines of a run of consecutive numbered lines (1. 2. 3. one after another, nothing between)
 * that make a list rather than headings: when one of them is a sentence and not a heading by
 * itself (「2. 部分断面水质不稳定，个别月份出现超标。」), its siblings are items of the same list,
 * even those short enough to look like headings.
 */
function listRuns(blocks: readonly RepairedBlock[], isFree: (k: number) => boolean): Set<number> {
  const items = new Set<number>();
  let run: number[] = [];
  let last: { level: number; n: number } | null = null;
  const close = (): void => {
    const sentence = run.some((k) => {
      const b = blocks[k];
      return b?.type === 'text' && !matchHeading(b.text)?.numbered;
    });
    if (run.length >= 2 && sentence) for (const k of run) items.add(k);
    run = [];
    last = null;
  };
  blocks.forEach((b, k) => {
    const num = b.type === 'text' && isFree(k) && !b.hints?.heading ? itemNumber(b.text) : null;
    if (num && last && num.level === last.level && num.n === last.n + 1) run.push(k);
    else {
      close();
      if (num) run.push(k);
    }
    last = num;
  });
  close();
  return items;
}

/** A line that ends by introducing what follows with a verb: 「……的主要预期目标是：」. */
const INTRODUCES_LIST = /(是|为|為|如下|以下|包括|有|要求|指出|强调|強調)[：:]$/;

/**
 * Newspaper style: a short line standing alone, with no sentence punctuation (commas allowed:
 * 「发展为要,坚定信心全力以赴抓落实」), not trailing off in a comma or an enumeration mark.
 */
function isHeadingLine(text: string): boolean {
  // a WeChat article heads its parts with a pictograph, a question among them: 「🚀 下半年怎么干？」
  const asked = opensWithEmoji(text) && /^[^。！？!?；;…]+[？?！!]$/.test(text);
  return (
    text.length >= 2 &&
    text.length <= MAX_HEADING_CHARS &&
    (asked || !/[。！？!?；;…]/.test(text)) &&
    !/[，,、]$/.test(text) &&
    !ENUMERATES_INSIDE.test(text) &&
    // 「围绕上述目标，重点抓好以下工作：」 leads into a list; 「主要做法：」 heads one
    !(/[:：]$/.test(text) && /[，,]/.test(text)) &&
    // 「主要预期目标是：」, 「具体安排如下：」 say what follows, as a sentence does: the list's lead-in
    !INTRODUCES_LIST.test(text) &&
    // a bare figure 「1.2亿元」 or 「86.4」 is a table cell, and a date or a signing office
    // (「2022年7月15日」, 「某区人民政府办公室」) closes a report: none of them is a heading
    !/^[\d.,%％\s]+\p{Script=Han}{0,2}$/u.test(text) &&
    !isDateline(text) &&
    /\p{Script=Han}/u.test(text)
  );
}

const PHOTO_CAPTION_NUMBER = /^图\s*[\d一二三四五六七八九十]+/;
const TABLE_CAPTION_NUMBER = /^表\s*[\d一二三四五六七八九十]+/;
/**
 * A caption describing a scene in progress at a named place: 「……公司生产车间内，工人正在调试……」.
 * Both are needed: 「各项工作正在有序推进。」 is a sentence of the report, not a caption.
 */
const SCENE_PLACE =
  /^[^，,。]{2,20}?(公司|企业|社区|街道|镇|村|学校|医院|园区|车间|工地|中心|小区|广场|基地|现场)/;
const SCENE_ACTION = /正在/;

/** One sentence at most, short: the shape of a caption. */
function isCaptionShaped(text: string, max = MAX_CAPTION_CHARS): boolean {
  if (text.length > max || text.length < 6) return false;
  const inner = text.slice(0, -1);
  return !/[。！？!?；;]/.test(inner) && matchPoint(text) === null;
}

/**
 * Where analysis has got after each phase, as a share of its time on a large text report: finding
 * repairs, then the section tree; extracting statistics takes the rest.
 */
const PHASE_SHARE = { repairs: 0.15, structure: 0.3 } as const;

/**
 * Turn raw blocks into the report's structure: repairs applied per the staff's decisions; the
 * front matter (title, subtitle, dateline, issuer, date, speaker, salutation); the section tree;
 * points; figures; statistics. Pure; every derived id is built from a raw block id (ids.ts), so
 * ids survive re-analysis.
 */
export function analyze(
  raw: readonly RawBlock[],
  decisions: Decisions,
  onProgress?: (fraction: number) => void,
): Analysis {
  const suggestions = findRepairs(raw, decisions.roles);
  onProgress?.(PHASE_SHARE.repairs);
  const { blocks, repairs } = applyRepairs(raw, suggestions, decisions);
  const roleOf = (b: RepairedText): BlockRole | undefined => decisions.roles[b.id];
  const free = (b: RepairedBlock | undefined): b is RepairedText => !!b && b.type === 'text' && !roleOf(b);
  const { front, taken, start } = readFrontMatter(blocks, free);
  // an article copied from the web is dated by the publication line dropped above its text
  const published = front.date ?? publicationDate(raw, repairs);
  if (published) front.date = published;

  // a document that numbers its headings (一、 （一） 01) or formats them in bold is trusted on
  // that: its unnumbered plain short lines are not headings, and its bold ones sit under the
  // numbered ones
  const texts = blocks.filter((b, k): b is RepairedText => b.type === 'text' && !taken.has(k));
  const sectionNumbers = sectionNumberLines(blocks, free);
  const numbered = sectionNumbers.size > 0 || texts.some((b) => matchHeading(b.text)?.numbered);
  const formatted = texts.some((b) => b.hints?.bold);
  const indentOpens = paragraphIndent(texts);
  const gaps = texts.map((b) => b.hints?.gapBefore ?? 0).sort((a, b) => a - b);
  const usualGap = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const pictureGap = usualGap + 2;
  let lastText = -1;
  blocks.forEach((b, k) => {
    if (b.type === 'text' && !taken.has(k)) lastText = k;
  });

  const listed = listRuns(blocks, (k) => !taken.has(k) && !!blocks[k] && free(blocks[k]));
  // the last numbered line of each item level (1. or （1）) under the current heading, and whether
  // it was a list item: a list does not turn into headings half-way (「3.主要目标是：」 after the
  // points 1. and 2. is point 3)
  const lastItem = new Map<number, { n: number; item: boolean }>();

  const roots: Section[] = [];
  // open sections with the level their heading has in the source (Markdown's ###, 一、's 1,
  // （一）'s 2): a section's own level is renumbered from 1 down, so the two are not comparable
  const stack: { section: Section; sourceLevel: number }[] = [];
  const figures: Figure[] = [];
  let intro: Section | undefined;
  let lastNumberedLevel = 0;

  const current = (): Section => {
    const top = stack[stack.length - 1];
    if (top) return top.section;
    if (!intro) {
      // the report's opening words: no heading of their own, so no title is made up for them
      intro = { id: INTRO_SECTION_ID, title: '', opening: true, level: 1, blocks: [], sections: [] };
      roots.push(intro);
    }
    return intro;
  };

  const openSection = (h: Heading, id: string, src?: SourceRef): void => {
    // a heading closes every open section at its source level or deeper, and sits one level
    // under the one left open: ## 甲 / ### 乙 / ### 丙 / ## 丁 gives 甲 1, 乙 2, 丙 2, 丁 1
    while (stack.length > 0 && (stack[stack.length - 1]?.sourceLevel ?? 0) >= h.level) stack.pop();
    const parent = stack[stack.length - 1]?.section;
    const level = parent ? parent.level + 1 : 1;
    const section: Section = { id: `s-${id}`, title: stripEmoji(h.title), level, blocks: [], sections: [] };
    if (h.number) section.number = h.number;
    if (src) section.src = src;
    (parent ? parent.sections : roots).push(section);
    stack.push({ section, sourceLevel: h.level });
  };

  const headingOf = (b: RepairedText, role: BlockRole | undefined, isLast: boolean): Heading | null => {
    // a line staff call a heading sits where an unnumbered heading would
    const plainLevel = numbered ? lastNumberedLevel + 1 || 1 : 1;
    if (role === 'heading') {
      const h = matchHeading(b.text);
      return h?.numbered ? h : { level: plainLevel, title: b.text.replace(/[。:：]$/, '') };
    }
    if (role) return null;
    if (b.hints?.heading) return matchHeading(b.text, b.hints.heading);
    if (b.hints?.listItem) return null;
    const h = matchHeading(b.text);
    if (!h) {
      // a bold or centred short line in a formatted document, even with a comma in it
      if ((b.hints?.bold || b.hints?.centered) && b.text.length <= MAX_HEADING_CHARS && !endsSentence(b.text))
        return { level: plainLevel, title: b.text };
      return null;
    }
    if (h.numbered || SECTION_LABELS.test(b.text)) return h;
    if (formatted && !b.hints?.bold && !b.hints?.centered) return null;
    // where paragraphs open with an indent, an indented line opens a paragraph, not a heading
    if (indentOpens(b)) return null;
    // a heading heads something: the text's last line (「谢谢大家」) is not one
    if (isLast) return null;
    if (numbered) return { ...h, level: plainLevel };
    return h;
  };

  const addFigure = (
    kind: Figure['kind'],
    block: { id: string; src?: SourceRef },
    caption: string,
    extra: { assetId?: string; missing?: string; rows?: string[][] } = {},
  ): void => {
    const sec = current();
    const id = figureId(block.id);
    const figure: Figure = { id, kind, caption, sectionId: sec.id, blockId: block.id };
    if (extra.assetId) figure.assetId = extra.assetId;
    if (extra.missing) figure.missing = extra.missing;
    if (extra.rows) figure.rows = extra.rows;
    figures.push(figure);
    sec.blocks.push(
      withSrc({ kind: kind === 'table' ? 'table' : 'figure', id: block.id, figureId: id }, block.src),
    );
  };

  const textAt = (k: number): RepairedText | undefined => {
    const b = blocks[k];
    return b && b.type === 'text' && !taken.has(k) && (!roleOf(b) || roleOf(b) === 'caption') ? b : undefined;
  };

  for (let i = start; i < blocks.length; i++) {
    const b: RepairedBlock | undefined = blocks[i];
    if (!b || taken.has(i)) continue;
    if (b.type === 'image') {
      // 「图1 ……」 or a short centred line right after the picture is its caption
      const next = textAt(i + 1);
      const captioned =
        next &&
        (PHOTO_CAPTION_NUMBER.test(next.text) || (next.hints?.centered && isCaptionShaped(next.text)));
      addFigure(
        'image',
        b,
        captioned ? next.text : (b.alt ?? ''),
        b.assetId ? { assetId: b.assetId } : b.missing ? { missing: b.missing } : {},
      );
      if (captioned) i++;
      continue;
    }
    if (b.type === 'table') {
      const next = textAt(i + 1);
      const captioned = next && TABLE_CAPTION_NUMBER.test(next.text);
      addFigure('table', b, captioned ? next.text : '', { rows: b.rows });
      if (captioned) i++;
      continue;
    }
    const role = roleOf(b);
    // 「表1 ……」 just above a table is the table's caption
    const after = blocks[i + 1];
    if (!role && after?.type === 'table' && TABLE_CAPTION_NUMBER.test(b.text)) {
      addFigure('table', after, b.text, { rows: after.rows });
      i++;
      continue;
    }
    if (role === 'caption' || (!role && isPhotoCaption(b, blocks[i - 1], pictureGap))) {
      addFigure('image', b, b.text);
      continue;
    }
    if (sectionNumbers.has(i)) {
      // 「01」 on its own line numbers the section whose title is the line after it
      const next = textAt(i + 1);
      const titled = next && !roleOf(next) && !sectionNumbers.has(i + 1) && isSectionTitle(next.text);
      openSection(
        { level: 1, title: titled ? next.text : b.text, number: b.text, numbered: true },
        b.id,
        b.src,
      );
      lastNumberedLevel = 1;
      if (titled) i++;
      continue;
    }
    const num = role ? null : itemNumber(b.text);
    const before = num ? lastItem.get(num.level) : undefined;
    const sibling = !!num && !!before?.item && before.n === num.n - 1;
    const heading = listed.has(i) || sibling ? null : headingOf(b, role, i === lastText);
    if (num) lastItem.set(num.level, { n: num.n, item: !heading });
    if (heading) {
      if (heading.numbered) lastNumberedLevel = heading.level;
      // a heading above the item levels starts new lists under it
      for (const level of [...lastItem.keys()]) if (level > heading.level) lastItem.delete(level);
      openSection(heading, b.id, b.src);
      continue;
    }
    current().blocks.push(...contentBlocks(b, listed.has(i) || sibling ? 'point' : role));
  }

  // a picture printed above the first heading (a newspaper's lead photo) belongs to that first
  // section rather than to an intro section of its own
  const first = roots[0];
  const second = roots[1];
  if (first && second && first === intro && first.blocks.every((x) => x.kind === 'figure')) {
    second.blocks.unshift(...first.blocks);
    for (const f of figures) if (f.sectionId === first.id) f.sectionId = second.id;
    roots.shift();
  }

  onProgress?.(PHASE_SHARE.structure);
  const extracted = extractStats(
    roots,
    new Map(figures.map((f) => [f.id, f])),
    onProgress && ((f) => onProgress(PHASE_SHARE.structure + (1 - PHASE_SHARE.structure) * f)),
    { title: front.title },
  );
  // staff's labels and marks on statistics, kept by id across every re-analysis
  const stats = applyStatEdits(extracted, decisions.stats);
  return { ...front, title: stripEmoji(front.title), sections: roots, stats, figures, repairs };
}

/**
 * The blocks one paragraph of text makes: an enumeration (「一是……。二是……。」) one point per item,
 * its markers kept, after the paragraph that leads into it; otherwise one point or one paragraph.
 * The first keeps the raw block's id, the others are its parts (ids.ts).
 */
function contentBlocks(b: RepairedText, role: BlockRole | undefined): Block[] {
  if (role !== 'paragraph') {
    const parts = splitEnumeration(b.text);
    if (parts) return parts.map((part, k) => withSrc(enumerationBlock(part, partId(b.id, k + 1)), b.src));
  }
  const point = role === 'paragraph' ? null : (matchPoint(b.text) ?? markedItem(b.text));
  if (point) return [withSrc({ kind: 'point', id: b.id, ...point }, b.src)];
  if (role === 'point') return [withSrc({ kind: 'point', id: b.id, lead: b.text, text: '' }, b.src)];
  return [withSrc({ kind: 'paragraph', id: b.id, text: b.text }, b.src)];
}

function enumerationBlock(part: EnumerationPart, id: string): Block {
  if (part.kind === 'paragraph') return { kind: 'paragraph', id, text: part.text };
  const { kind: _kind, ...point } = part;
  return { kind: 'point', id, ...point };
}

/** The most a paragraph's first line is indented (two characters, give or take); a centred line sits further in. */
const MAX_PARAGRAPH_INDENT = 3;

/**
 * Whether a line is indented as the text's paragraphs are: the text sets some lines in from its
 * margin by a paragraph's indent, and this is one. Null-safe for texts that use no indents.
 */
function paragraphIndent(texts: readonly RepairedText[]): (b: RepairedText) => boolean {
  let margin = Infinity;
  for (const b of texts) margin = Math.min(margin, b.hints?.indent ?? 0);
  const opens = (b: RepairedText): boolean => {
    const indent = (b.hints?.indent ?? 0) - margin;
    return indent > 0 && indent <= MAX_PARAGRAPH_INDENT;
  };
  return texts.filter(opens).length >= 3 ? opens : () => false;
}

/** How far into the source the publication line of a web page stands. */
const PUBLICATION_REACH = 10;

/** The date in a publication line (「原创 … 2023-05-08 09:12」, 「发布时间：2023-07-18」) dropped at the top. */
function publicationDate(raw: readonly RawBlock[], repairs: readonly Repair[]): string | undefined {
  const top = new Set(raw.slice(0, PUBLICATION_REACH).map((b) => b.id));
  for (const r of repairs) {
    if (r.kind !== 'web-leftover' || !r.applied || !top.has(r.blockIds[0] ?? '')) continue;
    const date = dateIn(r.before);
    if (date) return date;
  }
  return undefined;
}

/** A section's title under its 「01」: one short line with no sentence in it. */
const isSectionTitle = (text: string): boolean =>
  displayWidth(text) <= MAX_HEADING_CHARS + 10 && !/[。！？!?；;]/.test(text) && !/[，,、]$/.test(text);

/**
 * The lines 「01」 「02」 … that number a WeChat article's sections: zero-padded from 01, in order,
 * each standing alone between lines of text. 「01」 among other numbers is a table's cell.
 */
function sectionNumberLines(
  blocks: readonly RepairedBlock[],
  free: (b: RepairedBlock | undefined) => b is RepairedText,
): Set<number> {
  const numeric = (b: RepairedBlock | undefined): boolean => free(b) && /^[\d\s.,%％+-]+$/.test(b.text);
  const found = new Set<number>();
  let expected = 1;
  blocks.forEach((b, k) => {
    if (!free(b) || !SECTION_NUMBER_LINE.test(b.text) || numeric(blocks[k - 1]) || numeric(blocks[k + 1]))
      return;
    if (Number(b.text) !== expected || (expected === 1 && !b.text.startsWith('0'))) return;
    found.add(k);
    expected++;
  });
  return found.size >= 2 ? found : new Set();
}

/**
 * A photo caption left standing alone by a newspaper layout: caption-shaped text set apart by the
 * wide gap a dropped picture leaves, or numbered 「图1」, or describing a scene in progress.
 */
/** A photographer's credit closing a caption: 「（记者 刘畅 摄）」, 「（王某 摄）」, 「（资料图）」. */
const PHOTO_CREDIT = /[（(][^（）()]{0,24}(摄|供图|资料图|摄影)[）)]$/;

function isPhotoCaption(b: RepairedText, prev: RepairedBlock | undefined, pictureGap: number): boolean {
  if (HEADING_PATTERNS.some(({ re }) => re.test(b.text)) || SECTION_LABELS.test(b.text)) return false;
  if (prev?.type === 'image' && PHOTO_CAPTION_NUMBER.test(b.text)) return true;
  // a WeChat article marks the caption under its picture 「▲……」
  if (/^[▲△]/.test(b.text) && b.text.length <= MAX_CAPTION_CHARS && !/[。！？!?；;]./.test(b.text))
    return true;
  // 「图为……」, and a photographer's credit 「（记者 刘某 摄）」 「（资料图）」 closing the line
  if (
    (/^图为/.test(b.text) || PHOTO_CREDIT.test(b.text)) &&
    b.text.length <= MAX_CAPTION_CHARS &&
    !/[。！？!?；;]./.test(b.text)
  )
    return true;
  if (!isCaptionShaped(b.text)) return false;
  if (PHOTO_CAPTION_NUMBER.test(b.text)) return true;
  // a caption is a sentence; a short line without its full stop is a heading
  if (!endsSentence(b.text)) return false;
  if ((b.hints?.gapBefore ?? 0) >= pictureGap && b.parts.length === 1) return true;
  return (
    isCaptionShaped(b.text, MAX_SCENE_CAPTION_CHARS) && SCENE_PLACE.test(b.text) && SCENE_ACTION.test(b.text)
  );
}

function isDateline(text: string): boolean {
  return (
    text.length <= MAX_TITLE_CHARS &&
    !endsSentence(text) &&
    (/^[（(]?\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?[）)]?$/.test(text) ||
      /^[（(]?[二〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月([一二三四五六七八九十]{1,3}日)?[）)]?$/.test(
        text,
      ) ||
      /(办公室|人民政府|委员会|局|区委|县委|市委|办事处|党组)$/.test(text) ||
      /^(本报)?(记者|通讯员|供稿|执笔|撰稿|报告人|作者)[:：\s]/.test(text))
  );
}

function withSrc<T extends Block>(block: T, src?: SourceRef): T {
  return src ? { ...block, src } : block;
}
