import { randomUUID } from 'node:crypto';
import { Cluster, type Redis } from 'ioredis';
import {
  LOCK_DEFAULTS,
  LockTimeoutError,
  SEEN_KEEP,
  StoreUnavailableError,
  type CaseStore,
  type CommitResult,
  type UserPrefs,
} from './case-store.js';
import { keys } from './keys.js';
import { waitUntilReady, type RedisClient } from './redis-client.js';

/**
 * The commit (DESIGN §5): a repeated update id is dropped first, then the version is compared; only then the
 * snapshot is written, the id recorded (seen set trimmed to the newest), and every key's TTL refreshed.
 * KEYS[1] case hash, KEYS[2] seen set. ARGV: expected version, snapshot, schema, update id, ttl s, now ms, keep.
 */
const COMMIT = `
if redis.call('ZSCORE', KEYS[2], ARGV[4]) then return {-2, 0} end
local v = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if v ~= tonumber(ARGV[1]) then return {-1, v} end
redis.call('HSET', KEYS[1], 'v', v + 1, 'snap', ARGV[2], 'schema', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[4])
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[7]) + 1))
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[5])
return {1, v + 1}
`;

/** Deletes the lock only if it is still ours: an expired lease must not free someone else's lock. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface Scripts {
  xsCommit(caseKey: string, seenKey: string, ...args: Array<string | number>): Promise<[number, number]>;
  xsRelease(lockKey: string, token: string): Promise<number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long an operation waits for a (re)connecting client before the store is reported unavailable. */
const CONNECT_WAIT_MS = 2_000;

export function createRedisStore(client: RedisClient, opts: { ttlSeconds: number }): CaseStore {
  client.defineCommand('xsCommit', { numberOfKeys: 2, lua: COMMIT });
  client.defineCommand('xsRelease', { numberOfKeys: 1, lua: RELEASE });
  const scripts = client as unknown as Scripts;
  const ttl = opts.ttlSeconds;

  /** One shared wait while (re)connecting, however many operations are waiting. */
  let connecting: Promise<void> | null = null;
  const connected = () =>
    (connecting ??= waitUntilReady(client, CONNECT_WAIT_MS).finally(() => {
      connecting = null;
    }));

  /** Connection trouble becomes StoreUnavailableError, so the engine can answer kindly instead of crashing. */
  async function guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      if (client.status !== 'ready') await connected();
      return await op();
    } catch (err) {
      throw new StoreUnavailableError(err instanceof Error ? err.message : String(err));
    }
  }

  /** Every key matching a tag pattern; on a Cluster each master is scanned (the tag's slot lives on one). */
  async function scanAll(pattern: string): Promise<string[]> {
    const nodes: Redis[] = client instanceof Cluster ? client.nodes('master') : [client];
    const found: string[] = [];
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        found.push(...batch);
      } while (cursor !== '0');
    }
    return found;
  }

  return {
    load: (chatId) =>
      guard(async () => {
        const h = await client.hmget(keys.case(chatId), 'v', 'schema', 'snap');
        const [v, schema, snap] = h;
        if (v == null || snap == null) return null;
        return { version: Number(v), schema: Number(schema ?? 0), snapshot: JSON.parse(snap) as unknown };
      }),
    seen: (chatId, updateId) => guard(async () => (await client.zscore(keys.seen(chatId), String(updateId))) !== null),
    commit: (input) =>
      guard(async (): Promise<CommitResult> => {
        const [code, version] = await scripts.xsCommit(
          keys.case(input.chatId),
          keys.seen(input.chatId),
          input.expectedVersion,
          JSON.stringify(input.snapshot),
          input.schema,
          input.updateId,
          ttl,
          input.now,
          SEEN_KEEP,
        );
        if (code === -2) return { ok: false, reason: 'duplicate' };
        if (code === -1) return { ok: false, reason: 'conflict' };
        return { ok: true, version };
      }),
    async withChatLock(chatId, fn, lockOpts) {
      const waitMs = lockOpts?.waitMs ?? LOCK_DEFAULTS.waitMs;
      const leaseMs = lockOpts?.leaseMs ?? LOCK_DEFAULTS.leaseMs;
      const key = keys.lock(chatId);
      const token = randomUUID();
      const deadline = Date.now() + waitMs;
      let delay = 5;
      for (;;) {
        const got = await guard(() => client.set(key, token, 'PX', leaseMs, 'NX'));
        if (got === 'OK') break;
        if (Date.now() + delay > deadline) throw new LockTimeoutError(`chat lock not acquired in ${waitMs} ms`);
        await sleep(delay + Math.floor(Math.random() * delay));
        delay = Math.min(delay * 2, 200);
      }
      try {
        return await fn();
      } finally {
        await guard(() => scripts.xsRelease(key, token)).catch(() => {
          // The lease expires by itself; a failed release only delays the chat's next update by that much.
        });
      }
    },
    loadPrefs: (userId) =>
      guard(async () => {
        const lang = await client.hget(keys.prefs(userId), 'lang');
        return lang === 'zh-CN' || lang === 'en' ? ({ lang } satisfies UserPrefs) : null;
      }),
    savePrefs: (userId, prefs) =>
      guard(async () => {
        const key = keys.prefs(userId);
        if (prefs.lang) await client.hset(key, 'lang', prefs.lang);
        await client.expire(key, ttl);
      }),
    deleteAll: (chatId, userId) =>
      guard(async () => {
        let removed = 0;
        // One DEL per tag: a tag's keys share a slot, so this is valid on a Cluster too.
        for (const pattern of [keys.chatPattern(chatId), keys.userPattern(userId)]) {
          const found = await scanAll(pattern);
          if (found.length > 0) removed += await client.del(...found);
        }
        return { removed };
      }),
    ping: async () => {
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
