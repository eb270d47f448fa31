import { describe, expect, it } from 'vitest';
import { ImportError, IMPORT_LIMITS, importReport } from '../../../content/import';
import { formatLimit } from '../../../content/import/limits';
import {
  asciiHex,
  docxDamagedXml,
  docxDeepXml,
  docxLinkedPicture,
  docxOf,
  docxXmlBomb,
  flateBomb,
  lzwZeroBomb,
  paragraphXml,
  pdfDoubleFlateBomb,
  pdfIdenticalPages,
  pdfStreamBomb,
  pdfTextOperators,
  pdfWithStream,
  repeatingDeflate,
  zipOf,
} from '../../helpers/hostile';

/**
 * Hostile files, made by tests/helpers/hostile.ts, each ending quickly with the limit it met named.
 * Timing is only held to a bound far above what it takes (the machine is shared): these prove the
 * import stops at the limit rather than running on; `npm run bench` measures how fast.
 */

interface Outcome {
  code: string;
  limit?: string;
  zh: string;
  en: string;
  ms: number;
  heapGrowth: number;
}

async function refusal(name: string, bytes: Uint8Array): Promise<Outcome> {
  const heap = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = heap();
  let peak = 0;
  const t0 = performance.now();
  try {
    await importReport({ name, bytes }, { onProgress: () => (peak = Math.max(peak, heap() - before)) });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return {
      code: e.code,
      ...(e.limit ? { limit: e.limit } : {}),
      zh: e.messageZh,
      en: e.messageEn,
      ms: performance.now() - t0,
      heapGrowth: Math.max(peak, heap() - before),
    };
  }
  throw new Error(`${name} imported`);
}

const MB = 1024 * 1024;
const enc = new TextEncoder();

describe('every limit says which it is, in both languages', () => {
  it.each(Object.keys(IMPORT_LIMITS) as (keyof typeof IMPORT_LIMITS)[])('%s', (name) => {
    const { zh, en } = formatLimit(name);
    expect(zh).toMatch(/\d/);
    expect(en).toMatch(/\d/);
  });
});

