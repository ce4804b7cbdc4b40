import { and, enqueueActions, raise } from 'xstate';
import { STEPS, type StepId, type StepStatus } from '../../src/domain/catalog.js';
import { optionWord, selfRequest, threatTopics, type ButtonWord } from '../../src/domain/free-text.js';
import { normalise } from '../../src/domain/understanding/normalise.js';
import type { CaseContext, Facts, Plan } from '../case.js';
import type { FlowEvent } from '../events.js';
import { EDITABLE_FACTS, FREE_NOTES, IDENTITY_FIELDS, readTextAnswer, type ChoiceQuestion, type TextQuestion } from '../questions.js';

/**
 * The builders every step is written with: a question, a step's exits, the free-text net. They return plain
 * config fragments; XState types a state config only inside `createMachine`, so fragments are untyped here and
 * checked when the machine is created (flows/machine.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fragment = any;
export type Target = { target: string; guard?: Guard };
export type Guard = Fragment;
/** What a guard or an action of a step reads. */
export type Args = { context: CaseContext; event: FlowEvent };

/** `alone`: sent as its own message before the question, not folded into it (the crisis reply). */
export type Notice = { key: string; vars?: Record<string, string | number>; alone?: boolean; also?: CaseContext['lang'] };
/**
 * What free text was understood as, for the engine to count (never the text itself): words of despair, a paid
 * agent, a request to the lender, a collector's threat or a lawsuit.
 */
export type CareSignal = 'crisis' | 'paid_agent' | 'self_ask' | 'threat';

/** Where an answer edited from a summary goes back to. */
const RETURNS = [
  { to: 'summary', target: '#case.caseSummary' },
  { to: 'statement', target: '#case.statement.review' },
] as const;

/** Button words read the same wherever typed; "today" only where no date answer takes it first. */
const NAV_WORDS: ButtonWord[] = ['hub', 'back', 'skip', 'next', 'done', 'agree', 'decline'];

export const textOf = (e: FlowEvent): string => (e.type === 'TEXT' || e.type === 'EDITED' ? e.text : '');
export const valueOf = (e: FlowEvent): string => (e.type === 'CHOOSE' ? e.value : '');

export function notice(key: string, vars?: Record<string, string | number>) {
  return { type: 'notice' as const, params: vars ? { key, vars } : { key } };
}
export function isChoice(value: string) {
  return { type: 'isChoice' as const, params: { value } };
}
export function missing(fact: keyof Facts) {
  return { type: 'missing' as const, params: { fact } };
}
export function markStep(step: StepId, status: StepStatus) {
  return { type: 'markStep' as const, params: { step, status } };
}
export function planIs(status: Plan['status']) {
  return { type: 'planIs' as const, params: { status } };
}
export function setPlan(status: Plan['status']) {
  return { type: 'setPlanStatus' as const, params: { status } };
}
export function setCameFrom(step: StepId) {
  return { type: 'setCameFrom' as const, params: { step } };
}
function returningTo(to: NonNullable<CaseContext['returnTo']>) {
  return { type: 'returningTo' as const, params: { to } };
}
function careSignal(kind: CareSignal) {
  return { type: 'careSignal' as const, params: { kind } };
}

/** "✏️" buttons: open one step-1 question (or a statement field) and come back here after the answer. */
export function editButtons(to: NonNullable<CaseContext['returnTo']>): Fragment {
  // The lender's own name is edited where it is shown (the statement review), for a lender the list cannot name.
  return [...EDITABLE_FACTS, 'lenderName', ...IDENTITY_FIELDS].map((q) => ({
    // The name and tails are kept only with consent to keep details.
    guard: (IDENTITY_FIELDS as readonly string[]).includes(q) ? and([isChoice(`edit:${q}`), 'hasConsent']) : isChoice(`edit:${q}`),
    target: (IDENTITY_FIELDS as readonly string[]).includes(q) ? `#case.statement.${q}` : `#case.status.${q}`,
    actions: { type: 'setReturnTo' as const, params: { to } },
  }));
}

type LenderDocument = 'confirmation' | 'complaint' | 'summary';

/** A document for the lender (or an adviser) is written in Chinese; a chat in English also gets an English copy to read. */
export const documentDeliveries = (kind: LenderDocument, lang: CaseContext['lang']) => [
  { type: 'deliverDocument' as const, params: { kind, lang: 'zh-CN' as const } },
  ...(lang === 'en' ? [{ type: 'deliverDocument' as const, params: { kind, lang: 'en' as const } }] : []),
];

export function deliverForLender(kind: LenderDocument): Fragment {
  return enqueueActions(({ context, enqueue }) => {
    for (const action of documentDeliveries(kind, (context as CaseContext).lang)) enqueue(action);
  });
}

