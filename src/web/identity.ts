import { createHash, randomBytes } from 'node:crypto';
import { WEB_KEYS_FROM, type ChatKey } from '../engine/ports.js';

/** A conversation's id: 128 random bits, the only thing the browser holds (in a signed, HttpOnly cookie). */
export const newConversationId = (): string => randomBytes(16).toString('base64url');
export const isConversationId = (s: string): boolean => /^[A-Za-z0-9_-]{22}$/.test(s);

/**
 * The case key of a web conversation: 52 bits of a hash of its id, placed in [2^52, 2^53). Telegram's chat ids have
 * at most 52 significant bits, so no Telegram chat can ever have this key; a new id whose key is taken is replaced.
 */
export function keyOf(id: string): ChatKey {
  const h = createHash('sha256').update(id).digest();
  return WEB_KEYS_FROM + h.readUIntBE(0, 6) * 16 + (h[6]! >> 4);
}
