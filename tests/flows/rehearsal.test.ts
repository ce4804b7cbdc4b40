import { describe, expect, it } from 'vitest';
import { newRehearsal } from '../../flows/case.js';
import { consented, drive, firstDebt } from './drive.js';

/** The call rehearsal as states of the contact step, and what it keeps. */
describe('the call rehearsal in the contact step', () => {
  const atContact = () => {
    const d = firstDebt(consented(), { product: 'huabei', amount: '5500', overdue: '45天' });
    d.send({ type: 'OPEN', step: 'contact' });
    return d;
  };

  it('is opened from the script, a line is picked, and an answer is read but not kept', () => {
    const d = atContact().choose('rehearse');
    expect(d.state).toBe('contact.rehearse');
    d.choose('scenario:pay_today').text('那我想办法今天全还');
    expect(d.state).toBe('contact.practise');
    expect(d.context.rehearsal).toMatchObject({ scenario: 'pay_today', turns: 1, shown: 'assessed', tips: ['concede', 'holdRequest'] });
    expect(JSON.stringify(d.context)).not.toContain('想办法');
  });

  it('never changes the facts, the debts or the plan', () => {
    const d = atContact();
    const { facts, debts } = d.context;
    d.choose('rehearse').choose('scenario:full_only').text('每月能还 800，想申请分期').choose('model').choose('card').choose('send');
    expect(d.context.facts).toBe(facts);
    expect(d.context.debts).toBe(debts);
  });

  it('can be left and resumed; "resume" means nothing before a line was picked', () => {
    const d = atContact().choose('rehearse').choose('resume');
    expect(d.state).toBe('contact.rehearse');
    expect(d.notices).toEqual(['input.notAChoice']);
    d.choose('scenario:proof').choose('back');
    expect(d.state).toBe('contact.script');
    d.send({ type: 'HUB' }).send({ type: 'OPEN', step: 'contact' }).choose('rehearse').choose('resume');
    expect(d.state).toBe('contact.practise');
    expect(d.context.rehearsal.scenario).toBe('proof');
  });

  it('makes the crib card, which the contact step then opens again and sends as a file on request', () => {
    const d = atContact().choose('card');
    // No card yet: the button is not there, and a stale press does nothing.
    expect(d.state).toBe('contact.script');
    d.choose('rehearse').choose('scenario:threat').choose('card');
    expect(d.state).toBe('contact.card');
    expect(d.context.rehearsal.cardSaved).toBe(true);
    d.choose('send');
    expect(d.actions).toContain('deliverDocument');
    d.choose('back').choose('card');
    expect(d.state).toBe('contact.card');
  });

  it('answers words of despair with the crisis reply and reads nothing else from them', () => {
    const d = atContact().choose('rehearse').choose('scenario:full_only').text('我不想活了');
    expect(d.notices).toContain('care.crisis');
    expect(d.context.rehearsal.turns).toBe(0);
    expect(d.state).toBe('contact.practise');
  });

  it('works without consent to keep details: only the reading of the answer is kept', () => {
    const d = drive().choose('continue').choose('decline').send({ type: 'OPEN', step: 'contact' }).choose('rehearse');
    expect(d.state).toBe('contact.rehearse');
    d.choose('scenario:no_waiver').text('每月能还 500');
    expect(d.context.rehearsal.strengths).toContain('amount');
    expect(newRehearsal()).toEqual({ scenario: null, turns: 0, shown: 'none', strengths: [], tips: [], statedFen: null, cardSaved: false });
  });
});
