import { and } from 'xstate';
import { addDebtButton } from './debts.js';
import { backToOrigin, deliverForLender, editButtons, isChoice, notice, yesNoQuestion, type Fragment } from './fragments.js';

/** Step 0 and the screens around the steps: the introduction, consent, the checklist, the case summary, confirmations. */
export const states: Fragment = {
  intro: {
    on: {
      START: {},
      // "next" is the typed form of the "start" button (see typedButtons).
      CHOOSE: [
        { guard: isChoice('continue'), target: 'consent' },
        { guard: isChoice('next'), target: 'consent' },
        { actions: notice('input.notAChoice') },
      ],
    },
  },
  consent: {
    on: {
      START: {},
      CHOOSE: [
        {
          guard: isChoice('agree'),
          target: 'status',
          actions: [{ type: 'setConsent', params: { consent: 'given' } }, notice('consent.thanks')],
        },
        {
          guard: isChoice('decline'),
          target: 'hub',
          actions: [{ type: 'setConsent', params: { consent: 'declined' } }, notice('consent.declined')],
        },
        { guard: isChoice('privacy'), actions: notice('privacy.body') },
        { actions: notice('input.notAChoice') },
      ],
    },
  },
  // Whatever led here, the next step is opened from the checklist: no way back to offer.
  hub: { entry: 'clearCameFrom' },
  caseSummary: {
    on: {
      CHOOSE: [
        ...editButtons('summary'),
        ...addDebtButton,
        // Which debt "My answers" shows (and edits) is the one picked.
        { guard: 'isShownDebt', actions: 'selectDebt' },
        // One removed since (a button on an older message) is answered, and nothing changes.
        { guard: 'isGoneDebt', actions: notice('debts.gone') },
        { guard: and([isChoice('removeDebt'), 'hasConsent']), target: 'confirmRemoveDebt' },
        { guard: and([isChoice('minimum'), 'hasConsent', 'severalDebts']), target: 'debtMinimum' },
        // One page of every debt, the split and what was agreed, for the person's records and a legal-aid adviser.
        { guard: and([isChoice('letter'), 'hasConsent']), actions: [deliverForLender('summary'), notice('debts.letterDone')] },
        { guard: isChoice('hub'), target: 'hub' },
        ...backToOrigin(),
        { actions: notice('input.notAChoice') },
      ],
    },
  },
  confirmRestart: yesNoQuestion([{ target: 'status', actions: ['resetCase', notice('restart.done')] }], [{ target: 'hub' }]),
  confirmDelete: yesNoQuestion([{ target: 'deleted', actions: 'deleteEverything' }], [{ target: 'hub', guard: 'consentDecided' }, { target: 'intro' }]),
  deleted: { type: 'final' },
};
