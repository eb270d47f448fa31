import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Briefing } from '../../content/model/briefing';
import { focusFindBox } from '../actions/find';
import { findInBriefing, findInReport, type BriefingMatch } from '../find/search';
import { useStore } from '../store/store';

const s = useStore.getState;

/** A match's place in reading order: which item, title before text, then where in the words. */
function order(
  briefing: Briefing,
): (m: { itemId: string; field: 'title' | 'text'; start: number }) => number {
  const at = new Map(briefing.items.map((item, i) => [item.id, i]));
  return (m) => ((at.get(m.itemId) ?? 0) * 2 + (m.field === 'text' ? 1 : 0)) * 1e7 + m.start;
}

/** Show a match: the briefing line that holds it (and its slide), or the report row, unfolded. */
function reveal(match: BriefingMatch | { rowKey: string; sectionIds: string[] }): void {
  if ('itemId' in match) {
    if (s().selectedItemId !== match.itemId) s().selectItem(match.itemId);
    return;
  }
  const st = s();
  if (st.leftTab !== 'outline') st.setLeftTab('outline');
  const missing = match.sectionIds.filter((id) => !st.expanded[id]);
  if (missing.length > 0)
    useStore.setState({
      expanded: { ...st.expanded, ...Object.fromEntries(missing.map((id) => [id, true as const])) },
    });
  st.selectRow(match.rowKey);
}

/** 查找和替换 (Ctrl+F / Ctrl+H): a bar above the desk, over the briefing's words or the report's. */
export function FindBar() {
  const { t } = useTranslation();
  const mode = useStore((st) => st.findMode);
  const scope = useStore((st) => st.findScope);
  const query = useStore((st) => st.findQuery);
  const replacement = useStore((st) => st.findReplacement);
  const options = useStore((st) => st.findOptions);
  const at = useStore((st) => st.findAt);
  const report = useStore((st) => st.report);
  const briefing = useStore((st) => st.briefing);
  // what the last replace did, shown until the search changes
  const [saidFor, setSaidFor] = useState<{ text: string; search: string } | null>(null);
  const search = `${scope}|${query}|${options.wholeWord}|${options.matchCase}`;
  const said = saidFor?.search === search ? saidFor.text : '';
  const setSaid = (text: string): void => setSaidFor({ text, search });

  const matches = useMemo(() => {
    if (!report || mode === null) return [];
    return scope === 'report'
      ? findInReport(report, query, options)
      : findInBriefing(report, briefing, query, options);
  }, [report, briefing, query, options, scope, mode]);
  const total = matches.length;
  const index = total > 0 ? Math.min(at, total - 1) : -1;
  const current = index >= 0 ? matches[index] : undefined;

  // a new search, or a step to another match, shows it
  useEffect(() => {
    if (current) reveal(current);
  }, [current]);

  if (mode === null || !report) return null;
  const step = (by: number): void => {
    if (total === 0) return;
    s().setFindAt((index + by + total) % total);
  };
  const close = (): void => {
    s().closeFind();
    // back to where staff were: the line the last match is in
    const sel = s().selectedItemId;
    const row = sel ? document.querySelector<HTMLElement>(`[data-item-row="${CSS.escape(sel)}"]`) : null;
    row?.focus();
  };
  const replaceOne = (): void => {
    if (!current || !('itemId' in current)) return;
    if (!s().replaceMatch(current)) return;
    // on to the next match after the words just put in (they may contain the query themselves)
    const st = s();
    const key = order(st.briefing);
    const after = key({ ...current, start: current.start + st.findReplacement.length });
    const next = findInBriefing(report, st.briefing, st.findQuery, st.findOptions);
    const k = next.findIndex((m) => key(m) >= after);
    st.setFindAt(k >= 0 ? k : 0);
    setSaid(t('find.replacedOne'));
  };
  const replaceAll = (): void => {
    const count = s().replaceAllMatches();
    setSaid(t('find.replacedAll', { count }));
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && (e.target as HTMLElement).dataset.findBox === 'find') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    }
  };
  const context = current?.context;
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')} onKeyDown={onKeyDown}>
      <div className="find-row">
        <div className="segmented" role="radiogroup" aria-label={t('find.scope')}>
          {(['briefing', 'report'] as const).map((sc) => (
            <button
              key={sc}
              type="button"
              role="radio"
              aria-checked={scope === sc}
              className={`segment ${scope === sc ? 'on' : ''}`}
              onClick={() => {
                s().setFindScope(sc);
                focusFindBox();
              }}
            >
              {t(`find.in.${sc}`)}
            </button>
          ))}
        </div>
        <input
          type="search"
          data-find-box="find"
          aria-label={t('find.query')}
          placeholder={t('find.query')}
          value={query}
          onChange={(e) => s().setFindQuery(e.target.value)}
        />
        <span className="find-count" aria-live="polite">
          {query ? (total > 0 ? t('find.count', { n: index + 1, total }) : t('find.none')) : ''}
        </span>
        <button type="button" disabled={total === 0} onClick={() => step(-1)} title={t('find.prevHint')}>
          {t('find.prev')}
        </button>
        <button type="button" disabled={total === 0} onClick={() => step(1)} title={t('find.nextHint')}>
          {t('find.next')}
        </button>
        <label className="find-option">
          <input
            type="checkbox"
            checked={options.wholeWord}
            onChange={(e) => s().setFindOptions({ wholeWord: e.target.checked })}
          />
          {t('find.wholeWord')}
        </label>
        <label className="find-option">
          <input
            type="checkbox"
            checked={options.matchCase}
            onChange={(e) => s().setFindOptions({ matchCase: e.target.checked })}
          />
          {t('find.matchCase')}
        </label>
        {scope === 'briefing' && mode === 'find' && (
          <button type="button" onClick={() => s().openFind('replace')}>
            {t('find.showReplace')}
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-label={t('find.close')}
          title={t('find.close')}
          onClick={close}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {mode === 'replace' && scope === 'briefing' && (
        <div className="find-row">
          <input
            type="text"
            data-find-box="replace"
            aria-label={t('find.replacement')}
            placeholder={t('find.replacement')}
            value={replacement}
            onChange={(e) => s().setFindReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                replaceOne();
              }
            }}
          />
          <button type="button" disabled={!current} onClick={replaceOne}>
            {t('find.replace')}
          </button>
          <button type="button" disabled={total === 0} onClick={replaceAll}>
            {t('find.replaceAll')}
          </button>
        </div>
      )}
      {scope === 'report' && <p className="find-note muted small">{t('find.reportNote')}</p>}
      {(context || said) && (
        <p className="find-context small" aria-live="polite">
          {said ||
            (context && (
              <>
                {context.before}
                <mark>{context.hit}</mark>
                {context.after}
              </>
            ))}
        </p>
      )}
    </div>
  );
}
