import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importPastedText } from '../../content/import';
import { adoptReport, autosaver, startup } from '../../renderer/actions/document';
import {
  exportAnyway,
  exportChecked,
  fixFinding,
  ignoreFinding,
  ignoreRule,
  openProof,
} from '../../renderer/proof';
import { isDirty } from '../../renderer/store/project-slice';
import { history, undo, useStore } from '../../renderer/store/store';
import { cleanBrief } from '../helpers/proof-corpus';
import { resetStore, useRealHandlers } from './helpers';

const s = useStore.getState;
let env: ReturnType<typeof useRealHandlers>;

const waitFor = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

/** The clean brief on the desk, all of it picked, one paragraph given two errors. */
function deskWithErrors(): string {
  adoptReport(importPastedText(cleanBrief()));
  for (const section of s().report!.sections) s().toggleSection(section.id, true);
  const item = s().briefing.items.find((i) => i.ref.type === 'block')!;
  s().setItemText(item.id, '截止6月底，推进改革，，加快发展。');
  return item.id;
}

beforeEach(async () => {
  resetStore();
  useStore.setState({
    proofOpen: false,
    proofFindings: null,
    proofProblems: [],
    proofExport: null,
    proofAuto: true,
  });
  env = useRealHandlers();
  await startup();
  autosaver.stop();
});

describe('校对 on the desk', () => {
  it('checks the briefing and lists the findings with their item and field', async () => {
    const id = deskWithErrors();
    await openProof();
    expect(s().proofOpen).toBe(true);
    expect(
      s().proofFindings!.map((f) => `${JSON.stringify(f.at)} ${f.kind} ${f.text}→${f.suggestion}`),
    ).toEqual([
      `{"item":"${id}","field":"text"} confusion 截止→截至`,
      `{"item":"${id}","field":"text"} punct ，，→，`,
    ]);
    expect(env.calls).toContain('proof:rules');
  });

  it('改正 is one undo step, and the list follows the undo', async () => {
    deskWithErrors();
    await openProof();
    const before = history.getState().pastStates.length;
    const text = s().briefing;
    await fixFinding(s().proofFindings![0]!);
    expect(history.getState().pastStates.length).toBe(before + 1);
    expect(s().proofFindings!.map((f) => f.text)).toEqual(['，，']);
    expect(JSON.stringify(s().briefing)).toContain('截至6月底');
    undo();
    expect(s().briefing).toBe(text);
    await waitFor(() => s().proofFindings!.length === 2);
  });

  it('忽略 and 全部忽略此类 are kept in the briefing, so the project remembers them', async () => {
    deskWithErrors();
    await openProof();
    const [jiezhi, comma] = s().proofFindings!;
    await ignoreFinding(jiezhi!);
    expect(s().briefing.proof?.ignored).toEqual([jiezhi!.key]);
    await ignoreRule(comma!);
    expect(s().briefing.proof?.ignoredRules).toEqual(['punct.doubled']);
    expect(s().proofFindings).toEqual([]);
    expect(isDirty(s())).toBe(true);
  });

  it('holds an export back when the check before it finds something, until staff export anyway', async () => {
    deskWithErrors();
    await exportChecked('html');
    expect(s().proofExport).toBe('html');
    expect(s().proofOpen).toBe(true);
    expect(env.calls).not.toContain('export:save');
    await exportAnyway();
    expect(env.calls).toContain('export:save');
    expect(s().proofExport).toBeNull();
  });

  it('exports at once when nothing is found, or when the check before export is switched off', async () => {
    adoptReport(importPastedText(cleanBrief()));
    for (const section of s().report!.sections) s().toggleSection(section.id, true);
    await exportChecked('html');
    expect(env.calls.filter((c) => c === 'export:save')).toHaveLength(1);
    deskWithErrors();
    s().setProofAuto(false);
    const checks = env.calls.filter((c) => c === 'proof:rules').length;
    await exportChecked('html');
    expect(env.calls.filter((c) => c === 'export:save')).toHaveLength(2);
    expect(env.calls.filter((c) => c === 'proof:rules')).toHaveLength(checks);
  });

  it('uses the office’s rule folder and lists a broken rule file without stopping', async () => {
    const dir = join(env.dataDir, 'proof');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '本单位.json'),
      JSON.stringify({
        format: 'briefing-studio/proof-rules',
        version: 1,
        name: { zh: '本单位' },
        entries: [
          {
            type: 'replace',
            id: 'office.gaige',
            kind: 'wording',
            find: '推进改革',
            fix: '深化改革',
            source: '本单位文稿规范',
            why: '本单位文稿统一写「深化改革」',
            examples: { wrong: ['推进改革。'], right: ['深化改革。'] },
          },
        ],
      }),
    );
    writeFileSync(join(dir, '坏的.json'), '{ oops');
    deskWithErrors();
    await openProof();
    expect(s().proofFindings!.map((f) => f.ruleId)).toEqual([
      'confusion.jiezhi',
      'office.gaige',
      'punct.doubled',
    ]);
    expect(s().proofProblems.map((p) => p.file)).toEqual(['坏的.json']);
  });
});
