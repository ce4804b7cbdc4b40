import { describe, expect, it } from 'vitest';
import { emptyDebt, newCaseContext, type CaseContext } from '../../flows/case.js';
import { readPageEdit } from '../../flows/page.js';

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

  it('keeps the cause in the person\'s words, read for which cause it is', () => {
    const r = readPageEdit(twoDebts(), { field: 'causeWords', debt: null, text: '上个月公司裁员，我被辞退了' }, TODAY);
    expect(r.ok && r.patch.facts?.cause).toBe('job_loss');
    expect(r.ok && r.patch.facts?.causeWords).toEqual({ cause: 'job_loss', text: '上个月公司裁员，我被辞退了' });
  });
});
