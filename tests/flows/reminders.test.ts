import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { emptyDebt, newCaseContext, type CaseContext, type Debt } from '../../flows/case.js';
import type { FlowEvent, FlowEventBody } from '../../flows/events.js';
import { caseMachine } from '../../flows/machine.js';
import { newReminderState } from '../../src/domain/reminders.js';

/**
 * The machine's side of reminders, pure: a `REMIND` says what is due, once a day; buttons change the case's
 * reminder state and say so; nothing here reads a clock or calls anything.
 */
/** A case in `value`; the plan, calls and agreement given are the (one) debt's. */
const at = ({ plan, calls, agreement, ...ctx }: Partial<CaseContext> & Partial<Pick<Debt, 'plan' | 'calls' | 'agreement'>>, value = 'hub') => {
  const base = newCaseContext('zh-CN');
  const debt = { ...emptyDebt(0), ...(plan ? { plan } : {}), ...(calls ? { calls } : {}), ...(agreement ? { agreement } : {}) };
  return caseMachine.resolveState({ value, context: { ...base, consent: 'given', debts: [debt], ...ctx } });
};
const step = (snapshot: ReturnType<typeof at>, body: FlowEventBody, today: string) => {
  const [next, actions] = transition(caseMachine, snapshot, { ...body, today } as FlowEvent);
  return { next, actions, notices: actions.filter((a) => a.type === 'notice').map((a) => (a.params as { key: string }).key) };
};
const on = { ...newReminderState(), choice: 'on' as const, since: '2026-11-24' };
const plan = { status: 'approved' as const, monthlyFen: 70_000, months: 12, firstDue: '2026-12-10' };

describe('reminders in the case machine', () => {
  it('REMIND says what is due in one action, marks it said, and says nothing more that day', () => {
    const s = at({ reminders: on, plan, calls: [{ date: '2026-11-24', channel: 'phone', agentId: null, outcome: 'agreed', promise: null, nextDate: '2026-12-07' }] });
    const first = step(s, { type: 'REMIND' }, '2026-12-07');
    const remind = first.actions.filter((a) => a.type === 'remind');
    expect(remind).toHaveLength(1);
    expect((remind[0]!.params as { items: Array<{ kind: string }> }).items.map((i) => i.kind)).toEqual(['contact', 'instalment']);
    expect(first.next.context.reminders).toMatchObject({ lastSentOn: '2026-12-07', sent: ['contact:2026-12-07', 'instalment:2026-12-07'] });
    expect(first.next.value).toBe('hub');
    expect(step(first.next, { type: 'REMIND' }, '2026-12-07').actions).toEqual([]);
  });

  it('REMIND does nothing while reminders are not on, or for a case that never had them', () => {
    expect(step(at({ plan }), { type: 'REMIND' }, '2026-12-07').actions).toEqual([]);
    expect(step(at({ plan, reminders: { ...on, choice: 'off' } }), { type: 'REMIND' }, '2026-12-07').actions).toEqual([]);
  });

  it('"not yet" promises another reminder only from the one 3 days before', () => {
    const s = at({ reminders: on, plan });
    expect(step(s, { type: 'REMINDER', action: 'nope', key: 'instalment:2026-12-07' }, '2026-12-07').notices).toEqual(['reminders.notYet']);
    expect(step(s, { type: 'REMINDER', action: 'nope', key: 'instalment:2026-12-09' }, '2026-12-09').notices).toEqual(['reminders.notYetLast']);
  });

  it('"not yet" on another debt\'s last reminder (its key ends with the debt id) says what to do, not another reminder', () => {
    const s = at({ reminders: on });
    const second = { ...emptyDebt(1), plan, id: 1 };
    const two = caseMachine.resolveState({ value: 'hub', context: { ...s.context, debts: [s.context.debts[0]!, second], nextDebtId: 2 } });
    expect(step(two, { type: 'REMINDER', action: 'nope', key: 'instalment:2026-12-07:1' }, '2026-12-07').notices).toEqual(['reminders.notYet']);
    expect(step(two, { type: 'REMINDER', action: 'nope', key: 'instalment:2026-12-09:1' }, '2026-12-09').notices).toEqual(['reminders.notYetLast']);
  });

  it('"paid" counts the instalment once; the last one paid says the plan is done', () => {
    const s = at({ reminders: on, plan: { ...plan, firstDue: '2025-12-10' }, agreement: { approvedOn: null, confirmationReceived: false, paid: 11 } });
    const paid = step(s, { type: 'REMINDER', action: 'paid', key: 'instalment:2026-11-07' }, '2026-11-07');
    expect(paid.next.context.debts[0]!.agreement.paid).toBe(12);
    expect(paid.notices).toEqual(['reminders.paidAll']);
    expect(step(paid.next, { type: 'REMINDER', action: 'paid', key: 'instalment:2026-11-07' }, '2026-11-07').notices).toEqual(['reminders.gone']);
  });

  it('a button about a reminder the case no longer calls for is answered and changes nothing', () => {
    const s = at({ reminders: on });
    const r = step(s, { type: 'REMINDER', action: 'x', key: 'contact:2026-12-07' }, '2026-11-24');
    expect(r.notices).toEqual(['reminders.gone']);
    expect(r.next.context.reminders).toEqual(on);
  });

  it('without consent to keep details, reminders cannot be turned on', () => {
    const s = caseMachine.resolveState({ value: 'hub', context: { ...newCaseContext('zh-CN'), consent: 'declined' } });
    const r = step(s, { type: 'REMINDER', action: 'on', key: '' }, '2026-11-24');
    expect(r.notices).toEqual(['reminders.needConsent']);
    expect(r.next.context.reminders).toBeNull();
  });

  it('a 403 turns reminders off in the case', () => {
    expect(step(at({ reminders: on }), { type: 'REMINDERS_BLOCKED' }, '2026-11-24').next.context.reminders?.choice).toBe('off');
  });
});

