import { debtOf, type CaseContext, type LenderCase } from '../../flows/case.js';
import { CHOICES, EDITABLE_FACTS, IDENTITY_FIELDS, SKIP_CLEARS, type ChoiceQuestion, type TextQuestion } from '../../flows/questions.js';
import { LANGS, STEPS, type IsoDate, type Lang } from '../domain/catalog.js';
import { daysBetween, formatDate } from '../domain/dates.js';
import { formatFen } from '../domain/money.js';
import { escapeHtml, type Translate } from '../i18n/index.js';
import { globalData, promptData } from './callback-data.js';
import { renderChecklist } from './checklist.js';
import { debtName } from '../documents/names.js';
import { debtPickLabel } from './debts.js';
import type { Button, Keyboard, Reply } from './reply.js';
import { formatBp, renderStatusSummary } from './status-summary.js';
import { productName, sinceText } from '../documents/names.js';
import { REHEARSAL_PROMPTS } from './rehearsal.js';
import { STATEMENT_PROMPTS } from './statement.js';
import { STEP_PROMPTS, chunk, needConsentPrompt } from './steps.js';

export interface PromptInput {
  id: string;
  /** The case as seen for the debt being worked on. */
  ctx: LenderCase;
  /** The whole case, every debt in it. */
  whole: CaseContext;
  t: Translate;
  today: IsoDate;
  /** Another language's texts, for what is shown in both (the call script is spoken in Chinese). */
  translatorFor: (lang: Lang) => Translate;
}

/** A button of the current prompt: it carries the prompt's id, so a press on an older message is recognised. */
const choice = (id: string, value: string, label: string): Button => ({ label, data: promptData(id, value) });

export const languageButtons = (): Keyboard => [
  LANGS.map((lang) => ({ label: lang === 'zh-CN' ? '中文' : 'English', data: globalData({ type: 'LANG', lang }) })),
];

/** Buttons a text question offers besides typing: back, skip where skipping is sensible, and shortcuts. */
const SHORTCUTS: Partial<Record<TextQuestion, string[]>> = { callDate: ['today'], complaintWhen: ['today'] };

/** A card's rate is the one printed on the bill; a loan's is on the loan page. */
const questionKey = (q: TextQuestion, ctx: LenderCase): string =>
  q === 'rate' && ctx.facts.product === 'credit_card' ? 'intake.q.rateCard' : `intake.q.${q}`;

function textQuestion(q: TextQuestion, { id, ctx, whole, t }: PromptInput): Reply {
  const nav = [
    ...(SHORTCUTS[q] ?? []).map((v) => choice(id, v, t(`common.button.${v}`))),
    choice(id, 'back', t('common.button.back')),
  ];
  if (SKIP_CLEARS[q]) nav.push(choice(id, 'skip', t('common.button.skip')));
  const pending = whole.pendingAnswer;
  if (pending?.q === q) return askedBack(pending, { id, ctx, whole, t, nav });
  return { kind: 'text', html: t(questionKey(q, ctx)), buttons: [nav] };
}

/**
 * An amount asked back before it is kept: what was read, why it is surprising, and one button for each amount it
 * may be (what was typed first), or a new answer typed.
 */
function askedBack(
  pending: NonNullable<CaseContext['pendingAnswer']>,
  { id, ctx, t, nav }: Pick<PromptInput, 'id' | 'ctx' | 't' | 'whole'> & { nav: Button[] },
): Reply {
  const lang = ctx.lang;
  const [typed = 0, ...others] = pending.options;
  const vars = {
    amount: formatFen(typed, lang),
    what: t(`intake.confirm.what.${pending.q}`),
    debt: ctx.facts.amountFen === null ? '' : formatFen(ctx.facts.amountFen, lang),
    income: ctx.facts.incomeFen === null ? '' : formatFen(ctx.facts.incomeFen, lang),
    others: others.map((fen) => formatFen(fen, lang)).join(t('intake.confirm.or')),
  };
  const html = t(`intake.confirm.${pending.doubt}${others.length === 0 ? 'Alone' : ''}`, vars);
  const options = pending.options.map((fen, i) =>
    choice(id, `sure:${fen}`, i === 0 ? t('intake.confirm.keep', { amount: formatFen(fen, lang) }) : formatFen(fen, lang)),
  );
  return { kind: 'text', html, buttons: [...chunk(options, 2), nav] };
}

