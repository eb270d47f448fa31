import { unzipSync } from 'fflate';

/**
 * Word's automatic numbering, computed as Word computes it. A heading numbered 「一、」「（一）」「1.」
 * by a Word or WPS list carries no number in its text: the number comes from numbering.xml (the
 * list's levels: start, format, text such as 「（%2）」, when a level restarts) and from the
 * paragraph's list (its own w:numPr, or its style's, through the styles it is based on). This
 * module reads those three parts and gives every body paragraph, in document order, the number
 * Word shows in front of it.
 */

/** A level of a list definition (w:lvl). */
export interface ListLevel {
  start: number;
  /** w:numFmt: decimal, chineseCounting, upperLetter, bullet, none … */
  format: string;
  /** w:lvlText: 「%1、」「（%2）」「第%1章」, or a bullet character */
  text: string;
  /** w:lvlRestart: restart after a use of this 1-based level or shallower; 0 never; undefined any shallower */
  restart?: number;
  /** w:isLgl: every level's number written in decimal (「1.1」 under 「一、」) */
  legal: boolean;
  /** w:suff: what stands between the number and the text */
  suffix: 'tab' | 'space' | 'nothing';
  /** w:pStyle: the paragraph style this level belongs to */
  style?: string;
}

/** A list instance (w:num): its definition, and levels it overrides. */
interface ListInstance {
  abstractId: string;
  startOverride: Map<number, number>;
  levelOverride: Map<number, ListLevel>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, { levels: Map<number, ListLevel>; styleLink?: string; numStyleLink?: string }>;
  instances: Map<string, ListInstance>;
}

interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

/** A body paragraph's text and the number Word shows before it, if any. */
export interface NumberedParagraph {
  /** the paragraph's own text (w:t), to line it up with the document reader's paragraphs */
  text: string;
  number: ParagraphNumber | null;
}

/** The number Word shows before one paragraph. */
export interface ParagraphNumber {
  /** the number as shown: 「一、」「（二）」「3.」; for a bullet, the bullet */
  label: string;
  /** 0-based list level (w:ilvl) */
  level: number;
  bullet: boolean;
  suffix: ListLevel['suffix'];
  /**
   * the list writes a level's number with its parents' (「1.2」「2.1.3」): an outline whose depth
   * is its list level, not the shape of one number
   */
  outline: boolean;
}

// ---- a small XML reader: enough for these parts, which Word writes without DTDs or CDATA ----

interface XmlTag {
  name: string;
  attrs: string;
  close: boolean;
  selfClose: boolean;
}

function* tags(xml: string): Generator<XmlTag & { index: number; end: number }> {
  // one expression per walk: walks nest (a list level read inside its definition's walk)
  const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<[?!][^>]*>/g;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (!m[2]) continue;
    yield {
      name: m[2],
      attrs: m[3] ?? '',
      close: m[1] === '/',
      selfClose: m[4] === '/',
      index: m.index,
      end: TAG.lastIndex,
    };
  }
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (all, hex, dec, named) => {
    if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[(named as string).toLowerCase()] ?? all;
  });
}

