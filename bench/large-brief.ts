import { emptyBriefing, type Briefing } from '../content/model/briefing';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  ReportSchema,
  type Block,
  type Report,
  type Section,
} from '../content/model/report';
import { makePng } from '../tests/helpers/brief-report';

/** The large Word briefing the benches export: about 50 pages with 20 pictures and 10 tables. */

/** A photo-sized PNG (640 × 480) with noise, so it compresses like a picture, not like a flat colour. */
function photoPng(seed: number): Uint8Array {
  let s = seed * 2654435761;
  return makePng(640, 480, (x, y): [number, number, number] => {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = (s >>> 24) & 31;
    return [Math.floor((x * 224) / 640) + n, Math.floor((y * 224) / 480) + n, 128 + n];
  });
}

const TEXT =
  '全区上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，推动高质量发展取得新成效。上半年引进内资21.59亿元，固定资产投资同比增长2%，增速位列五城区首位。';

/**
 * A report that fills about 50 pages in gbt9704: 10 sections, each with 3 subsections of 5 points
 * and 2 paragraphs, 2 pictures and 1 table (8 rows) per section.
 */
export function largeReport(): Report {
  const assets: Report['assets'] = {};
  const figures: Report['figures'] = [];
  const sections: Section[] = [];
  for (let s = 0; s < 10; s++) {
    const subs: Section[] = [];
    for (let u = 0; u < 3; u++) {
      const blocks: Block[] = [];
      for (let p = 0; p < 5; p++)
        blocks.push({ kind: 'point', id: `p${s}-${u}-${p}`, lead: `抓好第${p + 1}项重点工作`, text: TEXT });
      for (let p = 0; p < 2; p++)
        blocks.push({ kind: 'paragraph', id: `q${s}-${u}-${p}`, text: TEXT + TEXT });
      subs.push({ id: `s${s}-${u}`, level: 2, title: `第${u + 1}方面工作`, blocks, sections: [] });
    }
    const blocks: Block[] = [];
    for (let i = 0; i < 2; i++) {
      const n = s * 2 + i;
      assets[`a${n}`] = { mime: 'image/png', data: Buffer.from(photoPng(n + 1)).toString('base64') };
      figures.push({
        id: `f${n}`,
        kind: 'image',
        caption: `现场照片${n + 1}`,
        sectionId: `s${s}`,
        blockId: `fb${n}`,
        assetId: `a${n}`,
      });
      blocks.push({ kind: 'figure', id: `fb${n}`, figureId: `f${n}` });
    }
    figures.push({
      id: `t${s}`,
      kind: 'table',
      caption: `第${s + 1}部分主要指标`,
      sectionId: `s${s}`,
      blockId: `tb${s}`,
      rows: [
        ['指标', '上半年', '同比', '备注'],
        ...Array.from({ length: 8 }, (_, r) => [
          `指标${r + 1}`,
          `${(r + 1) * 12.5}亿元`,
          `${r - 3}%`,
          '按计划推进',
        ]),
      ],
    });
    blocks.push({ kind: 'table', id: `tb${s}`, figureId: `t${s}` });
    sections.push({ id: `s${s}`, level: 1, title: `第${s + 1}部分工作`, blocks, sections: subs });
  }
  return ReportSchema.parse({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    title: '绿园区2022年上半年工作总结（基准测试）',
    dateline: [],
    source: { name: 'bench.txt', format: 'txt' },
    raw: [],
    assets,
    decisions: { repairs: {}, roles: {} },
    sections,
    stats: [],
    figures,
    repairs: [],
  });
}

export function briefing(template: string): Briefing {
  const b = emptyBriefing();
  return {
    ...b,
    output: 'brief',
    briefTemplate: template,
    fields: {
      ...b.fields,
      unit: '绿园区人民政府办公室',
      date: '2022-07-15',
      docNumber: '绿府办〔2022〕12号',
    },
  };
}
