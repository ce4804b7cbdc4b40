import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockTimeoutError, StoreUnavailableError, type CaseStore } from '../../src/store/case-store.js';
import { keys } from '../../src/store/keys.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createRedisClient, waitUntilReady } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { startRedis, startRedisCluster, type TestRedis } from '../support/redis.js';

const TTL = 3600;
let nextChat = Math.floor(Math.random() * 1e6) * 1000;
const chat = () => ++nextChat;
const commit = (store: CaseStore, chatId: number, expectedVersion: number, updateId: number, snapshot: unknown = { n: updateId }) =>
  store.commit({ chatId, expectedVersion, updateId, schema: 1, snapshot, now: Date.now() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The contract every store keeps, run against memory and a real redis-server alike. */
function contract(name: string, make: () => CaseStore) {
  describe(`${name}: the CaseStore contract`, () => {
    it('round-trips a case and bumps its version', async () => {
      const store = make();
      const id = chat();
      expect(await store.load(id)).toBeNull();
      expect(await commit(store, id, 0, 1, { a: '中文 & <b>' })).toEqual({ ok: true, version: 1 });
      expect(await store.load(id)).toEqual({ version: 1, schema: 1, snapshot: { a: '中文 & <b>' } });
    });

    it('drops a repeated update id', async () => {
      const store = make();
      const id = chat();
      await commit(store, id, 0, 7);
      expect(await store.seen(id, 7)).toBe(true);
      expect(await commit(store, id, 1, 7)).toEqual({ ok: false, reason: 'duplicate' });
      expect((await store.load(id))?.version).toBe(1);
    });

    it('detects a version conflict', async () => {
      const store = make();
      const id = chat();
      await commit(store, id, 0, 1);
      expect(await commit(store, id, 0, 2)).toEqual({ ok: false, reason: 'conflict' });
    });

    it('serialises one chat: 50 concurrent read-modify-writes inside the lock all count', async () => {
      const store = make();
      const id = chat();
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.withChatLock(id, async () => {
            const current = await store.load(id);
            await sleep(Math.random() * 3);
            const n = ((current?.snapshot as { n?: number } | undefined)?.n ?? 0) + 1;
            const r = await commit(store, id, current?.version ?? 0, 1000 + i, { n });
            expect(r.ok).toBe(true);
          }),
        ),
      );
      expect(await store.load(id)).toMatchObject({ version: 50, snapshot: { n: 50 } });
    });

    it('does not make different chats wait for each other', async () => {
      const store = make();
      const a = chat();
      const b = chat();
      let bRan = false;
      await store.withChatLock(a, async () => {
        await store.withChatLock(b, async () => {
          bRan = true;
        });
      });
      expect(bRan).toBe(true);
    });

    it('gives up on a lock held too long', async () => {
      const store = make();
      const id = chat();
      let release!: () => void;
      const held = store.withChatLock(id, () => new Promise<void>((r) => (release = r)));
      await sleep(10);
      await expect(store.withChatLock(id, async () => 1, { waitMs: 50 })).rejects.toBeInstanceOf(LockTimeoutError);
      release();
      await held;
    });

    it('keeps language preferences per user', async () => {
      const store = make();
      const user = chat();
      expect(await store.loadPrefs(user)).toBeNull();
      await store.savePrefs(user, { lang: 'en' });
      expect(await store.loadPrefs(user)).toEqual({ lang: 'en' });
    });

    it('deletes everything of one chat and user, and nothing of another', async () => {
      const store = make();
      const mine = chat();
      const other = chat();
      await commit(store, mine, 0, 1);
      await store.savePrefs(mine, { lang: 'en' });
      await commit(store, other, 0, 1);
      const { removed } = await store.deleteAll(mine, mine);
      expect(removed).toBe(3);
      expect(await store.load(mine)).toBeNull();
      expect(await store.loadPrefs(mine)).toBeNull();
      expect(await store.seen(mine, 1)).toBe(false);
      expect(await store.load(other)).not.toBeNull();
    });
  });
}

