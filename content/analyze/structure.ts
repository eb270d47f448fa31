import type { Block, Decisions, Figure, RawBlock, Repair, Section, SourceRef, Stat } from '../model/report';
import { extractStats } from '../stats/extract';
import { HEADING_PATTERNS, POINT_MARKER, SECTION_LABELS, endsSentence } from './text-rules';

export interface Analysis {
  title: string;
  subtitle?: string;
  dateline: string[];
  sections: Section[];
  stats: Stat[];
  figures: Figure[];
  repairs: Repair[];
}

interface Heading {
  level: number;
  title: string;
  number?: string;
}

const MAX_HEADING_CHARS = 30;
const MAX_LEAD_CHARS = 28;

/** Recognise a heading line and its level, or null. */
export function matchHeading(text: string, explicitLevel?: number): Heading | null {
  if (explicitLevel) return { level: explicitLevel, title: text };
  for (const { re, level } of HEADING_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).trim();
    // 「（一）强化政治引领」 is a heading; 「一、……。 …… 。」 running on as a paragraph is not
    if (rest.length === 0 || rest.length > MAX_HEADING_CHARS + 10 || /[。！？]./.test(rest)) return null;
    return { level, title: rest.replace(/[。:：]$/, ''), number: m[1] };
  }
  if (SECTION_LABELS.test(text)) return { level: 1, title: text };
  // newspaper style: a short line standing alone, with no sentence-final punctuation
  if (text.length <= MAX_HEADING_CHARS && !endsSentence(text) && !/[。！？!?]/.test(text)) {
    return { level: 1, title: text };
  }
  return null;
}

/** Split 「全力复工复产。出台……」 into lead and body, or null when the paragraph has no lead-in. */
export function matchPoint(text: string): { marker?: string; lead: string; text: string } | null {
  const marker = POINT_MARKER.exec(text);
  const rest = marker ? text.slice(marker[0].length) : text;
  const m = /^([^。！？!?；;：:]{2,})[。！？!?；;：:]/.exec(rest);
  if (!m || !m[1]) return null;
  const lead = m[1].trim();
  const body = rest.slice(m[0].length).trim();
  if (lead.length > MAX_LEAD_CHARS || body.length === 0) return null;
  // a lead-in is a short phrase, not a clause of a long sentence: no commas in it
  if (/[，,]/.test(lead) && !marker) return null;
  const markerText = marker?.[1];
  return markerText ? { marker: markerText, lead, text: body } : { lead, text: body };
}

/**
 * Turn raw blocks into the report's structure: title, subtitle, dateline, the section tree,
 * points, figures and statistics. Pure; ids derive from raw block ids so they survive re-analysis.
 */
export function analyze(raw: readonly RawBlock[], decisions: Decisions): Analysis {
  let i = 0;
  const firstText = (): Extract<RawBlock, { type: 'text' }> | undefined => {
    const b = raw[i];
    return b && b.type === 'text' ? b : undefined;
  };

  let title = '';
  let subtitle: string | undefined;
  const dateline: string[] = [];
  const t0 = firstText();
  if (t0 && !matchHeadingNumbered(t0.text) && t0.text.length <= 40 && !endsSentence(t0.text)) {
    title = t0.text;
    i++;
    const t1 = firstText();
    if (t1 && /^(——|—|--)/.test(t1.text)) {
      subtitle = t1.text.replace(/^(——|—|--)\s*/, '');
      i++;
    }
    for (let t = firstText(); t && isDateline(t.text); t = firstText()) {
      dateline.push(t.text);
      i++;
    }
  }

  const roots: Section[] = [];
  const stack: Section[] = [];
  const figures: Figure[] = [];
  let intro: Section | undefined;

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

  for (; i < raw.length; i++) {
    const b = raw[i];
    if (!b) continue;
    if (b.type === 'image') {
      const sec = current();
      const figureId = `f-${b.id}`;
      figures.push({
        id: figureId,
        kind: 'image',
        caption: b.alt ?? '',
        sectionId: sec.id,
        blockId: b.id,
        assetId: b.assetId,
      });
      sec.blocks.push(withSrc({ kind: 'figure', id: b.id, figureId }, b.src));
      continue;
    }
    if (b.type === 'table') {
      const sec = current();
      const figureId = `f-${b.id}`;
      figures.push({
        id: figureId,
        kind: 'table',
        caption: '',
        sectionId: sec.id,
        blockId: b.id,
        rows: b.rows,
      });
      sec.blocks.push(withSrc({ kind: 'table', id: b.id, figureId }, b.src));
      continue;
    }
    const role = decisions.roles[b.id];
    const heading =
      role === 'heading' ? matchHeading(b.text, 1) : role ? null : matchHeading(b.text, b.hints?.heading);
    if (heading) {
      openSection(heading, b.id, b.src);
      continue;
    }
    const sec = current();
    if (role === 'caption') {
      const figureId = `f-${b.id}`;
      figures.push({ id: figureId, kind: 'image', caption: b.text, sectionId: sec.id, blockId: b.id });
      sec.blocks.push(withSrc({ kind: 'figure', id: b.id, figureId }, b.src));
      continue;
    }
    const point = role === 'paragraph' ? null : matchPoint(b.text);
    if (point) sec.blocks.push(withSrc({ kind: 'point', id: b.id, ...point }, b.src));
    else sec.blocks.push(withSrc({ kind: 'paragraph', id: b.id, text: b.text }, b.src));
  }

  const stats = extractStats(roots);
  return { title, ...(subtitle ? { subtitle } : {}), dateline, sections: roots, stats, figures, repairs: [] };
}

function matchHeadingNumbered(text: string): boolean {
  return HEADING_PATTERNS.some(({ re }) => re.test(text));
}

function isDateline(text: string): boolean {
  return (
    text.length <= 40 &&
    !endsSentence(text) &&
    (/^\d{4}年\d{1,2}月(\d{1,2}日)?$/.test(text) ||
      /(办公室|人民政府|委员会|局|区委|县委|市委|记者|供稿|通讯员)$/.test(text))
  );
}

function withSrc<T extends Block>(block: T, src?: SourceRef): T {
  return src ? { ...block, src } : block;
}
