import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../../content/import';
import { decodeText, detectEncoding } from '../../../content/import/decode';
import type { Report } from '../../../content/model/report';
import { gbkBytes } from '../../helpers/hostile';
import { ROOT } from '../../helpers/paths';

/** Our own half-year report (青禾区, fictional figures): UTF-8, 77 statistics. */
const REPORT = readFileSync(join(ROOT, 'tests/fixtures/import/qinghe-midyear.txt'), 'utf8');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const importTxt = (bytes: Uint8Array, name = 'report.txt'): Promise<Report> => importReport({ name, bytes });

/** The raw text of every block, joined: what the report holds. */
const rawText = (r: Report): string => r.raw.map((b) => (b.type === 'text' ? b.text : '')).join('\n');
const unreadable = (r: Report) => r.repairs.filter((x) => x.kind === 'unreadable');
const lineOf = (r: Report, blockId: string): number | undefined =>
  r.raw.find((b) => b.id === blockId)?.src?.line;

/** A copy of `bytes` with the byte at the first continuation byte at or after `at` set to `value`. */
function damageAt(bytes: Uint8Array, at: number, value: number): { bytes: Uint8Array; at: number } {
  const out = bytes.slice();
  let k = at;
  while (((out[k] ?? 0) & 0xc0) !== 0x80) k++;
  out[k] = value;
  return { bytes: out, at: k };
}

