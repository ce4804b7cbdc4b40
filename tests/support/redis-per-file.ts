import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import type { CaseStore } from '../../src/store/case-store.js';
import { createRedisClient, type RedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { startRedis, type TestRedis } from './redis.js';

/**
 * One real redis-server for a test file (started before its tests, stopped after them), a plain client to look
 * inside it, and stores that each have a connection of their own, as separate processes of the bot would.
 */
export function redisForThisFile() {
  let server: TestRedis | undefined;
  let raw: Redis | undefined;
  const clients: RedisClient[] = [];
  beforeAll(async () => {
    server = await startRedis();
    raw = new Redis(server.url, { protocol: 2 } as never);
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    raw?.disconnect();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('redis-server is started in beforeAll: use it inside a test or a hook');
    return value;
  };
  return {
    get server(): TestRedis {
      return started(server);
    },
    get raw(): Redis {
      return started(raw);
    },
    /** A store on a connection of its own; cutting `client` is how a test makes that process die. */
    replica(): { store: CaseStore; client: RedisClient } {
      const client = createRedisClient({ url: started(server).url, cluster: false });
      // Connection errors reach the store's callers as StoreUnavailableError; the event needs a listener only.
      client.on('error', () => {});
      clients.push(client);
      return { store: createRedisStore(client, { ttlSeconds: 86_400 }), client };
    },
  };
}
