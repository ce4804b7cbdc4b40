import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION, debtOf, newRehearsal, stepsOf } from '../../flows/case.js';
import { fromStored, toStored } from '../../flows/persistence.js';
import { stateId } from '../../src/render/state-id.js';

/** A case written by schema 1 (one debt): a card, two calls, an approved plan, a statement and a complaint. */
const v1 = JSON.parse(readFileSync(new URL('./fixtures/case-v1.json', import.meta.url), 'utf8')) as {
  schema: number;
  snapshot: { value: unknown; context: Record<string, unknown> & { facts: Record<string, unknown>; statement: Record<string, unknown> } };
};

describe('a case stored by schema 1, read by the current schema', () => {
  const old = v1.snapshot.context;
  const snapshot = fromStored(v1.schema, v1.snapshot)!;

  it('is the stored record of schema 1', () => {
    expect(v1.schema).toBe(1);
    expect(CASE_SCHEMA_VERSION).toBe(4);
  });

  it('resumes in the same state', () => {
    expect(snapshot).not.toBeNull();
    expect(stateId(snapshot.value)).toBe('statement.complaintReady');
  });

  it('holds its one debt as a one-debt list, with every answer about it, its calls and its plan', () => {
    const c = snapshot.context;
    expect(c.debts).toHaveLength(1);
    expect(c.current).toBe(0);
    expect(debtOf(c)).toEqual({
      product: old.facts.product,
      bank: old.facts.bank,
      amountFen: old.facts.amountFen,
      dueDate: old.facts.dueDate,
      dueDateGiven: old.facts.dueDateGiven,
      dailyRateBp: old.facts.dailyRateBp,
      calls: old.calls,
      plan: old.plan,
      statementWritten: true,
      // The one statement's requests and account tail were this lender's; it has no name of its own to ask for.
      lenderName: null,
      requests: old.statement.requests,
      idTail: old.statement.idTail,
      minimumFen: null,
      agreement: { approvedOn: null, confirmationReceived: false, paid: 0 },
      // Its answers are all in, the plan approved and the statement written; contact was marked done.
      steps: { status: 'done', contact: 'done', plan: 'done', statement: 'done', track: 'todo' },
      id: 0,
    });
    // The next debt added is the second ever: its id is 1.
    expect(c.nextDebtId).toBe(1);
    expect(debtOf(c)).toMatchObject({ product: 'credit_card', bank: 'cmb', amountFen: 1_200_000, dailyRateBp: 5 });
    expect(debtOf(c).calls).toHaveLength(2);
    expect(debtOf(c).plan).toEqual({ status: 'approved', monthlyFen: 100_000, months: 12, firstDue: '2026-12-15' });
  });

  it('keeps the budget once, for every debt', () => {
    expect(snapshot.context.facts).toEqual({
      cause: old.facts.cause,
      causeSince: old.facts.causeSince,
      // The cause in the person's own words came later: a case from then has none.
      causeWords: null,
      incomeFen: old.facts.incomeFen,
      essentialsFen: old.facts.essentialsFen,
      otherDebtsFen: old.facts.otherDebtsFen,
    });
  });

  it('keeps the shared steps on the case', () => {
    expect(snapshot.context.steps).toEqual({ snowball: 'done', evidence: 'done', rights: 'todo' });
  });

  it('keeps everything else as it was', () => {
    const { facts: _f, calls: _c, plan: _p, steps: _s, ...rest } = old;
    const { facts: _nf, debts: _d, current: _cur, nextDebtId: _next, steps: _ns, ...now } = snapshot.context;
    // Reminders, the day of consent, an amount asked back and the call rehearsal came after schema 1: a case from
    // then has none (the day is not guessed).
    const { requests: _r, idTail: _t, ...person } = rest.statement;
    expect(now).toEqual({ ...rest, statement: person, consentOn: null, pendingAnswer: null, rehearsal: newRehearsal(), reminders: null });
    expect(now).toMatchObject({
      lang: 'zh-CN',
      consent: 'given',
      evidence: ['termination_certificate', 'payslips'],
      snowballCut: 'eating_out',
      statement: { name: '李华', phoneTail: '1234', identityAsked: true },
      complaint: { kind: 'refusal', what: '客服拒绝分期，没有说明理由', when: '2026-11-20' },
      checklistMessageId: 4242,
    });
  });

  it('is stored again in the current shape, and read back the same', () => {
    const again = fromStored(CASE_SCHEMA_VERSION, JSON.parse(JSON.stringify(toStored(snapshot))))!;
    expect(again.context).toEqual(snapshot.context);
  });

  it('is refused, not guessed at, when a schema-1 record is damaged', () => {
    expect(fromStored(1, { ...v1.snapshot, context: { ...old, facts: 'lost' } })).toBeNull();
    expect(fromStored(1, { ...v1.snapshot, context: { ...old, calls: [{ date: 'yesterday' }] } })).toBeNull();
  });
});

