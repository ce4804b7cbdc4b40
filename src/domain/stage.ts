/** Collection stages by days overdue (FACTS §5: the M1/M2/M3 industry convention, medium confidence). */
export type Stage = 'not_overdue' | 'm1' | 'm2' | 'm3' | 'm3plus';

export function stageOf(days: number): Stage {
  if (days <= 0) return 'not_overdue';
  if (days <= 30) return 'm1';
  if (days <= 60) return 'm2';
  if (days <= 90) return 'm3';
  return 'm3plus';
}
