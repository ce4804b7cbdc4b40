import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryAppSessions, createRedisAppSessions, sessionKey, type AppSessions } from '../../src/web/app-sessions.js';
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
  ['in Redis', () => createRedisAppSessions(client, { ttlSeconds: 60 })],
  ['in memory', () => createMemoryAppSessions({ ttlSeconds: 60 })],
] as Array<[string, () => AppSessions]>)('Mini App sessions %s', (_, make) => {
  it('a token opened for a user resolves to that user until it is closed; a guessed or altered one never does', async () => {
    const sessions = make();
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
  it("keep only a hash of the secret, under the user's tag, with a sliding expiry; /delete's sweep ends them", async () => {
    const sessions = createRedisAppSessions(client, { ttlSeconds: 60 });
    const token = await sessions.open(515_151);
    const keys = await client.keys('xs:{u:515151}:app:*');
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(token.split('.')[1]);
    expect(keys[0]!.startsWith(sessionKey(515_151, ''))).toBe(true);
    await client.expire(keys[0]!, 5);
    expect(await sessions.resolve(token)).toBe(515_151);
    expect(await client.ttl(keys[0]!)).toBeGreaterThan(5);
    await createRedisStore(client, { ttlSeconds: 3600 }).deleteAll(515_151, 515_151);
    expect(await sessions.resolve(token)).toBeNull();
  });
});
