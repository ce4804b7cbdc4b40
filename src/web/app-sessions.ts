import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../store/redis-client.js';
import { userTag } from '../store/keys.js';

/**
 * The Mini App's sessions. Telegram's launch data is checked once and exchanged for a token the page keeps in
 * memory (cookies are third-party inside Telegram's web client, and launch data never refreshes while the app is
 * open). A token is the user's id and 128 random bits; only a hash of the random part is stored, under the user's
 * hash tag, so /delete's sweep of the user's keys ends every session too. Each use slides its expiry.
 */
export interface AppSessions {
  open(userId: number): Promise<string>;
  /** The user the token is for, its expiry moved on; null when unknown or expired. */
  resolve(token: string): Promise<number | null>;
  close(token: string): Promise<void>;
}

const parse = (token: string): { userId: number; digest: string } | null => {
  const m = /^([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const userId = Number(m[1]);
  if (!Number.isSafeInteger(userId)) return null;
  return { userId, digest: createHash('sha256').update(m[2]!).digest('base64url') };
};
const mint = (userId: number) => {
  const secret = randomBytes(16).toString('base64url');
  return { token: `${userId}.${secret}`, digest: createHash('sha256').update(secret).digest('base64url') };
};

export const sessionKey = (userId: number, digest: string) => `xs:${userTag(userId)}:app:${digest}`;

export function createRedisAppSessions(client: RedisClient, opts: { ttlSeconds: number }): AppSessions {
  return {
    async open(userId) {
      const { token, digest } = mint(userId);
      await client.set(sessionKey(userId, digest), '1', 'EX', opts.ttlSeconds);
      return token;
    },
    async resolve(token) {
      const p = parse(token);
      if (!p) return null;
      // EXPIRE answers whether the key exists and slides it, in one command.
      return (await client.expire(sessionKey(p.userId, p.digest), opts.ttlSeconds)) === 1 ? p.userId : null;
    },
    async close(token) {
      const p = parse(token);
      if (p) await client.del(sessionKey(p.userId, p.digest));
    },
  };
}

/** Without Redis (the cases live in process memory too). */
export function createMemoryAppSessions(opts: { ttlSeconds: number; max?: number }): AppSessions {
  const live = new LRUCache<string, number>({ max: opts.max ?? 50_000, ttl: opts.ttlSeconds * 1000, updateAgeOnGet: true });
  return {
    async open(userId) {
      const { token, digest } = mint(userId);
      live.set(sessionKey(userId, digest), userId);
      return token;
    },
    async resolve(token) {
      const p = parse(token);
      return p ? (live.get(sessionKey(p.userId, p.digest)) ?? null) : null;
    },
    async close(token) {
      const p = parse(token);
      if (p) live.delete(sessionKey(p.userId, p.digest));
    },
  };
}
