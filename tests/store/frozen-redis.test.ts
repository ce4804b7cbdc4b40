import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, type CaseStore } from '../../src/store/case-store.js';
import { redisForThisFile } from '../support/redis-per-file.js';

const redis = redisForThisFile();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A store whose offset from Redis' clock has been measured (its first command sets that off). */
async function measuredStore(): Promise<CaseStore> {
  const { store } = redis.replica();
  await store.ping();
  await store.begin({ chatId: 7_000, updateId: 1, token: 'warm-up', cachedVersion: 0, flood: null, sentVersion: null, more: false });
  await sleep(100);
  return store;
}

/** Runs `during` with Redis frozen (SIGSTOP), then lets it run again and work through what it was sent meanwhile. */
async function whileFrozen(during: () => Promise<void>) {
  redis.server.freeze();
  try {
    await during();
  } finally {
    redis.server.thaw();
  }
  await sleep(300);
}

describe('a command Redis runs after we stopped waiting for it changes nothing', () => {
  it('an answer timed out while Redis is frozen is reported unavailable, and not applied when Redis wakes up', async () => {
    const store = await measuredStore();
    const chatId = 7_001;
    const first = await store.begin({ chatId, updateId: 1, token: 'lane', cachedVersion: 0, flood: null, sentVersion: null, more: false });
    expect(first.kind).toBe('go');
    await whileFrozen(async () => {
      const commit = store.commit({ chatId, token: 'lane', expectedVersion: 0, updateId: 1, schema: 1, snapshot: { amount: 1010 }, owed: 'the next question' });
      await expect(commit).rejects.toBeInstanceOf(StoreUnavailableError);
    });
    // The person was told to send it again: nothing of it was stored, so the resend is the answer.
    expect(await store.load(chatId)).toBeNull();
    const again = await store.begin({ chatId, updateId: 2, token: 'lane', cachedVersion: 0, flood: null, sentVersion: null, more: false });
    expect(again).toMatchObject({ kind: 'go', owed: null });
  });

  it('begins timed out while Redis is frozen do not use up the replies a chat is owed', async () => {
    const store = await measuredStore();
    const chatId = 7_002;
    const b = await store.begin({ chatId, updateId: 1, token: 'lane', cachedVersion: 0, flood: null, sentVersion: null, more: false });
    expect(b.kind).toBe('go');
    const c = await store.commit({ chatId, token: 'lane', expectedVersion: 0, updateId: 1, schema: 1, snapshot: { amount: 1010 }, owed: 'the next question' });
    expect(c.ok).toBe(true);
    // The person writes four times during the freeze; each attempt times out.
    await whileFrozen(async () => {
      const attempts = [2, 3, 4, 5].map((id) =>
        store.begin({ chatId, updateId: id, token: 'lane', cachedVersion: 0, flood: null, sentVersion: null, more: false }),
      );
      for (const late of attempts) await expect(late).rejects.toBeInstanceOf(StoreUnavailableError);
    });
    const next = await store.begin({ chatId, updateId: 6, token: 'lane', cachedVersion: 0, flood: null, sentVersion: null, more: false });
    expect(next).toMatchObject({ kind: 'go', owed: { payload: 'the next question' } });
  });
});
