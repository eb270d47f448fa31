import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { ROOT } from '../helpers/paths';

const assets = join(ROOT, 'out', 'renderer', 'assets');
const read = (file: string): string => readFileSync(join(assets, file), 'utf8');
const staticImports = (code: string): string[] =>
  [...code.matchAll(/\bfrom\s*"\.\/([^"]+\.js)"|\bimport\s*"\.\/([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2])!);
const dynamicImports = (code: string): string[] =>
  [...code.matchAll(/\bimport\(\s*["`]\.\/([^"`]+\.js)["`]\s*\)/g)].map((m) => m[1]!);
/** zod's own property on every schema: present in any chunk that carries zod. */
const hasZod = (code: string): boolean => code.includes('_zod');

/** The scripts the page runs before it can show the desk: the entry, the app it loads, their imports. */
function firstScripts(): string[] {
  const html = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of staticImports(read(file))) visit(dep);
  };
  visit(entry);
  // the entry's one dynamic import is the app itself (main.tsx), asked for as soon as it runs
  for (const app of dynamicImports(read(entry))) visit(app);
  return [...seen];
}

beforeAll(() => {
  ensureBuild({ quiet: true });
}, 120_000);

describe('the page as built', () => {
  it('shows the desk without loading zod or the schemas: those load with the preview and user templates', () => {
    const first = firstScripts();
    expect(first.some((f) => f.startsWith('app-root-'))).toBe(true);
    expect(first.filter((f) => hasZod(read(f)))).toEqual([]);
    // zod is in the build, in a chunk loaded later
    const later = readdirSync(assets).filter((f) => f.endsWith('.js') && !first.includes(f));
    expect(later.filter((f) => hasZod(read(f))).length).toBeGreaterThan(0);
    expect(later.some((f) => f.startsWith('PreviewPane-'))).toBe(true);
  });
});
