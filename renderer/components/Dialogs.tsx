import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTPUTS } from '../../content/model/values';
import { BRIEF_FIELD_KEYS } from '../../templates/model';
import { imageDataUri } from '../../templates/render/escape';
import { answerReplace, answerUnsaved, discardRecovery, importText, recover } from '../actions/document';
import { pickLogo } from '../actions/templates';
import { useStore } from '../store/store';
import type { Notice } from '../store/ui-slice';
import { Modal } from './Modal';

export function PasteDialog() {
  const { t } = useTranslation();
  const text = useStore((s) => s.pasteText);
  const setText = useStore((s) => s.setPasteText);
  const close = useStore((s) => s.openDialog);
  const busy = useStore((s) => s.busy);
  const submit = async (): Promise<void> => {
    if (await importText(text)) {
      setText('');
      close(null);
    }
  };
  return (
    <Modal title={t('paste.heading')} onCancel={() => close(null)} className="modal-wide">
      <p className="muted">{t('paste.hint')}</p>
      <label className="field">
        <span>{t('paste.label')}</span>
        <textarea
          // the paste box is not the document: its own undo is the browser's
          data-native-undo=""
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
      </label>
      <div className="modal-actions">
        <button type="button" onClick={() => close(null)}>
          {t('paste.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!text.trim() || busy !== null}
          onClick={() => void submit()}
        >
          {t('paste.import')}
        </button>
      </div>
    </Modal>
  );
}

/** 单位标志: the organisation's own logo for decks, optional, with a preview and a remove button. */
function LogoField() {
  const { t, i18n } = useTranslation();
  const logo = useStore((s) => s.briefing.logo);
  const setLogo = useStore((s) => s.setLogo);
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Notice | null>(null);
  const src = logo ? imageDataUri(logo.mime, logo.data) : null;
  return (
    <fieldset className="logo-field">
      <legend>{t('fields.logo')}</legend>
      <p className="muted small">{t('fields.logoHint')}</p>
      <div className="logo-row">
        {logo && src ? (
          <img className="logo-preview" src={src} alt={t('fields.logoPreview', { name: logo.name })} />
        ) : (
          <span className="muted small">{t('fields.logoNone')}</span>
        )}
        <button type="button" onClick={() => input.current?.click()}>
          {t(logo ? 'fields.logoReplace' : 'fields.logoChoose')}
        </button>
        {logo && (
          <button
            type="button"
            onClick={() => {
              setLogo(undefined);
              setProblem(null);
            }}
          >
            {t('fields.logoRemove')}
          </button>
        )}
        <input
          ref={input}
          type="file"
          hidden
          data-picker="logo"
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void pickLogo(file).then(setProblem);
          }}
        />
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {i18n.language === 'en' ? problem.en : problem.zh}
        </p>
      )}
    </fieldset>
  );
}

export function FieldsDialog() {
  const { t } = useTranslation();
  const fields = useStore((s) => s.briefing.fields);
  const reportTitle = useStore((s) => s.report?.title ?? '');
  const setField = useStore((s) => s.setField);
  const clearFields = useStore((s) => s.clearFields);
  const close = useStore((s) => s.openDialog);
  const filled = BRIEF_FIELD_KEYS.some((k) => fields[k] !== '');
  return (
    <Modal title={t('fields.heading')} onCancel={() => close(null)} className="modal-wide modal-scroll">
      {/* the fields scroll between the heading and the buttons, so 完成 stays on a short screen */}
      <div className="modal-body">
        <p className="muted">{t('fields.intro')}</p>
        <div className="fields-grid">
          {BRIEF_FIELD_KEYS.map((name) => (
            <label key={name} className={`field ${name === 'note' || name === 'title' ? 'field-wide' : ''}`}>
              <span>{t(`fields.${name}`)}</span>
              {name === 'note' ? (
                <textarea rows={2} value={fields[name]} onChange={(e) => setField(name, e.target.value)} />
              ) : (
                <input
                  type="text"
                  value={fields[name]}
                  placeholder={
                    name === 'title'
                      ? t('fields.titlePlaceholder', { title: reportTitle })
                      : name === 'date'
                        ? t('fields.datePlaceholder')
                        : undefined
                  }
                  onChange={(e) => setField(name, e.target.value)}
                />
              )}
            </label>
          ))}
        </div>
        <LogoField />
      </div>
      <div className="modal-actions">
        <button
          type="button"
          className="modal-actions-start"
          disabled={!filled}
          title={t('fields.clearHint')}
          onClick={clearFields}
        >
          {t('fields.clear')}
        </button>
        <button type="button" className="primary" onClick={() => close(null)}>
          {t('fields.done')}
        </button>
      </div>
    </Modal>
  );
}

