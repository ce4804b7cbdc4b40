import { z } from 'zod';
import {
  BANKS,
  CALL_CHANNELS,
  CALL_OUTCOMES,
  CAUSES,
  CUTS,
  LANGS,
  PRODUCTS,
  LENDER_STEPS,
  REQUESTS,
  SHARED_STEPS,
  STEPS,
  STEP_STATUSES,
  type StepId,
} from '../src/domain/catalog.js';
import { budget } from '../src/domain/budget.js';
import { splitWithMinimums, type Split } from '../src/domain/debts.js';
import { AgreementSchema, ReminderStateSchema, newAgreement } from '../src/domain/reminders.js';
import { SCENARIOS, STRENGTHS, TIPS } from '../src/domain/rehearsal.js';

/** Bump when the stored shape changes, and add a migration to `MIGRATIONS` in `persistence.ts`. */
export const CASE_SCHEMA_VERSION = 4;

/** Caps keep a hostile or runaway chat from growing its record without bound. */
export const LIMITS = {
  debts: 8,
  calls: 20,
  freeText: 300,
  name: 40,
  evidence: 40,
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fen = z.number().int().min(0).max(100_000_000_000);
const freeText = z.string().max(LIMITS.freeText);

/** What is owed to one lender: the step-1 answers about that debt. */
export const DebtFactsSchema = z.object({
  product: z.enum(PRODUCTS).nullable(),
  bank: z.enum(BANKS).nullable(),
  amountFen: fen.nullable(),
  dueDate: isoDate.nullable(),
  /**
   * Whether the user named the due date (true) or gave a number of days it was counted back from (false), so a
   * document never states a date nobody gave. Null where unknown (cases stored before this was kept).
   */
  dueDateGiven: z.boolean().nullable().default(null),
  /** The user's own contract daily rate in basis points (0.04 % = 4), when the penalty rule needs it. */
  dailyRateBp: z.number().positive().max(100).nullable(),
  /**
   * The lender's name as the person calls it, asked where the product list cannot name it ("其他平台", "其他银行"):
   * a letter is addressed to it, never to the button's words.
   */
  lenderName: z.string().max(LIMITS.name).nullable().default(null),
});
export type DebtFacts = z.infer<typeof DebtFactsSchema>;

/** The person's situation and budget: asked once, whatever the number of debts. */
export const BudgetFactsSchema = z.object({
  cause: z.enum(CAUSES).nullable(),
  /** 'YYYY-MM' or 'YYYY-MM-DD'. */
  causeSince: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).nullable(),
  /**
   * The cause in the person's own words, when they wrote it rather than pressed it ("上个月公司裁员，我被辞退了"),
   * with the cause it was read as: a letter quotes it only while that is still the cause.
   */
  causeWords: z.object({ cause: z.enum(CAUSES), text: freeText.min(1) }).nullable().default(null),
  incomeFen: fen.nullable(),
  essentialsFen: fen.nullable(),
  /** What lenders not listed as debts here (a mortgage, family) expect each month. */
  otherDebtsFen: fen.nullable(),
});
export type BudgetFacts = z.infer<typeof BudgetFactsSchema>;

/** Every step-1 answer as seen for one lender: that debt's facts and the shared budget. */
export type Facts = DebtFacts & BudgetFacts;
export const DEBT_FACTS = Object.keys(DebtFactsSchema.shape) as Array<keyof DebtFacts>;

export const CallSchema = z.object({
  date: isoDate,
  channel: z.enum(CALL_CHANNELS),
  agentId: z.string().max(40).nullable(),
  outcome: z.enum(CALL_OUTCOMES),
  promise: freeText.nullable(),
  nextDate: isoDate.nullable(),
});
export type Call = z.infer<typeof CallSchema>;
export const CallDraftSchema = CallSchema.partial();
export type CallDraft = z.infer<typeof CallDraftSchema>;

export const PLAN_STATUSES = ['none', 'submitted', 'approved', 'refused'] as const;
/**
 * What an approved plan is: instalments (`monthlyFen` × `months`, the first due on `firstDue`), or an extension
 * (`months` of respite, repayment restarting on `firstDue`, nothing a month meanwhile). Absent in plans recorded
 * before extensions could be: those are instalments.
 */
