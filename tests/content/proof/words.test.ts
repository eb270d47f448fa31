import { describe, expect, it } from 'vitest';
import { builtinRules, loadRules, proofread, textUnits } from '../../../content/proof';
import { BUILTIN_PROOF_SOURCES } from '../../../templates/proof';
import { check, rulesOn, said } from './helpers';

describe('the built-in word lists', () => {
  it('load without a problem: every entry flags its own wrong examples and none of its right ones', () => {
    const { problems, files } = builtinRules();
    expect(problems.map((p) => p.messageZh)).toEqual([]);
    const used = files.reduce((n, f) => n + f.entries, 0);
    const written = BUILTIN_PROOF_SOURCES.reduce(
      (n, s) => n + (s.data as { entries: unknown[] }).entries.length,
      0,
    );
    expect(used).toBe(written);
    expect(used).toBeGreaterThan(300);
  });

  it('give every entry a source, a reason and at least one example of text it must leave alone', () => {
    for (const s of BUILTIN_PROOF_SOURCES)
      for (const e of (s.data as { entries: Array<Record<string, unknown>> }).entries) {
        if (e.type === 'off' || e.type === 'repeat-allowed') continue;
        expect(String(e.source), String(e.id)).not.toBe('');
        expect((e.examples as { right: unknown[] }).right.length, String(e.id)).toBeGreaterThan(0);
      }
  });
});

describe('common confusions', () => {
  it('wants 截至 before a date and 截止 after it', () => {
    expect(said('截止2022年6月底，全区共有市场主体3.2万户。')).toEqual(['confusion:截止→截至']);
    expect(said('截止目前，已完成全年任务的六成。')).toEqual(['confusion:截止→截至']);
    for (const right of [
      '申报截止日期为7月15日。',
      '报名于6月30日截止。',
      '截止到6月底，已完成投资。',
      '截至6月底。',
    ])
      expect(said(right), right).toEqual([]);
  });

  it('tells 既 from 即, 做 from 作, and 的 from 地 and 得 only where the pattern is plain', () => {
    expect(said('既使在最困难的时候，也要守住底线。')).toEqual(['confusion:既使→即使']);
    expect(said('既使群众满意，又使企业受益。')).toEqual([]);
    expect(said('把稳就业做为头等大事。')).toEqual(['confusion:做为→作为']);
    expect(said('习近平总书记做出重要指示。')).toEqual(['confusion:做出→作出']);
    expect(said('做出了好产品。')).toEqual([]);
    expect(said('扎实的推进重点项目建设。')).toEqual(['confusion:的→地']);
    expect(said('发挥积极的推动作用，保持认真的态度。')).toEqual([]);
    expect(said('这项工作完成的很好。')).toEqual(['confusion:的→得']);
    expect(said('取得的很好成绩。')).toEqual([]);
  });

  it('finds miswritten characters but not the words that contain the same pair', () => {
    expect(said('全面布署下半年工作。')).toEqual(['confusion:布署→部署']);
    expect(said('贯切落实中央精神，一贯切实履行职责。')).toEqual(['confusion:贯切→贯彻']);
    expect(said('防犯化解重大风险，预防犯罪。')).toEqual(['confusion:防犯→防范']);
    expect(said('倍受关注，成倍受益。')).toEqual(['confusion:倍受→备受']);
    expect(said('准备加快建设，备加珍惜。')).toEqual(['confusion:备加→倍加']);
    expect(said('交通迅速发展，毕竟相差不大，究竟选择哪条路。')).toEqual([]);
    expect(said('建立问题台帐。')).toEqual(['confusion:台帐→台账']);
    expect(said('搭建帐篷。')).toEqual([]);
  });
});

describe('standard wording', () => {
  it('keeps fixed expressions and the words that go with them', () => {
    expect(said('深刻领会“两个确定”的重大意义。')).toEqual(['wording:两个确定→两个确立']);
    expect(said('增强“四个自信”。')).toEqual(['wording:增强“四个自信”→坚定“四个自信”']);
    expect(said('在以习近平总书记为核心的党中央坚强领导下。')).toEqual([
      'wording:以习近平总书记为核心的党中央→以习近平同志为核心的党中央',
    ]);
    expect(said('增强“四个意识”、坚定“四个自信”、做到“两个维护”。')).toEqual([]);
  });

  it('wants the full form before the short one, once per document', () => {
    expect(said('深入学习贯彻二十大精神。\n二十大报告指出。')).toEqual(['wording:二十大→党的二十大']);
    expect(said('深入学习贯彻党的二十大精神。\n二十大报告指出。')).toEqual([]);
    expect(said('认真学习十九届六中全会精神。')).toEqual(['wording:十九届六中全会→党的十九届六中全会']);
    expect(said('全区二十大类产品，第二十大项。')).toEqual([]);
  });

  it('knows the outdated names of bodies, except for the old body itself or a cited title', () => {
    expect(said('由区环保局牵头负责。')).toEqual(['wording:环保局→生态环境局']);
    expect(said('由区扶贫办牵头负责。')).toEqual(['wording:扶贫办→乡村振兴局']);
    expect(check('由区扶贫办牵头负责。')[0]!.rule).toContain('国家乡村振兴局');
    for (const right of [
      '原环保局的档案已移交。',
      '转发《区环保局关于做好有关工作的通知》。',
      '各农业部门、文化部门要加强协作。',
      '农业局部地区受灾。',
    ])
      expect(said(right), right).toEqual([]);
  });

  it('keeps the order of fixed lists', () => {
    expect(rulesOn('坚持创新、绿色、协调、开放、共享的发展理念。')).toEqual(['wording.seq-xin-linian']);
    expect(said('坚持创新、绿色、协调、开放、共享的发展理念。')[0]).toBe(
      'wording:创新、绿色、协调、开放、共享→创新、协调、绿色、开放、共享',
    );
    expect(said('坚持创新、协调、绿色、开放、共享的发展理念，推动绿色、开放发展。')).toEqual([]);
  });
});

