import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRODUCTS, BANKS } from '../../src/domain/catalog.js';
import { budget } from '../../src/domain/budget.js';
import { estimateCharges, parseDailyRate } from '../../src/domain/charges.js';
import { evidenceItemsFor } from '../../src/domain/evidence.js';
import { BANK_HOTLINES, getLender } from '../../src/domain/lenders.js';
import { instalmentSchedule, nominalAprBp, proposePlans } from '../../src/domain/plan.js';
import { mentionsPaidAgent } from '../../src/domain/scam.js';
import { stageOf } from '../../src/domain/stage.js';

describe('overdue charges', () => {
  it('花呗: about 0.05 % a day on the overdue amount', () => {
    expect(estimateCharges({ product: 'huabei', overdueFen: 550_000, days: 45 })).toMatchObject({ perDayFen: 275, per30DaysFen: 8_250, soFarFen: 12_375 });
  });

  it('借呗: 1.5 × the contract rate, only when the rate is known', () => {
    expect(estimateCharges({ product: 'jiebei', overdueFen: 2_000_000, days: 120, contractDailyRateBp: 4 })).toMatchObject({ perDayFen: 1_200, soFarFen: 144_000 });
    expect(estimateCharges({ product: 'jiebei', overdueFen: 2_000_000, days: 120 })).toBeNull();
  });

  it('gives no number where we have no sourced rule', () => {
    for (const product of ['weilidai', 'jd_jintiao', 'jd_baitiao', 'meituan_yuefu', 'credit_card', 'other'] as const) {
      expect(estimateCharges({ product, overdueFen: 100_000, days: 10 })).toBeNull();
    }
  });

  it('grows with the days and is never negative or NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 0, max: 3650 }), (fen, days) => {
        const a = estimateCharges({ product: 'huabei', overdueFen: fen, days })!;
        const b = estimateCharges({ product: 'huabei', overdueFen: fen, days: days + 1 })!;
        expect(Number.isInteger(a.soFarFen) && a.soFarFen >= 0).toBe(true);
        expect(b.soFarFen).toBeGreaterThanOrEqual(a.soFarFen);
      }),
    );
  });

  it('reads a daily rate as loan pages write it', () => {
    for (const s of ['0.04%', '万分之四', '万4', '0.0004', '日利率0.04%']) expect(parseDailyRate(s)).toEqual({ ok: true, bp: 4 });
    expect(parseDailyRate('5%/year')).toEqual({ ok: false });
  });
});

describe('instalment plans', () => {
  it('sum exactly to the debt plus the stated fee, no two instalments a fen apart more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2000 }), (principal, months, feeBp) => {
        const s = instalmentSchedule(principal, months, feeBp);
        const fee = Math.round((principal * feeBp) / 10_000);
        expect(s.reduce((a, b) => a + b, 0)).toBe(principal + fee);
        expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
        expect(s.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      }),
    );
  });

  it('turns 花呗’s list fees into the real annual rates FACTS gives (≈14.9 / 15.3 / 15.3 / 15.9 %)', () => {
    const apr = (m: number, f: number) => Math.round(nominalAprBp(1_000_000, m, f) / 10) / 10;
    expect([apr(3, 250), apr(6, 450), apr(9, 650), apr(12, 880)]).toEqual([14.9, 15.3, 15.3, 15.9]);
  });

  it('always proposes something, with totals that add up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.constantFrom(...PRODUCTS),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
        (debtFen, surplusFen, product, dailyRateBp) => {
          const plans = proposePlans({ debtFen, surplusFen, product, dailyRateBp });
          expect(plans.length).toBeGreaterThan(0);
          for (const p of plans) {
            expect(p.monthlyFen * p.months).toBeGreaterThanOrEqual(debtFen);
            if (p.totalFen !== null) expect(p.totalFen).toBe(debtFen + (p.costFen ?? 0));
            const principalFits = surplusFen > 0 && p.monthlyFen <= surplusFen;
            expect(p.fits).toBe(p.cost === 'missing_rate' && principalFits ? null : principalFits);
          }
        },
      ),
    );
  });

  it('offers credit cards up to 5 years, as FACTS allows asking for', () => {
    expect(proposePlans({ debtFen: 3_500_000, surplusFen: 0, product: 'credit_card', dailyRateBp: 5 }).map((p) => p.months)).toEqual([12, 24, 36, 48, 60]);
  });

  it('works out the monthly budget', () => {
    expect(budget({ incomeFen: 300_000, essentialsFen: 250_000, otherDebtsFen: 0 })).toEqual({ surplusFen: 50_000, gapFen: 0 });
    expect(budget({ incomeFen: 0, essentialsFen: 200_000, otherDebtsFen: 150_000 })).toEqual({ surplusFen: -350_000, gapFen: 350_000 });
    expect(budget({ incomeFen: null, essentialsFen: 1, otherDebtsFen: 0 })).toBeNull();
  });
});

describe('lenders as sourced data', () => {
  it('every rate, fee and hotline carries its source, as-of date and confidence', () => {
    for (const id of PRODUCTS) {
      const l = getLender(id);
      const sourced = [l.company, ...l.hotlines, l.penalty.kind === 'unknown' ? null : l.penalty, l.reportsToCreditCentre, l.instalmentFees, l.maxInstalmentMonths];
      for (const fact of sourced.filter((f) => f !== null)) {
        expect(fact).toMatchObject({ source: expect.any(String), asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), confidence: expect.any(String) });
      }
    }
    for (const id of BANKS) {
      const h = BANK_HOTLINES[id];
      if (h) expect(h.source.length).toBeGreaterThan(0);
    }
  });

  it('names only verified numbers: 95188 for Alipay, none for JD', () => {
    expect(getLender('huabei').hotlines.map((h) => h.number)).toEqual(['95188']);
    expect(getLender('jd_jintiao').hotlines).toEqual([]);
    expect(BANK_HOTLINES.pingan?.confidence).toBe('low');
  });
});

describe('stages, evidence and scam talk', () => {
  it('puts days overdue into stages', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(stageOf)).toEqual(['not_overdue', 'm1', 'm1', 'm2', 'm2', 'm3', 'm3', 'm3plus']);
  });

  it('lists evidence for the cause, plus what helps in every case', () => {
    expect(evidenceItemsFor('illness')).toEqual(['diagnosis_certificate', 'hospital_records', 'medical_bills', 'work_leave_certificate', 'bank_statements', 'credit_report', 'debt_list', 'collection_records']);
    expect(evidenceItemsFor(null)).toEqual(['bank_statements', 'credit_report', 'debt_list', 'collection_records']);
  });

  it('notices paid "debt help" agents, and not ordinary negotiation', () => {
    for (const s of ['有人说能帮我停息挂账', '征 信 修 复 要多少钱', '徵信修復', '债务优化公司', 'a credit repair service']) expect(mentionsPaidAgent(s), s).toBe(true);
    for (const s of ['我想和平台协商', '分期', '5500']) expect(mentionsPaidAgent(s), s).toBe(false);
  });
});
