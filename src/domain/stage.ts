import type { IsoDate } from './catalog.js';

/** Collection stages by days overdue (FACTS §5: the M1/M2/M3 industry convention, medium confidence). */
export type Stage = 'not_overdue' | 'm1' | 'm2' | 'm3' | 'm3plus';

export function stageOf(days: number): Stage {
  if (days <= 0) return 'not_overdue';
  if (days <= 30) return 'm1';
  if (days <= 60) return 'm2';
  if (days <= 90) return 'm3';
  return 'm3plus';
}

/** FACTS §5: PBoC one-time credit repair (announced 2025-12-22): repay in full by 2026-03-31 (high confidence). */
export const CREDIT_REPAIR_DEADLINE = { date: '2026-03-31', source: 'FACTS §5 (人民日报/中评社 2025-12-22)', asOf: '2026-11-01' } as const;

export const creditRepairWindowOpen = (today: IsoDate): boolean => today <= CREDIT_REPAIR_DEADLINE.date;
