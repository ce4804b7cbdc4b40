/**
 * The peer's session store as a developer on ioredis writes it for telegraf's `session()`: the session as JSON
 * under one key, a GET before the update and a SET after it (telegraf's own `SessionStore` contract). Kept apart so
 * the client can be closed after its phase.
 */
import { Redis } from 'ioredis';
import type { SessionStore } from 'telegraf';

export function peerSessionStore<T>(url: string) {
  const client = new Redis(url);
  const store: SessionStore<T> = {
    get: async (key) => {
      const json = await client.get(`telegraf:${key}`);
      return json === null ? undefined : (JSON.parse(json) as T);
    },
    set: async (key, value) => void (await client.set(`telegraf:${key}`, JSON.stringify(value))),
    delete: async (key) => void (await client.del(`telegraf:${key}`)),
  };
  return {
    store,
    close: async () => {
      await client.quit();
    },
  };
}
