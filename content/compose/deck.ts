import type { DeckTemplate } from '../../templates/schema';
import {
  shownStatText,
  type BriefFields,
  type Deck,
  type OutputImage,
  type ShownStat,
  type SlideChart,
  type SlideLayout,
} from '../../templates/model';
import type { Briefing, BriefingItem, ItemRef } from '../model/briefing';
import { emptyBriefing } from '../model/values';
import type { Report, Section, Stat } from '../model/report';
import { resolveItems, type ResolvedItem } from '../briefing/resolve';
import { addRefs, draftItems } from '../briefing/select';
import { logoImage } from '../briefing/assets';
import { SECTION_LABELS } from '../analyze/text-rules';
import { INTRO_SECTION_ID } from '../analyze/ids';
import { bodySlides, type BodyEntry } from './deck-body';
import { officialPunctuation } from '../text/punctuation';
import { chineseNumeral } from './numbering';
import { officialItem } from './official-text';
import { shownStat } from './shown';
import { fitSlides, type SlideDraft } from './deck-fit';
import { markShown } from '../stats/series';
import {
  chartGroups,
  pickKeyStats,
  pickedChart,
  sectionSeries,
  seriesChart,
  statIndex,
  statNotes,
} from './deck-stats';

export interface ComposeDeckOptions {
  /** the organisation's own logo, shown unaltered where the theme has a slot; defaults to the briefing's */
  logo?: OutputImage;
}

type Heading = Extract<ResolvedItem, { kind: 'heading' }>;

const DATE_LINE = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月/;

/**
 * The deck's frame: the briefing's fields, with the report's front matter filling what staff left
 * empty — its title and subtitle, its issuing unit and date (read from the lines under the title
 * or the signature at the end; the dateline of a report saved before those fields existed), and
 * the speaker of a speech or report as the cover's presenter.
 */
export function deckFields(report: Report, fields: BriefFields): BriefFields {
  const dateLine = report.dateline.find((l) => DATE_LINE.test(l));
  const unitLine = report.dateline.find(
    (l) => !DATE_LINE.test(l) && l.trim().length <= 30 && l !== report.speaker,
  );
  return {
    ...fields,
    title: officialPunctuation(fields.title || report.title),
    subtitle: officialPunctuation(fields.subtitle || report.subtitle || ''),
    unit: fields.unit || report.issuer || unitLine?.trim() || '',
    date: fields.date || report.date || dateLine?.trim() || '',
    presenter: fields.presenter || report.speaker || '',
  };
}

/** Words a report puts over its opening or closing rather than a numbered part. */
const OPENING_LABELS = /^(编者按|按语|卷首语|开篇的话|引子)[:：]?$/u;

/** The title the deck gives text that comes before the report's first heading. */
const OPENING = '开篇';

/**
 * A top-level section that is the report's opening or closing words — text before the first
 * heading, or a 写在前面 / 前言 / 编者按 / 结束语 — rather than one of its numbered parts: it gets no
 * divider, no agenda entry and no number.
 */
function isOpening(h: Heading): boolean {
  if (h.level !== 1) return false;
  return h.section.id === INTRO_SECTION_ID || SECTION_LABELS.test(h.title) || OPENING_LABELS.test(h.title);
}

/** A heading that opens a numbered part: a divider of its own, and an entry in the agenda. */
const isPart = (h: Heading): boolean => headingPlan(h).divider && !isOpening(h);

/** How a heading item shows: a divider slide, and whether its section gets key figures or a chart. */
function headingPlan(r: Heading): { divider: boolean; figures: boolean; chart: boolean } {
  const layout: SlideLayout | undefined = r.item.layout;
  const top = r.level === 1;
  switch (layout) {
    case undefined:
    case 'divider':
      return { divider: top || layout === 'divider', figures: top, chart: false };
    case 'figures':
      return { divider: top, figures: true, chart: false };
    case 'chart':
      return { divider: top, figures: false, chart: true };
    case 'bullets':
      // staff chose to run the section's points on without a divider
      return { divider: false, figures: top, chart: false };
    case 'cover':
    case 'agenda':
    case 'image':
    case 'table':
    case 'quote':
    case 'closing':
      return { divider: top, figures: top, chart: false };
  }
}

/** The top-level section each section belongs to. */
function topSections(report: Report): Map<string, string> {
  const top = new Map<string, string>();
  for (const root of report.sections) {
    const walk = (s: Section): void => {
      top.set(s.id, root.id);
      s.sections.forEach(walk);
    };
    walk(root);
  }
  return top;
}