const CHOICE_LABEL: Record<ChoiceQuestion, (value: string) => string> = {
  product: (v) => `domain.product.${v}.name`,
  bank: (v) => `domain.bank.${v}`,
  cause: (v) => `domain.cause.${v}`,
  channel: (v) => `contact.channel.${v}`,
  outcome: (v) => `contact.outcome.${v}`,
  cut: (v) => `snowball.cut.${v}`,
  complaintKind: (v) => `statement.complaintKind.${v}`,
};

function choiceQuestion(q: ChoiceQuestion, { id, t }: PromptInput): Reply {
  const options = CHOICES[q].options.map((v) => choice(id, v, t(CHOICE_LABEL[q](v))));
  return {
    kind: 'text',
    html: t(`intake.q.${q}`),
    buttons: [...chunk(options, q === 'bank' ? 3 : 2), [choice(id, 'back', t('common.button.back'))]],
  };
}

/** Everything entered so far; each step-1 answer has its own edit button. */
function caseSummary({ id, ctx, whole, t, today }: PromptInput): Reply {
  const f = ctx.facts;
  const lang = ctx.lang;
  const none = t('summary.notGiven');
  const value: Record<(typeof EDITABLE_FACTS)[number], string> = {
    product: productName(ctx, t),
    amount: f.amountFen === null ? none : formatFen(f.amountFen, lang),
    // A date counted back from a number of days is not shown as if the user had given it.
    overdue:
      f.dueDate === null
        ? none
        : f.dueDateGiven
          ? formatDate(f.dueDate, lang)
          : t('caseSummary.overdueAbout', { count: Math.max(0, daysBetween(f.dueDate, today)) }),
    rate: f.dailyRateBp === null ? none : formatBp(f.dailyRateBp),
    cause: f.cause === null ? none : t(`domain.cause.${f.cause}`),
    since: f.causeSince === null ? none : sinceText(f.causeSince, lang),
    income: f.incomeFen === null ? none : formatFen(f.incomeFen, lang),
    essentials: f.essentialsFen === null ? none : formatFen(f.essentialsFen, lang),
    otherDebts: f.otherDebtsFen === null ? none : formatFen(f.otherDebtsFen, lang),
  };
  const html = [
    `<b>${t('caseSummary.title')}</b>`,
    ...(whole.debts.length > 1 ? [t('debts.showing', { n: whole.current + 1, count: whole.debts.length })] : []),
    '',
    // The line template inserts its values raw; every value is escaped here, whatever it holds.
    ...EDITABLE_FACTS.map((q) => t('caseSummary.line', { field: t(`caseSummary.field.${q}`), value: escapeHtml(value[q]) })),
    ...(ctx.consent === 'given'
      ? IDENTITY_FIELDS.map((q) =>
          t('caseSummary.line', { field: t(`statement.field.${q}`), value: escapeHtml(ctx.statement[q] ?? none) }),
        )
      : []),
    // With several lenders, the least this one is to get each month (none: its share in proportion).
    ...(whole.debts.length > 1
      ? [t('caseSummary.line', { field: t('debts.minimum.field'), value: debtOf(whole).minimumFen === null ? t('debts.minimum.none') : formatFen(debtOf(whole).minimumFen!, lang) })]
      : []),
    ...(ctx.share
      ? [
          t('caseSummary.line', {
            field: t('debts.minimum.shareField'),
            value: t(`debts.minimum.share.${ctx.share.basis}`, { share: formatFen(ctx.share.fen, lang), minimum: formatFen(ctx.share.minimumFen ?? 0, lang) }),
          }),
        ]
      : []),
    t('caseSummary.calls', { count: ctx.calls.length }),
    t(`caseSummary.plan.${ctx.plan.status}`),
    t('caseSummary.evidence', { count: ctx.evidence.length }),
    '',
    t('caseSummary.hint', { date: formatDate(today, lang) }),
  ].join('\n');
  const edits = [
    ...EDITABLE_FACTS.map((q) => choice(id, `edit:${q}`, `✏️ ${t(`caseSummary.field.${q}`)}`)),
    ...(ctx.consent === 'given' ? IDENTITY_FIELDS.map((q) => choice(id, `edit:${q}`, `✏️ ${t(`statement.field.${q}`)}`)) : []),
  ];
  // Which debt is shown, and adding or removing one: with consent, where debts are kept.
  const debts =
    ctx.consent === 'given'
      ? [
          ...chunk(
            whole.debts.length > 1
              ? whole.debts.map((d, i) => choice(id, `debt:${d.id}`, debtPickLabel(whole, i, t)))
              : [],
            2,
          ),
          ...(whole.debts.length > 1 ? [[choice(id, 'minimum', `✏️ ${t('debts.minimum.field')}`)]] : []),
          [choice(id, 'addDebt', t('debts.add')), choice(id, 'removeDebt', t('debts.remove'))],
          [choice(id, 'letter', t('debts.letter'))],
        ]
      : [];
  return { kind: 'text', html, buttons: [...chunk(edits, 3), ...debts, [choice(id, 'hub', t('common.button.hub'))]] };
}

