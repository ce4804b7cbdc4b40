import { LRUCache } from 'lru-cache';

/**
 * The newest snapshot this process has seen per chat, least recently used dropped first. An entry is only a hint:
 * it is used when the version `begin` reports equals its own (versions are never reused), so it cannot go stale.
 * `lru-cache` keeps the order in typed arrays, so a read or a replaced entry does not churn a Map's hash table
 * (a Map re-inserted on every use reallocates its table every few thousand updates).
 */
export function createSnapshotCache<S>(capacity: number) {
  const entries = new LRUCache<number, { version: number; snapshot: S }>({ max: Math.max(1, capacity) });
  return {
    get: (chatId: number) => entries.get(chatId),
    /** Keeps the newer of what is cached and `version` (a late follow-up must not replace a later turn). */
    set(chatId: number, version: number, snapshot: S) {
      const e = entries.peek(chatId);
      if (e && e.version > version) return;
      entries.set(chatId, { version, snapshot });
    },
    delete(chatId: number) {
      entries.delete(chatId);
    },
  };
}
