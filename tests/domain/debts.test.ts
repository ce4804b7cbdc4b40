import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyCharge, priorityOrder, splitProRata } from '../../src/domain/debts.js';

const owedList = fc.array(fc.integer({ min: 0, max: 100_000_000_000 }), { minLength: 1, maxLength: 8 });
const amount = fc.integer({ min: 0, max: 100_000_000 });

describe('the monthly amount shared between lenders in proportion to what is owed', () => {
  it('800 元 over 9,000 and 7,000 owed: 450 and 350', () => {
    expect(splitProRata(80_000, [900_000, 700_000])).toEqual([45_000, 35_000]);
  });

  it('gives the odd fen to the largest remainder, and a tie to the earlier debt', () => {
    expect(splitProRata(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitProRata(10, [2, 1])).toEqual([7, 3]);
  });

  it('gives each lender the chosen minimum first, when the amount covers it for all', () => {
    expect(splitProRata(100_000, [9_000_000, 100_000], 20_000)).toEqual([20_000 + 59_341, 20_000 + 659]);
    // Not enough for every minimum: in proportion, as without one.
    expect(splitProRata(30_000, [9_000_000, 100_000], 20_000)).toEqual(splitProRata(30_000, [9_000_000, 100_000]));
  });

  it('shares nothing when there is nothing to spare', () => {
    expect(splitProRata(0, [500_000, 1_200_000, 800_000])).toEqual([0, 0, 0]);
  });

  it('adds up exactly to the amount, in fen, whatever is owed', () => {
    fc.assert(
      fc.property(amount, owedList, fc.integer({ min: 0, max: 1_000_000 }), (a, owed, min) => {
        const shares = splitProRata(a, owed, min);
        expect(shares).toHaveLength(owed.length);
        expect(shares.reduce((x, y) => x + y, 0)).toBe(a);
        for (const s of shares) expect(Number.isInteger(s)).toBe(true);
      }),
    );
  });

  it('never gives a lender a negative share, and is within a fen of the exact proportion', () => {
    fc.assert(
      fc.property(amount, owedList, (a, owed) => {
        const total = owed.reduce((x, y) => x + y, 0);
        splitProRata(a, owed).forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          const exact = total > 0 ? (a * owed[i]!) / total : a / owed.length;
          expect(Math.abs(s - exact)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });

  it('keeps its order: more owed never gets less, and the same input gives the same shares', () => {
    fc.assert(
      fc.property(amount, owedList, (a, owed) => {
        const shares = splitProRata(a, owed);
        expect(splitProRata(a, owed)).toEqual(shares);
        owed.forEach((o, i) =>
          owed.forEach((p, j) => {
            if (o > p) expect(shares[i]).toBeGreaterThanOrEqual(shares[j]!);
          }),
        );
      }),
    );
  });
});

const TODAY = '2026-11-24';
const debt = (product: 'huabei' | 'jiebei' | 'credit_card', amountFen: number, dueDate: string, dailyRateBp: number | null = null) => ({ product, amountFen, dueDate, dailyRateBp });

describe('what a debt costs a day', () => {
  it('estimates where the rule is sourced, and says why not where it is not', () => {
    expect(dailyCharge(debt('huabei', 550_000, '2026-10-10'), TODAY)).toEqual({ kind: 'estimate', perDayFen: 275 });
    expect(dailyCharge(debt('jiebei', 1_200_000, '2026-10-25'), TODAY)).toEqual({ kind: 'unknown', reason: 'needs_rate' });
    expect(dailyCharge(debt('jiebei', 1_200_000, '2026-10-25', 4), TODAY)).toEqual({ kind: 'estimate', perDayFen: 720 });
    expect(dailyCharge(debt('huabei', 550_000, '2026-12-01'), TODAY)).toEqual({ kind: 'none', reason: 'not_overdue' });
    expect(dailyCharge({ product: 'huabei', amountFen: null, dueDate: null, dailyRateBp: null }, TODAY)).toEqual({ kind: 'unknown', reason: 'missing' });
  });
});

describe('the order to deal with debts', () => {
  it('puts legal risk first, then the highest charge a day, then what closes quickly, then the rest', () => {
    const debts = [
      debt('jiebei', 3_000_000, '2026-11-01'), // no rate: cost unknown, large
      debt('huabei', 200_000, '2026-11-20'), // small, charged daily
      debt('credit_card', 900_000, '2026-08-01', 5), // over three months
      debt('jiebei', 150_000, '2026-11-10'), // small, cost unknown
      debt('huabei', 1_000_000, '2026-10-20'), // charged 5 元 a day
    ];
    expect(priorityOrder(debts, TODAY, 100_000)).toEqual([
      { index: 2, reason: 'legal_risk' },
      { index: 4, reason: 'daily_cost' },
      { index: 1, reason: 'daily_cost' },
      { index: 3, reason: 'quick_close' },
      { index: 0, reason: 'rest' },
    ]);
  });

  it('keeps equal debts in the order they were added', () => {
    const same = [debt('huabei', 100_000, '2026-11-01'), debt('huabei', 100_000, '2026-11-01')];
    expect(priorityOrder(same, TODAY, 0).map((p) => p.index)).toEqual([0, 1]);
  });
});