describe('text encodings, decided by the evidence of the whole file', () => {
  it('one invalid byte in a UTF-8 report is damage there, not a GB18030 file: the statistics stay', async () => {
    const clean = await importTxt(utf8(REPORT));
    expect(clean.stats.length).toBeGreaterThan(60);
    // damage a byte at several places: in a figure, in a heading, near the end
    for (const where of [0.3, 0.5, 0.85]) {
      const { bytes } = damageAt(utf8(REPORT), Math.floor(utf8(REPORT).length * where), 0xff);
      expect(detectEncoding(bytes)).toBe('utf-8');
      const report = await importTxt(bytes);
      expect(report.stats.length).toBeGreaterThanOrEqual(Math.ceil(clean.stats.length * 0.9));
      expect(report.title).toBe(clean.title);
      // the damage is marked where it is, one character lost for one byte changed, and listed with its line
      expect(rawText(report).match(/\ufffd/g)?.length).toBe(1);
      const [repair, ...more] = unreadable(report);
      expect(more).toEqual([]);
      expect(repair?.before).toContain('<FF>');
      expect(repair?.after).toContain('\ufffd');
      expect(lineOf(report, repair!.blockIds[0]!)).toBeGreaterThan(1);
    }
  });

  it('names the line of each damaged byte (several bytes, several lines)', async () => {
    const lines = REPORT.split('\n');
    const target = [12, 20, 31].map((n) => lines[n - 1]!);
    const bytes = concat(
      lines.map((l, i) => {
        const b = utf8(`${l}\n`);
        if (![12, 20, 31].includes(i + 1)) return b;
        return damageAt(b, Math.floor(b.length / 2), 0xc0).bytes;
      }),
    );
    const report = await importTxt(bytes);
    const found = unreadable(report).map((r) => lineOf(report, r.blockIds[0]!));
    expect(found).toEqual([12, 20, 31]);
    expect(target.every((t) => t.length > 10)).toBe(true);
  });

  it('reads a file mixing UTF-8 and GBK lines line by line, listing each GBK line', async () => {
    const lines = REPORT.split('\n');
    const gbkLines = new Set<number>();
    const bytes = concat(
      lines.map((l, i) => {
        // every fifth line with Chinese in it comes from an older system, in GBK
        if (i % 5 === 2 && /[\u4e00-\u9fff]{4}/.test(l)) {
          gbkLines.add(i + 1);
          return gbkBytes(`${l}\n`);
        }
        return utf8(`${l}\n`);
      }),
    );
    expect(gbkLines.size).toBeGreaterThan(5);
    const report = await importTxt(bytes);
    const clean = await importTxt(utf8(REPORT));
    // every line reads as written
    expect(rawText(report)).toBe(rawText(clean));
    expect(report.stats.length).toBe(clean.stats.length);
    const listed = unreadable(report).map((r) => lineOf(report, r.blockIds[0]!));
    expect(new Set(listed)).toEqual(gbkLines);
  });

  it('reads a GBK file with a few UTF-8 lines pasted in', async () => {
    const lines = REPORT.split('\n');
    const bytes = concat(lines.map((l, i) => (i % 9 === 4 ? utf8(`${l}\n`) : gbkBytes(`${l}\n`))));
    expect(detectEncoding(bytes)).toBe('gb18030');
    const report = await importTxt(bytes);
    expect(rawText(report)).toBe(rawText(await importTxt(utf8(REPORT))));
  });

  it('drops NUL bytes put between the characters of a UTF-8 file, naming the lines', async () => {
    const withNuls = utf8([...REPORT].join('\0'));
    const report = await importTxt(withNuls);
    const clean = await importTxt(utf8(REPORT));
    expect(rawText(report)).toBe(rawText(clean));
    expect(report.stats.length).toBe(clean.stats.length);
    const nul = unreadable(report);
    expect(nul.length).toBe(clean.raw.length);
    expect(nul[0]?.before).toContain('␀');
    expect(nul[0]?.after).not.toContain('\0');
  });

  it('decodes a GB18030 report as before, with nothing to list', async () => {
    const report = await importTxt(gbkBytes(REPORT));
    expect(rawText(report)).toBe(rawText(await importTxt(utf8(REPORT))));
    expect(unreadable(report)).toEqual([]);
  });

  it('marks the bytes a GBK file cannot hold and lists them', async () => {
    const lines = REPORT.split('\n');
    const bytes = concat(
      lines.map((l, i) =>
        concat([gbkBytes(l), i === 14 ? new Uint8Array([0xff]) : new Uint8Array(), gbkBytes('\n')]),
      ),
    );
    const report = await importTxt(bytes);
    expect(report.title).toBe(lines[0]);
    const [repair, ...more] = unreadable(report);
    expect(more).toEqual([]);
    expect(repair?.after).toContain('\ufffd');
    expect(lineOf(report, repair!.blockIds[0]!)).toBe(15);
  });

  it('lists a damaged byte of a markdown file on the block it is in', async () => {
    const md =
      '# 云溪市工作要点\n\n第一段文字，全年完成投资12.5亿元。\n\n## 二、民生\n\n新增就业岗位2100个，发放补贴460万元。\n';
    const { bytes } = damageAt(utf8(md), utf8(md.slice(0, md.indexOf('发放'))).length, 0xfe);
    const report = await importReport({ name: 'notes.md', bytes });
    const [repair] = unreadable(report);
    const block = report.raw.find((b) => b.id === repair?.blockIds[0]);
    expect(block?.type === 'text' && block.text).toContain('新增就业岗位');
  });

  it('still refuses binary junk, and a file that is mostly NUL bytes', async () => {
    const junk = new Uint8Array(8192);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    await expect(importTxt(junk)).rejects.toMatchObject({ code: 'binary' });
    const zeros = new Uint8Array(4096);
    zeros.set(utf8('abc'), 100);
    await expect(importTxt(zeros)).rejects.toMatchObject({ code: 'binary' });
  });

  it('keeps the decoded text and its notes in step across the 1 MB pieces it is handed out in', () => {
    const line = `${'青禾区新增就业岗位2100个。'.repeat(20)}\n`;
    const lines = Array.from({ length: 6000 }, () => line);
    lines[4321] = `${'临川'.repeat(10)}\u00ff\n`;
    const bytes = concat(
      lines.map((l, i) => (i === 4321 ? new Uint8Array([...utf8('临川'.repeat(10)), 0xff, 0x0a]) : utf8(l))),
    );
    const { text, notes } = decodeText(bytes);
    expect(notes).toHaveLength(1);
    expect(text.slice(notes[0]!.at, notes[0]!.at + 4)).toBe('临川临川');
  });
});
