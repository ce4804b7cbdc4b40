import { Writable } from 'node:stream';
import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { TelegramAuthError } from '../../src/telegram/backoff.js';
import { createPollingRunner, type GetUpdatesParams } from '../../src/telegram/polling.js';

/**
 * Telegram's getUpdates as documented: it returns up to `limit` pending updates from `offset` on, waits up to
 * `timeout` s for one when there are none, and forgets every update below the offset it is sent.
 */
function telegramQueue() {
  let pending: Update[] = [];
  let nextId = 1;
  const offsets: number[] = [];
  const wakers = new Set<() => void>();
  const failures: unknown[] = [];
  const getUpdates = (p: GetUpdatesParams, signal: AbortSignal): Promise<Update[]> => {
    offsets.push(p.offset);
    pending = pending.filter((u) => u.update_id >= p.offset);
    const failure = failures.shift();
    if (failure) return Promise.reject(failure);
    if (pending.length > 0 || p.timeout === 0) return Promise.resolve(pending.slice(0, p.limit));
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve(pending.slice(0, p.limit));
      };
      const timer = setTimeout(wake, p.timeout * 1000);
      wakers.add(wake);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        wakers.delete(wake);
        reject(new Error('aborted'));
      });
    });
  };
  return {
    getUpdates,
    offsets,
    failNext: (...errs: unknown[]) => failures.push(...errs),
    push(chatIds: number[]): number[] {
      const ids = chatIds.map((chat) => {
        const id = nextId++;
        pending.push({ update_id: id, message: { message_id: id, date: 0, chat: { id: chat, type: 'private', first_name: 'U' }, text: `m${id}` } } as Update);
        return id;
      });
      for (const w of [...wakers]) w();
      return ids;
    },
    /** What Telegram would deliver again after a crash now. */
    unconfirmed: () => pending.map((u) => u.update_id),
  };
}

function logSink() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()).msg as string);
      cb();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

/** Handlers that wait until the test lets them finish. */
function heldHandlers() {
  const started: number[] = [];
  const finished: number[] = [];
  const gates = new Map<number, () => void>();
  const autoFinish = new Set<number>();
  const handle = (u: Update) =>
    new Promise<void>((resolve) => {
      started.push(u.update_id);
      const done = () => {
        finished.push(u.update_id);
        resolve();
      };
      if (autoFinish.has(u.update_id)) return done();
      gates.set(u.update_id, done);
    });
  return {
    handle,
    started,
    finished,
    release: (...ids: number[]) => ids.forEach((id) => gates.get(id)?.()),
    autoFinish: (...ids: number[]) => ids.forEach((id) => autoFinish.add(id)),
  };
}

const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

