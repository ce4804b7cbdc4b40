import type { Fen } from './catalog.js';

/** What is left each month after essentials and other repayments; null until income and essentials are known. */
export function budget(input: {
  incomeFen: Fen | null;
  essentialsFen: Fen | null;
  otherDebtsFen: Fen | null;
}): { surplusFen: Fen; gapFen: Fen } | null {
  if (input.incomeFen === null || input.essentialsFen === null) return null;
  const surplusFen = input.incomeFen - input.essentialsFen - (input.otherDebtsFen ?? 0);
  return { surplusFen, gapFen: Math.max(0, -surplusFen) };
}
