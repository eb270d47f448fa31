import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { PROJECT_VERSION } from '../../content/project';
import { makePng } from '../helpers/brief-report';
import { LETTERHEAD, makeOfficeTemplate } from '../helpers/office-docx';
import { ARTIFACTS, exportFormat, openDesk, outline, zipText } from './desk-helpers';
import { ROOT, startHost, type RunningHost } from './host';

// the built-in templates' data, read as files (Playwright's loader takes no JSON imports)
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const govBlue = readJson<{ colors: Record<string, string> } & Record<string, unknown>>(
  'templates/deck/gov-blue/template.json',
);
const gbt9704 = readJson<{ fonts: { body: { sizePt: number } } } & Record<string, unknown>>(
  'templates/brief/gbt9704/template.json',
);

/**
 * What an office brings of its own: its Word template (a .docx with placeholders), its logo, and
 * template files in the data folder. Each is picked in the real UI in browser mode, and found
 * again in the preview, in the exported files and in a reopened project.
 */

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const ECONOMY = '二、稳住经济运行基本盘';
/** a sentence of the sample report's economy section, to find the brief's body in the export */
const ECONOMY_TEXT = '企业复工跑出加速度';

/** A logo made for the test: a green square with a white cross, easy to spot on a slide. */
const LOGO = makePng(64, 64, (x, y) =>
  Math.abs(x - 32) < 6 || Math.abs(y - 32) < 6 ? [255, 255, 255] : [20, 140, 60],
);

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'desk-assets-'));
}

async function writeFiles(): Promise<{ template: string; noBody: string; logo: string; svg: string }> {
  const dir = scratch();
  const files = {
    template: join(dir, '本单位模板.docx'),
    noBody: join(dir, '旧模板.docx'),
    logo: join(dir, '单位标志.png'),
    svg: join(dir, 'emblem.svg'),
  };
  writeFileSync(files.template, await makeOfficeTemplate());
  writeFileSync(files.noBody, await makeOfficeTemplate({ withoutBody: true }));
  writeFileSync(files.logo, LOGO);
  writeFileSync(files.svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  return files;
}

async function tick(page: Page, title: string): Promise<void> {
  await outline(page)
    .getByRole('checkbox', { name: `选中「${title}」` })
    .check();
}

async function chooseOfficeTemplate(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: /^模板：/ }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('menuitem', { name: '使用本单位模板（.docx）…' }).click(),
  ]);
  await chooser.setFiles(path);
}

async function chooseLogo(page: Page, path: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '简报信息' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: '简报信息', exact: true }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: /选择图片…|更换图片…/ }).click(),
  ]);
  await chooser.setFiles(path);
}

// the note that names the office template (the brief's list has a note of its own when empty)
const officeNote = (page: Page) => page.locator('.preview-note');

