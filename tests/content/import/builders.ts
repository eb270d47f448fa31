/** Byte builders for import tests: files made here, from bytes, so every odd case is explicit. */

/** UTF-16 bytes of a string, with or without a byte-order mark. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[i * 2 + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * A raw deflate stream that inflates to `1 + 258 × repeats` zero bytes: one literal, then
 * back-references of the longest length at distance 1, in a fixed-Huffman block. About 1000:1.
 */
export function bombDeflate(repeats: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + 13 * repeats + 7) / 8) + 1);
  let bit = 0;
  const put = (b: number): void => {
    if (b) out[bit >> 3]! |= 1 << (bit & 7);
    bit++;
  };
  const huff = (code: number, len: number): void => {
    for (let i = len - 1; i >= 0; i--) put((code >> i) & 1);
  };
  const repeat = (): void => {
    huff(0b11000101, 8); // length 258 (symbol 285)
    huff(0, 5); // distance 1
  };
  put(1); // final block
  put(1); // BTYPE = 01 (fixed Huffman), least significant bit first
  put(0);
  huff(0x30, 8); // literal 0
  repeat(); // 3 + 8 + 13 = 24 bits: byte-aligned from here
  let left = repeats - 1;
  // eight repeats are 104 bits, exactly 13 bytes: write them once, then copy the bytes
  const patternStart = bit >> 3;
  const blocks = Math.floor(left / 8);
  if (blocks > 0) {
    for (let r = 0; r < 8; r++) repeat();
    const pattern = out.slice(patternStart, patternStart + 13);
    for (let k = 1; k < blocks; k++) out.set(pattern, patternStart + k * 13);
    bit = (patternStart + blocks * 13) * 8;
    left -= blocks * 8;
  }
  for (let r = 0; r < left; r++) repeat();
  huff(0, 7); // end of block
  return out.subarray(0, (bit >> 3) + 1);
}

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflate */
  method: 0 | 8;
  /** the inflated size the zip declares (may lie) */
  size: number;
  flags?: number;
}

/** A zip archive from parts as given (no compression done here; CRCs left zero). */
export function makeZip(parts: readonly ZipPart[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = enc.encode(p.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, p.flags ?? 0, true);
    lv.setUint16(8, p.method, true);
    lv.setUint32(18, p.data.length, true);
    lv.setUint32(22, p.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, p.flags ?? 0, true);
    cv.setUint16(10, p.method, true);
    cv.setUint32(20, p.data.length, true);
    cv.setUint32(24, p.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, p.data);
    centrals.push(central);
    offset += local.length + p.data.length;
  }
  const dir = concat(centrals);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, dir.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, dir, eocd]);
}

/**
 * An OLE compound file (the container of old .doc files and of password-protected .docx files):
 * the header, then one directory sector naming the given streams.
 */
export function makeCompoundFile(streams: readonly string[]): Uint8Array {
  const header = new Uint8Array(512);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const hv = new DataView(header.buffer);
  hv.setUint16(0x18, 0x003e, true); // minor version
  hv.setUint16(0x1a, 0x0003, true); // major version 3 (512-byte sectors)
  hv.setUint16(0x1c, 0xfffe, true); // little-endian
  hv.setUint16(0x1e, 9, true); // sector size 2^9
  hv.setUint16(0x20, 6, true); // mini sector size 2^6
  hv.setUint32(0x30, 0, true); // first directory sector
  const dir = new Uint8Array(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    for (let k = 0; k < name.length; k++) dir[at + k * 2] = name.charCodeAt(k);
    new DataView(dir.buffer).setUint16(at + 64, (name.length + 1) * 2, true);
    dir[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return concat([header, dir]);
}

/**
 * A one-page-per-entry PDF with correct cross-references. Each page is a content stream; with
 * `cjkFont` the pages get /F1, a non-embedded Chinese font that names the Adobe CMap
 * UniGB-UCS2-H (as office PDF writers do), so reading it needs pdf.js's CMap files.
 */
export function makePdf(
  pages: readonly string[],
  options: { cjkFont?: boolean; latinFont?: boolean } = {},
): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 3 + i * 2);
  const fontId = 3 + pages.length * 2;
  // /F2: Helvetica in WinAnsi, where curly quotes are \223 and \224 (a Latin font's quotes among Chinese)
  const latinId = fontId + 3;
  const fonts = [
    ...(options.cjkFont ? [`/F1 ${fontId} 0 R`] : []),
    ...(options.latinFont ? [`/F2 ${latinId} 0 R`] : []),
  ];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  pages.forEach((content, i) => {
    const id = pageIds[i]!;
    const resources =
      fonts.length > 0 ? `/Resources << /Font << ${fonts.join(' ')} >> >>` : '/Resources << >>';
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${id + 1} 0 R ${resources} >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  if (options.cjkFont) {
    objects[fontId] =
      `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${fontId + 1} 0 R] >>`;
    objects[fontId + 1] =
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${fontId + 2} 0 R /DW 1000 >>`;
    objects[fontId + 2] =
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>';
  }
  if (options.latinFont) {
    objects[fontId] ??= '<< >>';
    objects[fontId + 1] ??= '<< >>';
    objects[fontId + 2] ??= '<< >>';
    objects[latinId] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  }
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A PDF text-showing line in UCS-2 hex for the CJK font of makePdf. */
export function cjkLine(text: string, x: number, y: number, size = 12): string {
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  return `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm <${hex}> Tj ET`;
}
