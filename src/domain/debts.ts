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
  | { kind: 'estimate'; perDayFen: Fen; upTo: boolean }
  | { kind: 'none'; reason: 'not_overdue' }
  | { kind: 'unknown'; reason: 'missing' | 'needs_rate' | 'no_rule' };

export function dailyCharge(debt: DebtFacts, today: IsoDate): DailyCharge {
  if (debt.product === null || debt.amountFen === null || debt.dueDate === null) return { kind: 'unknown', reason: 'missing' };
  const days = daysOverdue(debt, today) ?? 0;
  if (stageOf(days) === 'not_overdue') return { kind: 'none', reason: 'not_overdue' };
  const est = estimateCharges({ product: debt.product, overdueFen: debt.amountFen, days, contractDailyRateBp: debt.dailyRateBp });
  // A loan's penalty falls only on the instalment that is overdue (FACTS §1.3): on the whole balance it is the most it could be.
  if (est) return { kind: 'estimate', perDayFen: est.perDayFen, upTo: getLender(debt.product).penalty.kind === 'contract_multiple' };
  const rule = getLender(debt.product).penalty;
  return { kind: 'unknown', reason: rule.kind === 'contract_multiple' || rule.kind === 'card_rate' ? 'needs_rate' : 'no_rule' };
}

/**
 * The monthly amount shared between lenders in proportion to what each is owed, exact to the fen: each gets the
 * whole fen of its share, and the fen left over go one each to the largest remainders (ties to the earlier debt),
 * so the shares always add up to the amount.
 */
export function splitProRata(amountFen: Fen, owedFen: readonly Fen[]): Fen[] {
  const n = owedFen.length;
  if (n === 0) return [];
  const total = owedFen.reduce((a, b) => a + b, 0);
  // Nothing owed is known: an equal share each.
  const weights = total > 0 ? owedFen : owedFen.map(() => 1);
  const weightSum = total > 0 ? total : n;
  // BigInt keeps amount × owed exact where it would pass 2^53 (fen amounts up to 10^11 each).
  const exact = weights.map((w) => BigInt(amountFen) * BigInt(w));
  const whole = exact.map((x) => Number(x / BigInt(weightSum)));
  let left = amountFen - whole.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x % BigInt(weightSum) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    whole[i]! += 1;
    left -= 1;
  }
  return whole;
}

/** The monthly amount shared out, and the lenders whose chosen minimum it cannot meet (in debt order). */
export interface Split {
  shares: Fen[];
  unmet: number[];
}

/**
 * The monthly amount shared between lenders when the person chose a minimum for some (a card's minimum payment,
 * an amount a lender already agreed to). A minimum is a floor: a lender whose share in proportion would be less
 * gets its minimum, and the rest is shared in proportion among the others (again, until no share is below its
 * minimum). When the minimums together are more than the amount, they cannot all be met: the smaller ones are met
 * first (as many lenders as possible get theirs; ties to the earlier debt), and what is left is shared in
 * proportion among the others, whose minimums are `unmet` (those lenders are to be asked for an extension or a
 * lower amount). No lender gets more than it is owed (where that is known): one whose share would be more gets its
 * whole debt, paid off, and the rest is shared among the others. The shares add up to the amount, exact to the
 * fen, unless the amount pays off every debt.
 */
export function splitWithMinimums(amountFen: Fen, owedFen: readonly Fen[], minimumsFen: readonly (Fen | null)[]): Split {
  const paidOff = new Set<number>();
  for (;;) {
    const open = owedFen.map((_, i) => i).filter((i) => !paidOff.has(i));
    const left = amountFen - [...paidOff].reduce((a, i) => a + owedFen[i]!, 0);
    const inner = splitWithFloors(left, open.map((i) => owedFen[i]!), open.map((i) => minimumsFen[i] ?? null));
    const over = open.filter((i, k) => owedFen[i]! > 0 && inner.shares[k]! > owedFen[i]!);
    if (over.length === 0) {
      return {
        shares: owedFen.map((owed, i) => (paidOff.has(i) ? owed : inner.shares[open.indexOf(i)]!)),
        unmet: inner.unmet.map((k) => open[k]!),
      };
    }
    for (const i of over) paidOff.add(i);
  }
}

/** The split with minimums as floors, before any share is held to what is owed. */
function splitWithFloors(amountFen: Fen, owedFen: readonly Fen[], minimumsFen: readonly (Fen | null)[]): Split {
  const n = owedFen.length;
  const min = (i: number) => Math.max(0, minimumsFen[i] ?? 0);
  const all = Array.from({ length: n }, (_, i) => i);
  const fixed = new Set<number>();
  const unmet: number[] = [];
  const sumMin = (ids: Iterable<number>) => [...ids].reduce((a, i) => a + min(i), 0);
  if (sumMin(all) <= amountFen) {
    for (;;) {
      const others = all.filter((i) => !fixed.has(i));
      const rest = BigInt(amountFen - sumMin(fixed));
      const owedSum = others.reduce((a, i) => a + BigInt(owedFen[i]!), 0n);
      const weight = (i: number) => (owedSum > 0n ? BigInt(owedFen[i]!) : 1n);
      const weightSum = owedSum > 0n ? owedSum : BigInt(others.length);
      // Below its minimum in exact proportion: rest × weight / weightSum < minimum.
      const below = others.filter((i) => min(i) > 0 && rest * weight(i) < BigInt(min(i)) * weightSum);
      if (below.length === 0) break;
      for (const i of below) fixed.add(i);
    }
  } else {
    let left = amountFen;
    const wanting = all.filter((i) => min(i) > 0).sort((a, b) => min(a) - min(b) || a - b);
    for (const i of wanting) {
      if (min(i) <= left) {
        fixed.add(i);
        left -= min(i);
      } else unmet.push(i);
    }
    unmet.sort((a, b) => a - b);
  }
  const others = all.filter((i) => !fixed.has(i));
  const rest = splitProRata(amountFen - sumMin(fixed), others.map((i) => owedFen[i]!));
  const shares = all.map((i) => (fixed.has(i) ? min(i) : rest[others.indexOf(i)]!));
  return { shares, unmet };
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