test("the office's own Word template: refused without {{body}}, chosen, previewed, exported, switched back and undone", async ({
  page,
}) => {
  const files = await writeFiles();
  host = await startHost();
  await openDesk(page, host.appUrl);
  await page.getByRole('radio', { name: 'Word 简报' }).click();
  await tick(page, ECONOMY);

  // a template with nowhere to put the text is refused at once, with the reason
  await chooseOfficeTemplate(page, files.noBody);
  await expect(page.getByRole('alert')).toContainText('旧模板.docx');
  await expect(page.getByRole('alert')).toContainText('缺少 {{body}} 占位符（正文的位置）');
  await expect(page.getByRole('alert')).toContainText('模板里找到的占位符：');
  await expect(officeNote(page)).toHaveCount(0);

  await chooseOfficeTemplate(page, files.template);
  // what the export will fill each of its placeholders with, listed as it is chosen
  const chosen = page.locator('.notice');
  await expect(chosen).toContainText('已使用本单位模板「本单位模板.docx」');
  await expect(chosen.locator('.notice-details li')).toHaveCount(6);
  await expect(chosen).toContainText('{{body}}：填入正文');
  await expect(chosen).toContainText('{{issuer}}：填入编印单位');
  await page.screenshot({ path: join(ARTIFACTS, 'office-template-placeholders-zh.png') });
  // the same list in English
  await page.locator('button.lang').click();
  await expect(chosen.locator('.notice-details li')).toHaveCount(6);
  await expect(chosen).toContainText('{{body}}');
  await expect(chosen).not.toContainText('填入正文');
  await page.screenshot({ path: join(ARTIFACTS, 'office-template-placeholders-en.png') });
  await page.locator('button.lang').click();
  await expect(chosen).toContainText('{{body}}：填入正文');
  await page.getByRole('button', { name: /^模板：/ }).click();
  await expect(page.getByRole('menuitemradio', { name: '本单位模板（本单位模板.docx）' })).toBeChecked();
  await page.locator('.menu').screenshot({ path: join(ARTIFACTS, 'office-template-picker.png') });
  await page.keyboard.press('Escape');
  await expect(officeNote(page)).toHaveText(
    '使用本单位模板：本单位模板.docx（预览为正文格式，页眉、红头等以导出文件为准）',
  );
  await expect(page.getByRole('button', { name: '模板：本单位模板（本单位模板.docx）' })).toBeVisible();
  // the preview shows the body in the official format, no built-in masthead or page number
  await expect(page.locator('.brief-page')).toContainText(ECONOMY_TEXT);
  await expect(page.locator('.brief-page .brief-sheet')).toHaveAttribute('data-template', 'gbt9704');
  await expect(page.locator('.brief-page .brief-page-number')).toHaveCount(0);
  await page.locator('.pane.preview').screenshot({ path: join(ARTIFACTS, 'office-template-preview.png') });

  // the export is their file with our body in it
  const docx = await exportFormat(page, /Word/);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const text = await zipText(docx, /^word\/document\.xml$/);
  expect(text).toContain(LETTERHEAD);
  expect(text).toContain('稳住经济运行基本盘');
  expect(text).toContain(ECONOMY_TEXT);
  expect(text).not.toContain('{{body}}');
  expect(text.indexOf(LETTERHEAD)).toBeLessThan(text.indexOf(ECONOMY_TEXT));

  // back to a built-in format, and undo brings the office template back
  await page.getByRole('button', { name: /^模板：/ }).click();
  await page.getByRole('menuitemradio', { name: /简洁文稿/ }).click();
  await expect(officeNote(page)).toHaveCount(0);
  await expect(page.locator('.brief-page .brief-sheet')).toHaveAttribute('data-template', 'plain');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(officeNote(page)).toContainText('本单位模板.docx');
  await page.getByRole('button', { name: '重做' }).click();
  await expect(officeNote(page)).toHaveCount(0);
});

test("the organisation's logo: an SVG refused, a PNG previewed on the slides and found in the .pptx and the .html", async ({
  page,
}) => {
  const files = await writeFiles();
  host = await startHost();
  await openDesk(page, host.appUrl);
  await tick(page, ECONOMY);

  const dialog = page.getByRole('dialog', { name: '简报信息' });
  await page.getByRole('button', { name: '简报信息', exact: true }).click();
  await expect(dialog.getByRole('group', { name: '单位标志（可选）' })).toContainText('未设置单位标志。');
  await chooseLogo(page, files.svg);
  await expect(dialog.getByRole('alert')).toContainText('不是 PNG 或 JPEG 图片');
  await chooseLogo(page, files.logo);
  await expect(dialog.getByRole('img', { name: '单位标志预览：单位标志.png' })).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.screenshot({ path: join(ARTIFACTS, 'logo-fields-dialog.png') });
  await dialog.getByRole('button', { name: '完成' }).click();

  const logoUri = `data:image/png;base64,${Buffer.from(LOGO).toString('base64')}`;
  const slideLogo = page.locator('.current-slide img.bs-logo');
  await expect(slideLogo).toBeVisible();
  await expect(slideLogo).toHaveAttribute('src', logoUri);
  // the thumbnails carry it too (one per slide)
  await expect(page.locator('.thumbs img.bs-logo').first()).toBeVisible();
  await page.locator('.pane.preview').screenshot({ path: join(ARTIFACTS, 'logo-deck-preview.png') });
  // the image really loads under the page's CSP (not a broken frame): its pixels are the logo's
  const pixel = await slideLogo.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return [img.naturalWidth, ...Array.from(ctx.getImageData(4, 4, 1, 1).data)];
  });
  expect(pixel).toEqual([64, 20, 140, 60, 255]);

  const pptx = await exportFormat(page, /\.pptx/);
  const media = Object.entries(unzipSync(readFileSync(await pptx.path()))).filter(([n]) =>
    n.startsWith('ppt/media/'),
  );
  expect(media.some(([, b]) => Buffer.from(b).equals(Buffer.from(LOGO)))).toBe(true);

  const html = readFileSync(await (await exportFormat(page, /\.html/)).path(), 'utf8');
  expect(html).toContain(`class="bs-logo" src="${logoUri}"`);

  // remove it: gone from the slides; undo: back
  await page.getByRole('button', { name: '简报信息', exact: true }).click();
  await dialog.getByRole('button', { name: '移除标志' }).click();
  await expect(dialog.getByRole('img')).toHaveCount(0);
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(slideLogo).toHaveCount(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(slideLogo).toHaveAttribute('src', logoUri);
});

