import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockRole, Report, Stat } from '../../content/model/report';
import { BLOCK_ROLES, MAX_STAT_LABEL_CHARS } from '../../content/model/values';
import { reportIndex } from '../../content/briefing/edit';
import { rawIdOf } from '../../content/analyze/ids';
import { acceptRepairs, setBlockRole, setRepairApplied, setStatEdit } from '../actions/document';
import {
  highlightStats,
  outlineRows,
  pickStates,
  treeKey,
  type OutlineRow,
  type PickState,
} from '../outline/rows';
import { useStore } from '../store/store';
import { OUTLINE_FILTERS } from '../store/ui-slice';

/** Every outline row is one line this tall, so the virtual list can place rows without measuring. */
export const ROW_HEIGHT = 30;

interface RowProps {
  row: OutlineRow;
  index: number;
  top: number;
  pick: PickState;
  selected: boolean;
  expanded: boolean;
  /** the tree's one Tab stop (roving tabindex) */
  tabStop: boolean;
  /** whether the rows below it are its children (a point with statistics is always open) */
  open: boolean;
}

const OutlineRowView = memo(function OutlineRowView({
  row,
  index,
  top,
  pick,
  selected,
  expanded,
  tabStop,
  open,
}: RowProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = pick === 'some';
  }, [pick]);
  const label =
    row.label ||
    (row.kind === 'figure'
      ? t('outline.untitledFigure')
      : row.kind === 'table'
        ? t('outline.untitledTable')
        : '');
  const title =
    row.kind === 'section'
      ? `${row.prefix ?? ''}${label}`
      : row.kind === 'stat'
        ? `${row.prefix ?? ''} ${label}`
        : label;
  const s = useStore.getState;
  return (
    <div
      role="treeitem"
      className={`outline-row kind-${row.kind} ${selected ? 'selected' : ''}`}
      data-index={index}
      tabIndex={tabStop ? 0 : -1}
      aria-label={title}
      aria-level={row.depth + 1}
      aria-selected={selected}
      aria-checked={pick === 'all' ? true : pick === 'some' ? 'mixed' : false}
      aria-expanded={row.kind === 'section' && row.hasChildren ? expanded : open ? true : undefined}
      style={{ transform: `translateY(${top}px)`, paddingLeft: 6 + row.depth * 16 }}
    >
      {row.kind === 'section' && row.hasChildren ? (
        <button
          type="button"
          className="fold"
          data-role="fold"
          tabIndex={-1}
          aria-expanded={expanded}
          aria-label={t(expanded ? 'outline.fold' : 'outline.unfold', { title })}
          onClick={() => s().toggleExpanded(row.ref.id)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
      ) : (
        <span className="fold" aria-hidden="true" />
      )}
      <input
        ref={box}
        type="checkbox"
        data-role="check"
        tabIndex={-1}
        checked={pick === 'all'}
        aria-label={t('outline.select', { title })}
        onChange={(e) =>
          row.kind === 'section'
            ? s().toggleSection(row.ref.id, e.target.checked)
            : s().toggleRef(row.ref, e.target.checked)
        }
      />
      <span className={`badge badge-${row.kind}`}>{t(`kind.${row.kind}`)}</span>
      <button
        type="button"
        className="row-label"
        data-role="label"
        tabIndex={-1}
        aria-current={selected ? 'true' : undefined}
        onClick={() => s().selectRow(row.key)}
        title={label}
      >
        {row.kind === 'stat' ? (
          <strong className="stat-value">{row.prefix}</strong>
        ) : row.kind === 'point' ? null : (
          row.prefix
        )}
        {row.kind === 'stat' ? ` ${label}` : label}
        {row.stat && <StatMeaning meaning={row.stat} />}
      </button>
    </div>
  );
});

