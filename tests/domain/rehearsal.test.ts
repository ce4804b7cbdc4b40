import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIDENCES, PRODUCTS } from '../../src/domain/catalog.js';
import { formatFen } from '../../src/domain/money.js';
import {
  AGENT_LINES,
  MAX_TIPS,
  SCENARIOS,
  agentLine,
  assessReply,
  isCommonlyReported,
  spareFor,
  type ScenarioId,
  type Strength,
  type Tip,
} from '../../src/domain/rehearsal.js';
import { quantities } from '../../src/domain/understanding/quantities.js';
import { loadLocale } from '../../src/i18n/index.js';

const BUDGET = 100_000; // 1,000 元 a month to spare

describe('the agent lines practised', () => {
  const zh = loadLocale('zh-CN') as { rehearsal: { line: Record<string, string>; commonly: string } };
  const en = loadLocale('en') as { rehearsal: { line: Record<string, string>; commonly: string } };

  it.each(AGENT_LINES.map((l) => [l.key, l] as const))('%s has a source, a confidence and the day it was checked', (_, line) => {
    expect(line.source.trim().length).toBeGreaterThan(10);
    expect(CONFIDENCES).toContain(line.confidence);
    expect(line.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(zh.rehearsal.line[line.key]).toBeTruthy();
    expect(en.rehearsal.line[line.key]).toBeTruthy();
  });

  it('a line without a source or a confidence is caught', () => {
    const complete = (l: unknown) => {
      const line = l as Partial<(typeof AGENT_LINES)[number]>;
      return typeof line.source === 'string' && line.source.trim() !== '' && (CONFIDENCES as readonly unknown[]).includes(line.confidence);
    };
    expect(AGENT_LINES.every(complete)).toBe(true);
    expect(complete({ ...AGENT_LINES[0], source: '' })).toBe(false);
    expect(complete({ ...AGENT_LINES[0], confidence: undefined })).toBe(false);
  });

  it('says "commonly reported" for exactly the lines that are not well sourced', () => {
    expect(zh.rehearsal.commonly).toContain('常见说法');
    expect(en.rehearsal.commonly).toContain('commonly reported');
    expect(AGENT_LINES.filter(isCommonlyReported).map((l) => l.confidence)).not.toContain('high');
    expect(AGENT_LINES.filter((l) => !isCommonlyReported(l)).every((l) => l.confidence === 'high' || l.confidence === 'medium')).toBe(true);
  });

  it('has a line for every scenario and every lender, the lender\'s own where it differs', () => {
    for (const s of SCENARIOS) for (const p of [...PRODUCTS, null]) expect(agentLine(s, p).scenario).toBe(s);
    expect(agentLine('full_only', 'huabei').key).toBe('fullOnlyAlipay');
    expect(agentLine('full_only', 'credit_card').key).toBe('fullOnlyBank');
    expect(agentLine('full_only', 'weilidai').key).toBe('fullOnlyWebank');
    expect(agentLine('full_only', 'jd_jintiao').key).toBe('fullOnly');
  });
});

describe('reading the answer to the agent', () => {
  const CASES: Array<{ reply: string; scenario: ScenarioId; strengths: Strength[]; tips: Tip[] }> = [
    {
      reply: '我理解。我因为失业了，每个月能还1000元，想申请个性化分期。请问您的工号是多少？麻烦发短信确认一下。',
      scenario: 'full_only',
      strengths: ['amount', 'reason', 'plan', 'agentId', 'written', 'holds'],
      tips: [],
    },
    { reply: '那我想办法今天全还', scenario: 'pay_today', strengths: [], tips: ['concede', 'holdRequest'] },
    { reply: '我借钱一次性还清吧', scenario: 'full_only', strengths: [], tips: ['concede', 'holdRequest'] },
    { reply: '我每月能还 3000', scenario: 'full_only', strengths: [], tips: ['overBudget', 'holdRequest'] },
    { reply: '好吧', scenario: 'no_waiver', strengths: [], tips: ['holdRequest', 'sayAmount'] },
    { reply: '你把个人账户发我，我转给你', scenario: 'pay_today', strengths: [], tips: ['personalAccount', 'holdRequest'] },
    { reply: '我只还到官方账户，不会转到个人账户。每月能还800，想申请延期', scenario: 'pay_today', strengths: ['amount', 'plan', 'holds'], tips: ['giveReason', 'askAgentId'] },
    { reply: '我没办法今天全还，我想申请延期', scenario: 'pay_today', strengths: ['plan', 'holds'], tips: ['sayAmount', 'giveReason'] },
    { reply: '好的，需要哪些材料？我每个月能还一千', scenario: 'proof', strengths: ['amount'], tips: ['askPlan', 'giveReason'] },
    { reply: '请不要联系我家人，我收入少了，每月能还 500，工号多少？', scenario: 'threat', strengths: ['amount', 'reason', 'agentId'], tips: ['askWritten'] },
    {
      reply: 'I lost my job. I can pay 1,000 a month and would like an instalment plan. What is your agent ID? Please confirm in writing.',
      scenario: 'no_waiver',
      strengths: ['amount', 'reason', 'plan', 'agentId', 'written', 'holds'],
      tips: [],
    },
    { reply: "OK, I'll find a way to pay it all today", scenario: 'pay_today', strengths: [], tips: ['concede', 'holdRequest'] },
    { reply: 'I can pay 5000 a month', scenario: 'instalment_ok', strengths: ['plan'], tips: ['overBudget', 'giveReason'] },
    { reply: 'Can I transfer it to your personal account?', scenario: 'legal_transfer', strengths: [], tips: ['personalAccount', 'holdRequest'] },
  ];

  it.each(CASES)('$scenario: "$reply"', ({ reply, scenario, strengths, tips }) => {
    const a = assessReply(reply, scenario, BUDGET);
    expect(a.strengths).toEqual(strengths);
    expect(a.tips).toEqual(tips);
  });

  it('takes the amount the same way as the rest of the bot ("一千五", "1.5k", "每月1500")', () => {
    for (const reply of ['一千五', '每月1500', '1.5k a month', '一个月1500块']) expect(assessReply(reply, 'proof', BUDGET).statedFen).toBe(150_000);
  });

  it('with nothing to spare, any amount offered is more than can be paid', () => {
    expect(assessReply('每月还100', 'full_only', 0).tips).toContain('overBudget');
  });

  it('with the budget unknown, names no amount as too much', () => {
    expect(assessReply('每月还 9000', 'full_only', null).tips).not.toContain('overBudget');
  });

  it('any reply with a parseable amount above the budget gets the "don\'t promise more than you can pay" tip', () => {
    const words = fc.constantFrom('', '好吧，', '我想申请分期，', '因为失业，', 'OK, ', '工号多少？');
    const after = fc.constantFrom('', '，行吗？', '。麻烦短信确认', ' a month', '元');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.constantFrom(...SCENARIOS),
        words,
        after,
        fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'),
        (budgetFen, overFen, scenario, before, tail, lang) => {
          // A whole number of yuan above the budget, written as the person would.
          const yuan = Math.floor((budgetFen + overFen) / 100) + 1;
          const amount = lang === 'en' ? String(yuan) : formatFen(yuan * 100, lang).replace(/\s*元$/, '');
          const reply = `${before}每月能还${amount}${tail}`;
          // Parseable: read as money by the bot's understanding (a bare 95xxx may be a service number instead).
          fc.pre(quantities(reply).some((q) => q.kind === 'money' || q.kind === 'bare'));
          const a = assessReply(reply, scenario, budgetFen);
          expect(a.statedFen).toBe(yuan * 100);
          expect(a.tips).toContain('overBudget');
          expect(a.tips.length).toBeLessThanOrEqual(MAX_TIPS);
        },
      ),
    );
  });

  it('never gives more than two tips, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...SCENARIOS), fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }), (reply, s, budget) => {
        expect(assessReply(reply, s, budget).tips.length).toBeLessThanOrEqual(MAX_TIPS);
      }),
    );
  });
});

describe('what the lender can be offered', () => {
  const facts = (income: number | null, essentials: number | null) => ({ incomeFen: income, essentialsFen: essentials, otherDebtsFen: null });
  it('is its share with several lenders, else all that is spare, 0 when short, unknown without the budget', () => {
    expect(spareFor({ share: { fen: 40_000 }, facts: facts(400_000, 300_000) })).toBe(40_000);
    expect(spareFor({ share: null, facts: facts(400_000, 300_000) })).toBe(100_000);
    expect(spareFor({ share: null, facts: facts(200_000, 300_000) })).toBe(0);
    expect(spareFor({ share: null, facts: facts(null, 300_000) })).toBeNull();
  });
});
