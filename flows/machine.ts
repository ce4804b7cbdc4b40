import { and, assign, enqueueActions, not, raise, setup } from 'xstate';
import { REQUESTS, RIGHTS_TOPICS, STEPS, type Lang, type RequestKind, type StepId, type StepStatus } from '../src/domain/catalog.js';
import { contactChannelOf } from '../src/domain/contact-channels.js';
import { evidenceItemsFor } from '../src/domain/evidence.js';
import { getLender } from '../src/domain/lenders.js';
import { buttonWord, optionWord, selfRequest, signalsCrisis, threatTopics, type ButtonWord } from '../src/domain/free-text.js';
import { mentionsPaidAgent } from '../src/domain/scam.js';
import { CallSchema, LIMITS, newCaseContext, type CaseContext, type Facts, type Plan } from './case.js';
import type { FlowEvent } from './events.js';
import { forgetPlanProgress, noteApproval, offerReminders, reminderHandlers, type RemindParams } from './reminders.js';
import {
  CHOICES,
  EDITABLE_FACTS,
  FREE_NOTES,
  IDENTITY_FIELDS,
  SKIP_CLEARS,
  isChoiceOf,
  readProductView,
  readTextAnswer,
  type ChoiceQuestion,
  type TextQuestion,
} from './questions.js';

/**
 * The negotiation as one flat, persisted machine (DESIGN §3, §4): no delays, spawned actors or history states.
 * It decides and never calls anything: actions are descriptions (`notice`, `rememberLanguage`, …) that the
 * engine performs after the new state is committed. Prompts are not actions: the renderer derives the current
 * question from the state value.
 */

/** `alone`: sent as its own message before the question, not folded into it (the crisis reply). */
type Notice = { key: string; vars?: Record<string, string | number>; alone?: boolean };
/**
 * What free text was understood as, for the engine to count (never the text itself): words of despair, a paid
 * agent, a request to the lender, a collector's threat or a lawsuit.
 */
export type CareSignal = 'crisis' | 'paid_agent' | 'self_ask' | 'threat';
/**
 * XState types a state config only inside `createMachine`; the builders below assemble repeated fragments
 * (a question, a step's exits) outside it, so they are untyped here and checked when the machine is created.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fragment = any;
type Target = { target: string; guard?: Guard };
type Guard = Fragment;

/** Where an answer edited from a summary goes back to. */
const RETURNS = [
  { to: 'summary', target: '#case.caseSummary' },
  { to: 'statement', target: '#case.statement.review' },
] as const;

/** Button words read the same wherever typed; "today" only where no date answer takes it first. */
const NAV_WORDS: ButtonWord[] = ['hub', 'back', 'skip', 'next', 'done', 'agree', 'decline'];

const stepRank: Record<StepStatus, number> = { todo: 0, skipped: 1, in_progress: 2, done: 3 };

/** A step only moves forward (todo → in progress → done), except that "skipped" never overwrites progress. */
const advanceStep = (current: StepStatus, next: StepStatus): StepStatus =>
  stepRank[next] > stepRank[current] ? next : current;

const hasData = (c: CaseContext): boolean =>
  Object.values(c.facts).some((v) => v !== null) ||
  c.calls.length > 0 ||
  c.evidence.length > 0 ||
  c.plan.status !== 'none';

