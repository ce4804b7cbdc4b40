import { not } from 'xstate';
import { debtOf, withDebt, type Plan } from '../case.js';
import { forgetPlanProgress, noteApproval, offerReminders } from '../reminders.js';
import { guard, update } from './define.js';
import { finishStep, isChoice, markStep, needConsent, planIs, setPlan, textQuestion, type Fragment } from './fragments.js';

/** Step 3, instalments or an extension: the options from the budget, then submitted → approved (recorded) or refused. */

export const guards = {
  planIs: guard(({ context }, p: { status: Plan['status'] }) => debtOf(context).plan.status === p.status),
  lacksBudget: guard(
    ({ context }) => debtOf(context).amountFen === null || context.facts.incomeFen === null || context.facts.essentialsFen === null,
  ),
};

export const actions = {
  setPlanStatus: update(({ context }, p: { status: Plan['status'] }) => withDebt(context, { plan: { ...debtOf(context).plan, status: p.status } })),
};

export const state: Fragment = {
  initial: 'gate',
  entry: markStep('plan', 'in_progress'),
  states: {
    gate: {
      always: [
        { guard: not('hasConsent'), target: 'needConsent' },
        { guard: planIs('approved'), target: 'approved' },
        { guard: planIs('submitted'), target: 'submitted' },
        { guard: planIs('refused'), target: 'refused' },
        { guard: 'lacksBudget', target: 'needFacts' },
        { target: 'options' },
      ],
    },
    needConsent: needConsent(),
    needFacts: {
      on: {
        CHOOSE: [{ guard: isChoice('status'), target: '#case.status' }, ...finishStep('plan', 'snowball', false)],
      },
    },
    options: {
      on: {
        CHOOSE: [
          { guard: isChoice('submitted'), target: 'submitted', actions: setPlan('submitted') },
          ...finishStep('plan', 'snowball', false),
        ],
      },
    },
    submitted: {
      on: {
        CHOOSE: [
          { guard: isChoice('approved'), target: 'monthly' },
          { guard: isChoice('extended'), target: 'extensionMonths' },
          { guard: isChoice('refused'), target: 'refused', actions: setPlan('refused') },
          { guard: isChoice('back'), target: 'options', actions: setPlan('none') },
          ...finishStep('plan', 'snowball', false),
        ],
      },
    },
    monthly: textQuestion('planMonthly', { next: [{ target: 'months' }], back: [{ target: 'submitted' }] }),
    months: textQuestion('planMonths', { next: [{ target: 'first' }], back: [{ target: 'monthly' }] }),
    first: textQuestion('planFirst', {
      next: [{ target: 'approved' }],
      back: [{ target: 'months' }],
      skippable: true,
    }),
    extensionMonths: textQuestion('extensionMonths', { next: [{ target: 'extensionRestart' }], back: [{ target: 'submitted' }] }),
    extensionRestart: textQuestion('extensionRestart', { next: [{ target: 'approved' }], back: [{ target: 'extensionMonths' }] }),
    approved: {
      entry: [setPlan('approved'), markStep('plan', 'done'), noteApproval, offerReminders],
      on: {
        CHOOSE: [{ guard: isChoice('change'), target: 'monthly', actions: forgetPlanProgress }, ...finishStep('plan', 'snowball')],
      },
    },
    refused: {
      on: {
        CHOOSE: [
          { guard: isChoice('retry'), target: 'options', actions: setPlan('none') },
          { guard: isChoice('contact'), target: '#case.contact' },
          ...finishStep('plan', 'snowball', false),
        ],
      },
    },
  },
};
