import type { ExportFormat, OpenedProject, Req } from '../../main/contract';
import type { DeskState } from '../../content/project';
import type { Briefing } from '../../content/model/briefing';
import { emptyBriefing } from '../../content/model/values';
import type { BlockRole, Report } from '../../content/model/report';
import { IMPORT_LIMITS, overLimit } from '../../content/import/limits';
import { unreadableNotes } from '../../content/import/unreadable';
import { projectNameFromFile } from '../../content/project-name';
import { withStatEdit } from '../../content/stats/decisions';
import { BridgeError, getClient, saveBlob } from '../bridge/client';
import { askStartup, earlyStartup, type StartupCalls } from '../bridge/startup';
import { isDirty } from '../store/project-slice';
import { clearHistory, loadDocument, useStore } from '../store/store';
import type { BusyTask, UnsavedChoice } from '../store/ui-slice';
import { Autosaver } from './autosave';
import { notify, notifyError } from './notices';
import { loadUserTemplates } from './templates';

const state = useStore.getState;

/** Run a call with the busy flag up (the progress bar shows when it takes longer than 300 ms). */
async function withBusy<T>(task: BusyTask, fn: () => Promise<T>): Promise<T | undefined> {
  state().setBusy(task);
  try {
    return await fn();
  } catch (err) {
    // staff stopped it themselves: say so quietly, not as an error
    if (err instanceof BridgeError && err.code === 'canceled')
      notify(
        task === 'export'
          ? {
              kind: 'info',
              zh: '已取消导出，没有写入任何文件。',
              en: 'Export canceled; no file was written.',
            }
          : { kind: 'info', zh: '已取消导入。', en: 'Import canceled.' },
      );
    else notifyError(err);
    return undefined;
  } finally {
    state().setBusy(null);
  }
}

/** How often the page asks main how far a task has got. */
export const TASK_POLL_MS = 200;

function newTaskId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Run a call main can report progress on: it gets a task id, and while it runs the page polls
 * `task:progress` for the progress bar, which can cancel it (cancelTask).
 */
async function withTask<T>(
  call: (taskId: string) => Promise<T>,
  about: { format?: ExportFormat } = {},
): Promise<T> {
  const id = newTaskId();
  state().setTask({ id, fraction: 0, ...about });
  let live = true;
  void (async () => {
    while (live) {
      await new Promise((r) => setTimeout(r, TASK_POLL_MS));
      if (!live) return;
      try {
        const progress = await getClient().call('task:progress', { taskId: id });
        if (live && progress.running && state().task?.id === id)
          state().setTask({
            id,
            ...about,
            fraction: progress.fraction,
            ...(progress.stage ? { stage: progress.stage } : {}),
            ...(progress.pages !== undefined ? { pages: progress.pages } : {}),
          });
      } catch {
        // a missed poll is no matter: the next one asks again
      }
    }
  })();
  try {
    return await call(id);
  } finally {
    live = false;
    if (state().task?.id === id) state().setTask(null);
  }
}

/** 取消 on the progress bar: main stops the task, and its call fails quietly as canceled. */
export async function cancelTask(): Promise<void> {
  const task = state().task;
  if (!task) return;
  await getClient()
    .call('task:cancel', { taskId: task.id })
    .catch(() => undefined);
}

// ---- autosave ----

const deskState = (): { selectedItemId: string | null; slide: number } => ({
  selectedItemId: state().selectedItemId,
  slide: state().currentSlide,
});

function projectContent(): Req<'project:save'>['content'] | null {
  const s = state();
  if (!s.report) return null;
  return { name: s.projectName || s.report.title, report: s.report, briefing: s.briefing, desk: deskState() };
}

/**
 * The recovery-file writer. A document's identity is its report and briefing objects: every
 * change makes new ones, so nothing needs to watch the store to tell that it changed.
 */
export const autosaver = new Autosaver<readonly [Report | null, Briefing]>({
  isDirty: () => isDirty(state()),
  version: () => [state().report, state().briefing],
  same: (a, b) => a[0] === b[0] && a[1] === b[1],
  write: async () => {
    const content = projectContent();
    if (content) await getClient().call('recovery:write', { content, path: state().projectPath });
  },
  // a failed autosave must not interrupt typing; the next tick tries again
  onError: () => undefined,
});

// ---- start ----

let starting: Promise<void> | null = null;

