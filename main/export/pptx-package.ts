import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipParts } from './zip';

/**
 * Make pptxgenjs 4.0.1's package one that PowerPoint and WPS open without a repair prompt.
 *
 * Why a post-pass over the package, not our own writer or a fork: pptxgenjs gives us native text
 * boxes, tables and charts with their embedded workbooks, which is most of the file; its defects
 * are a short, known list (its tracker #1441–#1444, #1449, and what our schema-order tests found),
 * each one a local edit of a part it writes the same way every time. A fork would be a second code
 * base to keep in step, and our own writer a rewrite of charts and tables; a pass that runs after
 * the library keeps working when the library is upgraded and fixes it (every repair below checks
 * that the defect is there before it edits, so a fixed library passes through unchanged), and the
 * tests in tests/main/pptx-valid.test.ts hold the result to the schema's element order.
 *
 * The repairs, by part:
 * - the zip: no directory entries (an OPC package holds parts only), here and in the embedded
 *   chart workbooks;
 * - [Content_Types].xml: an Override for exactly the parts present (pptxgenjs declares a slide
 *   master per slide), a Default only for extensions in use;
 * - slides, layouts, masters, notes: every p:sp with a p:txBody (#1441), a:effectLst in a solid
 *   background (#1442), one a:pPr per paragraph and first (pptxgenjs writes one before every run
 *   of a paragraph whose runs differ, e.g. a 数说 number and its unit), `<a:ln></a:ln>` written as
 *   the no-line it means; shape ids unique on a slide (the slide-number field always takes 25);
 * - the notes master: no placeholder shapes (PowerPoint strips them, #1443) and a theme of its
 *   own; each notes slide then places its slide image and notes text itself;
 * - presentation.xml: p:notesMasterIdLst before p:sldIdLst, as CT_Presentation orders them, and
 *   a portrait notes page (7.5 × 10 in) for the notes placements;
 * - line charts: the required c:grouping, c:marker before c:dLbls, no c:invertIfNegative (a bar
 *   series' element) in a line series.
 */

