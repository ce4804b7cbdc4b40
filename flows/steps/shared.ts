import { and } from 'xstate';
import { STEPS, type Lang, type StepId, type StepStatus } from '../../src/domain/catalog.js';
import { buttonMeaning, buttonWord, isOptionLabel, optionWord, selfRequest, threatTopics, unreadDespair, type ButtonWord } from '../../src/domain/free-text.js';
import { cleanNote } from '../../src/domain/answers.js';
import { readCause } from '../../src/domain/understanding/causes.js';
import { readCrisis } from '../../src/domain/understanding/crisis.js';
import { advanceStep, isLenderStep } from '../../src/domain/progress.js';
import { mentionsPaidAgent } from '../../src/domain/scam.js';
import { DEBT_FACTS, LIMITS, debtOf, newCaseContext, withDebt, type CaseContext } from '../case.js';
import type { FlowEvent } from '../events.js';
import type { RemindParams } from '../reminders.js';
import { CHOICES, SKIP_CLEARS, confirmedAmount, isChoiceOf, isMoneyQuestion, readTextAnswer, type ChoiceQuestion, type TextQuestion } from '../questions.js';
import { description, guard, update } from './define.js';
import { deliverForLender, notice, textOf, typedButtons, understood, unreadCare, valueOf, type CareSignal, type Fragment, type Notice } from './fragments.js';

/** What every step uses: consent, answers read and stored, the step's status, the way back, the engine's actions. */

const hasData = (c: CaseContext): boolean =>
  Object.values(c.facts).some((v) => v !== null) ||
  c.debts.some((d) => DEBT_FACTS.some((k) => d[k] !== null) || d.calls.length > 0 || d.plan.status !== 'none') ||
  c.evidence.length > 0;

/** Reasons that name what a number was instead of the answer asked for. */
const OTHER_KINDS = /^(money\.(duration|term|extension|date|count|percent|phone|time|range|late)|overdue\.money|months\.(money|extension))$/;