const intAttr = (attrs: string, name: string): number | undefined => {
  const v = attr(attrs, name);
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * Walk elements, skipping the Office 2010+ half of mc:AlternateContent (w14 formats and text
 * boxes appear twice, in mc:Choice and again in mc:Fallback; readers take the fallback).
 */
function* elements(xml: string): Generator<XmlTag & { index: number; end: number }> {
  let skip = 0;
  for (const t of tags(xml)) {
    if (t.name === 'mc:Choice') {
      if (!t.close && !t.selfClose) skip++;
      else if (t.close) skip--;
      continue;
    }
    if (skip === 0) yield t;
  }
}

// ---- numbering.xml and styles.xml ----

function readLevel(xml: string): ListLevel {
  const level: ListLevel = { start: 1, format: 'decimal', text: '', legal: false, suffix: 'tab' };
  for (const t of elements(xml)) {
    if (t.close) continue;
    const val = attr(t.attrs, 'w:val');
    switch (t.name) {
      case 'w:start':
        level.start = intAttr(t.attrs, 'w:val') ?? 1;
        break;
      case 'w:numFmt':
        // a custom format (「001, 002」) names its pattern in w:format
        level.format = val === 'custom' ? `custom:${attr(t.attrs, 'w:format') ?? ''}` : (val ?? 'decimal');
        break;
      case 'w:lvlText':
        level.text = val ?? '';
        break;
      case 'w:lvlRestart':
        level.restart = intAttr(t.attrs, 'w:val');
        break;
      case 'w:isLgl':
        level.legal = val === undefined || !/^(0|false|off)$/i.test(val);
        break;
      case 'w:suff':
        if (val === 'space' || val === 'nothing' || val === 'tab') level.suffix = val;
        break;
      case 'w:pStyle':
        if (val) level.style = val;
        break;
    }
  }
  return level;
}

/** The elements named `name` in `xml`, each with its inner XML (not nested in itself). */
function* blocksOf(xml: string, name: string): Generator<{ attrs: string; inner: string }> {
  let open: { attrs: string; start: number } | null = null;
  let depth = 0;
  for (const t of tags(xml)) {
    if (t.name !== name) continue;
    if (t.selfClose) {
      if (!open) yield { attrs: t.attrs, inner: '' };
      continue;
    }
    if (!t.close) {
      if (depth++ === 0) open = { attrs: t.attrs, start: t.end };
    } else if (--depth === 0 && open) {
      yield { attrs: open.attrs, inner: xml.slice(open.start, t.index) };
      open = null;
    }
    if (depth < 0) depth = 0;
  }
}

export function readNumbering(xml: string): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), instances: new Map() };
  for (const a of blocksOf(xml, 'w:abstractNum')) {
    const id = attr(a.attrs, 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, ListLevel>();
    for (const l of blocksOf(a.inner, 'w:lvl'))
      levels.set(intAttr(l.attrs, 'w:ilvl') ?? 0, readLevel(l.inner));
    const numStyleLink = /<w:numStyleLink\b([^>]*)>/.exec(a.inner)?.[1];
    const styleLink = /<w:styleLink\b([^>]*)>/.exec(a.inner)?.[1];
    const entry: { levels: Map<number, ListLevel>; styleLink?: string; numStyleLink?: string } = { levels };
    const nsl = numStyleLink ? attr(numStyleLink, 'w:val') : undefined;
    const sl = styleLink ? attr(styleLink, 'w:val') : undefined;
    if (nsl) entry.numStyleLink = nsl;
    if (sl) entry.styleLink = sl;
    defs.abstracts.set(id, entry);
  }
  for (const n of blocksOf(xml, 'w:num')) {
    const id = attr(n.attrs, 'w:numId');
    const abstractTag = /<w:abstractNumId\b([^>]*)>/.exec(n.inner)?.[1];
    const abstractId = abstractTag ? attr(abstractTag, 'w:val') : undefined;
    if (id === undefined || abstractId === undefined) continue;
    const instance: ListInstance = { abstractId, startOverride: new Map(), levelOverride: new Map() };
    for (const o of blocksOf(n.inner, 'w:lvlOverride')) {
      const ilvl = intAttr(o.attrs, 'w:ilvl') ?? 0;
      const so = /<w:startOverride\b([^>]*)>/.exec(o.inner)?.[1];
      const start = so ? intAttr(so, 'w:val') : undefined;
      if (start !== undefined) instance.startOverride.set(ilvl, start);
      for (const l of blocksOf(o.inner, 'w:lvl')) instance.levelOverride.set(ilvl, readLevel(l.inner));
    }
    defs.instances.set(id, instance);
  }
  return defs;
}

