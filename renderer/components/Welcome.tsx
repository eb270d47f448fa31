import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentEntry } from '../../main/contract';
import { getClient } from '../bridge/client';
import { loadSample, openProject, openRecent, pickers } from '../actions/document';
import { useStore } from '../store/store';

/** The empty desk (after 新建): how to start. */
export function Welcome() {
  const { t } = useTranslation();
  const openDialog = useStore((s) => s.openDialog);
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  useEffect(() => {
    let live = true;
    getClient()
      .call('recent:list', {})
      .then((list) => live && setRecent(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <main className="welcome">
      <h2>{t('welcome.heading')}</h2>
      <p>{t('welcome.body')}</p>
      <div className="welcome-actions">
        <button type="button" className="primary" onClick={() => pickers.report?.()}>
          {t('welcome.openReport')}
        </button>
        <button type="button" onClick={() => openDialog('paste')}>
          {t('welcome.paste')}
        </button>
        <button type="button" onClick={() => void openProject()}>
          {t('welcome.openProject')}
        </button>
        <button type="button" onClick={() => void loadSample()}>
          {t('welcome.sample')}
        </button>
      </div>
      {recent.length > 0 && (
        <>
          <h3>{t('welcome.recent')}</h3>
          <ul className="recent-list">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" title={r.path} onClick={() => void openRecent(r.path)}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