/** After a valid answer: back to the case summary when editing one answer, else the next question that applies. */
export function answered(valid: Guard, store: unknown, next: Target[]): Fragment {
  return [
    ...RETURNS.map((r) => ({ guard: and([valid, returningTo(r.to)]), target: r.target, actions: [store, 'clearReturn'] })),
    ...next.map((n) => ({ guard: n.guard ? and([valid, n.guard]) : valid, target: n.target, actions: store })),
  ];
}

export interface QuestionOpts {
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

/**
 * A question answered yes or no (restart, delete, remove a debt): each answer's transitions, guarded by that answer
 * and their own guard if any; anything else is not one of its answers.
 */
export function yesNoQuestion(yes: Array<Target & { actions?: unknown }>, no: Array<Target & { actions?: unknown }>): Fragment {
  const when = (value: string) => (t: Target & { actions?: unknown }) => ({ ...t, guard: t.guard ? and([isChoice(value), t.guard]) : isChoice(value) });
  return { on: { CHOOSE: [...yes.map(when('yes')), ...no.map(when('no')), { actions: notice('input.notAChoice') }] } };
}

/** Why an answer was not taken, as the notice that asks again. */
const rejection = (q: TextQuestion) => ({ context, event }: Args) => {
  const r = event.type === 'TEXT' ? readTextAnswer(q, event.text, event.today, context) : null;
  return { key: `intake.reject.${r && !r.ok ? r.reason : 'money.not_a_number'}` };
};

export function textQuestion(q: TextQuestion, opts: QuestionOpts): Fragment {
  const ownWords = FREE_NOTES.has(q);
  const answer = answered({ type: 'validAnswer', params: { q } }, { type: 'storeText', params: { q } }, opts.next);
  const confirmed = answered({ type: 'confirmsPending', params: { q } }, { type: 'storePending', params: { q } }, opts.next);
  return {
    on: {
      TEXT: [
        ...urgent(ownWords),
        // "是" to an amount asked back keeps the first amount offered.
        ...confirmed,
        // A typed "跳过" or "上一步" is the button, not a note or an amount (一 reads as a number); only "今天" is
        // an answer first, where a date is asked.
        ...typedButtons(NAV_WORDS),
        ...answer,
        // A threat is answered first ("半夜十二点还在打电话" names a time, not an amount); then a number of another kind
        // ("延期三个月" where an amount is asked) is named back before the words are read as a request.
        ...(ownWords ? [] : [threatened]),
        // A line that leans towards despair, where nothing else is read in it, before any number in it is named back.
        ...unreadCare(),
        { guard: { type: 'otherKind', params: { q } }, actions: { type: 'notice', params: rejection(q) } },
        ...(ownWords ? [] : [asksLenderItself]),
        ...typedButtons(['today']),
        // An amount read clearly but hard to believe is asked back, with what was likely meant, before it is kept.
        { guard: { type: 'doubtfulAnswer', params: { q } }, actions: { type: 'askBack', params: { q } } },
        ...typedButtons(NAV_WORDS, 'meant'),
        { actions: { type: 'notice', params: rejection(q) } },
      ],
      CHOOSE: [...confirmed, ...navigation(q, opts), { actions: notice('input.notAChoice') }],
    },
  } as const;
}

export function choiceQuestion(q: ChoiceQuestion, opts: QuestionOpts): Fragment {
  return {
    on: {
      CHOOSE: [
        ...navigation(null, opts),
        ...answered({ type: 'validChoice', params: { q } }, { type: 'storeChoice', params: { q } }, opts.next),
        { actions: notice('input.notAChoice') },
      ],
      TEXT: [
        ...urgent(false),
        ...typedButtons(),
        // An option's label typed ("花呗", "失业"), or the cause said in one's own words ("上个月公司裁员了"), is the
        // same as pressing it; a cause's words may also say since when.
        {
          guard: { type: 'typedOption', params: { q } },
          actions: [
            ...(q === 'cause' ? ['storeCauseWords' as const] : []),
            raise(({ event }: { event: FlowEvent }) => ({ type: 'CHOOSE' as const, value: optionWord(q, textOf(event)) ?? '', today: event.today })),
          ],
        },
        ...helpful(),
        ...typedButtons(undefined, 'meant'),
        ...unreadCare(),
        { actions: notice('input.useButtons') },
      ],
    },
  } as const;
}

/** The ways out of a step: mark it done (and optionally go on to the next step), or just go back to the checklist. */
export function finishStep(step: StepId, nextStep: StepId | null, canFinish = true): Fragment {
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

/** Into another step, remembering where from, so that step's screen can offer the way back. */
export function toStep(from: StepId, to: StepId) {
  return { target: `#case.${to}`, actions: setCameFrom(from) };
}

/** The "← back to step N" button of a screen reached from another step (the renderer shows it). */
export function backToOrigin(): Fragment {
  return STEPS.map((step) => ({
    guard: and([isChoice('return'), { type: 'cameFrom', params: { step } }]),
    target: `#case.${step}`,
    actions: 'clearCameFrom',
  }));
}

/** Whether the reply to words of despair should also be given in the other language: the one the text was written in. */
const otherLanguage = ({ context, event }: Args): { also?: CaseContext['lang'] } => {
  const script = normalise(textOf(event)).script;
  if (script === 'en' && context.lang === 'zh-CN') return { also: 'en' };
  if (script === 'zh' && context.lang === 'en') return { also: 'zh-CN' };
  return {};
};

/**
 * Free text read before anything else: despair always comes first and is answered on its own (with a gentle
 * "are you safe?" where the words may be about money or about living), in the language it was written in too;
 * then a paid agent's offer. In the user's own words (a note, a complaint) nothing but despair is read out.
 */
export function urgent(ownWords: boolean): Fragment {
  return [
    careFor('signalsCrisis', 'care.crisis'),
    careFor('mayBeCrisis', 'care.checkSafe'),
    ...(ownWords ? [] : [{ guard: 'mentionsAgent', actions: [careSignal('paid_agent'), notice('scam.warning')] }]),
  ];
}

/** Words of despair answered on their own, in the language they were written in too. */
function careFor(guard: 'signalsCrisis' | 'mayBeCrisis' | 'leansToDespair', key: 'care.crisis' | 'care.checkSafe') {
  return { guard, actions: [careSignal('crisis'), { type: 'notice' as const, params: (a: Args) => ({ key, alone: true, ...otherLanguage(a) }) }] };
}

/**
 * Read where the bot would otherwise say it did not understand: a line nothing else was read in that still leans
 * towards despair is asked gently whether the person is safe (`unreadDespair`).
 */
export function unreadCare(): Fragment {
  return [careFor('leansToDespair', 'care.checkSafe')];
}

/** Something the person can ask the lender themselves (停息挂账, 分期, a dispute, free legal help): how to, free. */
const asksLenderItself = {
  guard: 'asksLender',
  actions: [careSignal('self_ask'), { type: 'notice', params: ({ event }: Args) => ({ key: `care.selfAsk.${selfRequest(textOf(event))}` }) }],
};

/** A collector's threat, a lawsuit or a complaint: the rights topic that answers it. */
const threatened = {
  guard: 'threatens',
  actions: [
    careSignal('threat'),
    { type: 'notice', params: ({ event }: Args) => ({ key: `care.threat.${threatTopics(textOf(event))[0]}` }) },
    { type: 'notice', params: ({ event }: Args) => ({ key: `rights.topic.${threatTopics(textOf(event))[0]}` }) },
  ],
};

/**
 * Free text that is not the answer asked for, read for what it is about: something the person can ask the lender
 * themselves, or a collector's threat or a lawsuit. An answer is taken before these ("分12期" at the term
 * question is the term, not a question about instalments).
 */
export function helpful(): Fragment {
  return [asksLenderItself, threatened];
}

/** Everything read out of free text that is not an answer, most pressing first. */
export function understood(ownWords: boolean): Fragment {
  return [...urgent(ownWords), ...(ownWords ? [] : helpful())];
}

/**
 * Buttons typed as text, the same event as the press ("清单" opens the checklist): their labels (`typed`, read
 * before the question's own answer), or, read last, a label or its meaning said in other words (`meant`: "嗯嗯
 * 就这么办", "go back one step"). Where nothing comes between the two, `meant` alone reads both.
 */
export function typedButtons(words: ButtonWord[] = [...NAV_WORDS, 'today'], how: 'typed' | 'meant' = 'typed'): Fragment {
  const said = (word: ButtonWord) => ({ type: how, params: { word } });
  return [
    ...(words.includes('hub')
      ? [{ guard: said('hub'), actions: raise(({ event }: { event: FlowEvent }) => ({ type: 'HUB' as const, today: event.today })) }]
      : []),
    ...words.filter((w) => w !== 'hub').map((word) => ({
      guard: said(word),
      actions: raise(({ event }: { event: FlowEvent }) => ({ type: 'CHOOSE' as const, value: word, today: event.today })),
    })),
  ];
}

/** A step that needs the user's permission to keep their details, asked in place. */
export function needConsent(): Fragment {
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