/**
 * A case written by schema 2 (several debts, each stored as a row), as the bot stored it: 花呗 with one call, an
 * approved plan and its statement; 借呗, the debt being worked on, with two calls; a card with nobody reached and a
 * refused plan. The checklist's eight statuses were still one set for the whole case.
 */
const v2 = JSON.parse(readFileSync(new URL('./fixtures/case-v2.json', import.meta.url), 'utf8')) as {
  schema: number;
  snapshot: { value: unknown; context: Record<string, unknown> & { debts: unknown[][]; steps: Record<string, string> } };
};

/** A schema-2 debt row, read by its field names: six facts, the calls, the plan, whether the statement is written. */
const v2Debt = (row: unknown[]) => {
  const [product, bank, amountFen, dueDate, dueDateGiven, dailyRateBp] = row;
  const [calls, plan, statementWritten] = row.slice(6) as [unknown[][], unknown[], boolean];
  const [status, monthlyFen, months, firstDue] = plan;
  return {
    product,
    bank,
    amountFen,
    dueDate,
    dueDateGiven,
    dailyRateBp,
    calls: calls.map(([date, channel, agentId, outcome, promise, nextDate]) => ({ date, channel, agentId, outcome, promise, nextDate })),
    plan: { status, monthlyFen, months, firstDue },
    statementWritten,
  };
};