/** startup() once per page, with the answers main.tsx asked for before the app's script loaded. */
export function startupOnce(): Promise<void> {
  starting ??= startup(earlyStartup());
  return starting;
}

/** Open the desk: the sample report at once, then offer any work left in the recovery file. */
export async function startup(calls: StartupCalls = askStartup()): Promise<void> {
  // the user's templates come in beside the rest; a refused file is a notice, never a stop
  const userTemplates = loadUserTemplates();
  const [info, sample, recovery, templates] = await Promise.allSettled([
    calls.info,
    calls.sample,
    calls.recovery,
    calls.templates,
  ]);
  // a page without its access token can do nothing: say only that, and how to open it rightly
  const refused = [info, sample, recovery, templates].find(
    (r) => r.status === 'rejected' && r.reason instanceof BridgeError && r.reason.code === 'unauthorized',
  );
  if (refused?.status === 'rejected') {
    const err = refused.reason as BridgeError;
    state().setBlocked({ kind: 'error', zh: err.messageZh, en: err.messageEn });
    return;
  }
  if (info.status === 'fulfilled') state().setHostInfo(info.value);
  if (templates.status === 'fulfilled') state().setTemplates(templates.value);
  if (sample.status === 'fulfilled') {
    // the sample is nothing to save until staff change it
    if (!state().report)
      showDocument({
        report: sample.value,
        briefing: emptyBriefing(),
        name: sample.value.title,
        saved: true,
      });
  } else notifyError(sample.reason);
  // the app was started by double-clicking a project: that project, not the sample
  if (state().host === 'electron') await openLaunched();
  if (recovery.status === 'fulfilled' && recovery.value.found) {
    state().setRecoveryOffer(recovery.value);
    state().openDialog('recovery');
  }
  await userTemplates;
  autosaver.start();
}

// ---- unsaved changes ----

export type { UnsavedChoice } from '../store/ui-slice';

/** The unsaved-changes dialog's buttons call this. */
export function answerUnsaved(choice: UnsavedChoice): void {
  state().answerUnsaved(choice);
}

/** Before the document is replaced: true when it may go (saved, discarded, or nothing to lose). */
export async function confirmUnsaved(): Promise<boolean> {
  if (!isDirty(state())) return true;
  const choice = await state().askUnsaved();
  if (choice === 'save') return saveProject(false);
  return choice === 'discard';
}

// ---- replacing the document ----

/** A briefing for a new report: the same output, templates and logo, nothing picked yet. */
function freshBriefing(current: Briefing): Briefing {
  return {
    ...emptyBriefing(),
    output: current.output,
    deckTemplate: current.deckTemplate,
    briefTemplate: current.briefTemplate,
    // 简报信息 (unit, date, issue number …) belong to the office too: 清空 in the dialog resets them
    fields: current.fields,
    // the office's template and logo belong to the office, not to one report
    ...(current.officeTemplate ? { officeTemplate: current.officeTemplate } : {}),
    ...(current.logo ? { logo: current.logo } : {}),
  };
}

function resetDesk(): void {
  const s = state();
  s.selectItem(null);
  s.selectRow(null);
  s.setCurrentSlide(0);
  s.markDocumentShown();
  s.setOutlineQuery('');
  s.setOutlineFilter('all');
  useStore.setState({ expanded: {} });
}

/** A document the desk is about to show, and what it is to the project. */
interface Opening {
  report: Report | null;
  briefing: Briefing;
  name: string;
  /** the project file it is in; none for a report, the sample or recovered work */
  path?: string | null;
  /** as it is in its file (opened, or nothing to save yet), or work not saved anywhere (imported, recovered) */
  saved: boolean;
  /** the selection and slide the project was saved with */
  desk?: DeskState;
  /** one undo step (an import: staff can go back to the report before); else a fresh history */
  undoable?: boolean;
}

/** Show a document: the one way the desk's document is replaced (start, open, import, recover, new). */
function showDocument(o: Opening): void {
  if (o.undoable) state().setDocument(o.report, o.briefing);
  else loadDocument(o.report, o.briefing);
  const s = state();
  s.setProject({ name: o.name, path: o.path ?? null });
  if (o.saved) s.markSaved();
  else s.markUnsaved();
  resetDesk();
  if (o.desk) {
    s.selectItem(o.desk.selectedItemId);
    s.setCurrentSlide(o.desk.slide);
  }
}

