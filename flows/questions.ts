import {
  BANKS,
  CALL_CHANNELS,
  CALL_OUTCOMES,
  CAUSES,
  CUTS,
  PRODUCTS,
  type IsoDate,
} from '../src/domain/catalog.js';
import { cleanNote, parseAgentId, parseDay, parseMonthsCount, parseTail } from '../src/domain/answers.js';
import { parseDailyRate } from '../src/domain/charges.js';
import { parseOverdue, parseSince } from '../src/domain/dates.js';
import { parseMoney } from '../src/domain/money.js';
import {
  COMPLAINT_KINDS,
  LIMITS,
  debtOf,
  withDebt,
  type BudgetFacts,
  type CallDraft,
  type CaseContext,
  type Complaint,
  type Debt,
  type DebtFacts,
  type Plan,
  type StatementFields,
} from './case.js';

/**
 * Every question of the flow: how its answer is read and what it changes in the case. Pure: `today` is passed in.
 * A rejected answer names a reason (`money.zero`); the renderer turns `intake.reject.<reason>` into a kind re-ask.
 */
type Patch = (c: CaseContext) => Partial<CaseContext>;
export type Parsed = { ok: true; apply: Patch } | { ok: false; reason: string };
/** What an answer is checked against besides its own words: the case as it stands. */
type Reader = (text: string, today: IsoDate, c: CaseContext) => Parsed;

const fact = (patch: Partial<BudgetFacts>): Patch => (c) => ({ facts: { ...c.facts, ...patch } });
/** An answer about the debt being worked on. */
const debtFact = (patch: Partial<DebtFacts> & Partial<Pick<Debt, 'idTail'>>): Patch => (c) => withDebt(c, patch);
const draft = (patch: CallDraft): Patch => (c) => ({ callDraft: { ...c.callDraft, ...patch } });
const plan = (patch: Partial<Plan>): Patch => (c) => withDebt(c, { plan: { ...debtOf(c).plan, ...patch } });
const statement = (patch: Partial<StatementFields>): Patch => (c) => ({ statement: { ...c.statement, ...patch } });
const complaint = (patch: Partial<Complaint>): Patch => (c) => ({ complaint: { ...c.complaint, ...patch } });
const tail = (kind: 'phone' | 'id', set: (t: string) => Patch) => (text: string): Parsed => {
  const r = parseTail(text, kind);
  return r.ok ? { ok: true, apply: set(r.tail) } : { ok: false, reason: `tail.${r.reason}` };
};

const money = (set: (fen: number) => Patch, allowZero: boolean) => (text: string): Parsed => {
  const r = parseMoney(text, { allowZero });
  return r.ok ? { ok: true, apply: set(r.fen) } : { ok: false, reason: `money.${r.reason}` };
};
const day = (direction: 'past' | 'future', set: (d: IsoDate) => Patch) => (text: string, today: IsoDate): Parsed => {
  const r = parseDay(text, today, direction);
  return r.ok ? { ok: true, apply: set(r.day) } : { ok: false, reason: r.reason === 'wrong_side' ? `day.not_${direction}` : 'day.unrecognised' };
};

