import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cancelReminder,
  debtOfKey,
  deliveryTime,
  reminderKey,
  forgetDebt,
  isReminderKey,
  dueToday,
  inQuietHours,
  instantAt,
  localTime,
  markSent,
  newReminderState,
  plannedDays,
  planProgress,
  reminders,
  snoozeReminder,
  TIME_ZONES,
  worthSaying,
  zoneOf,
  newAgreement,
  type Agreement,
  type ReminderCase,
  type ReminderDebt,
  type ReminderState,
} from '../../src/domain/reminders.js';

const SH = 'Asia/Shanghai';
type DebtOver = Partial<Omit<ReminderDebt, 'agreement'>> & { agreement?: Partial<Agreement> };
/** One debt with nothing recorded (id 0 unless given); each test adds what it is about. */
const debt = ({ agreement, ...over }: DebtOver = {}): ReminderDebt => ({
  id: 0,
  amountFen: null,
  dueDate: null,
  calls: [],
  plan: { status: 'none', monthlyFen: null, months: null, firstDue: null },
  agreement: { ...newAgreement(), ...agreement },
  ...over,
});
/** A one-debt case with reminders on. */
const base = ({ reminders = on, ...over }: DebtOver & { reminders?: ReminderState | null } = {}): ReminderCase => ({
  debts: [debt(over)],
  reminders,
});
const on = { ...newReminderState(), choice: 'on' as const, since: '2026-11-20' };
const approvedPlan = { status: 'approved', monthlyFen: 50_000, months: 6, firstDue: '2026-12-10' };

describe('what is reminded', () => {
  it('nothing unless the person turned reminders on', () => {
    const c = base({ calls: [{ date: '2026-11-25', nextDate: '2026-11-27' }] });
    expect(reminders({ ...c, reminders: { ...on, choice: 'asked' } }, '2026-11-25')).toEqual([]);
    expect(reminders({ ...c, reminders: { ...on, choice: 'off' } }, '2026-11-25')).toEqual([]);
    expect(reminders({ ...c, reminders: null }, '2026-11-25')).toEqual([]);
    expect(reminders(c, '2026-11-25').map((r) => r.kind)).toEqual(['contact']);
  });

  it('the next contact date of the latest call', () => {
    const c = base({ calls: [{ date: '2026-11-20', nextDate: '2026-11-22' }, { date: '2026-11-25', nextDate: '2026-11-28' }] });
    expect(reminders(c, '2026-11-25')).toEqual([{ kind: 'contact', debt: 0, date: '2026-11-28', key: 'contact:2026-11-28', about: '2026-11-28' }]);
  });

  it('written confirmation 3 days after approval, until it is received', () => {
    const c = base({ plan: approvedPlan, agreement: { approvedOn: '2026-11-25' } });
    expect(reminders(c, '2026-11-25').find((r) => r.kind === 'confirmation')?.date).toBe('2026-11-28');
    const received = base({ plan: approvedPlan, agreement: { approvedOn: '2026-11-25', confirmationReceived: true } });
    expect(reminders(received, '2026-11-25').some((r) => r.kind === 'confirmation')).toBe(false);
  });

  it('an approved extension: its written confirmation, and the day repayment starts again, not the old due day', () => {
    const extension = { status: 'approved', monthlyFen: null, months: 3, firstDue: '2027-03-01', kind: 'extension' };
    const c = base({ plan: extension, dueDate: '2026-10-25', amountFen: 500_000, agreement: { approvedOn: '2026-11-25' } });
    const said = reminders(c, '2026-11-25');
    expect(said.find((r) => r.kind === 'confirmation')?.date).toBe('2026-11-28');
    expect(said.filter((r) => r.kind === 'repayment').map((r) => r.about)).toEqual(['2027-03-01']);
    // Nothing is due a month meanwhile: no instalment is reminded.
    expect(said.some((r) => r.kind === 'instalment')).toBe(false);
  });

  it('each instalment 3 days and 1 day before, the next unpaid one and the one after', () => {
    const c = base({ plan: approvedPlan });
    const inst = reminders(c, '2026-11-25').filter((r) => r.kind === 'instalment');
    expect(inst.map((r) => [r.date, r.about, r.instalment?.number])).toEqual([
      ['2026-12-07', '2026-12-10', 1],
      ['2026-12-09', '2026-12-10', 1],
      ['2027-01-07', '2027-01-10', 2],
      ['2027-01-09', '2027-01-10', 2],
    ]);
    const paidTwo = base({ plan: approvedPlan, agreement: { paid: 2 } });
    expect(reminders(paidTwo, '2026-11-25').filter((r) => r.kind === 'instalment')[0]?.instalment).toEqual({ number: 3, of: 6, amountFen: 50_000 });
  });

  it('paid instalments lower what is left', () => {
    expect(planProgress(debt({ plan: approvedPlan, agreement: { paid: 2 } }))).toEqual({ left: 4, remainingFen: 200_000 });
    expect(planProgress(debt())).toBeNull();
  });

  it('the repayment day only for someone not yet overdue', () => {
    expect(reminders(base({ amountFen: null, dueDate: '2026-12-01' }), '2026-11-25').map((r) => r.kind)).toEqual(['repayment']);
    expect(reminders(base({ amountFen: null, dueDate: '2026-11-01' }), '2026-11-25')).toEqual([]);
  });

  it('a monthly bill check while a debt is open, on the due day of the month', () => {
    const open = base({ amountFen: 500_000, dueDate: '2026-10-15' });
    expect(reminders(open, '2026-11-25').filter((r) => r.kind === 'bill').map((r) => r.date)).toEqual(['2026-12-15', '2027-01-15']);
    const paidOff = base({ amountFen: 500_000, dueDate: '2026-10-15', plan: approvedPlan, agreement: { paid: 6 } });
    expect(reminders(paidOff, '2026-11-25').some((r) => r.kind === 'bill')).toBe(false);
    expect(reminders(base({ amountFen: 0, dueDate: '2026-10-15' }), '2026-11-25')).toEqual([]);
  });
});

