import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { composeDeck } from '../../content/compose/deck';
import { composeDoc } from '../../content/compose/doc';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { deckCss } from '../../templates/render/slide';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { printNow } from '../actions/print';
import { briefPreview } from '../preview/brief-adapter';
import { SlideRenderer } from '../preview/slides';
import { deckPrintGrid, pagesOf, PER_PAGE, type DeckPrintOptions } from '../print/layout';
import { useStore } from '../store/store';
import type { BriefTemplate } from '../../templates/schema';
import { briefTemplate, deckTheme, useTemplateRegistry } from '../templates';
import { Markup } from './Markup';
import { Modal } from './Modal';

const renderer = new SlideRenderer(400);
const s = useStore.getState;

/** The deck laid out for paper: 1, 2, 4 or 6 slides a page, each drawn by the export's renderer. */
function DeckPrint({
  report,
  briefing,
  options,
}: {
  report: Report;
  briefing: Briefing;
  options: DeckPrintOptions;
}) {
  const registry = useTemplateRegistry();
  const { theme } = deckTheme(briefing.deckTemplate, registry);
  const slides = useMemo(
    () => renderer.render(composeDeck(report, briefing, theme), theme),
    [report, briefing, theme],
  );
  const grid = deckPrintGrid(options, SLIDE_W, SLIDE_H);
  const themeClass = `bs-deck bs-theme-${theme.id}`;
  const pages = pagesOf(slides, options.perPage);
  return (
    <>
      <style>{`${deckCss(theme)}\n@page { size: A4 ${grid.landscape ? 'landscape' : 'portrait'}; margin: 10mm; }`}</style>
      {pages.map((page, p) => (
        <section
          key={p}
          className="print-page"
          data-print-page={p + 1}
          style={{
            gridTemplateColumns: `repeat(${grid.cols}, 1fr)`,
            gridTemplateRows: `repeat(${grid.rows}, 1fr)`,
          }}
        >
          {page.map((slide, k) => (
            <div key={k} className="print-cell">
              <div
                className="print-slide"
                style={{ width: SLIDE_W * grid.scale, height: SLIDE_H * grid.scale }}
              >
                <Markup
                  className={`slide-scale ${themeClass}`}
                  style={{ zoom: grid.scale }}
                  html={slide.html}
                />
              </div>
              {options.notes && <p className="print-notes">{slide.notes}</p>}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** A string as a CSS string literal (the page-number prefix and suffix are template data). */
const cssString = (text: string): string =>
  `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;

/**
 * The page rules of a printed brief: the template's paper and margins, and its page number
 * (「— 1 —」) in the page's bottom margin, outside (odd pages right, even left) or centred as
 * the .docx sets it.
 */
export function briefPageCss(template: BriefTemplate): string {
  const m = template.page.margins;
  const mm = (twips: number): string => `${((twips / 1440) * 25.4).toFixed(2)}mm`;
  const pn = template.pageNumber;
  const font = template.fonts.pageNumber;
  const number = `content: ${cssString(pn.prefix)} counter(page) ${cssString(pn.suffix)}; font-family: ${cssString(font.latin)}, ${cssString(font.eastAsia)}, serif; font-size: ${font.sizePt}pt;`;
  const indent = `${pn.indentChars}em`;
  const boxes =
    pn.position === 'outside'
      ? `@page :right { @bottom-right { ${number} padding-right: ${indent}; } }\n@page :left { @bottom-left { ${number} padding-left: ${indent}; } }`
      : pn.position === 'right'
        ? `@page { @bottom-right { ${number} padding-right: ${indent}; } }`
        : `@page { @bottom-center { ${number} } }`;
  return `@page { size: ${mm(template.page.width)} ${mm(template.page.height)}; margin: ${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)}; }\n${boxes}`;
}

/**
 * The brief for paper: the same sheet as the preview and the .docx, on the template's page and
 * margins, broken into pages where the paginator (templates/brief/paginate.ts) breaks the .docx
 * and the preview counts 「共 N 页」. A paragraph the .docx carries over a page runs on here as
 * well, so the page break falls inside it where the lines run out.
 */
function BriefPrint({ report, briefing }: { report: Report; briefing: Briefing }) {
  const registry = useTemplateRegistry();
  const { template } = briefTemplate(briefing.briefTemplate, registry);
  const office = briefing.officeTemplate !== undefined;
  const preview = useMemo(
    () => briefPreview(composeDoc(report, briefing), template, office),
    [report, briefing, template, office],
  );
  return (
    <>
      <style>{`${preview.css}\n${office ? '' : briefPageCss(template)}`}</style>
      <Markup className="print-brief" html={preview.html} />
    </>
  );
}

/** What goes to the printer, hidden on screen; in print only it shows (styles.css). */
export function PrintView() {
  const job = useStore((st) => st.printJob);
  const report = useStore((st) => st.report);
  const briefing = useStore((st) => st.briefing);
  if (!job || !report) return null;
  return (
    <div className="print-view" data-print={job.output}>
      {job.output === 'deck' ? (
        <DeckPrint report={report} briefing={briefing} options={job.options} />
      ) : (
        <BriefPrint report={report} briefing={briefing} />
      )}
    </div>
  );
}

/** 打印: for the deck, how many slides a page and whether with notes; the brief prints as its pages. */
export function PrintDialog() {
  const { t } = useTranslation();
  const open = useStore((st) => st.printDialog);
  const output = useStore((st) => st.briefing.output);
  const options = useStore((st) => st.printOptions);
  if (!open) return null;
  const close = (): void => s().setPrintDialog(false);
  return (
    <Modal title={t('print.title')} onCancel={close} className="print-dialog">
      <p className="muted small">{t(output === 'deck' ? 'print.deckIntro' : 'print.briefIntro')}</p>
      {output === 'deck' && (
        <>
          <fieldset className="print-choice">
            <legend>{t('print.perPage')}</legend>
            {PER_PAGE.map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name="per-page"
                  checked={options.perPage === n}
                  onChange={() => s().setPrintOptions({ perPage: n })}
                />
                {t('print.slides', { count: n })}
              </label>
            ))}
          </fieldset>
          <label className="print-choice">
            <input
              type="checkbox"
              checked={options.notes}
              onChange={(e) => s().setPrintOptions({ notes: e.target.checked })}
            />
            {t('print.notes')}
          </label>
        </>
      )}
      <div className="modal-actions">
        <button type="button" onClick={close}>
          {t('print.cancel')}
        </button>
        <button type="button" className="primary" onClick={printNow} autoFocus>
          {t('print.print')}
        </button>
      </div>
    </Modal>
  );
}
