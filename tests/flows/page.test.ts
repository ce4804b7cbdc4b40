import { describe, expect, it } from 'vitest';
import { emptyDebt, newCaseContext, type CaseContext } from '../../flows/case.js';
import { readPageEdit, readPageReminder } from '../../flows/page.js';
import { reminders } from '../../src/domain/reminders.js';

const TODAY = '2026-12-07';
/** Consent given, two debts (ids 0 and 3), the steps on the first. */
const twoDebts = (): CaseContext => ({
  ...newCaseContext('zh-CN'),
  consent: 'given',
  debts: [{ ...emptyDebt(0), product: 'huabei', amountFen: 550_000 }, { ...emptyDebt(3), product: 'jiebei', amountFen: 1_200_000 }],
  nextDebtId: 4,
});

describe('an edit on the Mini App page', () => {
  it('is read as the chat reads the same answer, for the debt it names, leaving the steps where they were', () => {
    const c = twoDebts();
    const r = readPageEdit(c, { field: 'amount', debt: 3, text: '1.2万' }, TODAY);
    expect(r.ok && r.patch.debts?.map((d) => d.amountFen)).toEqual([550_000, 1_200_000]);
    const words = readPageEdit(c, { field: 'amount', debt: 3, text: '五千五' }, TODAY);
    expect(words.ok && words.patch.debts?.[1]?.amountFen).toBe(550_000);
    expect(words.ok && words.patch.current).toBe(0);
  });

  it('refuses what the chat refuses, with the chat\'s reason', () => {
    const c = twoDebts();
    expect(readPageEdit(c, { field: 'amount', debt: 0, text: '不知道' }, TODAY)).toEqual({ ok: false, reason: 'money.not_a_number' });
    expect(readPageEdit(c, { field: 'phoneTail', debt: null, text: '13812345678' }, TODAY)).toEqual({ ok: false, reason: 'tail.only_four' });
    expect(readPageEdit(c, { field: 'amount', debt: 0, text: '3' }, TODAY)).toEqual({ ok: false, reason: 'unsure.tiny_debt' });
    expect(readPageEdit(c, { field: 'minimum', debt: 0, text: '9000' }, TODAY)).toEqual({ ok: false, reason: 'minimum.over_debt' });
  });

  it('clears what "skip" clears, and chooses requests from the list only', () => {
    const c = { ...twoDebts(), facts: { ...twoDebts().facts, otherDebtsFen: 50_000 } };
    const cleared = readPageEdit(c, { field: 'otherDebts', debt: null, text: '' }, TODAY);
    expect(cleared.ok && cleared.patch.facts?.otherDebtsFen).toBeNull();
    const requests = readPageEdit(c, { field: 'requests', debt: 3, text: 'stop_interest,extension' }, TODAY);
    expect(requests.ok && requests.patch.debts?.[1]?.requests).toEqual(['extension', 'stop_interest']);
    expect(readPageEdit(c, { field: 'requests', debt: 3, text: 'forgive_everything' }, TODAY)).toEqual({ ok: false, reason: 'page.requests' });
  });

  it('changes nothing without consent, for a removed debt, or for a field the page does not have', () => {
    expect(readPageEdit({ ...twoDebts(), consent: 'declined' }, { field: 'income', debt: null, text: '5000' }, TODAY)).toEqual({ ok: false, reason: 'page.consent' });
    expect(readPageEdit(twoDebts(), { field: 'amount', debt: 1, text: '5000' }, TODAY)).toEqual({ ok: false, reason: 'page.gone' });
    expect(readPageEdit(twoDebts(), { field: 'consent' as never, debt: null, text: 'given' }, TODAY)).toEqual({ ok: false, reason: 'page.field' });
  });

  it('changes a debt\'s lender from the chat\'s own list: a bank only for a card, and a rate read for another product dropped', () => {
    const c = { ...twoDebts(), debts: twoDebts().debts.map((d) => ({ ...d, dailyRateBp: 4 })) };
    const card = readPageEdit(c, { field: 'product', debt: 3, text: 'credit_card' }, TODAY);
    expect(card.ok && card.patch.debts?.[1]).toMatchObject({ product: 'credit_card', bank: null, dailyRateBp: null });
    expect(card.ok && card.patch.debts?.[0]).toEqual(c.debts[0]);
    const asCard = { ...c, ...(card.ok ? card.patch : {}) };
    const bank = readPageEdit(asCard, { field: 'bank', debt: 3, text: 'cmb' }, TODAY);
    expect(bank.ok && bank.patch.debts?.[1]?.bank).toBe('cmb');
    expect(readPageEdit(c, { field: 'bank', debt: 0, text: 'cmb' }, TODAY)).toEqual({ ok: false, reason: 'page.choice' });
    expect(readPageEdit(c, { field: 'product', debt: 0, text: 'loan_shark' }, TODAY)).toEqual({ ok: false, reason: 'page.choice' });
    // The same product again keeps what was read for it.
    const same = readPageEdit(c, { field: 'product', debt: 0, text: 'huabei' }, TODAY);
    expect(same.ok && same.patch.debts?.[0]?.dailyRateBp).toBe(4);
  });

  it('keeps the cause in the person\'s words, read for which cause it is', () => {
    const r = readPageEdit(twoDebts(), { field: 'causeWords', debt: null, text: '上个月公司裁员，我被辞退了' }, TODAY);
    expect(r.ok && r.patch.facts?.cause).toBe('job_loss');
    expect(r.ok && r.patch.facts?.causeWords).toEqual({ cause: 'job_loss', text: '上个月公司裁员，我被辞退了' });
  });
});

