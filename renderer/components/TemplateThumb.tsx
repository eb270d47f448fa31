import { memo, useMemo } from 'react';
import type { Doc, Slide } from '../../templates/model';
import { deckCss, renderSlide } from '../../templates/render/slide';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { emptyFields } from '../../content/model/values';
import { briefPreview } from '../preview/brief-adapter';
import { briefTemplate, deckTheme, useTemplateRegistry } from '../templates';
import { Markup } from './Markup';

const THUMB_W = 160;

/** A small picture of a template: a deck theme's cover slide, or a brief format's first page. */
export const TemplateThumb = memo(function TemplateThumb({
  kind,
  id,
  title,
}: {
  kind: 'deck' | 'brief';
  id: string;
  title: string;
}) {
  const registry = useTemplateRegistry();
  const { html, css, width, height } = useMemo(() => {
    const fields = { ...emptyFields(), title, unit: '　', date: '　' };
    if (kind === 'deck') {
      const { theme } = deckTheme(id, registry);
      const slide: Slide = { id: 'thumb', layout: 'cover', title, notes: '', itemIds: [] };
      return {
        html: `<div class="bs-deck bs-theme-${theme.id}">${renderSlide(slide, { theme, fields, index: 1, total: 1 })}</div>`,
        css: deckCss(theme),
        width: SLIDE_W,
        height: SLIDE_H,
      };
    }
    const { template } = briefTemplate(id, registry);
    const doc: Doc = {
      templateId: template.id,
      fields,
      blocks: [
        { kind: 'heading', level: 1, number: '一、', text: '　' },
        { kind: 'paragraph', text: '　'.repeat(90) },
        { kind: 'heading', level: 1, number: '二、', text: '　' },
        { kind: 'paragraph', text: '　'.repeat(60) },
      ],
    };
    const preview = briefPreview(doc, template);
    return { html: preview.html, css: preview.css, width: 794, height: 560 };
  }, [kind, id, title, registry]);
  const scale = THUMB_W / width;
  return (
    <span
      className="template-thumb"
      style={{ width: THUMB_W, height: Math.round(height * scale) }}
      aria-hidden="true"
    >
      <style>{css}</style>
      <Markup className="template-thumb-inner" style={{ zoom: scale, width }} html={html} />
    </span>
  );
});
