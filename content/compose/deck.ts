import type { DeckTemplate } from '../../templates/schema';
import type { Deck, ShownStat, Slide } from '../../templates/model';
import type { Briefing } from '../model/briefing';
import type { Report } from '../model/report';
import { resolveItems, type ResolvedItem } from '../briefing/resolve';
import { draftItems } from '../briefing/select';
import { chineseNumeral } from './numbering';
import { shownStat } from './shown';

/**
 * Compose a slide deck from the briefing: cover, agenda, a divider per top-level section,
 * points as bullets (bodies into the notes), key figures wherever picked statistics are,
 * figures on their own slides, and a closing slide.
 */
export function composeDeck(report: Report, briefing: Briefing, theme: DeckTemplate): Deck {
  const items = briefing.items.length > 0 ? briefing.items : draftItems(report);
  const resolved = resolveItems(report, items);
  const title = briefing.fields.title || report.title;
  const slides: Slide[] = [];
  const add = (s: Omit<Slide, 'id'>): void => {
    slides.push({ id: `slide-${slides.length + 1}`, ...s });
  };

  add({
    layout: 'cover',
    title,
    subtitle: briefing.fields.subtitle || report.subtitle || '',
    notes: '',
    itemIds: [],
  });
  const topHeadings = resolved.filter(
    (r): r is Extract<ResolvedItem, { kind: 'heading' }> => r.kind === 'heading' && r.level === 1,
  );
  if (topHeadings.length > 1) {
    add({ layout: 'agenda', title: '目录', agenda: topHeadings.map((h) => h.title), notes: '', itemIds: [] });
  }

  let sectionTitle = title;
  let bullets: { text: string; note: string; itemId: string }[] = [];
  let stats: ShownStat[] = [];
  let dividers = 0;

  const flushBullets = (): void => {
    const max = theme.limits.maxBullets;
    for (let k = 0; k < bullets.length; k += max) {
      const chunk = bullets.slice(k, k + max);
      add({
        layout: 'bullets',
        title: sectionTitle,
        continued: k > 0,
        bullets: chunk.map((b) => b.text),
        notes: chunk
          .map((b) => b.note)
          .filter(Boolean)
          .join('\n\n'),
        itemIds: chunk.map((b) => b.itemId),
      });
    }
    bullets = [];
  };
  const flushStats = (): void => {
    for (let k = 0; k < stats.length; k += 6) {
      const chunk = stats.slice(k, k + 6);
      add({
        layout: 'figures',
        title: `${sectionTitle}：数说`,
        figures: chunk,
        notes: chunk.map((s) => `${s.value}${s.unit}（${s.label}）：${s.sentence}`).join('\n'),
        itemIds: [],
      });
    }
    stats = [];
  };
  const flush = (): void => {
    flushBullets();
    flushStats();
  };

  for (const r of resolved) {
    switch (r.kind) {
      case 'heading':
        flush();
        sectionTitle = r.title;
        if (r.level === 1) {
          dividers++;
          add({
            layout: 'divider',
            title: r.title,
            number: `${chineseNumeral(dividers)}、`,
            notes: '',
            itemIds: [r.item.id],
          });
        }
        break;
      case 'point':
        bullets.push({ text: r.lead, note: r.text, itemId: r.item.id });
        break;
      case 'paragraph':
        bullets.push({
          text: r.text.length > 60 ? `${r.text.slice(0, 58)}……` : r.text,
          note: r.text,
          itemId: r.item.id,
        });
        break;
      case 'stat':
        stats.push(shownStat(r.stat, r.label));
        break;
      case 'figure': {
        flush();
        const { figure } = r;
        if (figure.kind === 'table') {
          add({
            layout: 'table',
            title: r.caption || sectionTitle,
            table: { caption: r.caption, rows: figure.rows ?? [] },
            notes: '',
            itemIds: [r.item.id],
          });
        } else {
          const asset = figure.assetId ? report.assets[figure.assetId] : undefined;
          add({
            layout: asset ? 'image' : 'quote',
            title: sectionTitle,
            ...(asset ? { image: { ...asset, caption: r.caption } } : { quote: { text: r.caption } }),
            notes: r.caption,
            itemIds: [r.item.id],
          });
        }
        break;
      }
    }
  }
  flush();
  add({ layout: 'closing', title: '汇报完毕，敬请批评指正', notes: '', itemIds: [] });
  return { themeId: theme.id, fields: { ...briefing.fields, title }, slides };
}
