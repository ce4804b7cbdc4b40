import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Outbox } from '../../src/engine/ports.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMemoryScheduler } from '../../src/reminders/memory-scheduler.js';
import { createReminderService } from '../../src/reminders/service.js';
import { StoreUnavailableError, type CaseStore } from '../../src/store/case-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { NOON_2026_11_24 } from '../support/bot-harness.js';
import { command, createRecorder, engineOn, inbound, press, text } from '../support/engine-harness.js';

const memory = () => createMemoryStore({ ttlSeconds: 86_400 });

describe('the engine', () => {
  it('tells a group once a day that it works in private chats only, and keeps no case for it', async () => {
    const store = memory();
    const rec = createRecorder();
    const engine = engineOn(store, rec.outbox);
    await engine.notPrivate({ chatId: -42, languageCode: 'zh-hans' });
    await engine.notPrivate({ chatId: -42, languageCode: 'zh-hans' });
    await engine.notPrivate({ chatId: -43, languageCode: 'en' });
    expect(rec.texts(-42)).toEqual([expect.stringContaining('私聊')]);
    expect(rec.texts(-43)).toEqual([expect.stringContaining('private')]);
    expect(await store.load(-42)).toBeNull();
  });

  it('slows a flood kindly once and drops the rest, without storing them', async () => {
    const rec = createRecorder();
    const store = memory();
    const engine = engineOn(store, rec.outbox, { flood: { limit: 2, windowMs: 60_000 } });
    const outcomes = [];
    for (let id = 1; id <= 5; id++) outcomes.push(await engine.handle(inbound(9, id, command('help'))));
    expect(outcomes).toEqual(['handled', 'handled', 'flood', 'flood', 'flood']);
    expect(rec.texts(9)).toHaveLength(3);
    expect(rec.texts(9).at(-1)).toContain('消息发得有点快');
  });

  it('runs different chats concurrently while one chat waits on Telegram', async () => {
    const rec = createRecorder();
    let release!: () => void;
    const slow: Outbox = {
      ...rec.outbox,
      sendText: async (chatId, html, buttons) => {
        if (chatId === 1) await new Promise<void>((r) => (release = r));
        return rec.outbox.sendText(chatId, html, buttons);
      },
    };
    const engine = engineOn(memory(), slow);
    const stuck = engine.handle(inbound(1, 1, command('start')));
    expect(await engine.handle(inbound(2, 2, command('start')))).toBe('handled');
    expect(rec.texts(2)).toHaveLength(1);
    release();
    expect(await stuck).toBe('handled');
  });

  it('marks a reply sent even when the update right after it cannot reach the store, so it is not shown again', async () => {
    const store = createMemoryStore({ ttlSeconds: 86_400 });
    let down = false;
    const flaky: CaseStore = { ...store, leaseMs: store.leaseMs, begin: (input) => (down ? Promise.reject(new StoreUnavailableError('down')) : store.begin(input)) };
    const rec = createRecorder();
    const engine = engineOn(flaky, rec.outbox);
    const chat = 7_300_010;
    await engine.handle(inbound(chat, 1, command('start')));
    // Sent at once after the reply, so its turn takes over the lease and the duty to mark that reply sent.
    down = true;
    expect(await engine.handle(inbound(chat, 2, command('help')))).toBe('unavailable');
    down = false;
    await engine.idle(5_000);
    const before = rec.texts(chat).length;
    await engine.handle(inbound(chat, 3, command('help')));
    const after = rec.texts(chat).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(rec.texts(chat)[0]);
  });

  it('waits for updates in flight, and on timeout gives their leases back so another replica can go on', async () => {
    const store = memory();
    const rec = createRecorder();
    const hanging: Outbox = { ...rec.outbox, sendText: () => new Promise(() => {}) };
    const engine = engineOn(store, hanging);
    void engine.handle(inbound(5, 1, text('hi')));
    expect(await engine.idle(200)).toBe(false);
    // The other replica goes on at once: it first shows what the stuck update owed, then handles the next one.
    const other = engineOn(store, rec.outbox);
    expect(await other.handle(inbound(5, 2, command('start')))).toBe('owed');
    expect(rec.texts(5)).toHaveLength(1);
    expect(await other.handle(inbound(5, 3, command('start')))).toBe('handled');
    expect(await other.idle(1_000)).toBe(true);
  });

  it('a reminder queue that does not answer (its Redis frozen) is a store that is down: /delete says "try again" and deletes nothing', async () => {
    const rec = createRecorder();
    const store = memory();
    const clock = { now: () => NOON_2026_11_24 };
    const stuck = { ...createMemoryScheduler(clock), removeAll: () => new Promise<never>(() => {}) };
    const toasts: string[] = [];
    const engine = createEngine({
      store,
      outbox: { ...rec.outbox, answerCallback: async (_id, t) => void (t && toasts.push(t)) },
      i18n: createI18n({ ttlDays: 90 }),
      clock,
      logger: createLogger('silent'),
      flood: null,
      reminders: createReminderService({ scheduler: stuck, clock }),
    });
    await engine.handle(inbound(11, 1, command('start')));
    await engine.handle(inbound(11, 2, command('delete')));
    expect(await engine.handle(inbound(11, 3, press(rec.button(11, '确认删除'))))).toBe('unavailable');
    expect(toasts).toEqual([expect.stringContaining('暂时连不上存储')]);
    expect(await store.load(11)).not.toBeNull();
  });
});
