import type { ReminderJob } from '../engine/ports.js';

export type { ReminderJob } from '../engine/ports.js';

/**
 * Same chat, kind, debt and day = the same job, on every replica and every retry: scheduling twice is a no-op.
 * The debt with id 0 adds nothing (as in schema 2, when one debt was followed); the debt with id N ends in `_N`.
 */
export const jobId = (job: Pick<ReminderJob, 'chatId' | 'kind' | 'debt' | 'date'>): string =>
  `${job.chatId}_${job.kind}_${job.date}${job.debt === 0 ? '' : `_${job.debt}`}`;

/** Runs one due job; a thrown error makes the job run again later. */
export type ReminderHandler = (job: ReminderJob) => Promise<void>;

/**
 * The reminder queue port. BullMQ on Redis in production; an in-process queue for the terminal chat. Both keep an
 * index per chat so `/reminders` and `/delete` work on one chat without scanning the queue.
 */
export interface ReminderScheduler {
  /** Adds the jobs not already there (by `jobId`); returns how many were new. */
  schedule(jobs: readonly ReminderJob[]): Promise<number>;
  /** Removes one job; false when there was none. */
  cancel(job: Pick<ReminderJob, 'chatId' | 'kind' | 'debt' | 'date'>): Promise<boolean>;
  /** The chat's jobs still to run, soonest first. */
  list(chatId: number): Promise<ReminderJob[]>;
  /** Removes every job of the chat; returns those removed. */
  removeAll(chatId: number): Promise<ReminderJob[]>;
  /** Starts running due jobs in this process (a worker in every bot process). */
  start(handler: ReminderHandler): void;
  /** Stops taking jobs, waits for the one running, and lets go of connections. */
  close(): Promise<void>;
}

/** Thrown by a handler when the job must wait: it is put back to run at `at` (quiet hours at run time). */
export class DeferJob extends Error {
  override name = 'DeferJob';
  constructor(readonly at: number) {
    super(`deferred to ${new Date(at).toISOString()}`);
  }
}
