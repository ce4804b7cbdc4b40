import { and } from 'xstate';
import { evidenceItemsFor } from '../../src/domain/evidence.js';
import { LIMITS } from '../case.js';
import { guard, update } from './define.js';
import { finishStep, markStep, notice, valueOf, type Fragment } from './fragments.js';

/** Step 5, evidence: a checklist for the cause, ticked by the user (files stay on their phone; only ticks are kept). */

export const guards = {
  isTick: guard(({ event }) => /^tick:\d{1,2}$/.test(valueOf(event))),
};

export const actions = {
  toggleEvidence: update(({ context, event }) => {
    const item = evidenceItemsFor(context.facts.cause)[Number(valueOf(event).slice('tick:'.length))];
    if (item === undefined) return {};
    const ticked = context.evidence.includes(item);
    return {
      evidence: ticked ? context.evidence.filter((i) => i !== item) : [...context.evidence, item].slice(0, LIMITS.evidence),
    };
  }),
};

export const state: Fragment = {
  initial: 'list',
  entry: markStep('evidence', 'in_progress'),
  states: {
    list: {
      on: {
        CHOOSE: [
          { guard: and(['isTick', 'hasConsent']), actions: 'toggleEvidence' },
          { guard: 'isTick', actions: notice('consent.neededForTicks') },
          ...finishStep('evidence', 'statement'),
        ],
      },
    },
  },
};
