import { emptyBriefing, type Briefing, type BriefingItem } from '../content/model/briefing';
import type { Block, Figure, Report, Section, Stat } from '../content/model/report';
import { makeReport } from '../tests/fixtures/deck/reports';
import { LANDSCAPE_PNG } from '../tests/fixtures/deck/png';

/**
 * A report and briefing that compose to exactly 60 slides: nine sections with a divider, key
 * figures (a chart in three of them), seven points over two slides (six fit one), a picture and a table; a tenth
 * with a divider, three points and a quote; cover, agenda and closing.
 */
export function sixtySlides(): { report: Report; briefing: Briefing } {
  const sections: Section[] = [];
  const stats: Stat[] = [];
  const figures: Figure[] = [];
  const items: BriefingItem[] = [];
  for (let k = 1; k <= 9; k++) {
    const id = `s${k}`;
    const blocks: Block[] = Array.from({ length: 7 }, (_, i) => ({
      kind: 'point',
      id: `${id}p${i}`,
      lead: `第${k}部分第${i + 1}项重点工作扎实推进`,
      text: '围绕稳增长、促改革、调结构、惠民生，统筹推进各项工作，确保全年目标任务圆满完成。',
    }));
    blocks.push(
      { kind: 'figure', id: `${id}f`, figureId: `${id}img` },
      { kind: 'table', id: `${id}t`, figureId: `${id}tab` },
    );
    sections.push({ id, title: `第${k}部分重点工作推进情况`, level: 1, blocks, sections: [] });
    figures.push(
      {
        id: `${id}img`,
        kind: 'image',
        caption: `第${k}部分现场照片`,
        sectionId: id,
        blockId: `${id}f`,
        assetId: 'a1',
      },
      {
        id: `${id}tab`,
        kind: 'table',
        caption: `第${k}部分项目表`,
        sectionId: id,
        blockId: `${id}t`,
        rows: [
          ['项目', '投资（亿元）'],
          ['产业园', '12.5'],
          ['物流园', '6'],
        ],
      },
    );
    for (let i = 0; i < 4; i++)
      stats.push({
        id: `${id}k${i}`,
        value: 10 + k * i,
        unit: i % 2 ? '亿元' : '%',
        label: `第${i + 1}项指标`,
        text: '',
        sentence: `第${i + 1}项指标达到${10 + k * i}。`,
        sectionId: id,
        blockId: `${id}p${i}`,
        kind: i % 2 ? 'amount' : 'share',
        scope: { kind: 'area' },
      });
    items.push(
      { id: `i-${id}`, ref: { type: 'section', id } },
      ...blocks.map((b) => ({ id: `i-${b.id}`, ref: { type: 'block' as const, id: b.id } })),
    );
    if (k <= 3)
      items.push(
        ...[1, 3].map((i) => ({
          id: `i-${id}k${i}`,
          ref: { type: 'stat' as const, id: `${id}k${i}` },
          layout: 'chart' as const,
        })),
      );
  }
  const last: Section = {
    id: 's10',
    title: '下半年工作安排',
    level: 1,
    blocks: [1, 2, 3].map((i) => ({
      kind: 'point',
      id: `s10p${i}`,
      lead: `抓好第${i}项重点任务`,
      text: '加快推进，确保实效。',
    })),
    sections: [],
  };
  sections.push(last);
  items.push(
    { id: 'i-s10', ref: { type: 'section', id: 's10' } },
    ...last.blocks.map((b) => ({ id: `i-${b.id}`, ref: { type: 'block' as const, id: b.id } })),
    { id: 'i-s10p1-quote', ref: { type: 'block', id: 's10p1' }, layout: 'quote' },
  );
  const report = makeReport({
    title: '某区2022年工作总结',
    sections,
    stats,
    figures,
    assets: { a1: { mime: 'image/png', data: LANDSCAPE_PNG } },
  });
  return { report, briefing: { ...emptyBriefing(), deckTemplate: 'gov-red', items } };
}