/** Paragraph and numbering styles: what each is based on and the list it puts a paragraph in. */
export function readStyleNumbering(xml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const s of blocksOf(xml, 'w:style')) {
    const id = attr(s.attrs, 'w:styleId');
    if (!id) continue;
    const info: StyleInfo = {};
    const based = /<w:basedOn\b([^>]*)>/.exec(s.inner)?.[1];
    const basedOn = based ? attr(based, 'w:val') : undefined;
    if (basedOn) info.basedOn = basedOn;
    const numPr = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/.exec(s.inner)?.[1];
    if (numPr) {
      const numIdTag = /<w:numId\b([^>]*)>/.exec(numPr)?.[1];
      const ilvlTag = /<w:ilvl\b([^>]*)>/.exec(numPr)?.[1];
      const numId = numIdTag ? attr(numIdTag, 'w:val') : undefined;
      const ilvl = ilvlTag ? intAttr(ilvlTag, 'w:val') : undefined;
      if (numId !== undefined) info.numId = numId;
      if (ilvl !== undefined) info.ilvl = ilvl;
    }
    styles.set(id, info);
  }
  return styles;
}

// ---- number formats ----

const CN_DIGIT = '零一二三四五六七八九';
const CN_LEGAL_DIGIT = '零壹贰叁肆伍陆柒捌玖';

/** 1–9999 in Chinese counting: 十一, 二十, 一百零五, 一千二百. */
function chineseCount(n: number, digits: string, units: readonly string[]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[3 - i] ?? '';
    if (d === 0) {
      if (out) zero = true;
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一, not 一十一, when ten is the highest place
    out += out === '' && d === 1 && unit === units[1] ? unit : `${digits[d]}${unit}`;
  });
  return out;
}

const enclosed = (n: number, first: number, count: number): string | null =>
  n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : null;

