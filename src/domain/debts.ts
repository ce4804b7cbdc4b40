import type { Fen, IsoDate, ProductId } from './catalog.js';
import { estimateCharges } from './charges.js';
import { daysBetween } from './dates.js';
import { getLender } from './lenders.js';
import { stageOf, type Stage } from './stage.js';

/**
 * What each debt costs a day and where it stands, and how a monthly amount is shared between lenders. Pure:
 * `today` is passed in.
 */

/** What is known about one debt (the case's debt facts). */
export interface DebtFacts {
  product: ProductId | null;
  amountFen: Fen | null;
  dueDate: IsoDate | null;
  dailyRateBp: number | null;
}

/** Days overdue as of today, from the stored due date; null while the date is unknown. */
export const daysOverdue = (debt: Pick<DebtFacts, 'dueDate'>, today: IsoDate): number | null =>
  debt.dueDate === null ? null : Math.max(0, daysBetween(debt.dueDate, today));

export const stageOfDebt = (debt: Pick<DebtFacts, 'dueDate'>, today: IsoDate): Stage | null => {
  const days = daysOverdue(debt, today);
  return days === null ? null : stageOf(days);
};

/**
 * The estimated charge a day under the lender's rule (FACTS §1, §2, §3), or why there is none: the debt is not
 * overdue, its amount or product is not known, the rule needs the person's own rate, or no rule is sourced.
 */
export type DailyCharge =
  | { kind: 'estimate'; perDayFen: Fen }
  | { kind: 'none'; reason: 'not_overdue' }
  | { kind: 'unknown'; reason: 'missing' | 'needs_rate' | 'no_rule' };

export function dailyCharge(debt: DebtFacts, today: IsoDate): DailyCharge {
  if (debt.product === null || debt.amountFen === null || debt.dueDate === null) return { kind: 'unknown', reason: 'missing' };
  const days = daysOverdue(debt, today) ?? 0;
  if (stageOf(days) === 'not_overdue') return { kind: 'none', reason: 'not_overdue' };
  const est = estimateCharges({ product: debt.product, overdueFen: debt.amountFen, days, contractDailyRateBp: debt.dailyRateBp });
  if (est) return { kind: 'estimate', perDayFen: est.perDayFen };
  const rule = getLender(debt.product).penalty;
  return { kind: 'unknown', reason: rule.kind === 'contract_multiple' || rule.kind === 'card_rate' ? 'needs_rate' : 'no_rule' };
}

/**
 * The monthly amount shared between lenders in proportion to what each is owed, exact to the fen: each gets the
 * whole fen of its share, and the fen left over go one each to the largest remainders (ties to the earlier debt),
 * so the shares always add up to the amount. With `minimumFen`, every lender first gets that minimum (when the
 * amount covers it for all), and the rest is shared in proportion.
 */
export function splitProRata(amountFen: Fen, owedFen: readonly Fen[], minimumFen: Fen = 0): Fen[] {
  const n = owedFen.length;
  if (n === 0) return [];
  const floor = minimumFen > 0 && minimumFen * n <= amountFen ? minimumFen : 0;
  const rest = amountFen - floor * n;
  const total = owedFen.reduce((a, b) => a + b, 0);
  // Nothing owed is known: an equal share each.
  const weights = total > 0 ? owedFen : owedFen.map(() => 1);
  const weightSum = total > 0 ? total : n;
  // BigInt keeps rest × owed exact where it would pass 2^53 (fen amounts up to 10^11 each).
  const exact = weights.map((w) => BigInt(rest) * BigInt(w));
  const whole = exact.map((x) => Number(x / BigInt(weightSum)));
  let left = rest - whole.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x % BigInt(weightSum) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    whole[i]! += 1;
    left -= 1;
  }
  return whole.map((w) => w + floor);
}

/**
 * Why a debt has its place in the order: about three months overdue or more, the risk of a lawsuit rises
 * clearly (FACTS §5), and for a card that is also where the malicious-overdraft rule starts to look (FACTS §10);
 * then the highest charge a day (FACTS §1.3, §8.2, §10); then a small debt the monthly amount closes within
 * three months; then the rest, largest first.
 */
export type PriorityReason = 'legal_risk' | 'daily_cost' | 'quick_close' | 'rest';

const QUICK_CLOSE_MONTHS = 3;

export function priorityOrder(
  debts: readonly (DebtFacts & { bank?: unknown })[],
  today: IsoDate,
  monthlyFen: Fen,
): Array<{ index: number; reason: PriorityReason }> {
  const rows = debts.map((d, index) => {
    const stage = stageOfDebt(d, today);
    const charge = dailyCharge(d, today);
    const longOverdue = stage === 'm3plus' || (d.product === 'credit_card' && stage === 'm3');
    const perDay = charge.kind === 'estimate' ? charge.perDayFen : 0;
    const quick = d.amountFen !== null && monthlyFen > 0 && d.amountFen <= monthlyFen * QUICK_CLOSE_MONTHS;
    const reason: PriorityReason = longOverdue ? 'legal_risk' : perDay > 0 ? 'daily_cost' : quick ? 'quick_close' : 'rest';
    return { index, reason, perDay, days: daysOverdue(d, today) ?? 0, amount: d.amountFen ?? 0 };
  });
  const rank: Record<PriorityReason, number> = { legal_risk: 0, daily_cost: 1, quick_close: 2, rest: 3 };
  return rows
    .sort(
      (a, b) =>
        rank[a.reason] - rank[b.reason] ||
        (a.reason === 'legal_risk' ? b.days - a.days : 0) ||
        (a.reason === 'daily_cost' ? b.perDay - a.perDay : 0) ||
        (a.reason === 'quick_close' ? a.amount - b.amount : b.amount - a.amount) ||
        a.index - b.index,
    )
    .map(({ index, reason }) => ({ index, reason }));
}
