/**
 * The peer's session store, set up the way telegraf's documentation shows: `@telegraf/session/redis` on a
 * node-redis client. Kept apart so the client can be closed after its phase.
 */
import { Redis as RedisStore } from '@telegraf/session/redis';
import { createClient } from 'redis';

export function peerSessionStore(url: string) {
  const client = createClient({ url });
  const store = RedisStore<any>({ client });
  return {
    store,
    close: async () => {
      await client.quit();
    },
  };
}
