import type { Update } from 'telegraf/types';
import type { Logger } from '../observability/logger.js';
import { untilReachable, withDeadline, type Backoff } from './backoff.js';

export interface GetUpdatesParams {
  offset: number;
  limit: number;
  timeout: number;
}

export interface PollingOptions {
  getUpdates: (params: GetUpdatesParams, signal: AbortSignal) => Promise<Update[]>;
  /**
   * Handles one update; resolves once Telegram may forget it: its turn committed with the replies it owes (sent
   * after, by the engine), so a chat waiting out a 429 does not hold the offset and with it the next 100 updates.
   */
  handle: (update: Update) => Promise<void>;
  logger: Logger;
  /** Updates asked for at once, and so the most in flight (Telegram allows 1–100). */
  limit?: number;
  /** Long-poll wait when nothing is in flight. */
  timeoutSeconds?: number;
  /** While an update is still running, how soon to look again for newer ones (a short poll). */
  busyPollMs?: number;
  backoff?: Backoff;
}

/**
 * Long polling that never loses an update and never lets one chat hold up another.
 *
 * Every update of a batch is handed to `handle` at once (the engine keeps one chat's updates in order; chats run
 * side by side). Telegram is told an update is done (the `offset`) only once it and every earlier one are handled,
 * so after a crash Telegram delivers again whatever was not finished. While an update runs, Telegram keeps
 * returning it; it is recognised and skipped, and newer updates are picked up by short polls, so a chat waiting
 * out a 429 or a lease delays the others by at most `busyPollMs`. Nothing runs that was not fetched: at most
 * `limit` updates are in flight, since Telegram returns at most `limit` from the oldest unconfirmed one.
 */
export function createPollingRunner(opts: PollingOptions) {
  const limit = opts.limit ?? 100;
  const timeoutSeconds = opts.timeoutSeconds ?? 30;
  const busyPollMs = opts.busyPollMs ?? 50;
  const { logger } = opts;

  /** Updates fetched and not yet confirmed to Telegram: running, or finished. */
  const running = new Map<number, Promise<void>>();
  const finished = new Set<number>();
  /** One past the newest update fetched: the offset once nothing older is running. */
  let fetchedUpTo = 0;
  let confirmedUpTo = 0;
  const stopping = new AbortController();
  let wake: (() => void) | null = null;

  /** Telegram forgets every update below the offset we send: the oldest still running, else all fetched. */
  const nextOffset = (): number => {
    let offset = fetchedUpTo;
    for (const id of running.keys()) if (id < offset) offset = id;
    return offset;
  };

  const forgetBelow = (offset: number) => {
    confirmedUpTo = Math.max(confirmedUpTo, offset);
    for (const id of finished) if (id < offset) finished.delete(id);
  };

  function dispatch(update: Update) {
    const id = update.update_id;
    fetchedUpTo = Math.max(fetchedUpTo, id + 1);
    const work = opts
      .handle(update)
      .catch((err: unknown) => logger.error({ err: err instanceof Error ? err.name : typeof err }, 'update failed'))
      .finally(() => {
        running.delete(id);
        finished.add(id);
        if (running.size === 0) wake?.();
      });
    running.set(id, work);
  }

  /** Waits until nothing is in flight, at most `ms`. */
  const settleOrPoll = (ms: number) =>
    new Promise<void>((resolve) => {
      if (running.size === 0) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  let resolveStarted: () => void = () => {};
  const started = new Promise<void>((r) => (resolveStarted = r));

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      const offset = nextOffset();
      // With something in flight Telegram returns it at once anyway; a long wait would only be cut short.
      const params = { offset, limit, timeout: running.size > 0 ? 0 : timeoutSeconds };
      let updates: Update[];
      try {
        updates = await untilReachable(
          'getUpdates',
          // A connection that dies silently must not hang the loop: give up on it a little after the long poll.
          (signal) => withDeadline(signal, (params.timeout + 15) * 1000, (deadline) => opts.getUpdates(params, deadline)),
          { logger, signal: stopping.signal, ...(opts.backoff ? { backoff: opts.backoff } : {}) },
        );
      } catch (err) {
        if (stopping.signal.aborted) return;
        throw err;
      }
      resolveStarted();
      forgetBelow(offset);
      for (const update of updates) {
        const id = update.update_id;
        if (id < offset || running.has(id) || finished.has(id)) continue;
        dispatch(update);
      }
      await settleOrPoll(busyPollMs);
    }
  }

  let loopDone: Promise<void> | null = null;

  return {
    /**
     * Starts polling; resolves once Telegram has answered the first getUpdates (so "started" is true when said),
     * rejects if polling cannot start at all (a bad token). `stopped` settles when polling ends.
     */
    start(): { started: Promise<void>; stopped: Promise<void> } {
      loopDone = loop();
      return { started: Promise.race([started, loopDone]), stopped: loopDone };
    },

    /**
     * Stops intake (no new getUpdates), waits up to `graceMs` for the updates in flight, then tells Telegram which
     * are handled so they are not delivered again. Returns whether everything in flight finished.
     */
    async stop(graceMs: number): Promise<{ drained: boolean }> {
      stopping.abort();
      await loopDone?.catch(() => {});
      const all = Promise.allSettled([...running.values()]).then(() => true);
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([all, new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
      clearTimeout(timer);
      const offset = nextOffset();
      if (offset > confirmedUpTo) {
        try {
          await opts.getUpdates({ offset, limit: 1, timeout: 0 }, AbortSignal.timeout(3_000));
          forgetBelow(offset);
        } catch (err) {
          // Not confirmed: Telegram delivers those updates again and the engine drops them as repeats.
          logger.warn({ err: err instanceof Error ? err.name : typeof err }, 'could not confirm handled updates to Telegram');
        }
      }
      return { drained };
    },

    /** For tests and metrics: the offset Telegram has been told, and how many updates are in flight. */
    status: () => ({ confirmedUpTo, inFlight: running.size }),
  };
}
