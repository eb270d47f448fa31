import { describe, expect, it } from 'vitest';
import { REPAIR_KINDS } from '../../content/model/values';
import { en } from '../../renderer/i18n/en';
import { zh } from '../../renderer/i18n/zh';

describe('the repairs list', () => {
  it('names every kind of repair import makes, in both languages', () => {
    const zhNames = zh.repairs as Record<string, string>;
    const enNames = en.repairs as Record<string, string>;
    for (const kind of REPAIR_KINDS) {
      expect(zhNames[kind], kind).toMatch(/\p{Script=Han}/u);
      expect(enNames[kind], kind).toMatch(/^[A-Z][a-z]/);
    }
    // a removal says what it took out, in place of a seam
    expect(zh.repairs.removed).toContain('{{text}}');
    expect(en.repairs.removed).toContain('{{text}}');
  });
});
