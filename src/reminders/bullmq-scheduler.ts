import type * as BullMQ from 'bullmq';
import { Cluster, Redis } from 'ioredis';
import { createHmac, randomBytes } from 'node:crypto';
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
/**
 * The key that turns a chat id into the name its jobs go by (an HMAC): no job id, index or event names the chat.
 * One random key per Redis, made by whichever process comes first, so every replica names a chat's jobs alike. It
 * is the only key of the queue without a TTL, and says nothing of anyone.
 */
export const REF_KEY = `${QUEUE_PREFIX}:ref-key`;
/** The chat's index of jobs, by the chat's keyed name; jobs queued by earlier versions are under its id. */
const indexKey = (ref: string) => `${QUEUE_PREFIX}:chat:${ref}`;
const legacyIndexKey = (chatId: number) => `${QUEUE_PREFIX}:chat:${chatId}`;
/**
 * How long a job and the chat's index outlive the job's due time: its retries (six, 30 s doubling: about half an
 * hour) and a quiet-hours wait (a day) fit well inside; then Redis drops what BullMQ has not.
 */
export const KEEP_AFTER_DUE_MS = 3 * 86_400_000;

/**
 * Adds a job to the chat's index, which then expires KEEP_AFTER_DUE_MS after its last job is due. KEYS: index.
 * ARGV: at (our clock), id, keep ms, real time minus our clock (ms; the terminal's clock can run ahead).
 */
const INDEX_ADD = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local t = redis.call('TIME')
local due = math.max(tonumber(last[2]) + tonumber(ARGV[4]), tonumber(t[1]) * 1000)
redis.call('PEXPIREAT', KEYS[1], math.floor(due) + tonumber(ARGV[3]))
return 1
`;

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
/** A job id of the chat's index: `<chat's keyed name or, before, its id>_<kind>_<date>[_<debt>]`. */
const parseId = (chatId: number, id: string): Omit<JobData, 'at'> | null => {
  const m = /^(?:-?\d+|[0-9a-f]{24})_([a-z]+)_(\d{4}-\d{2}-\d{2})(?:_([1-9]\d*))?$/.exec(id);
  if (!m || !(REMINDER_KINDS as readonly string[]).includes(m[1]!)) return null;
  return { chatId, kind: m[1] as ReminderKind, debt: Number(m[3] ?? 0), date: m[2]! };
};

/** Loads the key the chats' names are made with, making it if this Redis has none yet. */
async function loadRefKey(connection: Redis | Cluster): Promise<Buffer> {
  await connection.set(REF_KEY, randomBytes(32).toString('hex'), 'NX');
  const hex = await connection.get(REF_KEY);
  if (!hex) throw new Error('the reminder queue key could not be read');
  return Buffer.from(hex, 'hex');
}

/** The queue, and the id a job goes by in it (for tests that look inside). */
export type BullmqScheduler = ReminderScheduler & { queueId(job: Pick<ReminderJob, 'chatId' | 'kind' | 'debt' | 'date'>): Promise<string> };

