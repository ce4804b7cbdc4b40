import type { IsoDate } from '../domain/catalog.js';
import { DEFAULT_TIME_ZONE, deliveryTime, inQuietHours, localTime, plannedDays, zoneOf, type ReminderCase } from '../domain/reminders.js';
import type { Clock } from '../engine/clock.js';
import type { ReminderMetrics } from './metrics.js';
import { DeferJob, jobId, type ReminderHandler, type ReminderJob, type ReminderScheduler } from './scheduler.js';

/**
 * Runs one reminder through the engine (an event into the chat's machine, committed, then sent) and says what came
 * of it: a message sent, nothing to say, no case any more, or Telegram's 403 (the person blocked the bot).
 */
export type Remind = (job: ReminderJob) => Promise<'reminded' | 'blocked' | string>;

/** What a finished reminder turn may come to; anything else (store down, busy chat, owed replies shown) runs again. */
const SETTLED = new Set(['reminded', 'nothing', 'gone', 'blocked', 'quiet']);
const DAY_MS = 86_400_000;

/**
 * Keeps the queue in step with the cases (the case decides, the queue only wakes the engine) and turns a due job
 * into an engine turn. Scheduling is an effect after the commit that made a reminder due, idempotent by job id.
 */
export function createReminderService(deps: {
  scheduler: ReminderScheduler;
  clock: Clock;
  metrics?: ReminderMetrics | undefined;
}) {
  const { scheduler, clock, metrics } = deps;
  /** Quiet hours are kept in the person's zone: Asia/Shanghai unless they picked another in /reminders. */
  const zone = DEFAULT_TIME_ZONE;

  /** The jobs a case needs, each at its delivery time (09:00, or later for quiet hours). */
  function jobsFor(chatId: number, c: ReminderCase | null, today: IsoDate) {
    if (!c) return [];
    const now = clock.now();
    const caseZone = zoneOf(c, zone);
    return plannedDays(c, today).map((d) => {
      const when = deliveryTime(d.date, now, caseZone);
      return { job: { chatId, kind: d.kind, debt: d.debt, date: d.date, at: when.at } satisfies ReminderJob, deferred: when.deferred };
    });
  }

  async function add(list: ReturnType<typeof jobsFor>) {
    for (const { job, deferred } of list) {
      if ((await scheduler.schedule([job])) === 0) continue;
      metrics?.scheduled(job.kind);
      if (deferred) metrics?.quietHours(job.kind);
    }
  }

  /** Every job of the chat removed (/delete, blocked, turned off); returns how many. */
  async function removeAll(chatId: number) {
    const removed = await scheduler.removeAll(chatId);
    for (const job of removed) metrics?.cancelled(job.kind);
    return removed.length;
  }

  return {
    /**
     * After a commit: removes the jobs the case no longer needs and adds the new ones; with `refresh` (a reminder
     * turn, /reminders, a reminder button) re-adds every job it needs, mending any lost one. Nothing to work out when
     * neither the debts nor the reminder choices changed (a turn leaves an unchanged field the same object).
     */
    async reconcile(chatId: number, prev: ReminderCase | null, next: ReminderCase | null, today: IsoDate, refresh = false) {
      if (!refresh && prev !== null && next !== null && prev.debts === next.debts && prev.reminders === next.reminders) return;
      const before = jobsFor(chatId, prev, today);
      const after = jobsFor(chatId, next, today);
      const keep = new Set(after.map((x) => jobId(x.job)));
      const had = new Set(before.map((x) => jobId(x.job)));
      for (const { job } of before) {
        if (!keep.has(jobId(job)) && (await scheduler.cancel(job))) metrics?.cancelled(job.kind);
      }
      await add(refresh ? after : after.filter((x) => !had.has(jobId(x.job))));
    },

    removeAll,

    /** The chat's jobs still to run, soonest first (for a copy of the person's data). */
    list: (chatId: number) => scheduler.list(chatId),

    /** Whether it is quiet hours now where this person is: a reminder job then waits (the engine asks). */
    isQuiet: (c: ReminderCase) => inQuietHours(clock.now(), zoneOf(c, zone)),

    /** The person's calendar day now, in their zone: what a reminder's "today" is (a day behind China's in the Americas). */
    today: (c: ReminderCase) => localTime(clock.now(), zoneOf(c, zone)).date,

    /** The worker's handler: one job = one engine turn; quiet hours put it back, a block clears the chat's jobs. */
    handler(remind: Remind): ReminderHandler {
      return async (job) => {
        const outcome = await remind(job);
        if (outcome === 'quiet') {
          // Run late into the person's night (a backlog after an outage, a clock moved forward): the job was due at
          // a daytime hour of theirs, so the same hour on a later day is daytime again.
          metrics?.quietHours(job.kind);
          const now = clock.now();
          throw new DeferJob(job.at + Math.max(1, Math.ceil((now - job.at) / DAY_MS)) * DAY_MS);
        }
        // Thrown, the queue runs the job again later; the case knows what was said, so nothing is said twice.
        if (!SETTLED.has(outcome)) throw new Error(`reminder turn ended as ${outcome}; it runs again`);
        if (outcome === 'reminded') metrics?.sent(job.kind);
        if (outcome === 'blocked') await removeAll(job.chatId);
      };
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
