import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadUserTemplates, userRegistry, userTemplatesDir } from '../../main/templates-user';
import gbt9704Json from '../../templates/brief/gbt9704/template.json';

let userData: string;
let dir: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'user-templates-'));
  dir = userTemplatesDir(userData);
  await mkdir(dir, { recursive: true });
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const mine = (id: string, patch: Record<string, unknown> = {}): string =>
  JSON.stringify({
    ...structuredClone(gbt9704Json),
    id,
    name: { zh: `我的${id}`, en: `Mine ${id}` },
    ...patch,
  });

describe("loading the user's own templates", () => {
  it('loads NAME.json with NAME.css beside it, and a folder with template.json and its CSS', async () => {
    await writeFile(join(dir, 'red.json'), mine('red'));
    await writeFile(join(dir, 'red.css'), '.brief-title { color: #c00000; }');
    await mkdir(join(dir, 'county'));
    await writeFile(join(dir, 'county', 'template.json'), mine('county'));
    await writeFile(join(dir, 'county', 'brief.css'), '.brief-heading { letter-spacing: 0; }');
    const { templates, problems } = await loadUserTemplates(dir);
    expect(problems).toEqual([]);
    expect(templates.map((t) => [t.id, t.css])).toEqual([
      ['county', '.brief-heading { letter-spacing: 0; }'],
      ['red', '.brief-title { color: #c00000; }'],
    ]);
  });

  it('refuses an invalid file naming the file and the field, and still loads the others', async () => {
    const bad = JSON.parse(mine('bad')) as { fonts: { body: { sizePt: number } } };
    bad.fonts.body.sizePt = 0;
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    await writeFile(join(dir, 'good.json'), mine('good'));
    await writeFile(join(dir, 'broken.json'), '{ "id": ');
    const { templates, problems } = await loadUserTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual(['good']);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['bad.json', 'fonts.body.sizePt'],
      ['broken.json', '(file)'],
    ]);
    expect(problems[0]?.messageZh).toContain('模板 bad.json 无效：字段「fonts.body.sizePt」');
    expect(problems[0]?.messageEn).toContain('template bad.json is invalid: field "fonts.body.sizePt"');
    expect(problems[1]?.messageZh).toContain('不是有效的 JSON');
  });

  it('refuses CSS that would reach the network', async () => {
    await writeFile(join(dir, 'net.json'), mine('net'));
    await writeFile(join(dir, 'net.css'), '@import url(https://example.com/x.css);');
    const { templates, problems } = await loadUserTemplates(dir);
    expect(templates).toEqual([]);
    expect(problems.map((p) => [p.file, p.field])).toEqual([['net.json', 'css']]);
  });

  it('refuses an id a built-in template or another user template already has', async () => {
    await writeFile(join(dir, 'a.json'), mine('gbt9704'));
    await writeFile(join(dir, 'b.json'), mine('twin'));
    await writeFile(join(dir, 'c.json'), mine('twin'));
    const { templates, problems } = await loadUserTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual(['twin']);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['a.json', 'id'],
      ['c.json', 'id'],
    ]);
    expect(problems[0]?.messageEn).toContain('a built-in template');
    expect(problems[1]?.messageZh).toContain('b.json');
  });

  it('says what is wrong in Chinese for the Chinese screen, with no English sentence in it', async () => {
    const bad = JSON.parse(mine('small')) as { fonts: { body: { sizePt: number } }; page?: unknown };
    bad.fonts.body.sizePt = 0;
    await writeFile(join(dir, 'a-small.json'), JSON.stringify(bad));
    const missing = JSON.parse(mine('nopage')) as Record<string, unknown>;
    delete missing.page;
    await writeFile(join(dir, 'b-missing.json'), JSON.stringify(missing));
    const colour = JSON.parse(mine('colour')) as { fonts: { body: { color?: string } } };
    colour.fonts.body.color = 'red';
    await writeFile(join(dir, 'c-colour.json'), JSON.stringify(colour));
    await writeFile(join(dir, 'd-id.json'), mine('Bad_Id'));
    await writeFile(join(dir, 'e-css.json'), mine('css'));
    await writeFile(join(dir, 'e-css.css'), '.a { background: url(http://example.com/a.png) }');
    await writeFile(join(dir, 'f-json.json'), '{ "id": "x",\n  "version": }');
    const { problems } = await loadUserTemplates(dir);
    expect(problems.map((p) => [p.file, p.field, p.messageZh])).toEqual([
      [
        'a-small.json',
        'fonts.body.sizePt',
        '模板 a-small.json 无效：字段「fonts.body.sizePt」太小，应大于 0',
      ],
      ['b-missing.json', 'page', '模板 b-missing.json 无效：字段「page」缺少这一项'],
      [
        'c-colour.json',
        'fonts.body.color',
        '模板 c-colour.json 无效：字段「fonts.body.color」应为六位十六进制颜色值，如 C00000',
      ],
      ['d-id.json', 'id', '模板 d-id.json 无效：字段「id」只能用小写字母、数字和连字符'],
      [
        'e-css.json',
        'css',
        '模板 e-css.json 无效：字段「css」只能使用 data: 地址，不能使用 url(http://example.com/a.png)',
      ],
      ['f-json.json', '(file)', expect.stringContaining('遇到意外的「}」')],
    ]);
    // the English messages stay English, for the command line and the English screen
    expect(problems[0]?.messageEn).toContain('Too small');
  });

  it('treats a missing folder as no templates', async () => {
    expect(await loadUserTemplates(join(userData, 'nope'))).toEqual({ templates: [], problems: [] });
  });

  it('gives the app a registry with the built-in and the user templates', async () => {
    await writeFile(join(dir, 'red.json'), mine('red'));
    const { registry, problems } = await userRegistry(userData);
    expect(problems).toEqual([]);
    expect(registry.list('brief').map((t) => [t.id, t.builtin])).toEqual([
      ['gbt9704', true],
      ['bulletin', true],
      ['plain', true],
      ['red', false],
    ]);
    expect(registry.get('brief', 'red').page.grid?.linePitch).toBe(579);
  });
});