/** Beside a statistic's label: its kind, its qualifier, whose figure it is, and whether it may be a card. */
function StatMeaning({ meaning }: { meaning: NonNullable<OutlineRow['stat']> }) {
  const { t } = useTranslation();
  return (
    <span className="stat-meaning">
      <span className={`stat-kind stat-kind-${meaning.kind}`}>{t(`statKind.${meaning.kind}`)}</span>
      {meaning.qualifier && <span className="stat-tag">{meaning.qualifier}</span>}
      {meaning.scope.kind !== 'area' && (
        <span className="stat-tag">{t(`statScope.${meaning.scope.kind}`)}</span>
      )}
      {meaning.unfit && (
        <span className="stat-tag stat-unfit" title={t('stat.unfitReason', { reason: meaning.unfit })}>
          {t('stat.unfit')}
        </span>
      )}
    </span>
  );
}

function OutlineList({ report }: { report: Report }) {
  const { t } = useTranslation();
  const filter = useStore((s) => s.outlineFilter);
  const query = useStore((s) => s.outlineQuery);
  const expanded = useStore((s) => s.expanded);
  const briefing = useStore((s) => s.briefing);
  const selectedRow = useStore((s) => s.selectedRow);
  const rows = useMemo(
    () => outlineRows(report, { filter, query, expanded, openingLabel: t('outline.opening') }),
    [report, filter, query, expanded, t],
  );
  // checkbox states depend on which refs are picked, not on text edits: recompute on that only
  const refsKey = briefing.items.map((i) => `${i.ref.type}:${i.ref.id}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the picked refs on purpose
  const picks = useMemo(() => pickStates(report, briefing), [report, refsKey]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // a row chosen from elsewhere (the find bar) scrolls into view
  useEffect(() => {
    if (!selectedRow) return;
    const at = rows.findIndex((r) => r.key === selectedRow);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [selectedRow, rows, virtualizer]);

  // the tree's one Tab stop: the selected row, else the first
  const selectedAt = selectedRow ? rows.findIndex((r) => r.key === selectedRow) : -1;
  const active = selectedAt >= 0 ? selectedAt : 0;
  const shown = virtualizer.getVirtualItems();
  const activeShown = shown.some((v) => v.index === active);

  // a row focused while the virtual list was still drawing it: keys pressed meanwhile start from it
  const pending = useRef<number | null>(null);
  /** Focus a row now when it is drawn, else once the virtual list has drawn it. */
  const focusRow = (at: number): void => {
    const find = () => scroller.current?.querySelector<HTMLElement>(`[role="treeitem"][data-index="${at}"]`);
    virtualizer.scrollToIndex(at, { align: 'auto' });
    const now = find();
    if (now) {
      pending.current = null;
      now.focus();
      return;
    }
    pending.current = at;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (pending.current !== at) return;
        pending.current = null;
        find()?.focus();
      }),
    );
  };

  /** The WAI-ARIA tree keys on a row; Space ticks its checkbox. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!rowEl || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(rowEl.dataset.index);
    const row = rows[index];
    if (!row) return;
    const s = useStore.getState();
    if (e.key === ' ' || e.key === 'Enter') {
      // a checkbox or button clicked with the mouse keeps its own Space and Enter
      if (e.target !== rowEl) return;
      e.preventDefault();
      if (e.key === 'Enter') return s.selectRow(row.key);
      const on = rowEl.getAttribute('aria-checked') !== 'true';
      if (row.kind === 'section') s.toggleSection(row.ref.id, on);
      else s.toggleRef(row.ref, on);
      return;
    }
    // keys pressed faster than the list draws move on from where the last one went
    const from = pending.current ?? index;
    const move = treeKey(rows, from, e.key, expanded);
    if (!move) return;
    e.preventDefault();
    if ('focus' in move) {
      s.selectRow(rows[move.focus]!.key);
      focusRow(move.focus);
    } else {
      s.toggleExpanded('unfold' in move ? move.unfold : move.fold);
      focusRow(from);
    }
  };

  if (report.sections.length === 0) return <p className="muted pad">{t('outline.empty')}</p>;
  if (rows.length === 0) return <p className="muted pad">{t('outline.noMatch')}</p>;
  return (
    <div
      ref={scroller}
      className="outline-scroll"
      role="tree"
      aria-label={t('outline.list')}
      // the active row scrolled out of the drawn window: the tree holds the Tab stop and hands it on
      tabIndex={activeShown ? -1 : 0}
      onFocus={(e) => {
        if (e.target === e.currentTarget) focusRow(active);
      }}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {shown.map((v) => {
          const row = rows[v.index]!;
          const pick: PickState =
            row.kind === 'section'
              ? (picks.sections.get(row.ref.id) ?? 'none')
              : picks.picked.has(row.key)
                ? 'all'
                : 'none';
          return (
            <OutlineRowView
              key={row.key}
              row={row}
              index={v.index}
              top={v.start}
              pick={pick}
              selected={selectedRow === row.key}
              expanded={expanded[row.ref.id] === true}
              tabStop={v.index === active}
              open={(rows[v.index + 1]?.depth ?? -1) > row.depth}
            />
          );
        })}
      </div>
    </div>
  );
}

function StatText({ text, stats }: { text: string; stats: readonly Stat[] }) {
  return (
    <>
      {highlightStats(text, stats).map((run, i) =>
        run.stat ? (
          <mark key={i} title={run.stat.label}>
            {run.text}
          </mark>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}

/**
 * A statistic in full: what it measures and how it was read, with the label staff can rewrite and
 * the mark that keeps it off the cards. Both are decisions on the report, undone like any change.
 */
function StatDetail({ report, stat }: { report: Report; stat: Stat }) {
  const { t } = useTranslation();
  const busy = useStore((s) => s.busy !== null);
  const edit = report.decisions.stats?.[stat.id];
  // a new label from the report (edit saved, undone) remounts this with it: see the key below
  const [draft, setDraft] = useState(stat.label);
  const commit = (): void => {
    const label = draft.trim();
    if (label && label !== stat.label) void setStatEdit(stat.id, { label });
    else setDraft(stat.label);
  };
  const measure = stat.kind === 'target' && stat.measure ? t(`statKind.${stat.measure}`) : '';
  const facts: Array<[string, string]> = [
    [t('stat.qualifier'), stat.qualifier ?? t('stat.none')],
    [t('stat.kind'), measure ? t('stat.targetOf', { measure }) : t(`statKind.${stat.kind}`)],
    [t('stat.period'), stat.period ?? t('stat.none')],
    [t('stat.basis'), stat.basis ?? t('stat.none')],
    [
      t('stat.scope'),
      `${t(`statScope.${stat.scope.kind}`)}${stat.scope.name ? `（${stat.scope.name}）` : ''}`,
    ],
  ];
  return (
    <>
      <p className="detail-stat">
        <strong>{stat.text}</strong>
        {stat.from && <span className="muted"> {t('stat.from', { text: stat.from.text })}</span>}
        {edit?.label && <span className="stat-tag">{t('stat.edited')}</span>}
      </p>
      <label className="stat-label-edit">
        <span>{t('stat.label')}</span>
        <input
          value={draft}
          maxLength={MAX_STAT_LABEL_CHARS}
          disabled={busy}
          aria-description={t('stat.labelHelp')}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(stat.label);
          }}
        />
      </label>
      <dl className="stat-facts">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className={stat.unfit ? 'stat-unfit-line' : 'muted small'}>
        {stat.unfit ? t('stat.unfitReason', { reason: stat.unfit }) : t('stat.fit')}
      </p>
      <div className="stat-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void setStatEdit(stat.id, { unfit: stat.unfit ? (edit?.unfit ? null : false) : true })
          }
        >
          {t(stat.unfit ? 'stat.allow' : 'stat.markUnfit')}
        </button>
        {edit?.label && (
          <button type="button" disabled={busy} onClick={() => void setStatEdit(stat.id, { label: null })}>
            {t('stat.resetLabel')}
          </button>
        )}
      </div>
      <p className="detail-text">
        <span className="muted">{t('detail.sentence')}：</span>
        <StatText text={stat.sentence} stats={[stat]} />
      </p>
    </>
  );
}

/** The raw text block behind a row, when staff may reclassify it. */
function BlockDetail({ report }: { report: Report }) {
  const { t } = useTranslation();
  const selected = useStore((s) => s.selectedRow);
  const busy = useStore((s) => s.busy !== null);
  if (!selected) return <p className="muted detail-empty">{t('detail.none')}</p>;
  const [type, ...rest] = selected.split(':');
  const id = rest.join(':');
  const index = reportIndex(report);
  let body: React.ReactNode = null;
  let kind = 'section';
  let role: BlockRole | null = null;
  if (type === 'section') {
    const section = index.sections.get(id);
    if (!section) return <p className="muted detail-empty">{t('detail.none')}</p>;
    body = (
      <p className="detail-heading">
        {section.number}
        {section.title}
      </p>
    );
    role = 'heading';
  } else if (type === 'block') {
    const found = index.blocks.get(id);
    if (!found) return <p className="muted detail-empty">{t('detail.none')}</p>;
    const { block } = found;
    kind = block.kind;
    const stats = report.stats.filter((s) => s.blockId === block.id);
    switch (block.kind) {
      case 'point':
        role = 'point';
        body = (
          <>
            <p className="detail-text">
              <strong>
                {block.marker}
                <StatText text={block.lead} stats={stats} />。
              </strong>
              <StatText text={block.text} stats={stats} />
            </p>
            {stats.length > 0 && <p className="muted small">{t('detail.stats', { count: stats.length })}</p>}
          </>
        );
        break;
      case 'paragraph':
        role = 'paragraph';
        body = (
          <>
            <p className="detail-text">
              <StatText text={block.text} stats={stats} />
            </p>
            {stats.length > 0 && <p className="muted small">{t('detail.stats', { count: stats.length })}</p>}
          </>
        );
        break;
      case 'figure':
      case 'table': {
        role = 'caption';
        const figure = index.figures.get(block.figureId);
        body = (
          <>
            <p className="detail-text">
              {figure?.caption ||
                t(block.kind === 'figure' ? 'outline.untitledFigure' : 'outline.untitledTable')}
            </p>
            {figure?.missing && <p className="muted small">{figure.missing}</p>}
            {figure?.rows && (
              <table className="detail-table">
                <tbody>
                  {figure.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((c, j) => (
                        <td key={j}>{c}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        );
        break;
      }
    }
  } else if (type === 'stat') {
    const stat = index.stats.get(id);
    if (!stat) return <p className="muted detail-empty">{t('detail.none')}</p>;
    kind = 'stat';
    body = <StatDetail key={`${stat.id}|${stat.label}`} report={report} stat={stat} />;
  }
  const rawId = type === 'stat' ? null : rawIdOf(report, { type: type ?? '', id });
  const forced = rawId ? report.decisions.roles[rawId] : undefined;
  return (
    <div className="detail" aria-live="polite">
      <h3>
        {t('detail.heading')} <span className={`badge badge-${kind}`}>{t(`kind.${kind}`)}</span>
      </h3>
      <div className="detail-body">{body}</div>
      {rawId && (
        <label className="detail-role">
          <span>{t('detail.role')}</span>
          <select
            value={forced ?? ''}
            disabled={busy}
            onChange={(e) => void setBlockRole(rawId, (e.target.value || null) as BlockRole | null)}
          >
            <option value="">
              {role && !forced ? t('detail.autoAs', { role: t(`role.${role}`) }) : t('detail.auto')}
            </option>
            {BLOCK_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/**
 * The repairs the import made, each to accept (keep it, and it is done with) or undo. A repair
 * staff have not looked at yet is applied as suggested; 全部接受 accepts all of those at once.
 */
function RepairsList({ report }: { report: Report }) {
  const { t } = useTranslation();
  const busy = useStore((s) => s.busy !== null);
  if (report.repairs.length === 0) return <p className="muted pad">{t('repairs.empty')}</p>;
  const decided = report.decisions.repairs;
  const pending = report.repairs.filter((r) => r.kind !== 'unreadable' && decided[r.id] === undefined);
  return (
    <div className="repairs">
      <p className="muted small pad">{t('repairs.intro')}</p>
      <div className="repairs-head pad">
        {pending.length > 0 ? (
          <>
            <span>{t('repairsReview.pending', { count: pending.length })}</span>
            <button
              type="button"
              disabled={busy}
              onClick={() => void acceptRepairs(pending.map((r) => r.id))}
            >
              {t('repairsReview.acceptAll')}
            </button>
          </>
        ) : (
          <span className="ok">{t('repairsReview.allDone')}</span>
        )}
      </div>
      <ul className="repair-list">
        {report.repairs.map((r) => {
          const word = decided[r.id];
          const state = word === true ? 'accepted' : word === false ? 'undone' : 'pending';
          return (
            <li key={r.id} className={`repair ${r.applied ? 'applied' : ''} ${state}`} data-repair-id={r.id}>
              <div className="repair-head">
                <span className="badge">{t(`repairs.${r.kind}`)}</span>
                <span className={r.applied ? 'ok' : 'muted'}>
                  {t(
                    word === true
                      ? 'repairsReview.accepted'
                      : r.applied
                        ? 'repairs.applied'
                        : 'repairs.notApplied',
                  )}
                </span>
              </div>
              <p className="repair-seam">
                {r.after === ''
                  ? t('repairs.removed', { text: r.before })
                  : t('repairs.seam', { before: r.before, after: r.after })}
              </p>
              {r.kind === 'unreadable' ? (
                <p className="muted small">{t('repairs.unreadableNote')}</p>
              ) : (
                <div className="repair-actions">
                  {word !== true && (
                    <button type="button" disabled={busy} onClick={() => void setRepairApplied(r.id, true)}>
                      {t('repairs.accept')}
                    </button>
                  )}
                  {r.applied ? (
                    <button type="button" disabled={busy} onClick={() => void setRepairApplied(r.id, false)}>
                      {t('repairs.undo')}
                    </button>
                  ) : (
                    word === undefined && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => void setRepairApplied(r.id, false)}
                      >
                        {t('repairsReview.reject')}
                      </button>
                    )
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function OutlinePane() {
  const { t } = useTranslation();
  const report = useStore((s) => s.report);
  const tab = useStore((s) => s.leftTab);
  const setTab = useStore((s) => s.setLeftTab);
  const query = useStore((s) => s.outlineQuery);
  const setQuery = useStore((s) => s.setOutlineQuery);
  const filter = useStore((s) => s.outlineFilter);
  const setFilter = useStore((s) => s.setOutlineFilter);
  if (!report) return null;
  return (
    <nav className="pane outline" aria-label={t('outline.heading')}>
      <div className="pane-head">
        <h2>{t('outline.heading')}</h2>
        <p className="report-title" title={t('outline.source', { name: report.source.name })}>
          {report.title || report.source.name}
        </p>
        {report.source.format === 'sample' && (
          <span className="badge badge-sample" title={t('outline.sampleHint')}>
            {t('outline.sample')}
          </span>
        )}
      </div>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'outline'} onClick={() => setTab('outline')}>
          {t('outline.tabOutline')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'repairs'} onClick={() => setTab('repairs')}>
          {t('outline.tabRepairs', { count: report.repairs.length })}
        </button>
      </div>
      {tab === 'outline' ? (
        <>
          <div className="outline-tools">
            <input
              type="search"
              aria-label={t('outline.search')}
              placeholder={t('outline.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <div className="segmented" role="radiogroup" aria-label={t('outline.filter')}>
              {OUTLINE_FILTERS.map((f) => (
                <button
                  key={f}
                  type="button"
                  role="radio"
                  aria-checked={filter === f}
                  className={`segment ${filter === f ? 'on' : ''}`}
                  onClick={() => setFilter(f)}
                >
                  {t(`filter.${f}`)}
                </button>
              ))}
            </div>
          </div>
          <OutlineList report={report} />
          <BlockDetail report={report} />
        </>
      ) : (
        <RepairsList report={report} />
      )}
    </nav>
  );
}
