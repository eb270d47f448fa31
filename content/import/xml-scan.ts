import { ImportError } from './errors';
import { IMPORT_LIMITS, overLimit } from './limits';

/**
 * A streaming check of an XML part as it is inflated, before any parser builds a tree from it:
 * elements balanced and closed in order, nested no deeper than a document needs, no DOCTYPE
 * (Word never writes one; it is how entity bombs begin), and a count of elements, the thing a
 * parser's time and memory grow with. Bytes come in chunks and nothing is kept but the stack of
 * open element names, so a part of any size is checked in bounded memory.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOS = 0x27;

/** Where the scanner is between bytes. */
const State = {
  Text: 0,
  /** just after `<` */
  Open: 1,
  /** in an element's name */
  Name: 2,
  /** in a close tag's name */
  CloseName: 3,
  /** after an element's name: attributes until `>` */
  Attrs: 4,
  /** in a quoted attribute value */
  Quoted: 5,
  /** after the name of a close tag, until `>` */
  CloseEnd: 6,
  /** in `<?…?>`, `<!--…-->` or `<![CDATA[…]]>`, until their end */
  Skip: 7,
  /** `<!` seen: a comment, CDATA or a declaration follows */
  Bang: 8,
} as const;
type State = (typeof State)[keyof typeof State];

/** What a damaged part is called in messages. */
export interface XmlDamage {
  zh: string;
  en: string;
}

export class XmlScanner {
  private state: State = State.Text;
  private readonly stack: string[] = [];
  private name: number[] = [];
  private quote = 0;
  private lastByte = 0;
  /** the end of the construct being skipped: `?>`, `-->` or `]]>` */
  private skipEnd: readonly number[] = [];
  private matched = 0;
  private bang: number[] = [];
  /** bytes of the part scanned before the current one */
  private at = 0;
  /** elements opened so far */
  elements = 0;
  private sawRoot = false;

  /**
   * @param part the part's name in the package, for messages
   * @param countElements called with the number of elements opened in each chunk (a budget across parts)
   */
  constructor(
    private readonly part: string,
    private readonly countElements: (n: number) => void = () => undefined,
  ) {}

  push(chunk: Uint8Array): void {
    const before = this.elements;
    const start = this.at;
    for (let i = 0; i < chunk.length; i++) {
      // text between elements is most of a document: jump to the next tag
      if (this.state === State.Text) {
        const lt = chunk.indexOf(LT, i);
        if (lt < 0) break;
        i = lt;
      }
      this.at = start + i;
      this.step(chunk[i] ?? 0);
    }
    this.at = start + chunk.length;
    if (this.elements > before) this.countElements(this.elements - before);
  }

  /** The part has ended: everything opened must have been closed. */
  end(): void {
    if (this.state !== State.Text || this.stack.length > 0)
      throw this.damaged({
        zh: '内容在中途断开，元素没有结束',
        en: 'it ends in the middle, elements left open',
      });
    if (!this.sawRoot) throw this.damaged({ zh: '没有任何元素', en: 'it holds no element' });
  }