/**
 * The automatic pick for a deck: every top-level section with its points and figures, and every
 * paragraph — a section's results paragraph before its points (「过去一年…事故14起、死亡9人」) or
 * the problems after them are what a deck must not lose; the slides show their fact sentences,
 * the notes their full text.
 */
export function deckDraftItems(report: Report, _theme: DeckTemplate): BriefingItem[] {
  const extra: ItemRef[] = [];
  const walk = (s: Section): void => {
    for (const b of s.blocks) if (b.kind === 'paragraph') extra.push({ type: 'block', id: b.id });
    s.sections.forEach(walk);
  };
  report.sections.forEach(walk);
  return addRefs({ ...emptyBriefing(), items: draftItems(report) }, report, extra).items;
}

/**
 * A speech (讲话, 致辞, 发言) or a report delivered to a congress (「各位代表：」) thanks its
 * audience; 「汇报完毕，敬请批评指正」 is what a unit says to those above it.
 */
const SPEECH_TITLE = /讲话|致辞|发言|讲稿/u;
const SPEECH_SALUTATION = /^(?:同志们|各位同志|同学们|朋友们|各位代表|各位委员)/u;
const SPEECH_CLOSING = '谢谢';

export function isSpeech(report: Report): boolean {
  return SPEECH_TITLE.test(report.title) || SPEECH_SALUTATION.test(report.salutation ?? '');
}

/**
 * Compose a slide deck from the briefing (or, with nothing picked, an automatic draft of the
 * whole report): a cover from the title and fields; an agenda of the top-level sections; a
 * divider (一、二、…) per section with its key figures (数说); points as bullets with their
 * bodies in the speaker notes; image and table figures on their own slides; a closing slide.
 * Any item's layout can be overridden by staff. Then every slide is fitted to the theme:
 * shrunk within its limits, and split onto （续） slides where it still does not fit.
 */
export function composeDeck(
  report: Report,
  briefing: Briefing,
  theme: DeckTemplate,
  options: ComposeDeckOptions = {},
): Deck {
  const items = briefing.items.length > 0 ? briefing.items : deckDraftItems(report, theme);
  const resolved = resolveItems(report, items).map(officialItem);
  const fields = deckFields(report, briefing.fields);
  const drafts = draftSlides(report, resolved, fields, theme);
  const slides = fitSlides(drafts, theme).map((s, i) => ({ id: `slide-${i + 1}`, ...s }));
  const logo = options.logo ?? (briefing.logo ? logoImage(briefing.logo) : undefined);
  return { themeId: theme.id, fields, slides, ...(logo ? { logo } : {}) };
}

/**
 * The briefing items a deck shows shortened — sentences left out, or a title, label or cell cut —
 * for the list to mark 「已精简」; each one's full text is in the notes of its slides.
 */
export function condensedItemIds(deck: Deck): Set<string> {
  return new Set(deck.slides.flatMap((s) => s.condensed ?? []));
}