describe('the person’s choices', () => {
  const c = base({ calls: [{ date: '2026-11-25', nextDate: '2026-11-28' }], plan: approvedPlan });

  it('a cancelled reminder is gone, the others stay', () => {
    const r = cancelReminder(on, 'contact:2026-11-28');
    const left = reminders({ ...c, reminders: r }, '2026-11-25');
    expect(left.some((x) => x.kind === 'contact')).toBe(false);
    expect(left.some((x) => x.kind === 'instalment')).toBe(true);
  });

  const contact = { key: 'contact:2026-11-28', date: '2026-11-28' };

  it('a snoozed reminder moves, keeping its identity', () => {
    const r = snoozeReminder(on, contact, '2026-11-28', 7);
    const moved = reminders({ ...c, reminders: r }, '2026-11-28').find((x) => x.kind === 'contact');
    expect(moved).toMatchObject({ date: '2026-12-05', key: 'contact:2026-11-28' });
  });

  it('snoozed before its day, it moves from its own day, not from today', () => {
    const r = snoozeReminder(on, contact, '2026-11-25', 1);
    expect(reminders({ ...c, reminders: r }, '2026-11-25').find((x) => x.kind === 'contact')).toMatchObject({ date: '2026-11-29' });
    expect(dueToday({ ...c, reminders: r }, '2026-11-28').some((x) => x.kind === 'contact')).toBe(false);
  });

  it('snoozed a week on its day, it is said a week later, though it first fell due more than a week back by then', () => {
    const r = snoozeReminder(on, contact, '2026-11-28', 7);
    expect(dueToday({ ...c, reminders: r }, '2026-12-05').map((x) => x.key)).toContain('contact:2026-11-28');
  });

  it('a repayment-day reminder snoozed a day is said the next day, after the repayment day', () => {
    const withDue = base({ dueDate: '2026-12-20', amountFen: 100_000 });
    const r = snoozeReminder(on, { key: 'repayment:2026-12-20', date: '2026-12-20' }, '2026-12-20', 1);
    expect(dueToday({ ...withDue, reminders: r }, '2026-12-21').map((x) => x.key)).toContain('repayment:2026-12-20');
  });
});

