import { checkOfficeTemplateSize, officeTemplateRecord, readLogo } from '../../content/briefing/assets';
import type { Res, UserTemplateProblem } from '../../main/contract';
import { getClient } from '../bridge/client';
import { useStore } from '../store/store';
import type { Notice } from '../store/ui-slice';
import { errorNotice, notify, notifyError } from './notices';

/**
 * The user's own templates, the office's Word template and the organisation's logo: what comes
 * into the page from outside it, each checked before it reaches the document or the preview.
 */

const state = useStore.getState;

/** One notice listing every template file that was refused, each with its file and field. */
export function templateProblemsNotice(problems: readonly UserTemplateProblem[]): Notice {
  return {
    kind: 'error',
    zh: `有 ${problems.length} 个模板文件无法使用，已跳过，其余模板照常可用。修改后在「模板」菜单中选「重新读取模板文件夹」：`,
    en: `${problems.length} template file${problems.length === 1 ? '' : 's'} could not be used and ${problems.length === 1 ? 'was' : 'were'} skipped; the other templates work as usual. Fix, then choose Reload templates folder in the Template menu:`,
    details: problems.map((p) => ({ zh: p.messageZh, en: p.messageEn })),
  };
}

/**
 * Take in the user's templates main sends (read afresh from the folder when `reload`), and say
 * once which files were refused and why. Returns how many were taken when all were, else null
 * (a file refused, already said, or main failed).
 */
async function takeUserTemplates(reload: boolean): Promise<number | null> {
  let reply;
  try {
    reply = await getClient().call('templates:user', { reload });
  } catch (err) {
    notifyError(err);
    return null;
  }
  // most offices have none: the template schema loads only to check the ones there are
  const { templates, problems } = reply.templates.length
    ? (await import('../user-templates')).acceptUserTemplates(reply.templates)
    : { templates: [], problems: [] };
  state().setUserTemplates(templates, reply.dir);
  const all = [...reply.problems, ...problems];
  if (all.length > 0) notify(templateProblemsNotice(all));
  return all.length > 0 ? null : templates.length;
}

/** At start: take in the user's templates and say once which files were refused and why. */
export async function loadUserTemplates(): Promise<void> {
  await takeUserTemplates(false);
}

/**
 * 重新读取模板文件夹: templates added, fixed or removed since the start appear in the menu and
 * the preview without restarting. A briefing set in a template that is gone previews in the
 * default one and says so, as a project from another machine does.
 */
export async function reloadUserTemplates(): Promise<void> {
  const taken = await takeUserTemplates(true);
  try {
    state().setTemplates(await getClient().call('templates:list', {}));
  } catch (err) {
    notifyError(err);
    return;
  }
  if (taken === null) return;
  notify({
    kind: 'success',
    zh: `已重新读取模板文件夹：${taken} 个自定义模板。`,
    en: `Templates folder read again: ${taken} custom template${taken === 1 ? '' : 's'}.`,
  });
}

/**
 * 使用本单位模板: main checks the file is a Word document with {{body}} (the export's own check),
 * then the briefing takes it, bytes and all, so it is saved in the project.
 */
export async function pickOfficeTemplate(file: File): Promise<boolean> {
  let checked: Res<'templates:check-office'>;
  try {
    checkOfficeTemplateSize(file.name, file.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    checked = await getClient().call('templates:check-office', { name: file.name, bytes });
    state().setOfficeTemplate(officeTemplateRecord(file.name, bytes));
  } catch (err) {
    notifyError(err);
    return false;
  }
  notify({
    kind: 'success',
    zh: `已使用本单位模板「${file.name}」。导出 Word 时按下列占位符填写：`,
    en: `Using the office template “${file.name}”. Exported Word briefs fill its placeholders as listed:`,
    details: placeholderLines(checked),
  });
  return true;
}

/** One line per placeholder: what each one the template has is filled with, what it lacks, what stays as written. */
export function placeholderLines(checked: Res<'templates:check-office'>): Array<{ zh: string; en: string }> {
  return [
    ...checked.used.map((p) => ({
      zh: `{{${p.key}}}：填入${p.zh}`,
      en: `{{${p.key}}}: filled with ${p.en}`,
    })),
    ...checked.unknown.map((key) => ({
      zh: `{{${key}}}：简报工坊不填写它，导出时原样保留`,
      en: `{{${key}}}: not one the app fills; it stays in the file as written`,
    })),
    ...checked.absent.map((p) => ({
      zh: `（模板中没有 {{${p.key}}}，${p.zh}不会出现在导出的文件里）`,
      en: `(no {{${p.key}}} in the template: ${p.en} will not appear in the file)`,
    })),
  ];
}

/** 单位标志: a PNG or JPEG of at most 2 MB; returns what is wrong with the file, or null when taken. */
export async function pickLogo(file: File): Promise<Notice | null> {
  try {
    state().setLogo(readLogo(file.name, new Uint8Array(await file.arrayBuffer())));
    return null;
  } catch (err) {
    return errorNotice(err);
  }
}

/** 打开模板文件夹: the file manager in the desktop app; in a browser, the path to open by hand. */
export async function openTemplatesFolder(): Promise<void> {
  try {
    const { opened, path } = await getClient().call('templates:open-folder', {});
    if (!opened)
      notify({
        kind: 'info',
        zh: `模板文件夹：${path}　浏览器模式无法直接打开文件夹，请在文件管理器中打开这个位置，放入模板后在「模板」菜单中选「重新读取模板文件夹」。`,
        en: `Templates folder: ${path}  Browser mode cannot open folders; open this location in your file manager, add templates, then choose Reload templates folder in the Template menu.`,
      });
  } catch (err) {
    notifyError(err);
  }
}