describe("an office's own rule files", () => {
  const file = (entries: unknown[]) => ({
    file: '本单位.json',
    data: { format: 'briefing-studio/proof-rules', version: 1, name: { zh: '本单位' }, entries },
  });
  const entry = {
    type: 'replace',
    id: 'office.qinghe',
    kind: 'wording',
    find: '清禾区',
    fix: '青禾区',
    source: '青禾区人民政府办公室',
    why: '本区名称是「青禾区」',
    examples: { wrong: ['清禾区召开会议。'], right: ['青禾区召开会议。'] },
  };

  it('adds its entries to the built-in ones', () => {
    const { rules, problems } = loadRules([...BUILTIN_PROOF_SOURCES, file([entry])]);
    expect(problems).toEqual([]);
    const found = proofread(textUnits('清禾区截止6月底完成投资。'), rules);
    expect(found.map((f) => `${f.ruleId}:${f.suggestion}`)).toEqual([
      'office.qinghe:青禾区',
      'confusion.jiezhi:截至',
    ]);
    expect(found[0]!.rule).toBe('青禾区人民政府办公室');
  });

  it('names the file and the field of a broken entry, and keeps the rest', () => {
    const bad = [
      { ...entry, id: 'office.a', examples: { wrong: ['青禾区召开会议。'], right: [] } },
      { ...entry, id: 'office.b', next: ['{数子}'] },
      { ...entry, id: 'office.c', find: '' },
      { ...entry, id: 'confusion.jiezhi' },
      { type: 'off', rule: 'no.such-rule' },
      { ...entry, id: 'office.ok' },
    ];
    const { rules, problems } = loadRules([...BUILTIN_PROOF_SOURCES, file(bad)]);
    // a schema error names the first bad field of the file, which is then left out whole
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('entries.2.find');
    const fixed = bad.filter((_, k) => k !== 2);
    const again = loadRules([...BUILTIN_PROOF_SOURCES, file(fixed)]);
    expect(again.problems.map((p) => p.field)).toEqual([
      'entries.0.examples.wrong.0',
      'entries.1.next.0',
      'entries.2.id',
      'entries.3.rule',
    ]);
    expect(again.problems[0]!.messageZh).toContain('本单位.json');
    expect(again.rules.replace.get('清')?.map((r) => r.id)).toEqual(['office.ok']);
    expect(rules.replace.get('清')).toBeUndefined();
  });

  it('switches a built-in rule off', () => {
    const { rules, problems } = loadRules([
      ...BUILTIN_PROOF_SOURCES,
      file([
        { type: 'off', rule: 'punct.ordinal', why: '本单位沿用「1、」' },
        { type: 'off', rule: 'confusion.jiezhi' },
      ]),
    ]);
    expect(problems).toEqual([]);
    expect(proofread(textUnits('1、截止6月底完成投资。'), rules)).toEqual([]);
    expect(proofread(textUnits('1、截止6月底完成投资。'), builtinRules().rules)).toHaveLength(2);
  });

  it('refuses a file that is not a rule file', () => {
    const { problems } = loadRules([{ file: 'x.json', data: { entries: [] } }]);
    expect(problems[0]).toMatchObject({ file: 'x.json', field: 'format' });
  });
});

describe('more confusions and orders', () => {
  it('wants 必须 before a verb, and keeps 必需 as "needed"', () => {
    expect(said('必需加强组织领导。')).toEqual(['confusion:必需→必须']);
    expect(said('保障生活必需品供应，这是发展所必需的。')).toEqual([]);
  });

  it('puts the party committee before the government, and knows a longer name is not the pair', () => {
    expect(said('在市政府、市委的坚强领导下。')).toEqual(['wording:市政府、市委→市委、市政府']);
    expect(said('在市委、市政府的坚强领导下，市政府、市委组织部联合发文。')).toEqual([]);
    expect(said('在省委、省政府和市委的坚强领导下。')).toEqual([]);
  });

  it('knows 法治 in the standard phrases', () => {
    expect(said('打造市场化、法制化、国际化一流营商环境。')).toEqual([
      'wording:市场化、法制化、国际化→市场化、法治化、国际化',
    ]);
    expect(said('加强法制宣传教育。')).toEqual([]);
  });
});
