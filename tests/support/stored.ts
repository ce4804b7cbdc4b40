import { forLender, type CaseContext, type LenderCase } from '../../flows/case.js';

/**
 * A stored case as seen for the debt being worked on (its facts beside the budget, its calls and plan): what
 * the tests of one lender's conversation check the stored answers against.
 */
export const asLender = (snapshot: unknown): { value: unknown; context: LenderCase } => {
  const s = snapshot as { value: unknown; context: CaseContext };
  return { value: s.value, context: forLender(s.context) };
};
