import { useTranslation } from 'react-i18next';
import { exportAs } from '../actions';
import { setLanguage } from '../i18n';
import { useStore } from '../store/store';

export function Toolbar() {
  const { t, i18n } = useTranslation();
  const busy = useStore((s) => s.busy);
  const hasReport = useStore((s) => s.report !== null);
  return (
    <header className="toolbar">
      <h1>{t('app.name')}</h1>
      <div className="toolbar-actions">
        <button type="button" disabled={!hasReport || busy !== null} onClick={() => void exportAs('docx')}>
          {t('toolbar.exportWord')}
        </button>
        <button type="button" disabled={!hasReport || busy !== null} onClick={() => void exportAs('html')}>
          {t('toolbar.exportDeck')}
        </button>
        <button
          type="button"
          className="lang"
          aria-label={t('toolbar.languageLabel')}
          onClick={() => setLanguage(i18n.language === 'zh' ? 'en' : 'zh')}
        >
          {t('toolbar.language')}
        </button>
      </div>
      {busy && (
        <div className="progress" role="progressbar" aria-label={t('export.working')}>
          <div className="progress-bar" />
        </div>
      )}
    </header>
  );
}
