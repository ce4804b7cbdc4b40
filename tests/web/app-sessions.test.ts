import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSessions } from '../../src/web/app-sessions.js';
import { APP_SESSION_SECONDS, type CaseStore } from '../../src/store/case-store.js';
import { keys } from '../../src/store/keys.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createRedisClient, waitUntilReady, type RedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { startRedis, type TestRedis } from '../support/redis.js';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, cluster: false });
  await waitUntilReady(client, 5_000);
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

describe.each([
  ['in Redis', () => createRedisStore(client, { ttlSeconds: 3600 })],
  ['in memory', () => createMemoryStore({ ttlSeconds: 3600 })],
] as Array<[string, () => CaseStore]>)('Mini App sessions %s', (_, make) => {
  it('a token opened for a user resolves to that user until it is closed; a guessed or altered one never does', async () => {
    const sessions = createAppSessions(make());
    const token = await sessions.open(424_242);
    expect(token).toMatch(/^424242\.[A-Za-z0-9_-]{22}$/);
    expect(await sessions.resolve(token)).toBe(424_242);
    expect(await sessions.resolve(token.replace(/^424242/, '424243'))).toBeNull();
    expect(await sessions.resolve(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await sessions.resolve('424242.not-a-token')).toBeNull();
    await sessions.close(token);
    expect(await sessions.resolve(token)).toBeNull();
  });
});

describe('Mini App sessions in Redis', () => {
  it("keep only a hash of the secret, under the user's tag, with a sliding expiry", async () => {
    const sessions = createAppSessions(createRedisStore(client, { ttlSeconds: 3600 }));
    const token = await sessions.open(515_151);
    const found = await client.keys('xs:{u:515151}:app:*');
    expect(found).toHaveLength(1);
    expect(found[0]).not.toContain(token.split('.')[1]);
    expect(found[0]!.startsWith(keys.appSession(515_151, ''))).toBe(true);
    await client.expire(found[0]!, 5);
    expect(await sessions.resolve(token)).toBe(515_151);
    expect(await client.ttl(found[0]!)).toBeGreaterThan(APP_SESSION_SECONDS - 60);
  });
});

describe('Mini App sessions in memory', () => {
  it('end 30 minutes after their last use; each use moves the end on', async () => {
    let now = 1_000_000;
    const store = createMemoryStore({ ttlSeconds: 3600, now: () => now });
    const sessions = createAppSessions(store);
    const used = await sessions.open(616_161);
    const idle = await sessions.open(616_161);
    now += 20 * 60_000;
    expect(await sessions.resolve(used)).toBe(616_161);
    now += 20 * 60_000;
    expect(await sessions.resolve(idle)).toBeNull();
    expect((await store.inventory(616_161, 616_161)).records).toEqual([{ name: 'appSessions', ttlMs: 10 * 60_000, entries: 1 }]);
    expect(await sessions.resolve(used)).toBe(616_161);
    now += 30 * 60_000;
    expect(await sessions.resolve(used)).toBeNull();
    expect((await store.inventory(616_161, 616_161)).records).toEqual([]);
  });
});
