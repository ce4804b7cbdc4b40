import type * as BullMQ from 'bullmq';
import { Cluster, Redis } from 'ioredis';
import { createRequire } from 'node:module';
import type { Clock } from '../engine/clock.js';
import { REMINDER_KINDS, type ReminderKind } from '../domain/reminders.js';
import { clusterSeeds } from '../store/redis-client.js';
import { DeferJob, jobId, type ReminderHandler, type ReminderJob, type ReminderScheduler } from './scheduler.js';

/**
 * One hash-tagged prefix: every key of the queue (and our per-chat index) hashes to one Redis Cluster slot, as
 * BullMQ's Lua scripts need. The chat's own keys (`xs:{c:…}`) stay where they are.
 */
export const QUEUE_PREFIX = '{xs:reminders}';
export const QUEUE_NAME = 'reminders';
const indexKey = (chatId: number) => `${QUEUE_PREFIX}:chat:${chatId}`;

/**
 * Only the three classes used, from BullMQ's own CommonJS build: its index also loads the PostgreSQL, Bun and Valkey
 * backends, ~1.4 MB of heap every process would carry for nothing. The version is pinned in package.json; the
 * scheduler's tests run these very modules on Redis and on a Redis Cluster.
 */
const load = createRequire(import.meta.url);
const { Queue } = load('bullmq/dist/cjs/classes/queue.js') as Pick<typeof BullMQ, 'Queue'>;
const { Worker } = load('bullmq/dist/cjs/classes/worker.js') as Pick<typeof BullMQ, 'Worker'>;
const { DelayedError } = load('bullmq/dist/cjs/classes/errors/delayed-error.js') as Pick<typeof BullMQ, 'DelayedError'>;

/**
 * Every process's worker together starts at most this many jobs a second: reminders all fall due at 09:00, and
 * Telegram asks bulk notifications to stay near 30 messages a second (FACTS §8.6); the rest wait their turn.
 */
export const JOBS_PER_SECOND = 25;

/** A job that keeps failing (Telegram down for long) is tried this often, then dropped; the case is not touched. */
const ATTEMPTS = 6;
const BACKOFF_MS = 30_000;

interface JobData {
  chatId: number;
  kind: ReminderKind;
  /**
   * The debt's id. Absent in jobs queued before reminders followed every debt: the job then only wakes the case,
   * which decides what is due, and its id is read as the debt with id 0.
   */
  debt?: number;
  date: string;
  /** When it was due (ms): a run deferred for quiet hours waits for the same time of day. */
  at: number;
}

/**
 * BullMQ needs connections of its own: blocking commands and `maxRetriesPerRequest: null` (it waits out a
 * reconnect instead of failing), unlike the store's fail-fast client. RESP2 because ioredis 6 speaks RESP3 by
 * default and BullMQ's scripts expect RESP2 replies.
 */
export function createQueueConnection(opts: { url: string; cluster: boolean }): Redis | Cluster {
  const common = { maxRetriesPerRequest: null, protocol: 2 } as const;
  if (!opts.cluster) return new Redis(opts.url, common as never);
  return new Cluster(clusterSeeds(opts.url), { redisOptions: common as never });
}

const toJob = (data: Omit<JobData, 'at'>, at: number): ReminderJob => ({ chatId: data.chatId, kind: data.kind, debt: data.debt ?? 0, date: data.date, at });
const parseId = (id: string): Omit<JobData, 'at'> | null => {
  const m = /^(-?\d+)_([a-z]+)_(\d{4}-\d{2}-\d{2})(?:_([1-9]\d*))?$/.exec(id);
  if (!m || !(REMINDER_KINDS as readonly string[]).includes(m[2]!)) return null;
  return { chatId: Number(m[1]), kind: m[2] as ReminderKind, debt: Number(m[4] ?? 0), date: m[3]! };
};