describe('a choice about reminders on the Mini App page', () => {
  const on = (c: CaseContext): CaseContext => {
    const r = readPageReminder(c, { action: 'on', key: '' }, TODAY);
    if (!r.ok) throw new Error(r.reason);
    return { ...c, ...r.patch };
  };

  it('turns them on from today, as the chat\'s button does, and lists what is due', () => {
    const c = on(twoDebts());
    expect(c.reminders?.choice).toBe('on');
    expect(c.reminders?.since).toBe(TODAY);
    expect(reminders(c, TODAY).length).toBeGreaterThan(0);
    // Turned on again from a page not yet refreshed: the day they were first turned on stays.
    const again = readPageReminder(c, { action: 'on', key: '' }, '2026-12-20');
    expect(again.ok && again.patch.reminders?.since).toBe(TODAY);
  });

  it('cancels or snoozes the one reminder its key names, and nothing else', () => {
    const c = on(twoDebts());
    const [first, second] = reminders(c, TODAY);
    const cancelled = readPageReminder(c, { action: 'x', key: first!.key }, TODAY);
    expect(cancelled.ok && cancelled.patch.reminders?.cancelled).toEqual([first!.key]);
    const snoozed = readPageReminder(c, { action: 's7', key: second!.key }, TODAY);
    expect(snoozed.ok && snoozed.patch.reminders?.snoozed.map((s) => s.key)).toEqual([second!.key]);
    expect(snoozed.ok && snoozed.patch.reminders?.cancelled).toEqual([]);
  });

  it('keeps quiet hours in the zone picked from the list, and refuses a zone not on it', () => {
    const c = on(twoDebts());
    const london = readPageReminder(c, { action: 'z', key: '3' }, TODAY);
    expect(london.ok && london.patch.reminders?.timeZone).toBe('Europe/London');
    expect(readPageReminder(c, { action: 'z', key: '42' }, TODAY)).toEqual({ ok: false, reason: 'page.choice' });
  });

  it('changes nothing for a reminder no longer due, one of a removed debt, or without consent', () => {
    const c = on(twoDebts());
    expect(readPageReminder(c, { action: 'x', key: 'bill:2020-01-01' }, TODAY)).toEqual({ ok: false, reason: 'page.reminderGone' });
    expect(readPageReminder(c, { action: 's1', key: 'bill:2026-12-07:2' }, TODAY)).toEqual({ ok: false, reason: 'page.gone' });
    expect(readPageReminder({ ...c, consent: 'declined' }, { action: 'off', key: '' }, TODAY)).toEqual({ ok: false, reason: 'page.consent' });
  });
});