/** A freshly imported report becomes the document (one undo step), as a new, unsaved project. */
export function adoptReport(report: Report): void {
  const name = report.title || report.source.name;
  showDocument({ report, briefing: freshBriefing(state().briefing), name, saved: false, undoable: true });
  // what the file did not let the importer read is said at once, place by place
  const unreadable = unreadableNotes(report);
  notify({
    kind: unreadable.length ? 'info' : 'success',
    zh: `已导入《${report.title || report.source.name}》：${report.sections.length} 个章节，${report.stats.length} 项数据${report.repairs.length ? `，${report.repairs.length} 处修复建议` : ''}。${unreadable.length ? '以下内容无法照原样读取：' : ''}`,
    en: `Imported “${report.title || report.source.name}”: ${report.sections.length} sections, ${report.stats.length} statistics${report.repairs.length ? `, ${report.repairs.length} suggested repairs` : ''}.${unreadable.length ? ' Some of it could not be read as it stood:' : ''}`,
    ...(unreadable.length ? { details: unreadable } : {}),
  });
}

function adoptProject(opened: Extract<OpenedProject, { status: 'opened' }>, fileName?: string): void {
  const { project, path } = opened;
  // the desk is named after the file staff opened, as it is after 另存为
  const file = path ?? fileName;
  const name = file ? projectNameFromFile(file) : project.name;
  showDocument({ ...project, name, path, saved: true });
  notify(
    opened.migrated.length > 0
      ? {
          kind: 'info',
          zh: `已打开「${name}」。该文件由较早版本保存，已转换为当前格式；保存后将以新格式写入。`,
          en: `Opened “${name}”. It was saved by an earlier version and has been converted; saving writes the new format.`,
        }
      : { kind: 'success', zh: `已打开「${name}」。`, en: `Opened “${name}”.` },
  );
}

const isProjectFile = (name: string): boolean => /\.briefing$/i.test(name);

const isPicture = (name: string): boolean => /\.(png|jpe?g|gif|webp)$/i.test(name);

/**
 * Files from the chooser or dropped on the window: a project opens, anything else is imported as
 * a report. Pictures chosen or dropped with a Markdown report go with it, for the pictures it
 * names (main matches them to its references; it reads no folder for a page).
 */
export async function openFiles(files: readonly File[]): Promise<void> {
  const file = files.find((f) => !isPicture(f.name)) ?? files[0];
  if (!file) return;
  if (isProjectFile(file.name)) return openProjectFile(file);
  const pictures = files.filter((f) => f !== file && isPicture(f.name));
  // a file past the import's size limit is said so here, before it is sent at all
  if (file.size > IMPORT_LIMITS.fileBytes.max) return notifyError(overLimit('fileBytes'));
  const report = await withBusy('import', async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const siblings = await Promise.all(
      pictures.map(async (f) => ({
        path: f.webkitRelativePath || f.name,
        bytes: new Uint8Array(await f.arrayBuffer()),
      })),
    );
    return withTask((taskId) =>
      getClient().call('report:import', {
        name: file.name,
        bytes,
        taskId,
        ...(siblings.length > 0 ? { siblings } : {}),
      }),
    );
  });
  if (report) adoptReport(report);
}

