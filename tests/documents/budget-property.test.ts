import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDebt, forLender, newCaseContext, type CaseContext } from '../../flows/case.js';
import { REQUESTS } from '../../src/domain/catalog.js';
import { composeDocument, toPlainText } from '../../src/documents/index.js';
import { createI18n } from '../../src/i18n/index.js';

const TODAY = '2026-11-24';
const zh = createI18n({ ttlDays: 90 }).getFixedT('zh-CN');
const yuan = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);

const product = fc.constantFrom('huabei', 'jiebei', 'weilidai', 'credit_card', 'other' as const);
const plan = fc.oneof(
  fc.constant({ status: 'none' as const, monthlyFen: null, months: null, firstDue: null }),
  fc.record({
    status: fc.constant('approved' as const),
    monthlyFen: fc.integer({ min: 100, max: 2_000_000 }),
    months: fc.integer({ min: 1, max: 36 }),
    firstDue: fc.constant(null),
  }),
);
const debt = fc.record({ product, amountFen: fc.integer({ min: 10_000, max: 10_000_000 }), plan, minimumFen: fc.option(fc.integer({ min: 100, max: 500_000 }), { nil: null }) });

const caseArb = fc
  .record({
    debts: fc.array(debt, { minLength: 1, maxLength: 3 }),
    incomeFen: fc.integer({ min: 0, max: 3_000_000 }),
    essentialsFen: fc.integer({ min: 0, max: 3_000_000 }),
    requests: fc.subarray([...REQUESTS], { minLength: 1 }),
  })
  .map(({ debts, incomeFen, essentialsFen, requests }): CaseContext => {
    const c = newCaseContext('zh-CN');
    c.consent = 'given';
    c.facts = { cause: 'job_loss', causeSince: null, causeWords: null, incomeFen, essentialsFen, otherDebtsFen: 0 };
    c.debts = debts.map((d, id) => ({
      ...emptyDebt(id),
      product: d.product,
      bank: d.product === 'credit_card' ? 'cmb' : null,
      amountFen: Math.max(d.amountFen, d.minimumFen ?? 0),
      dueDate: '2026-10-25',
      dueDateGiven: true,
      plan: d.plan,
      minimumFen: debts.length > 1 ? d.minimumFen : null,
      requests,
    }));
    c.nextDebtId = debts.length;
    return c;
  });

describe('no statement asks for more than it says can be spared, unless it says why', () => {
  it('holds for any budget, any split between lenders and any plan agreed', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const text = toPlainText(composeDocument('statement', forLender(c, pick % c.debts.length), 'zh-CN', zh, TODAY));
        // What the letter says can be spared a month: this lender's share where several share it, else the whole.
        const share = /所占份额为每月约 ([\d,.]+) 元|其中每月向贵[司行]还款约 ([\d,.]+) 元|目前每月只能向贵[司行]还款约 ([\d,.]+) 元/.exec(text);
        const whole = /每月可用于还款的金额约 ([\d,.]+) 元/.exec(text);
        const spare = share ? yuan(share[1] ?? share[2] ?? share[3]!) : whole ? yuan(whole[1]!) : 0;
        // Every monthly amount it asks for or confirms.
        const asked = [...text.matchAll(/每月还款约 ([\d,.]+) 元|每期约? ?([\d,.]+) 元/g)].map((m) => yuan(m[1] ?? m[2]!));
        const saysWhy = /但(该方案)?已与贵[司行]商定/.test(text);
        for (const monthly of asked) {
          if (monthly > spare) expect(saysWhy, text).toBe(true);
        }
        // An agreed plan is confirmed, never applied for again.
        if (c.debts[pick % c.debts.length]!.plan.status === 'approved') expect(text).not.toMatch(/申请将欠款|申请分期或个性化还款方案/);
      }),
      { numRuns: 300 },
    );
  });
});
