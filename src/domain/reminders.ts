import { z } from 'zod';
import type { Fen, IsoDate } from './catalog.js';
import { addDays, addMonths } from './dates.js';

/**
 * What the bot reminds a person of, and when (issue: follow-through over weeks). Pure: every function takes the
 * day or the instant it reasons about; nothing here reads a clock. Dates are the person's calendar days.
 */
export const REMINDER_KINDS = ['contact', 'confirmation', 'instalment', 'repayment', 'bill'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Quiet hours: nothing is sent from 21:00 to 09:00 in the person's time zone; a reminder waits for 09:00. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 9;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A missed reminder (the bot was down, or the day's one message was already sent) is still said within a week. */
export const LATE_WINDOW_DAYS = 6;
/** Written confirmation is asked after for this many days after the plan was approved. */
export const CONFIRMATION_AFTER_DAYS = 3;
/** Each instalment is reminded this many days before it is due. */
export const INSTALMENT_LEAD_DAYS = [3, 1] as const;
/** Caps keep the per-item choices (cancel, snooze, sent) from growing without bound. */
const MAX_MARKS = 40;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/**
 * `kind:YYYY-MM-DD` for the debt with id 0, `kind:YYYY-MM-DD:N` for the debt with id N: one reminder by its debt
 * and the day it was first due to be said. The id is the debt's own (never its place in the list), so a key keeps
 * naming the same lender after a debt before it is removed. Written one way only (no leading zero), so keys compare
 * as strings.
 */
const KEY = /^([a-z]+):(\d{4}-\d{2}-\d{2})(?::([1-9]\d{0,15}))?$/;
const keySchema = z.string().regex(KEY);

export const REMINDER_CHOICES = ['unasked', 'asked', 'on', 'off'] as const;

/**
 * What a reminder button does: turn all on or off, cancel one, snooze one a day or a week, answer an instalment
 * reminder (paid, not yet, cannot pay), say the written confirmation arrived, or ask for the confirmation message.
 */
export const REMINDER_ACTIONS = ['on', 'off', 'x', 's1', 's7', 'paid', 'nope', 'cant', 'got', 'doc', 'tz', 'z'] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];
/**
 * The zones a person can pick for quiet hours (`z` with the index): China first, then where people from China
 * often live or work. Asia/Shanghai is the default.
 */
export const TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
] as const;
export const isZoneIndex = (s: string): boolean => /^\d$/.test(s) && Number(s) < TIME_ZONES.length;

export const isReminderKey = (s: string): boolean => {
  const m = KEY.exec(s);
  return m !== null && (REMINDER_KINDS as readonly string[]).includes(m[1]!);
};

/** The debt a reminder key belongs to: its id. */
export const debtOfKey = (key: string): number => Number(KEY.exec(key)?.[3] ?? 0);
/** The day in a reminder's key: the day it was first due. */
export const keyDay = (key: string): IsoDate => (KEY.exec(key)?.[2] ?? '') as IsoDate;

/** Stored in the case: the person's choices and what has been said. */
export const ReminderStateSchema = z.object({
  /** Offered once ('asked' = offered, no answer yet: not offered again); only 'on' sends anything. */
  choice: z.enum(REMINDER_CHOICES),
  /** The zone the person picked for quiet hours; null: the bot's default (Asia/Shanghai unless the operator set one). */
  timeZone: z.enum(TIME_ZONES).nullable().default(null),
  /**
   * The day reminders were last turned on: nothing due before it is brought up late, and it anchors the monthly
   * bill check when the due date is unknown.
   */
  since: isoDate.nullable(),
  cancelled: z.array(keySchema).max(MAX_MARKS),
  snoozed: z.array(z.object({ key: keySchema, until: isoDate })).max(MAX_MARKS),
  sent: z.array(keySchema).max(MAX_MARKS),
  /** The day the last reminder message went out: at most one a day. */
  lastSentOn: isoDate.nullable(),
});
export type ReminderState = z.infer<typeof ReminderStateSchema>;

export const newReminderState = (): ReminderState => ({
  choice: 'unasked',
  timeZone: null,
  since: null,
  cancelled: [],
  snoozed: [],
  sent: [],
  lastSentOn: null,
});