/** A project file the user chose (the browser's chooser for 打开项目, or a dropped .briefing). */
export async function openProjectFile(file: File): Promise<void> {
  if (!(await confirmUnsaved())) return;
  const opened = await withBusy('open', async () =>
    getClient().call('project:open', {
      source: { kind: 'bytes', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    }),
  );
  if (opened?.status === 'opened') adoptProject(opened, file.name);
}

/** Import pasted text as a report. */
export async function importText(text: string): Promise<boolean> {
  if (!text.trim()) return false;
  const report = await withBusy('import', () =>
    withTask((taskId) => getClient().call('report:paste', { text, taskId })),
  );
  if (!report) return false;
  adoptReport(report);
  return true;
}

export async function loadSample(): Promise<void> {
  const report = await withBusy('import', () => getClient().call('report:sample', {}));
  if (report) adoptReport(report);
}

/** 新建: an empty desk, asking first when there are unsaved changes. */
export async function newProject(): Promise<void> {
  if (!(await confirmUnsaved())) return;
  showDocument({ report: null, briefing: freshBriefing(state().briefing), name: '', saved: true });
  await getClient()
    .call('recovery:clear', {})
    .catch(() => undefined);
}

/** Files the page's hidden file inputs are asked to open (browser mode has no native dialog). */
export const pickers: { project?: () => void; report?: () => void; officeTemplate?: () => void } = {};

/** 打开: the desktop app's open dialog, or the browser's file chooser. */
export async function openProject(): Promise<void> {
  if (state().host !== 'electron') {
    pickers.project?.();
    return;
  }
  if (!(await confirmUnsaved())) return;
  const opened = await withBusy('open', () =>
    getClient().call('project:open', { source: { kind: 'dialog' } }),
  );
  if (opened?.status === 'opened') adoptProject(opened);
}

/**
 * Ctrl+O: a report or a project, as WPS opens any document. The browser's file chooser (for
 * reports and projects alike) in browser mode; the system's open dialog in the desktop app, after
 * which main reads the chosen file itself.
 */
export async function openAnyFile(): Promise<void> {
  if (state().host !== 'electron') {
    pickers.report?.();
    return;
  }
  const chosen = await withBusy('open', () => getClient().call('file:choose', {}));
  if (chosen?.status !== 'chosen') return;
  if (chosen.kind === 'project') {
    await openRecent(chosen.path);
    return;
  }
  const { path } = chosen;
  const report = await withBusy('import', () =>
    withTask((taskId) => getClient().call('report:import-file', { path, taskId })),
  );
  if (report) adoptReport(report);
}

/**
 * The project files the system asked the desktop app to open (a double-clicked .briefing), one
 * after another, each asking first when there are unsaved changes.
 */
export async function openLaunched(): Promise<void> {
  for (;;) {
    if (!(await confirmUnsaved())) return;
    const opened = await withBusy('open', () =>
      getClient().call('project:open', { source: { kind: 'launch' } }),
    );
    if (opened?.status !== 'opened') return;
    adoptProject(opened);
  }
}

export async function openRecent(path: string): Promise<void> {
  if (!(await confirmUnsaved())) return;
  const opened = await withBusy('open', () =>
    getClient().call('project:open', { source: { kind: 'recent', path } }),
  );
  if (opened?.status === 'opened') adoptProject(opened);
}

// ---- recovery ----

export function recover(): void {
  const offer = state().recoveryOffer;
  if (!offer) return;
  // recovered work is not in any project file yet
  showDocument({ ...offer.project, path: offer.path, saved: false });
  state().setRecoveryOffer(null);
  state().openDialog(null);
  notify({
    kind: 'info',
    zh: '已恢复上次未保存的工作。请及时保存（Ctrl+S）。',
    en: 'Your unsaved work from last time is back. Save it soon (Ctrl+S).',
  });
}

export async function discardRecovery(): Promise<void> {
  state().setRecoveryOffer(null);
  state().openDialog(null);
  await getClient()
    .call('recovery:clear', {})
    .catch(() => undefined);
}

// ---- save and export ----

let replaceAnswer: ((replace: boolean) => void) | null = null;

/** The replace dialog's buttons call this. */
export function answerReplace(replace: boolean): void {
  const done = replaceAnswer;
  replaceAnswer = null;
  state().openDialog(null);
  state().setQuestion(null);
  done?.(replace);
}

/** Ask whether to replace the project main found under the same name (its message names it). */
function askReplace(err: BridgeError): Promise<boolean> {
  state().setQuestion({ zh: err.messageZh, en: err.messageEn });
  state().openDialog('replace');
  return new Promise((resolve) => {
    replaceAnswer = resolve;
  });
}

/** 保存 (asAnother false) or 另存为 (true). Resolves true when the project is safely written. */
export async function saveProject(asAnother: boolean): Promise<boolean> {
  const content = projectContent();
  if (!content) return false;
  const s = state();
  const path = asAnother ? undefined : (s.projectPath ?? undefined);
  const saving = { report: s.report, briefing: s.briefing };
  const client = getClient();
  const save = (replace: boolean) =>
    client.call('project:save', { content, ...(path ? { path } : {}), ...(replace ? { replace } : {}) });
  // browser mode keeps projects in one folder: one of the same name is replaced only when staff say so
  let result = await withBusy('save', () =>
    save(false).catch((err: unknown) => {
      if (err instanceof BridgeError && err.code === 'project-exists') return err;
      throw err;
    }),
  );
  if (result instanceof BridgeError) {
    if (!(await askReplace(result))) {
      notify({
        kind: 'info',
        zh: '已取消保存，原有的同名项目没有改动。',
        en: 'Save canceled; the project of that name is unchanged.',
      });
      return false;
    }
    result = await withBusy('save', () => save(true));
  }
  if (!result) return false;
  const markSavedAs = (name: string, newPath: string | null): void => {
    state().setProject({ name, path: newPath });
    // what was written is what was current when saving began; later typing stays unsaved
    useStore.setState({ saved: saving });
  };
  switch (result.status) {
    case 'saved':
      markSavedAs(projectNameFromFile(result.fileName), result.path);
      notify({ kind: 'success', zh: `已保存：${result.path}`, en: `Saved: ${result.path}` });
      return true;
    case 'download':
      try {
        saveBlob(await client.download(result.downloadId), result.fileName);
      } catch (err) {
        notifyError(err);
        return false;
      }
      markSavedAs(projectNameFromFile(result.fileName), state().projectPath);
      notify({
        kind: 'success',
        zh: `项目已保存并下载：${result.fileName}`,
        en: `Project saved and downloaded: ${result.fileName}`,
      });
      return true;
    case 'canceled':
      notify({ kind: 'info', zh: '已取消保存。', en: 'Save canceled.' });
      return false;
  }
}

/** Export through main: a save dialog in the desktop app, a download in browser mode. */
export async function exportAs(format: ExportFormat): Promise<void> {
  const { report, briefing } = state();
  if (!report) return;
  state().openMenu(null);
  notify(null);
  // every export also autosaves, so a crash during a long export loses nothing
  await autosaver.flush();
  const client = getClient();
  // followed and cancelable like an import: a first PDF export starts a browser, seconds on a busy machine
  const result = await withBusy('export', () =>
    withTask((taskId) => client.call('export:save', { format, report, briefing, taskId }), { format }),
  );
  if (!result) return;
  switch (result.status) {
    case 'saved':
      notify({
        kind: 'success',
        zh: `已导出：${result.path}`,
        en: `Exported: ${result.path}`,
        path: result.path,
      });
      break;
    case 'download':
      try {
        saveBlob(await client.download(result.downloadId), result.fileName);
        notify({ kind: 'success', zh: `已下载：${result.fileName}`, en: `Downloaded: ${result.fileName}` });
      } catch (err) {
        notifyError(err);
      }
      break;
    case 'canceled':
      notify({ kind: 'info', zh: '已取消导出。', en: 'Export canceled.' });
      break;
  }
}

export async function showInFolder(path: string): Promise<void> {
  try {
    await getClient().call('shell:show-in-folder', { path });
  } catch (err) {
    notifyError(err);
  }
}

// ---- report decisions ----

async function reanalyzeWith(change: (d: Report['decisions']) => Report['decisions']): Promise<void> {
  const report = state().report;
  if (!report) return;
  const decisions = change(report.decisions);
  const next = await withBusy('reanalyze', () => getClient().call('report:reanalyze', { report, decisions }));
  // a newer report (another decision, an import) wins over this late answer
  if (next && state().report === report) state().setReport(next);
}

/**
 * Staff's word on a repair the importer suggested: true accepts it (applied, and off the list of
 * repairs to look at), false undoes it. A repair with no word yet is applied as suggested.
 */
export function setRepairApplied(repairId: string, applied: boolean): Promise<void> {
  return reanalyzeWith((d) => ({ ...d, repairs: { ...d.repairs, [repairId]: applied } }));
}

/** 全部接受: every repair not yet looked at is accepted as suggested, in one undo step. */
export function acceptRepairs(repairIds: readonly string[]): Promise<void> {
  return reanalyzeWith((d) => ({
    ...d,
    repairs: { ...d.repairs, ...Object.fromEntries(repairIds.map((id) => [id, true])) },
  }));
}

/**
 * Staff's word on a statistic: a label of their own (null: back to the automatic one), or whether
 * it may become a card (true: never; false: yes after all; null: as extraction decided). Kept in
 * the report's decisions, so it is saved with the project and undone like any change.
 */
export function setStatEdit(
  statId: string,
  patch: { label?: string | null; unfit?: boolean | null },
): Promise<void> {
  return reanalyzeWith((d) => withStatEdit(d, statId, patch));
}

/** Reclassify a raw text block (paragraph, point, heading, caption); null returns it to automatic. */
export function setBlockRole(rawId: string, role: BlockRole | null): Promise<void> {
  return reanalyzeWith((d) => {
    const roles = { ...d.roles };
    if (role) roles[rawId] = role;
    else delete roles[rawId];
    return { ...d, roles };
  });
}

export { clearHistory };
