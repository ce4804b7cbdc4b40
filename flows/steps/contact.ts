import { and, not } from 'xstate';
import { contactChannelOf } from '../../src/domain/contact-channels.js';
import { CallSchema, LIMITS, debtOf, withDebt, type CaseContext, type DebtFacts } from '../case.js';
import type { FlowEvent } from '../events.js';
import { readProductView } from '../questions.js';
import { offerReminders } from '../reminders.js';
import { description, guard, update } from './define.js';
import * as rehearsal from './rehearsal.js';
import { choiceQuestion, finishStep, isChoice, markStep, notice, textQuestion, valueOf, type Args, type Fragment } from './fragments.js';

/** Step 2, contacting the lender: the script and the way to a person, then the call log. */

export const guards = {
  isProductView: guard(({ event }) => readProductView(valueOf(event)) !== null),
  isHuman: guard(({ event }) => /^human(:|$)/.test(valueOf(event))),
  draftHas: guard(({ context }, p: { field: 'agentId' | 'outcome' }) => context.callDraft[p.field] !== undefined),
  notReached: guard(({ context }) => context.callDraft.outcome === 'not_reached'),
};

export const actions = {
  /** The contact screen drawn for a product picked without consent: for this reply only, nothing is kept. */
  viewProduct: description<{ product: DebtFacts['product']; bank: DebtFacts['bank'] }>(),
  startCall: update(() => ({ callDraft: {} })),
  saveCall: update(({ context }) => {
    const call = CallSchema.safeParse({ agentId: null, promise: null, nextDate: null, ...context.callDraft });
    if (!call.success) return {};
    // The log is capped: the oldest call makes room for the newest.
    return { ...withDebt(context, { calls: [...debtOf(context).calls, call.data].slice(-LIMITS.calls) }), callDraft: {} };
  }),
  /** With consent, a product picked on the contact screen is the step-1 answer (a card's bank with it). */
  storeProductView: update(({ context, event }) => {
    const view = readProductView(valueOf(event));
    if (!view) return {};
    const debt = debtOf(context);
    return withDebt(context, { ...view, dailyRateBp: view.product === debt.product ? debt.dailyRateBp : null });
  }),
};

/** Which "how to reach a person" tips fit: the product on the button, else the one in the case. */
function humanTipsFor(event: FlowEvent, context: CaseContext): string {
  const product = readProductView(`view:${valueOf(event).slice('human:'.length)}`)?.product ?? debtOf(context).product;
  return product === null ? 'other' : contactChannelOf(product);
}


export const state: Fragment = {
  initial: 'script',
  entry: markStep('contact', 'in_progress'),
  states: {
    script: {
      on: {
        CHOOSE: [
          { guard: and([isChoice('log'), 'hasConsent']), target: 'channel', actions: 'startCall' },
          { guard: isChoice('log'), actions: notice('consent.neededForLog') },
          { guard: and(['isProductView', 'hasConsent']), actions: 'storeProductView' },
          { guard: 'isProductView', actions: { type: 'viewProduct', params: ({ event }: Args) => readProductView(valueOf(event))! } },
          {
            guard: 'isHuman',
            actions: [
              { type: 'notice', params: ({ context, event }: Args) => ({ key: `contact.humanTips.${humanTipsFor(event, context)}` }) },
              notice('contact.humanTipsRetry'),
              // A product seen without consent is carried by the button, so the screen keeps showing it.
              {
                type: 'viewProduct',
                params: ({ context, event }: Args) =>
                  readProductView(`view:${valueOf(event).slice('human:'.length)}`) ?? { product: debtOf(context).product, bank: debtOf(context).bank },
              },
            ],
          },
          ...rehearsal.entries,
          ...finishStep('contact', 'plan'),
        ],
      },
    },
    ...rehearsal.states,
    channel: choiceQuestion('channel', { next: [{ target: 'date' }], back: [{ target: 'script' }] }),
    date: textQuestion('callDate', {
      next: [{ target: 'outcome' }],
      back: [{ target: 'channel' }],
      extra: [{ guard: isChoice('today'), target: 'outcome', actions: { type: 'answerToday', params: { q: 'callDate' } } }],
    }),
    // The outcome first: nobody reached means no agent to name and no promise to note.
    outcome: choiceQuestion('outcome', {
      next: [
        { target: 'next', guard: isChoice('not_reached') },
        // A call logged before this order had its agent ID already.
        { target: 'promise', guard: draftHas('agentId') },
        { target: 'agent' },
      ],
      back: [{ target: 'date' }],
    }),
    agent: textQuestion('callAgent', {
      // A call logged before the outcome came first may still lack it.
      next: [{ target: 'outcome', guard: not(draftHas('outcome')) }, { target: 'promise' }],
      back: [{ target: 'outcome' }],
      skippable: true,
    }),
    promise: textQuestion('callPromise', { next: [{ target: 'next' }], back: [{ target: 'agent' }], skippable: true }),
    next: textQuestion('callNext', {
      next: [{ target: 'logged' }],
      back: [{ target: 'outcome', guard: 'notReached' }, { target: 'promise' }],
      skippable: true,
    }),
    logged: {
      entry: ['saveCall', offerReminders],
      on: {
        CHOOSE: [{ guard: isChoice('again'), target: 'channel', actions: 'startCall' }, ...rehearsal.entries, ...finishStep('contact', 'plan')],
      },
    },
  },
};

function draftHas(field: 'agentId' | 'outcome') {
  return { type: 'draftHas' as const, params: { field } };
}