/** The slides before fitting: what goes on which slide, in order. */
export function draftSlides(
  report: Report,
  resolved: readonly ResolvedItem[],
  fields: BriefFields,
  theme: DeckTemplate,
): SlideDraft[] {
  const out: SlideDraft[] = [];
  const topOf = topSections(report);
  const pickedBlocks = new Set(
    resolved.flatMap((r) => (r.kind === 'point' || r.kind === 'paragraph' ? [r.block.id] : [])),
  );
  // sections where staff picked statistics themselves get those, not an automatic pick
  const pickedStatTops = new Set(
    resolved.flatMap((r) => (r.kind === 'stat' ? [topOf.get(r.stat.sectionId) ?? r.stat.sectionId] : [])),
  );
  // a statistic is on one slide only: those staff picked, then each one an automatic pick shows
  const shownIds = new Set<string>();
  for (const r of resolved) if (r.kind === 'stat') markShown(shownIds, r.stat);

  // a speaker the report names (「应急管理局局长  林国栋」) stands with no 「汇报人：」 before the name
  const label = report.speaker && fields.presenter === report.speaker ? { presenterLabel: '' } : {};
  out.push({
    layout: 'cover',
    title: fields.title,
    subtitle: fields.subtitle,
    notes: '',
    itemIds: [],
    ...label,
  });

  // the agenda lists exactly the parts that are numbered, so its numbers are the dividers' numbers
  const parts = resolved.filter((r): r is Heading => r.kind === 'heading' && isPart(r));
  if (parts.length > 1) {
    out.push({
      layout: 'agenda',
      title: theme.texts.agenda,
      agenda: parts.map((h) => h.title),
      start: 1,
      notes: '',
      itemIds: parts.map((h) => h.item.id),
    });
  }

  let title = fields.title;
  let body: BodyEntry[] = [];
  /** the dividers made, with whether staff asked for them (those stay whatever the deck's size) */
  const dividerAt: { index: number; asked: boolean }[] = [];
  /** where each top-level part begins, and the kicker its slides carry when it has no divider */
  const partAt: PartStart[] = [];
  let stats: { stat: ShownStat; itemId: string }[] = [];
  let chartStats: { stat: Stat; label: string; itemId: string }[] = [];
  let dividers = 0;

  let inOpening = false;
  /** the heading of the sub-section (（一）…) being drafted, shown above its slides' headlines */
  let subKicker = '';
  const flushBullets = (): void => {
    if (body.length === 0) return;
    const all = bodySlides(body, title, theme);
    body = [];
    // a section whose items gave no line at all (formulas only) adds its words to the notes before
    const made = all.filter((m) => m.bullets.length > 0);
    const prior = out[out.length - 1];
    for (const m of all) if (m.bullets.length === 0 && prior) foldInto(prior, m, theme);
    // a sub-section's heading is its slides' kicker where the headline is not the heading itself
    if (subKicker) for (const m of made) if (m.title !== title) m.kicker = subKicker;
    const lone = made.length === 1 && made[0]?.bullets.length === 1 ? made[0] : undefined;
    // a slide of one line is not made: the line joins the slide before (an opening's, the cover)
    const host = lone ? (inOpening ? out[0] : out[out.length - 1]) : undefined;
    if (lone && host && host.layout !== 'divider' && host.layout !== 'agenda') foldInto(host, lone, theme);
    else out.push(...made);
  };
  const figuresSlide = (slideTitle: string, shown: ShownStat[], itemIds: string[]): SlideDraft => ({
    layout: 'figures',
    title: slideTitle,
    figures: shown,
    notes: '',
    itemIds,
  });
  const chartSlide = (slideTitle: string, chart: SlideChart, itemIds: string[]): SlideDraft => ({
    layout: 'chart',
    title: chart.title || slideTitle,
    chart,
    notes: '',
    itemIds,
  });
  /** Charts of statistics staff picked: one per kind and unit; a number alone of its kind is a key figure. */
  const chartSlides = (
    slideTitle: string,
    picked: readonly { stat: Stat; label: string }[],
    itemIds: string[],
  ): SlideDraft[] => {
    const drafts: SlideDraft[] = [];
    const single: ShownStat[] = [];
    const labels = new Map(picked.map((p) => [p.stat.id, p.label]));
    for (const group of chartGroups(picked.map((p) => p.stat))) {
      if (group.length < 2) {
        single.push(...group.map((g) => shownStat(g, labels.get(g.id))));
        continue;
      }
      const chart = pickedChart(
        group,
        group.map((g) => labels.get(g.id) ?? g.label),
      );
      drafts.push(chartSlide(slideTitle, chart, itemIds));
    }
    if (single.length) drafts.push(figuresSlide(slideTitle, single, itemIds));
    return drafts;
  };
  const flushStats = (): void => {
    if (stats.length) {
      out.push(
        figuresSlide(
          `${theme.texts.figures}｜${title}`,
          stats.map((s) => s.stat),
          stats.map((s) => s.itemId),
        ),
      );
    }
    if (chartStats.length) {
      out.push(
        ...chartSlides(
          title,
          chartStats,
          chartStats.map((s) => s.itemId),
        ),
      );
    }
    stats = [];
    chartStats = [];
  };
  const flush = (): void => {
    flushBullets();
    flushStats();
  };
  const bullet = (text: string, note: string, itemId: string): void => {
    body.push({ kind: 'line', text, note, itemId });
  };
  const textEntry = (r: Extract<ResolvedItem, { kind: 'point' | 'paragraph' }>): BodyEntry =>
    r.kind === 'point'
      ? { kind: 'point', lead: r.lead, text: r.text, itemId: r.item.id }
      : { kind: 'paragraph', text: r.text, itemId: r.item.id };
  const ownSlide = (draft: SlideDraft): void => {
    flushBullets();
    out.push(draft);
  };
  /**
   * A section's key figures (数说) and, where its statistics make a comparable series, a chart of
   * them: the chart takes its series first, the cards the best of the rest, and neither shows a
   * statistic another slide shows.
   */
  const sectionFigures = (r: Heading, auto: boolean, asChart: boolean, itemId: string): SlideDraft[] => {
    const drafts: SlideDraft[] = [];
    const series = sectionSeries(report, r.section, shownIds);
    if (series) series.stats.forEach((s) => markShown(shownIds, s));
    const picks = pickKeyStats(report, r.section, pickedBlocks, theme.limits.maxFigures, shownIds);
    // an automatic 数说 slide needs a few numbers; one staff asked for shows whatever there is
    const needed = r.item.layout === 'figures' ? 1 : theme.limits.minFigures;
    if (auto && !asChart && picks.length >= needed) {
      picks.forEach((s) => markShown(shownIds, s));
      drafts.push(
        figuresSlide(
          `${theme.texts.figures}｜${title}`,
          picks.map((s) => shownStat(s)),
          [itemId],
        ),
      );
    }
    if (series) drafts.push(chartSlide(title, seriesChart(series), [itemId]));
    else if (asChart && picks.length > 0) {
      picks.forEach((s) => markShown(shownIds, s));
      drafts.push(
        ...chartSlides(
          title,
          picks.map((s) => ({ stat: s, label: s.label })),
          [itemId],
        ),
      );
    }
    return drafts;
  };

  for (const r of resolved) {
    const itemId = r.item.id;
    switch (r.kind) {
      case 'heading': {
        flush();
        inOpening = isOpening(r);
        // text before the first heading is the opening, not a chapter the report does not have
        title = r.section.id === INTRO_SECTION_ID ? OPENING : r.title;
        subKicker = r.level >= 2 ? `${r.section.number ?? ''}${r.title}` : '';
        const plan = headingPlan(r);
        if (r.level === 1 || isPart(r)) partAt.push({ index: out.length, kicker: '' });
        if (isPart(r)) {
          dividers++;
          const start = partAt[partAt.length - 1];
          if (start) start.kicker = `${chineseNumeral(dividers)}、${r.title}`;
          dividerAt.push({ index: out.length, asked: r.item.layout === 'divider' });
          out.push({
            layout: 'divider',
            title: r.title,
            number: `${chineseNumeral(dividers)}、`,
            notes: '',
            itemIds: [itemId],
          });
        }
        const top = topOf.get(r.section.id) ?? r.section.id;
        const auto = plan.figures && !pickedStatTops.has(top);
        if (auto || plan.chart) out.push(...sectionFigures(r, auto, plan.chart, itemId));
        break;
      }
      case 'point':
      case 'paragraph': {
        const text = r.text;
        const lead = r.kind === 'point' ? r.lead : '';
        const whole = lead ? `${lead}${/[。！？；…]$/.test(lead) ? '' : '。'}${text}` : text;
        const blockStatList = r.statIds
          .map((id) => statIndex(report).byId.get(id))
          .filter((s): s is Stat => s !== undefined);
        const blockStats = blockStatList.map((s) => shownStat(s));
        switch (r.item.layout) {
          case 'quote':
            ownSlide({ layout: 'quote', title, quote: { text: whole }, notes: whole, itemIds: [itemId] });
            break;
          case 'figures':
          case 'chart':
            if (blockStats.length > 0) {
              ownSlide(
                r.item.layout === 'chart'
                  ? {
                      ...(chartSlides(
                        title,
                        blockStatList.map((s) => ({ stat: s, label: s.label })),
                        [itemId],
                      )[0] as SlideDraft),
                      notes: whole,
                    }
                  : { ...figuresSlide(title, blockStats, [itemId]), notes: whole },
              );
              break;
            }
            body.push(textEntry(r));
            break;
          default:
            body.push(textEntry(r));
        }
        break;
      }
      case 'stat': {
        const shown = shownStat(r.stat, r.label);
        switch (r.item.layout) {
          case 'chart':
            chartStats.push({ stat: r.stat, label: r.label, itemId });
            break;
          case 'bullets':
            bullet(`${shown.label}：${shownStatText(shown)}`, statNotes([shown]), itemId);
            break;
          case 'quote':
            ownSlide({
              layout: 'quote',
              title,
              quote: { text: shown.sentence },
              notes: statNotes([shown]),
              itemIds: [itemId],
            });
            break;
          default:
            stats.push({ stat: shown, itemId });
        }
        break;
      }
      case 'figure': {
        const { figure } = r;
        const asset = figure.kind === 'image' && figure.assetId ? report.assets[figure.assetId] : undefined;
        if (r.item.layout === 'quote') {
          ownSlide({
            layout: 'quote',
            title,
            quote: { text: r.caption },
            notes: r.caption,
            itemIds: [itemId],
          });
        } else if (figure.kind === 'table') {
          flush();
          out.push({
            layout: 'table',
            title: r.caption || title,
            table: { caption: r.caption, rows: figure.rows ?? [] },
            notes: r.caption,
            itemIds: [itemId],
          });
        } else if (asset && r.item.layout !== 'bullets') {
          flush();
          out.push({
            layout: 'image',
            title,
            image: { mime: asset.mime, data: asset.data, caption: r.caption },
            notes: r.caption,
            itemIds: [itemId],
          });
        } else {
          // a photo caption whose picture did not survive the import: keep its words as a point
          bullet(r.caption, r.caption, itemId);
        }
        break;
      }
    }
  }
  flush();
  out.push({
    layout: 'closing',
    title: isSpeech(report) ? SPEECH_CLOSING : theme.texts.closing,
    notes: '',
    itemIds: [],
    ...label,
  });
  return dividersThatHelp(out, dividerAt, partAt);
}