const textOf = (e: FlowEvent): string => (e.type === 'TEXT' || e.type === 'EDITED' ? e.text : '');
const valueOf = (e: FlowEvent): string => (e.type === 'CHOOSE' ? e.value : '');

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as FlowEvent,
    input: {} as { lang: Lang },
  },
  guards: {
    hasConsent: ({ context }) => context.consent === 'given',
    consentDecided: ({ context }) => context.consent !== 'pending',
    hasCaseData: ({ context }) => hasData(context),
    returning: ({ context }) => context.returnTo !== null,
    returningTo: ({ context }, p: { to: CaseContext['returnTo'] }) => context.returnTo === p.to,
    needsBank: ({ context }) => context.facts.product === 'credit_card',
    needsRate: ({ context }) =>
      context.facts.product !== null && getLender(context.facts.product).asksContractRate,
    missing: ({ context }, p: { fact: keyof Facts }) => context.facts[p.fact] === null,
    isChoice: ({ event }, p: { value: string }) => valueOf(event) === p.value,
    isStep: ({ event }, p: { step: StepId }) => event.type === 'OPEN' && event.step === p.step,
    validAnswer: ({ event }, p: { q: TextQuestion }) =>
      event.type === 'TEXT' && readTextAnswer(p.q, event.text, event.today).ok,
    validChoice: ({ event }, p: { q: ChoiceQuestion }) => isChoiceOf(p.q, valueOf(event)),
    mentionsAgent: ({ event }) => mentionsPaidAgent(textOf(event)),
    signalsCrisis: ({ event }) => signalsCrisis(textOf(event)),
    asksLender: ({ event }) => selfRequest(textOf(event)) !== null,
    threatens: ({ event }) => threatTopics(textOf(event)).length > 0,
    typed: ({ event }, p: { word: ButtonWord }) => buttonWord(textOf(event)) === p.word,
    typedOption: ({ event }, p: { q: ChoiceQuestion }) => optionWord(p.q, textOf(event)) !== null,
    isProductView: ({ event }) => readProductView(valueOf(event)) !== null,
    isHuman: ({ event }) => /^human(:|$)/.test(valueOf(event)),
    cameFrom: ({ context }, p: { step: StepId }) => context.cameFrom === p.step,
    draftHas: ({ context }, p: { field: 'agentId' | 'outcome' }) => context.callDraft[p.field] !== undefined,
    notReached: ({ context }) => context.callDraft.outcome === 'not_reached',
    planIs: ({ context }, p: { status: Plan['status'] }) => context.plan.status === p.status,
    lacksBudget: ({ context }) =>
      context.facts.amountFen === null || context.facts.incomeFen === null || context.facts.essentialsFen === null,
    isTick: ({ event }) => /^tick:\d{1,2}$/.test(valueOf(event)),
    isRequest: ({ event }) => (REQUESTS as readonly string[]).includes(valueOf(event).replace(/^req:/, '')),
    hasRequests: ({ context }) => context.statement.requests.length > 0,
    identityAsked: ({ context }) => context.statement.identityAsked,
    /** What the statement cannot be written without: the product, the amount, the date and the cause. */
    statementFactsMissing: ({ context }) =>
      [context.facts.product, context.facts.amountFen, context.facts.dueDate, context.facts.cause].some((v) => v === null),
    planRecorded: ({ context }) => context.plan.monthlyFen !== null && context.plan.months !== null,
    isTopic: ({ event }) => (RIGHTS_TOPICS as readonly string[]).includes(valueOf(event).replace(/^topic:/, '')),
  },
  actions: {
    // Descriptions only: the engine performs them (render, prefs, deletion) after the commit.
    notice: (_, _p: Notice) => {},
    showLanguagePicker: () => {},
    rememberLanguage: (_, _p: { lang: Lang }) => {},
    deleteEverything: () => {},
    remind: (_, _p: RemindParams) => {},
    showReminders: () => {},
    showTimeZones: () => {},
    offerReminders: () => {},
    deliverDocument: (_, _p: { kind: 'statement' | 'confirmation' | 'complaint'; lang: Lang }) => {},
    careSignal: (_, _p: { kind: CareSignal }) => {},
    /** The contact screen drawn for a product picked without consent: for this reply only, nothing is kept. */
    viewProduct: (_, _p: { product: Facts['product']; bank: Facts['bank'] }) => {},

    setLang: assign({ lang: ({ context, event }) => (event.type === 'LANG' ? event.lang : context.lang) }),
    setConsent: assign((_, p: { consent: CaseContext['consent'] }) => ({ consent: p.consent })),
    markStep: assign(({ context }, p: { step: StepId; status: StepStatus }) => ({
      steps: { ...context.steps, [p.step]: advanceStep(context.steps[p.step], p.status) },
    })),
    storeText: assign(({ context, event }, p: { q: TextQuestion }) => {
      if (event.type !== 'TEXT') return {};
      const r = readTextAnswer(p.q, event.text, event.today);
      return r.ok ? r.apply(context) : {};
    }),
    storeChoice: assign(({ context, event }, p: { q: ChoiceQuestion }) => {
      const value = valueOf(event);
      if (!isChoiceOf(p.q, value)) return {};
      const patch = CHOICES[p.q].apply(value)(context);
      // A bank only means something for a card, and the contract rate only for the product it was read from.
      if (p.q === 'product' && patch.facts) {
        const facts: Facts = { ...patch.facts };
        if (value !== 'credit_card') facts.bank = null;
        if (value !== context.facts.product) facts.dailyRateBp = null;
        return { facts };
      }
      return patch;
    }),
    clearOnSkip: assign(({ context }, p: { q: TextQuestion }) => SKIP_CLEARS[p.q]?.(context) ?? {}),
    /** The "today" button of a date question: the same as typing today's date. */
    answerToday: assign(({ context, event }, p: { q: TextQuestion }) => {
      const r = readTextAnswer(p.q, event.today, event.today);
      return r.ok ? r.apply(context) : {};
    }),
    startCall: assign({ callDraft: {} }),
    saveCall: assign(({ context }) => {
      const call = CallSchema.safeParse({ agentId: null, promise: null, nextDate: null, ...context.callDraft });
      if (!call.success) return {};
      // The log is capped: the oldest call makes room for the newest.
      return { calls: [...context.calls, call.data].slice(-LIMITS.calls), callDraft: {} };
    }),
    setPlanStatus: assign(({ context }, p: { status: Plan['status'] }) => ({ plan: { ...context.plan, status: p.status } })),
    toggleEvidence: assign(({ context, event }) => {
      const item = evidenceItemsFor(context.facts.cause)[Number(valueOf(event).slice('tick:'.length))];
      if (item === undefined) return {};
      const ticked = context.evidence.includes(item);
      return {
        evidence: ticked ? context.evidence.filter((i) => i !== item) : [...context.evidence, item].slice(0, LIMITS.evidence),
      };
    }),
    setReturnTo: assign((_, p: { to: NonNullable<CaseContext['returnTo']> }) => ({ returnTo: p.to })),
    toggleRequest: assign(({ context, event }) => {
      const kind = valueOf(event).replace(/^req:/, '') as RequestKind;
      const chosen = context.statement.requests;
      const requests = chosen.includes(kind) ? chosen.filter((r) => r !== kind) : REQUESTS.filter((r) => r === kind || chosen.includes(r));
      return { statement: { ...context.statement, requests } };
    }),
    clearReturn: assign({ returnTo: null }),
    setCameFrom: assign((_, p: { step: StepId }) => ({ cameFrom: p.step })),
    clearCameFrom: assign({ cameFrom: null }),
    /** With consent, a product picked on the contact screen is the step-1 answer (a card's bank with it). */
    storeProductView: assign(({ context, event }) => {
      const view = readProductView(valueOf(event));
      if (!view) return {};
      const sameProduct = view.product === context.facts.product;
      return { facts: { ...context.facts, ...view, dailyRateBp: sameProduct ? context.facts.dailyRateBp : null } };
    }),
    markIdentityAsked: assign(({ context }) => ({ statement: { ...context.statement, identityAsked: true } })),
    resetCase: assign(({ context }) => ({
      ...newCaseContext(context.lang),
      consent: context.consent,
    })),
    rememberChecklist: assign({
      checklistMessageId: ({ context, event }) =>
        event.type === 'CHECKLIST_POSTED' ? event.messageId : context.checklistMessageId,
    }),
  },
}).createMachine({
  id: 'case',
  // xstate's pure helpers build a throwaway actor without input: give it a context rather than a caught TypeError.
  context: ({ input }) => newCaseContext(input?.lang ?? 'zh-CN'),
  initial: 'intro',
  on: {
    START: [
      { guard: 'hasCaseData', target: '.confirmRestart' },
      { guard: 'hasConsent', target: '.status', actions: 'clearCameFrom' },
      { guard: 'consentDecided', target: '.hub' },
      { target: '.intro' },
    ],
    LANG: {
      actions: [
        'setLang',
        { type: 'rememberLanguage', params: ({ event }) => ({ lang: event.type === 'LANG' ? event.lang : 'zh-CN' }) },
        { type: 'notice', params: { key: 'language.changed' } },
      ],
    },
    LANGUAGE: { actions: 'showLanguagePicker' },
    HUB: [{ guard: 'consentDecided', target: '.hub', actions: 'clearCameFrom' }, { actions: notice('start.finishFirst') }],
    SUMMARY: [{ guard: 'consentDecided', target: '.caseSummary', actions: 'clearCameFrom' }, { actions: notice('start.finishFirst') }],
    STATEMENT: [{ guard: 'consentDecided', target: '.statement', actions: 'clearCameFrom' }, { actions: notice('start.finishFirst') }],
    OPEN: [
      ...STEPS.map((step) => ({
        guard: and(['consentDecided', { type: 'isStep', params: { step } }]),
        target: `.${step}`,
        actions: 'clearCameFrom' as const,
      })),
      { actions: notice('start.finishFirst') },
    ],
    DELETE: '.confirmDelete',
    HELP: { actions: notice('help.body') },
    PRIVACY: { actions: notice('privacy.body') },
    UNSUPPORTED: { actions: notice('input.unsupported') },
    EDITED: [...understood(true), { actions: notice('input.edited') }],
    TEXT: [...understood(false), ...typedButtons(), { actions: notice('input.notAnAnswer') }],
    CHOOSE: { actions: notice('input.notAChoice') },
    CHECKLIST_POSTED: { actions: 'rememberChecklist' },
    ...reminderHandlers,
  },
  states: {
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
          { guard: isChoice('hub'), target: 'hub' },
          ...backToOrigin(),
          { actions: notice('input.notAChoice') },
        ],
      },
    },
    confirmRestart: {
      on: {
        CHOOSE: [
          { guard: isChoice('yes'), target: 'status', actions: ['resetCase', notice('restart.done')] },
          { guard: isChoice('no'), target: 'hub' },
          { actions: notice('input.notAChoice') },
        ],
      },
    },
    confirmDelete: {
      on: {
        CHOOSE: [
          { guard: isChoice('yes'), target: 'deleted', actions: 'deleteEverything' },
          { guard: and([isChoice('no'), 'consentDecided']), target: 'hub' },
          { guard: isChoice('no'), target: 'intro' },
          { actions: notice('input.notAChoice') },
        ],
      },
    },
    deleted: { type: 'final' },

    status: {
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
            { target: 'result' },
          ],
        },
        needConsent: needConsent(),
        product: choiceQuestion('product', {
          // Guards see the case before this answer is stored, so routing on the answer looks at the button itself.
          next: [{ target: 'bank', guard: isChoice('credit_card') }, { target: 'amount' }],
          back: [{ target: '#case.hub' }],
        }),
        bank: choiceQuestion('bank', { next: [{ target: 'amount' }], back: [{ target: 'product' }] }),
        amount: textQuestion('amount', {
          next: [{ target: 'overdue' }],
          back: [{ target: 'bank', guard: 'needsBank' }, { target: 'product' }],
        }),
        overdue: textQuestion('overdue', {
          next: [{ target: 'rate', guard: 'needsRate' }, { target: 'cause' }],
          back: [{ target: 'amount' }],
        }),
        rate: textQuestion('rate', { next: [{ target: 'cause' }], back: [{ target: 'overdue' }], skippable: true }),
        cause: choiceQuestion('cause', {
          next: [{ target: 'since' }],
          back: [{ target: 'rate', guard: 'needsRate' }, { target: 'overdue' }],
        }),
        since: textQuestion('since', { next: [{ target: 'income' }], back: [{ target: 'cause' }], skippable: true }),
        income: textQuestion('income', { next: [{ target: 'essentials' }], back: [{ target: 'since' }] }),
        essentials: textQuestion('essentials', { next: [{ target: 'otherDebts' }], back: [{ target: 'income' }] }),
        otherDebts: textQuestion('otherDebts', {
          next: [{ target: 'result' }],
          back: [{ target: 'essentials' }],
          skippable: true,
        }),
        result: {
          entry: markStep('status', 'done'),
          on: {
            CHOOSE: [
              { guard: isChoice('next'), ...toStep('status', 'contact') },
              { guard: isChoice('edit'), target: '#case.caseSummary', actions: setCameFrom('status') },
              { guard: isChoice('hub'), target: '#case.hub' },
              ...backToOrigin(),
              { actions: notice('input.notAChoice') },
            ],
          },
        },
      },
    },

    contact: {
      initial: 'script',
      entry: markStep('contact', 'in_progress'),
      states: {
        script: {
          on: {
            CHOOSE: [
              { guard: and([isChoice('log'), 'hasConsent']), target: 'channel', actions: 'startCall' },
              { guard: isChoice('log'), actions: notice('consent.neededForLog') },
              { guard: and(['isProductView', 'hasConsent']), actions: 'storeProductView' },
              { guard: 'isProductView', actions: { type: 'viewProduct', params: ({ event }: { event: FlowEvent }) => readProductView(valueOf(event))! } },
              {
                guard: 'isHuman',
                actions: [
                  { type: 'notice', params: ({ context, event }: { context: CaseContext; event: FlowEvent }) => ({ key: `contact.humanTips.${humanTipsFor(event, context)}` }) },
                  notice('contact.humanTipsRetry'),
                  // A product seen without consent is carried by the button, so the screen keeps showing it.
                  {
                    type: 'viewProduct',
                    params: ({ context, event }: { context: CaseContext; event: FlowEvent }) =>
                      readProductView(`view:${valueOf(event).slice('human:'.length)}`) ?? { product: context.facts.product, bank: context.facts.bank },
                  },
                ],
              },
              ...finishStep('contact', 'plan'),
            ],
          },
        },
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
            CHOOSE: [{ guard: isChoice('again'), target: 'channel', actions: 'startCall' }, ...finishStep('contact', 'plan')],
          },
        },
      },
    },

    plan: {
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
    },

    snowball: {
      initial: 'advice',
      entry: markStep('snowball', 'in_progress'),
      states: {
        advice: {
          on: {
            CHOOSE: [
              ...answered({ type: 'validChoice', params: { q: 'cut' } }, { type: 'storeChoice', params: { q: 'cut' } }, [
                { target: 'committed' },
              ]),
              ...finishStep('snowball', 'evidence', false),
            ],
          },
        },
        committed: {
          entry: markStep('snowball', 'done'),
          on: { CHOOSE: [{ guard: isChoice('change'), target: 'advice' }, ...finishStep('snowball', 'evidence')] },
        },
      },
    },

    evidence: {
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
    },

    statement: {
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
            CHOOSE: [
              ...editButtons('statement'),
              { guard: isChoice('requests'), target: 'requests' },
              ...finishStep('statement', null, false),
            ],
          },
        },
        requests: {
          on: {
            CHOOSE: [
              { guard: 'isRequest', actions: 'toggleRequest' },
              // Name and tails are asked once; after that they are kept and edited from the case summary.
              { guard: and([isChoice('continue'), 'hasRequests', 'identityAsked']), target: 'ready' },
              { guard: and([isChoice('continue'), 'hasRequests']), target: 'name' },
              { guard: isChoice('continue'), actions: notice('statement.chooseOne') },
              { guard: isChoice('back'), target: 'review' },
              ...finishStep('statement', null, false),
            ],
          },
        },
        name: textQuestion('name', { next: [{ target: 'phoneTail' }], back: [{ target: 'requests' }], skippable: true }),
        phoneTail: textQuestion('phoneTail', { next: [{ target: 'idTail' }], back: [{ target: 'name' }], skippable: true }),
        idTail: textQuestion('idTail', { next: [{ target: 'ready' }], back: [{ target: 'phoneTail' }], skippable: true }),
        ready: {
          entry: [
            { type: 'deliverDocument', params: { kind: 'statement', lang: 'zh-CN' } },
            notice('statement.done.statement'),
            'markIdentityAsked',
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
    },

    rights: {
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
    },

    track: {
      initial: 'guide',
      entry: markStep('track', 'in_progress'),
      states: {
        guide: { entry: offerReminders, on: { CHOOSE: finishStep('track', null) } },
      },
    },
  },
});

