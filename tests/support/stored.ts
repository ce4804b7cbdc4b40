import { CASE_SCHEMA_VERSION, forLender, type CaseContext, type LenderCase } from '../../flows/case.js';
import { fromStored } from '../../flows/persistence.js';

/**
 * A stored case, read back as the bot reads it, and seen for the debt being worked on (its facts beside the
 * budget, its calls and plan): what the tests of one lender's conversation check the stored answers against.
 */
export const asLender = (stored: unknown): { value: unknown; context: LenderCase } => {
  const snapshot = fromStored(CASE_SCHEMA_VERSION, stored);
  if (!snapshot) throw new Error(`the stored case cannot be read: ${JSON.stringify(stored)}`);
  return { value: snapshot.value, context: forLender(snapshot.context) };
};

/** A stored case, read back as the bot reads it: every debt in it. */
export const asCase = (stored: unknown): CaseContext => {
  const snapshot = fromStored(CASE_SCHEMA_VERSION, stored);
  if (!snapshot) throw new Error(`the stored case cannot be read: ${JSON.stringify(stored)}`);
  return snapshot.context;
};
