import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Telegram's signature on a Mini App's launch data (core.telegram.org/bots/webapps, "Validating data received via
 * the Mini App"): secret = HMAC-SHA256(key "WebAppData", bot token); the data check string is every field but
 * `hash`, as `key=value` (URL-decoded), sorted, joined by "\n"; valid when its HMAC-SHA256 under the secret is
 * `hash`. Compared in constant time; duplicate keys, a hash that is not 64 hex digits, a launch older than `maxAge`
 * or in the future (beyond a little clock skew) are refused.
 */
export interface InitDataUser {
  id: number;
  languageCode: string | undefined;
}

export type InitDataCheck = { ok: true; user: InitDataUser; authDate: number } | { ok: false; reason: 'malformed' | 'signature' | 'stale' | 'future' | 'user' };

/** What a launch may be ahead of our clock: phones' clocks drift a little. */
const SKEW_SECONDS = 60;
/** Longer launch data is not Telegram's. */
const MAX_INIT_DATA = 8 * 1024;

/** The key a bot's launch data is signed with. */
export const initDataSecret = (botToken: string): Buffer => createHmac('sha256', 'WebAppData').update(botToken).digest();

export function checkInitData(raw: string, secret: Buffer, opts: { maxAgeSeconds: number; nowMs: number }): InitDataCheck {
  if (raw.length === 0 || raw.length > MAX_INIT_DATA) return { ok: false, reason: 'malformed' };
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(raw)) {
    if (fields.has(key)) return { ok: false, reason: 'malformed' };
    fields.set(key, value);
  }
  const hash = fields.get('hash');
  if (hash === undefined || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: 'malformed' };
  fields.delete('hash');
  const check = [...fields].map(([k, v]) => `${k}=${v}`).sort().join('\n');
  const expected = createHmac('sha256', secret).update(check).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) return { ok: false, reason: 'signature' };

  const authDate = Number(fields.get('auth_date'));
  if (!Number.isSafeInteger(authDate) || authDate <= 0) return { ok: false, reason: 'malformed' };
  const now = Math.floor(opts.nowMs / 1000);
  if (authDate > now + SKEW_SECONDS) return { ok: false, reason: 'future' };
  if (now - authDate > opts.maxAgeSeconds) return { ok: false, reason: 'stale' };

  let user: unknown;
  try {
    user = JSON.parse(fields.get('user') ?? 'null');
  } catch {
    return { ok: false, reason: 'user' };
  }
  const { id, language_code } = (user ?? {}) as { id?: unknown; language_code?: unknown };
  // A user id has at most 52 significant bits (Telegram's promise); it is also the private chat's id.
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0 || id >= 2 ** 52) return { ok: false, reason: 'user' };
  return { ok: true, user: { id, languageCode: typeof language_code === 'string' ? language_code : undefined }, authDate };
}