export function createBullmqScheduler(deps: {
  /** Makes a new connection (the queue's, and the worker's own). */
  connect: () => Redis | Cluster;
  clock: Clock;
  /** How many jobs one process runs at once; Telegram's pacing is the gateway's job. */
  concurrency?: number;
}): BullmqScheduler {
  const connection = deps.connect();
  // No one reads BullMQ's event stream: at 0 it keeps at most one stream node, and /delete empties it.
  const queue = new Queue<JobData>(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX, streams: { events: { maxLen: 0 } } });
  connection.defineCommand('xsIndexAdd', { numberOfKeys: 1, lua: INDEX_ADD });
  /** Real time minus our clock's. */
  const drift = () => Date.now() - deps.clock.now();
  const indexAdd = (ref: string, at: number, id: string) =>
    (connection as unknown as { xsIndexAdd(...args: Array<string | number>): Promise<number> }).xsIndexAdd(indexKey(ref), at, id, KEEP_AFTER_DUE_MS, drift());
  /** The job's own hash goes KEEP_AFTER_DUE_MS after it is due, whatever BullMQ does with it. */
  const expireJob = (id: string, at: number) => connection.pexpireat(queue.toKey(id), Math.floor(Math.max(at + drift(), Date.now())) + KEEP_AFTER_DUE_MS);

  let refKey: Promise<Buffer> | null = null;
  /** The chat's keyed name: 24 hex digits of an HMAC of its id. */
  const refOf = async (chatId: number) => {
    const key = await (refKey ??= loadRefKey(connection).catch((err: unknown) => {
      refKey = null;
      throw err;
    }));
    return createHmac('sha256', key).update(String(chatId)).digest('hex').slice(0, 24);
  };
  /** The job's id in the queue: the chat's keyed name where `jobId` has its id. */
  const queueId = async (job: Pick<ReminderJob, 'chatId' | 'kind' | 'debt' | 'date'>) =>
    `${await refOf(job.chatId)}${jobId(job).slice(String(job.chatId).length)}`;
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

  /**
   * The chat's index, soonest first: each job id with its job (null for an id this version cannot read). Jobs an
   * earlier version queued under the chat's id are in it too, until they have run.
   */
  async function indexed(chatId: number): Promise<Array<{ id: string; job: ReminderJob | null }>> {
    const [named, legacy] = await Promise.all([
      connection.zrange(indexKey(await refOf(chatId)), '0', '-1', 'WITHSCORES'),
      connection.zrange(legacyIndexKey(chatId), '0', '-1', 'WITHSCORES'),
    ]);
    const out: Array<{ id: string; job: ReminderJob | null; at: number }> = [];
    for (const flat of [named, legacy]) {
      for (let i = 0; i < flat.length; i += 2) {
        const parsed = parseId(chatId, flat[i]!);
        const at = Number(flat[i + 1]);
        out.push({ id: flat[i]!, job: parsed ? toJob(parsed, at) : null, at });
      }
    }
    return out.sort((a, b) => a.at - b.at).map(({ id, job }) => ({ id, job }));
  }

  /** Takes a job out of the chat's index (either name). */
  const unindex = async (chatId: number, id: string) =>
    (await connection.zrem(indexKey(await refOf(chatId)), id)) + (await connection.zrem(legacyIndexKey(chatId), id)) > 0;

  /**
   * How long from now until `at`: `at` is on our clock (moved forward in the terminal chat and in tests), while BullMQ
   * counts in real time.
   */
  const delayUntil = (at: number) => Math.max(0, at - deps.clock.now());

  const scheduler: BullmqScheduler = {
    async schedule(jobs) {
      let added = 0;
      for (const job of jobs) {
        const id = await queueId(job);
        // The index first: a job is never in the queue without being findable by its chat (for /delete).
        await indexAdd(await refOf(job.chatId), job.at, id);
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
        await expireJob(id, job.at);
        added++;
      }
      return added;
    },

    async cancel(job) {
      // The index says whether the job was there (BullMQ's remove reports success for an unknown id too).
      for (const id of [await queueId(job), jobId(job)]) {
        if (await unindex(job.chatId, id)) return remove(id);
      }
      return false;
    },


    list: (chatId) => indexed(chatId).then((jobs) => jobs.flatMap(({ job }) => (job ? [job] : []))),

    async removeAll(chatId) {
      const removed: ReminderJob[] = [];
      for (const { id, job } of await indexed(chatId)) if ((await remove(id)) && job) removed.push(job);
      await connection.del(indexKey(await refOf(chatId)), legacyIndexKey(chatId));
      // The event stream told of those jobs (added, delayed, removed): nothing reads it, so it is emptied.
      if (removed.length > 0) await connection.xtrim(queue.toKey('events'), 'MAXLEN', 0);
      return removed;
    },

    queueId,

    start(handler: ReminderHandler) {
      if (worker) return;
      workerConnection = deps.connect();
      worker = new Worker<JobData>(
        QUEUE_NAME,
        async (job: BullMQ.Job<JobData>, token?: string) => {
          const data = job.data;
          // A job whose hash Redis dropped (its time long past: the bot was down for days) has nothing to run.
          if (typeof data.chatId !== 'number') return;
          try {
            await handler(toJob(data, data.at));
          } catch (err) {
            if (!(err instanceof DeferJob)) throw err;
            await indexAdd(await refOf(data.chatId), err.at, job.id!);
            await job.moveToDelayed(Date.now() + delayUntil(err.at), token);
            await expireJob(job.id!, err.at);
            throw new DelayedError();
          }
          await unindex(data.chatId, job.id!);
        },
        {
          connection: workerConnection,
          prefix: QUEUE_PREFIX,
          concurrency: deps.concurrency ?? 4,
          limiter: { max: JOBS_PER_SECOND, duration: 1_000 },
        },
      );
      worker.on('failed', (job) => {
        if (job && job.attemptsMade >= ATTEMPTS) void unindex(job.data.chatId, job.id!).catch(() => {});
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
