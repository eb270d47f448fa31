import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

/**
 * Hostile files, made here from bytes so none has to be checked in: zip and PDF bombs, files
 * that inflate to far more than a report, damaged XML, and the text damage real files carry.
 * The tests use them, and `npm run bench` (bench/reliability.bench.ts) times every one of them
 * through the command line and the browser-mode host.
 */

const enc = new TextEncoder();

export const concatBytes = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * A raw deflate stream that inflates to `unit` repeated to about `bytes` bytes (never more), made without
 * ever holding the inflated text: one chunk of the repeated unit is compressed with a full flush
 * (so it refers to nothing before it), and that compressed chunk is repeated.
 */
export function repeatingDeflate(
  unit: string | Uint8Array,
  bytes: number,
  chunkBytes = 1 << 20,
): {
  data: Uint8Array;
  size: number;
} {
  const u = typeof unit === 'string' ? enc.encode(unit) : unit;
  const perChunk = Math.max(1, Math.floor(Math.min(chunkBytes, bytes) / u.length));
  const chunk = new Uint8Array(perChunk * u.length);
  for (let i = 0; i < perChunk; i++) chunk.set(u, i * u.length);
  const packed = new Uint8Array(deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
  const copies = Math.max(1, Math.floor(bytes / chunk.length));
  const end = new Uint8Array([0x03, 0x00]); // an empty final block (fixed Huffman, end of block)
  const data = new Uint8Array(packed.length * copies + end.length);
  for (let i = 0; i < copies; i++) data.set(packed, i * packed.length);
  data.set(end, packed.length * copies);
  return { data, size: chunk.length * copies };
}

interface ZipPart {
  name: string;
  /** stored as given (method 0) unless `deflated` is given */
  data?: Uint8Array;
  deflated?: { data: Uint8Array; size: number };
}

/** A zip from parts; a pre-deflated part keeps its declared size (CRC left zero: readers don't check it). */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = enc.encode(p.name);
    const method = p.deflated ? 8 : 0;
    const payload = p.deflated?.data ?? p.data ?? new Uint8Array();
    const size = p.deflated?.size ?? payload.length;
    const crc = p.deflated ? 0 : crc32(payload);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, payload.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, payload.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, payload);
    centrals.push(central);
    offset += local.length + payload.length;
  }
  const dir = concatBytes(centrals);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, dir.length, true);
  ev.setUint32(16, offset, true);
  return concatBytes([...locals, dir, eocd]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W} ${R} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`;
const DOC_TAIL = '</w:body></w:document>';

export const paragraphXml = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A .docx made of the given document.xml body (and relationships for word/document.xml, if any). */
export function docxOf(
  body: string,
  documentRels?: string,
  media: Record<string, Uint8Array> = {},
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(DOC_HEAD + body + DOC_TAIL),
  };
  if (documentRels !== undefined)
    files['word/_rels/document.xml.rels'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${documentRels}</Relationships>`,
    );
  for (const [name, bytes] of Object.entries(media)) files[name] = bytes;
  return zipSync(files);
}

/**
 * A small .docx whose document.xml inflates to about `mb` megabytes of ordinary paragraphs (the
 * issue's example: 1 MB on disk, 250 MB unpacked, under the old 256 MB cap for the whole file).
 */
export function docxXmlBomb(mb = 250): Uint8Array {
  const para = paragraphXml('青禾区上半年完成固定资产投资12.5亿元，同比增长8.3%。');
  const head = enc.encode(DOC_HEAD);
  const tail = enc.encode(DOC_TAIL);
  // the head and tail are deflated on their own, full-flushed, so the three pieces join as one stream
  const flushed = (b: Uint8Array): Uint8Array =>
    new Uint8Array(deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH }));
  const middle = repeatingDeflate(para, mb * 1024 * 1024);
  const finalTail = new Uint8Array(deflateRawSync(tail));
  const data = concatBytes([flushed(head), middle.data.subarray(0, middle.data.length - 2), finalTail]);
  return zipOf([
    { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES) },
    { name: '_rels/.rels', data: strToU8(ROOT_RELS) },
    { name: 'word/document.xml', deflated: { data, size: head.length + middle.size + tail.length } },
  ]);
}

