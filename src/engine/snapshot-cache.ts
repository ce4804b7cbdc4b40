/**
 * The newest snapshot this process has seen per chat, least recently used dropped first. An entry is only a hint:
 * it is used when the version `begin` reports equals its own (versions are never reused), so it cannot go stale.
 */
export function createSnapshotCache<S>(capacity: number) {
  const entries = new Map<number, { version: number; snapshot: S }>();
  return {
    get(chatId: number) {
      const e = entries.get(chatId);
      if (e) {
        entries.delete(chatId);
        entries.set(chatId, e);
      }
      return e;
    },
    /** Keeps the newer of what is cached and `version` (a late follow-up must not replace a later turn). */
    set(chatId: number, version: number, snapshot: S) {
      const e = entries.get(chatId);
      if (e && e.version > version) return;
      entries.delete(chatId);
      entries.set(chatId, { version, snapshot });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    delete(chatId: number) {
      entries.delete(chatId);
    },
  };
}
