import type { RawBlock, Report, SourceRef, Unreadable } from '../model/report';

/**
 * What an import could not read, as sentences that name the place: for the command line's
 * warnings and the desk's import notice. The report lists the same things as `unreadable` repairs.
 */

/** At most this many places are named one by one; the rest are counted. */
const MAX_NAMED = 20;

export interface UnreadableNote {
  zh: string;
  en: string;
}

function placeOf(src: SourceRef | undefined): UnreadableNote {
  if (src?.line !== undefined) return { zh: `第 ${src.line} 行`, en: `line ${src.line}` };
  if (src?.page !== undefined) return { zh: `第 ${src.page} 页`, en: `page ${src.page}` };
  if (src?.paragraph !== undefined)
    return { zh: `第 ${src.paragraph + 1} 段`, en: `paragraph ${src.paragraph + 1}` };
  return { zh: '一处', en: 'one place' };
}

function sentence(u: Unreadable, at: UnreadableNote): UnreadableNote {
  const n = u.count ?? 0;
  switch (u.how) {
    case 'replaced':
      return {
        zh: `${at.zh}有 ${n} 个字节无法识别，已用 � 标出：${u.after}`,
        en: `${at.en}: ${n} byte${n === 1 ? '' : 's'} could not be decoded and ${n === 1 ? 'is' : 'are'} marked �: ${u.after}`,
      };
    case 'gbk':
      return {
        zh: `${at.zh}是 GBK 编码（文件其余部分是 UTF-8），已按 GBK 读出：${u.after}`,
        en: `${at.en} is in GBK (the rest of the file is UTF-8) and was read as GBK: ${u.after}`,
      };
    case 'nul':
      return {
        zh: `${at.zh}的字符之间夹有 ${n} 个空字符（NUL），已去掉`,
        en: `${at.en} had ${n} NUL byte${n === 1 ? '' : 's'} between its characters; they were dropped`,
      };
    case 'linked':
      return {
        zh: `${at.zh}的图片链接到文件之外（${u.before.replace(/^链接的图片\s*/, '')}），没有保存在文件里，已跳过`,
        en: `${at.en}: the picture links to a file outside the document (${u.before.replace(/^链接的图片\s*/, '')}) and was skipped`,
      };
    case 'missing':
      return {
        zh: `${at.zh}的图片数据缺失，已跳过`,
        en: `${at.en}: the picture's data is missing from the file and was skipped`,
      };
  }
}

/** One sentence per place the import could not read, in source order; past MAX_NAMED, a count. */
export function unreadableNotes(report: Pick<Report, 'raw'>): UnreadableNote[] {
  const notes: UnreadableNote[] = [];
  let more = 0;
  const blocks: readonly RawBlock[] = report.raw;
  for (const b of blocks) {
    if (b.type === 'table' || !b.unreadable) continue;
    for (const u of b.unreadable) {
      if (notes.length < MAX_NAMED) notes.push(sentence(u, placeOf(b.src)));
      else more++;
    }
  }
  if (more > 0)
    notes.push({
      zh: `另有 ${more} 处无法读取，见修复列表`,
      en: `${more} more such places; see the repairs`,
    });
  return notes;
}
