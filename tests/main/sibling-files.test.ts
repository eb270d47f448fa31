import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../content/model/report';
import { decodeWireBytes } from '../../content/util/wire';
import { createHandlers, dispatch } from '../../main/handlers';
import { bundledSiblings, folderSiblings } from '../../main/sibling-files';
import { builtinRegistry } from '../../templates/registry';
import { tinyPng } from '../fixtures/import/build-docx';

/** A report's folder with a picture in it and below it, a secret beside the folder, and links out. */
function layout() {
  const root = mkdtempSync(join(tmpdir(), 'siblings-'));
  const folder = join(root, 'report');
  mkdirSync(join(folder, 'images'), { recursive: true });
  writeFileSync(join(folder, 'report.md'), '# 标题\n');
  writeFileSync(join(folder, 'a.png'), tinyPng());
  writeFileSync(join(folder, 'images', 'b.png'), tinyPng());
  writeFileSync(join(root, 'secret.png'), tinyPng());
  symlinkSync(join(root, 'secret.png'), join(folder, 'link-out.png'));
  symlinkSync(root, join(folder, 'up'));
  symlinkSync(join(folder, 'a.png'), join(folder, 'images', 'link-in.png'));
  return { root, folder, source: join(folder, 'report.md') };
}

describe('the folder reader main gives the importer', () => {
  it('reads a file in the source’s folder and below it', async () => {
    const { source } = layout();
    const files = folderSiblings(source);
    expect(await files.read('a.png', 1024)).toEqual({ ok: true, bytes: tinyPng() });
    expect(await files.read('images/b.png', 1024)).toEqual({ ok: true, bytes: tinyPng() });
    expect(await files.read('images/link-in.png', 1024)).toEqual({ ok: true, bytes: tinyPng() });
  });

  it('refuses every way out of the folder: .., absolute paths, links that lead out', async () => {
    const { root, source } = layout();
    const files = folderSiblings(source);
    for (const path of [
      '../secret.png',
      'images/../../secret.png',
      join(root, 'secret.png'),
      'link-out.png',
      'up/secret.png',
    ])
      expect(await files.read(path, 1024)).toEqual({ ok: false, reason: 'outside' });
  });

  it('refuses a file over the cap without reading it, and says what is missing', async () => {
    const { folder, source } = layout();
    writeFileSync(join(folder, 'big.png'), new Uint8Array(5000));
    const files = folderSiblings(source);
    expect(await files.read('big.png', 4999)).toEqual({ ok: false, reason: 'too-large' });
    expect(await files.read('none.png', 1024)).toEqual({ ok: false, reason: 'not-found' });
    expect(await files.read('images', 1024)).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('pictures the page sends with a report', () => {
  it('finds them by relative path, or by bare name when picked one by one', async () => {
    const files = bundledSiblings([
      { path: 'report/images/b.png', bytes: new Uint8Array([1]) },
      { path: 'a.png', bytes: new Uint8Array([2]) },
      { path: '../x.png', bytes: new Uint8Array([3]) },
    ]);
    expect(await files.read('report/images/b.png', 10)).toEqual({ ok: true, bytes: new Uint8Array([1]) });
    expect(await files.read('images/a.png', 10)).toEqual({ ok: true, bytes: new Uint8Array([2]) });
    expect(await files.read('../x.png', 10)).toEqual({ ok: false, reason: 'outside' });
    expect(await files.read('x.png', 10)).toEqual({ ok: false, reason: 'not-found' });
    expect(await files.read('a.png', 0)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('imports a Markdown report with the pictures chosen along with it', async () => {
    const handlers = createHandlers({
      host: 'browser',
      version: '0.0.0',
      registry: builtinRegistry,
      deliver: async () => ({ status: 'canceled' }),
      showInFolder: async () => undefined,
      dataDir: mkdtempSync(join(tmpdir(), 'siblings-data-')),
      saveProject: async () => ({ result: { status: 'canceled' }, path: null }),
      chooseProjectFile: async () => null,
    });
    const bytes = new TextEncoder().encode(
      '# 标题\n\n## 一、概况\n\n![图1 现场](images/a.png)\n\n![图2 夜景](b.png)\n',
    );
    const env = await dispatch(handlers, 'report:import', {
      name: 'r.md',
      bytes,
      siblings: [{ path: 'a.png', bytes: tinyPng() }],
    });
    if (!env.ok || !('encoded' in env)) throw new Error('import failed');
    const report = decodeWireBytes(env.encoded) as Report;
    expect(report.figures.map((f) => [f.caption, !!f.assetId, f.missing ?? ''])).toEqual([
      ['图1 现场', true, ''],
      ['图2 夜景', false, expect.stringContaining('找不到')],
    ]);
    const refused = await dispatch(handlers, 'report:import', {
      name: 'r.md',
      bytes,
      siblings: Array.from({ length: 201 }, (_, i) => ({ path: `${i}.png`, bytes: new Uint8Array(1) })),
    });
    expect(refused.ok).toBe(false);
  });
});
