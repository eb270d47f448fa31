import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeTemplateRecord, readLogo } from '../../content/briefing/assets';
import { setLogo, setOfficeTemplate, setTemplate } from '../../content/briefing/edit';
import { toggleSection } from '../../content/briefing/select';
import { emptyBriefing, MAX_OFFICE_TEMPLATE_BYTES, type Briefing } from '../../content/model/briefing';
import { sampleReport } from '../../content/sample';
import { bytesToBase64, decodeWire, decodeWireBytes, encodeWire } from '../../content/util/wire';
import type { Channel, Envelope } from '../../main/contract';
import { startBrowserMode } from '../../main/browser';
import { createHandlers, dispatch, type HostServices } from '../../main/handlers';
import type { HttpHost } from '../../main/host/http-host';
import { templateLibrary } from '../../main/templates-host';
import govBlue from '../../templates/deck/gov-blue/template.json';
import { makePng } from '../helpers/brief-report';
import { LETTERHEAD, makeOfficeTemplate } from '../helpers/office-docx';
import { paragraphs, readDocx } from '../helpers/ooxml';

const report = sampleReport();

/** A deck theme of the user's own: gov-blue's geometry in green, with a CSS file beside it. */
const GREEN = { ...structuredClone(govBlue), id: 'county-green', name: { zh: '县委绿', en: 'County green' } };
GREEN.colors = { ...GREEN.colors, primary: '1B7F3B', primaryDark: '0F5527' };

async function dataDirWithTemplates(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'templates-host-'));
  const dir = join(dataDir, 'templates');
  await mkdir(dir);
  await writeFile(join(dir, 'green.json'), JSON.stringify(GREEN));
  await writeFile(join(dir, 'green.css'), '.bs-theme-county-green .bs-title { letter-spacing: 0.1em; }');
  const broken = structuredClone(GREEN) as { id: string; colors: { primary: string } };
  broken.id = 'broken';
  broken.colors.primary = 'green';
  await writeFile(join(dir, 'broken.json'), JSON.stringify(broken));
  return dataDir;
}

interface Delivered {
  fileName: string;
  bytes: Uint8Array;
}

function handlersFor(dataDir: string, extra: Partial<HostServices> = {}) {
  const library = templateLibrary(dataDir);
  const delivered: Delivered[] = [];
  const opened: string[] = [];
  const handlers = createHandlers({
    host: 'electron',
    version: 'test',
    registry: library.registry,
    templates: library,
    openFolder: async (path) => {
      opened.push(path);
    },
    deliver: async (file) => {
      delivered.push(file);
      return { status: 'saved', path: `/out/${file.fileName}`, fileName: file.fileName };
    },
    showInFolder: async () => undefined,
    dataDir,
    saveProject: async () => ({ result: { status: 'canceled' }, path: null }),
    chooseProjectFile: async () => null,
    ...extra,
  });
  const call = async (channel: Channel, req: unknown): Promise<Envelope<unknown>> =>
    dispatch(handlers, channel, req);
  return { call, delivered, opened, library };
}

const value = <T>(env: Envelope<unknown>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  // replies a worker thread made arrive still encoded
  return ('encoded' in env ? decodeWireBytes(env.encoded) : env.value) as T;
};