const READERS = {
  amount: money((amountFen) => debtFact({ amountFen }), false),
  overdue: (text: string, today: IsoDate): Parsed => {
    const r = parseOverdue(text, today);
    return r.ok ? { ok: true, apply: debtFact({ dueDate: r.dueDate, dueDateGiven: r.given }) } : { ok: false, reason: `overdue.${r.reason}` };
  },
  rate: (text: string): Parsed => {
    const r = parseDailyRate(text);
    return r.ok ? { ok: true, apply: debtFact({ dailyRateBp: r.bp }) } : { ok: false, reason: 'rate.unrecognised' };
  },
  since: (text: string, today: IsoDate): Parsed => {
    const r = parseSince(text, today);
    return r.ok ? { ok: true, apply: fact({ causeSince: r.since }) } : { ok: false, reason: `since.${r.reason}` };
  },
  income: money((incomeFen) => fact({ incomeFen }), true),
  essentials: money((essentialsFen) => fact({ essentialsFen }), true),
  otherDebts: money((otherDebtsFen) => fact({ otherDebtsFen }), true),

  callDate: day('past', (date) => draft({ date })),
  callAgent: (text: string): Parsed => {
    const agentId = parseAgentId(text);
    return agentId ? { ok: true, apply: draft({ agentId }) } : { ok: false, reason: 'agent.invalid' };
  },
  callPromise: (text: string): Parsed => {
    const promise = cleanNote(text, LIMITS.freeText);
    return promise ? { ok: true, apply: draft({ promise }) } : { ok: false, reason: 'note.empty' };
  },
  callNext: day('future', (nextDate) => draft({ nextDate })),

  planMonthly: money((monthlyFen) => plan({ monthlyFen, kind: undefined }), false),
  planMonths: (text: string): Parsed => {
    const months = parseMonthsCount(text);
    return months ? { ok: true, apply: plan({ months }) } : { ok: false, reason: 'months.invalid' };
  },
  planFirst: day('future', (firstDue) => plan({ firstDue })),
  /** An extension: how many months, then the day repayment starts again (nothing is due a month meanwhile). */
  extensionMonths: (text: string): Parsed => {
    const months = parseMonthsCount(text);
    return months ? { ok: true, apply: plan({ months, monthlyFen: null, kind: 'extension' }) } : { ok: false, reason: 'months.invalid' };
  },
  extensionRestart: day('future', (firstDue) => plan({ firstDue })),
  /** The least a lender is to get a month: never more than is owed to it (a minimum payment never is). */
  minimum: (text: string, _today: IsoDate, c: CaseContext): Parsed => {
    const r = parseMoney(text, { allowZero: false });
    // Zero is no minimum at all: the question's own button clears it.
    if (!r.ok) return { ok: false, reason: r.reason === 'zero' ? 'minimum.zero' : `money.${r.reason}` };
    const owed = debtOf(c).amountFen;
    if (owed !== null && r.fen > owed) return { ok: false, reason: 'minimum.over_debt' };
    return { ok: true, apply: (k) => withDebt(k, { minimumFen: r.fen }) };
  },

  name: (text: string): Parsed => {
    const name = cleanNote(text, LIMITS.name);
    return name ? { ok: true, apply: statement({ name }) } : { ok: false, reason: 'note.empty' };
  },
  phoneTail: tail('phone', (phoneTail) => statement({ phoneTail })),
  idTail: tail('id', (idTail) => debtFact({ idTail })),
  lenderName: (text: string): Parsed => {
    const lenderName = cleanNote(text, LIMITS.name);
    return lenderName ? { ok: true, apply: debtFact({ lenderName }) } : { ok: false, reason: 'note.empty' };
  },
  complaintWhat: (text: string): Parsed => {
    const what = cleanNote(text, LIMITS.freeText);
    return what ? { ok: true, apply: complaint({ what }) } : { ok: false, reason: 'note.empty' };
  },
  complaintWhen: day('past', (when) => complaint({ when })),
} satisfies Record<string, Reader>;

export type TextQuestion = keyof typeof READERS;
export const TEXT_QUESTIONS = Object.keys(READERS) as TextQuestion[];

/**
 * A transition reads an answer twice (the guard that accepts it, then the action that stores it), with the same
 * question, text, day and case: the second reading is the first one's result.
 */
let lastRead: { q: TextQuestion; text: string; today: IsoDate; c: CaseContext; parsed: Parsed } | null = null;

export function readTextAnswer(q: TextQuestion, text: string, today: IsoDate, c: CaseContext): Parsed {
  const last = lastRead;
  if (last !== null && last.q === q && last.text === text && last.today === today && last.c === c) return last.parsed;
  const parsed = (READERS[q] as Reader)(text, today, c);
  lastRead = { q, text, today, c, parsed };
  return parsed;
}

