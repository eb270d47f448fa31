import type { StatScope } from '../model/report';
import type { Quoting } from './context';
import { countWork } from './work';
import { ENTITY_SUFFIX, NOT_OWN_FIGURE, PLURAL_PROJECTS, PROJECT_FIGURE } from './lexicon';

/**
 * Whose figure a number is. A photo caption's numbers are the caption's; a number after a named
 * enterprise (「长春万华汽车实业有限公司……实现企业产值3亿元」) or inside a quoted speaker's words
 * is that enterprise's; a number of one named project is the project's. Only the rest are the
 * area's figures, fit to stand on a slide as the district's own.
 */

/** How far back a name may stand from its number: the same part of the sentence. */
const NAME_WINDOW = 60;

export function scopeOf(
  text: string,
  folded: string,
  at: number,
  quoting: Quoting,
  caption: boolean,
): StatScope {
  const from = Math.max(0, at - NAME_WINDOW);
  const before = folded.slice(from, at);
  // a piece of the sentence after 「；」 or 「。」 starts afresh
  const cut = Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'), before.lastIndexOf('。'));
  const window = before.slice(cut + 1);
  countWork(before.length);
  const offset = from + cut + 1;
  const entity = entityIn(window);
  const project = entity ? undefined : (projectIn(window) ?? projectAfter(folded, at, window, offset));
  const named = entity ?? project;
  const name = named ? text.slice(offset + named.at, offset + named.at + named.name.length) : undefined;
  if (caption) return name ? { kind: 'caption', name } : { kind: 'caption' };
  if (entity && name) return { kind: 'entity', name };
  if (quoting === 'speech') return { kind: 'entity' };
  if (project && name) return { kind: 'project', name };
  // 「该公司上半年实现产值6.2亿元」: the company the sentence before named
  const anaphor = ANAPHOR.exec(window);
  if (anaphor) return { kind: anaphor[2] === undefined ? 'entity' : 'project', name: anaphor[0] };
  return { kind: 'area' };
}

/** A body or a project the sentence refers back to: 「该公司」「该企业」, 「该项目」「该基地」. */
const ANAPHOR = /该(?:(公司|企业|集团|厂)|(项目|工程|基地|产业园|园区|小镇))/;

/** How far after its number a project's name may follow: 「总投资120亿元的澜光储能电池基地项目」. */
const PROJECT_AFTER_WINDOW = 30;

/**
 * The project whose investment the number is, named after it: 「总投资120亿元的XX基地项目」,
 * 「投资52亿元的XX产业园一期」. Only an investment figure introduces its project this way.
 */
function projectAfter(
  folded: string,
  at: number,
  window: string,
  offset: number,
): { at: number; name: string } | undefined {
  if (!/(总投资|计划投资|投资)(约|达|超)?$/.test(window.replace(/[\d.,，]+$/, ''))) return undefined;
  const after = folded.slice(at, at + PROJECT_AFTER_WINDOW);
  const m =
    /^[\d.,]+(?:亿|万)?元(?:以上|左右)?的([^，,。；;、]{2,24}?(?:项目|工程|基地|产业园|园区|小镇|一期|二期))/.exec(
      after,
    );
  if (!m?.[1] || PLURAL_PROJECTS.test(m[1]) || /[0-9零〇一二两三四五六七八九十]+(个|项|批)/.test(m[1]))
    return undefined;
  // where the name stands, as the window's positions count (folded text keeps every position)
  return { at: at + m[0].length - m[1].length - offset, name: m[1] };
}

/** Characters a name is written in: it starts after the nearest other one. */
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9（）()·“”"]/u;
const MAX_NAME_CHARS = 24;

/** The name that ends at `end` in the window: back over name characters, at most a name's length. */
function nameEndingAt(window: string, end: number, min: number): { at: number; name: string } | undefined {
  let at = end;
  while (at > 0 && end - at < MAX_NAME_CHARS && NAME_CHAR.test(window[at - 1] ?? '')) at--;
  const name = trimName(window.slice(at, end));
  return name.length >= min ? { at: end - name.length, name } : undefined;
}

/** The last enterprise named in the window whose figure this is (nothing like 「等」 between). */
function entityIn(window: string): { at: number; name: string } | undefined {
  let last: { at: number; name: string } | undefined;
  for (const m of window.matchAll(ENTITY_SUFFIX)) {
    const named = nameEndingAt(window, (m.index ?? 0) + m[0].length, m[0].length + 2);
    // 「新建改扩建学校」, 「规上工业企业」: a kind of body, not one named body
    if (named && !GENERIC_BODY.test(named.name)) last = named;
  }
  if (!last) return undefined;
  const between = window.slice(last.at + last.name.length);
  if (NOT_OWN_FIGURE.test(between)) return undefined;
  // 「…医院新院区建成投用，每千人口执业医师数提高到3.4人」: a later clause about the whole area
  if (/[，,](每|人均|全市|全区|全县|全省|全镇|城乡|城镇|农村|居民|群众)/.test(between)) return undefined;
  // 「为188户企业」: a count of enterprises is the area's, whatever named one stood before
  if (/^[、和与及]/.test(between)) return undefined;
  return last;
}

/** Words that make a body's name a kind of body: what is built, counted or grouped. */
const GENERIC_BODY =
  /(新建|改扩建|改建|扩建|建成|建设|改造|新增|各类|各级|全市|全区|全县|公办|民办|乡镇|中小|重点|规上|规模以上|骨干|龙头|国有|民营|外资|上市|一批|等|所有|各)/;

/** A name starts after the verb or preposition before it: 「支持长春研奥电气有限公司」 → the company. */
function trimName(name: string): string {
  const m =
    /^(.*?(支持|帮助|指导|推动|推进|服务|走访|调研|组织|协调|引导|鼓励|其中|全区|全市|以及|和|与|及|由|在|对|为|向|是|被|把|让|使|从|据|经|、|，))/.exec(
      name,
    );
  const rest = m ? name.slice(m[0].length) : name;
  return rest.length >= 4 ? rest : name;
}

/** The single project named before the number, if it is one project and not a kind of project. */
function projectIn(window: string): { at: number; name: string } | undefined {
  let found: { at: number; name: string } | undefined;
  for (const m of window.matchAll(/项目|工程/g)) {
    const at = m.index ?? 0;
    const end = at + 2;
    if (window.startsWith('该项目', at - 1)) {
      found = { at: at - 1, name: '该项目' };
      continue;
    }
    // 「XX项目总投资」, or a list item naming one: 「XX提升工程：完成投资1.2亿元」
    if (!PROJECT_FIGURE.test(window.slice(end, end + 6).replace(/^[：:]/, ''))) continue;
    const named = nameEndingAt(window, end, 5);
    if (
      !named ||
      PLURAL_PROJECTS.test(named.name) ||
      /[0-9零〇一二两三四五六七八九十百千]+(个|项|批)/.test(named.name)
    )
      continue;
    found = named;
  }
  return found;
}