describe('Word files are checked while they unpack', () => {
  it('refuses a 1 MB .docx whose document.xml unpacks to 250 MB, naming the part limit', async () => {
    const bomb = docxXmlBomb(250);
    expect(bomb.length).toBeLessThan(2 * MB);
    const out = await refusal('report.docx', bomb);
    expect(out.code).toBe('inflated-too-large');
    expect(out.limit).toBe('docxXmlBytes');
    expect(out.zh).toContain('document.xml');
    expect(out.zh).toContain('32 MB');
    expect(out.en).toContain('32 MB');
    expect(out.ms).toBeLessThan(10_000);
  });

  it('stops a part that lies about its size at the limit, without keeping what it inflated', async () => {
    const big = repeatingDeflate(paragraphXml('临川县全年完成投资12.5亿元。'.repeat(200)), 200 * MB);
    // the zip says the part is 1 KB
    const bomb = zipOf([{ name: 'word/document.xml', deflated: { data: big.data, size: 1024 } }]);
    const out = await refusal('report.docx', bomb);
    expect(out.limit).toBe('docxXmlBytes');
    expect(out.heapGrowth).toBeLessThan(64 * MB);
  });

  it('refuses a document.xml with more elements than any report, before a parser builds them', async () => {
    // 400,000 small paragraphs: 1.2 million elements in 60 MB... of which only the count matters
    const many = repeatingDeflate(paragraphXml('一'), 30 * MB);
    const head = '<?xml version="1.0"?><w:document><w:body>';
    const bomb = zipOf([
      {
        name: 'word/document.xml',
        deflated: {
          data: new Uint8Array([
            ...rawStored(head),
            ...many.data.subarray(0, many.data.length - 2),
            0x03,
            0x00,
          ]),
          size: head.length + many.size,
        },
      },
    ]);
    const out = await refusal('report.docx', bomb);
    expect(out.code).toBe('too-large');
    expect(out.limit).toBe('docxXmlElements');
    expect(out.zh).toContain('60 万');
    expect(out.ms).toBeLessThan(20_000);
  });

  it('refuses XML nested deeper than any document, instead of overflowing the parser', async () => {
    const out = await refusal('deep.docx', docxDeepXml(100_000));
    expect(out.limit).toBe('xmlDepth');
    expect(out.zh).toContain(`${IMPORT_LIMITS.xmlDepth.max} 层`);
  });

  it('says in one line which part of a damaged Word file is broken', async () => {
    const out = await refusal('damaged.docx', docxDamagedXml());
    expect(out.code).toBe('corrupt');
    for (const message of [out.zh, out.en]) {
      expect(message).not.toContain('\n');
      expect(message).toContain('word/document.xml');
      expect(message).not.toMatch(/xmldom|@#\[line/);
    }
    const mismatched = docxOf(`${paragraphXml('一、总体情况')}<w:p><w:r></w:p></w:r>`);
    expect((await refusal('m.docx', mismatched)).zh).toContain('</w:p>');
  });

  it('refuses a DOCTYPE in a Word part (how entity bombs begin; Word never writes one)', async () => {
    const withDoctype = zipOf([
      {
        name: 'word/document.xml',
        data: enc.encode('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><w:document/>'),
      },
    ]);
    const out = await refusal('lol.docx', withDoctype);
    expect(out.code).toBe('corrupt');
    expect(out.zh).toContain('DOCTYPE');
  });

  it('imports a Word file with a linked picture: the picture is skipped and listed, the rest kept', async () => {
    const report = await importReport({ name: 'linked.docx', bytes: docxLinkedPicture() });
    expect(report.title).toBe('云溪市2023年上半年工作总结');
    expect(report.stats.map((s) => s.text)).toEqual(expect.arrayContaining(['36.8亿元', '2100个']));
    const [linked, embedded] = report.figures;
    expect(linked?.caption).toContain('产业园区建设现场');
    expect(linked?.assetId).toBeUndefined();
    expect(embedded?.assetId && report.assets[embedded.assetId]?.mime).toBe('image/png');
    const [note, ...more] = report.repairs.filter((r) => r.kind === 'unreadable');
    expect(more).toEqual([]);
    expect(note?.before).toContain('site.jpg');
    expect(note?.applied).toBe(true);
  });
});

/** Stored (uncompressed) deflate blocks holding `text`, not final: a stream may go on after them. */
function rawStored(text: string): Uint8Array {
  const data = enc.encode(text);
  const out = new Uint8Array(5 + data.length);
  out[0] = 0; // BFINAL 0, BTYPE 00
  out[1] = data.length & 0xff;
  out[2] = data.length >> 8;
  out[3] = ~data.length & 0xff;
  out[4] = (~data.length >> 8) & 0xff;
  out.set(data, 5);
  return out;
}

describe('PDF streams are decoded and counted before pdf.js decodes them whole', () => {
  it('calls a 2 MB PDF with a 2 GB stream too large, not a scan, in bounded memory', async () => {
    const out = await refusal('bomb.pdf', pdfStreamBomb(2));
    expect(out.code).toBe('too-large');
    expect(out.limit).toBe('pdfStreamBytes');
    expect(out.zh).not.toContain('扫描');
    expect(out.heapGrowth).toBeLessThan(200 * MB);
    expect(out.ms).toBeLessThan(20_000);
  });

  it('stops a PDF holding a gigabyte of text operators at the stream limit', async () => {
    const out = await refusal('ops.pdf', pdfTextOperators(1024));
    expect(out.limit).toBe('pdfStreamBytes');
    expect(out.ms).toBeLessThan(20_000);
  });

  it('follows a stream compressed twice, and through the ASCII and LZW filters', async () => {
    expect((await refusal('twice.pdf', pdfDoubleFlateBomb(4))).limit).toBe('pdfStreamBytes');
    expect(
      (
        await refusal(
          'hex.pdf',
          pdfWithStream('[/ASCIIHexDecode /FlateDecode]', asciiHex(flateBomb(64 * MB))),
        )
      ).limit,
    ).toBe('pdfStreamBytes');
    expect((await refusal('lzw.pdf', pdfWithStream('/LZWDecode', lzwZeroBomb(6)))).limit).toBe(
      'pdfStreamBytes',
    );
    const runs = new Uint8Array(600_000);
    for (let i = 0; i < runs.length; i += 2) runs[i] = 129; // 128 zeros from every two bytes
    expect((await refusal('rl.pdf', pdfWithStream('/RunLengthDecode', runs))).limit).toBe('pdfStreamBytes');
  }, 90_000);

  it('adds every stream up: many fonts, each allowed, are too large together', async () => {
    const count = Math.ceil(IMPORT_LIMITS.pdfDecodedBytes.max / (30 * MB)) + 1;
    // embedded font programs (a Length1 in the dictionary) may each be larger than a page's content
    const streams = Array.from({ length: count }, () => ({
      dict: `/Filter /FlateDecode /Length1 ${30 * MB}`,
      data: flateBomb(30 * MB),
    }));
    const { pdfOf } = await import('../../helpers/hostile');
    const out = await refusal('many.pdf', pdfOf(streams, [0]));
    expect(out.limit).toBe('pdfDecodedBytes');
  }, 90_000);

  it('refuses a page with more pieces of text than any page has, before laying it out', async () => {
    // a grid of one-letter pieces far enough apart that pdf.js keeps each as its own piece
    const cells: string[] = [];
    for (let y = 10; y < 832; y += 3)
      for (let x = 10; x < 585; x += 3) cells.push(`1 0 0 1 ${x} ${y} Tm (x) Tj`);
    expect(cells.length).toBeGreaterThan(IMPORT_LIMITS.pdfPageRuns.max);
    const ops = `BT /F1 1 Tf ${cells.join(' ')} ET`;
    const { pdfOf } = await import('../../helpers/hostile');
    const out = await refusal('dense.pdf', pdfOf([{ dict: '', data: enc.encode(ops) }], [0], { font: true }));
    expect(out.limit).toBe('pdfPageRuns');
  }, 90_000);

  it('calls thousands of identical pages too large, never a scan', async () => {
    for (const text of [true, false]) {
      const out = await refusal('pages.pdf', pdfIdenticalPages(5_000, text));
      expect(out.code).toBe('too-large');
      expect(out.limit).toBe('pdfPages');
      expect(out.zh).toContain('1000 页');
    }
  });

  it('does not call a PDF whose only text repeats on every page a scan', async () => {
    const out = await refusal('repeated.pdf', pdfIdenticalPages(60, true));
    expect(out.code).toBe('no-content');
  });
});

describe('text files stop at the paragraph and text limits as they are read', () => {
  it('refuses more lines than any report has', async () => {
    const lines = enc.encode('青禾区新增就业。\n'.repeat(IMPORT_LIMITS.blocks.max + 10));
    const out = await refusal('lines.txt', lines);
    expect(out.limit).toBe('blocks');
    expect(out.zh).toContain('段落数');
  });

  it('refuses more text than any report has', async () => {
    const line = `${'云溪市'.repeat(3000)}\n`;
    const bytes = enc.encode(line.repeat(Math.ceil(IMPORT_LIMITS.textChars.max / line.length) + 2));
    const out = await refusal('long.txt', bytes);
    expect(out.limit).toBe('textChars');
  });
});