contract('memory', () => createMemoryStore({ ttlSeconds: TTL }));

describe('memory store: expiry', () => {
  it('forgets an idle case after the TTL', async () => {
    let t = 0;
    const store = createMemoryStore({ ttlSeconds: 10, now: () => t });
    await commit(store, 1, 0, 1);
    t = 9_999;
    expect(await store.load(1)).not.toBeNull();
    t = 10_001;
    expect(await store.load(1)).toBeNull();
  });
});

describe('redis store', () => {
  let redis: TestRedis;
  let raw: Redis;
  const clients: Array<ReturnType<typeof createRedisClient>> = [];
  const make = () => {
    const client = createRedisClient({ url: redis.url, cluster: false });
    clients.push(client);
    return createRedisStore(client, { ttlSeconds: TTL });
  };

  beforeAll(async () => {
    redis = await startRedis({ persistent: true });
    raw = new Redis(redis.url, { protocol: 2 } as never);
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    raw.disconnect();
    await redis.stop();
  });

  contract('redis', () => make());

  it('sets a TTL on every key it writes', async () => {
    const store = make();
    const id = chat();
    await commit(store, id, 0, 1);
    await store.savePrefs(id, { lang: 'zh-CN' });
    for (const key of [keys.case(id), keys.seen(id), keys.prefs(id)]) {
      const ttl = await raw.ttl(key);
      expect(ttl, key).toBeGreaterThan(TTL - 5);
      expect(ttl, key).toBeLessThanOrEqual(TTL);
    }
  });

  it('keeps only the newest 256 update ids', async () => {
    const store = make();
    const id = chat();
    for (let i = 1; i <= 300; i++) await commit(store, id, i - 1, i);
    expect(await raw.zcard(keys.seen(id))).toBe(256);
    expect(await store.seen(id, 300)).toBe(true);
    expect(await store.seen(id, 1)).toBe(false);
  });

  it('releases a lock only with its own token', async () => {
    const store = make();
    const id = chat();
    await store.withChatLock(
      id,
      async () => {
        await sleep(60); // the 30 ms lease has expired: someone else takes the lock
        await raw.set(keys.lock(id), 'someone-else', 'PX', 10_000);
      },
      { leaseMs: 30 },
    );
    expect(await raw.get(keys.lock(id))).toBe('someone-else');
  });

  it('leaves no key of a deleted user anywhere in Redis', async () => {
    const store = make();
    const id = chat();
    await commit(store, id, 0, 1);
    await store.savePrefs(id, { lang: 'en' });
    await raw.set(`xs:{c:${id}}:reminder`, 'added by a later feature');
    await store.deleteAll(id, id);
    const everything = await raw.keys('*');
    expect(everything.filter((k) => k.includes(`:${id}}`))).toEqual([]);
  });

  it('keeps cases across a restart of redis-server and of the bot’s client', async () => {
    const id = chat();
    await commit(make(), id, 0, 1, { kept: true });
    await redis.restart();
    const client = createRedisClient({ url: redis.url, cluster: false });
    clients.push(client);
    await waitUntilReady(client, 5000);
    expect(await createRedisStore(client, { ttlSeconds: TTL }).load(id)).toMatchObject({ snapshot: { kept: true } });
  });

  it('reports Redis down quickly as StoreUnavailableError', async () => {
    const client = createRedisClient({ url: 'redis://127.0.0.1:1', cluster: false });
    clients.push(client);
    client.on('error', () => {});
    const store = createRedisStore(client, { ttlSeconds: TTL });
    const started = Date.now();
    await expect(store.load(1)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('redis store on a Redis Cluster', () => {
  let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
  const clients: Array<ReturnType<typeof createRedisClient>> = [];
  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await cluster.stop();
  });
  const make = () => {
    const client = createRedisClient({ url: cluster.seeds, cluster: true });
    clients.push(client);
    return createRedisStore(client, { ttlSeconds: TTL });
  };

  // Every script touches keys of one hash tag only, so each runs on the node that owns the chat's slot.
  contract('redis cluster', () => make());
});
