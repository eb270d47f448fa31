import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { composeDoc } from '../../content/compose/doc';
import { readLogo } from '../../content/briefing/assets';
import { setLogo } from '../../content/briefing/edit';
import { toggleSection } from '../../content/briefing/select';
import { emptyBriefing } from '../../content/model/briefing';
import { sampleReport } from '../../content/sample';
import { templateLibrary } from '../../main/templates-host';
import govBlue from '../../templates/deck/gov-blue/template.json';
import gbt9704 from '../../templates/brief/gbt9704/template.json';
import { builtinRegistry } from '../../templates/registry';
import {
  autosaver,
  exportAs,
  newProject,
  openRecent,
  saveProject,
  startup,
} from '../../renderer/actions/document';
import { acceptUserTemplates } from '../../renderer/user-templates';
import {
  openTemplatesFolder,
  reloadUserTemplates,
  pickLogo,
  pickOfficeTemplate,
} from '../../renderer/actions/templates';
import { runCommand } from '../../renderer/actions/commands';
import { briefPreview } from '../../renderer/preview/brief-adapter';
import { SlideRenderer } from '../../renderer/preview/slides';
import { redo, undo, useStore } from '../../renderer/store/store';
import { deckTheme, templateRegistryFor } from '../../renderer/templates';
import { makePng } from '../helpers/brief-report';
import { LETTERHEAD, makeOfficeTemplate } from '../helpers/office-docx';
import { paragraphs, readDocx } from '../helpers/ooxml';
import { resetStore, useRealHandlers } from './helpers';

const s = useStore.getState;
const GREEN = { ...structuredClone(govBlue), id: 'county-green', name: { zh: '县委绿', en: 'County green' } };
GREEN.colors = { ...GREEN.colors, primary: '1B7F3B' };
const LOGO = makePng(48, 48, [20, 110, 60]);

async function dataDirWithTemplates(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'renderer-templates-'));
  await mkdir(join(dataDir, 'templates'));
  await writeFile(join(dataDir, 'templates', 'green.json'), JSON.stringify(GREEN));
  const broken = { ...structuredClone(gbt9704), id: 'broken-brief' } as Record<string, unknown>;
  delete broken.page;
  await writeFile(join(dataDir, 'templates', 'broken.json'), JSON.stringify(broken));
  return dataDir;
}

let env: ReturnType<typeof useRealHandlers>;
let dataDir: string;

beforeEach(async () => {
  resetStore();
  dataDir = await dataDirWithTemplates();
  const library = templateLibrary(dataDir);
  env = useRealHandlers({ dataDir, registry: library.registry, templates: library });
  await startup();
  autosaver.stop();
});

describe("the user's templates in the page", () => {
  it('arrive at start-up, preview exactly, and the refused file is listed once by file and field', () => {
    expect(s().templates.some((t) => t.id === 'county-green' && !t.builtin)).toBe(true);
    const { theme, exact } = deckTheme('county-green', templateRegistryFor(s().userTemplates));
    expect(exact).toBe(true);
    expect(theme.colors.primary).toBe('1B7F3B');
    const notice = s().notice!;
    expect(notice.kind).toBe('error');
    expect(notice.zh).toContain('1 个模板文件无法使用');
    expect(notice.details?.map((d) => d.zh)).toEqual([expect.stringContaining('broken.json')]);
    expect(notice.details?.[0]?.zh).toContain('page');
    expect(notice.details?.[0]?.en).toContain('template broken.json is invalid: field "page"');
  });

  it('are validated again on arrival: CSS reaching the network or a bad field is refused', () => {
    const sent = templateRegistryFor(s().userTemplates).get('deck', 'county-green');
    const tampered = { ...sent, id: 'tampered', css: '.x { background: url(https://evil.example/a.png) }' };
    const bad = { ...sent, id: 'bad', limits: { ...sent.limits, maxBullets: -1 } };
    const { templates, problems } = acceptUserTemplates([sent, tampered, bad, 'junk']);
    expect(templates.map((t) => t.id)).toEqual(['county-green']);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['tampered', 'css'],
      ['bad', 'limits.maxBullets'],
      ['?', '(root)'],
    ]);
  });
});

