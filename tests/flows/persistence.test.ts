import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION, debtOf } from '../../flows/case.js';
import { fromStored, toStored } from '../../flows/persistence.js';
import { stateId } from '../../src/render/state-id.js';
import { consented } from './drive.js';

describe('storing and restoring a case', () => {
  it('round-trips through JSON to the same state and answers', () => {
    const d = consented().choose('huabei').text('5500');
    const stored = JSON.parse(JSON.stringify(toStored(d.snapshot)));
    const back = fromStored(CASE_SCHEMA_VERSION, stored)!;
    expect(stateId(back.value)).toBe('status.overdue');
    expect(back.context).toEqual(d.context);
  });

  it('refuses a record it cannot read rather than guess', () => {
    const stored = toStored(consented().snapshot);
    expect(fromStored(CASE_SCHEMA_VERSION + 1, stored)).toBeNull();
    expect(fromStored(CASE_SCHEMA_VERSION, { ...stored, context: { ...stored.context, lang: 'fr' } })).toBeNull();
    expect(fromStored(CASE_SCHEMA_VERSION, 'garbage')).toBeNull();
  });

  it('keeps each debt’s id after its steps (then its lender’s name, requests and tail, while given), and refuses ids given twice or past the counter', () => {
    const d = consented().choose('huabei').text('5500');
    const stored = JSON.parse(JSON.stringify(toStored(d.snapshot))) as ReturnType<typeof toStored>;
    // No lender name, request or tail given yet: the row ends at the id.
    expect(stored.context.debts[0]!.at(-1)).toBe(0);
    expect(stored.context.nextDebtId).toBe(1);
    const row = stored.context.debts[0]!;
    const withIds = (ids: number[], nextDebtId: number) => ({ ...stored, context: { ...stored.context, nextDebtId, debts: ids.map((id) => [...row.slice(0, -1), id]) } });
    expect(fromStored(CASE_SCHEMA_VERSION, withIds([0, 3], 4))!.context.debts.map((x) => x.id)).toEqual([0, 3]);
    expect(fromStored(CASE_SCHEMA_VERSION, withIds([2, 2], 4))).toBeNull();
    expect(fromStored(CASE_SCHEMA_VERSION, withIds([0, 4], 4))).toBeNull();
  });

  it('leaves out what still holds its first value (a field added later, a letter detail not given) and reads it back the same', () => {
    const d = consented().choose('huabei').text('5500');
    const stored = toStored(d.snapshot);
    for (const field of ['cameFrom', 'pendingAnswer', 'reminders', 'rehearsal']) expect(stored.context).not.toHaveProperty(field);
    expect(stored.context.facts).not.toHaveProperty('causeWords');
    expect(fromStored(CASE_SCHEMA_VERSION, JSON.parse(JSON.stringify(stored)))!.context).toEqual(d.snapshot.context);
  });

  it('keeps every answer and resumes at the checklist when a stored state no longer exists', () => {
    const d = consented().choose('huabei').text('5500');
    const back = fromStored(CASE_SCHEMA_VERSION, { ...toStored(d.snapshot), value: { status: 'renamedLongAgo' } })!;
    expect(stateId(back.value)).toBe('hub');
    expect(debtOf(back.context).amountFen).toBe(550_000);
  });

  it('stores a step from the record it follows as it would from nothing, sharing what the step left as it was', () => {
    const d = consented().choose('huabei');
    let snapshot = d.snapshot;
    let record = toStored(snapshot);
    for (const input of ['5500', '45天'] as const) {
      d.text(input);
      const next = toStored(d.snapshot, { snapshot, record });
      expect(next).toEqual(toStored(d.snapshot));
      expect(next.context.steps).toBe(record.context.steps);
      snapshot = d.snapshot;
      record = next;
    }
    d.choose('job_loss');
    const next = toStored(d.snapshot, { snapshot, record });
    expect(next).toEqual(toStored(d.snapshot));
    // The answer changed the facts, not the debt: its row is the one stored before.
    expect(next.context.debts[0]).toBe(record.context.debts[0]);
  });
});
