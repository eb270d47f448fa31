import type { TextRun } from './pdf-layout';

/**
 * Runs of one line that overlap, taken apart into characters at their positions. A PDF writer
 * may draw a Chinese sentence in one go, leaving gaps, and then the quotation marks of another
 * font into the gaps: pdf.js gives 「推进 放管服 改革」 as one run and 「“」「”」 as two more, so
 * runs put end to end read 「推进放管服改革“”」. Placed character by character, the quotes
 * stand where they were drawn: 「推进“放管服”改革」.
 */

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u300a-\u300f]/u;

/** A character's advance in ems, as a Chinese or a Latin font sets it. */
function naturalAdvance(ch: string, wideRun: boolean): number {
  if (/\s/.test(ch)) return 0;
  if (/[\u201c\u201d\u2018\u2019]/.test(ch)) return wideRun ? 1 : 0.45;
  return WIDE.test(ch) ? 1 : 0.55;
}

interface Glyph {
  text: string;
  x: number;
  width: number;
}

/** True when some run of the line starts well inside the one before it. */
export function runsOverlap(sorted: readonly TextRun[]): boolean {
  let end = -Infinity;
  for (const r of sorted) {
    if (r.x < end - r.size * 0.3) return true;
    end = Math.max(end, r.x + r.width);
  }
  return false;
}

/**
 * The characters of a run at estimated positions. A run's surplus width (drawn wider than its
 * characters) sits in its spaces, which pdf.js puts where the writer left a gap; with no space
 * to hold it, each character skips over the other runs' characters it would land on.
 */
function glyphsOf(run: TextRun, obstacles: readonly Glyph[]): Glyph[] {
  const chars = [...run.text];
  const wide = chars.some((c) => /\p{Script=Han}/u.test(c));
  const advances = chars.map((c) => naturalAdvance(c, wide) * run.size);
  const natural = advances.reduce((a, b) => a + b, 0);
  const spaces = chars.filter((c) => /\s/.test(c)).length;
  const surplus = Math.max(0, run.width - natural);
  const out: Glyph[] = [];
  let x = run.x;
  chars.forEach((ch, i) => {
    let width = advances[i] ?? 0;
    if (/\s/.test(ch) && spaces > 0) width = surplus / spaces;
    else if (spaces === 0 && surplus > run.size * 0.3) {
      // no gap marked: step over any other run's character drawn where this one would go
      for (const o of obstacles) if (o.x < x + width / 2 && o.x + o.width > x + 0.01) x = o.x + o.width;
    }
    out.push({ text: ch, x, width });
    x += width;
  });
  return out;
}

/**
 * The line's runs as characters in reading order, each a run of its own; runs of one character
 * or two are placed exactly (the first where the run starts, the last where it ends).
 */
export function interleaveRuns(runs: readonly TextRun[]): TextRun[] {
  const size = Math.max(...runs.map((r) => r.size));
  // the characters whose places are known: the ends of every run
  const anchors = new Map<TextRun, Glyph[]>();
  for (const r of runs) {
    const chars = [...r.text];
    const first = chars[0] ?? '';
    const last = chars[chars.length - 1] ?? '';
    const wide = chars.some((c) => /\p{Script=Han}/u.test(c));
    const a = naturalAdvance(first, wide) * r.size;
    const b = naturalAdvance(last, wide) * r.size;
    anchors.set(
      r,
      chars.length > 1
        ? [
            { text: first, x: r.x, width: a },
            { text: last, x: r.x + r.width - b, width: b },
          ]
        : [{ text: first, x: r.x, width: r.width }],
    );
  }
  const glyphs: { glyph: Glyph; run: TextRun }[] = [];
  for (const r of runs) {
    const others = runs.filter((o) => o !== r).flatMap((o) => anchors.get(o) ?? []);
    for (const g of glyphsOf(r, others)) glyphs.push({ glyph: g, run: r });
  }
  glyphs.sort((a, b) => a.glyph.x - b.glyph.x);
  return glyphs
    .filter(({ glyph }) => glyph.text.trim() !== '')
    .map(({ glyph, run }) => ({
      ...run,
      text: glyph.text,
      x: glyph.x,
      width: glyph.width,
      size: run.size || size,
    }));
}
