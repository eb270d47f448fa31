import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveItems } from '../../content/briefing/resolve';
import { shownStat } from '../../content/compose/shown';
import { shownStatText } from '../../templates/model';
import { useStore } from '../store/store';

export function BriefingList() {
  const { t } = useTranslation();
  const report = useStore((s) => s.report);
  const items = useStore((s) => s.briefing.items);
  const resolved = useMemo(() => (report ? resolveItems(report, items) : []), [report, items]);
  return (
    <section className="pane briefing" aria-label={t('briefing.heading')}>
      <h2>{t('briefing.heading')}</h2>
      {resolved.length === 0 ? (
        <p className="muted">{t('briefing.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('briefing.count', { count: resolved.length })}</p>
          <ol className="briefing-items">
            {resolved.map((r) => (
              <li key={r.item.id} className={`item item-${r.kind}`}>
                {r.kind === 'heading' && <strong>{r.title}</strong>}
                {r.kind === 'point' && (
                  <>
                    <strong>{r.lead}。</strong>
                    {r.text}
                  </>
                )}
                {r.kind === 'paragraph' && r.text}
                {r.kind === 'figure' && r.caption}
                {r.kind === 'stat' && `${r.label} ${shownStatText(shownStat(r.stat, r.label))}`}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