describe('重新读取模板文件夹', () => {
  it('takes in templates added and fixed since the start, in the menu and the preview, and says how many', async () => {
    const dir = join(dataDir, 'templates');
    const red = { ...structuredClone(GREEN), id: 'county-red', name: { zh: '县委红', en: 'County red' } };
    red.colors = { ...red.colors, primary: 'B00000' };
    await writeFile(join(dir, 'red.json'), JSON.stringify(red));
    await writeFile(
      join(dir, 'broken.json'),
      JSON.stringify({ ...structuredClone(gbt9704), id: 'broken-brief' }),
    );
    expect(s().templates.some((t) => t.id === 'county-red')).toBe(false);
    await reloadUserTemplates();
    expect(
      s()
        .templates.filter((t) => !t.builtin)
        .map((t) => t.id)
        .sort(),
    ).toEqual(['broken-brief', 'county-green', 'county-red']);
    const { theme, exact } = deckTheme('county-red', templateRegistryFor(s().userTemplates));
    expect(exact).toBe(true);
    expect(theme.colors.primary).toBe('B00000');
    expect(s().notice).toMatchObject({ kind: 'success', zh: '已重新读取模板文件夹：3 个自定义模板。' });
  });

  it('lists a file that is still broken instead of claiming success, and keeps the others', async () => {
    await reloadUserTemplates();
    expect(s().notice?.kind).toBe('error');
    expect(s().notice?.zh).toContain('重新读取模板文件夹');
    expect(s().notice?.details?.[0]?.zh).toContain('broken.json');
    expect(s().templates.some((t) => t.id === 'county-green')).toBe(true);
  });
});

describe('打开模板文件夹', () => {
  it('opens the folder where the host can, and shows its path where it cannot (browser mode)', async () => {
    const opened: string[] = [];
    const dataDir = await dataDirWithTemplates();
    const library = templateLibrary(dataDir);
    useRealHandlers({
      dataDir,
      registry: library.registry,
      templates: library,
      openFolder: async (path) => {
        opened.push(path);
      },
    });
    s().notify(null);
    await openTemplatesFolder();
    expect(opened).toEqual([join(dataDir, 'templates')]);
    expect(s().notice).toBeNull();

    useRealHandlers({ dataDir, registry: library.registry, templates: library });
    // the desktop menu's command takes the same path
    runCommand('templates-folder');
    for (let i = 0; i < 100 && !s().notice; i++) await new Promise((r) => setTimeout(r, 5));
    expect(s().notice?.kind).toBe('info');
    expect(s().notice?.zh).toContain(join(dataDir, 'templates'));
    expect(s().notice?.en).toContain(join(dataDir, 'templates'));
  });
});

describe("the office's Word template in the page", () => {
  const file = async (options = {}) =>
    new File([new Uint8Array(await makeOfficeTemplate(options))], '本单位模板.docx', {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });

  it('is checked by main, chosen in one undo step, and switching back to a built-in format undoes nothing else', async () => {
    s().setOutput('brief');
    s().setTemplate('brief', 'bulletin');
    expect(await pickOfficeTemplate(await file())).toBe(true);
    expect(env.calls).toContain('templates:check-office');
    expect(s().briefing.officeTemplate?.name).toBe('本单位模板.docx');
    expect(s().briefing.briefTemplate).toBe('gbt9704');
    expect(s().notice?.kind).toBe('success');
    undo();
    expect(s().briefing.officeTemplate).toBeUndefined();
    expect(s().briefing.briefTemplate).toBe('bulletin');
    redo();
    expect(s().briefing.officeTemplate?.name).toBe('本单位模板.docx');
    s().setTemplate('brief', 'plain');
    expect(s().briefing.officeTemplate).toBeUndefined();
    undo();
    expect(s().briefing.officeTemplate?.name).toBe('本单位模板.docx');
  });

  it('is refused at once when it has no {{body}}, leaving the briefing as it was', async () => {
    const before = s().briefing;
    expect(await pickOfficeTemplate(await file({ withoutBody: true }))).toBe(false);
    expect(s().briefing).toBe(before);
    expect(s().notice?.kind).toBe('error');
    expect(s().notice?.zh).toContain('{{body}}');
  });

  it('fills the exported .docx, and is saved in the project and back on reopening', async () => {
    s().toggleSection(s().report!.sections[1]!.id, true);
    await pickOfficeTemplate(await file());
    await exportAs('docx');
    const path = s().notice?.path ?? '';
    const texts = paragraphs(readDocx(new Uint8Array(readFileSync(path))).document).map((p) => p.text);
    expect(texts[0]).toBe(LETTERHEAD);
    expect(texts.some((t) => t.includes(s().report!.sections[1]!.title))).toBe(true);

    expect(await pickLogo(new File([new Uint8Array(LOGO)], '标志.png', { type: 'image/png' }))).toBeNull();
    const saved = { office: s().briefing.officeTemplate, logo: s().briefing.logo };
    env.host.nextSavePath = join(env.docs, '带模板.briefing');
    expect(await saveProject(true)).toBe(true);
    await newProject();
    expect(s().report).toBeNull();
    await openRecent(join(env.docs, '带模板.briefing'));
    expect(s().briefing.officeTemplate).toEqual(saved.office);
    expect(s().briefing.logo).toEqual(saved.logo);
  });
});

