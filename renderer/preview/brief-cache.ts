import { composeDoc } from '../../content/compose/doc';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { condenseBrief, type LeftOut } from '../../templates/brief/condense';
import { paginateBrief } from '../../templates/brief/paginate';
import type { Doc } from '../../templates/model';
import type { BriefTemplate } from '../../templates/schema';

/** The Word brief as the preview shows it and the export writes it. */
export interface ShownBrief {
  doc: Doc;
  /** pages of the .docx, counted as the export lays them out */
  pages: number;
  /** with 「压缩到 N 页」 on: what the brief leaves out, and whether it fits the budget at all */
  condensed?: { budget: number; leftOut: LeftOut[]; fits: boolean };
}

interface Entry {
  report: Report;
  briefing: Briefing;
  template: BriefTemplate;
  office: boolean;
  shown: ShownBrief;
}

/** The last few briefs composed, so the preview and the status line condense once per edit. */
const recent: Entry[] = [];
const KEEP = 3;

/**
 * Compose the brief and, with a page budget set (and no office template, whose own file sets
 * the pages), condense it with `condenseBrief` as main/export does, so the pages shown are the
 * pages exported.
 */
export function shownBrief(
  report: Report,
  briefing: Briefing,
  template: BriefTemplate,
  office: boolean,
): ShownBrief {
  const hit = recent.find(
    (e) => e.report === report && e.briefing === briefing && e.template === template && e.office === office,
  );
  if (hit) return hit.shown;
  const doc = composeDoc(report, briefing);
  const budget = office ? undefined : briefing.pageBudget;
  let shown: ShownBrief;
  if (budget) {
    const c = condenseBrief(doc, template, budget.pages, { keep: new Set(budget.keep) });
    shown = {
      doc: c.doc,
      pages: c.pages,
      condensed: { budget: budget.pages, leftOut: c.leftOut, fits: c.fits },
    };
  } else shown = { doc, pages: office ? 0 : paginateBrief(doc, template).count };
  recent.unshift({ report, briefing, template, office, shown });
  recent.length = Math.min(recent.length, KEEP);
  return shown;
}