export function createBullmqScheduler(deps: {
  /** Makes a new connection (the queue's, and the worker's own). */
  connect: () => Redis | Cluster;
  clock: Clock;
  /** How many jobs one process runs at once; Telegram's pacing is the gateway's job. */
  concurrency?: number;
}): ReminderScheduler {
  const connection = deps.connect();
  const queue = new Queue<JobData>(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
  // Connection errors are retried by ioredis and surface as failed calls; without a listener Node would crash.
  queue.on('error', () => {});
  let worker: BullMQ.Worker<JobData> | null = null;
  let workerConnection: Redis | Cluster | null = null;

  const remove = async (id: string): Promise<boolean> => {
    try {
      return (await queue.remove(id)) === 1;
    } catch {
      // The job is running right now (locked by a worker): it finds its own way out.
      return false;
    }
  };

  /** The chat's index, soonest first: each job id with its job (null for an id this version cannot read). */
  async function indexed(chatId: number): Promise<Array<{ id: string; job: ReminderJob | null }>> {
    const flat = await connection.zrange(indexKey(chatId), '0', '-1', 'WITHSCORES');
    const out: Array<{ id: string; job: ReminderJob | null }> = [];
    for (let i = 0; i < flat.length; i += 2) {
      const parsed = parseId(flat[i]!);
      out.push({ id: flat[i]!, job: parsed ? toJob(parsed, Number(flat[i + 1])) : null });
    }
    return out;
  }

  /**
   * How long from now until `at`: `at` is on our clock (moved forward in the terminal chat and in tests), while BullMQ
   * counts in real time.
   */
  const delayUntil = (at: number) => Math.max(0, at - deps.clock.now());

  const scheduler: ReminderScheduler = {
    async schedule(jobs) {
      let added = 0;
      for (const job of jobs) {
        const id = jobId(job);
        // The index first: a job is never in the queue without being findable by its chat (for /delete).
        await connection.zadd(indexKey(job.chatId), job.at, id);
        const existing = await queue.getJob(id);
        if (existing) continue;
        await queue.add(job.kind, { chatId: job.chatId, kind: job.kind, debt: job.debt, date: job.date, at: job.at }, {
          jobId: id,
          delay: delayUntil(job.at),
          attempts: ATTEMPTS,
          backoff: { type: 'exponential', delay: BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: true,
        });
        added++;
      }
      return added;
    },

    async cancel(job) {
      const id = jobId(job);
      // The index says whether the job was there (BullMQ's remove reports success for an unknown id too).
      const indexed = (await connection.zrem(indexKey(job.chatId), id)) === 1;
      return (await remove(id)) && indexed;
    },


    list: (chatId) => indexed(chatId).then((jobs) => jobs.flatMap(({ job }) => (job ? [job] : []))),

    async removeAll(chatId) {
      const removed: ReminderJob[] = [];
      for (const { id, job } of await indexed(chatId)) if ((await remove(id)) && job) removed.push(job);
      await connection.del(indexKey(chatId));
      return removed;
    },

    start(handler: ReminderHandler) {
      if (worker) return;
      workerConnection = deps.connect();
      worker = new Worker<JobData>(
        QUEUE_NAME,
        async (job: BullMQ.Job<JobData>, token?: string) => {
          const data = job.data;
          try {
            await handler(toJob(data, data.at));
          } catch (err) {
            if (!(err instanceof DeferJob)) throw err;
            await connection.zadd(indexKey(data.chatId), err.at, job.id!);
            await job.moveToDelayed(Date.now() + delayUntil(err.at), token);
            throw new DelayedError();
          }
          await connection.zrem(indexKey(data.chatId), job.id!);
        },
        {
          connection: workerConnection,
          prefix: QUEUE_PREFIX,
          concurrency: deps.concurrency ?? 4,
          limiter: { max: JOBS_PER_SECOND, duration: 1_000 },
        },
      );
      worker.on('failed', (job) => {
        if (job && job.attemptsMade >= ATTEMPTS) void connection.zrem(indexKey(job.data.chatId), job.id!).catch(() => {});
      });
      worker.on('error', () => {});
    },

    async close() {
      await worker?.close();
      await queue.close();
      connection.disconnect();
      workerConnection?.disconnect();
      worker = null;
    },
  };
  return scheduler;
}
