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
import { matchPoint } from './points';
import { applyRepairs, findRepairs, type RepairedBlock, type RepairedText } from './repair';
import { HEADING_PATTERNS, SECTION_LABELS, endsSentence } from './text-rules';

export { matchPoint } from './points';

export interface Analysis {
  title: string;
  subtitle?: string;
  dateline: string[];
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
    // 「（一）强化政治引领」 is a heading; 「一、……。 …… 。」 running on as a paragraph is not
    if (rest.length === 0 || rest.length > MAX_HEADING_CHARS + 10 || /[。！？!?；;]./.test(rest)) return null;
    return { level, title: rest.replace(/[。:：]$/, ''), number: m[1], numbered: true };
  }
  if (SECTION_LABELS.test(text)) return { level: 1, title: text.replace(/[:：]$/, '') };
  if (isHeadingLine(text)) return { level: 1, title: text.replace(/[:：]$/, '') };
  return null;
}

/**
 * Newspaper style: a short line standing alone, with no sentence punctuation (commas allowed:
 * 「发展为要,坚定信心全力以赴抓落实」), not trailing off in a comma or an enumeration mark.
 */
function isHeadingLine(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= MAX_HEADING_CHARS &&
    !/[。！？!?；;…]/.test(text) &&
    !/[，,、]$/.test(text) &&
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
 * Turn raw blocks into the report's structure: repairs applied per the staff's decisions; title,
 * subtitle, dateline; the section tree; points; figures; statistics. Pure; every derived id is
 * built from a raw block id, so ids survive re-analysis.
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

  let i = 0;
  const peekText = (): RepairedText | undefined => {
    const b = blocks[i];
    return b && b.type === 'text' && !roleOf(b) ? b : undefined;
  };

  let title = '';
  let subtitle: string | undefined;
  const dateline: string[] = [];
  const t0 = peekText();
  // a styled top heading is the title when it is the only one of its level (markdown 「# 标题」)
  const soleTopHeading =
    t0?.hints?.heading === 1 &&
    blocks.filter((b) => b.type === 'text' && b.hints?.heading === 1).length === 1;
  if (
    t0 &&
    (!t0.hints?.heading || soleTopHeading) &&
    !HEADING_PATTERNS.some(({ re }) => re.test(t0.text)) &&
    !SECTION_LABELS.test(t0.text) &&
    t0.text.length <= MAX_TITLE_CHARS &&
    !endsSentence(t0.text)
  ) {
    title = t0.text;
    i++;
    const t1 = peekText();
    if (t1 && /^(——|—|--)/.test(t1.text)) {
      subtitle = t1.text.replace(/^(——|—|--)\s*/, '');
      i++;
    }
    for (let t = peekText(); t && isDateline(t.text); t = peekText()) {
      dateline.push(t.text);
      i++;
    }
  }

  // a document that numbers its headings (一、 （一）) or formats them in bold is trusted on that:
  // its unnumbered plain short lines are not headings, and its bold ones sit under the numbered ones
  const texts = blocks.filter((b): b is RepairedText => b.type === 'text');
  const numbered = texts.some((b) => matchHeading(b.text)?.numbered);
  const formatted = texts.some((b) => b.hints?.bold);
  const gaps = texts.map((b) => b.hints?.gapBefore ?? 0).sort((a, b) => a - b);
  const usualGap = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const pictureGap = usualGap + 2;

  const roots: Section[] = [];
  const stack: Section[] = [];
  const figures: Figure[] = [];
  let intro: Section | undefined;
  let lastNumberedLevel = 0;

  const current = (): Section => {
    const top = stack[stack.length - 1];
    if (top) return top;
    if (!intro) {
      intro = { id: 's-intro', title: '导语', level: 1, blocks: [], sections: [] };
      roots.push(intro);
    }
    return intro;
  };

  const openSection = (h: Heading, id: string, src?: SourceRef): void => {
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    const level = parent ? Math.min(h.level, parent.level + 1) : 1;
    const section: Section = { id: `s-${id}`, title: h.title, level, blocks: [], sections: [] };
    if (h.number) section.number = h.number;
    if (src) section.src = src;
    (parent ? parent.sections : roots).push(section);
    stack.push(section);
  };

  const headingOf = (b: RepairedText, role: BlockRole | undefined): Heading | null => {
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
    if (numbered) return { ...h, level: plainLevel };
    return h;
  };

  const addFigure = (
    kind: Figure['kind'],
    block: { id: string; src?: SourceRef },
    caption: string,
    extra: { assetId?: string; rows?: string[][] } = {},
  ): void => {
    const sec = current();
    const figureId = `f-${block.id}`;
    const figure: Figure = { id: figureId, kind, caption, sectionId: sec.id, blockId: block.id };
    if (extra.assetId) figure.assetId = extra.assetId;
    if (extra.rows) figure.rows = extra.rows;
    figures.push(figure);
    sec.blocks.push(
      withSrc({ kind: kind === 'table' ? 'table' : 'figure', id: block.id, figureId }, block.src),
    );
  };

  const textAt = (k: number): RepairedText | undefined => {
    const b = blocks[k];
    return b && b.type === 'text' && (!roleOf(b) || roleOf(b) === 'caption') ? b : undefined;
  };

  for (; i < blocks.length; i++) {
    const b: RepairedBlock | undefined = blocks[i];
    if (!b) continue;
    if (b.type === 'image') {
      // 「图1 ……」 or a short centred line right after the picture is its caption
      const next = textAt(i + 1);
      const captioned =
        next &&
        (PHOTO_CAPTION_NUMBER.test(next.text) || (next.hints?.centered && isCaptionShaped(next.text)));
      addFigure('image', b, captioned ? next.text : (b.alt ?? ''), b.assetId ? { assetId: b.assetId } : {});
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
    const heading = headingOf(b, role);
    if (heading) {
      if (heading.numbered) lastNumberedLevel = heading.level;
      openSection(heading, b.id, b.src);
      continue;
    }
    const sec = current();
    const point = role === 'paragraph' ? null : matchPoint(b.text);
    if (point) sec.blocks.push(withSrc({ kind: 'point', id: b.id, ...point }, b.src));
    else if (role === 'point')
      sec.blocks.push(withSrc({ kind: 'point', id: b.id, lead: b.text, text: '' }, b.src));
    else sec.blocks.push(withSrc({ kind: 'paragraph', id: b.id, text: b.text }, b.src));
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
    { title },
  );
  // staff's labels and marks on statistics, kept by id across every re-analysis
  const stats = applyStatEdits(extracted, decisions.stats);
  return { title, ...(subtitle ? { subtitle } : {}), dateline, sections: roots, stats, figures, repairs };
}

/**
 * A photo caption left standing alone by a newspaper layout: caption-shaped text set apart by the
 * wide gap a dropped picture leaves, or numbered 「图1」, or describing a scene in progress.
 */
function isPhotoCaption(b: RepairedText, prev: RepairedBlock | undefined, pictureGap: number): boolean {
  if (HEADING_PATTERNS.some(({ re }) => re.test(b.text)) || SECTION_LABELS.test(b.text)) return false;
  if (prev?.type === 'image' && PHOTO_CAPTION_NUMBER.test(b.text)) return true;
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