/** What came of one lender's approved plan: kept on its debt, so each debt's instalments are followed apart. */
export const AgreementSchema = z.object({
  /** The day the plan was recorded as approved: the written-confirmation reminder counts from it. */
  approvedOn: isoDate.nullable(),
  confirmationReceived: z.boolean(),
  /** Instalments of the recorded plan the person said they paid. */
  paid: z.number().int().min(0).max(120),
});
export type Agreement = z.infer<typeof AgreementSchema>;
export const newAgreement = (): Agreement => ({ approvedOn: null, confirmationReceived: false, paid: 0 });

/** The parts of one debt reminders are computed from (a structural view, so this module does not import the flow). */
export interface ReminderDebt {
  /** The debt's own id in the case, which reminder keys carry. */
  id: number;
  amountFen: Fen | null;
  dueDate: IsoDate | null;
  calls: ReadonlyArray<{ date: IsoDate; nextDate: IsoDate | null }>;
  plan: { status: string; monthlyFen: Fen | null; months: number | null; firstDue: IsoDate | null; kind?: string | null | undefined };
  agreement: Agreement;
}

/** A case as reminders see it: every debt, and the person's choices (one set for the whole case). */
export interface ReminderCase {
  debts: readonly ReminderDebt[];
  /** Null until reminders are first offered or turned on: a case that never uses them stores nothing for them. */
  reminders: ReminderState | null;
}

const NONE: ReminderState = newReminderState();
/** The case's reminder state, the default one where none is stored yet. */
export const reminderState = (c: { reminders: ReminderState | null }): ReminderState => c.reminders ?? NONE;

export interface Reminder {
  kind: ReminderKind;
  /** The debt it is about: its id, not its place in the list. */
  debt: number;
  /** The day it is to be said (after a snooze: the snoozed-to day). */
  date: IsoDate;
  /** Identity: the kind, the debt and the day it was first due, unchanged by a snooze. */
  key: string;
  /** The day the reminder is about: the call-back, the instalment's due day, the repayment day, the bill day. */
  about: IsoDate;
  /** Instalments: which one (1-based) and how much. */
  instalment?: { number: number; of: number; amountFen: Fen };
}

/** A reminder's key: its kind, the day, and the id of its debt (none for id 0). */
export const reminderKey = (kind: ReminderKind, date: IsoDate, debt: number): string => (debt === 0 ? `${kind}:${date}` : `${kind}:${date}:${debt}`);

/** The instalment plan the person recorded, when it is complete enough to remind of. */
function recordedPlan(d: ReminderDebt) {
  const { status, monthlyFen, months, firstDue } = d.plan;
  return status === 'approved' && monthlyFen !== null && months !== null && firstDue !== null ? { monthlyFen, months, firstDue } : null;
}

/** What is left of a debt's recorded plan after the instalments the person marked paid. */
export function planProgress(d: ReminderDebt): { left: number; remainingFen: Fen } | null {
  const plan = recordedPlan(d);
  if (!plan) return null;
  const left = Math.max(0, plan.months - d.agreement.paid);
  return { left, remainingFen: left * plan.monthlyFen };
}

/** A debt is open while an amount is owed and a recorded plan is not paid off. */
const debtOpen = (d: ReminderDebt) => (d.amountFen ?? 0) > 0 && (planProgress(d)?.left ?? 1) > 0;

/** The day each snoozed reminder was moved to, by key. */
type SnoozedDays = ReadonlyMap<string, IsoDate>;
const snoozedDays = (r: ReminderState): SnoozedDays => new Map(r.snoozed.map((s) => [s.key, s.until]));

