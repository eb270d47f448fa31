import fc from 'fast-check';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, IMPORT_ERROR_CODES, importReport, SUPPORTED_EXTENSIONS } from '../../../content/import';
import { MAX_INFLATED_BYTES } from '../../../content/import/zip';
import { readReportText, reportRepeated } from '../../helpers/paths';
import { bombDeflate, cjkLine, makeCompoundFile, makePdf, makeZip } from './builders';

/** Import and return the ImportError code, failing the test on any other outcome. */
async function codeOf(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await importReport({ name, bytes });
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  throw new Error(`${name} imported without error`);
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('bad input gets a clear message, never a crash', () => {
  it('every message is written in Chinese and in English', () => {
    for (const { zh, en } of Object.values(IMPORT_ERROR_CODES)) {
      expect(zh).toMatch(/\p{Script=Han}/u);
      expect(en).toMatch(/^[\x20-\x7e]+$/);
    }
    const e = new ImportError('encrypted');
    expect(e.messageZh).toContain('密码');
    expect(e.messageEn).toContain('password');
  });

  it.each(['a.txt', 'a.md', 'a.docx', 'a.pdf'])('refuses an empty file (%s)', async (name) => {
    expect(await codeOf(name, new Uint8Array())).toBe('empty');
  });

  it('refuses a file of blank lines', async () => {
    expect(await codeOf('a.txt', enc('\n\n　　\r\n  \n'))).toBe('empty');
  });

  it('refuses binary junk named .txt', async () => {
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    expect(await codeOf('report.txt', junk)).toBe('binary');
  });

  it('refuses a corrupt zip named .docx', async () => {
    const cut = makeZip([
      { name: 'word/document.xml', data: enc('<w:document/>'), method: 0, size: 13 },
    ]).subarray(0, 40);
    expect(await codeOf('report.docx', cut)).toBe('corrupt');
    expect(await codeOf('report.docx', enc('PK\u0003\u0004 this is not really a zip file at all'))).toBe(
      'corrupt',
    );
    expect(await codeOf('report.docx', enc('just some text saved as docx'))).toBe('corrupt');
    const noDocument = makeZip([{ name: 'hello.txt', data: enc('hi'), method: 0, size: 2 }]);
    expect(await codeOf('report.docx', noDocument)).toBe('corrupt');
    const brokenXml = makeZip([
      { name: '[Content_Types].xml', data: enc('<Types/>'), method: 0, size: 8 },
      { name: 'word/document.xml', data: enc('<w:document><unclosed'), method: 0, size: 21 },
    ]);
    expect(await codeOf('report.docx', brokenXml)).toBe('corrupt');
  });

  it('recognises a password-protected .docx (an OLE compound file holding EncryptedPackage)', async () => {
    const encrypted = makeCompoundFile(['EncryptionInfo', 'EncryptedPackage']);
    expect(await codeOf('secret.docx', encrypted)).toBe('encrypted');
  });

  it('recognises an old Word .doc, under its own name or a .docx name, and says to save it as .docx', async () => {
    expect(await codeOf('old.docx', makeCompoundFile(['WordDocument', '1Table']))).toBe('old-format');
    expect(await codeOf('old.doc', makeCompoundFile(['WordDocument', '1Table']))).toBe('old-format');
    expect(new ImportError('old-format').messageZh).toContain('另存为 .docx');
  });

  it('refuses a zip bomb that declares its size, before inflating anything', async () => {
    const data = bombDeflate(1024); // a real stream, but the declared size is what gives it away
    const bomb = makeZip([{ name: 'word/document.xml', data, method: 8, size: 0xfffffff0 }]);
    const t0 = performance.now();
    expect(await codeOf('bomb.docx', bomb)).toBe('inflated-too-large');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('builds its test bombs from real deflate streams', () => {
    for (const n of [1, 8, 9, 1001]) expect(inflateSync(bombDeflate(n)).length).toBe(1 + 258 * n);
  });

  it('refuses a zip bomb that lies about its size, stopping at the cap', async () => {
    // ~4.2 MB that inflates to 1 GiB, while claiming 1 KB
    const repeats = Math.ceil((MAX_INFLATED_BYTES * 4) / 258);
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: enc('<Types/>'), method: 0, size: 8 },
      { name: 'word/document.xml', data: bombDeflate(repeats), method: 8, size: 1024 },
    ]);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    expect(await codeOf('bomb.docx', bomb)).toBe('inflated-too-large');
    // nothing inflated was kept: the heap did not grow by anything like the cap
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(MAX_INFLATED_BYTES / 4);
  });

  it('refuses a PDF without a text layer (a scan) with its own message', async () => {
    const scan = makePdf(['0.5 g 72 72 451 698 re f', '0.5 g 100 100 300 300 re f']);
    expect(await codeOf('scan.pdf', scan)).toBe('no-text-layer');
    // page numbers stamped on the scanned pages are no text layer either
    const numbered = makePdf(
      [
        '0.5 g 72 72 451 698 re f\n' + cjkLine('— 1 —', 280, 40),
        '0.5 g 72 72 451 698 re f\n' + cjkLine('— 2 —', 280, 40),
      ],
      { cjkFont: true },
    );
    expect(await codeOf('scan-numbered.pdf', numbered)).toBe('no-text-layer');
  });

  it('refuses a damaged PDF', async () => {
    expect(await codeOf('broken.pdf', enc('%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage'))).toBe('corrupt');
    expect(await codeOf('notpdf.pdf', enc('hello, I am not a PDF'))).toBe('corrupt');
  });

  it('refuses an unsupported extension, naming it', async () => {
    const e = await importReport({ name: 'slides.pptx', bytes: enc('x') }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('unsupported');
    expect((e as ImportError).messageZh).toContain('.pptx');
    expect(await codeOf('noextension', enc('text'))).toBe('unsupported');
  });

  it('imports a 50 MB text file, reporting progress as it goes', async () => {
    const bytes = reportRepeated(50);
    const copies = bytes.length / enc(`${readReportText()}\n`).length;
    const progress: number[] = [];
    const heap = (): number => process.memoryUsage().heapUsed;
    const base = heap();
    let peak = 0;
    const report = await importReport(
      { name: 'big.txt', bytes },
      {
        onProgress: (f) => {
          progress.push(f);
          peak = Math.max(peak, heap() - base);
        },
      },
    );
    // memory stays proportionate to the file (the bench measures it closely; this is a loose bound)
    expect(peak).toBeLessThan(bytes.length * 15);
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    expect(progress.length).toBeGreaterThan(20);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= (progress[i - 1] ?? 0))).toBe(true);
    expect(report.stats.filter((s) => s.text === '1874件')).toHaveLength(copies);
    expect(report.raw.length).toBeGreaterThan(copies * 60);
  }, 120_000);
});