/**
 * Put a one-line slide's content on the slide before it: as one more line where that is a text
 * slide with room, else in its notes, the item marked condensed (the list shows 「已精简」).
 */
function foldInto(
  host: SlideDraft,
  lone: Extract<SlideDraft, { layout: 'bullets' }>,
  theme: DeckTemplate,
): void {
  const note =
    [lone.notes, ...(lone.bulletNotes ?? [])].filter(Boolean).join('\n\n') || lone.bullets.join('\n');
  host.itemIds = [...new Set([...host.itemIds, ...lone.itemIds])];
  if (host.layout === 'bullets' && lone.bullets.length > 0 && host.bullets.length < theme.limits.maxBullets) {
    host.bulletNotes = [...(host.bulletNotes ?? host.bullets.map(() => '')), note];
    host.bullets = [...host.bullets, ...lone.bullets];
    host.bulletItemIds = [...(host.bulletItemIds ?? []), ...(lone.bulletItemIds ?? lone.itemIds)];
    if (lone.condensed) host.condensed = [...(host.condensed ?? []), ...lone.condensed];
    return;
  }
  host.notes = [host.notes, note].filter(Boolean).join('\n\n');
  host.condensed = [...new Set([...(host.condensed ?? []), ...lone.itemIds])];
}

/** Parts beyond which a deck needs dividers to be followed. */
const PARTS_WITHOUT_DIVIDERS = 5;
/** Slides a part has, on average, when its divider helps the audience see where it starts. */
const SLIDES_PER_DIVIDED_PART = 3;

