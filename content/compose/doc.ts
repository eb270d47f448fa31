import type { Doc, DocBlock, ShownStat } from '../../templates/model';
import type { Briefing } from '../model/briefing';
import type { Report } from '../model/report';
import { resolveItems } from '../briefing/resolve';
import { draftItems } from '../briefing/select';
import { HeadingCounter } from './numbering';
import { shownStat } from './shown';

/**
 * Compose a Word brief: the briefing's items, in order, as numbered headings, points,
 * paragraphs, figures and tables. Headings are renumbered in the official sequence per level
 * (一、 （一） 1. （1）) whatever numbering the source used. With no items picked, the brief
 * holds every top-level section with its points.
 */
export function composeDoc(report: Report, briefing: Briefing): Doc {
  const items = briefing.items.length > 0 ? briefing.items : draftItems(report);
  const counter = new HeadingCounter();
  const blocks: DocBlock[] = [];
  let figureNo = 0;
  let tableNo = 0;
  let pendingStats: ShownStat[] = [];

  const flushStats = (): void => {
    if (pendingStats.length === 0) return;
    tableNo++;
    blocks.push({ kind: 'stats', number: tableNo, caption: '主要数据', stats: pendingStats });
    pendingStats = [];
  };

  for (const r of resolveItems(report, items)) {
    if (r.kind !== 'stat') flushStats();
    const itemId = r.item.id;
    switch (r.kind) {
      case 'heading':
        blocks.push({
          kind: 'heading',
          level: r.level,
          number: counter.next(r.level),
          text: r.title,
          itemId,
        });
        break;
      case 'point':
        blocks.push(
          r.item.style === 'paragraph'
            ? { kind: 'paragraph', text: `${r.lead}。${r.text}`, itemId }
            : { kind: 'point', lead: r.lead, text: r.text, itemId },
        );
        break;
      case 'paragraph':
        blocks.push(
          r.item.style === 'quote'
            ? { kind: 'quote', text: r.text, itemId }
            : { kind: 'paragraph', text: r.text, itemId },
        );
        break;
      case 'figure': {
        const { figure } = r;
        if (figure.kind === 'table') {
          tableNo++;
          blocks.push({
            kind: 'table',
            number: tableNo,
            caption: r.caption,
            rows: figure.rows ?? [],
            itemId,
          });
        } else {
          figureNo++;
          const asset = figure.assetId ? report.assets[figure.assetId] : undefined;
          blocks.push({
            kind: 'image',
            number: figureNo,
            caption: r.caption,
            ...(asset ? { image: asset } : {}),
            itemId,
          });
        }
        break;
      }
      case 'stat':
        pendingStats.push(shownStat(r.stat, r.label));
        break;
    }
  }
  flushStats();

  const fields = {
    ...briefing.fields,
    title: briefing.fields.title || report.title,
    subtitle: briefing.fields.subtitle || (report.subtitle ?? ''),
  };
  return { templateId: briefing.briefTemplate, fields, blocks };
}
