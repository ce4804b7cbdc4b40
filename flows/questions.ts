import {
  BANKS,
  CALL_CHANNELS,
  CALL_OUTCOMES,
  CAUSES,
  CUTS,
  PRODUCTS,
  type IsoDate,
} from '../src/domain/catalog.js';
import { cleanNote, parseAgentId, parseTail, readMonthsCount } from '../src/domain/answers.js';
import { parseDailyRate } from '../src/domain/charges.js';
import { findDay, readOverdue, readSince } from '../src/domain/understanding/when.js';
import { parseMoney, type MoneyParse } from '../src/domain/money.js';
import {
  COMPLAINT_KINDS,
  DOUBTS,
  LIMITS,
  MONEY_QUESTIONS,
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
/**
 * `unsure`: an amount that reads clearly but is hard to believe (a 3 元 debt, an instalment under 1 % of the debt,
 * a monthly cost over ten times the income) is not kept until the person picks it, or what they likely meant.
 */
export type Unsure = { doubt: (typeof DOUBTS)[number]; options: number[] };
export type Parsed = { ok: true; apply: Patch } | { ok: false; reason: string; unsure?: Unsure };
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

/** The questions answered with an amount: where each is kept, and whether nothing (0) is an answer. */
const MONEY_ANSWERS = {
  amount: { set: (amountFen: number) => debtFact({ amountFen }), allowZero: false, sum: false, perMonth: false },
  income: { set: (incomeFen: number) => fact({ incomeFen }), allowZero: true, sum: false, perMonth: true },
  essentials: { set: (essentialsFen: number) => fact({ essentialsFen }), allowZero: true, sum: true, perMonth: true },
  otherDebts: { set: (otherDebtsFen: number) => fact({ otherDebtsFen }), allowZero: true, sum: true, perMonth: true },
  planMonthly: { set: (monthlyFen: number) => plan({ monthlyFen, kind: undefined }), allowZero: false, sum: false, perMonth: true },
} as const;
export type MoneyQuestion = (typeof MONEY_QUESTIONS)[number];
const MONTHLY: ReadonlySet<MoneyQuestion> = new Set(['essentials', 'otherDebts', 'planMonthly', 'minimum']);
const PER_INSTALMENT: ReadonlySet<MoneyQuestion> = new Set(['planMonthly', 'minimum']);
const MAX_FEN = 1_000_000_000;

/** Why an amount is hard to believe here, and what the person may have meant instead; null when it is believable. */
export function doubtAbout(q: MoneyQuestion, fen: number, c: CaseContext): { reason: string; unsure: Unsure } | null {
  // What was typed comes first; then what a slip of the keyboard or a missing 千/万 most likely hid.
  const unsure = (doubt: Unsure['doubt'], list: number[]) => ({
    reason: `unsure.${doubt}`,
    unsure: { doubt, options: [...new Set(list.map((v) => Math.round(v)))].filter((v) => v > 0 && v <= MAX_FEN).slice(0, 3) },
  });
  const debt = debtOf(c).amountFen;
  const income = c.facts.incomeFen;
  if (q === 'amount' && fen > 0 && fen < 1_000) return unsure('tiny_debt', [fen, fen * 1000, fen * 10_000]);
  if (PER_INSTALMENT.has(q) && debt !== null && debt > 0 && fen > 0 && fen * 100 < debt) {
    return unsure('under_one_percent', [fen, ...[fen * 1000, fen * 100].filter((v) => v <= debt)]);
  }
  if (MONTHLY.has(q) && income !== null && income > 0 && fen > income * 10) return unsure('over_income', [fen, fen / 10, fen / 100]);
  return null;
}

/** A range ("三四千") is asked back with its two ends as buttons: the person taps the one to go by. */
const notMoney = (r: Extract<MoneyParse, { ok: false }>): Parsed =>
  r.between ? { ok: false, reason: 'unsure.range', unsure: { doubt: 'range', options: r.between } } : { ok: false, reason: `money.${r.reason}` };

const money = (q: keyof typeof MONEY_ANSWERS): Reader => (text, _today, c) => {
  const { set, allowZero, sum, perMonth } = MONEY_ANSWERS[q];
  const r = parseMoney(text, { allowZero, sum, perMonth });
  if (!r.ok) return notMoney(r);
  const doubt = doubtAbout(q, r.fen, c);
  return doubt ? { ok: false, ...doubt } : { ok: true, apply: set(r.fen) };
};

/** An amount the person picked after being asked whether they meant it: kept as picked. */
export function confirmedAmount(q: MoneyQuestion, fen: number): Patch {
  return q === 'minimum' ? (c) => withDebt(c, { minimumFen: fen }) : MONEY_ANSWERS[q].set(fen);
}
export const isMoneyQuestion = (q: string): q is MoneyQuestion => (MONEY_QUESTIONS as readonly string[]).includes(q);

const day = (direction: 'past' | 'future', set: (d: IsoDate) => Patch) => (text: string, today: IsoDate): Parsed => {
  const r = findDay(text, today, direction);
  return r.ok ? { ok: true, apply: set(r.day) } : { ok: false, reason: r.reason === 'wrong_side' ? `day.not_${direction}` : 'day.unrecognised' };
};

const READERS = {
  amount: money('amount'),
  overdue: (text: string, today: IsoDate): Parsed => {
    const r = readOverdue(text, today);
    return r.ok ? { ok: true, apply: debtFact({ dueDate: r.dueDate, dueDateGiven: r.given }) } : { ok: false, reason: `overdue.${r.reason}` };
  },
  rate: (text: string): Parsed => {
    const r = parseDailyRate(text);
    return r.ok ? { ok: true, apply: debtFact({ dailyRateBp: r.bp }) } : { ok: false, reason: 'rate.unrecognised' };
  },
  since: (text: string, today: IsoDate): Parsed => {
    const r = readSince(text, today);
    return r.ok ? { ok: true, apply: fact({ causeSince: r.since }) } : { ok: false, reason: `since.${r.reason}` };
  },
  income: money('income'),
  essentials: money('essentials'),
  otherDebts: money('otherDebts'),

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

  planMonthly: money('planMonthly'),
  planMonths: (text: string): Parsed => {
    const r = readMonthsCount(text);
    return r.ok ? { ok: true, apply: plan({ months: r.months }) } : { ok: false, reason: `months.${r.reason}` };
  },
  planFirst: day('future', (firstDue) => plan({ firstDue })),
  /** An extension: how many months, then the day repayment starts again (nothing is due a month meanwhile). */
  extensionMonths: (text: string): Parsed => {
    // "三个月", "延期三个月再还": where an extension is asked, an extension is the answer.
    const r = readMonthsCount(text, { extension: true });
    return r.ok ? { ok: true, apply: plan({ months: r.months, monthlyFen: null, kind: 'extension' }) } : { ok: false, reason: `months.${r.reason}` };
  },
  extensionRestart: day('future', (firstDue) => plan({ firstDue })),
  /** The least a lender is to get a month: never more than is owed to it (a minimum payment never is). */
  minimum: (text: string, _today: IsoDate, c: CaseContext): Parsed => {
    const r = parseMoney(text, { allowZero: false });
    // Zero is no minimum at all: the question's own button clears it.
    if (!r.ok) return r.reason === 'zero' ? { ok: false, reason: 'minimum.zero' } : notMoney(r);
    const owed = debtOf(c).amountFen;
    if (owed !== null && r.fen > owed) return { ok: false, reason: 'minimum.over_debt' };
    const doubt = doubtAbout('minimum', r.fen, c);
    return doubt ? { ok: false, ...doubt } : { ok: true, apply: confirmedAmount('minimum', r.fen) };
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
