import { AlignmentType, Document, Header, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { makePng } from './brief-report';

/**
 * An office's own Word template, as a secretary would make one: a red letterhead paragraph, a
 * header with the office's logo and {{issuer}}, a style of its own, and {{…}} placeholders — one
 * of them split over several runs the way Word splits text it spell-checks.
 */

export const LETTERHEAD = '绿园区人民政府办公室文件';
export const HEADER_TEXT = '内部资料　注意保存';
export const LOGO = makePng(60, 60, [0, 80, 160]);

export interface OfficeTemplateOptions {
  /** leave {{body}} out, to test the refusal */
  withoutBody?: boolean;
  /** written where {{body}} would be, when it is left out: 「{{正文}}」, 「｛｛body｝｝」 … */
  bodyAs?: string;
  /** more paragraphs before 附件 (placeholders the app does not fill, such as {{unit}}) */
  extra?: string[];
}

export async function makeOfficeTemplate(options: OfficeTemplateOptions = {}): Promise<Uint8Array> {
  const doc = new Document({
    styles: {
      paragraphStyles: [{ id: 'OfficeBody', name: 'Office Body', run: { font: '仿宋_GB2312', size: 30 } }],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new ImageRun({ type: 'png', data: LOGO, transformation: { width: 30, height: 30 } }),
                  new TextRun(`${HEADER_TEXT} {{issuer}}`),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: LETTERHEAD, color: 'FF0000', size: 72, font: '方正小标宋简体' })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('第{{issue_no}}期')] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: 'TITLE_PLACEHOLDER', bold: true, size: 44 })],
          }),
          new Paragraph({ children: [new TextRun('{{subtitle}}')] }),
          new Paragraph({ style: 'OfficeBody', children: [new TextRun('日期：{{date}}')] }),
          ...(options.withoutBody
            ? options.bodyAs
              ? [new Paragraph({ children: [new TextRun(options.bodyAs)] })]
              : []
            : [new Paragraph({ children: [new TextRun('{{body}}')] })]),
          ...(options.extra ?? []).map((text) => new Paragraph({ children: [new TextRun(text)] })),
          new Paragraph({ children: [new TextRun('附件：无')] }),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  // split {{title}} over three runs with proofing marks between, as Word does
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const run =
    /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)<w:t xml:space="preserve">TITLE_PLACEHOLDER<\/w:t><\/w:r>/;
  const m = run.exec(xml);
  if (!m) throw new Error('title run not found');
  const rPr = m[1]!;
  const split = `<w:r>${rPr}<w:t xml:space="preserve">{{ti</w:t></w:r><w:proofErr w:type="spellStart"/><w:r>${rPr}<w:t>tl</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r>${rPr}<w:t>e}}</w:t></w:r>`;
  files['word/document.xml'] = strToU8(xml.replace(run, split));
  return zipSync(files);
}