export const PLAN_KINDS = ['instalments', 'extension'] as const;
export const PlanSchema = z.object({
  status: z.enum(PLAN_STATUSES),
  monthlyFen: fen.nullable(),
  months: z.number().int().min(1).max(120).nullable(),
  firstDue: isoDate.nullable(),
  kind: z.enum(PLAN_KINDS).nullish(),
});
export type Plan = z.infer<typeof PlanSchema>;

const stepStatuses = <S extends StepId>(steps: readonly S[]) =>
  z.object(
    Object.fromEntries(steps.map((s) => [s, z.enum(STEP_STATUSES)])) as Record<S, z.ZodEnum<{ [K in (typeof STEP_STATUSES)[number]]: K }>>,
  );

/** The checklist's status of each step about one lender, kept with that lender's debt. */
export const LenderStepsSchema = stepStatuses(LENDER_STEPS);
export type LenderSteps = z.infer<typeof LenderStepsSchema>;
/** The status of each step shared by every debt (the budget, the evidence for the cause, rights). */
export const SharedStepsSchema = stepStatuses(SHARED_STEPS);
export type SharedSteps = z.infer<typeof SharedStepsSchema>;
/** All eight steps as the checklist shows them for one debt. */
export type Steps = LenderSteps & SharedSteps;

/** One debt and everything done about it with its lender: its own call log, plan, statement and checklist progress. */
export const DebtSchema = DebtFactsSchema.extend({
  calls: z.array(CallSchema).max(LIMITS.calls),
  plan: PlanSchema,
  /** Whether this lender's hardship statement has been written. */
  statementWritten: z.boolean().default(false),
  /** What this lender's statement asks for: chosen for each lender, never carried over from another. */
  requests: z.array(z.enum(REQUESTS)).max(REQUESTS.length).default([]),
  /** The last four of this lender's account or card (or the ID), given for this lender's letters only. */
  idTail: z.string().regex(/^[0-9Xx]{4}$/).nullable().default(null),
  /**
   * The least this lender is to get each month, chosen by the person (a card's minimum payment, an amount the
   * lender already agreed to); null: its share in proportion to what is owed.
   */
  minimumFen: fen.nullable().default(null),
  /** What came of this lender's approved plan: the day it was approved, its written confirmation, instalments paid. */
  agreement: AgreementSchema.default(newAgreement),
  steps: LenderStepsSchema,
  /**
   * The debt's own number in the case, given when it is added and never given again: reminders and their buttons
   * name a debt by it, so they keep meaning the same lender when a debt before it is removed.
   */
  id: z.number().int().min(0),
});
export type Debt = z.infer<typeof DebtSchema>;

/** The person's own details on every letter; each lender's requests and account tail are kept with its debt. */
export const StatementFieldsSchema = z.object({
  name: z.string().max(LIMITS.name).nullable(),
  phoneTail: z.string().regex(/^\d{4}$/).nullable(),
  /** Name and phone tail are asked once; later statements reuse them (editable from the case summary). */
  identityAsked: z.boolean().default(false),
});
export type StatementFields = z.infer<typeof StatementFieldsSchema>;
/** A letter's identity and requests as seen for one lender: the person's details and this lender's own. */
export type LenderStatement = StatementFields & Pick<Debt, 'requests' | 'idTail'>;

