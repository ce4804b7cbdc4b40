import { and, not } from 'xstate';
import { REQUESTS, type RequestKind } from '../../src/domain/catalog.js';
import { debtOf, withDebt } from '../case.js';
import { guard, update } from './define.js';
import {
  choiceQuestion,
  deliverForLender,
  editButtons,
  finishStep,
  isChoice,
  markStep,
  needConsent,
  notice,
  textQuestion,
  toStep,
  valueOf,
  type Fragment,
} from './fragments.js';

/** Step 6, the hardship statement: review, requests, identity once, the documents; the confirmation and complaint letters. */

export const guards = {
  isRequest: guard(({ event }) => (REQUESTS as readonly string[]).includes(valueOf(event).replace(/^req:/, ''))),
  /** This lender's own requests: another lender's are never assumed. */
  hasRequests: guard(({ context }) => debtOf(context).requests.length > 0),
  identityAsked: guard(({ context }) => context.statement.identityAsked),
  /** This lender's statement was written before, so its account tail was asked for it. */
  statementWritten: guard(({ context }) => debtOf(context).statementWritten),
  /** What the statement cannot be written without: the product, the amount, the date and the cause. */
  statementFactsMissing: guard(({ context }) => {
    const debt = debtOf(context);
    return [debt.product, debt.amountFen, debt.dueDate, context.facts.cause].some((v) => v === null);
  }),
  /** A plan approved and recorded: only then is there an agreement to ask the lender to confirm. */
  planRecorded: guard(({ context }) => {
    const { plan } = debtOf(context);
    return plan.status === 'approved' && plan.months !== null && (plan.kind === 'extension' ? plan.firstDue !== null : plan.monthlyFen !== null);
  }),
};

export const actions = {
  toggleRequest: update(({ context, event }) => {
    const kind = valueOf(event).replace(/^req:/, '') as RequestKind;
    const chosen = debtOf(context).requests;
    const requests = chosen.includes(kind) ? chosen.filter((r) => r !== kind) : REQUESTS.filter((r) => r === kind || chosen.includes(r));
    return withDebt(context, { requests });
  }),
  markIdentityAsked: update(({ context }) => ({ statement: { ...context.statement, identityAsked: true } })),
  /** This lender's statement is written: the checklist counts it for this debt. */
  markStatementWritten: update(({ context }) => withDebt(context, { statementWritten: true })),
};

export const state: Fragment = {
  initial: 'gate',
  entry: markStep('statement', 'in_progress'),
  states: {
    gate: {
      always: [
        { guard: not('hasConsent'), target: 'needConsent' },
        { guard: 'statementFactsMissing', target: 'needFacts' },
        // Asked for again (/statement) once written: regenerate straight from the current case.
        { guard: and(['hasRequests', 'identityAsked']), target: 'ready' },
        { target: 'review' },
      ],
    },
    needConsent: needConsent(),
    needFacts: {
      on: { CHOOSE: [{ guard: isChoice('status'), ...toStep('statement', 'status') }, ...finishStep('statement', null, false)] },
    },
    review: {
      on: {
        CHOOSE: [...editButtons('statement'), { guard: isChoice('requests'), target: 'requests' }, ...finishStep('statement', null, false)],
      },
    },
    requests: {
      on: {
        CHOOSE: [
          { guard: 'isRequest', actions: 'toggleRequest' },
          // Name and phone tail are asked once and kept; the account tail once for each lender.
          { guard: and([isChoice('continue'), 'hasRequests', 'identityAsked', 'statementWritten']), target: 'ready' },
          { guard: and([isChoice('continue'), 'hasRequests', 'identityAsked']), target: 'idTail' },
          { guard: and([isChoice('continue'), 'hasRequests']), target: 'name' },
          { guard: isChoice('continue'), actions: notice('statement.chooseOne') },
          { guard: isChoice('back'), target: 'review' },
          ...finishStep('statement', null, false),
        ],
      },
    },
    name: textQuestion('name', { next: [{ target: 'phoneTail' }], back: [{ target: 'requests' }], skippable: true }),
    phoneTail: textQuestion('phoneTail', { next: [{ target: 'idTail' }], back: [{ target: 'name' }], skippable: true }),
    idTail: textQuestion('idTail', {
      next: [{ target: 'ready' }],
      back: [{ target: 'requests', guard: 'identityAsked' }, { target: 'phoneTail' }],
      skippable: true,
    }),
    ready: {
      entry: [
        { type: 'deliverDocument', params: { kind: 'statement', lang: 'zh-CN' } },
        notice('statement.done.statement'),
        'markIdentityAsked',
        'markStatementWritten',
        markStep('statement', 'done'),
      ],
      on: {
        CHOOSE: [
          {
            guard: isChoice('english'),
            actions: [{ type: 'deliverDocument', params: { kind: 'statement', lang: 'en' } }, notice('statement.done.english')],
          },
          {
            guard: and([isChoice('confirmation'), 'planRecorded']),
            actions: [deliverForLender('confirmation'), notice('statement.done.confirmation')],
          },
          { guard: isChoice('confirmation'), actions: notice('statement.confirmationNeedsPlan') },
          { guard: isChoice('complaint'), target: 'complaintKind' },
          { guard: isChoice('edit'), target: 'review' },
          ...finishStep('statement', 'rights'),
        ],
      },
    },
    complaintKind: choiceQuestion('complaintKind', { next: [{ target: 'complaintWhat' }], back: [{ target: 'ready' }] }),
    complaintWhat: textQuestion('complaintWhat', { next: [{ target: 'complaintWhen' }], back: [{ target: 'complaintKind' }] }),
    complaintWhen: textQuestion('complaintWhen', {
      next: [{ target: 'complaintReady' }],
      back: [{ target: 'complaintWhat' }],
      extra: [{ guard: isChoice('today'), target: 'complaintReady', actions: { type: 'answerToday', params: { q: 'complaintWhen' } } }],
    }),
    complaintReady: {
      entry: deliverForLender('complaint'),
      on: {
        CHOOSE: [
          { guard: isChoice('back'), target: 'ready' },
          { guard: isChoice('again'), target: 'complaintKind' },
          ...finishStep('statement', 'rights'),
        ],
      },
    },
  },
};
