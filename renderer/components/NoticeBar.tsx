import { useTranslation } from 'react-i18next';
import { showInFolder } from '../actions';
import { useStore } from '../store/store';

export function NoticeBar() {
  const { t, i18n } = useTranslation();
  const notice = useStore((s) => s.notice);
  const notify = useStore((s) => s.notify);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{i18n.language === 'en' ? notice.en : notice.zh}</span>
      {notice.path && (
        <button type="button" onClick={() => void showInFolder(notice.path!)}>
          {t('export.showInFolder')}
        </button>
      )}
      <button type="button" className="close" onClick={() => notify(null)} aria-label={t('notice.close')}>
        ×
      </button>
    </div>
  );
}
