/**
 * Wake-ups for updates waiting on a chat's lease, shared by both stores. A release that lands between a waiter's
 * `begin` and its wait is not lost: each begin notes the chat's wake count, and a wait returns at once when a wake
 * came since.
 */
export function createWakes() {
  const waiting = new Map<number, Set<() => void>>();
  /** Wakes counted per chat while a begin of it is outstanding, and the count when that begin was sent. */
  const count = new Map<number, number>();
  const since = new Map<number, number>();

  const forget = (chatId: number) => {
    count.delete(chatId);
    since.delete(chatId);
  };

  return {
    /** Before a begin is sent. */
    note(chatId: number) {
      const n = count.get(chatId) ?? 0;
      count.set(chatId, n);
      since.set(chatId, n);
    },
    /** After a begin that does not wait. */
    forget,
    wake(chatId: number) {
      const n = count.get(chatId);
      if (n !== undefined) count.set(chatId, n + 1);
      const set = waiting.get(chatId);
      if (!set) return;
      waiting.delete(chatId);
      for (const done of set) done();
    },
    /** Resolves on the chat's next wake (or one since its begin), or after `ms`. */
    wait(chatId: number, ms: number): Promise<void> {
      if ((count.get(chatId) ?? 0) > (since.get(chatId) ?? Number.POSITIVE_INFINITY)) {
        forget(chatId);
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const set = waiting.get(chatId) ?? new Set();
        waiting.set(chatId, set);
        const done = () => {
          clearTimeout(timer);
          set.delete(done);
          if (set.size === 0 && waiting.get(chatId) === set) waiting.delete(chatId);
          forget(chatId);
          resolve();
        };
        const timer = setTimeout(done, ms);
        set.add(done);
      });
    },
  };
}
