import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS as DndCSS } from '@dnd-kit/utilities';
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingItem, Output } from '../../content/model/briefing';
import { BRIEF_STYLES, SLIDE_LAYOUTS } from '../../content/model/values';
import type { Report } from '../../content/model/report';
import { canMergeWithNext, canSplit, editableFields, isOverridden } from '../../content/briefing/edit';
import type { ResolvedItem } from '../../content/briefing/resolve';
import { itemTitle } from '../../content/briefing/edit';
import { itemSummary, resolveCached, titleLabelKey } from '../briefing-view';
import { isEditable } from '../commands';
import { breakGroup } from '../store/history';
import { useStore } from '../store/store';

const s = useStore.getState;

/** Put focus back on an item's line after it moved (React may re-insert the node, dropping focus). */
export function focusItem(itemId: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-item-row="${CSS.escape(itemId)}"]`)?.focus();
  });
}

function ItemEditor({
  report,
  item,
  r,
  output,
}: {
  report: Report;
  item: BriefingItem;
  r: ResolvedItem;
  output: Output;
}) {
  const { t } = useTranslation();
  const text = useRef<HTMLTextAreaElement>(null);
  const fields = editableFields(r);
  const canMerge = useStore((st) => canMergeWithNext(st.briefing, report, item.id));
  const textValue = r.kind === 'point' || r.kind === 'paragraph' ? r.text : '';
  const split = (): void => {
    const at = text.current?.selectionStart ?? 0;
    s().splitItem(item.id, at);
  };
  return (
    <div className="item-editor" onClick={(e) => e.stopPropagation()}>
      {fields.title && (
        <label className="field">
          <span>{t(titleLabelKey(r))}</span>
          <input
            type="text"
            data-proof-field="title"
            value={itemTitle(r)}
            onChange={(e) => s().setItemTitle(item.id, e.target.value)}
            onBlur={breakGroup}
          />
        </label>
      )}
      {fields.text && (
        <label className="field">
          <span>{t('item.text')}</span>
          <textarea
            ref={text}
            data-proof-field="text"
            rows={5}
            value={textValue}
            onChange={(e) => s().setItemText(item.id, e.target.value)}
            onBlur={breakGroup}
          />
        </label>
      )}
      <div className="item-actions">
        {output === 'deck' ? (
          <label className="inline-field">
            <span>{t('item.layout')}</span>
            <select
              value={item.layout ?? ''}
              onChange={(e) =>
                s().setItemLayout(item.id, (e.target.value || undefined) as BriefingItem['layout'])
              }
            >
              <option value="">{t('item.auto')}</option>
              {SLIDE_LAYOUTS.map((l) => (
                <option key={l} value={l}>
                  {t(`layout.${l}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="inline-field">
            <span>{t('item.style')}</span>
            <select
              value={item.style ?? ''}
              onChange={(e) =>
                s().setItemStyle(item.id, (e.target.value || undefined) as BriefingItem['style'])
              }
            >
              <option value="">{t('item.auto')}</option>
              {BRIEF_STYLES.map((st) => (
                <option key={st} value={st}>
                  {t(`style.${st}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" disabled={!isOverridden(item)} onClick={() => s().restoreItem(item.id)}>
          {t('item.restore')}
        </button>
        {fields.text && (
          <button
            type="button"
            disabled={!canSplit(report, item, Math.max(1, textValue.length >> 1))}
            onClick={split}
          >
            {t('item.split')}
          </button>
        )}
        <button type="button" disabled={!canMerge} onClick={() => s().mergeWithNext(item.id)}>
          {t('item.merge')}
        </button>
      </div>
    </div>
  );
}

interface RowProps {
  itemId: string;
  index: number;
}

/** The items the deck draft shows shortened to fit (「已精简」): their full text is in the slide notes. */
const CondensedItems = createContext<ReadonlySet<string>>(new Set());

/** The condensed items of the deck as previewed, a stable set while the same items stay condensed. */
function useCondensedItems(): ReadonlySet<string> {
  const deck = useStore((st) => st.briefing.output === 'deck');
  const key = useStore((st) => st.condensedKey);
  const shown = deck ? key : '';
  return useMemo(() => new Set(shown ? shown.split('\n') : []), [shown]);
}

/** An item's whole text, as the report (or staff) wrote it: what a shortened slide leaves for the notes. */
function FullText({ r, id }: { r: ResolvedItem; id: string }) {
  const { t } = useTranslation();
  let body: React.ReactNode;
  switch (r.kind) {
    case 'point':
      body = (
        <>
          <strong>{r.lead}</strong>
          {r.text}
        </>
      );
      break;
    case 'paragraph':
      body = r.text;
      break;
    case 'heading':
      body = r.title;
      break;
    case 'figure':
      body = r.caption;
      break;
    case 'stat':
      body = `${r.label} ${r.stat.text}`;
      break;
  }
  return (
    <div className="item-full" id={id} onClick={(e) => e.stopPropagation()}>
      <p className="muted small">{t('condensed.fullHint')}</p>
      <p>{body}</p>
    </div>
  );
}

/**
 * One briefing line. It reads its own item from the store, so typing in one item re-renders
 * that line only: the list around it (and the drag-and-drop context) stays as it was.
 */
const ItemRow = memo(function ItemRow({ itemId, index }: RowProps) {
  const { t } = useTranslation();
  const report = useStore((st) => st.report);
  const item = useStore((st) => itemById(st.briefing.items, itemId));
  const selected = useStore((st) => st.selectedItemId === itemId);
  const output = useStore((st) => st.briefing.output);
  const condensed = useContext(CondensedItems).has(itemId);
  const [showFull, setShowFull] = useState(false);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: itemId,
    });
  if (!report || !item) return null;
  const r = resolveCached(report, item);
  const summary = r ? itemSummary(r) : t('item.missing');
  // a table is a figure of the report's model, but staff call it 表, not 图
  const kind = r ? (r.kind === 'figure' && r.figure.kind === 'table' ? 'table' : r.kind) : 'paragraph';
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>): void => {
    if (isEditable(e.target as Element)) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      s().moveItemBy(item.id, e.key === 'ArrowUp' ? -1 : 1);
      s().selectItem(item.id);
      focusItem(item.id);
    } else if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
      e.preventDefault();
      s().selectItem(selected ? null : item.id);
    }
  };
  return (
    <li
      ref={setNodeRef}
      style={{ transform: DndCSS.Transform.toString(transform), transition }}
      className={`item kind-${kind} ${selected ? 'selected' : ''} ${isDragging ? 'dragging' : ''} ${r?.kind === 'heading' ? `level-${r.level}` : ''}`}
      data-item-row={item.id}
      tabIndex={0}
      aria-current={selected ? 'true' : undefined}
      aria-label={`${index + 1}. ${t(`kind.${kind}`)} ${summary}`}
      onKeyDown={onKeyDown}
      onClick={() => s().selectItem(item.id)}
    >
      <div className="item-line">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="handle"
          aria-label={t('item.handle', { title: summary })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="item-no">{index + 1}</span>
        <span className={`badge badge-${kind}`}>{t(`kind.${kind}`)}</span>
        <span className="item-summary">{summary}</span>
        {isOverridden(item) && <span className="edited">{t('item.edited')}</span>}
        {condensed && r && (
          <button
            type="button"
            className="badge badge-condensed"
            aria-expanded={showFull}
            aria-controls={`full-${item.id}`}
            title={t('condensed.hint')}
            onClick={(e) => {
              e.stopPropagation();
              setShowFull(!showFull);
            }}
          >
            {t('condensed.badge')}
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-label={t('item.removeNamed', { title: summary })}
          title={t('item.remove')}
          onClick={(e) => {
            e.stopPropagation();
            s().removeItems([item.id]);
          }}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {condensed && showFull && r && <FullText r={r} id={`full-${item.id}`} />}
      {selected && r && <ItemEditor report={report} item={item} r={r} output={output} />}
    </li>
  );
});

const itemMaps = new WeakMap<readonly BriefingItem[], Map<string, BriefingItem>>();

/** An item by id, through a map built once per items array. */
function itemById(items: readonly BriefingItem[], id: string): BriefingItem | undefined {
  let map = itemMaps.get(items);
  if (!map) {
    map = new Map(items.map((i) => [i.id, i]));
    itemMaps.set(items, map);
  }
  return map.get(id);
}

export function BriefingPane() {
  const { t } = useTranslation();
  const hasReport = useStore((st) => st.report !== null);
  // the pane follows the order of items, not their words: typing re-renders one line, not the list
  const idKey = useStore((st) => st.briefing.items.map((i) => i.id).join('\n'));
  const output = useStore((st) => st.briefing.output);
  const selectedItemId = useStore((st) => st.selectedItemId);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => (idKey ? idKey.split('\n') : []), [idKey]);
  const condensed = useCondensedItems();

  // keep the selected line in view when it changes (picked in the preview, moved by keyboard)
  useEffect(() => {
    if (!selectedItemId) return;
    document
      .querySelector(`[data-item-row="${CSS.escape(selectedItemId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedItemId]);

  if (!hasReport) return null;
  const titleOf = (id: unknown): string => {
    const { report, briefing } = s();
    const item = itemById(briefing.items, String(id));
    const r = report && item ? resolveCached(report, item) : null;
    return r ? itemSummary(r) : '';
  };
  const position = (id: unknown): number => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.picked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('dnd.over', { title: titleOf(active.id), n: position(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('dnd.dropped', { title: titleOf(active.id), n: position(over.id) }) : undefined,
    onDragCancel: ({ active }) => t('dnd.canceled', { title: titleOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    if (over && active.id !== over.id) s().reorderItem(String(active.id), String(over.id));
  };

  return (
    <section className="pane briefing" aria-label={t('briefing.heading')}>
      <div className="pane-head">
        <h2>{t('briefing.heading')}</h2>
        <span className="muted small">
          {ids.length === 0 ? t('briefing.countNone') : t('briefing.count', { count: ids.length })} ·{' '}
          {t('item.keys')}
        </span>
      </div>
      {ids.length === 0 ? (
        <>
          {/* an empty list is not an empty deck: say what the preview and an export show */}
          <p className="pad empty-automatic" role="note">
            {t('briefing.automatic', { output: t(`output.${output}`) })}
          </p>
          <p className="muted pad">{t('briefing.empty')}</p>
        </>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <CondensedItems.Provider value={condensed}>
              <ol className="briefing-items" aria-label={t('briefing.list')}>
                {ids.map((id, i) => (
                  <ItemRow key={id} itemId={id} index={i} />
                ))}
              </ol>
            </CondensedItems.Provider>
          </SortableContext>
        </DndContext>
      )}
    </section>
  );
}