/** A .docx whose paragraphs nest `depth` elements deep (a parser that recurses runs out of stack). */
export function docxDeepXml(depth = 200_000): Uint8Array {
  return docxOf(
    `${paragraphXml('临川县工作要点')}${'<w:sdt><w:sdtContent>'.repeat(depth)}${paragraphXml('深处')}${'</w:sdtContent></w:sdt>'.repeat(depth)}`,
  );
}

/** A .docx whose document.xml is cut off mid-element, as a failed copy leaves it. */
export function docxDamagedXml(): Uint8Array {
  return docxOf(`${paragraphXml('云溪市2023年工作总结')}<w:p><w:r><w:t>一、主要工作</w:t></w:r><w:p`);
}

/** A tiny PNG, the picture a Word file carries. */
const PNG_1x1 = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
  8, 0, 0, 0, 0, 0x3a, 0x7e, 0x9b, 0x55, 0, 0, 0, 10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0, 0, 0,
  2, 0, 1, 0xe5, 0x27, 0xde, 0xfc, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

const drawing = (blip: string, name: string): string =>
  `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="${name}" descr="${name}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${blip}/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

/**
 * A Word report with one picture linked to a file on the author's disk (Insert → Picture → Link to
 * file) and one embedded: the linked one is not in the file, so it cannot come along.
 */
export function docxLinkedPicture(): Uint8Array {
  const rels =
    '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///C:/Users/office/Pictures/site.jpg" TargetMode="External"/>' +
    '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>';
  const body =
    paragraphXml('云溪市2023年上半年工作总结') +
    paragraphXml('一、项目建设') +
    paragraphXml('上半年，全市42个重点项目完成投资36.8亿元，同比增长11.2%。') +
    drawing('r:link="rId5"', '项目现场照片') +
    paragraphXml('图1 产业园区建设现场') +
    drawing('r:embed="rId6"', '园区全景') +
    paragraphXml('图2 园区全景') +
    paragraphXml('二、民生保障') +
    paragraphXml('新增城镇就业岗位2100个，发放稳岗补贴460万元。');
  return docxOf(body, rels, { 'word/media/image1.png': PNG_1x1 });
}

// ---- PDF ----

interface PdfStream {
  dict: string;
  data: Uint8Array;
}

/**
 * A PDF from page content streams, with correct cross-references. Pages may share one content
 * stream (`shared`), as a generator repeating a page does.
 */
export function pdfOf(
  contents: readonly PdfStream[],
  pageContent: readonly number[],
  options: { font?: boolean } = {},
): Uint8Array {
  const pages = pageContent.length;
  const firstContent = 3 + pages;
  const fontId = firstContent + contents.length;
  const parts: Uint8Array[] = [enc.encode('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (id: number, pieces: readonly (string | Uint8Array)[]): void => {
    offsets[id] = length;
    for (const p of [`${id} 0 obj\n`, ...pieces, '\nendobj\n']) {
      const b = typeof p === 'string' ? enc.encode(p) : p;
      parts.push(b);
      length += b.length;
    }
  };
  push(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) kids.push(`${3 + i} 0 R`);
  push(2, [`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`]);
  const resources = options.font ? `/Resources << /Font << /F1 ${fontId} 0 R >> >>` : '/Resources << >>';
  for (let i = 0; i < pages; i++)
    push(3 + i, [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${firstContent + (pageContent[i] ?? 0)} 0 R ${resources} >>`,
    ]);
  contents.forEach((c, k) =>
    push(firstContent + k, [`<< ${c.dict} /Length ${c.data.length} >>\nstream\n`, c.data, '\nendstream']),
  );
  const last = firstContent + contents.length + (options.font ? 1 : 0);
  if (options.font) push(fontId, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
  const xref = length;
  let table = `xref\n0 ${last}\n0000000000 65535 f \n`;
  for (let id = 1; id < last; id++) table += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  table += `trailer\n<< /Size ${last} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  parts.push(enc.encode(table));
  return concatBytes(parts);
}

/** A zlib stream (what /FlateDecode holds) around a raw deflate stream; the checksum is not checked by readers. */
const zlibWrap = (raw: Uint8Array): Uint8Array =>
  concatBytes([new Uint8Array([0x78, 0xda]), raw, new Uint8Array(4)]);

/** A 2 MB PDF whose one content stream inflates to `gb` gigabytes of nothing (a PDF bomb). */
export function pdfStreamBomb(gb = 2): Uint8Array {
  const bomb = repeatingDeflate(new Uint8Array(1 << 16), gb * 1024 * 1024 * 1024, 64 << 20);
  return pdfOf([{ dict: '/Filter /FlateDecode', data: zlibWrap(bomb.data) }], [0]);
}

/** A few MB PDF whose content stream is `mb` megabytes of text-showing operators. */
export function pdfTextOperators(mb = 1024): Uint8Array {
  const ops = repeatingDeflate('BT /F1 12 Tf 72 700 Td (Qinghe district report) Tj ET\n', mb * 1024 * 1024);
  return pdfOf([{ dict: '/Filter /FlateDecode', data: zlibWrap(ops.data) }], [0], { font: true });
}

/** A PDF of `pages` pages that all show the same one small content stream. */
export function pdfIdenticalPages(pages = 10_000, text = true): Uint8Array {
  const content = text
    ? 'BT /F1 12 Tf 72 700 Td (Page of the annual report) Tj ET'
    : '0.9 g 72 72 451 698 re f';
  return pdfOf([{ dict: '', data: enc.encode(content) }], new Array<number>(pages).fill(0), { font: text });
}

/** A PDF that compresses its content twice (/FlateDecode twice): a bomb inside a bomb. */
export function pdfDoubleFlateBomb(gb = 4): Uint8Array {
  const inner = repeatingDeflate(new Uint8Array(1 << 16), gb * 1024 * 1024 * 1024, 64 << 20);
  const outer = deflateSync(zlibWrap(inner.data), { level: 9 });
  return pdfOf([{ dict: '/Filter [/FlateDecode /FlateDecode]', data: new Uint8Array(outer) }], [0]);
}

/**
 * An LZW stream (as PDF's /LZWDecode reads it: 9–12-bit codes, the width growing a code early)
 * that decodes to runs of zero bytes: each code repeats the last run one byte longer, so one table
 * (about 5 KB of codes) decodes to some 7 MB; `tables` of them, each after a clear code.
 */
export function lzwZeroBomb(tables: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  const put = (code: number, width: number): void => {
    acc = (acc << width) | code;
    nbits += width;
    while (nbits >= 8) {
      nbits -= 8;
      out.push((acc >>> nbits) & 0xff);
    }
    acc &= (1 << nbits) - 1;
  };
  let width = 9;
  for (let t = 0; t < tables; t++) {
    put(0, width);
    let next = 258;
    for (let code = 258; code <= 4095; code++) {
      put(code, width);
      next = code + 1;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
    put(256, width);
    width = 9;
  }
  put(257, width);
  if (nbits > 0) put(0, 8 - nbits);
  return new Uint8Array(out);
}

/** A PDF whose one stream is written through the given filters (the data already encoded). */
export function pdfWithStream(filter: string, data: Uint8Array): Uint8Array {
  return pdfOf([{ dict: `/Filter ${filter}`, data }], [0]);
}

/** ASCII hex of bytes, as /ASCIIHexDecode reads it. */
export const asciiHex = (bytes: Uint8Array): Uint8Array =>
  enc.encode(`${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}>`);

/** A raw-deflate bomb wrapped as zlib data, as /FlateDecode reads it. */
export const flateBomb = (bytes: number): Uint8Array =>
  zlibWrap(repeatingDeflate(new Uint8Array(1 << 16), bytes, 64 << 20).data);

// ---- text ----

/** A line of `n` digits, the worst case for a number pattern that backtracks. */
export const digitLine = (n = 160_000): Uint8Array =>
  enc.encode(`青禾区工作报告\n一、总体情况\n${'1234567890'.repeat(Math.ceil(n / 10)).slice(0, n)}\n`);

/**
 * Text in GB18030, for GBK lines mixed into a UTF-8 file: Node's TextDecoder decodes GB18030 but
 * has no encoder, so the bytes come from a table of the characters used, built by decoding.
 */
export function gbkBytes(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const code = table.get(ch);
      if (code === undefined) throw new Error(`no GBK code for ${ch}`);
      out.push(code >> 8, code & 0xff);
    }
  }
  return new Uint8Array(out);
}

let table: Map<string, number> | undefined;
function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  return table;
}
