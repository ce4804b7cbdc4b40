import { createActor, type ActorScope, type EventFromLogic, type ExecutableActionsFrom, type SnapshotFrom, type StateValue } from 'xstate';
import type { FlowEvent } from './events.js';
import { LENDER_STEPS, SHARED_STEPS, STEP_STATUSES, type Lang, type StepStatus } from '../src/domain/catalog.js';
import { advanceStep } from '../src/domain/progress.js';
import { CASE_SCHEMA_VERSION, StoredSnapshotSchema, newRehearsal, type CaseContext, type Debt, type LenderSteps, type StoredSnapshot } from './case.js';
import { caseMachine } from './machine.js';

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 held one debt: its facts beside the budget in `facts`, and `calls` and `plan` on the case. Version 2
 * holds a list of debts: that one debt becomes the only one in the list, with its calls and plan, and the
 * budget stays in `facts`. A record that is not shaped like version 1 is passed on unchanged, for the schema to
 * refuse.
 */
function oneDebtList(stored: unknown): unknown {
  if (!isRecord(stored) || !isRecord(stored.context) || !isRecord(stored.context.facts)) return stored;
  const { calls, plan, facts, ...rest } = stored.context;
  const { product, bank, amountFen, dueDate, dueDateGiven, dailyRateBp, ...budget } = facts;
  // With one lender, step 6 done means its statement was written.
  const statementWritten = isRecord(rest.steps) && rest.steps.statement === 'done';
  const debt = { product, bank, amountFen, dueDate, dueDateGiven, dailyRateBp, calls, plan, statementWritten };
  return { ...stored, context: { ...rest, facts: budget, debts: [debt], current: 0 } };
}

/**
 * Version 2 followed reminders for one debt, the one being worked on: its approval day, written confirmation and
 * instalments paid were kept in the case's reminder state. Version 3 keeps them on each debt, and each debt's row
 * ends with its chosen monthly minimum (none yet) and that record. The reminder marks of version 2 (cancelled,
 * snoozed, said) were about that same debt: they are re-keyed to its index. A record not shaped like version 2 is
 * passed on unchanged, for the schema to refuse.
 */
function remindersPerDebt(stored: unknown): unknown {
  if (!isRecord(stored) || !isRecord(stored.context) || !Array.isArray(stored.context.debts)) return stored;
  const { reminders, current, debts } = stored.context;
  const followed = typeof current === 'number' ? current : 0;
  const old = isRecord(reminders) ? reminders : null;
  const agreement = { approvedOn: old?.approvedOn ?? null, confirmationReceived: old?.confirmationReceived ?? false, paid: old?.paid ?? 0 };
  const none = { approvedOn: null, confirmationReceived: false, paid: 0 };
  const withAgreement = debts.map((d: unknown, i) => (isRecord(d) ? { ...d, minimumFen: null, agreement: i === followed ? agreement : none } : d));
  if (!old) return { ...stored, context: { ...stored.context, debts: withAgreement } };
  const { approvedOn: _a, confirmationReceived: _c, paid: _p, ...kept } = old;
  const rekey = (key: unknown) => (typeof key === 'string' && followed > 0 && /^[a-z]+:\d{4}-\d{2}-\d{2}$/.test(key) ? `${key}:${followed}` : key);
  const marks = (list: unknown) => (Array.isArray(list) ? list.map(rekey) : list);
  const snoozed = Array.isArray(kept.snoozed) ? kept.snoozed.map((s: unknown) => (isRecord(s) ? { ...s, key: rekey(s.key) } : s)) : kept.snoozed;
  const next = { ...kept, cancelled: marks(kept.cancelled), sent: marks(kept.sent), snoozed };
  return { ...stored, context: { ...stored.context, debts: withAgreement, reminders: next } };
}


const isStatus = (v: unknown): v is StepStatus => (STEP_STATUSES as readonly unknown[]).includes(v);

/** What a debt's own data shows of the steps about its lender, where nobody marked them for it. */
function stepsShownBy(debt: Json, budget: Json): LenderSteps {
  const own = [debt.product, debt.amountFen, debt.dueDate];
  const answered =
    [...own, ...(debt.product === 'credit_card' ? [debt.bank] : []), budget.cause, budget.incomeFen, budget.essentialsFen].every(
      (v) => v !== null && v !== undefined,
    );
  const calls = Array.isArray(debt.calls) ? debt.calls : [];
  const plan = isRecord(debt.plan) ? debt.plan.status : null;
  return {
    status: answered ? 'done' : own.some((v) => v !== null && v !== undefined) ? 'in_progress' : 'todo',
    contact: calls.some((c) => isRecord(c) && c.outcome === 'agreed') ? 'done' : calls.length > 0 ? 'in_progress' : 'todo',
    plan: plan === 'approved' ? 'done' : plan === 'submitted' || plan === 'refused' ? 'in_progress' : 'todo',
    statement: debt.statementWritten === true ? 'done' : 'todo',
    track: 'todo',
  };
}

