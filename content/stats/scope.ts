import type { StatScope } from '../model/report';
import type { Quoting } from './context';
import { ENTITY_NAME, NOT_OWN_FIGURE, PLURAL_PROJECTS, PROJECT_NAME } from './lexicon';

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
  const offset = from + cut + 1;
  const entity = entityIn(window);
  const project = entity ? undefined : projectIn(window);
  const named = entity ?? project;
  const name = named ? text.slice(offset + named.at, offset + named.at + named.name.length) : undefined;
  if (caption) return name ? { kind: 'caption', name } : { kind: 'caption' };
  if (entity && name) return { kind: 'entity', name };
  if (quoting === 'speech') return { kind: 'entity' };
  if (project && name) return { kind: 'project', name };
  return { kind: 'area' };
}

/** The last enterprise named in the window whose figure this is (nothing like 「等」 between). */
function entityIn(window: string): { at: number; name: string } | undefined {
  let last: { at: number; name: string } | undefined;
  for (const m of window.matchAll(ENTITY_NAME)) {
    const name = trimName(m[0]);
    last = { at: (m.index ?? 0) + (m[0].length - name.length), name };
  }
  if (!last) return undefined;
  const between = window.slice(last.at + last.name.length);
  if (NOT_OWN_FIGURE.test(between)) return undefined;
  // 「为188户企业」: a count of enterprises is the area's, whatever named one stood before
  if (/^[、和与及]/.test(between)) return undefined;
  return last;
}

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
  const m = PROJECT_NAME.exec(window);
  if (!m) return undefined;
  const name = m[0];
  if (/^(项目建成后|项目达产后|项目投产后)$/.test(name)) return undefined;
  if (name === '该项目') return { at: m.index ?? 0, name };
  if (PLURAL_PROJECTS.test(name) || /[0-9零〇一二两三四五六七八九十百千]+(个|项|批)/.test(name))
    return undefined;
  const trimmed = trimName(name);
  return { at: (m.index ?? 0) + (name.length - trimmed.length), name: trimmed };
}