describe("the host's template library", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await dataDirWithTemplates();
  });

  it('lists the user template beside the built-in ones and reports the broken file by file and field', async () => {
    const { call } = handlersFor(dataDir);
    const list = value<Array<{ id: string; kind: string; builtin: boolean }>>(
      await call('templates:list', {}),
    );
    expect(list.filter((t) => t.kind === 'deck').map((t) => [t.id, t.builtin])).toEqual([
      ['gov-red', true],
      ['gov-blue', true],
      ['plain', true],
      ['county-green', false],
    ]);
    const user = value<{
      dir: string;
      templates: Array<{ id: string; css: string }>;
      problems: Array<{ file: string; field: string; messageZh: string; messageEn: string }>;
    }>(await call('templates:user', {}));
    expect(user.dir).toBe(join(dataDir, 'templates'));
    expect(user.templates.map((t) => t.id)).toEqual(['county-green']);
    expect(user.templates[0]!.css).toContain('letter-spacing');
    expect(user.problems.map((p) => [p.file, p.field])).toEqual([['broken.json', 'colors.primary']]);
    expect(user.problems[0]!.messageZh).toContain('broken.json');
    expect(user.problems[0]!.messageEn).toContain('colors.primary');
  });

  it('exports a deck in the user theme', async () => {
    const { call, delivered } = handlersFor(dataDir);
    const briefing = setTemplate(emptyBriefing(), 'deck', 'county-green');
    value(await call('export:save', { format: 'html', report, briefing }));
    const html = strFromU8(delivered[0]!.bytes);
    expect(html).toContain('bs-theme-county-green');
    expect(html).toContain('--bs-c-primary: #1B7F3B');
    expect(html).toContain('letter-spacing: 0.1em');
  });

  it('reads the folder again when asked: a template added, one fixed and one removed, without a restart', async () => {
    const dir = await dataDirWithTemplates();
    const { call } = handlersFor(dir);
    const deckIds = async (): Promise<string[]> =>
      value<Array<{ id: string; kind: string }>>(await call('templates:list', {}))
        .filter((t) => t.kind === 'deck')
        .map((t) => t.id);
    expect(await deckIds()).toContain('county-green');
    // staff fix the broken file, add a theme and take the green one out
    const fixed = { ...structuredClone(GREEN), id: 'broken' };
    await writeFile(join(dir, 'templates', 'broken.json'), JSON.stringify(fixed));
    await writeFile(
      join(dir, 'templates', 'red.json'),
      JSON.stringify({
        ...structuredClone(GREEN),
        id: 'county-red',
        name: { zh: '县委红', en: 'County red' },
      }),
    );
    await rm(join(dir, 'templates', 'green.json'));
    // asking without reload answers from what was read at start
    expect(
      value<{ templates: Array<{ id: string }> }>(await call('templates:user', {})).templates.map(
        (t) => t.id,
      ),
    ).toEqual(['county-green']);
    const user = value<{ templates: Array<{ id: string }>; problems: unknown[] }>(
      await call('templates:user', { reload: true }),
    );
    expect(user.templates.map((t) => t.id).sort()).toEqual(['broken', 'county-red']);
    expect(user.problems).toEqual([]);
    // the list and exports use the folder as it is now
    expect(await deckIds()).toEqual(['gov-red', 'gov-blue', 'plain', 'broken', 'county-red']);
    const gone = await call('export:save', {
      format: 'html',
      report,
      briefing: setTemplate(emptyBriefing(), 'deck', 'county-green'),
    });
    expect(gone.ok).toBe(false);
  });

  it('answers an export in a template that is not there with its own code, each language in its field', async () => {
    const { call } = handlersFor(await mkdtemp(join(tmpdir(), 'templates-host-')));
    for (const [format, briefing] of [
      ['pptx', setTemplate(emptyBriefing(), 'deck', 'county-green')],
      ['docx', setTemplate({ ...emptyBriefing(), output: 'brief' }, 'brief', 'county-bulletin')],
    ] as const) {
      const reply = await call('export:save', { format, report, briefing });
      if (reply.ok) throw new Error(`${format}: an export in a missing template succeeded`);
      expect(reply.error.code).toBe('template-unknown');
      const id = format === 'pptx' ? 'county-green' : 'county-bulletin';
      expect(reply.error.message).toContain(`「${id}」`);
      expect(reply.error.message).toContain('重新读取模板文件夹');
      // retrying cannot bring a template back, so the message does not ask for it
      expect(reply.error.message).not.toContain('请重试');
      expect(reply.error.message).not.toContain('Template menu');
      expect(reply.error.messageEn).toContain(`"${id}"`);
      expect(reply.error.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('still serves the built-in templates when the folder cannot be read, saying why once', async () => {
    const library = templateLibrary('/unused', async () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    });
    expect((await library.registry()).ids('brief')).toEqual(['gbt9704', 'bulletin', 'plain']);
    const { problems, templates } = await library.user();
    expect(templates).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.messageZh).toContain('EACCES');
    expect(problems[0]!.messageZh).toContain('内置模板');
  });

  it('opens the folder (creating it) in the desktop app, and only names it in a browser', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'templates-open-'));
    const electron = handlersFor(fresh);
    const reply = value<{ opened: boolean; path: string }>(await electron.call('templates:open-folder', {}));
    expect(reply).toEqual({ opened: true, path: join(fresh, 'templates') });
    expect(electron.opened).toEqual([join(fresh, 'templates')]);
    expect((await stat(join(fresh, 'templates'))).isDirectory()).toBe(true);
    // browser mode's host has no way to open a folder: no openFolder service
    const library = templateLibrary(fresh);
    const browserHandlers = createHandlers({
      host: 'browser',
      version: 'test',
      registry: library.registry,
      templates: library,
      deliver: async () => ({ status: 'canceled' }),
      showInFolder: async () => undefined,
      dataDir: fresh,
      saveProject: async () => ({ result: { status: 'canceled' }, path: null }),
      chooseProjectFile: async () => null,
    });
    expect(value(await dispatch(browserHandlers, 'templates:open-folder', {}))).toEqual({
      opened: false,
      path: join(fresh, 'templates'),
    });
  });
});