/**
 * Version 2 kept the checklist's eight statuses once for the case; version 3 keeps those about one lender with its
 * debt. Step 1, the plan and the statement are read from each debt's own data (its answers all in, its plan
 * approved, its statement written), since the case's mark may have been earned on another debt. Contact and
 * keeping on track are marked by the person ("done"), which no data shows: the debt being worked on keeps the
 * case's marks (contact raised by its calls); every other debt gets what its calls show. The shared steps stay
 * on the case. Anything not shaped like version 2 is passed on unchanged, for the schema to refuse.
 */
function stepsPerDebt(stored: unknown): unknown {
  if (!isRecord(stored) || !isRecord(stored.context)) return stored;
  const { steps, debts, current, facts } = stored.context;
  if (!isRecord(steps) || !Array.isArray(debts) || !isRecord(facts)) return stored;
  const moved = debts.map((debt: unknown, i) => {
    if (!isRecord(debt)) return debt;
    const shown = stepsShownBy(debt, facts);
    // A case mark that is not a status is kept as it is, for the schema to refuse.
    const own: Record<keyof LenderSteps, unknown> =
      i === current
        ? { ...shown, contact: isStatus(steps.contact) ? advanceStep(steps.contact, shown.contact) : steps.contact, track: steps.track }
        : shown;
    return { ...debt, steps: own };
  });
  const shared = Object.fromEntries(SHARED_STEPS.map((s) => [s, steps[s]]));
  return { ...stored, context: { ...stored.context, steps: shared, debts: moved } };
}

/**
 * Version 3 gives each debt an id of its own, which reminder keys and buttons carry instead of the debt's place in
 * the list: the debts get 0, 1, 2… in list order, and the next one added gets the number of debts. Reminder keys
 * of version 2 named debts by place (none: the first; `remindersPerDebt` gave those of the debt then worked on its
 * place), which these ids keep meaning the same debt. Anything not shaped like version 2 is passed on unchanged, for
 * the schema to refuse.
 */
function debtIds(stored: unknown): unknown {
  if (!isRecord(stored) || !isRecord(stored.context) || !Array.isArray(stored.context.debts)) return stored;
  const debts = stored.context.debts.map((d: unknown, id) => (isRecord(d) ? { ...d, id } : d));
  return { ...stored, context: { ...stored.context, debts, nextDebtId: debts.length } };
}

/**
 * Version 2 stored each debt as a row (its facts, calls, plan and whether its statement is written); a record that
 * came through the version-1 upgrade holds its one debt as an object already. Both become objects, so each step of
 * the upgrade to version 3 sees one shape; a row of another length is left as it is, for the schema to refuse.
 */
function debtObjects(stored: unknown): unknown {
  if (!isRecord(stored) || !isRecord(stored.context) || !Array.isArray(stored.context.debts)) return stored;
  const debts = stored.context.debts.map((d: unknown) => (Array.isArray(d) && d.length === DEBT_FIELDS.length + 3 ? readDebtRow(d) : d));
  return { ...stored, context: { ...stored.context, debts } };
}

/**
 * Version 3 kept one list of requests and one account tail for every statement, so a second lender's letter
 * repeated the first one's. Version 4 keeps them with each debt: the debts whose statement was written (and the
 * one being worked on) keep what was chosen then; the others are asked afresh. Each debt's row ends with the
 * lender's own name (none yet), its requests and its tail. Anything not shaped like version 3 is passed on
 * unchanged, for the schema to refuse.
 */
function requestsPerDebt(stored: unknown): unknown {
  if (!isRecord(stored) || !isRecord(stored.context) || !Array.isArray(stored.context.debts) || !isRecord(stored.context.statement)) return stored;
  const { statement, debts, current } = stored.context;
  const { requests, idTail, ...person } = statement;
  // A record upgraded from an older schema holds its debts as objects already; one stored at version 3, as rows.
  const moved = debts.map((debt: unknown, i) => {
    const row = Array.isArray(debt) && debt.length === DEBT_FIELDS.length + DEBT_TAIL.length ? debt : null;
    if (!row && !isRecord(debt)) return debt;
    const written = (row ? row[DEBT_FIELDS.length + 2] : (debt as Json).statementWritten) === true || i === current;
    const own = { lenderName: null, requests: written ? (requests ?? []) : [], idTail: written ? (idTail ?? null) : null };
    return row ? [...row, ...toRow(DEBT_LETTER, own)] : { ...(debt as Json), ...own };
  });
  return { ...stored, context: { ...stored.context, statement: person, debts: moved } };
}

