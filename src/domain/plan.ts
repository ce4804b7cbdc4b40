import type { Fen, ProductId } from './catalog.js';
import { getLender } from './lenders.js';

/**
 * What a term costs on top of the debt: a listed fee (花呗 bill instalments), interest at the user's own daily
 * rate (借呗, 微粒贷, 京东金条), the rate missing although it decides the cost, or set by the lender case by case.
 */
export type PlanCost = 'fee' | 'interest' | 'missing_rate' | 'unknown';

export interface PlanOption {
  months: number;
  /** The largest instalment, with the fee or interest where we know it. */
  monthlyFen: Fen;
  cost: PlanCost;
  /** The fee or the total interest; null where the cost is not known. */
  costFen: Fen | null;
  totalFen: Fen | null;
  /** Nominal annual rate (IRR × 12 for a fee, daily rate × 365 for interest), in basis points rounded to 0.1 %. */
  aprBp: number | null;
  /** The listed fee for the whole term, where the cost is a fee. */
  feeBp: number | null;
  /**
   * The instalment fits in what the user can spare each month; null where only the principal fits and the interest,
   * which the missing rate decides, could tip it over.
   */
  fits: boolean | null;
}

const feeOf = (principalFen: Fen, feeBp: number): Fen => Math.round((principalFen * feeBp) / 10_000);
const toTenthOfPercent = (bp: number): number => Math.round(bp / 10) * 10;

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

/**
 * Equal monthly repayments of principal and interest (等额本息) at a daily rate: the monthly rate is the daily
 * rate × 365 / 12, as loan pages quote a yearly rate of daily × 365. Rounded once, half up, to the fen.
 */
export function amortisedInstalment(principalFen: Fen, months: number, dailyRateBp: number): Fen {
  const r = (dailyRateBp / 10_000) * (365 / 12);
  const principalOnly = Math.ceil(principalFen / months);
  if (r <= 0) return principalOnly;
  // Never below the principal's share, which rounding could reach on a debt of a few fen.
  return Math.max(principalOnly, Math.round((principalFen * r) / (1 - (1 + r) ** -months) + 1e-9));
}

/**
 * How many times the listed fee the yearly rate is, to the nearest half: a short term's small fee is the dearest
 * (3 periods ≈ 6 ×, 12 ≈ 2 ×), because the debt shrinks every month while the fee is on the whole of it.
 */
export const feeMultiple = (aprBp: number, feeBp: number): number => Math.round((aprBp / feeBp) * 2) / 2;

/** The terms lenders commonly offer or accept; a plan is asked for in one of these, not in 17 months. */
export const COMMON_TERMS = [3, 6, 9, 12, 18, 24, 36, 48, 60] as const;

/** The terms shown in the table, where the lender has no fee table of its own. */
const LOAN_TERMS = [3, 6, 12, 24, 36];
const CARD_TERMS = [12, 24, 36, 48, 60];

function option(debtFen: Fen, surplusFen: Fen, months: number, priced: { feeBp: number } | { dailyRateBp: number } | { cost: 'missing_rate' | 'unknown' }): PlanOption {
  const fits = (monthlyFen: Fen) => surplusFen > 0 && monthlyFen <= surplusFen;
  if ('feeBp' in priced) {
    const monthlyFen = instalmentSchedule(debtFen, months, priced.feeBp)[0] ?? 0;
    const costFen = feeOf(debtFen, priced.feeBp);
    return {
      months,
      monthlyFen,
      cost: 'fee',
      costFen,
      totalFen: debtFen + costFen,
      aprBp: toTenthOfPercent(nominalAprBp(debtFen, months, priced.feeBp)),
      feeBp: priced.feeBp,
      fits: fits(monthlyFen),
    };
  }
  if ('dailyRateBp' in priced) {
    const monthlyFen = amortisedInstalment(debtFen, months, priced.dailyRateBp);
    const totalFen = monthlyFen * months;
    return {
      months,
      monthlyFen,
      cost: 'interest',
      costFen: Math.max(0, totalFen - debtFen),
      totalFen,
      aprBp: toTenthOfPercent(priced.dailyRateBp * 365),
      feeBp: null,
      fits: fits(monthlyFen),
    };
  }
  const monthlyFen = instalmentSchedule(debtFen, months, 0)[0] ?? 0;
  const principalFits = fits(monthlyFen);
  return {
    months,
    monthlyFen,
    cost: priced.cost,
    costFen: null,
    totalFen: null,
    aprBp: null,
    feeBp: null,
    fits: priced.cost === 'missing_rate' && principalFits ? null : principalFits,
  };
}

export interface PlanInput {
  debtFen: Fen;
  surplusFen: Fen;
  product: ProductId;
  /** The user's own daily rate, for lenders whose plans are priced by it. */
  dailyRateBp: number | null;
}

/** The plans worth asking for: the lender's own instalment terms where known, else common terms to request. */
export function proposePlans(input: PlanInput): PlanOption[] {
  const lender = getLender(input.product);
  const table = lender.instalmentFees?.table;
  if (table) return table.map((row) => option(input.debtFen, input.surplusFen, row.months, { feeBp: row.feeBp }));
  const terms = input.product === 'credit_card' ? CARD_TERMS : LOAN_TERMS;
  const priced =
    lender.planPricing === 'daily_interest'
      ? input.dailyRateBp
        ? { dailyRateBp: input.dailyRateBp }
        : ({ cost: 'missing_rate' } as const)
      : ({ cost: 'unknown' } as const);
  return terms.map((months) => option(input.debtFen, input.surplusFen, months, priced));
}

/**
 * The term to ask for: where the lender lists its terms and fees (花呗), the shortest listed one whose instalment
 * with its fee fits, so the suggestion agrees with the table beside it; when none does (or none is listed), the
 * shortest longer common term whose instalment fits (with interest where the rate is known), to negotiate. Null
 * when nothing can be spared or even 5 years does not fit, where an extension is the request to make.
 */
export function suggestTerm(input: PlanInput): PlanOption | null {
  if (input.surplusFen <= 0) return null;
  const lender = getLender(input.product);
  const table = lender.instalmentFees?.table ?? [];
  const listed = table.map((row) => option(input.debtFen, input.surplusFen, row.months, { feeBp: row.feeBp })).find((o) => o.fits === true);
  if (listed) return listed;
  // A listed term that does not fit with its fee is not suggested again without it.
  const longest = Math.max(0, ...table.map((row) => row.months));
  const priced =
    lender.planPricing === 'daily_interest' && input.dailyRateBp ? { dailyRateBp: input.dailyRateBp } : ({ cost: 'unknown' } as const);
  for (const months of COMMON_TERMS.filter((m) => m > longest)) {
    const o = option(input.debtFen, input.surplusFen, months, priced);
    if (o.fits === true) return o;
  }
  return null;
}