function notice(key: string) {
  return { type: 'notice' as const, params: { key } };
}
function isChoice(value: string) {
  return { type: 'isChoice' as const, params: { value } };
}
function missing(fact: keyof Facts) {
  return { type: 'missing' as const, params: { fact } };
}
function markStep(step: StepId, status: StepStatus) {
  return { type: 'markStep' as const, params: { step, status } };
}

function returningTo(to: NonNullable<CaseContext['returnTo']>) {
  return { type: 'returningTo' as const, params: { to } };
}

/** "✏️" buttons: open one step-1 question (or a statement field) and come back here after the answer. */
function editButtons(to: NonNullable<CaseContext['returnTo']>): Fragment {
  return [...EDITABLE_FACTS, ...IDENTITY_FIELDS].map((q) => ({
    // The name and tails are kept only with consent to keep details.
    guard: (IDENTITY_FIELDS as readonly string[]).includes(q) ? and([isChoice(`edit:${q}`), 'hasConsent']) : isChoice(`edit:${q}`),
    target: (EDITABLE_FACTS as readonly string[]).includes(q) ? `#case.status.${q}` : `#case.statement.${q}`,
    actions: { type: 'setReturnTo' as const, params: { to } },
  }));
}

/** A document for the lender is written in Chinese; a chat in English also gets an English copy to read. */
function deliverForLender(kind: 'confirmation' | 'complaint'): Fragment {
  return enqueueActions(({ context, enqueue }) => {
    enqueue({ type: 'deliverDocument', params: { kind, lang: 'zh-CN' } });
    if ((context as CaseContext).lang === 'en') enqueue({ type: 'deliverDocument', params: { kind, lang: 'en' } });
  });
}

