/**
 * The output models templates render: a Deck of slides and a Doc of blocks. Compose
 * (content/compose) builds them from a briefing; the renderers here and the writers in main/
 * turn them into HTML, .pptx and .docx. They live here because templates/ imports no content/.
 */

/** Slide layouts: one renderer branch each, in the preview, the HTML deck and the .pptx. */
export const SLIDE_LAYOUTS = [
  'cover',
  'agenda',
  'divider',
  'bullets',
  'figures',
  'image',
  'chart',
  'table',
  'quote',
  'closing',
] as const;
export type SlideLayout = (typeof SLIDE_LAYOUTS)[number];

/**
 * The frame of a brief or deck: masthead, dateline, distribution, in the order a 公文 or 简报
 * reads them (the fields dialog lists them so). Every field is text, empty when not given; the
 * schema that checks them in a project file is in content/model/briefing.
 */
export const BRIEF_FIELD_KEYS = [
  'title',
  'subtitle',
  /** issuing unit (编印单位 / 发文机关) */
  'unit',
  /** 成文日期 as staff wrote it, e.g. 2022年7月15日 */
  'date',
  /** 期号 of a bulletin */
  'issueNo',
  /** 发文字号, e.g. 绿办〔2022〕12号 */
  'docNumber',
  /** 签发人 of a 上行文 (请示、报告 to a higher office), e.g. 王明; given, the red masthead is set as a 上行文 (GB/T 9704 7.2.4) */
  'signer',
  /** 主送 */
  'mainTo',
  /** 按语 */
  'note',
  /** 报 / 送 / 发 */
  'reportTo',
  'sendTo',
  'issueTo',
  /** 抄送 */
  'cc',
  /** 印发机关 */
  'printedBy',
  /** 印数 */
  'copies',
  /** 汇报人, for decks */
  'presenter',
] as const;
export type BriefFieldKey = (typeof BRIEF_FIELD_KEYS)[number];
export type BriefFields = Record<BriefFieldKey, string>;

/** Brief fields with nothing filled in. */
export function emptyFields(): BriefFields {
  return Object.fromEntries(BRIEF_FIELD_KEYS.map((key) => [key, ''])) as BriefFields;
}

/**
 * A statistic as shown on a slide or in a brief, with the sentence it came from. Compose fills
 * every display string; the scene (templates/scene) and the brief's forms only arrange them:
 * `prefix value unit suffix`, and the tag in the theme's own style.
 */
export interface ShownStat {
  statId: string;
  /** the number as the report wrote it (never rounded): 「21.59」, 「15～40」 for a range */
  value: string;
  /** the unit as written, magnitude and 余/多 included: 「亿元」, 「余家」 */
  unit: string;
  label: string;
  sentence: string;
  /** what is said before the number: the change (「增长」 「下降」) and a qualifier (「超」 「近」), or 「第」 of a rank */
  prefix?: string;
  /** what is said after the unit: 「左右」 「以上」 「以内」 */
  suffix?: string;
  /** a mark on the figure itself, drawn in the theme's own style: 「目标」 for a target, never shown as done */
  tag?: string;
}

/**
 * A shown statistic as one line of text, as a table cell or a bullet reads it: the tag, then
 * `prefix value unit suffix` — 「目标 增长6.5%左右」, 「超1000万元」.
 */
export function shownStatText(s: ShownStat): string {
  return `${s.tag ? `${s.tag} ` : ''}${s.prefix ?? ''}${s.value}${s.unit}${s.suffix ?? ''}`;
}

/** An image carried into an output: data as base64 with its mime type. */
export interface OutputImage {
  mime: string;
  data: string;
}

/**
 * Font sizes (px on the slide canvas) that compose chose so the slide's text fits its boxes.
 * The scene sets its text at them; a slide without them is set at the theme's largest sizes.
 */
export interface SlideFit {
  /** the slide's title (cover, divider and closing titles too) */
  title?: number;
  /** the main text: bullets, agenda, quote, table cells, cover subtitle */
  body?: number;
  /** key figures: the number, and the label under it */
  value?: number;
  label?: number;
  /** image, chart and table captions */
  caption?: number;
}