describe("checking an office's Word template when it is picked", () => {
  const { call } = handlersFor('/nonexistent-data');

  it('accepts a Word document with {{body}} and names its placeholders', async () => {
    const reply = value<{ name: string; placeholders: string[] }>(
      await call('templates:check-office', { name: '本单位.docx', bytes: await makeOfficeTemplate() }),
    );
    expect(reply.name).toBe('本单位.docx');
    expect(reply.placeholders.sort()).toEqual(['body', 'date', 'issue_no', 'issuer', 'subtitle', 'title']);
  });

  it('refuses a template without {{body}}, a file that is not a Word document, and one too large', async () => {
    const noBody = await call('templates:check-office', {
      name: '旧模板.docx',
      bytes: await makeOfficeTemplate({ withoutBody: true }),
    });
    expect(noBody.ok).toBe(false);
    if (noBody.ok) return;
    expect(noBody.error.code).toBe('office-template-no-body');
    expect(noBody.error.message).toContain('{{body}}');
    expect(noBody.error.message).toContain('旧模板.docx');

    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    const notWord = await call('templates:check-office', { name: 'x.docx', bytes: zip });
    expect(!notWord.ok && notWord.error.code).toBe('office-template-invalid');

    const big = new Uint8Array(MAX_OFFICE_TEMPLATE_BYTES + 1);
    big.set(await makeOfficeTemplate());
    const tooBig = await call('templates:check-office', { name: 'big.docx', bytes: big });
    expect(!tooBig.ok && tooBig.error.code).toBe('office-template-too-large');
    expect(!tooBig.ok && tooBig.error.message).toContain('10 MB');
  });
});

