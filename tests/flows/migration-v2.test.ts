import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../flows/case.js';
import type { FlowEvent } from '../../flows/events.js';
import { caseMachine } from '../../flows/machine.js';
import { fromStored, toStored, transitionCase } from '../../flows/persistence.js';
import { dueToday, reminders } from '../../src/domain/reminders.js';

/**
 * A case written by schema 2 (several debts, reminders following only the debt being worked on): two debts, the
 * second (a card) worked on, with its plan approved, one instalment marked paid, a bill check cancelled and a
 * call-back snoozed.
 */
const v2 = JSON.parse(readFileSync(new URL('./fixtures/case-v2-reminders.json', import.meta.url), 'utf8')) as {
  schema: number;
  snapshot: { value: unknown; context: Record<string, unknown> & { reminders: Record<string, unknown>; current: number } };
};

describe('a case stored by schema 2 with reminders on, read by the current schema', () => {
  const snapshot = fromStored(v2.schema, v2.snapshot)!;
  const c = snapshot.context;

  it('is the stored record of schema 2, read as the current schema', () => {
    expect(v2.schema).toBe(2);
    expect(CASE_SCHEMA_VERSION).toBe(4);
    expect(snapshot).not.toBeNull();
    expect(snapshot.value).toBe('hub');
  });

  it('moves the approval day, the confirmation and the instalments paid onto the debt they were about', () => {
    expect(c.current).toBe(1);
    expect(c.debts[1]!.agreement).toEqual({ approvedOn: '2026-11-24', confirmationReceived: false, paid: 1 });
    expect(c.debts[0]!.agreement).toEqual({ approvedOn: null, confirmationReceived: false, paid: 0 });
    expect(c.reminders).not.toHaveProperty('paid');
    expect(c.reminders).not.toHaveProperty('approvedOn');
  });

  it('keeps the person’s choices, re-keyed to that debt', () => {
    expect(c.reminders).toMatchObject({
      choice: 'on',
      since: '2026-11-24',
      cancelled: ['bill:2026-12-15:1'],
      snoozed: [{ key: 'contact:2026-12-01:1', until: '2026-12-03' }],
    });
  });

  it('sets no minimum for any lender', () => {
    expect(c.debts.map((d) => d.minimumFen)).toEqual([null, null]);
  });

  it('gives the debts ids in list order, so the re-keyed marks name the card by its id', () => {
    expect(c.debts.map((d) => d.id)).toEqual([0, 1]);
    expect(c.nextDebtId).toBe(2);
  });

  it('goes on reminding of the card’s next instalment, the second one, with the card named by its id', () => {
    const next = reminders(c, '2026-11-25').filter((x) => x.kind === 'instalment');
    expect(next[0]).toMatchObject({ debt: 1, key: 'instalment:2027-01-12:1', instalment: { number: 2, of: 12, amountFen: 100_000 } });
    // The snoozed call-back is still snoozed, to the same day.
    expect(dueToday(c, '2026-12-01').some((x) => x.kind === 'contact')).toBe(false);
    expect(dueToday(c, '2026-12-03').map((x) => x.key)).toContain('contact:2026-12-01:1');
  });

  it('with the first debt worked on, its marks keep their keys (no index: the first debt’s)', () => {
    const first = fromStored(2, { ...v2.snapshot, context: { ...v2.snapshot.context, current: 0 } })!.context;
    expect(first.debts[0]!.agreement.paid).toBe(1);
    expect(first.reminders?.cancelled).toEqual(['bill:2026-12-15']);
  });

  it('keeps the card’s reminders and marks when the first debt is removed: the card keeps its id', () => {
    const [removed] = transitionCase(caseMachine.resolveState({ value: 'confirmRemoveDebt', context: { ...c, current: 0 } }), {
      type: 'CHOOSE',
      value: 'yes',
      today: '2026-11-25',
    } as FlowEvent);
    const after = removed.context;
    expect(after.debts.map((d) => [d.product, d.id])).toEqual([['credit_card', 1]]);
    expect(after.reminders).toMatchObject({ cancelled: ['bill:2026-12-15:1'], snoozed: [{ key: 'contact:2026-12-01:1', until: '2026-12-03' }] });
    expect(reminders(after, '2026-11-25').find((x) => x.kind === 'instalment')).toMatchObject({ debt: 1, key: 'instalment:2027-01-12:1' });
  });

  it('is stored again in the current shape, and read back the same', () => {
    const again = fromStored(CASE_SCHEMA_VERSION, JSON.parse(JSON.stringify(toStored(snapshot))))!;
    expect(again.context).toEqual(c);
  });

  it('is refused, not guessed at, when a schema-2 debt row is damaged', () => {
    const debts = [...(v2.snapshot.context.debts as unknown[])];
    debts[1] = ['credit_card'];
    expect(fromStored(2, { ...v2.snapshot, context: { ...v2.snapshot.context, debts } })).toBeNull();
  });
});
