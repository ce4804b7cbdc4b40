import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { KEEP_AFTER_DUE_MS, QUEUE_NAME, QUEUE_PREFIX, REF_KEY, createBullmqScheduler, createQueueConnection } from '../../src/reminders/bullmq-scheduler.js';
import { createMemoryScheduler } from '../../src/reminders/memory-scheduler.js';
import { DeferJob, type ReminderJob, type ReminderScheduler } from '../../src/reminders/scheduler.js';
import { keysMentioning } from '../support/redis-dump.js';
import { startRedis, startRedisCluster, type TestRedis } from '../support/redis.js';

let nextChat = 7_000_000 + Math.floor(Math.random() * 1e6) * 10;
const chat = () => ++nextChat;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const clock = { now: () => Date.now() };

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

interface Harness {
  make(): ReminderScheduler;
  /** Brings due jobs to the handler now (the in-process queue runs by its clock; BullMQ by its own timers). */
  fire(s: ReminderScheduler): Promise<void>;
}

/** The port's contract, the same for BullMQ on a real redis-server and for the in-process queue. */
function contract(name: string, harness: () => Harness) {
  describe(`${name}: the reminder scheduler contract`, () => {
    const job = (chatId: number, kind: ReminderJob['kind'], date: string, inMs = 60_000, debt = 0): ReminderJob => ({ chatId, kind, debt, date, at: Date.now() + inMs });

    it('schedules, lists soonest first, and runs a due job once', async () => {
      const h = harness();
      const s = h.make();
      const ran: ReminderJob[] = [];
      s.start(async (j) => void ran.push(j));
      const id = chat();
      await s.schedule([job(id, 'bill', '2026-12-15', 3_600_000), job(id, 'contact', '2026-12-01', 150)]);
      expect((await s.list(id)).map((j) => j.kind)).toEqual(['contact', 'bill']);
      await sleep(200);
      await h.fire(s);
      await until(() => ran.length === 1);
      expect(ran[0]).toMatchObject({ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01' });
      await until(() => true);
      expect((await s.list(id)).map((j) => j.kind)).toEqual(['bill']);
      await s.close();
    });

    it('scheduling the same chat, kind and day twice (two instances) keeps one job', async () => {
      const h = harness();
      const a = h.make();
      const b = name === 'memory' ? a : h.make();
      const id = chat();
      const j = job(id, 'instalment', '2026-12-07');
      expect(await a.schedule([j])).toBe(1);
      expect(await b.schedule([j, j])).toBe(0);
      expect(await a.list(id)).toHaveLength(1);
      await a.close();
      if (b !== a) await b.close();
    });

    it('the same kind and day for two debts are two jobs, each listed with its debt', async () => {
      const s = harness().make();
      const id = chat();
      await s.schedule([job(id, 'instalment', '2026-12-07', 60_000, 0), job(id, 'instalment', '2026-12-07', 60_000, 2)]);
      expect((await s.list(id)).map((j) => j.debt).sort()).toEqual([0, 2]);
      expect(await s.cancel({ chatId: id, kind: 'instalment', debt: 2, date: '2026-12-07' })).toBe(true);
      expect((await s.list(id)).map((j) => j.debt)).toEqual([0]);
      await s.close();
    });

    it('cancels one job, removes all of a chat and no other chat', async () => {
      const s = harness().make();
      const id = chat();
      const other = chat();
      await s.schedule([job(id, 'contact', '2026-12-01'), job(id, 'bill', '2026-12-15'), job(other, 'bill', '2026-12-15')]);
      expect(await s.cancel({ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01' })).toBe(true);
      expect(await s.cancel({ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01' })).toBe(false);
      expect((await s.list(id)).map((j) => j.date)).toEqual(['2026-12-15']);
      expect(await s.removeAll(id)).toHaveLength(1);
      expect(await s.list(id)).toEqual([]);
      expect(await s.list(other)).toHaveLength(1);
      await s.close();
    });

    it('a handler that defers (quiet hours) gets the job again at the new time', async () => {
      const h = harness();
      const s = h.make();
      const id = chat();
      const runs: number[] = [];
      s.start(async () => {
        runs.push(Date.now());
        if (runs.length === 1) throw new DeferJob(Date.now() + 300);
      });
      await s.schedule([job(id, 'repayment', '2026-12-01', 0)]);
      await h.fire(s);
      await until(() => runs.length >= 1);
      expect((await s.list(id)).map((j) => j.kind)).toEqual(['repayment']);
      await sleep(350);
      await h.fire(s);
      await until(() => runs.length === 2);
      expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(250);
      await until(() => true);
      await s.close();
    });
  });
}

contract('memory', () => ({
  make: () => createMemoryScheduler(clock),
  fire: (s) => (s as ReturnType<typeof createMemoryScheduler>).runDue(),
}));

describe('BullMQ on a real redis-server', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis({ persistent: true });
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const make = () => createBullmqScheduler({ connect: () => createQueueConnection({ url: redis.url, cluster: false }), clock });

  contract('bullmq', () => ({ make, fire: async () => {} }));

  it('keeps every key under one hash-tagged prefix, and no job text but ids, kind and day', async () => {
    const s = make();
    const id = chat();
    const at = Date.now() + 60_000;
    await s.schedule([{ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01', at }]);
    const r = new Redis(redis.url);
    const keys = await r.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(`${QUEUE_PREFIX}:`))).toBe(true);
    const data = await r.hget(`${QUEUE_PREFIX}:reminders:${await s.queueId({ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01' })}`, 'data');
    expect(JSON.parse(data!)).toEqual({ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01', at });
    r.disconnect();
    await s.close();
  });

  it('names no chat in job ids, the index or the event stream; every key of a chat expires; removeAll leaves no trace', async () => {
    const s = make();
    const id = chat();
    const at = Date.now() + 86_400_000;
    await s.schedule([
      { chatId: id, kind: 'contact', debt: 0, date: '2026-12-01', at },
      { chatId: id, kind: 'bill', debt: 2, date: '2026-12-15', at: at + 14 * 86_400_000 },
    ]);
    await s.cancel({ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01' });
    await s.schedule([{ chatId: id, kind: 'contact', debt: 0, date: '2026-12-02', at: at + 86_400_000 }]);
    const r = new Redis(redis.url);
    // Only the jobs' own data carries the chat id (the worker needs it); their ids, the index and the events do not.
    const jobKeys = await Promise.all((await s.list(id)).map(async (j) => `${QUEUE_PREFIX}:reminders:${await s.queueId(j)}`));
    expect((await keysMentioning(r, String(id))).sort()).toEqual([...jobKeys].sort());
    // Each job, and the chat's index, goes by itself a few days after its (last) job is due.
    const last = at + 14 * 86_400_000;
    for (const key of [...jobKeys, ...(await r.keys(`${QUEUE_PREFIX}:chat:*`))]) {
      const expiresAt = await r.pexpiretime(key);
      expect(expiresAt).toBeGreaterThan(Date.now());
      expect(expiresAt).toBeLessThanOrEqual(last + KEEP_AFTER_DUE_MS);
    }

    expect(await s.removeAll(id)).toHaveLength(2);
    expect(await keysMentioning(r, String(id))).toEqual([]);
    expect(await r.xlen(`${QUEUE_PREFIX}:${QUEUE_NAME}:events`)).toBe(0);
    expect(await r.exists(REF_KEY)).toBe(1);
    r.disconnect();
    await s.close();
  });

  it('a job queued before reminders followed every debt (no index in its id or data) is the first debt’s', async () => {
    const s = make();
    const id = chat();
    const at = Date.now() + 400;
    const old = `${id}_bill_2026-12-15`;
    const connection = createQueueConnection({ url: redis.url, cluster: false });
    const queue = new Queue(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
    await connection.zadd(`${QUEUE_PREFIX}:chat:${id}`, at, old);
    await queue.add('bill', { chatId: id, kind: 'bill', date: '2026-12-15', at }, { jobId: old, delay: 300, removeOnComplete: true });
    expect(await s.list(id)).toEqual([{ chatId: id, kind: 'bill', debt: 0, date: '2026-12-15', at }]);
    const ran: ReminderJob[] = [];
    s.start(async (j) => void ran.push(j));
    await until(() => ran.length === 1);
    expect(ran[0]).toEqual({ chatId: id, kind: 'bill', debt: 0, date: '2026-12-15', at });
    await queue.close();
    connection.disconnect();
    await s.close();
  });

  it('a job scheduled before a restart (process and Redis) runs after it', async () => {
    const id = chat();
    const before = make();
    await before.schedule([{ chatId: id, kind: 'bill', debt: 0, date: '2026-12-15', at: Date.now() + 1_500 }]);
    await before.close();
    await redis.restart();
    const after = make();
    const ran: ReminderJob[] = [];
    after.start(async (j) => void ran.push(j));
    await until(() => ran.length === 1, 15_000);
    expect(ran[0]).toMatchObject({ chatId: id, kind: 'bill', date: '2026-12-15' });
    await after.close();
  });
});

describe('BullMQ on a three-node Redis Cluster', () => {
  it('schedules, lists and runs a job: all its keys share one slot', async () => {
    const cluster = await startRedisCluster();
    const s = createBullmqScheduler({ connect: () => createQueueConnection({ url: cluster.seeds, cluster: true }), clock });
    try {
      const id = chat();
      const ran: ReminderJob[] = [];
      s.start(async (j) => void ran.push(j));
      await s.schedule([{ chatId: id, kind: 'contact', debt: 0, date: '2026-12-01', at: Date.now() + 100 }]);
      await until(() => ran.length === 1, 15_000);
      expect(ran[0]).toMatchObject({ chatId: id, kind: 'contact' });
      await s.schedule([{ chatId: id, kind: 'bill', debt: 0, date: '2026-12-15', at: Date.now() + 60_000 }]);
      expect(await s.removeAll(id)).toHaveLength(1);
    } finally {
      await s.close();
      await cluster.stop();
    }
  });
});