/** A refusal with no reason given is its own kind, so the letter says "no reason" only when the user said so. */
export const COMPLAINT_KINDS = ['refusal', 'refusal_no_reason', 'collector'] as const;
/** The facts of a complaint draft: what happened and when, in the user's words. */
export const ComplaintSchema = z.object({
  kind: z.enum(COMPLAINT_KINDS).nullable(),
  what: freeText.nullable(),
  when: isoDate.nullable(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;

/**
 * The call rehearsal: the hard line being practised and what the last answer was read as (never the answer
 * itself), so it can be left and resumed. It never touches the facts or the plan.
 */
export const RehearsalSchema = z.object({
  scenario: z.enum(SCENARIOS).nullable(),
  /** Answers given to this line so far. */
  turns: z.number().int().min(0).max(1_000),
  /** What the screen shows under the agent's line: the last answer's reading, a model answer, or nothing yet. */
  shown: z.enum(['none', 'assessed', 'model']),
  strengths: z.array(z.enum(STRENGTHS)).max(STRENGTHS.length),
  tips: z.array(z.enum(TIPS)).max(TIPS.length),
  /** The monthly amount the last answer named, for the tip's model sentence. */
  statedFen: fen.nullable(),
  /** The crib card was made: the checklist and the contact step offer it again. */
  cardSaved: z.boolean(),
});
export type Rehearsal = z.infer<typeof RehearsalSchema>;
export const newRehearsal = (): Rehearsal => ({ scenario: null, turns: 0, shown: 'none', strengths: [], tips: [], statedFen: null, cardSaved: false });

export const CONSENTS = ['pending', 'given', 'declined'] as const;
/** The questions answered with an amount. */
export const MONEY_QUESTIONS = ['amount', 'income', 'essentials', 'otherDebts', 'planMonthly', 'minimum'] as const;
/**
 * An amount asked back before it is kept ("每期 3 元？"): its question and the amounts offered (what was typed
 * first, then what was likely meant), until one is picked or another answer is given.
 */
export const DOUBTS = ['tiny_debt', 'under_one_percent', 'over_income', 'range'] as const;
export const PendingAnswerSchema = z.object({
  q: z.enum(MONEY_QUESTIONS),
  /** Why it was asked back: a debt under 10 元, an instalment under 1 % of the debt, a monthly sum over 10 × the income. */
  doubt: z.enum(DOUBTS),
  options: z.array(z.number().int().positive()).min(1).max(3),
});
export const RETURN_TARGETS = ['summary', 'statement'] as const;

export const CaseContextSchema = z.object({
  lang: z.enum(LANGS),
  consent: z.enum(CONSENTS),
  /** The day consent was given or declined (a copy of the data says when); null before then, and in older cases. */
  consentOn: isoDate.nullable().default(null),
  facts: BudgetFactsSchema,
  /** At least one (empty until the first answer); the steps work on `debts[current]`, chosen from the checklist. */
  debts: z.array(DebtSchema).min(1).max(LIMITS.debts),
  current: z.number().int().min(0).max(LIMITS.debts - 1),
  /** The id the next debt added gets; ids are never given twice in a case. */
  nextDebtId: z.number().int().min(1),
  /** The shared steps' statuses; each debt holds its own for the steps about its lender. */
  steps: SharedStepsSchema,
  /** The call being logged, for the current debt's lender. */
  callDraft: CallDraftSchema,
  evidence: z.array(z.string().max(60)).max(LIMITS.evidence),
  /** Step 4: the one cost cut first. */
  snowballCut: z.enum(CUTS).nullable(),
  statement: StatementFieldsSchema,
  complaint: ComplaintSchema,
  /** Where a single-answer edit goes back to (the case summary or the statement review), instead of the next question. */
  returnTo: z.enum(RETURN_TARGETS).nullable(),
  /** The step the user came from when another step sent them here (its screen offers the way back); null from the checklist. */
  cameFrom: z.enum(STEPS).nullable().default(null),
  checklistMessageId: z.number().int().positive().nullable(),
  pendingAnswer: PendingAnswerSchema.nullable().default(null),
  /** Reminders: offered once, on only when the person says so; null until then (and in cases stored before them). */
  reminders: ReminderStateSchema.nullable().default(null),
  rehearsal: RehearsalSchema.default(newRehearsal),
})
  // Each debt's id is its own and was given by the counter: a record breaking that is damaged, never guessed at.
  .refine((c) => new Set(c.debts.map((d) => d.id)).size === c.debts.length && c.debts.every((d) => d.id < c.nextDebtId), {
    message: 'debt ids must be distinct and below nextDebtId',
  });
export type CaseContext = z.infer<typeof CaseContextSchema>;

/** What is stored: the machine's state value and context, nothing else (flat machine, see DESIGN §4). */
export const StoredSnapshotSchema = z.object({
  value: z.union([z.string(), z.record(z.string(), z.unknown())]),
  context: CaseContextSchema,
});
export type StoredSnapshot = z.infer<typeof StoredSnapshotSchema>;

export const emptyBudget = (): BudgetFacts => ({
  cause: null,
  causeSince: null,
  causeWords: null,
  incomeFen: null,
  essentialsFen: null,
  otherDebtsFen: null,
});

const todo = <S extends StepId>(steps: readonly S[]) => Object.fromEntries(steps.map((s) => [s, 'todo'])) as Record<S, 'todo'>;

/** A debt with no answers yet, under the given id. */
export const emptyDebt = (id: number): Debt => ({
  product: null,
  bank: null,
  amountFen: null,
  dueDate: null,
  dueDateGiven: null,
  dailyRateBp: null,
  lenderName: null,
  calls: [],
  plan: { status: 'none', monthlyFen: null, months: null, firstDue: null },
  statementWritten: false,
  requests: [],
  idTail: null,
  minimumFen: null,
  agreement: newAgreement(),
  steps: todo(LENDER_STEPS),
  id,
});

export const newCaseContext = (lang: CaseContext['lang']): CaseContext => ({
  lang,
  consent: 'pending',
  consentOn: null,
  facts: emptyBudget(),
  debts: [emptyDebt(0)],
  current: 0,
  nextDebtId: 1,
  steps: todo(SHARED_STEPS),
  callDraft: {},
  evidence: [],
  snowballCut: null,
  statement: { name: null, phoneTail: null, identityAsked: false },
  complaint: { kind: null, what: null, when: null },
  returnTo: null,
  cameFrom: null,
  checklistMessageId: null,
  pendingAnswer: null,
  reminders: null,
  rehearsal: newRehearsal(),
});

/** Where the debt with this id is in the list now; null once it was removed. */
export const debtIndex = (c: Pick<CaseContext, 'debts'>, id: number): number | null => {
  const index = c.debts.findIndex((d) => d.id === id);
  return index < 0 ? null : index;
};

/** "其他平台" or "其他银行" names nobody: the letters need the lender's own name. */
export const namesNoLender = (d: Pick<DebtFacts, 'product' | 'bank'>): boolean => d.product === 'other' || (d.product === 'credit_card' && d.bank === 'other_bank');

/** The debt the steps are working on. */
export const debtOf = (c: Pick<CaseContext, 'debts' | 'current'>): Debt => c.debts[c.current] ?? c.debts[0]!;

/** The case with the current debt changed. */
export const withDebt = (c: Pick<CaseContext, 'debts' | 'current'>, patch: Partial<Debt>, index = c.current): Pick<CaseContext, 'debts'> => ({
  debts: c.debts.map((d, i) => (i === index ? { ...d, ...patch } : d)),
});

/** The checklist's eight steps for one debt: its own statuses for the steps about its lender, and the shared ones. */
export const stepsOf = (c: Pick<CaseContext, 'debts' | 'current' | 'steps'>, index = c.current): Steps => {
  const own = (c.debts[index] ?? c.debts[0]!).steps;
  // Written out rather than spread: asked for on every render, a fixed-shape object stays cheap for the collector.
  return {
    status: own.status,
    contact: own.contact,
    plan: own.plan,
    snowball: c.steps.snowball,
    evidence: c.steps.evidence,
    statement: own.statement,
    rights: c.steps.rights,
    track: own.track,
  };
};

/**
 * The case as seen for one lender: that debt's facts beside the shared budget, its calls and plan, and the
 * checklist's steps as they stand for it. What the screens and documents about one lender are written from.
 */
export type LenderCase = Omit<CaseContext, 'facts' | 'debts' | 'current' | 'nextDebtId' | 'steps' | 'statement'> & {
  facts: Facts;
  statement: LenderStatement;
  steps: Steps;
  calls: Debt['calls'];
  plan: Plan;
  statementWritten: boolean;
  /**
   * With several debts and something to spare: this lender's part of the monthly amount and the whole amount it
   * is part of. `basis` says how it was reached: in proportion to what each is owed, the minimum the person chose
   * for this lender, or `short` when that minimum cannot be met (this lender is to be asked for an extension or a
   * lower amount). Null with one debt, or nothing to spare.
   */
  /** This lender's part of the monthly amount: in proportion, its chosen minimum, short of it, or its whole debt. */
  share: { fen: number; ofFen: number; basis: 'ratio' | 'minimum' | 'short' | 'full'; minimumFen: number | null; debts: number } | null;
};

/** The monthly amount the person can spare, shared out between the debts; null with one debt or nothing to spare. */
/** The split of the newest context asked about: every lender's view and the checklist read the same one. */
let splitOf: Pick<CaseContext, 'facts' | 'debts'> | null = null;
let lastSplit: (Split & { ofFen: number }) | null = null;

export function monthlySplit(c: Pick<CaseContext, 'facts' | 'debts'>): (Split & { ofFen: number }) | null {
  if (splitOf !== c) {
    lastSplit = splitFor(c);
    splitOf = c;
  }
  return lastSplit;
}

function splitFor(c: Pick<CaseContext, 'facts' | 'debts'>): (Split & { ofFen: number }) | null {
  const b = budget({ incomeFen: c.facts.incomeFen, essentialsFen: c.facts.essentialsFen, otherDebtsFen: c.facts.otherDebtsFen });
  if (c.debts.length < 2 || b === null || b.surplusFen <= 0) return null;
  const split = splitWithMinimums(b.surplusFen, c.debts.map((d) => d.amountFen ?? 0), c.debts.map((d) => d.minimumFen));
  return { ...split, ofFen: b.surplusFen };
}

function shareOf(c: CaseContext, index: number): LenderCase['share'] {
  const split = monthlySplit(c);
  const fen = split?.shares[index];
  if (!split || fen === undefined) return null;
  const minimumFen = c.debts[index]?.minimumFen ?? null;
  const owed = c.debts[index]?.amountFen ?? null;
  const basis = split.unmet.includes(index)
    ? 'short'
    : owed !== null && owed > 0 && fen === owed
      ? 'full'
      : minimumFen !== null && fen === minimumFen
        ? 'minimum'
        : 'ratio';
  return { fen, ofFen: split.ofFen, basis, minimumFen, debts: c.debts.length };
}

/**
 * A context is never changed once made (every change makes a new one), so its view for a lender is worked out once
 * per turn however many screens, guards and documents ask for it. Only the newest context's views are kept: a turn
 * is synchronous, and views kept for every cached case would outlive the turn and load the garbage collector.
 */
let viewsOf: CaseContext | null = null;
let views = new Map<number, LenderCase>();

export function forLender(c: CaseContext, index = c.current): LenderCase {
  if (viewsOf !== c) {
    viewsOf = c;
    views = new Map();
  }
  const known = views.get(index);
  if (known) return known;
  const d = c.debts[index] ?? c.debts[0]!;
  // Written out rather than spread: one small object of a fixed shape (a new case field is a type error here).
  const view: LenderCase = {
    lang: c.lang,
    consent: c.consent,
    consentOn: c.consentOn,
    facts: {
      product: d.product,
      bank: d.bank,
      amountFen: d.amountFen,
      dueDate: d.dueDate,
      dueDateGiven: d.dueDateGiven,
      dailyRateBp: d.dailyRateBp,
      lenderName: d.lenderName,
      ...c.facts,
    },
    steps: stepsOf(c, index),
    callDraft: c.callDraft,
    evidence: c.evidence,
    snowballCut: c.snowballCut,
    statement: { name: c.statement.name, phoneTail: c.statement.phoneTail, identityAsked: c.statement.identityAsked, requests: d.requests, idTail: d.idTail },
    complaint: c.complaint,
    returnTo: c.returnTo,
    cameFrom: c.cameFrom,
    checklistMessageId: c.checklistMessageId,
    pendingAnswer: c.pendingAnswer,
    reminders: c.reminders,
    rehearsal: c.rehearsal,
    calls: d.calls,
    plan: d.plan,
    statementWritten: d.statementWritten,
    share: shareOf(c, index),
  };
  views.set(index, view);
  return view;
}
