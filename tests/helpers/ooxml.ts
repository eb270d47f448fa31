import { strFromU8, unzipSync } from 'fflate';

/**
 * Reading .docx output in tests: unzip with fflate and parse the XML parts into a small element
 * tree, so assertions are on elements and attributes (w:rFonts/@w:eastAsia, w:sz/@w:val …), not
 * on substrings of the markup.
 */

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** text content directly inside this element */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return ENTITIES[e] ?? m;
  });

/** Parse well-formed XML (as Word and docx write it) into an element tree. */
export function parseXml(xml: string): XNode {
  const root: XNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XNode[] = [root];
  const tag =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(tag)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[3]) {
      if (m[2] === '/') {
        if (top.name !== m[3]) throw new Error(`mismatched </${m[3]}> in <${top.name}>`);
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
      const node: XNode = { name: m[3], attrs, children: [], text: '' };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root;
}

/** Every descendant element with this name, in document order. */
export function findAll(node: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export const find = (node: XNode, name: string): XNode | undefined => findAll(node, name)[0];

/** The text of the w:t elements under a node, joined. */
export const textOf = (node: XNode): string =>
  findAll(node, 'w:t')
    .map((t) => t.text)
    .join('');

/** A .docx's parts: XML parts as text, everything else as bytes. */
export function unzipDocx(bytes: Uint8Array): {
  xml: Record<string, string>;
  files: Record<string, Uint8Array>;
} {
  const files = unzipSync(bytes);
  const xml: Record<string, string> = {};
  for (const [name, data] of Object.entries(files))
    if (/\.(xml|rels)$/.test(name)) xml[name] = strFromU8(data);
  return { xml, files };
}

/** A paragraph read back: its text, properties and runs. */
export interface ReadParagraph {
  node: XNode;
  text: string;
  pPr: XNode | undefined;
  runs: Array<{ node: XNode; text: string; rPr: XNode | undefined }>;
}

export function paragraphs(part: XNode): ReadParagraph[] {
  return findAll(part, 'w:p').map((p) => ({
    node: p,
    text: textOf(p),
    pPr: p.children.find((c) => c.name === 'w:pPr'),
    runs: findAll(p, 'w:r').map((r) => ({
      node: r,
      text: textOf(r),
      rPr: r.children.find((c) => c.name === 'w:rPr'),
    })),
  }));
}

/** An attribute of the first descendant (or self) named `name` under `node`. */
export function attrOf(node: XNode | undefined, name: string, attr: string): string | undefined {
  if (!node) return undefined;
  if (node.name === name) return node.attrs[attr];
  return find(node, name)?.attrs[attr];
}

/** The docx parts most tests read, parsed. */
export function readDocx(bytes: Uint8Array): {
  document: XNode;
  styles: XNode;
  settings: XNode;
  footers: Record<string, XNode>;
  rels: XNode;
  xml: Record<string, string>;
  files: Record<string, Uint8Array>;
} {
  const { xml, files } = unzipDocx(bytes);
  const need = (name: string): XNode => {
    const text = xml[name];
    if (text === undefined) throw new Error(`${name} missing from the package`);
    return parseXml(text);
  };
  const footers: Record<string, XNode> = {};
  for (const name of Object.keys(xml)) if (/^word\/footer\d+\.xml$/.test(name)) footers[name] = need(name);
  return {
    document: need('word/document.xml'),
    styles: need('word/styles.xml'),
    settings: need('word/settings.xml'),
    footers,
    rels: need('word/_rels/document.xml.rels'),
    xml,
    files,
  };
}

/**
 * Where a right-aligned line's first character stands, twips from the type area's left edge: the
 * type area's width less the right indent and the line's rendered width. A run's characters are
 * counted as they render: a CJK or full-width character one em of its size, a digit or Latin
 * letter (Times New Roman) half an em, each plus the run's character spacing (w:spacing).
 */
export function rightAlignedStart(p: ReadParagraph, typeWidth = 8844): number {
  let width = 0;
  for (const r of p.runs) {
    const em = Number(attrOf(r.rPr, 'w:sz', 'w:val')) * 10;
    const spacing = Number(r.rPr?.children.find((c) => c.name === 'w:spacing')?.attrs['w:val'] ?? 0);
    for (const ch of r.text) {
      const code = ch.codePointAt(0) ?? 0;
      width += (code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? em / 2 : em) + spacing;
    }
  }
  return typeWidth - Number(attrOf(p.pPr, 'w:ind', 'w:right') ?? 0) - width;
}
