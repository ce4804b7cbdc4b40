import {
  LOCK_DEFAULTS,
  LockTimeoutError,
  SEEN_KEEP,
  type CaseStore,
  type CommitInput,
  type CommitResult,
  type StoredCase,
  type UserPrefs,
} from './case-store.js';

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * The store in process memory, for the terminal chat and tests: the same contract as Redis, one process only.
 * Snapshots go through JSON so callers can never share or mutate stored state.
 */
export function createMemoryStore(opts: { ttlSeconds: number; now?: () => number }): CaseStore {
  const now = opts.now ?? (() => Date.now());
  const ttl = opts.ttlSeconds * 1000;
  const cases = new Map<number, Entry<{ version: number; schema: number; json: string }>>();
  const seenIds = new Map<number, Entry<Map<number, number>>>();
  const prefs = new Map<number, Entry<UserPrefs>>();
  const locks = new Map<number, Promise<void>>();

  const live = <T>(map: Map<number, Entry<T>>, id: number): T | null => {
    const e = map.get(id);
    if (!e) return null;
    if (e.expiresAt <= now()) {
      map.delete(id);
      return null;
    }
    return e.value;
  };

  return {
    async load(chatId) {
      const c = live(cases, chatId);
      return c ? ({ version: c.version, schema: c.schema, snapshot: JSON.parse(c.json) } satisfies StoredCase) : null;
    },
    async seen(chatId, updateId) {
      return live(seenIds, chatId)?.has(updateId) ?? false;
    },
    async commit(input: CommitInput): Promise<CommitResult> {
      const seen = live(seenIds, input.chatId) ?? new Map<number, number>();
      if (seen.has(input.updateId)) return { ok: false, reason: 'duplicate' };
      const current = live(cases, input.chatId)?.version ?? 0;
      if (current !== input.expectedVersion) return { ok: false, reason: 'conflict' };
      const version = current + 1;
      const expiresAt = now() + ttl;
      cases.set(input.chatId, { value: { version, schema: input.schema, json: JSON.stringify(input.snapshot) }, expiresAt });
      seen.set(input.updateId, input.now);
      if (seen.size > SEEN_KEEP) {
        const oldest = [...seen.entries()].sort((a, b) => a[1] - b[1]).slice(0, seen.size - SEEN_KEEP);
        for (const [id] of oldest) seen.delete(id);
      }
      seenIds.set(input.chatId, { value: seen, expiresAt });
      return { ok: true, version };
    },
    async withChatLock(chatId, fn, lockOpts) {
      const waitMs = lockOpts?.waitMs ?? LOCK_DEFAULTS.waitMs;
      const previous = locks.get(chatId) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const chain = previous.then(() => mine);
      locks.set(chatId, chain);
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          previous,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new LockTimeoutError(`chat lock not acquired in ${waitMs} ms`)), waitMs);
          }),
        ]);
        return await fn();
      } finally {
        clearTimeout(timer);
        release();
        if (locks.get(chatId) === chain) locks.delete(chatId);
      }
    },
    async loadPrefs(userId) {
      const p = live(prefs, userId);
      return p ? { ...p } : null;
    },
    async savePrefs(userId, value) {
      prefs.set(userId, { value: { ...value }, expiresAt: now() + ttl });
    },
    async deleteAll(chatId, userId) {
      let removed = 0;
      for (const [map, id] of [[cases, chatId], [seenIds, chatId], [prefs, userId]] as const) {
        if (live(map as Map<number, Entry<unknown>>, id) !== null) removed += 1;
        (map as Map<number, unknown>).delete(id);
      }
      return { removed };
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}
