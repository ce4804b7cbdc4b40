import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRedisClient, waitUntilReady, type RedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { startFakeBotApi } from './fake-bot-api.js';
import type { FakeBotApi } from './fake-bot-api.js';
import { freePort } from './ports.js';
import { startBotProcess, type BotProcess } from './process.js';
import { startRedis, type TestRedis } from './redis.js';
import { asLender } from './stored.js';
import { person, type Person } from './people.js';

export const TOKEN = '123456:e2e-token-for-the-fake-bot-api';
export const SECRET = 'e2e_secret-123';

/**
 * What an end-to-end test file of the real process needs: one redis-server and a store reading it for the file, a
 * strict fake Bot API and bot processes per test, every one stopped (SIGKILL) after its test.
 */
export function useE2eRig() {
  let redis: TestRedis;
  let client: RedisClient;
  let store: ReturnType<typeof createRedisStore>;
  beforeAll(async () => {
    redis = await startRedis();
    client = createRedisClient({ url: redis.url, cluster: false });
    await waitUntilReady(client, 5_000);
    store = createRedisStore(client, { ttlSeconds: 3600 });
  });
  afterAll(async () => {
    await store.close();
    await redis.stop();
  });
  const cleanups: Array<() => Promise<unknown> | void> = [];
  // Chats of their own per file: files may share one Redis (REDIS_URL) while they run side by side.
  let nextChat = Math.floor(Math.random() * 1e6) * 1000;
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  return {
    redis: () => redis,
    client: () => client,
    store: () => store,
    cleanups,
    async fakeApi(): Promise<FakeBotApi> {
      const api = await startFakeBotApi({ token: TOKEN });
      cleanups.push(() => api.stop());
      return api;
    },
    async launch(api: FakeBotApi, env: Record<string, string> = {}): Promise<BotProcess> {
      const bot = startBotProcess({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, REDIS_URL: redis.url, PORT: String(await freePort()), LOG_LEVEL: 'info', ...env });
      cleanups.push(() => bot.signal('SIGKILL'));
      await bot.waitForOutput('bot started');
      return bot;
    },
    /** `n` people new to this file's bot, each in a chat of their own. */
    people: (api: FakeBotApi, n: number): Person[] => Array.from({ length: n }, () => person(api, nextChat++)),
    facts: async (chatId: number) => asLender((await store.load(chatId))?.snapshot).context.facts,
  };
}
