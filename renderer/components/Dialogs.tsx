import { useTranslation } from 'react-i18next';
import { answerUnsaved, discardRecovery, importText, recover } from '../actions/document';
import { FIELD_ORDER } from '../fields';
import { useStore } from '../store/store';
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

export function FieldsDialog() {
  const { t } = useTranslation();
  const fields = useStore((s) => s.briefing.fields);
  const reportTitle = useStore((s) => s.report?.title ?? '');
  const setField = useStore((s) => s.setField);
  const close = useStore((s) => s.openDialog);
  return (
    <Modal title={t('fields.heading')} onCancel={() => close(null)} className="modal-wide">
      <p className="muted">{t('fields.intro')}</p>
      <div className="fields-grid">
        {FIELD_ORDER.map((name) => (
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
      <div className="modal-actions">
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
    case 'about':
      return <AboutDialog />;
  }
}