/** Upgrades from schema N to N+1, applied in order to an older stored record before it is validated. */
export const MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  1: oneDebtList,
  2: (stored) => debtIds(stepsPerDebt(remindersPerDebt(debtObjects(stored)))),
  3: requestsPerDebt,
};

type CaseAction = ExecutableActionsFrom<typeof caseMachine>;

/**
 * The actions of the transition being computed. A transition is synchronous and never starts another, so one
 * buffer, replaced per call, serves every call.
 */
let collected: CaseAction[] = [];

/**
 * The scope `transition`/`initialTransition` from xstate build afresh for every call (a whole actor each time),
 * built once: the machine is flat (no invoked, spawned or system actors), so nothing in it outlives a step, and
 * its actions are only recorded, never executed, exactly as those pure helpers do.
 */
const self = createActor(caseMachine, { input: { lang: 'zh-CN' } });
const scope: ActorScope<CaseSnapshot, EventFromLogic<typeof caseMachine>> = {
  self,
  id: '',
  sessionId: '',
  logger: () => {},
  defer: () => {},
  emit: () => {},
  system: self.system,
  stopChild: () => {},
  actionExecutor: (action) => {
    collected.push(action as CaseAction);
  },
};

/**
 * One pure step of the case machine: the next snapshot and the actions the engine performs after the commit.
 * The same result as xstate's `transition(caseMachine, snapshot, event)`.
 */
export function transitionCase(snapshot: CaseSnapshot, event: FlowEvent): [CaseSnapshot, CaseAction[]] {
  const actions: CaseAction[] = [];
  collected = actions;
  return [caseMachine.transition(snapshot, event, scope), actions];
}

/** A new case in the given language; the same snapshot as xstate's `initialTransition(caseMachine, { lang })`. */
export const freshSnapshot = (lang: Lang): CaseSnapshot => {
  collected = [];
  return caseMachine.getInitialSnapshot(scope, { lang });
};

/**
 * In Redis a debt is a row, not an object: its fields in a fixed order, its calls as rows too, so eight debts with
 * twenty calls stay within a few KiB (field names would be most of it). The order below is the stored format:
 * a change to it is a new schema version.
 */
const DEBT_FIELDS = ['product', 'bank', 'amountFen', 'dueDate', 'dueDateGiven', 'dailyRateBp'] as const;
const CALL_FIELDS = ['date', 'channel', 'agentId', 'outcome', 'promise', 'nextDate'] as const;
/** `kind` was added in schema 4 and is written only for an extension: a plan row without it is instalments. */
const PLAN_FIELDS = ['status', 'monthlyFen', 'months', 'firstDue', 'kind'] as const;
const AGREEMENT_FIELDS = ['approvedOn', 'confirmationReceived', 'paid'] as const;
/** What follows a debt's facts in its row, in order (schema 3's row ended at `id`). */
const DEBT_TAIL = ['calls', 'plan', 'statementWritten', 'minimumFen', 'agreement', 'steps', 'id'] as const;
/** Added by schema 4, after `id`. */
const DEBT_LETTER = ['lenderName', 'requests', 'idTail'] as const;

type Row = unknown[];
export type StoredRecord = {
  value: StoredSnapshot['value'];
  context: Omit<CaseContext, 'debts'> & { debts: Row[] };
};

const toRow = <K extends string>(fields: readonly K[], o: Record<K, unknown>): Row => fields.map((k) => o[k]);
const fromRow = (fields: readonly string[], row: Row): Json => Object.fromEntries(fields.map((k, i) => [k, row[i]]));

/** What each of a debt's letter fields is until given: a row ends before the last fields still at these. */
const LETTER_DEFAULTS: Row = [null, [], null];
/** Equal as JSON (records hold only JSON), compared in place rather than written out. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => same((a as Json)[k], (b as Json)[k]));
}
const withoutTrailingDefaults = (row: Row, defaults: Row): Row => {
  let end = row.length;
  while (end > 0 && same(row[end - 1], defaults[end - 1])) end--;
  return row.slice(0, end);
};

const encodeDebt = (d: Debt): Row => [
  ...toRow(DEBT_FIELDS, d),
  d.calls.map((c) => toRow(CALL_FIELDS, c)),
  toRow(PLAN_FIELDS, { ...d.plan, kind: d.plan.kind ?? null }).filter((v, i) => i < PLAN_FIELDS.length - 1 || v !== null),
  d.statementWritten,
  d.minimumFen,
  toRow(AGREEMENT_FIELDS, d.agreement),
  toRow(LENDER_STEPS, d.steps),
  d.id,
  ...withoutTrailingDefaults(toRow(DEBT_LETTER, d), LETTER_DEFAULTS),
];

/** The start of a debt's row since schema 2: its facts, then its calls, plan and whether its statement is written. */
function readDebtRow(row: Row): Json {
  const [calls, plan, statementWritten] = row.slice(DEBT_FIELDS.length);
  return {
    ...fromRow(DEBT_FIELDS, row),
    calls: Array.isArray(calls) ? calls.map((c: unknown) => (Array.isArray(c) ? fromRow(CALL_FIELDS, c) : c)) : calls,
    plan: Array.isArray(plan) ? fromRow(PLAN_FIELDS, plan) : plan,
    statementWritten,
  };
}