/** Every reminder one debt calls for around `today`: from a week back (late ones) onwards, before choices apply. */
function candidatesOf(d: ReminderDebt, r: ReminderState, snoozed: SnoozedDays, today: IsoDate): Reminder[] {
  const debt = d.id;
  const from = addDays(today, -LATE_WINDOW_DAYS);
  const out: Reminder[] = [];
  const add = (kind: ReminderKind, date: IsoDate, about: IsoDate, instalment?: Reminder['instalment']) => {
    const key = reminderKey(kind, date, debt);
    // A snoozed reminder is kept until a week after the day it was moved to, however long ago it first fell due.
    if (date >= from || (snoozed.get(key) ?? '') >= from) out.push({ kind, debt, date, key, about, ...(instalment ? { instalment } : {}) });
  };

  const lastCall = d.calls.at(-1);
  if (lastCall?.nextDate) add('contact', lastCall.nextDate, lastCall.nextDate);

  const plan = recordedPlan(d);
  // An approved extension: nothing a month meanwhile, and repayment starts again on its day.
  const restart = d.plan.status === 'approved' && d.plan.kind === 'extension' ? d.plan.firstDue : null;
  const a = d.agreement;
  if ((plan || restart) && a.approvedOn && !a.confirmationReceived) add('confirmation', addDays(a.approvedOn, CONFIRMATION_AFTER_DAYS), a.approvedOn);
  if (plan) {
    // The next unpaid instalment not yet past, and the one after it, so the chain goes on after each reminder.
    let next = a.paid;
    while (next < plan.months && addMonths(plan.firstDue, next) < from) next++;
    for (let i = next; i < Math.min(plan.months, next + 2); i++) {
      const due = addMonths(plan.firstDue, i);
      for (const lead of INSTALMENT_LEAD_DAYS) {
        add('instalment', addDays(due, -lead), due, { number: i + 1, of: plan.months, amountFen: plan.monthlyFen });
      }
    }
  }

  const due = restart ?? d.dueDate;
  if (due !== null && (due >= today || snoozed.has(reminderKey('repayment', due, debt)))) add('repayment', due, due);

  const anchor = due ?? r.since;
  if (anchor !== null && debtOpen(d)) {
    let k = 1;
    while (addMonths(anchor, k) < from) k++;
    for (const date of [addMonths(anchor, k), addMonths(anchor, k + 1)]) add('bill', date, date);
  }
  return out;
}

/** Every reminder the case calls for around `today`, for every debt, before choices apply. */
function candidates(c: ReminderCase, today: IsoDate, r = reminderState(c), snoozed = snoozedDays(r)): Reminder[] {
  return c.debts.flatMap((d) => candidatesOf(d, r, snoozed, today));
}

/** The case's reminders with the person's choices applied: cancelled ones gone, snoozed ones moved, said ones gone. */
export function reminders(c: ReminderCase, today: IsoDate): Reminder[] {
  const r = reminderState(c);
  if (r.choice !== 'on') return [];
  const snoozed = snoozedDays(r);
  // One due before reminders were turned on was never missed: it is not brought up late.
  return candidates(c, today, r, snoozed)
    .filter((x) => !r.cancelled.includes(x.key) && !r.sent.includes(x.key) && (r.since === null || x.date >= r.since))
    .map((x) => ({ ...x, date: snoozed.get(x.key) ?? x.date }))
    // By day, then kind; the same day and kind stay in the order of the debts (the sort is stable).
    .sort((a, b) => (a.date === b.date ? REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind) : a.date < b.date ? -1 : 1));
}

/**
 * The reminder a button names, whether or not it was said already (a button of a sent message), with the
 * person's cancellations ignored; null when the case no longer calls for it (plan changed, call log moved on).
 */
export function findReminder(c: ReminderCase, key: string, today: IsoDate): Reminder | null {
  return candidates(c, today).find((x) => x.key === key) ?? null;
}

/**
 * What a message says of the reminders due: an instalment once, by its nearest lead (a plan recorded close to a due
 * day has both leads due together), and none whose day is already past (recorded after the fact).
 */
export function worthSaying(due: readonly Reminder[], today: IsoDate): Reminder[] {
  const nearest = new Map<string, Reminder>();
  for (const x of due) {
    if (x.kind !== 'instalment' || x.about < today) continue;
    const id = `${x.debt}:${x.about}`;
    const known = nearest.get(id);
    if (!known || x.date > known.date) nearest.set(id, x);
  }
  return due.filter((x) => x.kind !== 'instalment' || nearest.get(`${x.debt}:${x.about}`) === x);
}

/** What one reminder message today says: everything due and not yet said, none if today's message went out. */
export function dueToday(c: ReminderCase, today: IsoDate): Reminder[] {
  if (reminderState(c).lastSentOn === today) return [];
  return reminders(c, today).filter((x) => x.date <= today);
}

/**
 * The days a reminder job must run for this case: each future reminder on its day; a due one not yet said today
 * (or held back because today's message already went out) on the first day it may go.
 */
export function plannedDays(c: ReminderCase, today: IsoDate): Array<{ kind: ReminderKind; debt: number; date: IsoDate }> {
  const first = reminderState(c).lastSentOn === today ? addDays(today, 1) : today;
  const seen = new Set<string>();
  const out: Array<{ kind: ReminderKind; debt: number; date: IsoDate }> = [];
  for (const x of reminders(c, today)) {
    const date = x.date < first ? first : x.date;
    const key = reminderKey(x.kind, date, x.debt);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: x.kind, debt: x.debt, date });
  }
  return out;
}

