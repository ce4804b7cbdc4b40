import { answered, finishStep, isChoice, markStep, type Fragment } from './fragments.js';

/** Step 4, stopping the snowball: one cost cut chosen first. */

export const state: Fragment = {
  initial: 'advice',
  entry: markStep('snowball', 'in_progress'),
  states: {
    advice: {
      on: {
        CHOOSE: [
          ...answered({ type: 'validChoice', params: { q: 'cut' } }, { type: 'storeChoice', params: { q: 'cut' } }, [{ target: 'committed' }]),
          ...finishStep('snowball', 'evidence', false),
        ],
      },
    },
    committed: {
      entry: markStep('snowball', 'done'),
      on: { CHOOSE: [{ guard: isChoice('change'), target: 'advice' }, ...finishStep('snowball', 'evidence')] },
    },
  },
};