function planIs(status: Plan['status']) {
  return { type: 'planIs' as const, params: { status } };
}
function setPlan(status: Plan['status']) {
  return { type: 'setPlanStatus' as const, params: { status } };
}

/** After a valid answer: back to the case summary when editing one answer, else the next question that applies. */
function answered(valid: Guard, store: unknown, next: Target[]): Fragment {
  return [
    ...RETURNS.map((r) => ({ guard: and([valid, returningTo(r.to)]), target: r.target, actions: [store, 'clearReturn'] })),
    ...next.map((n) => ({ guard: n.guard ? and([valid, n.guard]) : valid, target: n.target, actions: store })),
  ];
}

interface QuestionOpts {
  next: Target[];
  back: Target[];
  skippable?: boolean;
  /** Buttons of this question beyond back and skip (e.g. "today"). */
  extra?: Array<{ guard: Guard; target: string; actions: unknown }>;
}

function navigation(q: TextQuestion | null, opts: QuestionOpts): Fragment {
  return [
    ...RETURNS.map((r) => ({ guard: and([isChoice('back'), returningTo(r.to)]), target: r.target, actions: 'clearReturn' })),
    ...opts.back.map((b) => ({ guard: b.guard ? and([isChoice('back'), b.guard]) : isChoice('back'), target: b.target })),
    ...(opts.skippable && q ? answered(isChoice('skip'), { type: 'clearOnSkip', params: { q } }, opts.next) : []),
    ...(opts.extra ?? []),
  ];
}

