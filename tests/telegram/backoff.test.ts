import { TelegramError } from 'telegraf';
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { judge, untilReachable, withDeadline } from '../../src/telegram/backoff.js';

const backoff = { initialMs: 1_000, maxMs: 30_000 };
const tg = (error_code: number, description: string, parameters?: { retry_after: number }) =>
  new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

describe('what to do when Telegram does not answer', () => {
  it('waits a doubling time, capped, for a dropped connection, a 5xx or a 409', () => {
    const network = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => judge(network, n, backoff))).toEqual(
      [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000].map((waitMs) => ({ kind: 'retry', waitMs, reason: 'Telegram unreachable' })),
    );
    expect(judge(tg(502, 'Bad Gateway'), 2, backoff)).toEqual({ kind: 'retry', waitMs: 2_000, reason: 'Telegram answered 502' });
    expect(judge(tg(409, 'Conflict: terminated by other getUpdates request'), 1, backoff)).toMatchObject({ kind: 'retry', waitMs: 1_000 });
  });

  it('waits exactly what a 429 says', () => {
    expect(judge(tg(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), 1, backoff)).toEqual({
      kind: 'retry',
      waitMs: 7_000,
      reason: 'Telegram asked to slow down',
    });
  });

  it('stops on a token Telegram refuses, and on any other refusal', () => {
    expect(judge(tg(401, 'Unauthorized'), 1, backoff)).toMatchObject({ kind: 'fatal', error: { name: 'TelegramAuthError' } });
    expect(judge(tg(404, 'Not Found'), 1, backoff)).toMatchObject({ kind: 'fatal', error: { name: 'TelegramAuthError' } });
    expect(judge(tg(400, 'Bad Request: bad webhook'), 1, backoff)).toMatchObject({
      kind: 'fatal',
      error: { message: 'Telegram refused the call: 400 Bad Request: bad webhook' },
    });
  });

  it('gives up retrying when the shutdown aborts it', async () => {
    const stop = new AbortController();
    let calls = 0;
    const running = untilReachable(
      'getMe',
      async () => {
        calls++;
        throw new Error('socket hang up');
      },
      { logger: createLogger('silent'), signal: stop.signal, backoff: { initialMs: 60_000, maxMs: 60_000 } },
    );
    await new Promise((r) => setTimeout(r, 20));
    stop.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
  });
});

describe('a call with a deadline (each long poll)', () => {
  /** A call that ends only when its signal aborts, with the signal's reason. */
  const hangs = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

  it('is cut off when the deadline passes', async () => {
    vi.useFakeTimers();
    try {
      const call = withDeadline(new AbortController().signal, 45_000, hangs);
      const settled = expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
      await vi.advanceTimersByTimeAsync(45_000);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });

  it('is cut off when the shutdown aborts first, with the shutdown’s reason', async () => {
    const stop = new AbortController();
    const call = withDeadline(stop.signal, 45_000, hangs);
    stop.abort(new Error('shutting down'));
    await expect(call).rejects.toThrow('shutting down');
  });

  it('leaves no timer and no listener behind once the call has answered', async () => {
    vi.useFakeTimers();
    try {
      const stop = new AbortController();
      for (let i = 0; i < 100; i++) expect(await withDeadline(stop.signal, 45_000, async () => i)).toBe(i);
      expect(vi.getTimerCount()).toBe(0);
      expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
