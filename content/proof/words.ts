import type { FullFormEntry, ParticleEntry, ReplaceEntry, SequenceEntry } from '../../templates/proof/schema';
import { inRanges } from './chars';
import { nextMatches, prevMatches } from './context';
import type { UnitContext } from './hits';
import type { FindingKind, Hit, ProofUnit } from './types';

/**
 * The word lists: wrong forms and their corrections, short forms that need their full form
 * first, fixed lists whose order is fixed, doubled function characters. All come from rule
 * files (templates/proof and the user's folder); this module only matches them.
 */

/** A replace entry as matched: numeral-term variants are replace entries made from a term. */
export interface Replacement {
  id: string;
  kind: FindingKind;
  find: string;
  fix: string | null;
  prev?: readonly string[] | undefined;
  next?: readonly string[] | undefined;
  notPrev?: readonly string[] | undefined;
  notNext?: readonly string[] | undefined;
  outsideTitles?: boolean | undefined;
  source: string;
  why: string;
  whyEn?: string | undefined;
}

export const fromReplaceEntry = (e: ReplaceEntry): Replacement => ({ ...e });

const entryHit =
  (e: { id: string; source: string; why: string; whyEn?: string | undefined }, kind: FindingKind) =>
  (start: number, end: number, suggestion: string | null): Hit => ({
    start,
    end,
    suggestion,
    kind,
    ruleId: e.id,
    rule: e.source,
    why: e.why,
    whyEn: e.whyEn ?? `See: ${e.source}`,
  });

/** Ranges inside 《…》 (titles of documents, where an old name is the document's own). */
function titleRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/《[^《》]*》/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Replacement entries keyed by their first character, for one pass over the text. */
export type ReplacementIndex = ReadonlyMap<string, readonly Replacement[]>;

export function indexReplacements(list: readonly Replacement[]): Map<string, Replacement[]> {
  const map = new Map<string, Replacement[]>();
  for (const r of list) {
    const first = r.find[0]!;
    const at = map.get(first);
    if (at) at.push(r);
    else map.set(first, [r]);
  }
  // longer forms first, so 「既使」 inside 「既使得」 is judged by the longer entry when both exist
  for (const list of map.values()) list.sort((a, b) => b.find.length - a.find.length);
  return map;
}

export function replacements(ctx: UnitContext, index: ReplacementIndex): Hit[] {
  const { text } = ctx.unit;
  const out: Hit[] = [];
  let titles: Array<[number, number]> | null = null;
  for (let i = 0; i < text.length; i++) {
    const list = index.get(text[i]!);
    if (!list) continue;
    for (const r of list) {
      if (!text.startsWith(r.find, i)) continue;
      const end = i + r.find.length;
      if (r.prev && !prevMatches(text, i, r.prev)) continue;
      if (r.next && !nextMatches(text, end, r.next)) continue;
      if (r.notPrev && prevMatches(text, i, r.notPrev)) continue;
      if (r.notNext && nextMatches(text, end, r.notNext)) continue;
      if (inRanges(ctx.protect, i)) continue;
      if (r.outsideTitles) {
        titles ??= titleRanges(text);
        if (inRanges(titles, i)) continue;
      }
      out.push(entryHit(r, r.kind)(i, end, r.fix));
    }
  }
  return out;
}

/** Doubled function characters: 「的的」「了了」, unless two words meet there (「目的的」「为了了解」). */
export function particles(ctx: UnitContext, map: ReadonlyMap<string, CompiledParticle>): Hit[] {
  const { text } = ctx.unit;
  const out: Hit[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const ch = text[i]!;
    if (text[i + 1] !== ch) continue;
    const p = map.get(ch);
    if (!p) continue;
    let end = i + 2;
    while (text[end] === ch) end++;
    const skip = (): boolean => {
      // a word ending in the character before the double, or one starting with it after
      if (p.ends.some((w) => i + 1 >= w.length && text.startsWith(w, i + 1 - w.length))) return true;
      if (p.starts.some((w) => text.startsWith(w, end - 1))) return true;
      return p.except.some((x) => {
        for (
          let at = text.indexOf(x, Math.max(0, i - x.length));
          at >= 0 && at <= end;
          at = text.indexOf(x, at + 1)
        )
          if (at <= i && at + x.length >= i + 2) return true;
        return false;
      });
    };
    if (!skip()) out.push(entryHit(p.entry, 'repeat')(i, end, ch));
    i = end - 1;
  }
  return out;
}

