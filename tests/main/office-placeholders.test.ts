import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../templates/registry';
import { createHandlers, dispatch } from '../../main/handlers';
import { makeOfficeTemplate } from '../helpers/office-docx';

/**
 * 「使用本单位模板」: once a template is chosen the desk lists its placeholders — what each one
 * the export fills is filled with, the ones it lacks, the ones nothing fills — and a template
 * without {{body}} gets one message naming what is missing, what it has, and what it seems to
 * have meant.
 */

const handlers = createHandlers({
  host: 'browser',
  version: 'test',
  registry: builtinRegistry,
  deliver: async () => ({ status: 'canceled' }),
  showInFolder: async () => undefined,
  dataDir: '/nonexistent-data',
  saveProject: async () => ({ result: { status: 'canceled' }, path: null }),
  chooseProjectFile: async () => null,
});

type Checked = {
  placeholders: string[];
  used: Array<{ key: string; zh: string; en: string }>;
  absent: Array<{ key: string; zh: string }>;
  unknown: string[];
};

async function check(bytes: Uint8Array, name = '本单位.docx') {
  return dispatch(handlers, 'templates:check-office', { name, bytes });
}

async function checked(bytes: Uint8Array): Promise<Checked> {
  const env = await check(bytes);
  if (!env.ok || !('value' in env)) throw new Error(JSON.stringify(env));
  return env.value as Checked;
}

async function refusal(bytes: Uint8Array, name = '旧模板.docx') {
  const env = await check(bytes, name);
  if (env.ok) throw new Error('expected a refusal');
  return env.error;
}

describe("an office template's placeholders, listed when it is chosen", () => {
  it('says what each of the six is filled with, in the 简报信息 words', async () => {
    const c = await checked(await makeOfficeTemplate());
    expect(c.used.map((p) => p.key)).toEqual(['title', 'subtitle', 'date', 'issuer', 'issue_no', 'body']);
    expect(c.used.find((p) => p.key === 'issuer')).toMatchObject({
      zh: '编印单位',
      en: 'the issuing office',
    });
    expect(c.used.find((p) => p.key === 'body')?.zh).toBe('正文');
    expect(c.absent).toEqual([]);
    expect(c.unknown).toEqual([]);
  });

  it('names the placeholders nothing fills, which stay in the file as written', async () => {
    const c = await checked(await makeOfficeTemplate({ extra: ['主送：{{unit}}', '签发人：{{signer}}'] }));
    expect(c.unknown.sort()).toEqual(['signer', 'unit']);
    expect(c.placeholders).toContain('unit');
    expect(c.used.map((p) => p.key)).toContain('body');
  });
});

describe('a template without {{body}}', () => {
  it('is refused with what is missing and every placeholder it does have, in both languages', async () => {
    const err = await refusal(await makeOfficeTemplate({ withoutBody: true }));
    expect(err.code).toBe('office-template-no-body');
    expect(err.message).toContain('模板「旧模板.docx」缺少 {{body}} 占位符（正文的位置）');
    expect(err.message).toMatch(/模板里找到的占位符：.*\{\{title\}\}/);
    expect(err.message).toContain('{{issue_no}}');
    expect(err.messageEn).toContain('lacks the {{body}} placeholder');
    expect(err.messageEn).toMatch(/Placeholders found: .*\{\{date\}\}/);
  });

  it('points at 「{{正文}}」 written instead of {{body}}', async () => {
    const err = await refusal(await makeOfficeTemplate({ withoutBody: true, bodyAs: '{{正文}}' }));
    expect(err.message).toContain('「{{正文}}」应写成 {{body}}');
    expect(err.messageEn).toContain('"{{正文}}" should be written {{body}}');
  });

  it('points at full-width braces, which Word does not treat as a placeholder', async () => {
    const err = await refusal(await makeOfficeTemplate({ withoutBody: true, bodyAs: '｛｛body｝｝' }));
    expect(err.message).toContain('「｛｛body｝｝」应写成 {{body}}');
  });

  it('says so when it has no placeholder at all', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const plain = new Document({ sections: [{ children: [new Paragraph('绿园区人民政府办公室文件')] }] });
    const err = await refusal(new Uint8Array(await Packer.toBuffer(plain)));
    expect(err.message).toContain('模板里没有找到任何 {{…}} 占位符');
    expect(err.messageEn).toContain('No {{…}} placeholder was found');
  });
});
