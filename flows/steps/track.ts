import { offerReminders } from '../reminders.js';
import { finishStep, markStep, type Fragment } from './fragments.js';

/** Step 8, keeping on track: the guide, and the way back to the checklist. */

export const state: Fragment = {
  initial: 'guide',
  entry: markStep('track', 'in_progress'),
  states: {
    guide: { entry: offerReminders, on: { CHOOSE: finishStep('track', null) } },
  },
};
