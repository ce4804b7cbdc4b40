import type { Fen, IsoDate, ProductId } from './catalog.js';
import { getLender } from './lenders.js';

export interface PlanOption {
  months: number;
  /** The largest instalment (the first ones carry the leftover fen). */
  monthlyFen: Fen;
  feeFen: Fen | null;
  totalFen: Fen | null;
  /** Nominal annual rate (IRR × 12), in basis points rounded to 0.1 %; null where the fee is unknown. */
  aprBp: number | null;
  /** The instalment fits in what the user can spare each month. */
  fits: boolean;
}

const feeOf = (principalFen: Fen, feeBp: number): Fen => Math.round((principalFen * feeBp) / 10_000);

/** Equal instalments that add up exactly to principal + fee; the leftover fen go on the first payments. */
export function instalmentSchedule(principalFen: Fen, months: number, feeBp: number): Fen[] {
  const total = principalFen + feeOf(principalFen, feeBp);
  const base = Math.floor(total / months);
  const extra = total - base * months;
  return Array.from({ length: months }, (_, i) => base + (i < extra ? 1 : 0));
}

/** The monthly rate r with principal = Σ payment/(1+r)^k, found by bisection, times 12. */
export function nominalAprBp(principalFen: Fen, months: number, feeBp: number): number {
  if (feeBp <= 0 || principalFen <= 0) return 0;
  const payment = (principalFen + feeOf(principalFen, feeBp)) / months;
  const pv = (r: number) => {
    let sum = 0;
    for (let k = 1; k <= months; k++) sum += payment / (1 + r) ** k;
    return sum;
  };
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (pv(mid) > principalFen) lo = mid;
    else hi = mid;
  }
  return ((lo + hi) / 2) * 12 * 10_000;
}

/** Months to repay a debt at a monthly amount (no fee); null when nothing can be spared. */
export const monthsToRepay = (debtFen: Fen, monthlyFen: Fen): number | null =>
  monthlyFen > 0 ? Math.ceil(debtFen / monthlyFen) : null;

/** The longest instalment term any rule we know allows (credit cards, FACTS §4.1). */
export const LONGEST_TERM_MONTHS = 60;

/** The plans worth asking for: the lender's own instalment terms where known, else common terms to request. */
export function proposePlans(input: { debtFen: Fen; surplusFen: Fen; product: ProductId; today: IsoDate }): PlanOption[] {
  const lender = getLender(input.product);
  const table = lender.instalmentFees?.table;
  const terms = table
    ? table.map((row) => ({ months: row.months, feeBp: row.feeBp as number | null }))
    : (input.product === 'credit_card' ? [12, 24, 36, 48, 60] : [3, 6, 12, 24, 36]).map((months) => ({ months, feeBp: null }));
  return terms.map(({ months, feeBp }) => {
    const schedule = instalmentSchedule(input.debtFen, months, feeBp ?? 0);
    const feeFen = feeBp === null ? null : feeOf(input.debtFen, feeBp);
    const monthlyFen = schedule[0] ?? 0;
    return {
      months,
      monthlyFen,
      feeFen,
      totalFen: feeFen === null ? null : input.debtFen + feeFen,
      aprBp: feeBp === null ? null : Math.round(nominalAprBp(input.debtFen, months, feeBp) / 10) * 10,
      fits: input.surplusFen > 0 && monthlyFen <= input.surplusFen,
    };
  });
}