function letters(n: number, base: string): string {
  if (n <= 0) return String(n);
  const ch = base[(n - 1) % 26] ?? '';
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** A counter value written in a w:numFmt, as Word shows it. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      // below a hundred counted (十一, 二十); from a hundred written digit by digit (一〇五)
      return n >= 100
        ? String(n).replace(/\d/g, (d) => (d === '0' ? '〇' : (CN_DIGIT[Number(d)] ?? d)))
        : chineseCount(n, CN_DIGIT, ['', '十', '百', '千']);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseDigitalTenThousand':
      return chineseCount(n, CN_DIGIT, ['', '十', '百', '千']);
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
    case 'taiwaneseDigital':
      return chineseCount(n, CN_LEGAL_DIGIT, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
      return String(n).replace(/\d/g, (d) => (d === '0' ? '〇' : (CN_DIGIT[Number(d)] ?? d)));
    case 'ideographTraditional':
      return n >= 1 ? ('甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n)) : String(n);
    case 'ideographZodiac':
      return n >= 1 ? ('子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n)) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x2460, 20) ?? String(n);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20) ?? `(${n})`;
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20) ?? `${n}.`;
    case 'none':
      return '';
    default: {
      // 「custom:001, 002, 003」: decimal padded to the pattern's width
      const width = /^custom:(\d+)/.exec(format)?.[1]?.length;
      return width ? String(n).padStart(width, '0') : String(n);
    }
  }
}

/** Bullets set in Symbol or Wingdings are private-use characters: show them as the mark they draw. */
function bulletText(text: string): string {
  const t = text.trim();
  if (!t) return '•';
  return /[\ue000-\uf8ff]/.test(t)
    ? ({ '\uf06c': '●', '\uf0a7': '▪', '\uf0d8': '➢', '\uf0fc': '✓' }[t] ?? '•')
    : t;
}

// ---- counting ----

/** Numbers paragraphs in document order, keeping Word's counters per list definition. */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** list instances (w:num) whose start override has been used, per level */
  private readonly overridden = new Set<string>();

  constructor(
    private readonly defs: NumberingDefinitions,
    private readonly styles: Map<string, StyleInfo>,
  ) {}

  /** The definition a list instance counts in, following numbering-style links. */
  private abstractOf(numId: string): { id: string; instance: ListInstance } | null {
    const seen = new Set<string>();
    let instance = this.defs.instances.get(numId);
    const first = instance;
    while (instance && !seen.has(instance.abstractId)) {
      seen.add(instance.abstractId);
      const abstract = this.defs.abstracts.get(instance.abstractId);
      if (!abstract?.numStyleLink) return first ? { id: instance.abstractId, instance: first } : null;
      const linked = this.styles.get(abstract.numStyleLink)?.numId;
      instance = linked ? this.defs.instances.get(linked) : undefined;
    }
    return null;
  }

  private level(abstractId: string, instance: ListInstance, ilvl: number): ListLevel | undefined {
    return instance.levelOverride.get(ilvl) ?? this.defs.abstracts.get(abstractId)?.levels.get(ilvl);
  }

  /**
   * The list a paragraph is in: its own w:numPr (numId 0 takes it out of its style's list), or
   * its style's, or the style it is based on. The level is the paragraph's w:ilvl, else the
   * style's, else the level of the definition tied to the style (w:pStyle), else 0.
   */
  resolve(
    direct: { numId?: string; ilvl?: number },
    styleId: string | undefined,
  ): { numId: string; ilvl: number } | null {
    let numId = direct.numId;
    let ilvl = direct.ilvl;
    const seen = new Set<string>();
    let owner: string | undefined;
    for (let s = styleId; s && !seen.has(s); s = this.styles.get(s)?.basedOn) {
      seen.add(s);
      const info = this.styles.get(s);
      if (numId === undefined && info?.numId !== undefined) {
        numId = info.numId;
        owner = s;
      }
      if (ilvl === undefined && info?.ilvl !== undefined && numId === info.numId) ilvl = info.ilvl;
    }
    if (numId === undefined || numId === '0') return null;
    if (ilvl === undefined && owner) {
      const found = this.abstractOf(numId);
      const abstract = found ? this.defs.abstracts.get(found.id) : undefined;
      for (const [k, l] of abstract?.levels ?? []) if (l.style === owner || l.style === styleId) ilvl = k;
    }
    return { numId, ilvl: Math.max(0, Math.min(8, ilvl ?? 0)) };
  }

  /** Count one numbered paragraph and say its number, or null when its list is not defined. */
  next(numId: string, ilvl: number): ParagraphNumber | null {
    const found = this.abstractOf(numId);
    if (!found) return null;
    const { id, instance } = found;
    const level = this.level(id, instance, ilvl);
    if (!level) return null;
    let counts = this.counters.get(id);
    if (!counts) this.counters.set(id, (counts = []));
    const key = `${numId}:${ilvl}`;
    const override = instance.startOverride.get(ilvl);
    if (override !== undefined && !this.overridden.has(key)) {
      // a list instance that restarts (lvlOverride/startOverride) begins again at its first use
      this.overridden.add(key);
      counts[ilvl] = override;
    } else {
      counts[ilvl] = counts[ilvl] === undefined ? level.start : (counts[ilvl] ?? 0) + 1;
    }
    // deeper levels restart after this one, unless their w:lvlRestart says otherwise
    for (let k = ilvl + 1; k < 9; k++) {
      const deeper = this.level(id, instance, k);
      const after = deeper?.restart;
      if (after === 0) continue;
      if (after === undefined || ilvl + 1 <= after) counts[k] = undefined;
    }
    const bullet = level.format === 'bullet';
    const label = bullet
      ? bulletText(level.text)
      : level.text.replace(/%([1-9])/g, (_, d: string) => {
          const k = Number(d) - 1;
          const shown = this.level(id, instance, k);
          const value = counts[k] ?? shown?.start ?? 1;
          return formatNumber(value, level.legal && k !== ilvl ? 'decimal' : (shown?.format ?? 'decimal'));
        });
    const levels = [...(this.defs.abstracts.get(id)?.levels.values() ?? [])];
    const outline = levels.some((l) => l.format !== 'bullet' && /%[1-9][^%]*%[1-9]/.test(l.text));
    return { label, level: ilvl, bullet, suffix: level.suffix, outline };
  }
}

/**
 * The numbers of every body paragraph of document.xml, in document order (paragraphs in tables
 * included, as a reader meets them); a paragraph outside any list has none.
 */
