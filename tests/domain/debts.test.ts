import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyCharge, priorityOrder, splitProRata, splitWithMinimums } from '../../src/domain/debts.js';

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

  it('shares nothing when there is nothing to spare', () => {
    expect(splitProRata(0, [500_000, 1_200_000, 800_000])).toEqual([0, 0, 0]);
  });

  it('adds up exactly to the amount, in fen, whatever is owed', () => {
    fc.assert(
      fc.property(amount, owedList, (a, owed) => {
        const shares = splitProRata(a, owed);
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

describe('a minimum per lender, chosen by the person', () => {
  // As the bot takes them: never more than the debt, where the debt's amount is known.
  const minimumFor = (owed: number) => fc.option(fc.integer({ min: 1, max: owed > 0 ? Math.min(owed, 50_000_000) : 50_000_000 }), { nil: null });
  const withMinimums = owedList.chain((owed) => fc.tuple(fc.constant(owed), fc.tuple(...owed.map(minimumFor))));

  it('a card’s minimum of 300 元 is met; the rest goes to the others in proportion', () => {
    // 800 元 over 9,000 and 1,000 owed: 720 and 80 in proportion; the card's minimum lifts it to 300.
    expect(splitWithMinimums(80_000, [900_000, 100_000], [null, 30_000])).toEqual({ shares: [50_000, 30_000], unmet: [] });
  });

  it('a minimum below the share in proportion changes nothing', () => {
    expect(splitWithMinimums(80_000, [900_000, 700_000], [20_000, null])).toEqual({ shares: [45_000, 35_000], unmet: [] });
  });

  it('lifting one lender to its minimum can push another below its own: both get theirs', () => {
    // In proportion: 400, 300, 100. With the third at 300, the second would get 214; its minimum 280 holds too.
    expect(splitWithMinimums(80_000, [400_000, 300_000, 100_000], [null, 28_000, 30_000])).toEqual({ shares: [22_000, 28_000, 30_000], unmet: [] });
  });

  it('minimums more than the amount: the smaller ones are met, the rest is shared, and the others are named', () => {
    // 800 元; minimums 600 and 500: only one fits. The smaller (500) is met; 300 left goes to the others.
    const split = splitWithMinimums(80_000, [900_000, 300_000, 100_000], [60_000, 50_000, null]);
    expect(split.unmet).toEqual([0]);
    expect(split.shares[1]).toBe(50_000);
    expect(split.shares).toEqual([27_000, 50_000, 3_000]);
  });

  it('never gives a lender more than it is owed: that debt is paid off and the rest goes to the others', () => {
    // 3,000 元 over 500 and 1,000 owed: 1,000 and 2,000 in proportion, more than each owes; both are paid off.
    expect(splitWithMinimums(300_000, [50_000, 100_000], [null, null])).toEqual({ shares: [50_000, 100_000], unmet: [] });
    // 3,000 元 over 100 and 5,000 owed: 58.82 and 2,941.18 in proportion; nothing to hold back.
    expect(splitWithMinimums(300_000, [10_000, 500_000], [null, null])).toEqual({ shares: [5_882, 294_118], unmet: [] });
  });

  it('nothing to spare: nothing to anyone, and every minimum is unmet', () => {
    expect(splitWithMinimums(0, [500_000, 100_000], [10_000, 20_000])).toEqual({ shares: [0, 0], unmet: [0, 1] });
  });

  it('without minimums it is the split in proportion', () => {
    fc.assert(
      fc.property(amount, owedList, (a, owed) => {
        const plain = splitProRata(a, owed);
        fc.pre(plain.every((s, i) => owed[i] === 0 || s <= owed[i]!));
        expect(splitWithMinimums(a, owed, owed.map(() => null))).toEqual({ shares: plain, unmet: [] });
      }),
    );
  });

  it('adds up exactly to the amount, in fen, unless it pays off every debt; never more than a debt; a met minimum is always given in full, an unmet one only when they cannot all be', () => {
    fc.assert(
      fc.property(amount, withMinimums, (a, [owed, mins]) => {
        const { shares, unmet } = splitWithMinimums(a, owed, mins);
        expect(shares).toHaveLength(owed.length);
        shares.forEach((s, i) => owed[i]! > 0 && expect(s).toBeLessThanOrEqual(owed[i]!));
        const everyDebtPaidOff = shares.every((s, i) => owed[i]! > 0 && s === owed[i]);
        if (everyDebtPaidOff) expect(shares.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(a);
        else expect(shares.reduce((x, y) => x + y, 0)).toBe(a);
        for (const s of shares) expect(Number.isInteger(s) && s >= 0).toBe(true);
        const total = mins.reduce<number>((x, m) => x + (m ?? 0), 0);
        if (total <= a) expect(unmet).toEqual([]);
        else expect(unmet.length).toBeGreaterThan(0);
        mins.forEach((m, i) => {
          if (m !== null && !unmet.includes(i)) expect(shares[i]).toBeGreaterThanOrEqual(m);
          if (m === null) expect(unmet).not.toContain(i);
        });
      }),
    );
  });

  it('when every minimum is met, a lender without one never gets more than its share in proportion', () => {
    fc.assert(
      fc.property(amount, withMinimums, (a, [owed, mins]) => {
        fc.pre(mins.reduce<number>((x, m) => x + (m ?? 0), 0) <= a);
        const { shares } = splitWithMinimums(a, owed, mins);
        // A debt paid off gives what it does not need to the others.
        fc.pre(shares.every((s, i) => owed[i] === 0 || s < owed[i]!));
        const plain = splitProRata(a, owed);
        mins.forEach((m, i) => {
          if (m === null) expect(shares[i]).toBeLessThanOrEqual(plain[i]! + 1);
        });
      }),
    );
  });
});

describe('what a debt costs a day', () => {
  it('estimates where the rule is sourced, and says why not where it is not', () => {
    expect(dailyCharge(debt('huabei', 550_000, '2026-10-10'), TODAY)).toEqual({ kind: 'estimate', perDayFen: 275, upTo: false });
    expect(dailyCharge(debt('jiebei', 1_200_000, '2026-10-25'), TODAY)).toEqual({ kind: 'unknown', reason: 'needs_rate' });
    expect(dailyCharge(debt('jiebei', 1_200_000, '2026-10-25', 4), TODAY)).toEqual({ kind: 'estimate', perDayFen: 720, upTo: true });
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
