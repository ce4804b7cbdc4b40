import { LRUCache } from 'lru-cache';

/**
 * A fixed-window counter per key (a conversation, an address). Over the limit the caller is told how many seconds
 * to wait; the request is refused before anything is applied, so the page sends the same input again and nothing is
 * lost. The oldest keys fall out first when many are counted at once.
 */
export function createLimiter(opts: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }) {
  const now = opts.now ?? Date.now;
  const windows = new LRUCache<string, { count: number; resetAt: number }>({ max: opts.maxKeys ?? 50_000 });
  return {
    /** 0 when allowed (and counted); otherwise the whole seconds until the window ends. */
    take(key: string): number {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + opts.windowMs };
        windows.set(key, w);
      }
      if (w.count >= opts.limit) return Math.max(1, Math.ceil((w.resetAt - t) / 1000));
      w.count += 1;
      return 0;
    },
  };
}
