import { and, not } from 'xstate';
import { getLender } from '../../src/domain/lenders.js';
import { DEBT_FACTS, debtOf, namesNoLender, type DebtFacts, type Facts } from '../case.js';
import { description, guard } from './define.js';
import { addDebtButton } from './debts.js';
import { backToOrigin, choiceQuestion, isChoice, markStep, missing, needConsent, notice, setCameFrom, textQuestion, toStep, type Fragment } from './fragments.js';

/** Step 1, the overdue status: the questions in the order they are asked, then the result. */

const isDebtFact = (k: keyof Facts): k is keyof DebtFacts => (DEBT_FACTS as string[]).includes(k);

export const guards = {
  needsBank: guard(({ context }) => debtOf(context).product === 'credit_card'),
  needsLenderName: guard(({ context }) => namesNoLender(debtOf(context))),
  needsRate: guard(({ context }) => {
    const { product } = debtOf(context);
    return product !== null && getLender(product).asksContractRate;
  }),
  missing: guard(({ context }, p: { fact: keyof Facts }) =>
    isDebtFact(p.fact) ? debtOf(context)[p.fact] === null : context.facts[p.fact] === null,
  ),
  /** This debt's answers were all in before: its intake is over, so "another debt?" is not asked again. */
  answeredBefore: guard(({ context }) => debtOf(context).steps.status === 'done'),
};

export const actions = {
  /** The result of step 1 as a message of its own, before the question that follows it. */
  showStatusResult: description(),
};

export const state: Fragment = {
  initial: 'gate',
  entry: markStep('status', 'in_progress'),
  states: {
    // Resume where the user left off: the first unanswered question, or the result when all are in.
    gate: {
      always: [
        { guard: not('hasConsent'), target: 'needConsent' },
        { guard: missing('product'), target: 'product' },
        { guard: and(['needsBank', missing('bank')]), target: 'bank' },
        { guard: missing('amountFen'), target: 'amount' },
        { guard: missing('dueDate'), target: 'overdue' },
        { guard: missing('cause'), target: 'cause' },
        { guard: missing('incomeFen'), target: 'income' },
        { guard: missing('essentialsFen'), target: 'essentials' },
        // Once per debt, when its answers are first all in (and another debt still fits): "any other debt?".
        { guard: and([not('answeredBefore'), 'canAddDebt']), target: 'another' },
        { target: 'result' },
      ],
    },
    needConsent: needConsent(),
    product: choiceQuestion('product', {
      // Guards see the case before this answer is stored, so routing on the answer looks at the button itself.
      next: [{ target: 'bank', guard: isChoice('credit_card') }, { target: 'lenderName', guard: isChoice('other') }, { target: 'amount' }],
      back: [{ target: '#case.hub' }],
    }),
    bank: choiceQuestion('bank', { next: [{ target: 'lenderName', guard: isChoice('other_bank') }, { target: 'amount' }], back: [{ target: 'product' }] }),
    lenderName: textQuestion('lenderName', {
      next: [{ target: 'amount' }],
      back: [{ target: 'bank', guard: 'needsBank' }, { target: 'product' }],
      skippable: true,
    }),
    amount: textQuestion('amount', {
      next: [{ target: 'overdue' }],
      back: [{ target: 'lenderName', guard: 'needsLenderName' }, { target: 'bank', guard: 'needsBank' }, { target: 'product' }],
    }),
    // After a debt's own questions, the gate asks what is still missing: for a debt added later, nothing of the budget.
    overdue: textQuestion('overdue', {
      next: [{ target: 'rate', guard: 'needsRate' }, { target: 'gate' }],
      back: [{ target: 'amount' }],
    }),
    rate: textQuestion('rate', { next: [{ target: 'gate' }], back: [{ target: 'overdue' }], skippable: true }),
    cause: choiceQuestion('cause', {
      // Said in one's own words with a time ("上个月公司裁员"), the cause has answered "since when" too.
      next: [{ target: 'income', guard: not(missing('causeSince')) }, { target: 'since' }],
      back: [{ target: 'rate', guard: 'needsRate' }, { target: 'overdue' }],
    }),
    since: textQuestion('since', { next: [{ target: 'income' }], back: [{ target: 'cause' }], skippable: true }),
    income: textQuestion('income', { next: [{ target: 'essentials' }], back: [{ target: 'since' }] }),
    essentials: textQuestion('essentials', { next: [{ target: 'otherDebts' }], back: [{ target: 'income' }] }),
    otherDebts: textQuestion('otherDebts', {
      next: [{ target: 'gate' }],
      back: [{ target: 'essentials' }],
      skippable: true,
    }),
    // The result, then its own question: one tap on "no, go on" for one debt; "add" asks only the new debt's questions.
    another: {
      entry: [markStep('status', 'done'), 'showStatusResult'],
      on: {
        CHOOSE: [
          ...addDebtButton,
          // With several debts, the checklist shows them in order with what each gets; with one, its call comes next.
          { guard: and([isChoice('next'), 'severalDebts']), target: '#case.hub' },
          { guard: isChoice('next'), ...toStep('status', 'contact') },
          { guard: isChoice('edit'), target: '#case.caseSummary', actions: setCameFrom('status') },
          { guard: isChoice('hub'), target: '#case.hub' },
          ...backToOrigin(),
          { actions: notice('input.notAChoice') },
        ],
      },
    },
    result: {
      entry: markStep('status', 'done'),
      on: {
        CHOOSE: [
          { guard: isChoice('next'), ...toStep('status', 'contact') },
          ...addDebtButton,
          { guard: isChoice('edit'), target: '#case.caseSummary', actions: setCameFrom('status') },
          { guard: isChoice('hub'), target: '#case.hub' },
          ...backToOrigin(),
          { actions: notice('input.notAChoice') },
        ],
      },
    },
  },
};
