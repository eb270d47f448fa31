import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../templates/registry';
import { briefCss, renderBrief, renderBriefDocument } from '../../templates/render/brief';
import { emptyFields, type Doc } from '../../templates/model';

const registry = builtinRegistry();
const XSS = '<script>alert(1)</script>"\'&';

function doc(fields: Partial<Doc['fields']>, blocks: Doc['blocks'] = []): Doc {
  return { templateId: 'gbt9704', fields: { ...emptyFields(), ...fields }, blocks };
}

describe('the brief preview', () => {
  it('escapes every text from the report and the staff', () => {
    const html = renderBriefDocument(
      doc(
        {
          title: XSS,
          subtitle: XSS,
          unit: XSS,
          date: XSS,
          docNumber: XSS,
          mainTo: XSS,
          cc: XSS,
          printedBy: XSS,
        },
        [
          { kind: 'heading', level: 1, number: '一、', text: XSS, itemId: `x"><img src=x onerror=alert(1)>` },
          { kind: 'point', lead: XSS, text: XSS },
          { kind: 'paragraph', text: XSS },
          { kind: 'quote', text: XSS },
          { kind: 'image', number: 1, caption: XSS, image: { mime: 'image/svg+xml', data: 'PHN2Zz4=' } },
          { kind: 'table', number: 1, caption: XSS, rows: [[XSS], [XSS]] },
          {
            kind: 'stats',
            number: 2,
            caption: XSS,
            stats: [{ statId: 's', value: XSS, unit: XSS, label: XSS, sentence: XSS }],
          },
        ],
      ),
      registry.get('brief', 'gbt9704'),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('image/svg+xml');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    // a strict policy in the page itself: nothing but inline style and data: pictures
    expect(html).toContain("default-src 'none'; img-src data:");
  });

  it('shows the red masthead, the title block and the signature the Word file gets', () => {
    const html = renderBrief(
      doc({
        title: '上半年工作情况',
        unit: '绿园区人民政府办公室',
        date: '2022年7月5日',
        docNumber: '绿府办〔2022〕12号',
      }),
      registry.get('brief', 'gbt9704'),
    );
    expect(html).toMatch(/class="brief-masthead-mark"[^>]*><span[^>]*>绿园区人民政府办公室</);
    expect(html).toContain('绿府办〔2022〕12号');
    expect(html).toContain('<p style="padding-right: 2em">绿园区人民政府办公室</p>');
    // four cells less the grid's squeeze on the date's half-width digits, as the Word file has it
    expect(html).toContain('<p style="padding-right: 4.05em">2022年7月5日</p>');
    expect(html).toContain('— 1 —');
  });

  it('shows a bulletin masthead with its issue, unit and date, and the 报尾', () => {
    const html = renderBrief(
      doc({
        unit: '绿园区',
        issueNo: '3',
        date: '2022年7月5日',
        reportTo: '市委',
        copies: '40',
        note: '请阅。',
      }),
      registry.get('brief', 'bulletin'),
    );
    expect(html).toContain('绿园区工作简报');
    expect(html).toContain('第3期');
    expect(html).toContain('<span>绿园区</span><span>2022年7月5日</span>');
    expect(html).toContain('报：市委。');
    expect(html).toContain('（共印40份）');
    expect(html).toContain('按：</b>请阅。');
  });

  it('takes page size, margins, line height and fonts from the template', () => {
    const css = briefCss(registry.get('brief', 'gbt9704'));
    expect(css).toContain('--brief-page-width: 210.01mm');
    expect(css).toContain('--brief-margin-top: 37.01mm');
    expect(css).toContain('--brief-margin-left: 28.01mm');
    expect(css).toContain('--brief-line: 28.95pt');
    expect(css).toMatch(
      /\.brief-title \{ font-family: "Times New Roman", "方正小标宋简体"[^}]*font-size: 22pt/,
    );
    expect(css).toMatch(/\.brief-heading\[data-level='1'\] \{ font-family: "Times New Roman", "黑体"/);
    expect(css).toContain('border-bottom: 1.5pt solid #FF0000');
    // the shared sheet rules and the template's own CSS file come with it
    expect(css).toContain('.brief-sheet {');
    expect(briefCss(registry.get('brief', 'bulletin'))).toContain(
      ".brief-sheet[data-template='bulletin'] .brief-masthead-mark",
    );
  });
});
