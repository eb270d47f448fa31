import { deflateSync } from 'node:zlib';
import { emptyBriefing, type Briefing, type BriefingItem } from '../../content/model/briefing';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  ReportSchema,
  type Block,
  type Report,
  type Section,
} from '../../content/model/report';

/**
 * A small hand-built Report for the brief tests: four heading levels with the source's own
 * numbering (which compose must replace), lead-in points, statistics, a picture and a table. It
 * is built by hand, not imported, so these tests do not move when the importer's analysis does.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Rgb = [number, number, number];

/** A real PNG, `width` × `height` pixels, of one colour or of a colour per pixel. */
export function makePng(
  width: number,
  height: number,
  colour: Rgb | ((x: number, y: number) => Rgb) = [200, 30, 30],
): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data)]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pixel = typeof colour === 'function' ? colour : () => colour;
  const raw = Buffer.alloc((1 + width * 3) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (1 + width * 3) + 1 + x * 3);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

const point = (id: string, lead: string, text: string, marker?: string): Block => ({
  kind: 'point',
  id,
  lead,
  text,
  ...(marker ? { marker } : {}),
});
const para = (id: string, text: string): Block => ({ kind: 'paragraph', id, text });

const section = (
  id: string,
  level: number,
  title: string,
  number: string | undefined,
  blocks: Block[],
  sections: Section[] = [],
): Section => ({ id, level, title, ...(number ? { number } : {}), blocks, sections });

/** The brief tests' report. Section and block ids are stable and named for what they hold. */
export function briefReport(): Report {
  const png = makePng(400, 300);
  return ReportSchema.parse({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    title: '绿园区2022年上半年工作情况',
    subtitle: '——在区委全会上的汇报',
    dateline: ['2022年7月15日'],
    source: { name: 'test.txt', format: 'txt' },
    raw: [],
    assets: { a1: { mime: 'image/png', data: Buffer.from(png).toString('base64') } },
    decisions: { repairs: {}, roles: {} },
    sections: [
      section('intro', 1, '前言', undefined, [para('intro-p', '上半年，全区上下克难奋进。')]),
      section(
        'theory',
        1,
        '抓好理论武装',
        '一、',
        [point('theory-p1', '坚持“第一议题”制度', '推动党史学习教育常态化长效化。', '一是')],
        [
          section(
            'theory-a',
            2,
            '（一）强化思想武装',
            '（一）',
            [point('theory-a-p1', '细化分解任务', '细化分解557项具体任务。')],
            [
              section(
                'theory-a-1',
                3,
                '1.健全包保机制',
                '1.',
                [point('theory-a-1-p', '包保到人', '健全区级领导包保抓落实机制。')],
                [
                  section('theory-a-1-i', 4, '（1）梳理实事清单', '（1）', [
                    point('theory-a-1-i-p', '梳理百件实事', '以服务凝聚力、转作风、促发展。'),
                  ]),
                ],
              ),
            ],
          ),
        ],
      ),
      section('economy', 1, '稳住经济运行基本盘', '二、', [
        para('economy-p', '上半年引进内资21.59亿元，固投同比增长2%，增速位列五城区首位。'),
        point('economy-p2', '抓项目扩投资', '新开工项目32个。', '——'),
        { kind: 'figure', id: 'economy-fig', figureId: 'f1' },
        { kind: 'table', id: 'economy-tab', figureId: 't1' },
      ]),
    ],
    stats: [
      {
        id: 'st1',
        value: 21.59,
        unit: '亿元',
        label: '引进内资',
        text: '21.59亿元',
        sentence: '上半年引进内资21.59亿元。',
        sectionId: 'economy',
        blockId: 'economy-p',
        kind: 'amount',
        scope: { kind: 'area' },
      },
      {
        id: 'st2',
        value: 2,
        unit: '%',
        label: '固投',
        text: '2%',
        sentence: '固投同比增长2%，增速位列五城区首位。',
        sectionId: 'economy',
        blockId: 'economy-p',
        kind: 'growth',
        change: '增长',
        basis: '同比',
        scope: { kind: 'area' },
      },
      {
        id: 'st3',
        value: 557,
        unit: '项',
        label: '具体任务',
        text: '557项',
        sentence: '细化分解557项具体任务。',
        sectionId: 'theory-a',
        blockId: 'theory-a-p1',
        kind: 'count',
        scope: { kind: 'area' },
      },
    ],
    figures: [
      {
        id: 'f1',
        kind: 'image',
        caption: '西新镇裴家村田园综合体',
        sectionId: 'economy',
        blockId: 'economy-fig',
        assetId: 'a1',
      },
      {
        id: 't1',
        kind: 'table',
        caption: '上半年主要经济指标',
        sectionId: 'economy',
        blockId: 'economy-tab',
        rows: [
          ['指标', '数值', '增速'],
          ['地区生产总值', '156.3亿元', '-3.1%'],
          ['固定资产投资', '48.2亿元', '2%'],
        ],
      },
    ],
    repairs: [],
  });
}

/** A briefing in a brief template with these items (none: the default draft) and fields. */
export function briefBriefing(
  template: string,
  items: BriefingItem[] = [],
  fields: Partial<Briefing['fields']> = {},
): Briefing {
  const b = emptyBriefing();
  return { ...b, output: 'brief', briefTemplate: template, items, fields: { ...b.fields, ...fields } };
}

/** Every brief field filled, as a secretary would for a 红头 report or a bulletin. */
export const FULL_FIELDS = {
  title: '绿园区2022年上半年工作情况汇报',
  subtitle: '在区委六届三次全会上的汇报',
  unit: '绿园区人民政府办公室',
  date: '2022年07月05日',
  issueNo: '第12期',
  docNumber: '绿府办〔2022〕12号',
  mainTo: '各街道办事处，区政府各部门',
  note: '现将区上半年工作情况印发给你们，请结合实际认真学习。',
  reportTo: '市委办公厅，市政府办公厅',
  sendTo: '区委各部门',
  issueTo: '各街道、镇',
  cc: '区委办公室，区人大常委会办公室，区政协办公室',
  printedBy: '绿园区人民政府办公室',
  copies: '50',
} satisfies Partial<Briefing['fields']>;