describe('no importer throws anything but ImportError, whatever the bytes', () => {
  const outcome = async (name: string, bytes: Uint8Array): Promise<boolean> => {
    try {
      await importReport({ name, bytes });
      return true;
    } catch (e) {
      if (e instanceof ImportError) return true;
      throw e;
    }
  };

  it('holds for every supported extension on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SUPPORTED_EXTENSIONS),
        fc.uint8Array({ maxLength: 3000 }),
        (ext, bytes) => outcome(`f.${ext}`, bytes),
      ),
      { numRuns: 300 },
    );
  });

  it('holds for bytes that start like a zip, a compound file or a PDF', async () => {
    const heads = [
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [...enc('%PDF-1.7\n')],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('docx', 'pdf', 'txt', 'md'),
        fc.constantFrom(...heads),
        fc.uint8Array({ maxLength: 3000 }),
        (ext, head, tail) => outcome(`f.${ext}`, new Uint8Array([...head, ...tail])),
      ),
      { numRuns: 200 },
    );
  });

  it('holds for damaged versions of a real zip', async () => {
    const good = makeZip([
      { name: '[Content_Types].xml', data: enc('<Types/>'), method: 0, size: 8 },
      { name: 'word/document.xml', data: enc('<w:document><w:body/></w:document>'), method: 0, size: 34 },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }),
        (edits) => {
          const bytes = good.slice();
          for (const [at, value] of edits) bytes[at] = value;
          return outcome('f.docx', bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds for arbitrary text, pasted or saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) =>
        outcome('f.txt', enc(text)),
      ),
      { numRuns: 300 },
    );
  });
});
