import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_KINDS, type Finding, type FindingKind } from '../../content/proof/types';
import {
  closeProof,
  exportAnyway,
  fixFinding,
  goToFinding,
  ignoreFinding,
  ignoreRule,
  openProof,
} from '../proof';
import { useStore } from '../store/store';

/** One finding: where, what and why, and what staff can do about it. */
function FindingRow({ finding, n }: { finding: Finding; n: number }) {
  const { t, i18n } = useTranslation();
  const active = useStore((s) => s.proofActive === finding.key);
  const field = 'field' in finding.at ? finding.at.field : 'text';
  const why = i18n.language === 'en' ? finding.whyEn : finding.why;
  return (
    <li className={`proof-finding ${active ? 'active' : ''}`} aria-current={active ? 'true' : undefined}>
      <button type="button" className="proof-go" onClick={() => goToFinding(finding)}>
        <span className="proof-where">{t('proof.where', { n, field: t(`proof.field.${field}`) })}</span>
        <span className="proof-change">
          <span className="proof-context">{finding.context.before}</span>
          <mark className="proof-text">{finding.text}</mark>
          <span className="proof-context">{finding.context.after}</span>
          {finding.suggestion !== null && (
            <>
              <span aria-hidden="true"> → </span>
              <span className="proof-suggestion">{finding.suggestion || t('proof.delete')}</span>
            </>
          )}
        </span>
        <span className="proof-why">{why}</span>
        <span className="proof-rule">{t('proof.rule', { rule: finding.rule })}</span>
      </button>
      <div className="proof-actions">
        <button
          type="button"
          disabled={finding.suggestion === null}
          title={finding.suggestion === null ? t('proof.noSuggestion') : undefined}
          onClick={() => void fixFinding(finding)}
        >
          {t('proof.fix')}
        </button>
        <button type="button" onClick={() => void ignoreFinding(finding)}>
          {t('proof.ignore')}
        </button>
        <button type="button" className="link" onClick={() => void ignoreRule(finding)}>
          {t('proof.ignoreRule')}
        </button>
      </div>
    </li>
  );
}

/** The findings of 校对, grouped by kind with a count each. */
export function ProofPanel() {
  const { t, i18n } = useTranslation();
  const findings = useStore((s) => s.proofFindings);
  const problems = useStore((s) => s.proofProblems);
  const checking = useStore((s) => s.proofChecking);
  const pendingExport = useStore((s) => s.proofExport);
  const auto = useStore((s) => s.proofAuto);
  const items = useStore((s) => s.briefing.items);
  const numberOf = useMemo(() => new Map(items.map((item, k) => [item.id, k + 1])), [items]);
  const groups = useMemo(() => {
    const by = new Map<FindingKind, Finding[]>();
    for (const f of findings ?? []) by.set(f.kind, [...(by.get(f.kind) ?? []), f]);
    return FINDING_KINDS.filter((k) => by.has(k)).map((k) => ({ kind: k, list: by.get(k)! }));
  }, [findings]);
  const count = findings?.length ?? 0;
  return (
    <aside className="pane proof" aria-label={t('proof.heading')}>
      <div className="pane-head">
        <h2>{t('proof.heading')}</h2>
        <span className="muted small" role="status">
          {checking ? t('proof.checking') : findings === null ? '' : t('proof.count', { count })}
        </span>
        <button
          type="button"
          className="icon"
          aria-label={t('proof.close')}
          title={t('proof.close')}
          onClick={closeProof}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="proof-bar">
        <button type="button" disabled={checking} onClick={() => void openProof()}>
          {t('proof.recheck')}
        </button>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={auto}
            onChange={(e) => useStore.getState().setProofAuto(e.target.checked)}
          />
          <span>{t('proof.auto')}</span>
        </label>
      </div>
      {pendingExport && (
        <div className="proof-export" role="alert">
          <p>{t('proof.beforeExport', { count, format: t(`export.${pendingExport}`) })}</p>
          <div className="proof-actions">
            <button type="button" className="primary" onClick={() => void exportAnyway()}>
              {t('proof.exportAnyway')}
            </button>
            <button type="button" onClick={() => useStore.getState().setProofExport(null)}>
              {t('proof.exportLater')}
            </button>
          </div>
        </div>
      )}
      {problems.length > 0 && (
        <div className="proof-problems">
          <p>{t('proof.problems', { count: problems.length })}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.file}:${p.field}`}>{i18n.language === 'en' ? p.messageEn : p.messageZh}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="proof-list">
        {findings !== null && count === 0 && !checking && <p className="muted pad">{t('proof.none')}</p>}
        {groups.map(({ kind, list }) => (
          <section key={kind} className={`proof-group kind-${kind}`} aria-label={t(`proof.kind.${kind}`)}>
            <h3>{t('proof.group', { kind: t(`proof.kind.${kind}`), count: list.length })}</h3>
            <ol>
              {list.map((f) => (
                <FindingRow key={f.key} finding={f} n={'item' in f.at ? (numberOf.get(f.at.item) ?? 0) : 0} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </aside>
  );
}