function textQuestion(q: TextQuestion, opts: QuestionOpts): Fragment {
  const ownWords = FREE_NOTES.has(q);
  const answer = answered({ type: 'validAnswer', params: { q } }, { type: 'storeText', params: { q } }, opts.next);
  return {
    on: {
      TEXT: [
        ...understood(ownWords),
        // A typed "跳过" or "上一步" is the button, not a note or an amount (一 reads as a number); only "今天" is
        // an answer first, where a date is asked.
        ...typedButtons(NAV_WORDS),
        ...answer,
        ...typedButtons(['today']),
        {
          actions: {
            type: 'notice',
            params: ({ event }: { event: FlowEvent }) => {
              const r = event.type === 'TEXT' ? readTextAnswer(q, event.text, event.today) : null;
              return { key: `intake.reject.${r && !r.ok ? r.reason : 'money.not_a_number'}` };
            },
          },
        },
      ],
      CHOOSE: [...navigation(q, opts), { actions: notice('input.notAChoice') }],
    },
  } as const;
}

function choiceQuestion(q: ChoiceQuestion, opts: QuestionOpts): Fragment {
  return {
    on: {
      CHOOSE: [
        ...navigation(null, opts),
        ...answered({ type: 'validChoice', params: { q } }, { type: 'storeChoice', params: { q } }, opts.next),
        { actions: notice('input.notAChoice') },
      ],
      TEXT: [
        ...understood(false),
        ...typedButtons(),
        // An option's label typed ("花呗", "失业") is the same as pressing it.
        {
          guard: { type: 'typedOption', params: { q } },
          actions: raise(({ event }: { event: FlowEvent }) => ({ type: 'CHOOSE' as const, value: optionWord(q, textOf(event)) ?? '', today: event.today })),
        },
        { actions: notice('input.useButtons') },
      ],
    },
  } as const;
}

