import { describe, expect, it } from 'vitest';
import { LIMITS, forLender, stepsOf } from '../../flows/case.js';
import { suggestedStep } from '../../src/domain/progress.js';
import { addDebt, consented, drive, firstDebt, logCall } from './drive.js';

const HUABEI = { product: 'huabei', amount: '5500', overdue: '45天' };
const JIEBEI = { product: 'jiebei', amount: '12000', overdue: '30天', rate: '万分之四' };
const CARD = { product: 'credit_card', bank: 'cmb', amount: '8000', overdue: '20天', rate: '0.05%' };

/** Step 1 for the first debt with the budget, to its result. */
const withFirstDebt = () => firstDebt(consented(), HUABEI).choose('job_loss').choose('skip').text('6000').text('3500').choose('skip');

describe('several debts in one case', () => {
  it('adds another debt from "another debt?" and asks only its own questions', () => {
    const d = withFirstDebt();
    expect(d.state).toBe('status.another');
    d.choose('addDebt');
    expect(d.state).toBe('status.product');
    expect(d.context.debts).toHaveLength(2);
    expect(d.context.current).toBe(1);
    d.choose('jiebei').text('12000').text('30天');
    expect(d.state).toBe('status.rate');
    // The budget is not asked again.
    d.text('万分之四');
    expect(d.state).toBe('status.another');
    expect(d.context.debts.map((x) => [x.product, x.amountFen, x.dailyRateBp])).toEqual([
      ['huabei', 550_000, null],
      ['jiebei', 1_200_000, 4],
    ]);
    expect(d.context.facts).toMatchObject({ cause: 'job_loss', incomeFen: 600_000, essentialsFen: 350_000 });
  });

  it('keeps each lender\'s call log and plan with its own debt, picked from the checklist', () => {
    const d = addDebt(addDebt(withFirstDebt(), JIEBEI), CARD);
    d.send({ type: 'DEBT', id: 0 });
    expect(d.state).toBe('hub');
    expect(d.context.current).toBe(0);
    d.send({ type: 'OPEN', step: 'contact' });
    logCall(d, { agent: 'A1', promise: '三天内回电' });
    d.send({ type: 'DEBT', id: 2 }).send({ type: 'OPEN', step: 'contact' });
    logCall(d, 'not_reached');
    d.send({ type: 'OPEN', step: 'plan' }).choose('submitted').choose('refused');
    expect(d.context.debts.map((x) => x.calls.map((c) => c.outcome))).toEqual([['callback'], [], ['not_reached']]);
    expect(d.context.debts.map((x) => x.plan.status)).toEqual(['none', 'none', 'refused']);
    // Back to the first debt: its plan step starts from its own status.
    d.send({ type: 'DEBT', id: 0 }).send({ type: 'OPEN', step: 'plan' });
    expect(d.state).toBe('plan.options');
  });

  it('answers a button for a debt that is no longer there, and changes nothing', () => {
    const d = withFirstDebt();
    d.send({ type: 'DEBT', id: 3 });
    expect(d.notices).toEqual(['debts.gone']);
    expect(d.state).toBe('status.another');
    expect(d.context.current).toBe(0);
  });

  it('picks a debt by its id, not its place: after the middle one is removed, the third is still the third', () => {
    const d = addDebt(addDebt(withFirstDebt(), JIEBEI), CARD);
    d.send({ type: 'DEBT', id: 1 }).send({ type: 'SUMMARY' }).choose('removeDebt').choose('yes');
    expect(d.context.debts.map((x) => [x.id, x.product])).toEqual([
      [0, 'huabei'],
      [2, 'credit_card'],
    ]);
    d.send({ type: 'DEBT', id: 2 });
    expect(d.state).toBe('hub');
    expect(d.context.current).toBe(1);
    // The removed debt's button: answered, and nothing changes.
    const before = d.context;
    d.send({ type: 'DEBT', id: 1 });
    expect(d.notices).toEqual(['debts.gone']);
    expect(d.state).toBe('hub');
    expect(d.context).toEqual(before);
  });

  it('picks a debt in "My answers" by its id too, and answers a removed one\'s button there', () => {
    const d = addDebt(addDebt(withFirstDebt(), JIEBEI), CARD);
    d.send({ type: 'SUMMARY' }).choose('debt:1').choose('removeDebt').choose('yes');
    d.choose('debt:2');
    expect(d.state).toBe('caseSummary');
    expect(d.debt.product).toBe('credit_card');
    const before = d.context;
    d.choose('debt:1');
    expect(d.notices).toEqual(['debts.gone']);
    expect(d.state).toBe('caseSummary');
    expect(d.context).toEqual(before);
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
    d.send({ type: 'SUMMARY' }).choose('debt:0');
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

describe('"another debt?" after a debt\'s answers', () => {
  it('comes once the first debt\'s answers are in, after its result, with step 1 done for that debt', () => {
    const d = withFirstDebt();
    expect(d.state).toBe('status.another');
    // The result is its own message, before the question.
    expect(d.actions).toContain('showStatusResult');
    expect(d.debt.steps.status).toBe('done');
  });

  it('one debt: "no, go on" is one tap to contacting its lender, with the way back to step 1', () => {
    const d = withFirstDebt().choose('next');
    expect(d.state).toBe('contact.script');
    expect(d.context.cameFrom).toBe('status');
    expect(d.context.debts).toHaveLength(1);
  });

  it('comes again after each added debt\'s answers; with several, "no, go on" opens the checklist with them all', () => {
    const d = addDebt(withFirstDebt(), JIEBEI);
    expect(d.state).toBe('status.another');
    expect(d.actions).toContain('showStatusResult');
    d.choose('next');
    expect(d.state).toBe('hub');
    expect(d.context.debts.map((x) => x.product)).toEqual(['huabei', 'jiebei']);
  });

  it('is not asked again when step 1 is opened later, after an answer is changed, or on the way back from step 2', () => {
    const d = withFirstDebt().choose('next');
    d.choose('return');
    expect(d.state).toBe('status.result');
    d.send({ type: 'SUMMARY' }).choose('edit:amount').text('6000');
    expect(d.state).toBe('caseSummary');
    d.send({ type: 'OPEN', step: 'status' });
    expect(d.state).toBe('status.result');
    expect(d.actions).not.toContain('showStatusResult');
    // Adding stays possible from the result and from "My answers".
    d.choose('addDebt');
    expect(d.state).toBe('status.product');
  });

  it('offers "My answers" to correct the result, coming back to step 1 without asking again', () => {
    const d = withFirstDebt().choose('edit');
    expect(d.state).toBe('caseSummary');
    expect(d.context.cameFrom).toBe('status');
    d.choose('return');
    expect(d.state).toBe('status.result');
  });

  it('leads back to the step that sent the person to step 1, or to the checklist', () => {
    const d = consented().send({ type: 'OPEN', step: 'statement' });
    expect(d.state).toBe('statement.needFacts');
    d.choose('status');
    firstDebt(d, HUABEI).choose('job_loss').choose('skip').text('6000').text('3500').choose('skip');
    expect(d.state).toBe('status.another');
    d.choose('return');
    expect(d.state).toBe('statement.review');
    expect(withFirstDebt().choose('hub').state).toBe('hub');
  });

  it('answers anything else kindly and stays', () => {
    const d = withFirstDebt().choose('approved');
    expect(d.notices).toEqual(['input.notAChoice']);
    expect(d.state).toBe('status.another');
    d.text('嗯');
    expect(d.state).toBe('status.another');
  });

  it(`is not asked once ${LIMITS.debts} debts are kept: the last one's result comes as before`, () => {
    const d = withFirstDebt();
    for (let i = 1; i < LIMITS.debts - 1; i++) addDebt(d, HUABEI);
    expect(d.state).toBe('status.another');
    addDebt(d, CARD);
    expect(d.context.debts).toHaveLength(LIMITS.debts);
    expect(d.state).toBe('status.result');
    expect(d.debt.steps.status).toBe('done');
  });

  it('is asked again for a case started afresh', () => {
    const d = withFirstDebt().choose('next').send({ type: 'START' }).choose('yes');
    firstDebt(d, HUABEI).choose('job_loss').choose('skip').text('6000').text('3500').choose('skip');
    expect(d.state).toBe('status.another');
  });
});

describe('the checklist\'s steps, per debt', () => {
  /** 花呗 and 借呗, both answered; then the checklist. */
  const twoDebts = () => addDebt(withFirstDebt(), JIEBEI).choose('next');

  it('keeps step 1 per debt: done for a debt only once its own answers are in', () => {
    const d = withFirstDebt().choose('addDebt').choose('jiebei').text('12000');
    d.send({ type: 'HUB' });
    expect(stepsOf(d.context, 0).status).toBe('done');
    expect(stepsOf(d.context, 1).status).toBe('in_progress');
    d.send({ type: 'OPEN', step: 'status' }).text('30天').choose('skip');
    expect(d.state).toBe('status.another');
    expect(stepsOf(d.context, 1).status).toBe('done');
  });

  it('keeps contact, plan and statement with their debt: a call logged for 花呗 leaves 借呗\'s contact to do', () => {
    const d = twoDebts().send({ type: 'DEBT', id: 0 }).send({ type: 'OPEN', step: 'contact' });
    logCall(d, { agent: 'A1', promise: '三天内回电' }).choose('done');
    d.send({ type: 'OPEN', step: 'plan' }).choose('submitted');
    expect(stepsOf(d.context, 0)).toMatchObject({ contact: 'done', plan: 'in_progress', statement: 'todo' });
    expect(stepsOf(d.context, 1)).toMatchObject({ status: 'done', contact: 'todo', plan: 'todo', statement: 'todo' });
    expect(d.context.debts[1]!.steps).toEqual({ status: 'done', contact: 'todo', plan: 'todo', statement: 'todo', track: 'todo' });
  });

  it('keeps the shared steps once: evidence done on one debt is done on every debt', () => {
    const d = twoDebts().send({ type: 'DEBT', id: 1 }).send({ type: 'OPEN', step: 'evidence' }).choose('tick:0').choose('done');
    d.send({ type: 'OPEN', step: 'snowball' });
    expect(d.context.steps).toEqual({ snowball: 'in_progress', evidence: 'done', rights: 'todo' });
    expect([0, 1].map((i) => [stepsOf(d.context, i).evidence, stepsOf(d.context, i).snowball])).toEqual([
      ['done', 'in_progress'],
      ['done', 'in_progress'],
    ]);
  });

  it('suggests the next step of the debt being worked on', () => {
    const d = twoDebts().send({ type: 'DEBT', id: 0 }).send({ type: 'OPEN', step: 'contact' });
    logCall(d, 'not_reached').choose('done');
    expect(suggestedStep(stepsOf(d.context))).toBe('plan');
    d.send({ type: 'DEBT', id: 1 });
    expect(suggestedStep(stepsOf(d.context))).toBe('contact');
    expect(forLender(d.context).steps.contact).toBe('todo');
  });

  it('starts an added debt with its own steps to do, and an emptied last debt with none done', () => {
    const d = twoDebts();
    d.send({ type: 'DEBT', id: 0 }).send({ type: 'OPEN', step: 'track' }).choose('done');
    d.send({ type: 'SUMMARY' }).choose('addDebt');
    expect(d.debt.steps).toEqual({ status: 'in_progress', contact: 'todo', plan: 'todo', statement: 'todo', track: 'todo' });
    expect(stepsOf(d.context, 0).track).toBe('done');
    const one = withFirstDebt();
    one.send({ type: 'SUMMARY' }).choose('removeDebt').choose('yes');
    expect(one.debt.steps).toEqual({ status: 'todo', contact: 'todo', plan: 'todo', statement: 'todo', track: 'todo' });
  });
});