/** What every slide has, whatever its layout. */
interface SlideCommon {
  id: string;
  title: string;
  /** speaker notes: point bodies, and the source sentence of every statistic */
  notes: string;
  /** sizes chosen by compose so nothing overflows */
  fit?: SlideFit;
  /** briefing item ids this slide was made from, for the preview's selection */
  itemIds: string[];
  /**
   * briefing item ids this slide shows shortened (sentences left out, a title or label cut with
   * 「……」): the list marks them 「已精简」, and the notes keep their full text
   */
  condensed?: string[];
}

/** A slide inside the deck's body, which may run on over several slides （续）. */
interface ContentCommon extends SlideCommon {
  /** true when this slide continues the previous one (（续）) */
  continued?: boolean;
  /**
   * the part this slide belongs to, as a small line above its headline (「二、稳住经济运行基本盘」):
   * set by compose where the part has no divider slide of its own
   */
  kicker?: string;
}

/**
 * A chart of comparable statistics: one kind, one unit, one period and basis. Points carry their
 * value as a signed number in `value` (「下降3.2%」 is -3.2), so bars and lines are drawn from them
 * as they stand.
 */
export interface ChartData {
  type: 'bar' | 'line';
  /** the unit every point shares (a chart never mixes units), written out: 「%」, 「亿元」 */
  unit: string;
  points: ShownStat[];
  /** the chart's own title: 「上半年主要指标同比增速」; without one the chart is titled after its slide */
  title?: string;
  /** what the value axis measures, with its unit: 「同比增速（%）」 */
  axis?: string;
}

/** The chart a slide carries (one name for the statistics' compose). */
export type SlideChart = ChartData;

/** A slide: one variant per layout, each with only the fields its layout shows. */
export type Slide =
  | (SlideCommon & {
      layout: 'cover';
      subtitle?: string;
      /** the word before the presenter's name; '' for a speaker named by the report (no 汇报人：) */
      presenterLabel?: string;
    })
  | (ContentCommon & {
      layout: 'agenda';
      agenda: string[];
      /** the number of the first entry on this slide: a continued agenda goes on counting */
      start: number;
    })
  | (SlideCommon & {
      layout: 'divider';
      /** 「一、」; empty for an unnumbered section (前言, 结束语) */
      number: string;
    })
  | (ContentCommon & { layout: 'bullets'; bullets: string[] })
  | (ContentCommon & { layout: 'figures'; figures: ShownStat[] })
  | (ContentCommon & { layout: 'image'; image: OutputImage & { caption: string } })
  | (ContentCommon & { layout: 'chart'; chart: ChartData })
  | (ContentCommon & { layout: 'table'; table: { caption: string; rows: string[][] } })
  | (ContentCommon & { layout: 'quote'; quote: { text: string; source?: string } })
  | (SlideCommon & { layout: 'closing'; presenterLabel?: string });

/** The slide of one layout. */
export type SlideOf<L extends SlideLayout> = Extract<Slide, { layout: L }>;

/** `Omit` over each variant of a union (the built-in one merges the variants into one). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface Deck {
  themeId: string;
  fields: BriefFields;
  slides: Slide[];
  /** the organisation's own logo, used unaltered where the theme has a slot for it */
  logo?: OutputImage;
}

export type DocBlock =
  | { kind: 'heading'; level: number; number: string; text: string; itemId?: string }
  | {
      kind: 'point';
      /** the lead-in with the punctuation it ends on as written (「主要目标是：」) */
      lead: string;
      text: string;
      /** the report's own marker before the lead: 「1.」 「（1）」 「一是」 */
      marker?: string;
      itemId?: string;
    }
  | { kind: 'paragraph'; text: string; itemId?: string }
  | { kind: 'quote'; text: string; itemId?: string }
  | { kind: 'image'; number: number; caption: string; image?: OutputImage; itemId?: string }
  | { kind: 'table'; number: number; caption: string; rows: string[][]; itemId?: string }
  | { kind: 'stats'; number: number; caption: string; stats: ShownStat[]; itemId?: string };

export interface Doc {
  templateId: string;
  fields: BriefFields;
  blocks: DocBlock[];
  /**
   * The lines a speech or report prints under its title, as compose decided them: the speaker
   * (「临川县应急管理局局长　林国栋」) and the date in parentheses (「（2024年3月8日）」).
   */
  byline?: string[];
}
