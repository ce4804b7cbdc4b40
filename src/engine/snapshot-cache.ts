import { LRUCache } from 'lru-cache';

/**
 * The bytes a plain JSON value holds on V8's heap, roughly: what the cache is bounded by, so a process keeps a
 * steady footprint whether its chats hold short cases or long ones. Walks the value without allocating.
 */
export function heapBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      // A sequential string: a 16-byte header, one byte a character when all are Latin-1, else two (counted as two).
      return 16 + 2 * value.length;
    case 'object': {
      if (value === null) return 0;
      if (Array.isArray(value)) {
        let n = 32 + 8 * value.length;
        for (const v of value) n += heapBytes(v);
        return n;
      }
      let n = 56;
      for (const k in value) n += 16 + heapBytes((value as Record<string, unknown>)[k]);
      return n;
    }
    default:
      // Small integers, booleans and null live in the slot itself; other numbers are a 16-byte heap number.
      return typeof value === 'number' && !Number.isInteger(value) ? 16 : 0;
  }
}

/**
 * The newest snapshot this process has seen per chat, least recently used dropped first, within `maxBytes` as
 * `sizeOf` counts them. An entry is only a hint: it is used when the version `begin` reports equals its own
 * (versions are never reused), so it cannot go stale. `lru-cache` keeps the order in typed arrays, so a read or a
 * replaced entry does not churn a Map's hash table.
 */
export function createSnapshotCache<S>(opts: { maxBytes: number; sizeOf: (snapshot: S) => number }) {
  const entries = new LRUCache<number, { version: number; snapshot: S }>({
    maxSize: Math.max(1, opts.maxBytes),
    sizeCalculation: (e) => Math.max(1, opts.sizeOf(e.snapshot)),
  });
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
