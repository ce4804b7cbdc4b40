import { RIGHTS_TOPICS } from '../../src/domain/catalog.js';
import type { FlowEvent } from '../events.js';
import { guard } from './define.js';
import { finishStep, markStep, valueOf, type Fragment } from './fragments.js';

/** Step 7, rights and the legal route: one topic at a time. */

export const guards = {
  isTopic: guard(({ event }) => (RIGHTS_TOPICS as readonly string[]).includes(valueOf(event).replace(/^topic:/, ''))),
};

export const state: Fragment = {
  initial: 'menu',
  entry: markStep('rights', 'in_progress'),
  states: {
    menu: {
      on: {
        CHOOSE: [
          {
            guard: 'isTopic',
            actions: {
              type: 'notice',
              params: ({ event }: { event: FlowEvent }) => ({ key: `rights.topic.${valueOf(event).replace(/^topic:/, '')}` }),
            },
          },
          ...finishStep('rights', 'track'),
        ],
      },
    },
  },
};
