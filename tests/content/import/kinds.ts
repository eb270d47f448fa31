import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTRO_SECTION_ID, rawIdOf } from '../../../content/analyze/ids';
import type { Block, Report, Section } from '../../../content/model/report';
import { ROOT } from '../../helpers/paths';

/**
 * The realistic reports of tests/fixtures/import-kinds and their answer keys. A key is the report
 * as its author wrote it, before any damage: `@field value` lines for the front matter, `=N text`
 * for a heading at level N, `^ text` for a picture's caption, and every other line one paragraph.
 */

export const KINDS_DIR = join(ROOT, 'tests', 'fixtures', 'import-kinds');

export interface Key {
  fields: Record<string, string>;
  headings: { level: number; text: string }[];
  paragraphs: string[];
  captions: string[];
}

export function readKey(name: string): Key {
  const key: Key = { fields: {}, headings: [], paragraphs: [], captions: [] };
  for (const line of readFileSync(join(KINDS_DIR, name), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const field = /^@(\w+) (.+)$/.exec(line);
    const heading = /^=(\d) (.+)$/.exec(line);
    if (field?.[1] && field[2]) key.fields[field[1]] = field[2];
    else if (heading?.[1] && heading[2]) key.headings.push({ level: Number(heading[1]), text: heading[2] });
    else if (line.startsWith('^ ')) key.captions.push(line.slice(2));
    else key.paragraphs.push(line);
  }
  return key;
}

export const readKind = (name: string): Uint8Array => new Uint8Array(readFileSync(join(KINDS_DIR, name)));

/** Text compared as staff read it: spaces and indents aside. */
export const squeeze = (text: string): string => text.replace(/[\s\u3000]+/g, '');

export const allSections = (sections: readonly Section[]): Section[] =>
  sections.flatMap((s) => [s, ...allSections(s.sections)]);

/** A block's text as the source wrote it: a point's marker, lead, the mark that ended it, and body. */
export function blockText(b: Block): string {
  if (b.kind === 'paragraph') return b.text;
  if (b.kind === 'point') return `${b.marker ?? ''}${b.lead}${b.leadEnd ?? ''}${b.text}`;
  return '';
}

/**
 * The report's paragraphs in reading order: blocks made from one raw block (an enumeration split
 * into points) read back as the one paragraph they came from.
 */
export function paragraphsOf(report: Report): string[] {
  const out: { raw: string | null; text: string }[] = [];
  for (const s of allSections(report.sections)) {
    for (const b of s.blocks) {
      if (b.kind === 'figure' || b.kind === 'table') continue;
      const raw = rawIdOf(report, { type: 'block', id: b.id });
      const last = out[out.length - 1];
      if (last && raw !== null && last.raw === raw) last.text += blockText(b);
      else out.push({ raw, text: blockText(b) });
    }
  }
  return out.map((p) => p.text);
}

export const headingsOf = (report: Report): { level: number; text: string }[] =>
  allSections(report.sections)
    .filter((s) => s.id !== INTRO_SECTION_ID)
    .map((s) => ({ level: s.level, text: `${s.number ?? ''}${s.title}` }));

/** Heading precision, recall and level accuracy against a key, headings matched by their text. */
export function headingScores(
  found: readonly { level: number; text: string }[],
  expected: readonly { level: number; text: string }[],
): { precision: number; recall: number; levels: number } {
  const want = new Map(expected.map((h) => [squeeze(h.text), h.level]));
  const hits = found.filter((h) => want.has(squeeze(h.text)));
  const levelled = hits.filter((h) => want.get(squeeze(h.text)) === h.level);
  return {
    precision: found.length ? hits.length / found.length : expected.length ? 0 : 1,
    recall: expected.length ? hits.length / expected.length : 1,
    levels: hits.length ? levelled.length / hits.length : 1,
  };
}

/** The kinds of repair that take a raw block out of the text. */
export const REMOVALS = new Set(['page-number', 'running-header', 'stray-mark', 'web-leftover', 'byline']);
