import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_BUDGET } from '../../content/model/briefing';
import type { ShownBrief } from '../preview/brief-cache';
import { useStore } from '../store/store';

/** The budget 「压缩到 N 页」 starts at: the 「两页纸」 leaders ask for. */
export const DEFAULT_PAGE_BUDGET = 2;

const s = useStore.getState;

/**
 * 「压缩到 N 页」 over the Word brief preview: off by default; on, the preview and the export are the
 * brief condensed to the budget (the same `condenseBrief`), the page count is shown, and every
 * sentence, picture or table left out is listed with 「恢复」 to put it back (one undo step each).
 */
export function CondenseBar({ brief }: { brief: ShownBrief }) {
  const { t } = useTranslation();
  const budget = useStore((st) => st.briefing.pageBudget);
  const [listOpen, setListOpen] = useState(true);
  const c = brief.condensed;
  return (
    <div className="condense">
      <div className="condense-bar" role="group" aria-label={t('condense.group')}>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={budget !== undefined}
            onChange={(e) => s().setPageBudget(e.target.checked ? DEFAULT_PAGE_BUDGET : null)}
          />
          <span>{t('condense.to')}</span>
        </label>
        <input
          type="number"
          className="condense-pages"
          min={1}
          max={MAX_PAGE_BUDGET}
          aria-label={t('condense.pages')}
          disabled={budget === undefined}
          value={budget?.pages ?? DEFAULT_PAGE_BUDGET}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1 && n <= MAX_PAGE_BUDGET) s().setPageBudget(n);
          }}
        />
        <span>{t('condense.pageUnit')}</span>
        <span className="condense-count" data-count="pages">
          {t('condense.total', { count: brief.pages })}
        </span>
        {c && !c.fits && (
          <span className="condense-over" role="status">
            {t('condense.over', { budget: c.budget })}
          </span>
        )}
      </div>
      {c && c.leftOut.length > 0 && (
        <details
          className="left-out"
          open={listOpen}
          onToggle={(e) => setListOpen((e.target as HTMLDetailsElement).open)}
        >
          <summary>{t('condense.leftOut', { count: c.leftOut.length })}</summary>
          <ul aria-label={t('condense.leftOutList')}>
            {c.leftOut.map((l) => (
              <li key={l.key} data-left-out={l.key}>
                <span className="badge">{t(`condense.reason.${l.reason}`, { defaultValue: l.reason })}</span>
                <span className="left-out-text">{l.text}</span>
                <button
                  type="button"
                  aria-label={t('condense.restoreNamed', { text: l.text.slice(0, 40) })}
                  onClick={() => s().keepLeftOut(l.key)}
                >
                  {t('condense.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {c && c.leftOut.length === 0 && <p className="muted small pad">{t('condense.nothingLeftOut')}</p>}
    </div>
  );
}
