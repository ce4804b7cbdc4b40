import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION, debtOf } from '../../flows/case.js';
import { fromStored, toStored } from '../../flows/persistence.js';
import { stateId } from '../../src/render/state-id.js';

/** A case written by schema 1 (one debt): a card, two calls, an approved plan, a statement and a complaint. */
const v1 = JSON.parse(readFileSync(new URL('./fixtures/case-v1.json', import.meta.url), 'utf8')) as {
  schema: number;
  snapshot: { value: unknown; context: Record<string, unknown> & { facts: Record<string, unknown> } };
};

describe('a case stored by schema 1, read by the current schema', () => {
  const old = v1.snapshot.context;
  const snapshot = fromStored(v1.schema, v1.snapshot)!;

  it('is the stored record of schema 1', () => {
    expect(v1.schema).toBe(1);
    expect(CASE_SCHEMA_VERSION).toBe(3);
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
      minimumFen: null,
      agreement: { approvedOn: null, confirmationReceived: false, paid: 0 },
    });
    expect(debtOf(c)).toMatchObject({ product: 'credit_card', bank: 'cmb', amountFen: 1_200_000, dailyRateBp: 5 });
    expect(debtOf(c).calls).toHaveLength(2);
    expect(debtOf(c).plan).toEqual({ status: 'approved', monthlyFen: 100_000, months: 12, firstDue: '2026-12-15' });
  });

  it('keeps the budget once, for every debt', () => {
    expect(snapshot.context.facts).toEqual({
      cause: old.facts.cause,
      causeSince: old.facts.causeSince,
      incomeFen: old.facts.incomeFen,
      essentialsFen: old.facts.essentialsFen,
      otherDebtsFen: old.facts.otherDebtsFen,
    });
  });

  it('keeps everything else as it was', () => {
    const { facts: _f, calls: _c, plan: _p, ...rest } = old;
    const { facts: _nf, debts: _d, current: _cur, ...now } = snapshot.context;
    // Reminders came after schema 1: a case from then has none until they are offered.
    expect(now).toEqual({ ...rest, reminders: null });
    expect(now).toMatchObject({
      lang: 'zh-CN',
      consent: 'given',
      evidence: ['termination_certificate', 'payslips'],
      snowballCut: 'eating_out',
      statement: { name: '李华', phoneTail: '1234', idTail: '567X', requests: ['instalments', 'penalty_reduction'], identityAsked: true },
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
