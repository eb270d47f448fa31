import { useTranslation } from 'react-i18next';
import { showInFolder } from '../actions/document';
import { useDelayed } from '../hooks';
import { useStore } from '../store/store';

export function NoticeBar() {
  const { t, i18n } = useTranslation();
  const notice = useStore((s) => s.notice);
  const notify = useStore((s) => s.notify);
  const host = useStore((s) => s.host);
  if (!notice) return null;
  const path = notice.path;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>
        {i18n.language === 'en' ? notice.en : notice.zh}
        {notice.details && notice.details.length > 0 && (
          <ul className="notice-details">
            {notice.details.map((d, i) => (
              <li key={i}>{i18n.language === 'en' ? d.en : d.zh}</li>
            ))}
          </ul>
        )}
      </span>
      {path && host === 'electron' && (
        <button type="button" onClick={() => void showInFolder(path)}>
          {t('export.showInFolder')}
        </button>
      )}
      <button type="button" className="close" onClick={() => notify(null)} aria-label={t('notice.close')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/** Shown for work that takes longer than 300 ms (imports, exports, saves), so quick work does not flicker. */
export function ProgressBar() {
  const { t } = useTranslation();
  const busy = useStore((s) => s.busy);
  const shown = useDelayed(busy !== null, 300);
  if (!shown || !busy) return null;
  return (
    <div className="progress" role="progressbar" aria-label={t(`busy.${busy}`)} aria-busy="true">
      <div className="progress-bar" />
      <span className="progress-label">{t(`busy.${busy}`)}</span>
    </div>
  );
}
