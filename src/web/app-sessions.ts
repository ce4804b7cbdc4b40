import { createHash, randomBytes } from 'node:crypto';
import type { CaseStore } from '../store/case-store.js';

/**
 * The Mini App's sessions. Telegram's launch data is checked once and exchanged for a token the page keeps in
 * memory (cookies are third-party inside Telegram's web client, and launch data never refreshes while the app is
 * open). A token is the user's id and 128 random bits; the store keeps only a hash of the random part, with the
 * user's other records, so /delete ends every session and /export lists them. Each use slides its expiry.
 */
export interface AppSessions {
  open(userId: number): Promise<string>;
  /** The user the token is for, its expiry moved on; null when unknown or expired. */
  resolve(token: string): Promise<number | null>;
  close(token: string): Promise<void>;
}

const digestOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');

const parse = (token: string): { userId: number; digest: string } | null => {
  const m = /^([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const userId = Number(m[1]);
  if (!Number.isSafeInteger(userId)) return null;
  return { userId, digest: digestOf(m[2]!) };
};

export function createAppSessions(store: CaseStore): AppSessions {
  return {
    async open(userId) {
      const secret = randomBytes(16).toString('base64url');
      await store.openAppSession(userId, digestOf(secret));
      return `${userId}.${secret}`;
    },
    async resolve(token) {
      const p = parse(token);
      return p && (await store.touchAppSession(p.userId, p.digest)) ? p.userId : null;
    },
    async close(token) {
      const p = parse(token);
      if (p) await store.closeAppSession(p.userId, p.digest);
    },
  };
}
