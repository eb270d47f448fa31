import type { Doc } from '../../templates/model';
import { briefCss, renderBrief } from '../../templates/render/brief';
import type { BriefTemplate } from '../../templates/schema';

/**
 * The brief preview: the page-accurate sheet from templates/render/brief.ts, which reads the
 * same template data and frame layout (masthead, title block, signature, colophon) as the Word
 * writer. Every text in it is escaped there.
 */
export interface BriefPreview {
  /** markup for the sheet */
  html: string;
  /** CSS for that markup, scoped to the template's sheet */
  css: string;
}

/**
 * With `bodyOnly` (an office's own Word template is chosen) the sheet shows the title and body in
 * the template's body format, which is what the export pours into the office's file.
 */
export function briefPreview(doc: Doc, template: BriefTemplate, bodyOnly = false): BriefPreview {
  return { html: renderBrief(doc, template, { bodyOnly }), css: briefCss(template) };
}