/** Questions answered with a button: the allowed values and where the choice is kept. */
export const CHOICES = {
  product: {
    options: PRODUCTS,
    // A bank only means something for a card, and the contract rate only for the product it was read from.
    apply: (v: string): Patch => (c) => {
      const debt = debtOf(c);
      return withDebt(c, {
        product: v as DebtFacts['product'],
        bank: v === 'credit_card' ? debt.bank : null,
        dailyRateBp: v === debt.product ? debt.dailyRateBp : null,
      });
    },
  },
  bank: { options: BANKS, apply: (v: string) => debtFact({ bank: v as DebtFacts['bank'] }) },
  cause: { options: CAUSES, apply: (v: string) => fact({ cause: v as BudgetFacts['cause'] }) },
  channel: { options: CALL_CHANNELS, apply: (v: string) => draft({ channel: v as CallDraft['channel'] }) },
  outcome: { options: CALL_OUTCOMES, apply: (v: string) => draft({ outcome: v as CallDraft['outcome'] }) },
  cut: { options: CUTS, apply: (v: string): Patch => () => ({ snowballCut: v as CaseContext['snowballCut'] }) },
  complaintKind: { options: COMPLAINT_KINDS, apply: (v: string) => complaint({ kind: v as Complaint['kind'] }) },
} as const;
export type ChoiceQuestion = keyof typeof CHOICES;

export const isChoiceOf = (q: ChoiceQuestion, value: string): boolean =>
  (CHOICES[q].options as readonly string[]).includes(value);

/** What "skip" clears, for the questions that may be skipped. */
export const SKIP_CLEARS: Partial<Record<TextQuestion, Patch>> = {
  rate: debtFact({ dailyRateBp: null }),
  since: fact({ causeSince: null }),
  otherDebts: fact({ otherDebtsFen: null }),
  callAgent: draft({ agentId: null }),
  callPromise: draft({ promise: null }),
  callNext: draft({ nextDate: null }),
  planFirst: plan({ firstDue: null }),
  minimum: (c) => withDebt(c, { minimumFen: null }),
  // Skipping a detail already given (on the review page, for another letter) keeps it: only a new answer replaces it.
  name: () => ({}),
  phoneTail: () => ({}),
  idTail: () => ({}),
  lenderName: () => ({}),
};

/** Questions whose answer is the user's own words: any text is an answer, so only despair is read out of it. */
export const FREE_NOTES: ReadonlySet<TextQuestion> = new Set<TextQuestion>(['callPromise', 'complaintWhat', 'name', 'lenderName']);

/**
 * A product picked on the contact screen (`view:huabei`, `view:bank:cmb` for a card): with consent it is stored
 * like the step-1 answer; without, it only shapes that one reply.
 */
export function readProductView(value: string): { product: DebtFacts['product']; bank: DebtFacts['bank'] } | null {
  const bank = /^view:bank:(.+)$/.exec(value)?.[1];
  if (bank !== undefined) return (BANKS as readonly string[]).includes(bank) ? { product: 'credit_card', bank: bank as DebtFacts['bank'] } : null;
  const product = /^view:(.+)$/.exec(value)?.[1];
  return product !== undefined && (PRODUCTS as readonly string[]).includes(product) ? { product: product as DebtFacts['product'], bank: null } : null;
}

/** The step-1 answers the case summary can edit, in the order they are asked. */
export const EDITABLE_FACTS = ['product', 'amount', 'overdue', 'rate', 'cause', 'since', 'income', 'essentials', 'otherDebts'] as const;

/** The statement's identity answers, asked once and editable from the case summary and the statement review. */
export const IDENTITY_FIELDS = ['name', 'phoneTail', 'idTail'] as const;
