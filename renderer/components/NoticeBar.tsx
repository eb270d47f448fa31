import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelTask, showInFolder } from '../actions/document';
import { useDelayed } from '../hooks';
import { useStore } from '../store/store';
import type { Notice } from '../store/ui-slice';

/** How long a notice that reports success (已导入, 已保存 …) stays; an error stays until closed. */
export const NOTICE_MS = 8000;

/**
 * A notice that only reports (not an error, nothing listed under it, no folder to open) goes after
 * a few seconds, while the pointer or focus is not on it; any notice but an error goes at the next
 * change staff make to the document.
 */
function useNoticeDismissal(
  notice: Notice | null,
  notify: (n: Notice | null) => void,
): [boolean, (on: boolean) => void] {
  const [held, setHeld] = useState(false);
  const brief = notice !== null && notice.kind !== 'error' && !notice.details?.length && !notice.path;
  useEffect(() => {
    if (!brief || held) return;
    const timer = setTimeout(() => notify(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, brief, held, notify]);
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    return useStore.subscribe((s, prev) => {
      if (s.notice === notice && (s.briefing !== prev.briefing || s.report !== prev.report)) notify(null);
    });
  }, [notice, notify]);
  return [held, setHeld];
}

export function NoticeBar() {
  const { t, i18n } = useTranslation();
  const notice = useStore((s) => s.notice);
  const notify = useStore((s) => s.notify);
  const host = useStore((s) => s.host);
  const [, hold] = useNoticeDismissal(notice, notify);
  if (!notice) return null;
  const path = notice.path;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => hold(true)}
      onPointerLeave={() => hold(false)}
      onFocus={() => hold(true)}
      onBlur={() => hold(false)}
    >
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

/**
 * Shown for work that takes longer than 300 ms (imports, exports, saves), so quick work does not
 * flicker. An import main reports on shows how far it has got, with 取消.
 */
export function ProgressBar() {
  const { t } = useTranslation();
  const busy = useStore((s) => s.busy);
  const task = useStore((s) => s.task);
  const shown = useDelayed(busy !== null, 300);
  if (!shown || !busy) return null;
  if (task) {
    const percent = Math.round(task.fraction * 100);
    // an export names its step (composing, starting the print browser, printing N pages)
    const label = task.stage
      ? t(
          task.stage === 'compose' && task.format === 'docx'
            ? 'exportProgress.composeBrief'
            : `exportProgress.${task.stage}`,
          { format: task.format ? task.format.toUpperCase() : '', pages: task.pages ?? '' },
        )
      : t(`busy.${busy}`);
    return (
      <div className="progress progress-determinate">
        <div
          className="progress-track"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
          <span className="progress-label">
            {label} {percent}%
          </span>
        </div>
        <button type="button" className="progress-cancel" onClick={() => void cancelTask()}>
          {t('progress.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="progress" role="progressbar" aria-label={t(`busy.${busy}`)} aria-busy="true">
      <div className="progress-bar" />
      <span className="progress-label">{t(`busy.${busy}`)}</span>
    </div>
  );
}