/** After a reminder message: what it said is marked, the day is used, and marks for days long past are dropped. */
export function markSent(r: ReminderState, said: readonly Reminder[], today: IsoDate): ReminderState {
  const from = addDays(today, -LATE_WINDOW_DAYS - 31);
  const recent = (key: string) => key.slice(key.indexOf(':') + 1) >= from;
  return {
    ...r,
    sent: [...r.sent.filter(recent), ...said.map((x) => x.key)].slice(-MAX_MARKS),
    cancelled: r.cancelled.filter(recent),
    snoozed: r.snoozed.filter((s) => s.until >= from),
    lastSentOn: today,
  };
}

/**
 * A debt removed from the case (by its id): its marks go. The other debts' marks name them by id, so they stay as
 * they are, with the same lender.
 */
export function forgetDebt(r: ReminderState, removed: number): ReminderState {
  const kept = (key: string) => debtOfKey(key) !== removed;
  return { ...r, cancelled: r.cancelled.filter(kept), sent: r.sent.filter(kept), snoozed: r.snoozed.filter((s) => kept(s.key)) };
}

export function cancelReminder(r: ReminderState, key: string): ReminderState {
  return r.cancelled.includes(key) ? r : { ...r, cancelled: [...r.cancelled, key].slice(-MAX_MARKS) };
}

/**
 * Moves one reminder `days` later: from its day (or the day it was already moved to), or from today once that has
 * come; snoozing again moves it again.
 */
export function snoozeReminder(r: ReminderState, reminder: Pick<Reminder, 'key' | 'date'>, today: IsoDate, days: number): ReminderState {
  const { key } = reminder;
  const current = r.snoozed.find((s) => s.key === key)?.until ?? reminder.date;
  const until = addDays(current > today ? current : today, days);
  return { ...r, snoozed: [...r.snoozed.filter((s) => s.key !== key), { key, until }].slice(-MAX_MARKS) };
}

// ── Time of day: quiet hours in the person's zone ──────────────────────────────────────────────────────────────

/**
 * Zones of the list whose clocks have not changed for decades (China since 1991, Japan since 1951, Singapore since
 * 1982): their wall clock is a fixed offset, read without ICU, whose data would otherwise stay resident (~4 MiB of the
 * process) for the day every update needs. Other zones keep daylight saving and go through Intl.
 */
const FIXED_OFFSET_HOURS: Readonly<Record<string, number>> = { 'Asia/Shanghai': 8, 'Asia/Tokyo': 9, 'Asia/Singapore': 8 };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const fixed = FIXED_OFFSET_HOURS[timeZone];
  if (fixed !== undefined) return fixed * 3_600_000;
  const p = Object.fromEntries(formatterFor(timeZone).formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The zone the case keeps quiet hours in: the person's pick, else the bot's default. */
export const zoneOf = (c: { reminders: ReminderState | null }, fallback: string): string => reminderState(c).timeZone ?? fallback;

/** The wall-clock day and hour of an instant in a zone. */
export function localTime(ms: number, timeZone: string): { date: IsoDate; hour: number } {
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offsetAt(ms, timeZone));
  return { date: wall.toISOString().slice(0, 10) as IsoDate, hour: wall.getUTCHours() };
}

/** The instant a wall-clock hour on a day happens in a zone (checked twice, for days a clock change falls on). */
export function instantAt(date: IsoDate, hour: number, timeZone: string): number {
  const wall = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

export const inQuietHours = (ms: number, timeZone: string): boolean => {
  const { hour } = localTime(ms, timeZone);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
};

/**
 * When a reminder for `date` goes out: 09:00 that day, or now when that has passed, but never in quiet hours
 * (then the next 09:00). `deferred` says quiet hours moved it.
 */
export function deliveryTime(date: IsoDate, nowMs: number, timeZone: string): { at: number; deferred: boolean } {
  const opening = instantAt(date, QUIET_UNTIL_HOUR, timeZone);
  if (opening >= nowMs) return { at: opening, deferred: false };
  if (!inQuietHours(nowMs, timeZone)) return { at: nowMs, deferred: false };
  const local = localTime(nowMs, timeZone);
  const day = local.hour < QUIET_UNTIL_HOUR ? local.date : addDays(local.date, 1);
  return { at: instantAt(day, QUIET_UNTIL_HOUR, timeZone), deferred: true };
}