  private step(b: number): void {
    switch (this.state) {
      case State.Text:
        if (b === LT) this.state = State.Open;
        return;
      case State.Open:
        if (b === SLASH) {
          this.state = State.CloseName;
          this.name = [];
        } else if (b === QUESTION) this.skip([QUESTION, GT]);
        else if (b === BANG) {
          this.state = State.Bang;
          this.bang = [];
        } else if (isNameByte(b)) {
          this.state = State.Name;
          this.name = [b];
        } else throw this.damaged({ zh: '「<」后面不是元素名', en: 'a "<" not followed by an element name' });
        return;
      case State.Bang:
        this.bang.push(b);
        if (this.bang.length === 2 && this.bang[0] === 0x2d && this.bang[1] === 0x2d)
          this.skip([0x2d, 0x2d, GT]);
        else if (this.bang.length === 7) {
          if (String.fromCharCode(...this.bang) === '[CDATA[') this.skip([0x5d, 0x5d, GT]);
          else
            throw this.damaged(
              String.fromCharCode(...this.bang).startsWith('DOCTYPE')
                ? {
                    zh: '含有 DOCTYPE 声明（Word 文件从不使用）',
                    en: 'it has a DOCTYPE declaration, which Word never writes',
                  }
                : { zh: '有无法识别的「<!」声明', en: 'it has an unknown "<!" declaration' },
            );
        }
        return;
      case State.Name:
        if (isNameByte(b)) {
          this.push1(b);
          return;
        }
        this.openElement();
        this.state = State.Attrs;
        this.attrByte(b);
        return;
      case State.Attrs:
        this.attrByte(b);
        return;
      case State.Quoted:
        if (b === this.quote) this.state = State.Attrs;
        return;
      case State.CloseName:
        if (isNameByte(b)) {
          this.push1(b);
          return;
        }
        this.state = State.CloseEnd;
        this.closeElement();
        if (b === GT) this.state = State.Text;
        else if (!isSpace(b)) throw this.damaged({ zh: '结束标记不完整', en: 'a broken end tag' });
        return;
      case State.CloseEnd:
        if (b === GT) this.state = State.Text;
        else if (!isSpace(b)) throw this.damaged({ zh: '结束标记不完整', en: 'a broken end tag' });
        return;
      case State.Skip:
        this.skipByte(b);
        return;
    }
  }

  private push1(b: number): void {
    // names in Office XML are short; a name of thousands of bytes is junk
    if (this.name.length >= 256) throw this.damaged({ zh: '元素名过长', en: 'an element name far too long' });
    this.name.push(b);
  }

  private attrByte(b: number): void {
    if (b === QUOTE || b === APOS) {
      this.quote = b;
      this.state = State.Quoted;
    } else if (b === GT) {
      // `<a/>` closes itself
      if (this.lastByte === SLASH) this.stack.pop();
      this.state = State.Text;
    } else if (b === LT) throw this.damaged({ zh: '元素的标记没有结束', en: 'a tag left unfinished' });
    this.lastByte = b;
  }

  private openElement(): void {
    this.elements++;
    this.sawRoot = true;
    this.lastByte = 0;
    this.stack.push(String.fromCharCode(...this.name));
    if (this.stack.length > IMPORT_LIMITS.xmlDepth.max) throw overLimit('xmlDepth');
  }

  private closeElement(): void {
    const name = String.fromCharCode(...this.name);
    const open = this.stack.pop();
    if (open !== name)
      throw this.damaged(
        open === undefined
          ? { zh: `多出了结束标记 </${name}>`, en: `a stray end tag </${name}>` }
          : { zh: `<${open}> 没有结束就出现了 </${name}>`, en: `</${name}> where <${open}> should end` },
      );
  }

  private skip(end: readonly number[]): void {
    this.state = State.Skip;
    this.skipEnd = end;
    this.matched = 0;
  }

  private skipByte(b: number): void {
    const end = this.skipEnd;
    if (b === end[this.matched]) this.matched++;
    else this.matched = b === end[0] ? 1 : 0;
    if (this.matched === end.length) this.state = State.Text;
  }

  private damaged(why: XmlDamage): ImportError {
    return damagedPart(this.part, why, this.at);
  }
}

/** The one message for a damaged XML part of a Word file: which part, what is wrong with it. */
export function damagedPart(part: string, why: XmlDamage, offset?: number): ImportError {
  const at =
    offset !== undefined
      ? { zh: `，约第 ${offset + 1} 字节处`, en: ` near byte ${offset + 1}` }
      : { zh: '', en: '' };
  return new ImportError('corrupt', undefined, {
    zh: `Word 文件已损坏：其中的 ${part} 不是完整的 XML（${why.zh}${at.zh}）。请用 Word 或 WPS 打开它，另存一份再导入。`,
    en: `The Word file is damaged: its part ${part} is not well-formed XML (${why.en}${at.en}). Open it in Word or WPS, save a copy and import that.`,
  });
}

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** Bytes an XML name may hold: letters, digits, `:_-.` and any non-ASCII (UTF-8) byte. */
const isNameByte = (b: number): boolean =>
  (b >= 0x61 && b <= 0x7a) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x30 && b <= 0x39) ||
  b === 0x3a ||
  b === 0x5f ||
  b === 0x2d ||
  b === 0x2e ||
  b >= 0x80;