describe('the logo in the page', () => {
  it('refuses a file that is not a PNG or JPEG, saying so, and takes a PNG as one undo step', async () => {
    const before = s().briefing;
    const problem = await pickLogo(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(problem?.zh).toContain('PNG 或 JPEG');
    expect(s().briefing).toBe(before);
    expect(await pickLogo(new File([new Uint8Array(LOGO)], '标志.png', { type: 'image/png' }))).toBeNull();
    expect(s().briefing.logo?.mime).toBe('image/png');
    undo();
    expect(s().briefing.logo).toBeUndefined();
  });

  it('reaches the exported .pptx unaltered', async () => {
    s().toggleSection(s().report!.sections[1]!.id, true);
    s().setTemplate('deck', 'gov-blue');
    await pickLogo(new File([new Uint8Array(LOGO)], '标志.png', { type: 'image/png' }));
    await exportAs('pptx');
    const media = Object.entries(unzipSync(new Uint8Array(readFileSync(s().notice!.path!)))).filter(([n]) =>
      n.startsWith('ppt/media/'),
    );
    expect(media.some(([, b]) => b.length === LOGO.length && b.every((x, i) => x === LOGO[i]))).toBe(true);
  });
});

describe('previews of a briefing with a logo or an office template', () => {
  const report = sampleReport();
  const theme = builtinRegistry().get('deck', 'gov-red');

  it('draws the logo on the slides, and draws them again when the logo changes', () => {
    const renderer = new SlideRenderer();
    const plain = toggleSection(emptyBriefing(), report, report.sections[1]!.id, true);
    const without = renderer.render(composeDeck(report, plain, theme), theme);
    expect(without.some((sl) => sl.html.includes('bs-logo'))).toBe(false);
    const a = setLogo(plain, readLogo('a.png', LOGO));
    const withA = renderer.render(composeDeck(report, a, theme), theme);
    expect(withA[0]!.html).toContain(`class="bs-logo" src="data:image/png;base64,${a.logo!.data}"`);
    const other = makePng(48, 48, [200, 0, 0]);
    const b = setLogo(plain, readLogo('b.png', other));
    const withB = renderer.render(composeDeck(report, b, theme), theme);
    expect(withB[0]!.html).toContain(b.logo!.data);
    expect(withB[0]!.html).not.toContain(a.logo!.data);
  });

  it('shows only the title and the body when the office template supplies the page', () => {
    const template = builtinRegistry().get('brief', 'gbt9704');
    const b = {
      ...toggleSection(emptyBriefing(), report, report.sections[1]!.id, true),
      fields: {
        ...emptyBriefing().fields,
        title: '工作简报',
        unit: '区政府办公室',
        docNumber: '区办〔2022〕1号',
      },
    };
    const doc = composeDoc(report, b);
    const full = briefPreview(doc, template);
    const body = briefPreview(doc, template, true);
    expect(full.html).toContain('brief-masthead');
    expect(full.html).toContain('brief-page-number');
    expect(body.html).not.toContain('brief-masthead');
    expect(body.html).not.toContain('brief-page-number');
    expect(body.html).not.toContain('区办〔2022〕1号');
    expect(body.html).toContain('工作简报');
    expect(body.html).toContain(report.sections[1]!.title);
    expect(body.css).toBe(full.css);
  });
});
