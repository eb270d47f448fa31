import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSample } from './actions';
import { BriefingList } from './components/BriefingList';
import { NoticeBar } from './components/NoticeBar';
import { Outline } from './components/Outline';
import { Toolbar } from './components/Toolbar';
import { useStore } from './store/store';

export function App() {
  const { t } = useTranslation();
  const hasReport = useStore((s) => s.report !== null);
  useEffect(() => {
    void loadSample();
  }, []);
  return (
    <div className="app">
      <Toolbar />
      <NoticeBar />
      {hasReport ? (
        <main className="desk">
          <Outline />
          <BriefingList />
        </main>
      ) : (
        <p className="loading">{t('app.loading')}</p>
      )}
    </div>
  );
}
