import { TelegramError } from 'telegraf';
import type { Logger } from '../observability/logger.js';
import { withoutSecrets } from '../observability/secrets.js';

/** Telegram refused the token itself (401, or 404 for a token of no bot): retrying cannot help. */
export class TelegramAuthError extends Error {
  override name = 'TelegramAuthError';
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000 };

export type Verdict =
  | { kind: 'retry'; waitMs: number; reason: string }
  | { kind: 'fatal'; error: Error };

/**
 * What to do after a failed Bot API call that must eventually succeed (getMe, deleteWebhook, setWebhook,
 * getUpdates): a bad token stops; a 429 waits what Telegram says; a 409 (another poller, or a webhook still set),
 * a 5xx and a dropped or refused connection wait a capped, doubling time; any other refusal stops.
 */
export function judge(err: unknown, attempt: number, backoff: Backoff): Verdict {
  const doubling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt - 1));
  if (err instanceof TelegramError) {
    // What Telegram (or a proxy in front of it) says can quote the request path, token included.
    const description = withoutSecrets(err.description);
    if (err.code === 401 || err.code === 404) {
      return {
        kind: 'fatal',
        error: new TelegramAuthError(`Telegram refused the bot token (${err.code} ${description}): check TELEGRAM_BOT_TOKEN`),
      };
    }
    if (err.code === 429) {
      const seconds = err.parameters?.retry_after ?? doubling / 1000;
      return { kind: 'retry', waitMs: seconds * 1000, reason: 'Telegram asked to slow down' };
    }
    if (err.code === 409) return { kind: 'retry', waitMs: doubling, reason: `Telegram reports a conflict (${description})` };
    if (err.code >= 500) return { kind: 'retry', waitMs: doubling, reason: `Telegram answered ${err.code}` };
    return { kind: 'fatal', error: new Error(`Telegram refused the call: ${err.code} ${description}`) };
  }
  return { kind: 'retry', waitMs: doubling, reason: 'Telegram unreachable' };
}

/** Sleeps `ms`, or less if `signal` aborts first. */
export const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Runs `call` with a signal that aborts when `signal` does or after `ms` (as `AbortSignal.any` of `signal` and
 * `AbortSignal.timeout(ms)` would), but whose timer and listener end with the call: a timeout signal lives until it
 * fires, so one per long poll would keep thousands of timers alive for their full minute.
 */
export async function withDeadline<T>(signal: AbortSignal, ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const own = new AbortController();
  const abort = () => own.abort(signal.reason);
  if (signal.aborted) abort();
  signal.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(() => own.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  try {
    return await call(own.signal);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

/** Only the error's class and code go to the logs. */
const errName = (err: unknown): string =>
  err instanceof TelegramError ? `TelegramError:${err.code}` : err instanceof Error ? `${err.name}${'code' in err ? `:${String(err.code)}` : ''}` : typeof err;

/**
 * Runs `call` until it succeeds, logging each wait honestly ("Telegram unreachable, retrying in 4 s"). Rejects
 * with the fatal error (a bad token), or with an AbortError when `signal` aborts first.
 */
export async function untilReachable<T>(
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
  opts: { logger: Logger; signal: AbortSignal; backoff?: Backoff },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    opts.signal.throwIfAborted();
    try {
      const result = await call(opts.signal);
      if (attempt > 1) opts.logger.info({ call: what, attempts: attempt }, 'Telegram reachable again');
      return result;
    } catch (err) {
      opts.signal.throwIfAborted();
      const verdict = judge(err, attempt, opts.backoff ?? DEFAULT_BACKOFF);
      if (verdict.kind === 'fatal') throw verdict.error;
      const seconds = Math.round(verdict.waitMs / 100) / 10;
      opts.logger.warn({ call: what, err: errName(err), attempt }, `${verdict.reason}, retrying in ${seconds} s`);
      await pause(verdict.waitMs, opts.signal);
    }
  }
}