/** A stored row back to a debt, for the schema to check; anything not shaped as a row is left for it to refuse. */
function decodeDebt(row: unknown): unknown {
  const tail = DEBT_FIELDS.length + DEBT_TAIL.length;
  if (!Array.isArray(row) || row.length < tail || row.length > tail + DEBT_LETTER.length) return row;
  const [minimumFen, agreement, steps, id] = row.slice(DEBT_FIELDS.length + 3);
  return {
    ...readDebtRow(row),
    minimumFen,
    agreement: Array.isArray(agreement) ? fromRow(AGREEMENT_FIELDS, agreement) : agreement,
    steps: Array.isArray(steps) ? fromRow(LENDER_STEPS, steps) : steps,
    id,
    ...fromRow(DEBT_LETTER, DEBT_LETTER.map((_, i) => (tail + i < row.length ? row[tail + i] : LETTER_DEFAULTS[i]))),
  };
}

function decodeDebts(record: unknown): unknown {
  if (!isRecord(record) || !isRecord(record.context) || !Array.isArray(record.context.debts)) return record;
  return { ...record, context: { ...record.context, debts: record.context.debts.map(decodeDebt) } };
}

/**
 * Fields added after the first stored format, left out while they hold the value the schema gives a record without
 * them: most cases never use them, and every commit writes the whole record.
 */
const CONTEXT_DEFAULTS = () => ({ cameFrom: null, consentOn: null, pendingAnswer: null, reminders: null, rehearsal: newRehearsal() });

const DEFAULTS: Record<string, unknown> = CONTEXT_DEFAULTS();

/**
 * The record stored for a snapshot. Given the snapshot it follows and that one's record, the parts of the context
 * the step left as they were (the same objects: a step replaces only what it changes) are that record's own parts,
 * not encoded again: a step costs what it changed, and comparing the two records skips what they share.
 */
export function toStored(snapshot: CaseSnapshot, from?: { snapshot: CaseSnapshot; record: StoredRecord }): StoredRecord {
  const context = snapshot.context as unknown as Json;
  const before = from?.snapshot.context as unknown as Json | undefined;
  const kept = from?.record.context as unknown as Json | undefined;
  const stored: Json = {};
  for (const k in context) {
    const v = context[k];
    if (k === 'debts') continue;
    if (before && kept && v === before[k]) {
      if (k in kept) stored[k] = kept[k];
    } else if (k === 'facts') stored[k] = (v as CaseContext['facts']).causeWords === null ? withoutCauseWords(v as CaseContext['facts']) : v;
    else if (!(k in DEFAULTS) || !same(v, DEFAULTS[k])) stored[k] = v;
  }
  // The debts last, as rows; a debt the step left as it was keeps its row.
  const { debts } = snapshot.context;
  const rows = kept?.debts as Row[] | undefined;
  stored.debts =
    before && rows && debts === before.debts
      ? rows
      : debts.map((d, i) => (before && rows && d === (before.debts as Debt[])[i] && rows[i] ? rows[i] : encodeDebt(d)));
  return { value: snapshot.value as StoredSnapshot['value'], context: stored as StoredRecord['context'] };
}

const withoutCauseWords = ({ causeWords: _, ...facts }: CaseContext['facts']) => facts;

/**
 * The stored case as a snapshot, migrated to the current schema; null when it cannot be read (a newer schema, a
 * damaged record), so the chat starts afresh rather than crash.
 */
export function fromStored(schema: number, raw: unknown): CaseSnapshot | null {
  let record = raw;
  for (let v = schema; v < CASE_SCHEMA_VERSION; v++) {
    const up = MIGRATIONS[v];
    if (!up) return null;
    record = up(record);
  }
  const parsed = StoredSnapshotSchema.safeParse(decodeDebts(record));
  if (schema > CASE_SCHEMA_VERSION || !parsed.success) return null;
  try {
    return caseMachine.resolveState({ value: parsed.data.value as StateValue, context: parsed.data.context });
  } catch {
    // The state was renamed or removed since this was stored: keep every answer, resume at the checklist.
    return caseMachine.resolveState({ value: 'hub', context: parsed.data.context });
  }
}
