import { describe, expect, it } from 'vitest';
import { importReport } from '../../../content/import';
import { findGutter } from '../../../content/import/pdf-columns';
import { interleaveRuns, runsOverlap } from '../../../content/import/pdf-glyphs';
import {
  dropRepeatedImages,
  pageImages,
  type PdfOps,
  type PdfPageLike,
} from '../../../content/import/pdf-images';
import { pagesToRawBlocks, type PdfPage, type TextRun } from '../../../content/import/pdf-layout';
import { findTables, type TableLine } from '../../../content/import/pdf-tables';
import { pictureMime } from '../../../content/import/pictures';
import type { Asset, RawBlock } from '../../../content/model/report';
import { base64ToBytes } from '../../../content/util/wire';
import { makePdf } from './builders';

const run = (
  text: string,
  x: number,
  y: number,
  size = 12,
  width = text.length * size,
  font?: string,
): TextRun => ({
  text,
  x,
  y,
  width,
  size,
  ...(font ? { font } : {}),
});
const show = (blocks: readonly RawBlock[]): string[] =>
  blocks.map((b) =>
    b.type === 'text' ? b.text : b.type === 'table' ? `[table ${b.rows.length}]` : '[image]',
  );
const hex = (t: string): string => [...t].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

describe('text in the order of its positions', () => {
  it('puts quotes a writer drew into gaps of a Chinese run back where they stand', async () => {
    // the Chinese drawn first with gaps (TJ kerning), then the quotes in a Latin font into the gaps
    const page = [
      `BT /F1 12 Tf 1 0 0 1 72 700 Tm [<${hex('深入推进')}> -500 <${hex('放管服')}> -500 <${hex('改革，优化营商环境。')}>] TJ ET`,
      'BT /F2 12 Tf 1 0 0 1 120 700 Tm (\\223) Tj ET',
      'BT /F2 12 Tf 1 0 0 1 162 700 Tm (\\224) Tj ET',
    ].join('\n');
    const r = await importReport({
      name: 'q.pdf',
      bytes: makePdf([page], { cjkFont: true, latinFont: true }),
    });
    expect(r.raw.flatMap((b) => (b.type === 'text' ? [b.text] : []))).toEqual([
      '深入推进“放管服”改革，优化营商环境。',
    ]);
  });

  it('places characters of overlapping runs between the other runs’ characters', () => {
    // 推 72, 进 84, “ 96, 放 102, 管 114, 服 126, ” 138, 改 144, 革 156
    const runs = [
      run('推进 放管服 改革', 72, 700, 12, 96),
      run('“', 96, 700, 12, 6),
      run('”', 138, 700, 12, 6),
    ];
    expect(runsOverlap(runs)).toBe(true);
    expect(
      interleaveRuns(runs)
        .map((r) => r.text)
        .join(''),
    ).toBe('推进“放管服”改革');
  });

  it('leaves runs that follow one another alone', () => {
    const runs = [run('完成投资', 72, 700), run('12.5', 120, 700, 12, 21), run('亿元', 141, 700)];
    expect(runsOverlap(runs)).toBe(false);
    expect(show(pagesToRawBlocks([{ runs }]))).toEqual(['完成投资12.5亿元']);
  });
});

/** A page in two columns: a title across, then each column's lines, each line filling its column. */
function twoColumnPage(): PdfPage {
  // each column 13 characters wide: a paragraph's first line indented two, its last line short
  const left = [
    '上半年全市生产总值增',
    '长六点一个百分点，高于全省',
    '平均水平。',
    '工业增加值增长八点三',
    '个百分点，贡献率明显提高。',
    '工业经济稳中向好。',
  ];
  const right = [
    '全市重点项目完成投资',
    '一百三十六亿元，进度快于序',
    '时。',
    '新开工亿元以上项目四',
    '十一个，总投资较大，签约项',
    '目较多。',
  ];
  const runs: TextRun[] = [run('某市政务信息', 230, 780, 20)];
  const place = (t: string, i: number, x0: number): TextRun =>
    run(t, [0, 3].includes(i) ? x0 + 24 : x0, 740 - i * 18, 12, t.length * 12);
  left.forEach((t, i) => runs.push(place(t, i, 72)));
  right.forEach((t, i) => runs.push(place(t, i, 264)));
  return { runs };
}