describe('a case stored by schema 2, read by the current schema', () => {
  const old = v2.snapshot.context;
  const snapshot = fromStored(v2.schema, v2.snapshot)!;
  const c = snapshot.context;

  it('is the stored record of schema 2: three debts as rows, one set of steps for the case', () => {
    expect(v2.schema).toBe(2);
    expect(old.debts.map((row) => row.length)).toEqual([9, 9, 9]);
    expect(old.steps).toEqual({
      status: 'done',
      contact: 'done',
      plan: 'done',
      snowball: 'done',
      evidence: 'done',
      statement: 'done',
      rights: 'todo',
      track: 'todo',
    });
  });

  it('resumes in the same state, on the same debt', () => {
    expect(snapshot).not.toBeNull();
    expect(stateId(snapshot.value)).toBe('contact.script');
    expect(c.current).toBe(1);
  });

  it('keeps every answer, call, plan and statement of every debt', () => {
    expect(c.debts.map(({ steps: _s, minimumFen: _m, agreement: _a, id: _id, lenderName: _n, requests: _r, idTail: _t, ...debt }) => debt)).toEqual(
      old.debts.map(v2Debt),
    );
    expect(c.debts.map((d) => [d.product, d.calls.length, d.plan.status, d.statementWritten])).toEqual([
      ['huabei', 1, 'approved', true],
      ['jiebei', 2, 'none', false],
      ['credit_card', 1, 'refused', false],
    ]);
    expect(c.debts[0]!.plan).toEqual({ status: 'approved', monthlyFen: 53_922, months: 12, firstDue: '2026-12-15' });
    expect(c.debts[1]!.calls[0]).toEqual({ date: '2026-11-24', channel: 'phone', agentId: 'B77', outcome: 'callback', promise: '可以申请延期', nextDate: '2026-12-01' });
  });

  it('gives each debt the steps about its lender that its own data shows; the one worked on keeps the case’s contact mark', () => {
    expect(c.debts.map((d) => d.steps)).toEqual([
      // 花呗: a call that reached someone but agreed nothing yet, a plan approved, its statement written.
      { status: 'done', contact: 'in_progress', plan: 'done', statement: 'done', track: 'todo' },
      // 借呗: contact was marked done while working on it; its plan and statement were never started.
      { status: 'done', contact: 'done', plan: 'todo', statement: 'todo', track: 'todo' },
      // The card: nobody reached, its plan refused.
      { status: 'done', contact: 'in_progress', plan: 'in_progress', statement: 'todo', track: 'todo' },
    ]);
  });

  it('gives the one list of requests to the lenders whose statement was written and the one worked on; the others are asked afresh', () => {
    expect(c.debts.map((d) => [d.product, d.requests, d.idTail])).toEqual([
      ['huabei', ['instalments'], null],
      ['jiebei', ['instalments'], null],
      ['credit_card', [], null],
    ]);
  });

  it('keeps the shared steps once, the same for every debt', () => {
    expect(c.steps).toEqual({ snowball: 'done', evidence: 'done', rights: 'todo' });
    expect(c.debts.map((_, i) => stepsOf(c, i).evidence)).toEqual(['done', 'done', 'done']);
  });

  it('gives the agreement the reminders followed to the debt being worked on, and no minimum to any debt', () => {
    expect(c.debts.map((d) => [d.minimumFen, d.agreement])).toEqual([
      [null, { approvedOn: null, confirmationReceived: false, paid: 0 }],
      [null, { approvedOn: '2026-11-24', confirmationReceived: false, paid: 0 }],
      [null, { approvedOn: null, confirmationReceived: false, paid: 0 }],
    ]);
  });

  it('gives the debts ids in the order of the list, and the next debt added the next one', () => {
    expect(c.debts.map((d) => [d.product, d.id])).toEqual([
      ['huabei', 0],
      ['jiebei', 1],
      ['credit_card', 2],
    ]);
    expect(c.nextDebtId).toBe(3);
  });

  it('keeps everything else as it was', () => {
    const { steps: _s, debts: _d, reminders, statement, ...rest } = old;
    const { steps: _ns, debts: _nd, reminders: nowReminders, nextDebtId: _next, statement: nowStatement, ...now } = c;
    // The day of consent was not kept in schema 2 (it is not guessed); an amount asked back, the call rehearsal and
    // the cause in one's own words came later.
    const facts = { ...(rest.facts as Record<string, unknown>), causeWords: null };
    expect(now).toEqual({ ...rest, facts, consentOn: null, pendingAnswer: null, rehearsal: newRehearsal() });
    const { requests: _r, idTail: _t, ...person } = statement as Record<string, unknown>;
    expect(nowStatement).toEqual(person);
    const { approvedOn: _ap, confirmationReceived: _cr, paid: _p, ...keptReminders } = reminders as Record<string, unknown>;
    expect(nowReminders).toEqual(keptReminders);
    expect(now).toMatchObject({
      facts: { cause: 'job_loss', causeSince: '2026-08', incomeFen: 600_000, essentialsFen: 350_000, otherDebtsFen: 80_000 },
      evidence: ['termination_certificate', 'unemployment_registration'],
      snowballCut: 'eating_out',
      checklistMessageId: 777,
    });
    expect(c.reminders).toMatchObject({ choice: 'asked' });
  });

  it('is stored again with each debt’s steps at the end of its row, and read back the same', () => {
    const stored = JSON.parse(JSON.stringify(toStored(snapshot))) as { context: { debts: unknown[][] } };
    // After the schema-2 fields: the minimum, the agreement, the steps, then the id.
    // Then the lender's own name and its requests (its account tail, not given, is left off the end).
    expect(stored.context.debts[0]).toEqual([...old.debts[0]!, null, [null, false, 0], ['done', 'in_progress', 'done', 'done', 'todo'], 0, null, ['instalments']]);
    expect(stored.context.debts.map((row) => row[old.debts[0]!.length + 3])).toEqual([0, 1, 2]);
    expect(fromStored(CASE_SCHEMA_VERSION, stored)!.context).toEqual(c);
  });

  it('is refused, not guessed at, when a schema-2 record is damaged', () => {
    expect(fromStored(2, { ...v2.snapshot, context: { ...old, steps: { ...old.steps, contact: 'maybe' } } })).toBeNull();
    expect(fromStored(2, { ...v2.snapshot, context: { ...old, debts: [old.debts[0]!.slice(0, 7)] } })).toBeNull();
  });
});
