import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../src/domain/catalog.js';
import { estimateCharges } from '../../src/domain/charges.js';
import { COMMON_TERMS, amortisedInstalment, feeMultiple, nominalAprBp, proposePlans, suggestTerm } from '../../src/domain/plan.js';

describe('借呗 at 万分之四: equal monthly repayments with interest (等额本息)', () => {
  // 12,000 元 at 0.04 % a day: the monthly rate is 0.04 % × 365 / 12.
  const jiebei = { debtFen: 1_200_000, surplusFen: 50_000, product: 'jiebei' as const, dailyRateBp: 4 };

  it.each([
    [24, 57_956, false],
    [36, 41_364, true],
  ])('%i months: %i fen a month, fits 500 元: %s', (months, monthlyFen, fits) => {
    const option = proposePlans(jiebei).find((o) => o.months === months)!;
    expect(option).toMatchObject({ monthlyFen, cost: 'interest', fits, aprBp: 1_460 });
    expect(option.costFen).toBe(monthlyFen * months - 1_200_000);
  });

  it('suggests 36 months, the shortest common term whose instalment with interest fits', () => {
    expect(suggestTerm(jiebei)).toMatchObject({ months: 36, monthlyFen: 41_364, cost: 'interest' });
  });

  it('says plainly that interest is missing without the rate, for every loan priced by one', () => {
    for (const product of ['jiebei', 'weilidai', 'jd_jintiao'] as const) {
      for (const o of proposePlans({ ...jiebei, product, dailyRateBp: null })) expect(o).toMatchObject({ cost: 'missing_rate', costFen: null });
    }
  });

  it('prices 花呗 by its fee table, and lenders with no known price by principal only', () => {
    expect(proposePlans({ ...jiebei, product: 'huabei' }).map((o) => o.cost)).toEqual(['fee', 'fee', 'fee', 'fee']);
    for (const product of ['jd_baitiao', 'meituan_yuefu', 'credit_card', 'other'] as const) {
      expect(new Set(proposePlans({ ...jiebei, product }).map((o) => o.cost))).toEqual(new Set(['unknown']));
    }
  });
});

describe('the fee as a yearly rate', () => {
  it('is about 6 × the listed fee over 3 periods and about 2 × over 12 (花呗 list prices)', () => {
    const plans = proposePlans({ debtFen: 1_000_000, surplusFen: 1, product: 'huabei', dailyRateBp: null });
    expect(plans.map((o) => feeMultiple(o.aprBp!, o.feeBp!))).toEqual([6, 3.5, 2.5, 2]);
  });

  it('the multiple falls as the term grows, for any fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 2_000 }), (feeBp) => {
        const short = nominalAprBp(1_000_000, 3, feeBp) / feeBp;
        const long = nominalAprBp(1_000_000, 12, feeBp) / feeBp;
        expect(short).toBeGreaterThan(long);
      }),
    );
  });
});

describe('amortised instalments', () => {
  it('repay at least the principal, cost more in total the longer the term, and less each month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1e9 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 59 }), (principal, rateBp, months) => {
        const a = amortisedInstalment(principal, months, rateBp);
        const b = amortisedInstalment(principal, months + 1, rateBp);
        expect(a * months).toBeGreaterThanOrEqual(principal);
        expect(b).toBeLessThanOrEqual(a);
        expect(b * (months + 1)).toBeGreaterThanOrEqual(a * months - months);
      }),
    );
  });
});

describe('the term to ask for', () => {
  it('is a common term that fits, and the one before it does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1e8 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(...PRODUCTS),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
        (debtFen, surplusFen, product, dailyRateBp) => {
          const input = { debtFen, surplusFen, product, dailyRateBp };
          const term = suggestTerm(input);
          if (term === null) return;
          expect(COMMON_TERMS).toContain(term.months);
          expect(term.monthlyFen).toBeLessThanOrEqual(surplusFen);
          const before = COMMON_TERMS[COMMON_TERMS.indexOf(term.months as (typeof COMMON_TERMS)[number]) - 1];
          if (before !== undefined) {
            const shorter = suggestTerm({ ...input, surplusFen: term.monthlyFen - 1 });
            expect(shorter === null || shorter.months > term.months).toBe(true);
          }
        },
      ),
    );
  });

  it('is none when nothing can be spared or even 5 years does not fit', () => {
    expect(suggestTerm({ debtFen: 1_000_000, surplusFen: 0, product: 'jiebei', dailyRateBp: 4 })).toBeNull();
    expect(suggestTerm({ debtFen: 10_000_000, surplusFen: 10_000, product: 'other', dailyRateBp: null })).toBeNull();
  });
});

describe('credit-card interest', () => {
  it('is estimated at the rate on the bill, and not without it', () => {
    expect(estimateCharges({ product: 'credit_card', overdueFen: 3_500_000, days: 40, contractDailyRateBp: 5 })).toMatchObject({ perDayFen: 1_750, per30DaysFen: 52_500, soFarFen: 70_000 });
    expect(estimateCharges({ product: 'credit_card', overdueFen: 3_500_000, days: 40 })).toBeNull();
  });
});

describe('the term to suggest where the lender lists its own terms and fees (花呗)', () => {
  const huabei = (debtFen: number, surplusFen: number) => ({ debtFen, surplusFen, product: 'huabei' as const, dailyRateBp: null });

  it('is the shortest listed term that fits with its fee: the same instalment as the table beside it', () => {
    const input = huabei(1_000_000, 170_000);
    const term = suggestTerm(input);
    expect(term).toMatchObject({ months: 9, cost: 'fee', fits: true });
    expect(term).toEqual(proposePlans(input).find((o) => o.months === 9));
    // 6 months is 1,741.67 with its fee: more than can be spared, so not suggested.
    expect(proposePlans(input).find((o) => o.months === 6)).toMatchObject({ monthlyFen: 174_167, fits: false });
  });

  it('falls back to a longer term to negotiate (principal only) when no listed term fits', () => {
    expect(suggestTerm(huabei(3_000_000, 170_000))).toMatchObject({ months: 18, cost: 'unknown', fits: true });
  });
});