const yesNo = ({ id, t }: PromptInput, key: string): Reply => ({
  kind: 'text',
  html: t(key),
  buttons: [[choice(id, 'yes', t(`${key}Yes`)), choice(id, 'no', t(`${key}No`))]],
});

const PROMPTS: Record<string, (p: PromptInput) => Reply | null> = {
  ...STEP_PROMPTS,
  ...REHEARSAL_PROMPTS,
  ...STATEMENT_PROMPTS,
  intro: ({ id, t }) => ({
    kind: 'text',
    html: t('start.intro'),
    buttons: [[choice(id, 'continue', t('start.continue'))], ...languageButtons()],
  }),
  consent: ({ id, t }) => ({
    kind: 'text',
    html: t('consent.ask'),
    buttons: [
      [choice(id, 'agree', t('consent.agree'))],
      [choice(id, 'decline', t('consent.decline'))],
      [choice(id, 'privacy', t('consent.readPrivacy'))],
    ],
  }),
  hub: ({ whole, t, today }) => ({ kind: 'checklist', ...renderChecklist(whole, t, today) }),
  caseSummary,
  confirmRestart: (p) => yesNo(p, 'restart.ask'),
  confirmDelete: (p) => yesNo(p, 'delete.ask'),
  debtMinimum: ({ id, ctx, whole, t }) => {
    const set = debtOf(whole).minimumFen;
    const share = ctx.share;
    return {
      kind: 'text',
      html: [
        t('debts.minimum.ask', { n: whole.current + 1, name: debtName(whole, whole.current, t) }),
        ...(share && share.basis === 'ratio' ? [t('debts.minimum.now', { share: formatFen(share.fen, ctx.lang) })] : []),
        ...(set !== null ? [t('debts.minimum.current', { minimum: formatFen(set, ctx.lang) })] : []),
      ].join('\n\n'),
      buttons: [[choice(id, 'back', t('common.button.back')), ...(set !== null ? [choice(id, 'skip', t('debts.minimum.clear'))] : [])]],
    };
  },
  confirmRemoveDebt: (p) => ({ ...yesNo(p, 'debts.confirmRemove'), html: p.t('debts.confirmRemove', { n: p.whole.current + 1, name: debtName(p.whole, p.whole.current, p.t) }) }),
  deleted: () => null,
  'status.needConsent': ({ id, t }) => needConsentPrompt(id, t),
  // The result came just before, as a message of its own (the machine's `showStatusResult`).
  'status.another': ({ id, t }) => ({
    kind: 'text',
    html: t('debts.another'),
    buttons: [
      [choice(id, 'addDebt', t('debts.add')), choice(id, 'next', t('debts.noMore'))],
      [choice(id, 'edit', t('summary.editButton')), choice(id, 'hub', t('common.button.hub'))],
    ],
  }),
  'status.result': ({ id, ctx, t, today }) => ({
    kind: 'text',
    html: renderStatusSummary(ctx, t, today),
    buttons: [
      [choice(id, 'next', t('summary.nextButton'))],
      ...(ctx.consent === 'given' ? [[choice(id, 'addDebt', t('debts.add'))]] : []),
      [choice(id, 'edit', t('summary.editButton')), choice(id, 'hub', t('common.button.hub'))],
    ],
  }),
};

