import { enqueueActions } from 'xstate';
import { daysBetween, formatDate } from '../src/domain/dates.js';
import { formatFen } from '../src/domain/money.js';
import type { IsoDate } from '../src/domain/catalog.js';
import {
  cancelReminder,
  debtOfKey,
  dueToday,
  isReminderKey,
  isZoneIndex,
  keyDay,
  findReminder,
  markSent,
  planProgress,
  reminderState,
  reminders,
  snoozeReminder,
  TIME_ZONES,
  worthSaying,
  type Agreement,
  type Reminder,
  type ReminderAction,
  type ReminderState,
} from '../src/domain/reminders.js';
import { debtIndex, debtOf, withDebt, type CaseContext } from './case.js';
import { documentDeliveries, notice, type Args as StepArgs, type Fragment } from './steps/fragments.js';

/**
 * Reminders in the case machine (issue 12). Time enters only as events (DESIGN §4): a job that runs sends
 * `REMIND`, and the machine decides from the case what, if anything, to say today, for every debt. Buttons of a
 * reminder message are valid from any state and do not move the conversation, except "can't pay", which opens the
 * plan step of that reminder's debt. A reminder's key names its debt by id, so an answer counts for that debt
 * only, also after a debt before it in the list was removed; a key of a removed debt changes nothing.
 */

/** The reminder message: what is due today, combined into one. The engine renders it from the case. */
export type RemindParams = { items: Reminder[] };

type Args = StepArgs & { enqueue: Fragment };


/** Something to remind of, once reminders are on: what decides whether the offer is worth making. */
const wouldRemind = (c: CaseContext, today: string) => reminders({ ...c, reminders: { ...reminderState(c), choice: 'on' } }, today).length > 0;

/** One debt's agreement record changed. */
const withAgreement = (c: CaseContext, debt: number, patch: Partial<Agreement>): Pick<CaseContext, 'debts'> =>
  withDebt(c, { agreement: { ...c.debts[debt]!.agreement, ...patch } }, debt);

/**
 * Offered once, like the consent of step 0: only with consent to keep details, only when there is something to
 * remind of, and never again after the offer was made (answered or not).
 */
export const offerReminders: Fragment = enqueueActions(({ context, event, enqueue }: Args) => {
  if (context.consent !== 'given' || reminderState(context).choice !== 'unasked' || !wouldRemind(context, event.today)) return;
  enqueue.assign({ reminders: { ...reminderState(context), choice: 'asked' } });
  enqueue({ type: 'offerReminders' });
});

/** The current debt's plan recorded as approved: its written confirmation is expected from today. */
export const noteApproval: Fragment = enqueueActions(({ context, event, enqueue }: Args) => {
  if (debtOf(context).agreement.approvedOn === null) enqueue.assign(withAgreement(context, context.current, { approvedOn: event.today }));
});

/** The current debt's plan changed: instalments paid and the confirmation belong to the old one. */
export const forgetPlanProgress: Fragment = enqueueActions(({ context, enqueue }: Args) => {
  enqueue.assign(withAgreement(context, context.current, { approvedOn: null, paid: 0, confirmationReceived: false }));
});

const remind = enqueueActions(({ context, event, enqueue }: Args) => {
  const due = dueToday(context, event.today);
  if (due.length === 0) return;
  // Every reminder due is marked said, including an instalment's other lead and one already past.
  enqueue.assign({ reminders: markSent(reminderState(context), due, event.today) });
  const items = worthSaying(due, event.today);
  if (items.length > 0) enqueue({ type: 'remind', params: { items } satisfies RemindParams });
});

const showList = enqueueActions(({ context, enqueue }: Args) => {
  enqueue(context.consent === 'given' ? { type: 'showReminders' } : notice('reminders.needConsent'));
});

/** The choices about reminders themselves, made alike with a chat button and on the Mini App's page. */
export const REMINDER_SETTINGS = ['on', 'off', 'x', 's1', 's7', 'z'] as const satisfies readonly ReminderAction[];
export type ReminderSetting = (typeof REMINDER_SETTINGS)[number];
export const isReminderSetting = (a: unknown): a is ReminderSetting => (REMINDER_SETTINGS as readonly unknown[]).includes(a);

/**
 * Why a reminder choice changes nothing: no consent, its debt was removed, the reminder is not (any longer) due, or
 * the zone is not one of the list.
 */
export type ReminderRefusal = 'consent' | 'debtGone' | 'gone' | 'notOnList';
type Said = { key: string; vars?: Record<string, string | number> };
export type ReminderChange = { ok: true; state: ReminderState; said: Said; showList: boolean } | { ok: false; why: ReminderRefusal };

/** Where a key's debt is in the list now; null once it was removed, or when the key names no reminder. */
function keyedDebt(c: CaseContext, key: string): { named: boolean; debt: number | null } {
  const named = isReminderKey(key);
  return { named, debt: named ? debtIndex(c, debtOfKey(key)) : null };
}

/** Why any reminder button changes nothing before it is read: no consent, or its key names a removed debt. */
function refusedBeforehand(c: CaseContext, key: string): ReminderRefusal | null {
  if (c.consent !== 'given') return 'consent';
  // A key of a removed debt: nothing of it is left to act on, and no other debt is touched.
  const keyed = keyedDebt(c, key);
  return keyed.named && keyed.debt === null ? 'debtGone' : null;
}

/**
 * What one choice about reminders makes of the case's reminder state, and what the chat says to it; or why it
 * changes nothing. `key` names the reminder (cancel, snooze) or the zone's index (`z`).
 */
