import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore as useZustand } from 'zustand';
import type { ExportFormat, RecentEntry } from '../../main/contract';
import { OUTPUTS } from '../../content/model/values';
import { getClient } from '../bridge/client';
import { shortcutLabel } from '../commands';
import {
  loadSample,
  newProject,
  openFiles,
  openProject,
  openProjectFile,
  openRecent,
  pickers,
  saveProject,
} from '../actions/document';
import { openTemplatesFolder, pickOfficeTemplate, reloadUserTemplates } from '../actions/templates';
import { setLanguage } from '../i18n';
import { exportChecked, openProof } from '../proof';
import { history, redo, undo, useStore } from '../store/store';
import { isDirty } from '../store/project-slice';
import { MenuButton } from './MenuButton';

// drawn with the slide and brief renderers, which load when the template menu first opens
const TemplateThumb = lazy(() => import('./TemplateThumb').then((m) => ({ default: m.TemplateThumb })));

function FileMenu() {
  const { t } = useTranslation();
  const open = useStore((s) => s.menu === 'file');
  const openDialog = useStore((s) => s.openDialog);
  const hasReport = useStore((s) => s.report !== null);
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    getClient()
      .call('recent:list', {})
      .then((list) => live && setRecent(list))
      .catch(() => live && setRecent([]));
    return () => {
      live = false;
    };
  }, [open]);
  const run = (fn: () => unknown) => () => {
    useStore.getState().openMenu(null);
    void fn();
  };
  return (
    <MenuButton name="file" label={t('toolbar.file')}>
      <button type="button" role="menuitem" onClick={run(newProject)}>
        {t('file.new')}
        <kbd>{shortcutLabel('new')}</kbd>
      </button>
      <button type="button" role="menuitem" data-menu-item="open" onClick={run(openProject)}>
        {t('file.open')}
        <kbd>{shortcutLabel('open')}</kbd>
      </button>
      <div className="menu-group" role="presentation">
        {t('file.recent')}
      </div>
      {recent.length === 0 ? (
        <div className="menu-note" role="presentation">
          {t('file.noRecent')}
        </div>
      ) : (
        recent.map((r) => (
          <button
            key={r.path}
            type="button"
            role="menuitem"
            title={r.path}
            onClick={run(() => openRecent(r.path))}
          >
            {r.name}
          </button>
        ))
      )}
      <hr />
      <button type="button" role="menuitem" disabled={!hasReport} onClick={run(() => saveProject(false))}>
        {t('file.save')}
        <kbd>{shortcutLabel('save')}</kbd>
      </button>
      <button type="button" role="menuitem" disabled={!hasReport} onClick={run(() => saveProject(true))}>
        {t('file.saveAs')}
        <kbd>{shortcutLabel('save-as')}</kbd>
      </button>
      <hr />
      <button type="button" role="menuitem" onClick={run(() => pickers.report?.())}>
        {t('file.openReport')}
      </button>
      <button type="button" role="menuitem" onClick={run(() => openDialog('paste'))}>
        {t('file.paste')}
      </button>
      <button type="button" role="menuitem" onClick={run(loadSample)}>
        {t('file.sample')}
      </button>
      <hr />
      <button type="button" role="menuitem" onClick={run(() => openDialog('about'))}>
        {t('file.about')}
      </button>
    </MenuButton>
  );
}