/** Where a top-level section's slides begin; `kicker` is its number and title when it is a numbered part. */
interface PartStart {
  index: number;
  kicker: string;
}

/**
 * Dividers only where they help: a deck of more than about five parts, or of parts that run over
 * several slides each. Otherwise the automatic dividers go, and the agenda (numbered as the parts
 * are) and each slide's kicker — the part's number and title above its headline — carry the
 * structure. Dividers staff asked for always stay, and the slides after them need no kicker.
 */
function dividersThatHelp(
  slides: SlideDraft[],
  dividerAt: readonly { index: number; asked: boolean }[],
  partAt: readonly PartStart[],
): SlideDraft[] {
  if (dividerAt.length === 0 || dividerAt.length > PARTS_WITHOUT_DIVIDERS) return slides;
  const first = dividerAt[0]?.index ?? 0;
  const closing = slides.length - 1;
  const partSlides = closing - first - dividerAt.length;
  if (partSlides >= SLIDES_PER_DIVIDED_PART * dividerAt.length) return slides;
  const drop = new Set(dividerAt.filter((d) => !d.asked).map((d) => d.index));
  partAt.forEach((part, k) => {
    if (!part.kicker || !drop.has(part.index)) return;
    const end = partAt[k + 1]?.index ?? closing;
    for (let i = part.index + 1; i < end; i++) {
      const slide = slides[i];
      if (slide) slides[i] = withKicker(slide, part.kicker);
    }
  });
  return slides.filter((_, i) => !drop.has(i));
}

/**
 * A content slide of a part without a divider, with the part as its kicker; not where the headline
 * already says the part's title (the kicker would only repeat it).
 */
function withKicker(slide: SlideDraft, kicker: string): SlideDraft {
  switch (slide.layout) {
    case 'cover':
    case 'divider':
    case 'closing':
    case 'agenda':
      return slide;
    case 'bullets':
    case 'figures':
    case 'image':
    case 'chart':
    case 'table':
    case 'quote':
      // a sub-section's heading already over the slide says more than the part's
      return kicker.endsWith(`、${slide.title}`) || slide.kicker ? slide : { ...slide, kicker };
  }
}