/** Typed agreement to an amount asked back: "是", "对的", "没错", "yes". */
const YES = /^(是|是的|对|对的|没错|嗯|嗯嗯|确定|确认|yes|yep|yeah|correct|right|that'?s right|sure)[。.!！]*$/i;

/** The amount picked when an answer was asked back: a button `sure:<fen>` it offered, or a typed yes for the first. */
function pickedAmount(context: CaseContext, event: FlowEvent, q: TextQuestion): number | null {
  const pending = context.pendingAnswer;
  if (pending === null || pending.q !== q) return null;
  if (event.type === 'TEXT') return YES.test(event.text.trim()) ? pending.options[0]! : null;
  const fen = /^sure:(\d{1,12})$/.exec(valueOf(event))?.[1];
  return fen !== undefined && pending.options.includes(Number(fen)) ? Number(fen) : null;
}

export const guards = {
  hasConsent: guard(({ context }) => context.consent === 'given'),
  consentDecided: guard(({ context }) => context.consent !== 'pending'),
  hasCaseData: guard(({ context }) => hasData(context)),
  returning: guard(({ context }) => context.returnTo !== null),
  returningTo: guard(({ context }, p: { to: CaseContext['returnTo'] }) => context.returnTo === p.to),
  isChoice: guard(({ event }, p: { value: string }) => valueOf(event) === p.value),
  isStep: guard(({ event }, p: { step: StepId }) => event.type === 'OPEN' && event.step === p.step),
  validAnswer: guard(({ context, event }, p: { q: TextQuestion }) => event.type === 'TEXT' && readTextAnswer(p.q, event.text, event.today, context).ok),
  validChoice: guard(({ event }, p: { q: ChoiceQuestion }) => isChoiceOf(p.q, valueOf(event))),
  mentionsAgent: guard(({ event }) => mentionsPaidAgent(textOf(event))),
  signalsCrisis: guard(({ event }) => readCrisis(textOf(event))?.level === 'crisis'),
  /** Words that may be about money or about living: asked gently whether the person is safe. */
  mayBeCrisis: guard(({ event }) => readCrisis(textOf(event))?.level === 'check'),
  /** A line nothing else was read in that still leans towards despair (read before "not understood"). */
  leansToDespair: guard(({ event }) => unreadDespair(textOf(event)) !== null),
  /** An amount read clearly but hard to believe: asked back before it is kept. */
  doubtfulAnswer: guard(({ context, event }, p: { q: TextQuestion }) => {
    if (event.type !== 'TEXT') return false;
    const r = readTextAnswer(p.q, event.text, event.today, context);
    return !r.ok && r.unsure !== undefined;
  }),
  /** The answer holds a number of another kind than asked (a duration where money is asked, money where months are). */
  otherKind: guard(({ context, event }, p: { q: TextQuestion }) => {
    if (event.type !== 'TEXT') return false;
    const r = readTextAnswer(p.q, event.text, event.today, context);
    return !r.ok && OTHER_KINDS.test(r.reason);
  }),
  /** One of the amounts offered when an answer was asked back, pressed (or "是" typed for the first). */
  confirmsPending: guard(({ context, event }, p: { q: TextQuestion }) => pickedAmount(context, event, p.q) !== null),
  asksLender: guard(({ event }) => selfRequest(textOf(event)) !== null),
  threatens: guard(({ event }) => threatTopics(textOf(event)).length > 0),
  typed: guard(({ event }, p: { word: ButtonWord }) => buttonWord(textOf(event)) === p.word),
  /** A button's meaning said in other words, where the reply was nothing else the question reads. */
  meant: guard(({ event }, p: { word: ButtonWord }) => buttonMeaning(textOf(event)) === p.word),
  typedOption: guard(({ event }, p: { q: ChoiceQuestion }) => optionWord(p.q, textOf(event)) !== null),
  cameFrom: guard(({ context }, p: { step: StepId }) => context.cameFrom === p.step),
};

export const actions = {
  // Descriptions only: the engine performs them (render, prefs, deletion) after the commit.
  notice: description<Notice>(),
  showLanguagePicker: description(),
  rememberLanguage: description<{ lang: Lang }>(),
  deleteEverything: description(),
  remind: description<RemindParams>(),
  showReminders: description(),
  showTimeZones: description(),
  offerReminders: description(),
  /** `debt`: the debt's id, for a document about a lender other than the one the steps are on (from the page). */
  deliverDocument: description<{ kind: 'statement' | 'confirmation' | 'complaint' | 'summary' | 'crib'; lang: Lang; debt?: number | undefined }>(),
  careSignal: description<{ kind: CareSignal }>(),

  setLang: update(({ context, event }) => ({ lang: event.type === 'LANG' ? event.lang : context.lang })),
  setConsent: update(({ event }, p: { consent: CaseContext['consent'] }) => ({ consent: p.consent, consentOn: event.today })),
  /** A step about one lender moves for the debt being worked on; a shared one for every debt. */
  markStep: update(({ context }, p: { step: StepId; status: StepStatus }) => {
    const { step, status } = p;
    if (!isLenderStep(step)) return { steps: { ...context.steps, [step]: advanceStep(context.steps[step], status) } };
    const own = debtOf(context).steps;
    return withDebt(context, { steps: { ...own, [step]: advanceStep(own[step], status) } });
  }),
  storeText: update(({ context, event }, p: { q: TextQuestion }) => {
    if (event.type !== 'TEXT') return {};
    const r = readTextAnswer(p.q, event.text, event.today, context);
    return r.ok ? { ...r.apply(context), pendingAnswer: null } : {};
  }),
  askBack: update(({ context, event }, p: { q: TextQuestion }) => {
    if (event.type !== 'TEXT' || !isMoneyQuestion(p.q)) return {};
    const r = readTextAnswer(p.q, event.text, event.today, context);
    return !r.ok && r.unsure ? { pendingAnswer: { q: p.q, doubt: r.unsure.doubt, options: r.unsure.options } } : {};
  }),
  storePending: update(({ context, event }, p: { q: TextQuestion }) => {
    const fen = pickedAmount(context, event, p.q);
    return fen !== null && isMoneyQuestion(p.q) ? { ...confirmedAmount(p.q, fen)(context), pendingAnswer: null } : {};
  }),
  /**
   * Why someone cannot pay, said in their own words: kept as they said it (a letter quotes it), and since when if the
   * words say so ("上个月公司裁员"). A label typed ("失业") is a button pressed, not words to quote.
   */
  storeCauseWords: update(({ context, event }) => {
    if (event.type !== 'TEXT') return {};
    const read = readCause(event.text, event.today);
    const words = cleanNote(event.text, LIMITS.freeText);
    if (!read) return {};
    const quoted = words !== null && !isOptionLabel('cause', event.text) ? { causeWords: { cause: read.cause, text: words } } : {};
    return { facts: { ...context.facts, ...quoted, ...(read.since ? { causeSince: read.since } : {}) } };
  }),
  storeChoice: update(({ context, event }, p: { q: ChoiceQuestion }) => {
    const value = valueOf(event);
    if (!isChoiceOf(p.q, value)) return {};
    return CHOICES[p.q].apply(value)(context);
  }),
  clearOnSkip: update(({ context }, p: { q: TextQuestion }) => ({ ...(SKIP_CLEARS[p.q]?.(context) ?? {}), pendingAnswer: null })),
  /** The "today" button of a date question: the same as typing today's date. */
  answerToday: update(({ context, event }, p: { q: TextQuestion }) => {
    const r = readTextAnswer(p.q, event.today, event.today, context);
    return r.ok ? r.apply(context) : {};
  }),
  setReturnTo: update((_, p: { to: NonNullable<CaseContext['returnTo']> }) => ({ returnTo: p.to })),
  clearReturn: update(() => ({ returnTo: null })),
  setCameFrom: update((_, p: { step: StepId }) => ({ cameFrom: p.step })),
  clearCameFrom: update(() => ({ cameFrom: null })),
  resetCase: update(({ context }) => ({ ...newCaseContext(context.lang), consent: context.consent, consentOn: context.consentOn })),
  rememberChecklist: update(({ context, event }) => ({
    checklistMessageId: event.type === 'CHECKLIST_POSTED' ? event.messageId : context.checklistMessageId,
  })),
};

/** Commands and events valid in every state (the machine's root `on`). */
export const rootHandlers: Fragment = {
  START: [
    { guard: 'hasCaseData', target: '.confirmRestart' },
    { guard: 'hasConsent', target: '.status', actions: 'clearCameFrom' },
    { guard: 'consentDecided', target: '.hub' },
    { target: '.intro' },
  ],
  LANG: {
    actions: [
      'setLang',
      { type: 'rememberLanguage', params: ({ event }: { event: FlowEvent }) => ({ lang: event.type === 'LANG' ? event.lang : 'zh-CN' }) },
      notice('language.changed'),
    ],
  },
  LANGUAGE: { actions: 'showLanguagePicker' },
  HUB: [{ guard: 'consentDecided', target: '.hub', actions: 'clearCameFrom' }, { actions: notice('start.finishFirst') }],
  SUMMARY: [{ guard: 'consentDecided', target: '.caseSummary', actions: 'clearCameFrom' }, { actions: notice('start.finishFirst') }],
  // The summary letter from the checklist, wherever the person is: it changes nothing, so the screen stays.
  LETTER: [{ guard: 'hasConsent', actions: [deliverForLender('summary'), notice('debts.letterDone')] }, { actions: notice('input.notAChoice') }],
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
  EDITED: [...understood(true), ...unreadCare(), { actions: notice('input.edited') }],
  TEXT: [...understood(false), ...typedButtons(undefined, 'meant'), ...unreadCare(), { actions: notice('input.notAnAnswer') }],
  CHOOSE: { actions: notice('input.notAChoice') },
  CHECKLIST_POSTED: { actions: 'rememberChecklist' },
};