describe('one message a day, combining what is due', () => {
  const c = base({ calls: [{ date: '2026-11-25', nextDate: '2026-12-07' }], plan: approvedPlan });

  it('everything due on a day goes in one message; after it, nothing more that day', () => {
    const due = dueToday(c, '2026-12-07');
    expect(due.map((r) => r.kind)).toEqual(['contact', 'instalment']);
    const after = { ...c, reminders: markSent(on, due, '2026-12-07') };
    expect(dueToday(after, '2026-12-07')).toEqual([]);
    expect(dueToday(after, '2026-12-09').map((r) => r.key)).toEqual(['instalment:2026-12-09']);
  });

  it('an instalment is said once, by its nearest lead, and never when its day has passed', () => {
    const recordedLate = base({ plan: { ...approvedPlan, firstDue: '2026-11-25' }, reminders: { ...on, since: '2026-11-01' } });
    const due = dueToday(recordedLate, '2026-11-24');
    expect(due.map((x) => x.key)).toEqual(['instalment:2026-11-22', 'instalment:2026-11-24']);
    expect(worthSaying(due, '2026-11-24').map((x) => x.key)).toEqual(['instalment:2026-11-24']);
    const past = base({ plan: { ...approvedPlan, firstDue: '2026-11-22' }, reminders: { ...on, since: '2026-11-01' } });
    expect(worthSaying(dueToday(past, '2026-11-24'), '2026-11-24').filter((x) => x.about === '2026-11-22')).toEqual([]);
  });

  it('a reminder missed by a day is still said, within a week', () => {
    expect(dueToday(c, '2026-12-08').map((r) => r.key)).toEqual(['contact:2026-12-07', 'instalment:2026-12-07']);
    expect(dueToday(c, '2026-12-20').some((r) => r.key === 'contact:2026-12-07')).toBe(false);
  });

  it('what is held back after today’s message is planned for tomorrow', () => {
    const sentOne = { ...c, reminders: { ...markSent(on, [], '2026-12-07') } };
    expect(plannedDays(sentOne, '2026-12-07')).toContainEqual({ kind: 'contact', debt: 0, date: '2026-12-08' });
    expect(plannedDays(c, '2026-12-07')).toContainEqual({ kind: 'contact', debt: 0, date: '2026-12-07' });
  });
});