function TemplateMenu() {
  const { t, i18n } = useTranslation();
  const output = useStore((s) => s.briefing.output);
  const current = useStore((s) => (output === 'deck' ? s.briefing.deckTemplate : s.briefing.briefTemplate));
  // the office's own .docx stands in for the brief format while it is chosen
  const office = useStore((s) => (output === 'brief' ? s.briefing.officeTemplate : undefined));
  const templates = useStore((s) => s.templates);
  const setTemplate = useStore((s) => s.setTemplate);
  const list = templates.filter((x) => x.kind === output);
  const name = (x: { name: { zh: string; en: string } }): string =>
    i18n.language === 'en' ? x.name.en : x.name.zh;
  const chosen = list.find((x) => x.id === current);
  const close = (): void => useStore.getState().openMenu(null);
  return (
    <MenuButton
      name="template"
      className="template-menu"
      label={t('toolbar.template', {
        name: office ? t('template.officeName', { name: office.name }) : chosen ? name(chosen) : current,
      })}
      title={t('toolbar.templateLabel')}
    >
      <div className="menu-group" role="presentation">
        {t(output === 'deck' ? 'template.deck' : 'template.brief')}
      </div>
      <div className="template-grid">
        {list.map((x) => (
          <button
            key={x.id}
            type="button"
            role="menuitemradio"
            aria-checked={!office && x.id === current}
            className="template-option"
            onClick={() => {
              setTemplate(output, x.id);
              close();
            }}
          >
            <Suspense fallback={<span className="template-thumb" aria-hidden="true" />}>
              <TemplateThumb kind={output} id={x.id} title={name(x)} />
            </Suspense>
            <span>
              {name(x)}
              {!x.builtin && <small> · {t('template.user')}</small>}
            </span>
          </button>
        ))}
      </div>
      {output === 'brief' && (
        <>
          <div className="menu-group" role="presentation">
            {t('template.officeGroup')}
          </div>
          {office && (
            <button
              type="button"
              role="menuitemradio"
              aria-checked="true"
              className="office-option"
              onClick={close}
            >
              {t('template.officeName', { name: office.name })}
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            title={t('template.officeHint', { placeholder: '{{body}}' })}
            onClick={() => {
              close();
              pickers.officeTemplate?.();
            }}
          >
            {t('template.office')}
          </button>
        </>
      )}
      <hr />
      <button
        type="button"
        role="menuitem"
        title={t('template.folderHint')}
        onClick={() => {
          close();
          void openTemplatesFolder();
        }}
      >
        {t('template.folder')}
      </button>
      <button
        type="button"
        role="menuitem"
        title={t('template.reloadHint')}
        onClick={() => {
          close();
          void reloadUserTemplates();
        }}
      >
        {t('template.reload')}
      </button>
    </MenuButton>
  );
}

const DECK_FORMATS: readonly ExportFormat[] = ['pptx', 'pdf', 'html'];

function ExportMenu() {
  const { t } = useTranslation();
  const hasReport = useStore((s) => s.report !== null);
  const busy = useStore((s) => s.busy !== null);
  const item = (format: ExportFormat) => (
    <button
      key={format}
      type="button"
      role="menuitem"
      disabled={!hasReport || busy}
      onClick={() => void exportChecked(format)}
    >
      {t(`export.${format}`)}
    </button>
  );
  return (
    <MenuButton
      name="export"
      label={t('toolbar.export')}
      title={t('toolbar.exportHint')}
      className="export-menu"
    >
      <div className="menu-group" role="presentation">
        {t('export.deckGroup')}
      </div>
      {DECK_FORMATS.map(item)}
      <div className="menu-group" role="presentation">
        {t('export.briefGroup')}
      </div>
      {item('docx')}
    </MenuButton>
  );
}

/** Hidden file choosers: 打开报告, in browser mode 打开项目, and the office's Word template. */
function FilePickers() {
  const report = useRef<HTMLInputElement>(null);
  const project = useRef<HTMLInputElement>(null);
  const office = useRef<HTMLInputElement>(null);
  useEffect(() => {
    pickers.report = () => report.current?.click();
    pickers.project = () => project.current?.click();
    pickers.officeTemplate = () => office.current?.click();
    return () => {
      pickers.report = undefined;
      pickers.project = undefined;
      pickers.officeTemplate = undefined;
    };
  }, []);
  const onPick =
    (open: (file: File) => Promise<void>) =>
    (e: React.ChangeEvent<HTMLInputElement>): void => {
      const file = e.target.files?.[0];
      // let the same file be chosen again later
      e.target.value = '';
      if (file) void open(file);
    };
  return (
    <>
      <input
        ref={report}
        type="file"
        hidden
        data-picker="report"
        accept=".txt,.text,.md,.markdown,.docx,.pdf,.briefing,.png,.jpg,.jpeg,.gif,.webp"
        multiple
        onChange={(e) => {
          // a Markdown report may be chosen together with its pictures
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void openFiles(files);
        }}
      />
      <input
        ref={project}
        type="file"
        hidden
        data-picker="project"
        accept=".briefing"
        onChange={onPick(openProjectFile)}
      />
      <input
        ref={office}
        type="file"
        hidden
        data-picker="office-template"
        accept=".docx"
        onChange={onPick(async (file) => {
          await pickOfficeTemplate(file);
        })}
      />
    </>
  );
}

export function Toolbar() {
  const { t, i18n } = useTranslation();
  const hasReport = useStore((s) => s.report !== null);
  const output = useStore((s) => s.briefing.output);
  const setOutput = useStore((s) => s.setOutput);
  const draft = useStore((s) => s.draft);
  const listLength = useStore((s) => s.briefing.items.length);
  const openDialog = useStore((s) => s.openDialog);
  const dirty = useStore(isDirty);
  const name = useStore((s) => s.projectName);
  const proofOpen = useStore((s) => s.proofOpen);
  const canUndo = useZustand(history, (h) => h.pastStates.length > 0);
  const canRedo = useZustand(history, (h) => h.futureStates.length > 0);
  return (
    <header className="toolbar">
      <div className="brand">
        <h1>{t('app.name')}</h1>
        {hasReport && (
          <span className="project-name" title={name}>
            {name || t('app.untitled')}
          </span>
        )}
        {hasReport && dirty && <span className="dirty">{t('app.unsaved')}</span>}
      </div>
      <FilePickers />
      <div className="toolbar-group">
        <FileMenu />
        <button type="button" onClick={() => pickers.report?.()}>
          {t('toolbar.openReport')}
        </button>
        <button type="button" onClick={() => openDialog('paste')}>
          {t('toolbar.paste')}
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className="icon-button"
          disabled={!canUndo}
          aria-label={t('toolbar.undo')}
          title={t('toolbar.undoHint')}
          onClick={undo}
        >
          <span aria-hidden="true">↶</span>
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={!canRedo}
          aria-label={t('toolbar.redo')}
          title={t('toolbar.redoHint')}
          onClick={redo}
        >
          <span aria-hidden="true">↷</span>
        </button>
      </div>
      <div className="toolbar-group" role="radiogroup" aria-label={t('toolbar.output')}>
        {OUTPUTS.map((o) => (
          <button
            key={o}
            type="button"
            role="radio"
            aria-checked={output === o}
            className={`segment ${output === o ? 'on' : ''}`}
            onClick={() => setOutput(o)}
          >
            {t(`output.${o}`)}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <TemplateMenu />
        <button type="button" onClick={() => openDialog('fields')}>
          {t('toolbar.fields')}
        </button>
        <button
          type="button"
          disabled={!hasReport}
          title={t('toolbar.draftHint', { output: t(`output.${output}`) })}
          // a list staff have made is replaced only when they say so (and it can be undone)
          onClick={() => (listLength > 0 ? openDialog('redraft') : draft(output))}
        >
          {t('toolbar.draft')}
        </button>
      </div>
      <div className="toolbar-group toolbar-end">
        <button
          type="button"
          disabled={!hasReport}
          aria-pressed={proofOpen}
          title={t('proof.buttonHint')}
          onClick={() => void openProof()}
        >
          {t('proof.button')}
        </button>
        <ExportMenu />
        <button
          type="button"
          className="lang"
          aria-label={t('toolbar.languageLabel')}
          onClick={() => setLanguage(i18n.language === 'zh' ? 'en' : 'zh')}
        >
          {t('toolbar.language')}
        </button>
      </div>
    </header>
  );
}