describe('exports from a briefing that carries an office template and a logo', () => {
  const logoBytes = makePng(48, 48, [20, 110, 60]);
  let briefing: Briefing;
  beforeAll(async () => {
    const b = toggleSection(emptyBriefing(), report, report.sections[1]!.id, true);
    briefing = setLogo(
      setOfficeTemplate(b, officeTemplateRecord('本单位.docx', await makeOfficeTemplate())),
      readLogo('标志.png', logoBytes),
    );
  });

  it('pours the Word brief into the office template: their letterhead, our body', async () => {
    const { call, delivered } = handlersFor('/nonexistent-data');
    value(await call('export:save', { format: 'docx', report, briefing }));
    const texts = paragraphs(readDocx(delivered[0]!.bytes).document).map((p) => p.text);
    expect(texts[0]).toBe(LETTERHEAD);
    expect(texts.some((t) => t.includes(report.sections[1]!.title))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/\{\{body\}\}/);
  });

  it('puts the logo, byte for byte, into the .pptx media and the .html as a data: URI', async () => {
    const { call, delivered } = handlersFor('/nonexistent-data');
    const deck = { ...briefing, output: 'deck' as const, deckTemplate: 'gov-red' };
    value(await call('export:save', { format: 'pptx', report, briefing: deck }));
    const media = Object.entries(unzipSync(delivered[0]!.bytes)).filter(([n]) => n.startsWith('ppt/media/'));
    expect(
      media.some(
        ([, bytes]) => bytes.length === logoBytes.length && bytes.every((b, i) => b === logoBytes[i]),
      ),
    ).toBe(true);
    value(await call('export:save', { format: 'html', report, briefing: deck }));
    const html = strFromU8(delivered[1]!.bytes);
    expect(html).toContain(`class="bs-logo" src="data:image/png;base64,${bytesToBase64(logoBytes)}"`);
  });

  it('refuses a briefing whose logo is not what it claims before exporting anything', async () => {
    const { call, delivered } = handlersFor('/nonexistent-data');
    const svg = bytesToBase64(new TextEncoder().encode('<svg onload="alert(1)"/>'));
    const forged = { ...briefing, logo: { name: 'x.png', mime: 'image/png', data: svg } };
    const reply = await call('export:save', { format: 'html', report, briefing: forged });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('invalid-request');
    expect(!reply.ok && reply.error.message).toContain('briefing.logo.data');
    expect(delivered).toEqual([]);
  });
});

describe('browser mode with a templates folder', () => {
  let host: HttpHost;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await dataDirWithTemplates();
    const rendererDir = await mkdtemp(join(tmpdir(), 'renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    host = await startBrowserMode({ dataDir, rendererDir });
  });
  afterAll(() => host.close());

  const api = async (channel: string, body: unknown = {}): Promise<Envelope<unknown>> => {
    const res = await fetch(`${host.url}api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Briefing-Token': host.token },
      body: encodeWire(body),
    });
    return decodeWire(await res.text()) as Envelope<unknown>;
  };

  it('loads the user templates from <data dir>/templates and names the folder instead of opening it', async () => {
    const list = value<Array<{ id: string }>>(await api('templates:list'));
    expect(list.map((t) => t.id)).toContain('county-green');
    const user = value<{ problems: Array<{ file: string }> }>(await api('templates:user'));
    expect(user.problems.map((p) => p.file)).toEqual(['broken.json']);
    expect(value(await api('templates:open-folder'))).toEqual({
      opened: false,
      path: join(dataDir, 'templates'),
    });
  });

  it('starts even when the templates folder is a file', async () => {
    const odd = await mkdtemp(join(tmpdir(), 'odd-data-'));
    await writeFile(join(odd, 'templates'), 'not a folder');
    const rendererDir = await mkdtemp(join(tmpdir(), 'renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    const other = await startBrowserMode({ dataDir: odd, rendererDir });
    try {
      const res = await fetch(`${other.url}api/templates:user`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Briefing-Token': other.token },
        body: '{}',
      });
      const user = value<{ templates: unknown[]; problems: Array<{ messageZh: string }> }>(
        decodeWire(await res.text()) as Envelope<unknown>,
      );
      expect(user.templates).toEqual([]);
      expect(user.problems[0]!.messageZh).toContain('ENOTDIR');
      expect(await readFile(join(odd, 'templates'), 'utf8')).toBe('not a folder');
    } finally {
      await other.close();
    }
  });
});