describe('two-column pages', () => {
  it('reads the left column down, then the right, so no sentence is cut', () => {
    expect(show(pagesToRawBlocks([twoColumnPage()]))).toEqual([
      '某市政务信息',
      '上半年全市生产总值增长六点一个百分点，高于全省平均水平。',
      '工业增加值增长八点三个百分点，贡献率明显提高。工业经济稳中向好。',
      '全市重点项目完成投资一百三十六亿元，进度快于序时。',
      '新开工亿元以上项目四十一个，总投资较大，签约项目较多。',
    ]);
  });

  it('keeps a line across the top with a wide gap (unit left, date right) whole, above both columns', () => {
    const page = twoColumnPage();
    // the unit at the left margin, the date set flush right: neither starts a column's text
    page.runs.push(run('青禾区统计局', 72, 760, 12, 72), run('7月8日', 384, 760, 12, 36));
    const blocks = show(pagesToRawBlocks([page]));
    expect(blocks[1]).toMatch(/^青禾区统计局\s*7月8日$/);
    expect(blocks.slice(2)).toEqual([
      '上半年全市生产总值增长六点一个百分点，高于全省平均水平。',
      '工业增加值增长八点三个百分点，贡献率明显提高。工业经济稳中向好。',
      '全市重点项目完成投资一百三十六亿元，进度快于序时。',
      '新开工亿元以上项目四十一个，总投资较大，签约项目较多。',
    ]);
  });

  it('keeps a unit and date centred across the gutter whole, above both columns', () => {
    const page = twoColumnPage();
    // centred on the page: the unit ends at the left column's edge, the date starts in the gutter
    page.runs.push(run('青禾区统计局', 156, 760, 12, 72), run('3月5日', 240, 760, 12, 48));
    const blocks = show(pagesToRawBlocks([page]));
    expect(blocks[1]).toMatch(/^青禾区统计局\s*3月5日$/);
    expect(blocks.join('|')).not.toMatch(/。\s*3月5日/);
    expect(blocks).toHaveLength(6);
  });

  it('still reads a short last line beside a right-column line as two columns', () => {
    const page = twoColumnPage();
    // under both columns: a left paragraph's short last line and a right line flush right in its
    // column (a signature), after column text has started: both stay in their columns
    page.runs.push(run('到位。', 72, 632, 12, 36), run('（市发改委）', 348, 632, 12, 72));
    const blocks = show(pagesToRawBlocks([page]));
    expect(blocks.join('|')).not.toMatch(/到位。\s*（市发改委）/);
  });

  it('finds no gutter on a page in one column, even with a table of short cells on it', () => {
    const runs: TextRun[] = [];
    for (let i = 0; i < 8; i++)
      runs.push(run('本段正文从页面左边一直排到右边，没有分栏。', 72, 740 - i * 18));
    for (let i = 0; i < 4; i++)
      runs.push(
        run('指标', 80, 560 - i * 18),
        run('数值', 300, 560 - i * 18),
        run('增速', 450, 560 - i * 18),
      );
    const rows = pagesToRawBlocks([{ runs }]);
    expect(
      findGutter(
        [{ runs }].flatMap((p) =>
          [...new Set(p.runs.map((r) => r.y))].map((y) => ({ runs: p.runs.filter((r) => r.y === y) })),
        ),
      ),
    ).toBeNull();
    expect(show(rows)[0]).toMatch(/^本段正文/);
    expect(show(rows)).toContain('[table 4]');
  });
});

const line = (cells: [string, number][], y: number, size = 12): TableLine => {
  const runs = cells.map(([t, x]) => run(t, x, y, size));
  return { runs, y, size, text: cells.map(([t]) => t).join('') };
};
const joinRuns = (runs: readonly TextRun[]): string => runs.map((r) => r.text).join('');