/** The ways out of a step: mark it done (and optionally go on to the next step), or just go back to the checklist. */
function finishStep(step: StepId, nextStep: StepId | null, canFinish = true): Fragment {
  return [
    ...(canFinish ? [{ guard: isChoice('done'), target: '#case.hub', actions: markStep(step, 'done') }] : []),
    ...(canFinish && nextStep
      ? [{ guard: isChoice('next'), target: `#case.${nextStep}`, actions: [markStep(step, 'done'), setCameFrom(step)] }]
      : []),
    ...(!canFinish && nextStep ? [{ guard: isChoice('next'), ...toStep(step, nextStep) }] : []),
    { guard: isChoice('hub'), target: '#case.hub' },
    ...backToOrigin(),
    { actions: notice('input.notAChoice') },
  ];
}

function setCameFrom(step: StepId) {
  return { type: 'setCameFrom' as const, params: { step } };
}
function draftHas(field: 'agentId' | 'outcome') {
  return { type: 'draftHas' as const, params: { field } };
}

/** Into another step, remembering where from, so that step's screen can offer the way back. */
function toStep(from: StepId, to: StepId) {
  return { target: `#case.${to}`, actions: setCameFrom(from) };
}

/** The "← back to step N" button of a screen reached from another step (the renderer shows it). */
function backToOrigin(): Fragment {
  return STEPS.map((step) => ({
    guard: and([isChoice('return'), { type: 'cameFrom', params: { step } }]),
    target: `#case.${step}`,
    actions: 'clearCameFrom',
  }));
}

