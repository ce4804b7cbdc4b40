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

/** Where a month leaves the person: money to spare, exactly nothing over, or short. */
export const standingOf = (b: { surplusFen: Fen; gapFen: Fen }): 'surplus' | 'even' | 'gap' =>
  b.surplusFen > 0 ? 'surplus' : b.gapFen > 0 ? 'gap' : 'even';

/** The amount a budget line names: what can be spared, else what is short (0 when it just balances). */
export const standingAmount = (b: { surplusFen: Fen; gapFen: Fen }): Fen => (b.surplusFen > 0 ? b.surplusFen : b.gapFen);