export function RecoveryDialog() {
  const { t, i18n } = useTranslation();
  const offer = useStore((s) => s.recoveryOffer);
  if (!offer) return null;
  const time = new Date(offer.savedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN');
  return (
    <Modal title={t('recovery.heading')} onCancel={() => void discardRecovery()}>
      <p>{t('recovery.body', { name: offer.project.name || offer.project.report.title, time })}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => void discardRecovery()}>
          {t('recovery.discard')}
        </button>
        <button type="button" className="primary" onClick={recover} autoFocus>
          {t('recovery.recover')}
        </button>
      </div>
    </Modal>
  );
}

export function UnsavedDialog() {
  const { t } = useTranslation();
  const name = useStore((s) => s.projectName || s.report?.title || '');
  return (
    <Modal title={t('unsaved.heading')} onCancel={() => answerUnsaved('cancel')}>
      <p>{t('unsaved.body', { name })}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => answerUnsaved('cancel')}>
          {t('unsaved.cancel')}
        </button>
        <button type="button" onClick={() => answerUnsaved('discard')}>
          {t('unsaved.discard')}
        </button>
        <button type="button" className="primary" onClick={() => answerUnsaved('save')} autoFocus>
          {t('unsaved.save')}
        </button>
      </div>
    </Modal>
  );
}

/** 另存为 in browser mode found a project of the same name: replace it, or keep both by choosing another name. */
export function ReplaceDialog() {
  const { t, i18n } = useTranslation();
  const question = useStore((s) => s.question);
  return (
    <Modal title={t('replace.heading')} onCancel={() => answerReplace(false)}>
      <p>{question ? (i18n.language === 'en' ? question.en : question.zh) : ''}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => answerReplace(false)} autoFocus>
          {t('replace.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => answerReplace(true)}>
          {t('replace.replace')}
        </button>
      </div>
    </Modal>
  );
}

/** 一键生成初稿 over a list staff have made: ask before the draft replaces it (it can be undone). */
export function RedraftDialog() {
  const { t } = useTranslation();
  const output = useStore((s) => s.briefing.output);
  const count = useStore((s) => s.briefing.items.length);
  const close = useStore((s) => s.openDialog);
  const draft = useStore((s) => s.draft);
  const other = OUTPUTS.find((o) => o !== output) ?? output;
  return (
    <Modal title={t('redraft.heading')} onCancel={() => close(null)}>
      <p>{t('redraft.body', { output: t(`output.${output}`), other: t(`output.${other}`), count })}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => close(null)} autoFocus>
          {t('redraft.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            close(null);
            draft(output);
          }}
        >
          {t('redraft.replace')}
        </button>
      </div>
    </Modal>
  );
}

export function AboutDialog() {
  const { t } = useTranslation();
  const version = useStore((s) => s.appVersion);
  const close = useStore((s) => s.openDialog);
  return (
    <Modal title={t('about.heading')} onCancel={() => close(null)}>
      <p>{t('about.body')}</p>
      <p className="muted">{t('about.version', { version })}</p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => close(null)} autoFocus>
          {t('about.close')}
        </button>
      </div>
    </Modal>
  );
}

/** The one open dialog, if any. */
export function Dialogs() {
  const dialog = useStore((s) => s.dialog);
  switch (dialog) {
    case null:
      return null;
    case 'paste':
      return <PasteDialog />;
    case 'fields':
      return <FieldsDialog />;
    case 'recovery':
      return <RecoveryDialog />;
    case 'unsaved':
      return <UnsavedDialog />;
    case 'replace':
      return <ReplaceDialog />;
    case 'redraft':
      return <RedraftDialog />;
    case 'about':
      return <AboutDialog />;
  }
}
