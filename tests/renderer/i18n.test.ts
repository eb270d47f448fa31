import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BriefFieldsSchema } from '../../content/model/briefing';
import { BRIEF_FIELD_KEYS } from '../../templates/model';
import { en } from '../../renderer/i18n/en';
import { zh } from '../../renderer/i18n/zh';
import { ROOT } from '../helpers/paths';

type Table = { [key: string]: string | Table };

function flatten(table: Table, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
const zhKeys = flatten(zh);
const enKeys = flatten(en);

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path, ext) : ext.test(name) ? [path] : [];
  });
}
const rendererDir = join(ROOT, 'renderer');
const tsx = sources(rendererDir, /\.tsx$/);
const allSources = sources(rendererDir, /\.tsx?$/).filter((p) => !p.includes(`${join('renderer', 'i18n')}`));

describe('the UI string tables', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect([...enKeys.keys()].sort()).toEqual([...zhKeys.keys()].sort());
    for (const [k, v] of [...zhKeys, ...enKeys]) expect(v.trim(), k).not.toBe('');
  });

  it('keep each language on its own screen: Chinese strings are Chinese, English strings have no Chinese', () => {
    // the language switch names the other language in its own words
    const bilingual = new Set(['toolbar.language', 'fields.datePlaceholder']);
    for (const [k, v] of enKeys) if (!bilingual.has(k)) expect(HAN.test(v), `en ${k}: ${v}`).toBe(false);
    // a Chinese string with any words in it has Chinese words (a bare pattern like 「{{a}} ⟶ {{b}}」 has none)
    const words = (v: string): boolean => /\p{L}/u.test(v.replace(/\{\{\w+\}\}/g, ''));
    for (const [k, v] of zhKeys)
      if (!bilingual.has(k) && words(v)) expect(HAN.test(v), `zh ${k}: ${v}`).toBe(true);
  });

  it('use the same placeholders in both languages', () => {
    const vars = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const [k, v] of zhKeys) expect(vars(enKeys.get(k)!), k).toEqual(vars(v));
  });

  it('hold every key the code asks for', () => {
    const missing: string[] = [];
    for (const file of allSources) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.-]+)'/g))
        if (!zhKeys.has(m[1]!)) missing.push(`${relative(ROOT, file)}: ${m[1]}`);
      // keys built from a closed set: t(`layout.${l}`) and the like must exist for every value
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z]+)\.\$\{/g)) {
        const group = m[1]!;
        expect(
          [...zhKeys.keys()].some((k) => k.startsWith(`${group}.`)),
          `${relative(ROOT, file)}: ${group}.*`,
        ).toBe(true);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name every closed set the UI shows by value: layouts, styles, kinds, roles, filters, busy tasks, fields', async () => {
    const { SLIDE_LAYOUTS, BRIEF_STYLES, OUTPUTS } = await import('../../content/model/briefing');
    const { BLOCK_ROLES, STAT_KINDS, STAT_SCOPES } = await import('../../content/model/report');
    const { OUTLINE_FILTERS, BUSY_TASKS } = await import('../../renderer/store/ui-slice');
    const need = [
      ...SLIDE_LAYOUTS.map((x) => `layout.${x}`),
      ...BRIEF_STYLES.map((x) => `style.${x}`),
      ...OUTPUTS.map((x) => `output.${x}`),
      ...BLOCK_ROLES.map((x) => `role.${x}`),
      ...STAT_KINDS.map((x) => `statKind.${x}`),
      ...STAT_SCOPES.map((x) => `statScope.${x}`),
      ...OUTLINE_FILTERS.map((x) => `filter.${x}`),
      ...BUSY_TASKS.map((x) => `busy.${x}`),
      ...['section', 'heading', 'point', 'paragraph', 'figure', 'table', 'stat'].map((x) => `kind.${x}`),
      ...['docx', 'html', 'pdf', 'pptx'].map((x) => `export.${x}`),
      ...BRIEF_FIELD_KEYS.map((x) => `fields.${x}`),
    ];
    expect(need.filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('the brief fields form offers every field of the model, once', () => {
    expect(BRIEF_FIELD_KEYS).toEqual(Object.keys(BriefFieldsSchema.shape));
    expect(new Set(BRIEF_FIELD_KEYS).size).toBe(BRIEF_FIELD_KEYS.length);
  });
});

describe('the components', () => {
  const USER_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
  const LETTERS = /[\p{L}]/u;
  // key names read the same in every language
  const SHORTCUT = /^(Ctrl|Alt|Shift)(\+(Ctrl|Alt|Shift|[A-Z]))+$/;

  it('put no user-visible text in JSX except through i18n', () => {
    const found: string[] = [];
    for (const file of tsx) {
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && LETTERS.test(node.text) && !SHORTCUT.test(node.text.trim()))
          found.push(`${relative(ROOT, file)}: "${node.text.trim()}"`);
        if (
          ts.isJsxAttribute(node) &&
          USER_ATTRS.has(node.name.getText()) &&
          node.initializer &&
          ts.isStringLiteral(node.initializer) &&
          LETTERS.test(node.initializer.text)
        )
          found.push(`${relative(ROOT, file)}: ${node.name.getText()}="${node.initializer.text}"`);
        // a string literal rendered as a child: {'文字'}
        if (
          ts.isJsxExpression(node) &&
          node.expression &&
          ts.isStringLiteral(node.expression) &&
          LETTERS.test(node.expression.text)
        )
          found.push(`${relative(ROOT, file)}: {'${node.expression.text}'}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });

  it('inject markup in one place only, the component that shows our escaped renderers’ output', () => {
    const users = allSources.filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(users.map((f) => relative(rendererDir, f))).toEqual([join('components', 'Markup.tsx')]);
  });
});