test('a project with an office template and a logo: saved, reloaded and reopened as it was', async ({
  page,
}) => {
  const files = await writeFiles();
  host = await startHost();
  await openDesk(page, host.appUrl);
  await tick(page, ECONOMY);
  await chooseLogo(page, files.logo);
  await page.getByRole('dialog', { name: '简报信息' }).getByRole('button', { name: '完成' }).click();
  await page.getByRole('radio', { name: 'Word 简报' }).click();
  await chooseOfficeTemplate(page, files.template);
  await expect(officeNote(page)).toContainText('本单位模板.docx');

  const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const projectPath = join(scratch(), saved.suggestedFilename());
  await saved.saveAs(projectPath);
  const project = JSON.parse(readFileSync(projectPath, 'utf8')) as {
    name: string;
    version: number;
    briefing: { officeTemplate: { name: string; data: string }; logo: { mime: string; data: string } };
  };
  // self-contained: the template's and the logo's bytes are in the file
  expect(project.version).toBe(PROJECT_VERSION);
  expect(project.briefing.officeTemplate.name).toBe('本单位模板.docx');
  expect(
    Buffer.from(project.briefing.officeTemplate.data, 'base64').equals(readFileSync(files.template)),
  ).toBe(true);
  expect(Buffer.from(project.briefing.logo.data, 'base64').equals(Buffer.from(LOGO))).toBe(true);

  await page.reload();
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
  await expect(officeNote(page)).toHaveCount(0);

  await page.getByRole('button', { name: '文件' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('menuitem', { name: '打开项目…' }).click(),
  ]);
  await chooser.setFiles(projectPath);
  await expect(page.getByRole('radio', { name: 'Word 简报' })).toHaveAttribute('aria-checked', 'true');
  await expect(officeNote(page)).toContainText('本单位模板.docx');
  await expect(page.getByRole('button', { name: '模板：本单位模板（本单位模板.docx）' })).toBeVisible();
  const docx = await exportFormat(page, /Word/);
  const text = await zipText(docx, /^word\/document\.xml$/);
  expect(text).toContain(LETTERHEAD);
  expect(text).toContain(ECONOMY_TEXT);

  await page.getByRole('radio', { name: '幻灯片' }).click();
  await expect(page.locator('.current-slide img.bs-logo')).toBeVisible();
  await page.getByRole('button', { name: '简报信息', exact: true }).click();
  await expect(page.getByRole('img', { name: '单位标志预览：单位标志.png' })).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();

  // and from the recent list (browser mode keeps a copy in the data dir)
  await page.reload();
  await page.getByRole('button', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: project.name, exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Word 简报' })).toHaveAttribute('aria-checked', 'true');
  await expect(officeNote(page)).toContainText('本单位模板.docx');
  await page.getByRole('radio', { name: '幻灯片' }).click();
  await expect(page.locator('.current-slide img.bs-logo')).toBeVisible();
});

test("the user's templates folder: a valid theme in the picker and the preview, a broken file reported by file and field", async ({
  page,
}) => {
  const dataDir = scratch();
  const dir = join(dataDir, 'templates');
  mkdirSync(dir);
  const green = {
    ...structuredClone(govBlue),
    id: 'county-green',
    name: { zh: '县委绿', en: 'County green' },
    colors: { ...govBlue.colors, primary: '1B7F3B', primaryDark: '0F5527', accent: 'E0B030' },
  };
  writeFileSync(join(dir, '县委绿.json'), JSON.stringify(green));
  writeFileSync(
    join(dir, '县委绿.css'),
    '.bs-theme-county-green .bs-frame-content .bs-title { letter-spacing: 0.08em; }',
  );
  const broken = { ...structuredClone(gbt9704), id: 'broken-brief' };
  broken.fonts.body.sizePt = 0;
  writeFileSync(join(dir, '坏模板.json'), JSON.stringify(broken));
  writeFileSync(join(dir, 'net.json'), JSON.stringify({ ...green, id: 'net-theme' }));
  writeFileSync(join(dir, 'net.css'), '@import url(https://example.com/x.css);');

  host = await startHost([], { BRIEFING_DATA_DIR: dataDir });
  await openDesk(page, host.appUrl);

  // the refused files, each by file and field, once
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('2 个模板文件无法使用');
  await expect(alert.locator('li')).toHaveCount(2);
  await expect(alert.locator('li').nth(0)).toContainText('net.json');
  await expect(alert.locator('li').nth(0)).toContainText('css');
  await expect(alert.locator('li').nth(1)).toContainText('坏模板.json');
  await expect(alert.locator('li').nth(1)).toContainText('fonts.body.sizePt');
  await page.screenshot({ path: join(ARTIFACTS, 'user-templates-problems.png') });
  // in the UI language: the English screen lists them in English
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await expect(alert).toContainText('2 template files could not be used');
  await expect(alert.locator('li').nth(1)).toContainText(
    'template 坏模板.json is invalid: field "fonts.body.sizePt"',
  );
  await page.getByRole('button', { name: 'Switch interface language' }).click();
  await expect(alert).toContainText('2 个模板文件无法使用');

  // the valid theme in the picker, previewed in its own colours
  await page.getByRole('button', { name: /^模板：/ }).click();
  const option = page.getByRole('menuitemradio', { name: /县委绿/ });
  await expect(option).toContainText('自定义');
  // every theme's thumbnail drawn (they load with the menu) before the picture is taken
  await expect(page.locator('.menu .template-thumb-inner')).toHaveCount(4);
  await page.locator('.menu').screenshot({ path: join(ARTIFACTS, 'user-templates-picker.png') });
  await option.click();
  const cover = page.locator('.current-slide .bs-slide');
  await expect(page.locator('.current-slide')).toHaveClass(/bs-theme-county-green/);
  await expect(cover).toHaveCSS('background-color', 'rgb(27, 127, 59)');
  await page.locator('.pane.preview').screenshot({ path: join(ARTIFACTS, 'user-templates-preview.png') });

  // and the export uses it
  const html = readFileSync(await (await exportFormat(page, /\.html/)).path(), 'utf8');
  expect(html).toContain('bs-theme-county-green');
  expect(html).toContain('--bs-c-primary: #1B7F3B');

  // 打开模板文件夹: a browser cannot open folders, so the path is shown
  await page.getByRole('button', { name: /^模板：/ }).click();
  await page.getByRole('menuitem', { name: '打开模板文件夹' }).click();
  await expect(page.getByRole('status')).toContainText(dir);

  // staff fix the broken files and add a theme, then 重新读取模板文件夹: no restart
  rmSync(join(dir, 'net.css'));
  broken.fonts.body.sizePt = 16;
  writeFileSync(join(dir, '坏模板.json'), JSON.stringify(broken));
  writeFileSync(
    join(dir, '县委红.json'),
    JSON.stringify({ ...green, id: 'county-red', name: { zh: '县委红', en: 'County red' } }),
  );
  await page.getByRole('button', { name: /^模板：/ }).click();
  await page.getByRole('menuitem', { name: '重新读取模板文件夹' }).click();
  await expect(page.getByRole('status')).toContainText('已重新读取模板文件夹：4 个自定义模板。');
  await page.getByRole('button', { name: /^模板：/ }).click();
  await expect(page.getByRole('menuitemradio', { name: /县委红/ })).toContainText('自定义');
});