describe('tables from aligned cells', () => {
  it('rebuilds a captioned table, a wrapped cell joined to its row', () => {
    const lines = [
      line([['表1 主要指标', 200]], 720),
      line(
        [
          ['指标', 90],
          ['绝对值', 280],
          ['增长', 440],
        ],
        700,
      ),
      line(
        [
          ['地区生产总值（亿元）', 80],
          ['96.8', 287],
          ['5.6', 441],
        ],
        682,
      ),
      line(
        [
          ['社会消费品零售总额（亿', 80],
          ['38.1', 287],
          ['4.3', 441],
        ],
        664,
      ),
      line([['元）', 130]], 647),
      line([['从表中可以看出，投资增速最快，消费仍需加力，各项工作有序推进。', 72]], 620),
    ];
    expect(findTables(lines, joinRuns)).toEqual([
      {
        start: 1,
        end: 5,
        rows: [
          ['指标', '绝对值', '增长'],
          ['地区生产总值（亿元）', '96.8', '5.6'],
          ['社会消费品零售总额（亿元）', '38.1', '4.3'],
        ],
      },
    ]);
  });

  it('never takes a caption set in two pieces, or the heading after the table, for a row', () => {
    const lines = [
      // 「表1」 and its title printed as two pieces wider than the columns under them
      line(
        [
          ['表1', 180],
          ['2022—2023年青禾区政务服务主要指标', 214],
        ],
        720,
      ),
      line(
        [
          ['指标', 85],
          ['2022年', 366],
          ['2023年', 440],
        ],
        700,
      ),
      line(
        [
          ['企业开办时间（个工作日）', 85],
          ['3', 398],
          ['1', 470],
        ],
        682,
      ),
      line(
        [
          ['新增市场主体（户）', 85],
          ['7350', 386],
          ['8126', 458],
        ],
        664,
      ),
      line([['二、主要做法', 97]], 640),
    ];
    expect(findTables(lines, joinRuns)).toEqual([
      {
        start: 1,
        end: 4,
        rows: [
          ['指标', '2022年', '2023年'],
          ['企业开办时间（个工作日）', '3', '1'],
          ['新增市场主体（户）', '7350', '8126'],
        ],
      },
    ]);
  });

  it('keeps the 表1 caption with the table it names', () => {
    const runs = [
      run('表1 主要指标', 200, 720),
      ...[700, 682, 664].flatMap((y, i) => [
        run(['指标', '投资', '消费'][i]!, 90, y),
        run(['数值', '3.1', '2.4'][i]!, 300, y, 12, 24),
      ]),
    ];
    expect(show(pagesToRawBlocks([{ runs }]))).toEqual(['表1 主要指标', '[table 3]']);
  });

  it('takes two columns of sentences for text, and a lone row of two cells for a line', () => {
    const sentences = [0, 1, 2, 3].map((i) =>
      line(
        [
          ['全市重点项目完成投资较多进度快于序时', 72],
          ['新开工亿元以上项目较多总投资较大', 320],
        ],
        700 - i * 18,
      ),
    );
    expect(findTables(sentences, joinRuns)).toEqual([]);
    expect(
      findTables(
        [
          line(
            [
              ['联系人：张三', 72],
              ['电话：1234', 300],
            ],
            700,
          ),
        ],
        joinRuns,
      ),
    ).toEqual([]);
  });
});

