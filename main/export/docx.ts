import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { composeDoc } from '../../content/compose/doc';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { Doc, DocBlock } from '../../templates/model';
import type { BriefTemplate } from '../../templates/schema';
import type { FontSpec } from '../../templates/brief/schema';

/** Twips per point. */
const TWIPS_PER_PT = 20;

/** A run in an explicit font: Chinese face in eastAsia, Latin and digits in ascii/hAnsi. Never theme fonts. */
function run(text: string, font: FontSpec, extra: { bold?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: { ascii: font.latin, hAnsi: font.latin, eastAsia: font.eastAsia, cs: font.latin },
    size: Math.round(font.sizePt * 2),
    bold: extra.bold ?? font.bold,
    ...(font.color ? { color: font.color } : {}),
  });
}

function bodyParagraph(children: ParagraphChild[], t: BriefTemplate, font: FontSpec): Paragraph {
  return new Paragraph({
    children,
    spacing: { line: t.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: {
      // Word reads firstLineChars; LibreOffice ignores it and needs firstLine in twips too
      firstLineChars: Math.round(t.indentChars * 100),
      firstLine: Math.round(t.indentChars * font.sizePt * TWIPS_PER_PT),
    },
    alignment: AlignmentType.JUSTIFIED,
  });
}

function headingFont(t: BriefTemplate, level: number): FontSpec {
  return level <= 1 ? t.fonts.h1 : level === 2 ? t.fonts.h2 : level === 3 ? t.fonts.h3 : t.fonts.h4;
}

function blockToDocx(block: DocBlock, t: BriefTemplate): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading': {
      const font = headingFont(t, block.level);
      return [bodyParagraph([run(`${block.number}${block.text}`, font)], t, font)];
    }
    case 'point':
      return [
        bodyParagraph(
          [run(`${block.lead}。`, t.fonts.body, { bold: true }), run(block.text, t.fonts.body)],
          t,
          t.fonts.body,
        ),
      ];
    case 'paragraph':
    case 'quote':
      return [bodyParagraph([run(block.text, t.fonts.body)], t, t.fonts.body)];
    case 'image':
      return [captionParagraph(`图${block.number}　${block.caption}`, t)];
    case 'table':
      return [captionParagraph(`表${block.number}　${block.caption}`, t), table(block.rows, t)];
    case 'stats':
      return [
        captionParagraph(`表${block.number}　${block.caption}`, t),
        table(
          [['指标', '数值', '出处'], ...block.stats.map((s) => [s.label, `${s.value}${s.unit}`, s.sentence])],
          t,
        ),
      ];
  }
}

function captionParagraph(text: string, t: BriefTemplate): Paragraph {
  return new Paragraph({
    children: [run(text, t.fonts.caption)],
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
  });
}

function table(rows: string[][], t: BriefTemplate): Table {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: Array.from(
            { length: cols },
            (_, c) =>
              new TableCell({
                children: [
                  new Paragraph({ children: [run(r[c] ?? '', t.fonts.caption, { bold: i === 0 })] }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** Build the .docx bytes for a composed brief in a brief template. Pure: no disk. */
export async function docToDocx(doc: Doc, t: BriefTemplate): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  if (doc.fields.title) {
    children.push(
      new Paragraph({
        children: [run(doc.fields.title, t.fonts.title)],
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
      }),
    );
  }
  if (doc.fields.subtitle) {
    children.push(
      new Paragraph({
        children: [run(`——${doc.fields.subtitle}`, t.fonts.subtitle)],
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
      }),
    );
  }
  for (const block of doc.blocks) children.push(...blockToDocx(block, t));

  const pn = t.fonts.pageNumber;
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run('— ', pn),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: { ascii: pn.latin, hAnsi: pn.latin, eastAsia: pn.eastAsia },
            size: pn.sizePt * 2,
          }),
          run(' —', pn),
        ],
      }),
    ],
  });

  const document = new Document({
    creator: '简报工坊 Briefing Studio',
    title: doc.fields.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: t.page.width, height: t.page.height },
            margin: {
              top: t.page.margins.top,
              bottom: t.page.margins.bottom,
              left: t.page.margins.left,
              right: t.page.margins.right,
            },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  const buf = await Packer.toBuffer(document);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** The whole Word path: compose the brief, pick its template, build the bytes. */
export async function briefToDocx(
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
): Promise<Uint8Array> {
  return docToDocx(composeDoc(report, briefing), registry.get('brief', briefing.briefTemplate));
}
