import type { Clock } from '../engine/clock.js';
import { DeferJob, jobId, type ReminderHandler, type ReminderJob, type ReminderScheduler } from './scheduler.js';

/** A failed job runs again after this long (clock time), as BullMQ's backoff would. */
const RETRY_MS = 60_000;

/**
 * The reminder queue inside one process, for the terminal chat (no REDIS_URL). Same port and same job ids as the
 * BullMQ queue. Time comes from the clock, so a developer who moves the clock forward (`/clock` in the terminal,
 * or XS_CLOCK_OFFSET) and calls `runDue` sees the reminders that would have fired.
 */
export function createMemoryScheduler(clock: Clock) {
  const jobs = new Map<string, ReminderJob>();
  let handler: ReminderHandler | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  /** One real timer, for the soonest job; moving the clock means calling `runDue`. */
  function arm() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!handler || jobs.size === 0) return;
    const soonest = Math.min(...[...jobs.values()].map((j) => j.at));
    timer = setTimeout(() => void runDue(), Math.min(Math.max(0, soonest - clock.now()), 2 ** 31 - 1));
    timer.unref();
  }

  /** Runs every job that is due by the clock, soonest first, one at a time. */
  function runDue(): Promise<void> {
    running = running.then(async () => {
      if (!handler) return;
      const due = [...jobs.entries()].filter(([, j]) => j.at <= clock.now()).sort(([, a], [, b]) => a.at - b.at);
      for (const [id, job] of due) {
        if (jobs.get(id) !== job) continue;
        jobs.delete(id);
        try {
          await handler(job);
        } catch (err) {
          if (!jobs.has(id)) jobs.set(id, { ...job, at: err instanceof DeferJob ? err.at : clock.now() + RETRY_MS });
        }
      }
      arm();
    });
    return running;
  }

  const scheduler: ReminderScheduler & { runDue(): Promise<void> } = {
    async schedule(list) {
      let added = 0;
      for (const job of list) {
        const id = jobId(job);
        if (jobs.has(id)) continue;
        jobs.set(id, { ...job });
        added++;
      }
      arm();
      return added;
    },
    async cancel(job) {
      const removed = jobs.delete(jobId(job));
      arm();
      return removed;
    },
    async list(chatId) {
      return [...jobs.values()].filter((j) => j.chatId === chatId).sort((a, b) => a.at - b.at);
    },
    async removeAll(chatId) {
      const removed: ReminderJob[] = [];
      for (const [id, j] of jobs) {
        if (j.chatId === chatId) {
          jobs.delete(id);
          removed.push(j);
        }
      }
      arm();
      return removed;
    },
    start(h) {
      handler = h;
      arm();
    },
    async close() {
      handler = null;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    runDue,
  };
  return scheduler;
}

export type MemoryScheduler = ReturnType<typeof createMemoryScheduler>;
