import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { judge, untilReachable } from '../../src/telegram/backoff.js';

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
