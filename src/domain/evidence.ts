import type { Cause } from './catalog.js';

/** Evidence that lenders commonly accept, by cause of hardship (FACTS §7.2, medium confidence). */
export const EVIDENCE_BY_CAUSE: Record<Cause, readonly string[]> = {
  illness: ['diagnosis_certificate', 'hospital_records', 'medical_bills', 'work_leave_certificate'],
  job_loss: ['termination_certificate', 'unemployment_registration', 'payslips'],
  income_drop: ['payslips', 'tax_records'],
  family: ['community_hardship_certificate', 'dependants_proof', 'minimum_living_allowance'],
  business: ['tax_records', 'work_leave_certificate'],
  other: [],
};

/** What helps whatever the cause: the before/after picture of money in and out, and the whole debt picture. */
const COMMON = ['bank_statements', 'credit_report', 'debt_list', 'collection_records'] as const;

export function evidenceItemsFor(cause: Cause | null): string[] {
  return [...new Set([...(cause ? EVIDENCE_BY_CAUSE[cause] : []), ...COMMON])];
}