describe('reminders for every debt', () => {
  const huabei = { ...emptyDebt(0), product: 'huabei' as const, amountFen: 900_000, plan, agreement: { approvedOn: '2026-11-24', confirmationReceived: false, paid: 0 } };
  const card = {
    ...emptyDebt(1),
    product: 'credit_card' as const,
    amountFen: 700_000,
    plan: { ...plan, monthlyFen: 35_000 },
    agreement: { approvedOn: '2026-11-24', confirmationReceived: false, paid: 0 },
  };
  const two = (over: Partial<CaseContext> = {}) =>
    caseMachine.resolveState({ value: 'hub', context: { ...newCaseContext('zh-CN'), consent: 'given', debts: [huabei, card], nextDebtId: 2, reminders: on, ...over } });

  it('REMIND says both debts’ instalments due that day, each with its debt', () => {
    const r = step(two(), { type: 'REMIND' }, '2026-12-07');
    const items = (r.actions.find((a) => a.type === 'remind')!.params as { items: Array<{ key: string; debt: number }> }).items;
    expect(items.map((i) => [i.key, i.debt])).toEqual([
      ['instalment:2026-12-07', 0],
      ['instalment:2026-12-07:1', 1],
    ]);
    expect(r.next.context.reminders?.sent).toEqual(['instalment:2026-12-07', 'instalment:2026-12-07:1']);
  });

  it('"paid" on the second debt’s reminder counts for the second debt only', () => {
    const r = step(two(), { type: 'REMINDER', action: 'paid', key: 'instalment:2026-12-07:1' }, '2026-12-07');
    expect(r.next.context.debts.map((d) => d.agreement.paid)).toEqual([0, 1]);
    expect(r.notices).toEqual(['reminders.paidNoted']);
  });

  it('"received" on the second debt’s confirmation reminder is kept on that debt', () => {
    const r = step(two(), { type: 'REMINDER', action: 'got', key: 'confirmation:2026-11-27:1' }, '2026-11-27');
    expect(r.next.context.debts.map((d) => d.agreement.confirmationReceived)).toEqual([false, true]);
  });

  it('"received" or "ask in writing" pressed without a reminder names no debt: nothing changes', () => {
    for (const action of ['got', 'doc'] as const) {
      const r = step(two(), { type: 'REMINDER', action, key: '' }, '2026-11-27');
      expect(r.notices).toEqual(['reminders.gone']);
      expect(r.next.context.debts).toEqual(two().context.debts);
    }
  });

  it('"can’t pay" on the second debt’s reminder opens that debt’s plan step', () => {
    const r = step(two(), { type: 'REMINDER', action: 'cant', key: 'instalment:2026-12-09:1' }, '2026-12-09');
    expect(r.next.context.current).toBe(1);
    expect(JSON.stringify(r.next.value)).toContain('plan');
  });

  it('a plan approved for the debt being worked on starts its own confirmation count', () => {
    const s = caseMachine.resolveState({
      value: { plan: 'first' },
      context: { ...newCaseContext('zh-CN'), consent: 'given', debts: [huabei, { ...card, plan: { ...card.plan, status: 'submitted' as const }, agreement: { approvedOn: null, confirmationReceived: false, paid: 0 } }], current: 1 },
    });
    const r = step(s, { type: 'TEXT', text: '12月10日' }, '2026-11-30');
    expect(r.next.context.debts.map((d) => d.agreement.approvedOn)).toEqual(['2026-11-24', '2026-11-30']);
  });

  it('removing the first debt drops its marks; the card, now first in the list, keeps its id and its marks', () => {
    const s = two({ reminders: { ...on, cancelled: ['bill:2026-12-24', 'bill:2026-12-24:1'] } });
    const removing = caseMachine.resolveState({ value: 'confirmRemoveDebt', context: { ...s.context, current: 0 } });
    const r = step(removing, { type: 'CHOOSE', value: 'yes' }, '2026-11-25');
    expect(r.next.context.debts.map((d) => [d.product, d.id])).toEqual([['credit_card', 1]]);
    expect(r.next.context.reminders?.cancelled).toEqual(['bill:2026-12-24:1']);
    // Its buttons still name it; the removed debt's name nothing and change nothing.
    expect(step(r.next, { type: 'REMINDER', action: 'paid', key: 'instalment:2026-12-07:1' }, '2026-12-07').next.context.debts[0]!.agreement.paid).toBe(1);
    const stale = step(r.next, { type: 'REMINDER', action: 'paid', key: 'instalment:2026-12-07' }, '2026-12-07');
    expect(stale.notices).toEqual(['reminders.debtGone']);
    expect(stale.next.context).toEqual(r.next.context);
  });

  it('removing the only debt leaves an empty one under a new id, which no old button reaches', () => {
    const one = caseMachine.resolveState({ value: 'confirmRemoveDebt', context: { ...two().context, debts: [card], current: 0 } });
    const r = step(one, { type: 'CHOOSE', value: 'yes' }, '2026-11-25');
    expect(r.next.context.debts.map((d) => [d.product, d.id])).toEqual([[null, 2]]);
    expect(r.next.context.nextDebtId).toBe(3);
    expect(step(r.next, { type: 'REMINDER', action: 'got', key: 'confirmation:2026-11-27:1' }, '2026-11-27').notices).toEqual(['reminders.debtGone']);
  });

  it('a debt added gets the next id, never one given before', () => {
    const s = caseMachine.resolveState({ value: 'caseSummary', context: { ...two().context, debts: [card], current: 0 } });
    const added = step(s, { type: 'CHOOSE', value: 'addDebt' }, '2026-11-25');
    expect(added.next.context.debts.map((d) => d.id)).toEqual([1, 2]);
    expect(added.next.context.nextDebtId).toBe(3);
  });
});