describe('quiet hours in the person’s zone', () => {
  const at = (iso: string) => Date.parse(iso);

  it('09:00 Shanghai is 01:00 UTC; 09:00 New York follows its clock change', () => {
    expect(new Date(instantAt('2026-12-01', 9, SH)).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(new Date(instantAt('2026-07-01', 9, 'America/New_York')).toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(new Date(instantAt('2026-12-01', 9, 'America/New_York')).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(localTime(at('2026-12-01T13:30:00Z'), SH)).toEqual({ date: '2026-12-01', hour: 21 });
  });

  it('reads every zone on the list as Intl does, the fixed-offset ones included, from 1992 to 2100', () => {
    const intl = (ms: number, timeZone: string) => {
      const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' });
      const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...TIME_ZONES), (ms, zone) => {
        expect(localTime(ms, zone)).toEqual(intl(ms, zone));
        const { date, hour } = intl(ms, zone);
        expect(intl(instantAt(date as `${number}-${number}-${number}`, hour, zone), zone)).toEqual({ date, hour });
      }),
      { numRuns: 2_000 },
    );
  });

  it('21:00 to 09:00 is quiet', () => {
    expect(inQuietHours(at('2026-12-01T13:00:00Z'), SH)).toBe(true); // 21:00
    expect(inQuietHours(at('2026-12-01T00:59:00Z'), SH)).toBe(true); // 08:59
    expect(inQuietHours(at('2026-12-01T01:00:00Z'), SH)).toBe(false); // 09:00
    expect(inQuietHours(at('2026-12-01T12:59:00Z'), SH)).toBe(false); // 20:59
  });

  it('a future day goes at 09:00; a due one now, unless it is quiet, then the next 09:00', () => {
    const now = at('2026-12-01T06:00:00Z'); // 14:00 in Shanghai
    expect(deliveryTime('2026-12-03', now, SH)).toEqual({ at: at('2026-12-03T01:00:00Z'), deferred: false });
    expect(deliveryTime('2026-12-01', now, SH)).toEqual({ at: now, deferred: false });
    const late = at('2026-12-01T14:30:00Z'); // 22:30
    expect(deliveryTime('2026-12-01', late, SH)).toEqual({ at: at('2026-12-02T01:00:00Z'), deferred: true });
    const early = at('2026-12-01T20:00:00Z'); // 04:00 on the 2nd
    expect(deliveryTime('2026-12-01', early, SH)).toEqual({ at: at('2026-12-02T01:00:00Z'), deferred: true });
  });

  it('a zone the person picked counts instead of China time', () => {
    const c = base({ reminders: { ...on, timeZone: 'America/New_York' } });
    expect(zoneOf(c, SH)).toBe('America/New_York');
    expect(zoneOf(base(), SH)).toBe(SH);
    expect(zoneOf(base({ reminders: null }), SH)).toBe(SH);
  });
});

describe('turning reminders on', () => {
  it('does not bring up what fell due before, as if it had been missed', () => {
    const c = base({ calls: [{ date: '2026-11-20', nextDate: '2026-11-23' }], reminders: { ...on, since: '2026-11-24' } });
    expect(dueToday(c, '2026-11-24')).toEqual([]);
    expect(dueToday({ ...c, reminders: { ...on, since: '2026-11-22' } }, '2026-11-24').map((r) => r.key)).toEqual(['contact:2026-11-23']);
  });
});

describe('every debt is followed on its own', () => {
  const huabei = debt({ amountFen: 900_000, plan: approvedPlan, agreement: { approvedOn: '2026-11-25' } });
  const card = debt({
    id: 1,
    amountFen: 700_000,
    calls: [{ date: '2026-11-25', nextDate: '2026-12-02' }],
    plan: { status: 'approved', monthlyFen: 35_000, months: 12, firstDue: '2026-12-10' },
    agreement: { approvedOn: '2026-11-26', paid: 0 },
  });
  const two: ReminderCase = { debts: [huabei, card], reminders: on };

  it('each debt’s own instalments, confirmation and call-back, keyed by its id', () => {
    const all = reminders(two, '2026-11-25');
    expect(all.filter((x) => x.debt === 1 && x.kind !== 'bill').map((x) => x.key)).toEqual([
      'confirmation:2026-11-29:1',
      'contact:2026-12-02:1',
      'instalment:2026-12-07:1',
      'instalment:2026-12-09:1',
      'instalment:2027-01-07:1',
      'instalment:2027-01-09:1',
    ]);
    expect(all.filter((x) => x.debt === 0).map((x) => x.key)).toContain('instalment:2026-12-07');
    const card7 = all.find((x) => x.key === 'instalment:2026-12-07:1');
    expect(card7?.instalment).toEqual({ number: 1, of: 12, amountFen: 35_000 });
  });

  it('what is due for both debts goes in one message: a call-back missed, then both instalments, the first debt first', () => {
    expect(dueToday(two, '2026-12-07').map((x) => x.key)).toEqual(['contact:2026-12-02:1', 'instalment:2026-12-07', 'instalment:2026-12-07:1']);
  });

  it('paying one debt’s instalment moves only that debt on', () => {
    const paidCard: ReminderCase = { ...two, debts: [huabei, { ...card, agreement: { ...card.agreement, paid: 1 } }] };
    const inst = reminders(paidCard, '2026-11-25').filter((x) => x.kind === 'instalment');
    expect(inst.filter((x) => x.debt === 0)[0]?.instalment?.number).toBe(1);
    expect(inst.filter((x) => x.debt === 1)[0]?.instalment?.number).toBe(2);
  });

  it('a job a day per debt and kind', () => {
    expect(plannedDays(two, '2026-11-25').filter((d) => d.date === '2026-12-07')).toEqual([
      { kind: 'instalment', debt: 0, date: '2026-12-07' },
      { kind: 'instalment', debt: 1, date: '2026-12-07' },
    ]);
  });

  it('a key names the debt by its id: none for id 0 (as in schema 2), written one way only', () => {
    expect(reminderKey('instalment', '2026-12-07', 0)).toBe('instalment:2026-12-07');
    expect(reminderKey('instalment', '2026-12-07', 12)).toBe('instalment:2026-12-07:12');
    expect(debtOfKey('instalment:2026-12-07')).toBe(0);
    expect(debtOfKey('instalment:2026-12-07:3')).toBe(3);
    expect(debtOfKey('instalment:2026-12-07:12')).toBe(12);
    // Ids are never given twice, so they go past the eight debts a case holds at once.
    expect(isReminderKey('instalment:2026-12-07:12')).toBe(true);
    expect(isReminderKey('instalment:2026-12-07:0')).toBe(false);
    expect(isReminderKey('instalment:2026-12-07:07')).toBe(false);
    expect(isReminderKey('instalment:2026-12-07:x')).toBe(false);
    expect(isReminderKey('rent:2026-12-07')).toBe(false);
  });

  it('a debt keeps its keys and jobs when a debt before it is removed: they carry its id, not its place', () => {
    // 花呗 (id 0), 借呗 (id 1) and the card (id 2); 借呗 removed: the card is second in the list, still id 2.
    const third = { ...card, id: 2 };
    const before = reminders({ debts: [huabei, { ...card, id: 1 }, third], reminders: on }, '2026-11-25').filter((x) => x.debt === 2);
    const after = reminders({ debts: [huabei, third], reminders: on }, '2026-11-25');
    expect(after.filter((x) => x.debt === 2)).toEqual(before);
    expect(after.map((x) => x.key)).toContain('instalment:2026-12-07:2');
    expect(after.some((x) => x.debt === 1)).toBe(false);
    expect(plannedDays({ debts: [huabei, third], reminders: on }, '2026-11-25').filter((d) => d.date === '2026-12-07')).toEqual([
      { kind: 'instalment', debt: 0, date: '2026-12-07' },
      { kind: 'instalment', debt: 2, date: '2026-12-07' },
    ]);
  });

  it('removing a debt drops its marks (by id); the other debts’ marks stay as they are', () => {
    const r: ReminderState = {
      ...on,
      cancelled: ['bill:2026-12-15', 'bill:2026-12-15:1', 'bill:2026-12-15:2'],
      sent: ['contact:2026-11-20:2'],
      snoozed: [{ key: 'instalment:2026-12-07:1', until: '2026-12-08' }, { key: 'instalment:2026-12-07:2', until: '2026-12-09' }],
    };
    expect(forgetDebt(r, 1)).toMatchObject({
      cancelled: ['bill:2026-12-15', 'bill:2026-12-15:2'],
      sent: ['contact:2026-11-20:2'],
      snoozed: [{ key: 'instalment:2026-12-07:2', until: '2026-12-09' }],
    });
    expect(forgetDebt(r, 0).cancelled).toEqual(['bill:2026-12-15:1', 'bill:2026-12-15:2']);
  });
});