/** Which "how to reach a person" tips fit: the product on the button, else the one in the case. */
function humanTipsFor(event: FlowEvent, context: CaseContext): string {
  const product = readProductView(`view:${valueOf(event).slice('human:'.length)}`)?.product ?? context.facts.product;
  return product === null ? 'other' : contactChannelOf(product);
}

/**
 * Free text read before it is taken as an answer or bounced (free-text.ts, scam.ts). Despair always comes
 * first and is answered on its own; in the user's own words (a note, a complaint) nothing else is read out.
 */
function understood(ownWords: boolean): Fragment {
  type Args = { event: FlowEvent };
  return [
    { guard: 'signalsCrisis', actions: [careSignal('crisis'), { type: 'notice', params: { key: 'care.crisis', alone: true } }] },
    ...(ownWords
      ? []
      : [
          { guard: 'mentionsAgent', actions: [careSignal('paid_agent'), notice('scam.warning')] },
          {
            guard: 'asksLender',
            actions: [careSignal('self_ask'), { type: 'notice', params: ({ event }: Args) => ({ key: `care.selfAsk.${selfRequest(textOf(event))}` }) }],
          },
          {
            guard: 'threatens',
            actions: [
              careSignal('threat'),
              { type: 'notice', params: ({ event }: Args) => ({ key: `care.threat.${threatTopics(textOf(event))[0]}` }) },
              { type: 'notice', params: ({ event }: Args) => ({ key: `rights.topic.${threatTopics(textOf(event))[0]}` }) },
            ],
          },
        ]),
  ];
}

/** A button's label typed instead of pressed: the same event as the press ("清单" opens the checklist). */
function typedButtons(words: ButtonWord[] = [...NAV_WORDS, 'today']): Fragment {
  return [
    ...(words.includes('hub')
      ? [{ guard: typed('hub'), actions: raise(({ event }: { event: FlowEvent }) => ({ type: 'HUB' as const, today: event.today })) }]
      : []),
    ...words.filter((w) => w !== 'hub').map((word) => ({
      guard: typed(word),
      actions: raise(({ event }: { event: FlowEvent }) => ({ type: 'CHOOSE' as const, value: word, today: event.today })),
    })),
  ];
}

function typed(word: ButtonWord) {
  return { type: 'typed' as const, params: { word } };
}
function careSignal(kind: CareSignal) {
  return { type: 'careSignal' as const, params: { kind } };
}

/** A step that needs the user's permission to keep their details, asked in place. */
function needConsent(): Fragment {
  return {
    on: {
      CHOOSE: [
        {
          guard: isChoice('agree'),
          target: 'gate',
          actions: [{ type: 'setConsent', params: { consent: 'given' } }, notice('consent.thanks')],
        },
        { guard: isChoice('hub'), target: '#case.hub' },
        ...backToOrigin(),
        { actions: notice('input.notAChoice') },
      ],
    },
  } as const;
}

export type CaseMachine = typeof caseMachine;
