import { and } from 'xstate';
import { forgetDebt } from '../../src/domain/reminders.js';
import { LIMITS, debtIndex, debtOf, emptyDebt } from '../case.js';
import type { CaseContext } from '../case.js';
import type { FlowEvent } from '../events.js';
import { guard, update } from './define.js';
import { isChoice, markStep, notice, textQuestion, valueOf, yesNoQuestion, type Fragment } from './fragments.js';

/**
 * Several debts: one is worked on at a time (`current`), picked on the checklist; more are added after the
 * first debt's answers or from "My answers", and removed from there after asking once. The budget is not
 * asked again for a new debt: step 1's gate asks only what is missing. With several debts, "My answers" also sets
 * the least a lender is to get each month (the split then gives it at least that).
 */

/** The id a debt button of "My answers" (`debt:<id>`) names, whether or not that debt is still there. */
const shownId = (event: FlowEvent): number | null => {
  const id = /^debt:(0|[1-9][0-9]{0,14})$/.exec(valueOf(event))?.[1];
  return id === undefined ? null : Number(id);
};

/** Where the debt a button names (by id, on the checklist or in "My answers") is in the list now, if it exists. */
const pickedDebt = (context: CaseContext, event: FlowEvent): number | null => {
  const id = event.type === 'DEBT' ? event.id : shownId(event);
  return id === null ? null : debtIndex(context, id);
};

export const guards = {
  isShownDebt: guard(({ context, event }) => pickedDebt(context, event) !== null),
  /** A debt button of "My answers" for a debt removed since. */
  isGoneDebt: guard(({ event }) => shownId(event) !== null),
  canAddDebt: guard(({ context }) => context.debts.length < LIMITS.debts),
  severalDebts: guard(({ context }) => context.debts.length > 1),
};

export const actions = {
  /** A new, empty debt, under the next id, becomes the one the steps work on; its questions are asked next. */
  addDebt: update(({ context }) => ({
    debts: [...context.debts, emptyDebt(context.nextDebtId)],
    nextDebtId: context.nextDebtId + 1,
    current: context.debts.length,
    callDraft: {},
  })),
  /** The debt a button names becomes the one the steps work on. */
  selectDebt: update(({ context, event }) => ({ current: pickedDebt(context, event) ?? context.current, callDraft: {} })),
  /**
   * The last debt is never removed, only replaced by an empty one under a new id: a case always has one debt to
   * work on, and nothing said about the removed one (an old reminder button) can reach its replacement. Its
   * reminders go with it; the other debts keep theirs, which name them by id.
   */
  removeDebt: update(({ context }) => {
    const removed = debtOf(context);
    const debts = context.debts.filter((d) => d !== removed);
    const reminders = context.reminders ? forgetDebt(context.reminders, removed.id) : null;
    const fresh = debts.length === 0;
    return {
      debts: fresh ? [emptyDebt(context.nextDebtId)] : debts,
      nextDebtId: fresh ? context.nextDebtId + 1 : context.nextDebtId,
      current: 0,
      callDraft: {},
      reminders,
    };
  }),
};

/**
 * "Add another debt": with consent (answers are kept), and up to the limit. From within step 1 the step is not
 * entered again, so the new debt's step 1 is marked started here.
 */
export const addDebtButton: Fragment = [
  {
    guard: and([isChoice('addDebt'), 'hasConsent', 'canAddDebt']),
    target: '#case.status.product',
    actions: ['addDebt', markStep('status', 'in_progress')],
  },
  { guard: and([isChoice('addDebt'), 'hasConsent']), actions: notice('debts.full', { max: LIMITS.debts }) },
  { guard: isChoice('addDebt'), actions: notice('debts.needConsent') },
];

/** The checklist's debt buttons, valid from anywhere: the steps then work on that debt. */
export const rootHandlers: Fragment = {
  DEBT: [
    { guard: and(['consentDecided', 'isShownDebt']), target: '.hub', actions: ['selectDebt', 'clearCameFrom'] },
    { guard: 'consentDecided', actions: notice('debts.gone') },
    { actions: notice('start.finishFirst') },
  ],
};

export const states: Fragment = {
  // The least this lender is to get each month; "skip" clears it (back to its share in proportion).
  debtMinimum: textQuestion('minimum', { next: [{ target: 'caseSummary' }], back: [{ target: 'caseSummary' }], skippable: true }),
  confirmRemoveDebt: yesNoQuestion([{ target: 'caseSummary', actions: ['removeDebt', notice('debts.removed')] }], [{ target: 'caseSummary' }]),
};