describe('pictures in a PDF', () => {
  const OPS: PdfOps = {
    save: 10,
    restore: 11,
    transform: 12,
    paintFormXObjectBegin: 74,
    paintFormXObjectEnd: 75,
    paintImageXObject: 85,
    paintInlineImageXObject: 86,
  };
  const rgb = (w: number, h: number) => ({
    width: w,
    height: h,
    kind: 2,
    data: new Uint8Array(w * h * 3).fill(200),
  });
  const fakePage = (ops: [number, unknown[]][], objects: Record<string, unknown>): PdfPageLike => ({
    getOperatorList: async () => ({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) }),
    objs: { get: (id, cb) => cb(objects[id] ?? null) },
    commonObjs: { get: (id, cb) => cb(objects[id] ?? null) },
  });

  it('takes a picture’s place from the transforms and its pixels as a PNG; skips marks and rules', async () => {
    const page = fakePage(
      [
        [OPS.save, []],
        [OPS.transform, [200, 0, 0, 120, 100, 400]],
        [OPS.paintImageXObject, ['img_p0_1', 40, 24]],
        [OPS.restore, []],
        [OPS.save, []],
        [OPS.transform, [10, 0, 0, 10, 50, 50]],
        [OPS.paintImageXObject, ['img_p0_2', 8, 8]],
        [OPS.restore, []],
      ],
      { img_p0_1: rgb(40, 24), img_p0_2: rgb(8, 8) },
    );
    const assets: Record<string, Asset> = {};
    let n = 0;
    const images = await pageImages(page, OPS, assets, () => `img${++n}`);
    expect(images).toEqual([{ x: 100, y: 400, width: 200, height: 120, assetId: 'img1' }]);
    const png = base64ToBytes(assets.img1?.data ?? '');
    expect(pictureMime(png)).toBe('image/png');
    expect(new DataView(png.buffer).getUint32(16)).toBe(40);
  });

  it('keeps a picture too large to decode as a figure without its picture', async () => {
    const page = fakePage(
      [
        [OPS.transform, [300, 0, 0, 300, 72, 300]],
        [OPS.paintImageXObject, ['huge', 5000, 5000]],
      ],
      { huge: { width: 5000, height: 5000, kind: 2, data: new Uint8Array(3) } },
    );
    const assets: Record<string, Asset> = {};
    const images = await pageImages(page, OPS, assets, () => 'img1');
    expect(images).toEqual([{ x: 72, y: 300, width: 300, height: 300 }]);
    expect(assets).toEqual({});
  });

  it('puts a picture where it stands among the lines, its 图1 caption after it', () => {
    const blocks = pagesToRawBlocks([
      {
        runs: [
          run('上文一段，从页面左边排到右边，讲的是园区建设的情况。', 72, 700),
          run('图1 产业园区', 230, 480),
          run('下文一段，从页面左边排到右边，讲的是招商引资情况。', 72, 450),
        ],
        images: [{ x: 150, y: 500, width: 300, height: 180, assetId: 'img1' }],
      },
    ]);
    expect(show(blocks)).toEqual([
      '上文一段，从页面左边排到右边，讲的是园区建设的情况。',
      '[image]',
      '图1 产业园区',
      '下文一段，从页面左边排到右边，讲的是招商引资情况。',
    ]);
    expect(blocks[1]).toMatchObject({ type: 'image', assetId: 'img1' });
  });

  it('drops a picture at the same place on every page (a letterhead emblem), with its asset', () => {
    const emblem = { x: 40, y: 780, width: 48, height: 48, assetId: 'img1' };
    const assets: Record<string, Asset> = {
      img1: { mime: 'image/png', data: '' },
      img2: { mime: 'image/png', data: '' },
    };
    const pages = dropRepeatedImages(
      [
        { runs: [], images: [emblem] },
        {
          runs: [],
          images: [
            { ...emblem, assetId: 'img3' },
            { x: 100, y: 300, width: 200, height: 100, assetId: 'img2' },
          ],
        },
      ],
      assets,
    );
    expect(pages.map((p) => p.images?.map((i) => i.assetId))).toEqual([[], ['img2']]);
    expect(Object.keys(assets)).toEqual(['img2']);
  });
});

describe('headings set in a heading’s face', () => {
  it('hints bold a line in 黑体 over a 仿宋 body, not one whose digits alone are in a Latin font', () => {
    const page: PdfPage = {
      runs: [
        run('经济运行总体平稳', 72, 740, 12, 96, 'SimHei'),
        run('上半年，全市生产总值完成', 96, 720, 12, 156, 'FangSong'),
        run('826.4', 252, 720, 12, 30, 'TimesNewRomanPSMT'),
        run('亿元，同比增长较快，各项工作有序推进。', 282, 720, 12, 228, 'FangSong'),
      ],
    };
    const blocks = pagesToRawBlocks([page]);
    expect(blocks[0]).toMatchObject({ text: '经济运行总体平稳', hints: { bold: true } });
    expect(blocks[1]?.type === 'text' && blocks[1].hints?.bold).toBeFalsy();
  });
});