export function changeReminders(c: CaseContext, action: ReminderSetting, key: string, today: IsoDate): ReminderChange {
  const refused = refusedBeforehand(c, key);
  if (refused) return { ok: false, why: refused };
  const r = reminderState(c);
  switch (action) {
    case 'on':
      // Turned on again (an old button, a page not yet refreshed): what is due since they were first on still counts.
      return { ok: true, state: { ...r, choice: 'on', since: r.choice === 'on' ? r.since : today }, said: { key: 'reminders.turnedOn' }, showList: true };
    case 'off':
      return { ok: true, state: { ...r, choice: 'off' }, said: { key: r.choice === 'on' ? 'reminders.turnedOff' : 'reminders.declined' }, showList: false };
    case 'z':
      if (!isZoneIndex(key)) return { ok: false, why: 'notOnList' };
      return { ok: true, state: { ...r, timeZone: TIME_ZONES[Number(key)]! }, said: { key: 'reminders.zoneSet' }, showList: true };
  }
  const found = findReminder(c, key, today);
  if (!found) return { ok: false, why: 'gone' };
  if (action === 'x') return { ok: true, state: cancelReminder(r, found.key), said: { key: 'reminders.cancelled' }, showList: true };
  const snoozed = snoozeReminder(r, found, today, action === 's1' ? 1 : 7);
  const until = snoozed.snoozed.find((s) => s.key === found.key)!.until;
  return { ok: true, state: snoozed, said: { key: 'reminders.snoozed', vars: { date: formatDate(until, c.lang) } }, showList: true };
}

const REFUSAL_NOTICES: Record<ReminderRefusal, string> = { consent: 'reminders.needConsent', debtGone: 'reminders.debtGone', gone: 'reminders.gone', notOnList: 'reminders.gone' };

/** One reminder button. A button about a reminder that no longer exists is answered, and changes nothing. */
const press = enqueueActions(({ context, event, enqueue }: Args) => {
  if (event.type !== 'REMINDER') return;
  if (isReminderSetting(event.action)) {
    const change = changeReminders(context, event.action, event.key, event.today);
    if (!change.ok) {
      enqueue(notice(REFUSAL_NOTICES[change.why]));
      return;
    }
    enqueue.assign({ reminders: change.state });
    enqueue(notice(change.said.key, change.said.vars));
    if (change.showList) enqueue({ type: 'showReminders' });
    return;
  }
  const refused = refusedBeforehand(context, event.key);
  if (refused) {
    enqueue(notice(REFUSAL_NOTICES[refused]));
    return;
  }
  const { debt } = keyedDebt(context, event.key);
  switch (event.action) {
    case 'got':
      // Pressed without a reminder's key, it can name no debt of this case.
      if (debt === null) enqueue(notice('reminders.gone'));
      else {
        enqueue.assign(withAgreement(context, debt, { confirmationReceived: true }));
        enqueue(notice('reminders.confirmationNoted'));
      }
      return;
    case 'tz':
      enqueue({ type: 'showTimeZones' });
      return;
    case 'doc': {
      // The request is written for the reminder's lender: the steps turn to that debt.
      if (debt === null) {
        enqueue(notice('reminders.gone'));
        return;
      }
      const plan = context.debts[debt]!.plan;
      if (debt !== context.current) enqueue.assign({ current: debt, callDraft: {} });
      if (plan.months === null || (plan.kind === 'extension' ? plan.firstDue === null : plan.monthlyFen === null)) enqueue(notice('statement.confirmationNeedsPlan'));
      else for (const action of documentDeliveries('confirmation', context.lang)) enqueue(action);
      return;
    }
  }
  const found = findReminder(context, event.key, event.today);
  if (!found) {
    enqueue(notice('reminders.gone'));
    return;
  }
  // The instalment answers.
  const number = found.instalment?.number;
  if (number === undefined) {
    enqueue(notice('reminders.gone'));
    return;
  }
  // Found among the case's reminders, so its debt is in the list.
  const index = debtIndex(context, found.debt)!;
  const owed = context.debts[index]!;
  if (event.action === 'paid') {
    if (number <= owed.agreement.paid) {
      enqueue(notice('reminders.paidAlready', { number }));
      return;
    }
    const paid = number;
    const progress = planProgress({ ...owed, agreement: { ...owed.agreement, paid } });
    enqueue.assign(withAgreement(context, index, { paid }));
    enqueue(
      progress && progress.left > 0
        ? notice('reminders.paidNoted', { number, count: progress.left, amount: formatFen(progress.remainingFen, context.lang) })
        : notice('reminders.paidAll'),
    );
    return;
  }
  if (event.action === 'nope') {
    // Only the reminder 3 days before can promise another one; after the last, what to do if it cannot be paid.
    const last = daysBetween(keyDay(found.key), found.about) <= 1;
    enqueue(notice(last ? 'reminders.notYetLast' : 'reminders.notYet', { date: formatDate(found.about, context.lang) }));
    return;
  }
  // "Can't pay" opens the plan step of this reminder's debt.
  if (index !== context.current) enqueue.assign({ current: index, callDraft: {} });
  enqueue(notice('reminders.cantPay'));
});

/** Root-level handlers, spread into the machine's `on`. */
export const reminderHandlers: Fragment = {
  REMIND: { actions: remind },
  REMINDERS: { actions: showList },
  REMINDER: [
    // "Can't pay" opens the plan step (where a recorded plan can be changed), after the advice.
    {
      guard: ({ context, event }: Args) =>
        event.type === 'REMINDER' && event.action === 'cant' && context.consent === 'given' && findReminder(context, event.key, event.today)?.instalment !== undefined,
      target: '.plan',
      actions: press,
    },
    { actions: press },
  ],
  REMINDERS_BLOCKED: {
    actions: enqueueActions(({ context, enqueue }: Args) => enqueue.assign({ reminders: { ...reminderState(context), choice: 'off' } })),
  },
};