const CT_OVERRIDE: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^ppt\/presentation\.xml$/,
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  ],
  [/^ppt\/slides\/slide\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml'],
  [
    /^ppt\/slideLayouts\/slideLayout\d+\.xml$/,
    'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  ],
  [
    /^ppt\/slideMasters\/slideMaster\d+\.xml$/,
    'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  ],
  [
    /^ppt\/notesMasters\/notesMaster\d+\.xml$/,
    'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  ],
  [
    /^ppt\/notesSlides\/notesSlide\d+\.xml$/,
    'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  ],
  [/^ppt\/theme\/theme\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.theme+xml'],
  [/^ppt\/charts\/chart\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
  [/^ppt\/presProps\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml'],
  [/^ppt\/viewProps\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml'],
  [/^ppt\/tableStyles\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml'],
  [/^docProps\/core\.xml$/, 'application/vnd.openxmlformats-package.core-properties+xml'],
  [/^docProps\/app\.xml$/, 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
];

const CT_DEFAULT: Readonly<Record<string, string>> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const attr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const extensionOf = (path: string): string => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

/**
 * [Content_Types].xml for the parts present: the library's own Override for a part it wrote (or
 * ours for a part we add), none for a part that is not there; Defaults for the extensions left.
 */
function contentTypes(xml: string, paths: readonly string[]): string {
  const declared = new Map<string, string>();
  for (const m of xml.matchAll(/<Override PartName="\/([^"]+)" ContentType="([^"]+)"\s*\/>/g))
    declared.set(m[1]!, m[2]!);
  const overrides: string[] = [];
  const defaults = new Map<string, string>();
  for (const path of paths) {
    if (path === '[Content_Types].xml') continue;
    const type = declared.get(path) ?? CT_OVERRIDE.find(([re]) => re.test(path))?.[1];
    if (type) overrides.push(`<Override PartName="/${attr(path)}" ContentType="${type}"/>`);
    else {
      const ext = extensionOf(path);
      const known = CT_DEFAULT[ext];
      if (!known) throw new Error(`no content type for ${path} in the PowerPoint package`);
      defaults.set(ext, known);
    }
  }
  defaults.set('rels', CT_DEFAULT.rels!);
  defaults.set('xml', CT_DEFAULT.xml!);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    [...defaults].map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join('') +
    overrides.join('') +
    '</Types>'
  );
}

/** An empty text body, as PowerPoint itself gives a shape without text. */
const EMPTY_TX_BODY =
  '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:endParaRPr lang="zh-CN"/></a:p></p:txBody>';

/**
 * Shape ids unique on a slide: pptxgenjs gives its slide-number field the fixed id 25, so a slide
 * of 24 shapes or more (a 数说 or agenda slide with the logo) has two shapes with one id, which
 * PowerPoint renumbers, that is, repairs.
 */
function uniqueShapeIds(xml: string): string {
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  if (new Set(ids).size === ids.length) return xml;
  let next = Math.max(...ids) + 1;
  const seen = new Set<number>();
  return xml.replace(/<p:cNvPr id="(\d+)"/g, (tag, id: string) => {
    if (!seen.has(Number(id))) {
      seen.add(Number(id));
      return tag;
    }
    return `<p:cNvPr id="${next++}"`;
  });
}

/** The repairs every PresentationML part with shapes needs (slides, layouts, masters, notes). */
function repairShapes(xml: string): string {
  return (
    uniqueShapeIds(xml)
      // #1441: a shape without text still carries a text body
      .replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g, (sp) =>
        sp.includes('<p:txBody>') ? sp : sp.replace(/<\/p:sp>$/, `${EMPTY_TX_BODY}</p:sp>`),
      )
      // #1442: CT_BackgroundProperties requires its effect list
      .replace(/<p:bgPr>((?:(?!<\/p:bgPr>)[\s\S])*)<\/p:bgPr>/g, (bg, inner: string) =>
        /<a:effect(Lst|Dag)\b/.test(inner) ? bg : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`,
      )
      // one a:pPr per paragraph, before its runs: the first run's carries the bullet
      .replace(
        /(<\/a:r>|<a:br\/>|<\/a:fld>)<a:pPr\b(?:[^>]*\/>|[^>]*>(?:(?!<\/a:pPr>)[\s\S])*<\/a:pPr>)/g,
        '$1',
      )
      // an empty line element means "no line": say so, as PowerPoint writes it
      .replace(/<a:ln><\/a:ln>/g, '<a:ln><a:noFill/></a:ln>')
  );
}

/** The notes page is 7.5 × 10 in portrait; the slide image above, the notes below, the number at the foot. */
const NOTES_PLACES: Readonly<Record<string, string>> = {
  sldImg: '<a:xfrm><a:off x="685800" y="1143000"/><a:ext cx="5486400" cy="3086100"/></a:xfrm>',
  body: '<a:xfrm><a:off x="685800" y="4400550"/><a:ext cx="5486400" cy="3600450"/></a:xfrm>',
  sldNum: '<a:xfrm><a:off x="3884613" y="8685213"/><a:ext cx="2971800" cy="458787"/></a:xfrm>',
};

/** A notes slide whose placeholders have a place of their own (the notes master has none now). */
function placeNotes(xml: string): string {
  return xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g, (sp) => {
    const type = /<p:ph type="(\w+)"/.exec(sp)?.[1] ?? '';
    const place = NOTES_PLACES[type];
    return place
      ? sp.replace('<p:spPr/>', `<p:spPr>${place}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>`)
      : sp;
  });
}

/** #1443: the notes master without the placeholder shapes PowerPoint removes. */
function bareNotesMaster(xml: string): string {
  return xml.replace(/(<\/p:grpSpPr>)(?:(?!<\/p:spTree>)[\s\S])*(<\/p:spTree>)/, '$1$2');
}

function repairPresentation(xml: string): string {
  const notesIds = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml)?.[0];
  let out = xml;
  if (notesIds && out.indexOf(notesIds) > out.indexOf('<p:sldIdLst>') && out.includes('</p:sldMasterIdLst>'))
    out = out.replace(notesIds, '').replace('</p:sldMasterIdLst>', `</p:sldMasterIdLst>${notesIds}`);
  return out.replace(/<p:notesSz cx="\d+" cy="\d+"\/>/, '<p:notesSz cx="6858000" cy="9144000"/>');
}

/** Line charts in CT_LineChart / CT_LineSer order. */
function repairLineCharts(xml: string): string {
  return xml.replace(
    /<c:lineChart>((?:(?!<\/c:lineChart>)[\s\S])*)<\/c:lineChart>/g,
    (_all, inner: string) => {
      const body = inner.replace(/<c:ser>((?:(?!<\/c:ser>)[\s\S])*)<\/c:ser>/g, (_ser, s: string) => {
        let ser = s.replace(/<c:invertIfNegative\b[^>]*\/>/g, '');
        const marker = /<c:marker>[\s\S]*?<\/c:marker>/.exec(ser)?.[0];
        if (marker) {
          ser = ser.replace(marker, '');
          const at = ser.search(/<c:(dPt|dLbls|trendline|errBars|cat|val|smooth|extLst)\b/);
          ser = at < 0 ? ser + marker : ser.slice(0, at) + marker + ser.slice(at);
        }
        return `<c:ser>${ser}</c:ser>`;
      });
      const grouped = /<c:grouping\b/.test(body) ? body : `<c:grouping val="standard"/>${body}`;
      return `<c:lineChart>${grouped}</c:lineChart>`;
    },
  );
}

/** A zip's parts without directory entries (the embedded chart workbooks carry them too). */
function withoutDirectories(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  if (!names.some((n) => n.endsWith('/'))) return bytes;
  return zipParts(names.filter((n) => !n.endsWith('/')).map((path) => ({ path, data: files[path]! })));
}

const NOTES_THEME = 'ppt/theme/theme2.xml';

/**
 * The repaired package's parts, from the parts pptxgenjs wrote (XML parts as text, after our font
 * pass). Pure: strings in, strings out.
 */
export function repairPptxParts(
  parts: ReadonlyMap<string, string | Uint8Array>,
): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>();
  for (const [path, data] of parts) {
    if (path.endsWith('/')) continue;
    if (typeof data !== 'string') {
      out.set(path, path.endsWith('.xlsx') ? withoutDirectories(data) : data);
      continue;
    }
    let xml = data;
    if (/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(path))
      xml = repairShapes(xml);
    if (/^ppt\/notesMasters\/[^/]+\.xml$/.test(path)) xml = bareNotesMaster(xml);
    if (/^ppt\/notesSlides\/[^/]+\.xml$/.test(path)) xml = placeNotes(xml);
    if (path === 'ppt/presentation.xml') xml = repairPresentation(xml);
    if (/^ppt\/charts\/[^/]+\.xml$/.test(path)) xml = repairLineCharts(xml);
    out.set(path, xml);
  }
  // every master with a theme of its own, as PowerPoint writes them: the notes master gets a copy
  const theme = out.get('ppt/theme/theme1.xml');
  const notesRels = 'ppt/notesMasters/_rels/notesMaster1.xml.rels';
  const rels = out.get(notesRels);
  if (typeof theme === 'string' && typeof rels === 'string' && !out.has(NOTES_THEME)) {
    out.set(NOTES_THEME, theme.replace(/(<a:theme\b[^>]*\bname=")[^"]*"/, '$1Notes Theme"'));
    out.set(notesRels, rels.replace('../theme/theme1.xml', '../theme/theme2.xml'));
  }
  const types = out.get('[Content_Types].xml');
  if (typeof types === 'string') out.set('[Content_Types].xml', contentTypes(types, [...out.keys()]));
  return out;
}

/** Unzip, repair, zip: the bytes of a package pptxgenjs wrote, with its XML parts edited by `edit` first. */
export function finishPptx(bytes: Uint8Array, edit: (path: string, xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const parts = new Map<string, string | Uint8Array>();
  for (const [path, data] of Object.entries(files))
    parts.set(path, /\.(xml|rels)$/.test(path) ? edit(path, strFromU8(data)) : data);
  const repaired = repairPptxParts(parts);
  // Node's zlib: fflate's deflate costs a fresh process (a command-line call) more than the slides
  return zipParts(
    [...repaired].map(([path, data]) => ({ path, data: typeof data === 'string' ? strToU8(data) : data })),
  );
}