export interface CompiledParticle {
  entry: ParticleEntry;
  /** words ending with the character */
  ends: readonly string[];
  /** words starting with it */
  starts: readonly string[];
  except: readonly string[];
}

export function compileParticle(entry: ParticleEntry): CompiledParticle {
  return {
    entry,
    ends: entry.words.filter((w) => w.endsWith(entry.char)),
    starts: entry.words.filter((w) => w.startsWith(entry.char)),
    except: entry.except,
  };
}

/**
 * Short forms used before their full form (「二十大」 with no 「党的二十大」 before it): the first
 * such use in the document is flagged, once per entry.
 */
export function fullForms(
  units: readonly ProofUnit[],
  entries: readonly FullFormEntry[],
): Array<{ index: number; hit: Hit }> {
  const out: Array<{ index: number; hit: Hit }> = [];
  for (const e of entries) {
    search: for (let index = 0; index < units.length; index++) {
      const text = units[index]!.text;
      if (!text.includes(e.short)) {
        if (e.full.some((f) => text.includes(f))) break;
        continue;
      }
      const fulls: Array<[number, number]> = [];
      for (const f of e.full)
        for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) fulls.push([at, at + f.length]);
      for (let at = text.indexOf(e.short); at >= 0; at = text.indexOf(e.short, at + 1)) {
        const firstFull = Math.min(...fulls.map(([s]) => s));
        if (fulls.length && firstFull <= at) break search;
        if (inRanges(fulls, at)) continue;
        const end = at + e.short.length;
        if (e.next && !nextMatches(text, end, e.next)) continue;
        if (e.notPrev && prevMatches(text, at, e.notPrev)) continue;
        out.push({ index, hit: entryHit(e, 'wording')(at, end, e.full[0]!) });
        break search;
      }
      if (fulls.length) break;
    }
  }
  return out;
}

const SEPARATORS = /^(?:、|，|,|和|与|及|以及)$/;
/** what follows a body's name when it is part of a longer one */
const BODY_TAIL =
  /^(?:组织部|宣传部|统战部|政法委|办公厅|办公室|研究室|党校|书记|副书记|常委|秘书长|巡察|督查|机关|直属|各部门|部门|领导)/;

/** A fixed list in the wrong order: 「四个意识」 as 政治意识、核心意识、大局意识、看齐意识. */
export function sequences(ctx: UnitContext, entries: readonly SequenceEntry[]): Hit[] {
  const { text } = ctx.unit;
  const out: Hit[] = [];
  for (const e of entries) {
    if (!text.includes(e.items[0]!) && !text.includes(e.items[1]!)) continue;
    const found: Array<{ at: number; end: number; item: number }> = [];
    e.items.forEach((item, k) => {
      for (let at = text.indexOf(item); at >= 0; at = text.indexOf(item, at + 1))
        found.push({ at, end: at + item.length, item: k });
    });
    found.sort((a, b) => a.at - b.at);
    // runs of members with only separators between them
    let run: typeof found = [];
    const close = (): void => {
      const members = new Set(run.map((r) => r.item));
      const last = run[run.length - 1];
      // the last item must end there (「市委组织部」 is not 「市委」)
      // 「市政府、市委组织部」 names another body, not 「市委、市政府」 the wrong way round
      const ends = last !== undefined && !BODY_TAIL.test(text.slice(last.end));
      if (ends && run.length === e.items.length && members.size === e.items.length) {
        const inOrder = run.every((r, k) => r.item === k);
        if (!inOrder) {
          let fixed = '';
          run.forEach((r, k) => {
            fixed += e.items[k]!;
            const next = run[k + 1];
            if (next) fixed += text.slice(r.end, next.at);
          });
          const start = run[0]!.at;
          const end = run[run.length - 1]!.end;
          out.push(entryHit(e, 'wording')(start, end, fixed));
        }
      }
      run = [];
    };
    for (const f of found) {
      const last = run[run.length - 1];
      if (last && !SEPARATORS.test(text.slice(last.end, f.at))) close();
      run.push(f);
    }
    close();
  }
  return out;
}