export function numberParagraphs(
  documentXml: string,
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): NumberedParagraph[] {
  if (!numberingXml) return [];
  const counter = new ListCounter(readNumbering(numberingXml), readStyleNumbering(stylesXml ?? ''));
  const out: NumberedParagraph[] = [];
  interface Open {
    text: string;
    numId?: string;
    ilvl?: number;
    style?: string;
    /** inside w:pPr, and inside a revision's record of the old properties (not the paragraph's) */
    inPPr: number;
    inChange: number;
  }
  const stack: Open[] = [];
  let textAt = -1;
  let deleted = 0;
  const finish = (p: Open): void => {
    const where = counter.resolve(
      {
        ...(p.numId !== undefined ? { numId: p.numId } : {}),
        ...(p.ilvl !== undefined ? { ilvl: p.ilvl } : {}),
      },
      p.style,
    );
    out.push({ text: p.text, number: where ? counter.next(where.numId, where.ilvl) : null });
  };
  for (const t of elements(documentXml)) {
    const p = stack[stack.length - 1];
    switch (t.name) {
      case 'w:p':
        if (t.selfClose) {
          out.push({ text: '', number: null });
        } else if (!t.close) {
          stack.push({ text: '', inPPr: 0, inChange: 0 });
        } else {
          const done = stack.pop();
          if (done) {
            // the reader gives a text box's words to the paragraph holding it
            if (stack.length > 0) stack[stack.length - 1]!.text += done.text;
            finish(done);
          }
        }
        break;
      case 'w:pPr':
      case 'w:pPrChange':
        if (p && !t.selfClose) {
          const step = t.close ? -1 : 1;
          if (t.name === 'w:pPr') p.inPPr += step;
          else p.inChange += step;
        }
        break;
      case 'w:pStyle':
      case 'w:numId':
      case 'w:ilvl': {
        if (!p || t.close || p.inPPr !== 1 || p.inChange > 0) break;
        if (t.name === 'w:pStyle') p.style = attr(t.attrs, 'w:val');
        else if (t.name === 'w:numId') p.numId = attr(t.attrs, 'w:val');
        else p.ilvl = intAttr(t.attrs, 'w:val');
        break;
      }
      case 'w:del':
        if (!t.selfClose) deleted += t.close ? -1 : 1;
        break;
      case 'w:t':
        if (t.selfClose) break;
        if (!t.close) textAt = t.end;
        else if (p && textAt >= 0 && deleted <= 0) p.text += decodeXml(documentXml.slice(textAt, t.index));
        if (t.close) textAt = -1;
        break;
    }
  }
  return out;
}

/** The numbers of a .docx's body paragraphs, read from its zip (checked for size by the caller). */
export function readDocxNumbers(bytes: Uint8Array): NumberedParagraph[] {
  const wanted = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
  const parts = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  const text = (name: string): string | undefined => {
    const part = parts[name];
    return part ? new TextDecoder().decode(part) : undefined;
  };
  const documentXml = text('word/document.xml');
  return documentXml
    ? numberParagraphs(documentXml, text('word/numbering.xml'), text('word/styles.xml'))
    : [];
}

/** How far ahead to look for a paragraph's number: past a long table's cell paragraphs. */
const MATCH_WINDOW = 5000;

/**
 * Lines the numbers up with the paragraphs another reader (mammoth) gives, in order, by their
 * text: the two readers agree on the order of paragraphs but not on which ones they visit
 * (table cells, text boxes), so each paragraph takes the next number whose text is its own.
 */
export class NumberMatcher {
  private at = 0;
  private readonly keys: string[];

  constructor(private readonly paragraphs: readonly NumberedParagraph[]) {
    this.keys = paragraphs.map((p) => key(p.text));
  }

  /** The number of the next paragraph with this text, or null when it has none. */
  take(text: string): ParagraphNumber | null {
    const k = key(text);
    if (!k || this.paragraphs.length === 0) return null;
    const stop = Math.min(this.paragraphs.length, this.at + MATCH_WINDOW);
    for (let i = this.at; i < stop; i++) {
      if (this.keys[i] !== k) continue;
      this.at = i + 1;
      return this.paragraphs[i]?.number ?? null;
    }
    return null;
  }
}

const key = (text: string): string => text.replace(/\s/g, '');
