import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_OFFICE_TEMPLATE_BYTES } from '../../content/model/briefing';
import { runCli, type CliIO } from '../../main/cli';
import { REPORT_PATH } from '../helpers/paths';
import { LETTERHEAD, makeOfficeTemplate } from '../helpers/office-docx';
import { attrOf, find, paragraphs, readDocx } from '../helpers/ooxml';
import govBlue from '../../templates/deck/gov-blue/template.json';
import bulletin from '../../templates/brief/bulletin/template.json';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-brief-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

async function writtenDocx(stdout: string): Promise<ReturnType<typeof readDocx>> {
  const [path] = stdout.trim().split('\n');
  expect(path).toMatch(/\.docx$/);
  return readDocx(new Uint8Array(await readFile(path!)));
}

const texts = (d: ReturnType<typeof readDocx>): string[] => paragraphs(d.document).map((p) => p.text);

describe('briefing build for Word briefs', () => {
  it('builds a gbt9704 brief with a red masthead from the fields given on the command line', async () => {
    const r = await run(
      'build',
      REPORT_PATH,
      '--template',
      'gbt9704',
      '--format',
      'docx',
      '--out',
      'out',
      '--title',
      '绿园区上半年工作情况',
      '--unit',
      '绿园区人民政府办公室',
      '--date',
      '2022-07-05',
      '--doc-number',
      '绿府办〔2022〕12号',
      '--cc',
      '区委办公室',
      '--printed-by',
      '绿园区人民政府办公室',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'out', '绿园区上半年工作情况.docx'));
    const d = await writtenDocx(r.stdout);
    const t = texts(d);
    expect(t.slice(0, 3)).toEqual(['绿园区人民政府办公室', '绿府办〔2022〕12号', '绿园区上半年工作情况']);
    expect(t).toContain('2022年7月5日');
    expect(t).toContain('抄送：区委办公室。');
    expect(attrOf(find(d.document, 'w:sectPr'), 'w:docGrid', 'w:linePitch')).toBe('579');
    // with no selection: every top-level section, numbered afresh
    const headings = t.filter((x) => /^[一二三四五六七八九十]+、/.test(x));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    expect(headings[0]).toMatch(/^一、/);
    expect(headings[1]).toMatch(/^二、/);
  });

  it('builds a 上行文 with --signer: 发文字号 left and 签发人 right on one line under the mark', async () => {
    const r = await run(
      'build',
      REPORT_PATH,
      '--template=gbt9704',
      '--format=docx',
      '--out=.',
      '--unit',
      '绿园区人民政府',
      '--doc-number',
      '绿政〔2022〕8号',
      '--signer',
      '张明',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = await writtenDocx(r.stdout);
    expect(texts(d).slice(0, 2)).toEqual(['绿园区人民政府', '绿政〔2022〕8号签发人：张明']);
    const line = paragraphs(d.document)[1]!;
    expect(attrOf(line.pPr, 'w:jc', 'w:val')).toBe('left');
    expect(attrOf(paragraphs(d.document)[0]!.pPr, 'w:spacing', 'w:before')).toBe('4535');
  });

  it('builds a bulletin with its issue number and 报尾', async () => {
    const r = await run(
      'build',
      REPORT_PATH,
      '--template=bulletin',
      '--format=docx',
      '--out=.',
      '--unit',
      '绿园区',
      '--issue',
      '第3期',
      '--date',
      '2022年07月15日',
      '--report-to',
      '市委办公厅',
      '--copies',
      '40',
      '--note',
      '请阅。',
    );
    expect(r.code).toBe(0);
    const t = texts(await writtenDocx(r.stdout));
    expect(t.slice(0, 3)).toEqual(['绿园区工作简报', '第3期', '绿园区2022年7月15日']);
    expect(t).toContain('按：请阅。');
    // the 报尾 closes the brief; only the empty paragraph its floating table belongs to follows it
    expect(t.slice(-3)).toEqual(['报：市委办公厅。', '（共印40份）', '']);
  });

  it("pours the brief into the office's own .docx given as --template", async () => {
    await writeFile(join(dir, '本单位模板.docx'), await makeOfficeTemplate());
    const r = await run(
      'build',
      REPORT_PATH,
      '--template',
      '本单位模板.docx',
      '--format',
      'docx',
      '--title',
      '上半年工作简报',
      '--issue',
      '7',
      '--unit',
      '绿园区',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = await writtenDocx(r.stdout);
    const t = texts(d);
    expect(t[0]).toBe(LETTERHEAD);
    expect(t).toContain('上半年工作简报');
    expect(t).toContain('第7期');
    expect(t.some((x) => x.startsWith('一、'))).toBe(true);
    expect(t.indexOf('附件：无')).toBe(t.length - 1);
  });

  it('refuses an office template without {{body}} in both languages and writes nothing', async () => {
    await writeFile(join(dir, 'old.docx'), await makeOfficeTemplate({ withoutBody: true }));
    const r = await run('build', REPORT_PATH, '--template', 'old.docx', '--format', 'docx', '--out', 'out');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^briefing: 模板「old\.docx」缺少 \{\{body\}\} 占位符（正文的位置）.*模板里找到的占位符：.*\(The template "old\.docx" lacks the \{\{body\}\} placeholder.*Placeholders found: /,
    );
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses an office template over the size limit in both languages, as the desk does', async () => {
    await writeFile(join(dir, 'big.docx'), new Uint8Array(MAX_OFFICE_TEMPLATE_BYTES + 1));
    const r = await run('build', REPORT_PATH, '--template', 'big.docx', '--format', 'docx');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^briefing: 「big\.docx」有 10\.0 MB，本单位模板不能超过.*\("big\.docx" is 10\.0 MB;/,
    );
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('says which office template file is missing', async () => {
    const r = await run('build', REPORT_PATH, '--template', 'nowhere.docx', '--format', 'docx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到「nowhere.docx」');
    expect(await readdir(dir)).toEqual([]);
  });

  it('lists the known templates when the id is unknown', async () => {
    const r = await run('build', REPORT_PATH, '--template', 'gb9704', '--format', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gbt9704、bulletin、plain');
    expect(r.stderr).toContain('.docx');
  });

  it('documents the brief options in its help', async () => {
    const r = await run('build', '--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--template',
      '--title',
      '--unit',
      '--date',
      '--issue',
      '--doc-number',
      '--signer',
      '--copies',
    ])
      expect(r.stdout).toContain(flag);
  });
});

describe('briefing with the custom templates in a folder (--templates)', () => {
  /** A folder as staff keep it: a green deck theme, a brief format of their own, one broken file. */
  async function templatesFolder(): Promise<string> {
    const folder = join(dir, '模板');
    await mkdir(folder);
    const green = {
      ...structuredClone(govBlue),
      id: 'county-green',
      name: { zh: '县委绿', en: 'County green' },
    };
    green.colors = { ...green.colors, primary: '1B7F3B' };
    await writeFile(join(folder, 'green.json'), JSON.stringify(green));
    const brief = {
      ...structuredClone(bulletin),
      id: 'county-bulletin',
      name: { zh: '县委简报', en: 'County bulletin' },
    };
    await writeFile(join(folder, 'county-bulletin.json'), JSON.stringify(brief));
    await writeFile(join(folder, 'broken.json'), '{ "id": "broken", ');
    return folder;
  }

  it('lists them beside the built-in ones, marked, and says which file was skipped and why', async () => {
    await templatesFolder();
    const r = await run('templates', '--templates', '模板');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('county-green');
    expect(r.stdout).toMatch(/county-green .*县委绿 \/ County green（自定义 custom）/);
    expect(r.stdout).toMatch(/gbt9704 .*(?<!（自定义 custom）)\n/);
    const problems = r.stderr.split('\n').filter(Boolean);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^briefing: 已跳过 .*broken\.json.*不是有效的 JSON.*\(skipped: .*broken\.json.*not valid JSON/,
    );
    const json = await run('templates', '--json', '--templates', '模板');
    expect(JSON.parse(json.stdout)).toContainEqual({
      id: 'county-bulletin',
      kind: 'brief',
      name: { zh: '县委简报', en: 'County bulletin' },
      builtin: false,
    });
    // without the option, only the built-in ones
    expect((await run('templates')).stdout).not.toContain('county-green');
  });

  it('builds a deck in a custom theme and a brief in a custom format', async () => {
    await templatesFolder();
    const deck = await run(
      'build',
      '--template',
      'county-green',
      '--templates',
      '模板',
      '--format',
      'html',
      '--out',
      'out',
    );
    expect(deck.code).toBe(0);
    const html = await readFile(deck.stdout.trim(), 'utf8');
    expect(html).toContain('bs-theme-county-green');
    expect(html.toUpperCase()).toContain('1B7F3B');
    const brief = await run(
      'build',
      REPORT_PATH,
      '--template',
      'county-bulletin',
      '--templates',
      '模板',
      '--format',
      'docx',
      '--out',
      'out',
      '--unit',
      '县委办公室',
    );
    expect(brief.code).toBe(0);
    expect(texts(await writtenDocx(brief.stdout)).join('\n')).toContain('县委办公室');
    // the same id without the folder is unknown
    const without = await run('build', '--template', 'county-green', '--format', 'html');
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('未知模板「county-green」');
  });

  it('says so when the folder is missing or is a file', async () => {
    const missing = await run('templates', '--templates', 'nowhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到「nowhere」');
    await writeFile(join(dir, 'a.json'), '{}');
    const file = await run('build', '--templates', 'a.json', '--format', 'html');
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('「a.json」不是文件夹');
    expect(await readdir(dir)).toEqual(['a.json']);
  });
});

describe('briefing build --pages when the budget cannot be kept', () => {
  it('says so in one line, in both languages, and writes no skeleton of headings', async () => {
    const report = join(process.cwd(), 'tests/fixtures/brief/condense-sections.md');
    const r = await run(
      'build',
      report,
      '--template',
      'gbt9704',
      '--format',
      'docx',
      '--out',
      'out',
      '--pages',
      '1',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/无法压缩到 1 页.*至少 2 页.*Cannot condense the Word brief to 1 page/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'out', '松岭镇2025年前三季度工作情况报告.docx'))).toBe(false);
    // two pages can be kept: the brief is written, its sections each with their text
    const ok = await run(
      'build',
      report,
      '--template',
      'gbt9704',
      '--format',
      'docx',
      '--out',
      'out',
      '--pages',
      '2',
    );
    expect(ok.code).toBe(0);
    const d = await writtenDocx(ok.stdout);
    expect(texts(d).some((t) => t.startsWith('二是一般公共预算收入增长4.3%，低于年初预期'))).toBe(true);
  });
});

describe('briefing build with a brief template and a deck theme in one run', () => {
  const report = (): string => join(process.cwd(), 'tests/fixtures/brief/speech-markers.txt');

  it('applies each --template to the outputs of its kind: gbt9704 to the .docx, gov-red to the deck', async () => {
    const r = await run(
      'build',
      report(),
      '--template',
      'gbt9704',
      '--template',
      'gov-red',
      '--format',
      'docx,html',
      '--out',
      'out',
      '--unit',
      '云溪市人民政府办公室',
      '--doc-number',
      '云政办〔2025〕3号',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [docxPath, htmlPath] = r.stdout.trim().split('\n');
    const d = readDocx(new Uint8Array(await readFile(docxPath!)));
    // gbt9704: the red masthead's 发文字号 and the title in 方正小标宋, not plain's 黑体
    expect(texts(d)).toContain('云政办〔2025〕3号');
    const title = paragraphs(d.document).find((p) => p.text === '在全市农业农村工作会议上的讲话');
    expect(attrOf(find(title!.runs[0]!.node, 'w:rFonts'), 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    const html = await readFile(htmlPath!, 'utf8');
    expect(html).toContain('theme-gov-red"');
    // the other order gives the same brief
    const again = await run(
      'build',
      report(),
      '--template',
      'gov-red',
      '--template',
      'gbt9704',
      '--format',
      'docx',
      '--out',
      'again',
      '--doc-number',
      '云政办〔2025〕3号',
    );
    expect(texts(await writtenDocx(again.stdout))).toContain('云政办〔2025〕3号');
  });

  it('says in one line when two templates of one kind are given, and writes nothing', async () => {
    const r = await run('build', report(), '--template', 'gbt9704', '--template', 'bulletin', '--out', 'out');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/两个Word 简报模板「gbt9704」和「bulletin」.*two Word brief templates/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const decks = await run(
      'build',
      report(),
      '--template',
      'gov-red',
      '--template',
      'gov-blue',
      '--out',
      'out',
    );
    expect(decks.code).toBe(2);
    expect(decks.stderr).toMatch(/幻灯片模板.*slide deck templates/);
  });

  it('makes the plain brief by default, as a new briefing in the desk does', async () => {
    const r = await run('build', report(), '--format', 'docx', '--out', 'out');
    const d = await writtenDocx(r.stdout);
    const title = paragraphs(d.document).find((p) => p.text === '在全市农业农村工作会议上的讲话');
    expect(attrOf(find(title!.runs[0]!.node, 'w:rFonts'), 'w:rFonts', 'w:eastAsia')).toBe('黑体');
  });
});
