import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../flows/case.js';
import { addDebt, consented, drive, firstDebt, logCall } from './drive.js';

const HUABEI = { product: 'huabei', amount: '5500', overdue: '45天' };
const JIEBEI = { product: 'jiebei', amount: '12000', overdue: '30天', rate: '万分之四' };
const CARD = { product: 'credit_card', bank: 'cmb', amount: '8000', overdue: '20天', rate: '0.05%' };

/** Step 1 for the first debt with the budget, to its result. */
const withFirstDebt = () => firstDebt(consented(), HUABEI).choose('job_loss').choose('skip').text('6000').text('3500').choose('skip');

describe('several debts in one case', () => {
  it('adds another debt from step 1\'s result and asks only its own questions', () => {
    const d = withFirstDebt();
    expect(d.state).toBe('status.result');
    d.choose('addDebt');
    expect(d.state).toBe('status.product');
    expect(d.context.debts).toHaveLength(2);
    expect(d.context.current).toBe(1);
    d.choose('jiebei').text('12000').text('30天');
    expect(d.state).toBe('status.rate');
    // The budget is not asked again.
    d.text('万分之四');
    expect(d.state).toBe('status.result');
    expect(d.context.debts.map((x) => [x.product, x.amountFen, x.dailyRateBp])).toEqual([
      ['huabei', 550_000, null],
      ['jiebei', 1_200_000, 4],
    ]);
    expect(d.context.facts).toMatchObject({ cause: 'job_loss', incomeFen: 600_000, essentialsFen: 350_000 });
  });

  it('keeps each lender\'s call log and plan with its own debt, picked from the checklist', () => {
    const d = addDebt(addDebt(withFirstDebt(), JIEBEI), CARD);
    d.send({ type: 'DEBT', index: 0 });
    expect(d.state).toBe('hub');
    expect(d.context.current).toBe(0);
    d.send({ type: 'OPEN', step: 'contact' });
    logCall(d, { agent: 'A1', promise: '三天内回电' });
    d.send({ type: 'DEBT', index: 2 }).send({ type: 'OPEN', step: 'contact' });
    logCall(d, 'not_reached');
    d.send({ type: 'OPEN', step: 'plan' }).choose('submitted').choose('refused');
    expect(d.context.debts.map((x) => x.calls.map((c) => c.outcome))).toEqual([['callback'], [], ['not_reached']]);
    expect(d.context.debts.map((x) => x.plan.status)).toEqual(['none', 'none', 'refused']);
    // Back to the first debt: its plan step starts from its own status.
    d.send({ type: 'DEBT', index: 0 }).send({ type: 'OPEN', step: 'plan' });
    expect(d.state).toBe('plan.options');
  });

  it('answers a button for a debt that is no longer there, and changes nothing', () => {
    const d = withFirstDebt();
    d.send({ type: 'DEBT', index: 3 });
    expect(d.notices).toEqual(['debts.gone']);
    expect(d.state).toBe('status.result');
    expect(d.context.current).toBe(0);
  });

  it(`keeps at most ${LIMITS.debts} debts, and says so kindly`, () => {
    const d = withFirstDebt();
    for (let i = 1; i < LIMITS.debts; i++) addDebt(d, HUABEI);
    expect(d.context.debts).toHaveLength(LIMITS.debts);
    d.choose('addDebt');
    expect(d.notices).toEqual(['debts.full']);
    expect(d.state).toBe('status.result');
    expect(d.context.debts).toHaveLength(LIMITS.debts);
  });

  it('shows, edits and removes a debt from "My answers", asking once before removing', () => {
    const d = addDebt(withFirstDebt(), JIEBEI);
    d.send({ type: 'SUMMARY' }).choose('show:0');
    expect(d.state).toBe('caseSummary');
    expect(d.context.current).toBe(0);
    d.choose('edit:amount').text('6000');
    expect(d.state).toBe('caseSummary');
    expect(d.context.debts.map((x) => x.amountFen)).toEqual([600_000, 1_200_000]);

    d.choose('removeDebt');
    expect(d.state).toBe('confirmRemoveDebt');
    d.choose('no');
    expect(d.context.debts).toHaveLength(2);
    d.choose('removeDebt').choose('yes');
    expect(d.state).toBe('caseSummary');
    expect(d.notices).toEqual(['debts.removed']);
    expect(d.context.debts.map((x) => x.product)).toEqual(['jiebei']);
    expect(d.context.current).toBe(0);
  });

  it('empties the only debt rather than leave a case with none', () => {
    const d = withFirstDebt();
    d.send({ type: 'SUMMARY' }).choose('removeDebt').choose('yes');
    expect(d.context.debts).toEqual([expect.objectContaining({ product: null, amountFen: null, calls: [] })]);
    // The budget is the person's, not the debt's: it stays.
    expect(d.context.facts.incomeFen).toBe(600_000);
  });

  it('needs consent to keep several debts', () => {
    const d = drive().choose('continue').choose('decline').send({ type: 'SUMMARY' }).choose('addDebt');
    expect(d.notices).toEqual(['debts.needConsent']);
    expect(d.context.debts).toHaveLength(1);
  });
});
