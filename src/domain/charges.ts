import type { Fen, ProductId } from './catalog.js';
import { getLender, type PenaltyRule } from './lenders.js';
import { toHalfWidth } from './money.js';

export interface ChargeEstimate {
  perDayFen: Fen;
  per30DaysFen: Fen;
  soFarFen: Fen;
  rule: PenaltyRule;
}

/** Rounds half up to the fen; only ever applied to a final figure, never to an intermediate one. */
const fen = (x: number): Fen => Math.round(x + 1e-9);

/**
 * A simple (non-compounding) daily charge on the overdue amount: a floor where the lender compounds monthly. Each figure is computed from the exact rate and
 * rounded once, so per-day × days may differ from "so far" by a fen. Null when we have no rule, or the rule needs
 * the user's contract rate and they did not give it.
 */
export function estimateCharges(input: {
  product: ProductId;
  overdueFen: Fen;
  days: number;
  contractDailyRateBp?: number | null;
}): ChargeEstimate | null {
  const rule = getLender(input.product).penalty;
  let bpPerDay: number;
  if (rule.kind === 'daily_rate') bpPerDay = rule.bpPerDay;
  else if (rule.kind === 'contract_multiple' && input.contractDailyRateBp) bpPerDay = input.contractDailyRateBp * rule.multiple;
  // A card's interest is at the rate on the user's own bill; the common figure is only said, never computed with.
  else if (rule.kind === 'card_rate' && input.contractDailyRateBp) bpPerDay = input.contractDailyRateBp;
  else return null;
  const perDay = (input.overdueFen * bpPerDay) / 10_000;
  return {
    perDayFen: fen(perDay),
    per30DaysFen: fen(perDay * 30),
    soFarFen: fen(perDay * Math.max(0, input.days)),
    rule,
  };
}

/** A daily rate as written on a loan page: '0.04%', '万分之四', '万4', '0.0004', '日利率0.05%' → basis points (4). */
export function parseDailyRate(text: string): { ok: true; bp: number } | { ok: false } {
  const s = toHalfWidth(text).replace(/\s+/g, '').replace(/^(日利率|日息|日费率|dailyrate|rate)[:：]?/i, '');
  const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let bp: number | null = null;
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(s);
  const wan = /^万分?之?([0-9.]+|[一二两三四五六七八九](?:点[一二三四五六七八九])?)$/.exec(s);
  const frac = /^0\.\d+$/.exec(s);
  if (pct) bp = Number(pct[1]) * 100;
  else if (wan) {
    const v = wan[1] ?? '';
    bp = /^[0-9.]+$/.test(v) ? Number(v) : (CN[v[0] ?? ''] ?? 0) + (v.length === 3 ? (CN[v[2] ?? ''] ?? 0) / 10 : 0);
  } else if (frac) bp = Number(s) * 10_000;
  if (bp === null || !Number.isFinite(bp)) return { ok: false };
  bp = Math.round(bp * 10_000) / 10_000;
  return bp > 0 && bp <= 100 ? { ok: true, bp } : { ok: false };
}