/** Which state asks which question. */
const QUESTION_STATES: Record<string, { text: TextQuestion } | { choice: ChoiceQuestion }> = {
  'status.product': { choice: 'product' },
  'status.bank': { choice: 'bank' },
  'status.cause': { choice: 'cause' },
  'status.lenderName': { text: 'lenderName' },
  'status.amount': { text: 'amount' },
  'status.overdue': { text: 'overdue' },
  'status.rate': { text: 'rate' },
  'status.since': { text: 'since' },
  'status.income': { text: 'income' },
  'status.essentials': { text: 'essentials' },
  'status.otherDebts': { text: 'otherDebts' },
  'contact.channel': { choice: 'channel' },
  'contact.date': { text: 'callDate' },
  'contact.agent': { text: 'callAgent' },
  'contact.outcome': { choice: 'outcome' },
  'contact.promise': { text: 'callPromise' },
  'contact.next': { text: 'callNext' },
  'plan.monthly': { text: 'planMonthly' },
  'plan.months': { text: 'planMonths' },
  'plan.first': { text: 'planFirst' },
  'plan.extensionMonths': { text: 'extensionMonths' },
  'plan.extensionRestart': { text: 'extensionRestart' },
  'statement.name': { text: 'name' },
  'statement.phoneTail': { text: 'phoneTail' },
  'statement.idTail': { text: 'idTail' },
  'statement.complaintKind': { choice: 'complaintKind' },
  'statement.complaintWhat': { text: 'complaintWhat' },
  'statement.complaintWhen': { text: 'complaintWhen' },
};
for (const [state, q] of Object.entries(QUESTION_STATES)) {
  PROMPTS[state] = 'text' in q ? (p) => textQuestion(q.text, p) : (p) => choiceQuestion(q.choice, p);
}

/** The current question, or null where the state asks nothing (after deletion). */
export function renderPrompt(p: PromptInput): Reply | null {
  const build = PROMPTS[p.id];
  if (!build) throw new Error(`no prompt for state ${p.id}`);
  return withWayBack(build(p), p);
}

/**
 * A step's screen (or "My answers") reached from another step offers the way back there, next to "back to
 * checklist" (the machine answers `return` on every screen that has that button).
 */
function withWayBack(reply: Reply | null, { id, ctx, t }: PromptInput): Reply | null {
  const from = ctx.cameFrom;
  const step = id.split('.')[0] ?? '';
  const offers = (STEPS as readonly string[]).includes(step) || id === 'caseSummary';
  if (reply?.kind !== 'text' || !reply.buttons || from === null || step === from || !offers) return reply;
  const hub = promptData(id, 'hub');
  const way = choice(id, 'return', t('common.button.returnTo', { step: STEPS.indexOf(from) + 1 }));
  return { ...reply, buttons: reply.buttons.map((row) => (row.some((b) => b.data === hub) ? [way, ...row] : row)) };
}
