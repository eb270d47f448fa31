import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';

/**
 * The import fences of eslint.config.js, tried on code that crosses each one: a file that does
 * must fail the lint, one that stays inside must pass. (Type information is left out: the fences
 * are about what is imported, and the files here are made up.)
 */

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [tseslint.configs.disableTypeChecked],
    ruleFilter: ({ ruleId }) => ruleId === '@typescript-eslint/no-restricted-imports',
  });
});

async function fenced(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the folders’ import fences', () => {
  it('keep Node and Electron out of content/ and templates/', async () => {
    for (const file of ['content/compose/x.ts', 'templates/render/x.ts']) {
      for (const source of ['node:fs', 'fs', 'path', 'node:worker_threads', 'electron'])
        expect(
          await fenced(file, `import x from '${source}';\nexport default x;\n`),
          `${file} ${source}`,
        ).toHaveLength(1);
      expect(await fenced(file, `import { z } from 'zod';\nexport default z;\n`)).toEqual([]);
    }
  });

  it('let content/ take only types from templates/, and values only from the model, the scene and the error kind', async () => {
    const file = 'content/compose/x.ts';
    for (const source of [
      '../../templates/registry',
      '../../templates/render/slide',
      '../../templates/deck/schema',
      '../../templates/brief/blocks',
    ])
      expect(await fenced(file, `import { a } from '${source}';\nexport default a;\n`), source).toHaveLength(
        1,
      );
    for (const source of [
      '../../templates/registry',
      '../../templates/render/slide',
      '../../templates/deck/schema',
    ])
      expect(await fenced(file, `import type { A } from '${source}';\nexport type B = A;\n`), source).toEqual(
        [],
      );
    for (const source of [
      '../../templates/model',
      '../../templates/scene/scene',
      '../../templates/scene/measure',
      '../../templates/errors',
    ])
      expect(await fenced(file, `import { a } from '${source}';\nexport default a;\n`), source).toEqual([]);
  });

  it('keep content/ out of templates/, and both below main/ and renderer/', async () => {
    expect(
      await fenced(
        'templates/scene/x.ts',
        `import { a } from '../../content/model/values';\nexport default a;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await fenced(
        'content/compose/x.ts',
        `import type { A } from '../../main/contract';\nexport type B = A;\n`,
      ),
    ).toHaveLength(1);
  });

  it('let renderer/ see main/ through types only, and no Node', async () => {
    const file = 'renderer/actions/x.ts';
    expect(
      await fenced(
        file,
        `import { MENU_COMMANDS } from '../../main/contract';\nexport default MENU_COMMANDS;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await fenced(file, `import type { Channel } from '../../main/contract';\nexport type C = Channel;\n`),
    ).toEqual([]);
    expect(
      await fenced(file, `import { readFileSync } from 'node:fs';\nexport default readFileSync;\n`),
    ).toHaveLength(1);
    // a module of ours that shares a name with a Node one is not Node
    expect(
      await fenced(
        file,
        `import { encodeWire } from '../../content/util/wire';\nexport default encodeWire;\n`,
      ),
    ).toEqual([]);
  });

  it('keep tests/ out of the product', async () => {
    for (const file of [
      'main/export/x.ts',
      'content/import/x.ts',
      'templates/scene/x.ts',
      'renderer/components/x.tsx',
    ])
      expect(
        await fenced(file, `import { ROOT } from '../../tests/helpers/paths';\nexport default ROOT;\n`),
        file,
      ).toHaveLength(1);
  });
});