describe('the polling runner', () => {
  it('hands every update of a batch to the handler at once', async () => {
    const tg = telegramQueue();
    const h = heldHandlers();
    const runner = createPollingRunner({ getUpdates: tg.getUpdates, handle: h.handle, logger: createLogger('silent'), timeoutSeconds: 1 });
    stops.push(() => runner.stop(100));
    const ids = tg.push(Array.from({ length: 40 }, (_, i) => 100 + (i % 20)));
    await runner.start().started;
    await until(() => h.started.length === 40);
    expect([...h.started].sort((a, b) => a - b)).toEqual(ids);
    h.release(...ids);
  });

  it('keeps at most `limit` updates in flight, and takes the next ones as earlier ones finish', async () => {
    const tg = telegramQueue();
    const h = heldHandlers();
    const runner = createPollingRunner({ getUpdates: tg.getUpdates, handle: h.handle, logger: createLogger('silent'), timeoutSeconds: 1, limit: 10 });
    stops.push(() => runner.stop(100));
    const ids = tg.push(Array.from({ length: 25 }, (_, i) => i));
    runner.start();
    await until(() => h.started.length === 10);
    await new Promise((r) => setTimeout(r, 150));
    expect(h.started).toEqual(ids.slice(0, 10));
    h.release(...ids.slice(0, 5));
    await until(() => h.started.length === 15);
    expect(runner.status().inFlight).toBe(10);
    h.autoFinish(...ids);
    h.release(...ids);
    await until(() => tg.unconfirmed().length === 0);
    expect(h.started).toEqual(ids);
  });

  it('confirms an update to Telegram only once it and every earlier one are handled', async () => {
    const tg = telegramQueue();
    const h = heldHandlers();
    const runner = createPollingRunner({ getUpdates: tg.getUpdates, handle: h.handle, logger: createLogger('silent'), timeoutSeconds: 1 });
    stops.push(() => runner.stop(100));
    const [a, b, c] = tg.push([1, 2, 3]) as [number, number, number];
    runner.start();
    await until(() => h.started.length === 3);
    h.release(b, c);
    await until(() => h.finished.length === 2);
    await new Promise((r) => setTimeout(r, 200));
    // b and c are done, but a is not: Telegram must still hold all three.
    expect(tg.unconfirmed()).toEqual([a, b, c]);
    expect(h.started).toEqual([a, b, c]);
    h.release(a);
    await until(() => tg.unconfirmed().length === 0);
    expect(runner.status().inFlight).toBe(0);
  });

  it('a slow update (a chat waiting out a 429) delays no newer one, and is never run twice while it waits', async () => {
    const tg = telegramQueue();
    const h = heldHandlers();
    const runner = createPollingRunner({ getUpdates: tg.getUpdates, handle: h.handle, logger: createLogger('silent'), timeoutSeconds: 1 });
    stops.push(() => runner.stop(100));
    const [slow] = tg.push([1]) as [number];
    runner.start();
    await until(() => h.started.includes(slow));
    for (let i = 0; i < 5; i++) {
      const [id] = tg.push([10 + i]) as [number];
      h.autoFinish(id);
      await until(() => h.finished.includes(id));
    }
    expect(h.started.filter((id) => id === slow)).toHaveLength(1);
    expect(h.finished).not.toContain(slow);
    h.release(slow);
    await until(() => tg.unconfirmed().length === 0);
  });

  it('on stop, waits for the updates in flight and confirms them, and leaves unfinished ones to Telegram', async () => {
    const tg = telegramQueue();
    const h = heldHandlers();
    const runner = createPollingRunner({ getUpdates: tg.getUpdates, handle: h.handle, logger: createLogger('silent'), timeoutSeconds: 1 });
    const [a, b, c] = tg.push([1, 2, 3]) as [number, number, number];
    runner.start();
    await until(() => h.started.length === 3);
    h.release(a);
    setTimeout(() => h.release(b), 100);
    const stopped = await runner.stop(400);
    expect(stopped).toEqual({ drained: false });
    // a and b were handled and are confirmed; c never finished, so Telegram will deliver it again.
    expect(tg.unconfirmed()).toEqual([c]);
    const fetchesAfterStop = tg.offsets.length;
    tg.push([4]);
    await new Promise((r) => setTimeout(r, 100));
    expect(tg.offsets.length).toBe(fetchesAfterStop);
    h.release(c);
  });

  it('retries an unreachable or overloaded Telegram with growing waits, and says so honestly', async () => {
    const tg = telegramQueue();
    const h = heldHandlers();
    const { logger, lines } = logSink();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { name: 'FetchError', code: 'ECONNREFUSED' });
    tg.failNext(
      refused,
      new TelegramError({ error_code: 502, description: 'Bad Gateway' }),
      new TelegramError({ error_code: 429, description: 'Too Many Requests: retry after 0', parameters: { retry_after: 0 } }),
    );
    const runner = createPollingRunner({
      getUpdates: tg.getUpdates,
      handle: h.handle,
      logger,
      timeoutSeconds: 1,
      backoff: { initialMs: 20, maxMs: 40 },
    });
    stops.push(() => runner.stop(100));
    const [id] = tg.push([1]) as [number];
    h.autoFinish(id);
    await runner.start().started;
    await until(() => h.finished.includes(id));
    expect(lines).toEqual([
      'Telegram unreachable, retrying in 0 s',
      'Telegram answered 502, retrying in 0 s',
      'Telegram asked to slow down, retrying in 0 s',
      'Telegram reachable again',
    ]);
  });

  it('stops at once with a clear error when Telegram refuses the token', async () => {
    const tg = telegramQueue();
    tg.failNext(new TelegramError({ error_code: 401, description: 'Unauthorized' }));
    const runner = createPollingRunner({ getUpdates: tg.getUpdates, handle: async () => {}, logger: createLogger('silent') });
    const { started, stopped } = runner.start();
    await expect(started).rejects.toThrow(new TelegramAuthError('Telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN'));
    await expect(stopped).rejects.toBeInstanceOf(TelegramAuthError);
    expect(tg.offsets).toHaveLength(1);
  });
});
