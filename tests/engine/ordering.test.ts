import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import type { InboundInput } from '../../src/engine/inbound.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createBotHarness } from '../support/bot-harness.js';
import { command, createRecorder, engineOn, inbound, press, text } from '../support/engine-harness.js';
import { redisForThisFile } from '../support/redis-per-file.js';
import { asLender } from '../support/stored.js';
import { walk } from '../support/walks.js';

const redis = redisForThisFile();


type Step = InboundInput | { press: string };
/** Twenty updates of one person: the whole of step 1, then commands and chatter whose replies show their order. */
const SCRIPT: Step[] = [
  command('start'), { press: '开始' }, { press: '同意，开始' }, { press: '花呗' }, text('5,500元'), text('45天'),
  { press: '失业' }, text('2026年8月'), text('3000'), text('2500'), text('0'), command('help'), command('privacy'),
  text('好的'), command('checklist'), command('help'), text('谢谢'), command('privacy'), command('checklist'), command('help'),
];

/** The script applied one update at a time: the inputs with their button data, what the person saw, the case. */
async function sequentially() {
  const store = createMemoryStore({ ttlSeconds: 86_400 });
  const rec = createRecorder();
  const engine = engineOn(store, rec.outbox);
  const inputs: InboundInput[] = [];
  for (const [i, step] of SCRIPT.entries()) {
    const input = 'press' in step ? press(rec.button(1, step.press), `cb${i}`) : step;
    inputs.push(input);
    expect(await engine.handle(inbound(1, i + 1, input))).toBe('handled');
  }
  return { inputs, texts: rec.texts(1), snapshot: (await store.load(1))!.snapshot };
}

/** A turn's bookkeeping still kept for the chat: its lease, updates waiting, replies owed. */
const bookkeeping = async (chat: number) =>
  (await redis.replica().store.inventory(chat, chat)).records.map((r) => r.name).filter((n) => ['lock', 'queue', 'outbox'].includes(n));

const shuffled = <T>(xs: T[]) => [...xs].sort(() => Math.random() - 0.5);

describe('one chat’s updates across two replicas', () => {
  it('applies 20 concurrent updates and their duplicates exactly once, in update-id order, and gives the lease back', async () => {
    const expected = await sequentially();
    const chat = 7_100_001;
    const rec = createRecorder();
    const a = engineOn(redis.replica().store, rec.outbox);
    const b = engineOn(redis.replica().store, rec.outbox);
    const updates = expected.inputs.map((input, i) => inbound(chat, 500 + i, input));
    // Every update reaches both replicas (a redelivered batch), in no particular order, all at once.
    const outcomes = await Promise.all(shuffled([...updates.map((u) => a.handle(u)), ...updates.map((u) => b.handle(u))]));
    expect(outcomes.filter((o) => o === 'handled')).toHaveLength(20);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(20);
    expect(rec.texts(chat)).toEqual(expected.texts);
    expect((await redis.replica().store.load(chat))?.snapshot).toEqual(expected.snapshot);
    expect(await Promise.all([a.idle(5_000), b.idle(5_000)])).toEqual([true, true]);
    expect(await bookkeeping(chat)).toEqual([]);
  });

  it('drops duplicates that reach a second replica while the first is still working through the updates', async () => {
    const expected = await sequentially();
    const chat = 7_100_002;
    const rec = createRecorder();
    let firstReply!: () => void;
    const replied = new Promise<void>((r) => (firstReply = r));
    const a = engineOn(redis.replica().store, {
      ...rec.outbox,
      sendText: (...args) => {
        firstReply();
        return rec.outbox.sendText(...args);
      },
    });
    const b = engineOn(redis.replica().store, rec.outbox);
    const updates = expected.inputs.map((input, i) => inbound(chat, 900 + i, input));
    const first = updates.map((u) => a.handle(u));
    await replied;
    const copies = shuffled(updates).slice(0, 10).map((u) => b.handle(u));
    const outcomes = await Promise.all([...first, ...copies]);
    expect(outcomes.filter((o) => o === 'handled')).toHaveLength(20);
    expect(rec.texts(chat)).toEqual(expected.texts);
    expect((await redis.replica().store.load(chat))?.snapshot).toEqual(expected.snapshot);
    expect(await Promise.all([a.idle(5_000), b.idle(5_000)])).toEqual([true, true]);
    expect(await bookkeeping(chat)).toEqual([]);
  });

  it('serves a replica’s cached case only while no other replica has written since', async () => {
    const rec = createRecorder();
    const a = engineOn(redis.replica().store, rec.outbox);
    const b = engineOn(redis.replica().store, rec.outbox);
    const chat = 7_100_003;
    expect(await a.handle(inbound(chat, 1, command('start')))).toBe('handled');
    expect(await b.handle(inbound(chat, 2, press(rec.button(chat, '开始'))))).toBe('handled');
    // a still holds the welcome screen in its cache; the consent button only fits the case b wrote.
    expect(await a.handle(inbound(chat, 3, press(rec.button(chat, '同意，开始'))))).toBe('handled');
    expect(rec.texts(chat).at(-1)).toContain('哪个产品逾期了');
    expect(await b.handle(inbound(chat, 4, press(rec.button(chat, '花呗'))))).toBe('handled');
    expect(await a.handle(inbound(chat, 5, text('1111')))).toBe('handled');
    expect(rec.texts(chat).at(-1)).toContain('逾期多少天');
  });
});

describe('"1111" then "22" sent together by 20 people at the amount question', () => {
  const CHATS = Array.from({ length: 20 }, (_, i) => 7_200_000 + i);

  async function toAmountQuestion(h: ReturnType<typeof createBotHarness>, chats: number[]) {
    for (const id of chats) {
      const u = h.user(id, 'zh-hans');
      await walk.toAmountQuestion(u);
      expect(u.last()).toContain('现在还欠多少没还');
    }
  }

  const message = (chat: number, updateId: number, body: string) =>
    ({
      update_id: updateId,
      message: { message_id: updateId, date: 0, chat: { id: chat, type: 'private', first_name: 'U' }, from: { id: chat, is_bot: false, first_name: 'U', language_code: 'zh-hans' }, text: body },
    }) as Update;

  /** Both answers of every chat, as one getUpdates batch would bring them. */
  const batch = (chats: number[], base: number) => chats.flatMap((id, i) => [message(id, base + 2 * i, '1111'), message(id, base + 2 * i + 1, '22')]);

  async function expectStoredInOrder(load: (id: number) => Promise<{ snapshot: unknown } | null>, chats: number[]) {
    for (const id of chats) {
      const facts = asLender((await load(id))?.snapshot).context.facts;
      expect(facts, String(id)).toMatchObject({ amountFen: 111_100, dueDate: '2026-11-02' });
    }
  }

  it('stores ¥1,111 and 22 days for every chat when telegraf handles the batch concurrently', async () => {
    const store = redis.replica().store;
    const h = createBotHarness({ store });
    const chats = CHATS.slice(0, 20);
    await toAmountQuestion(h, chats);
    await Promise.all(batch(chats, 10_000).map((u) => h.bot.handleUpdate(u)));
    await expectStoredInOrder((id) => store.load(id), chats);
  });

  it('does the same when the batch reaches two replicas at once', async () => {
    const chats = CHATS.map((id) => id + 100);
    const h1 = createBotHarness({ store: redis.replica().store });
    const h2 = createBotHarness({ store: redis.replica().store });
    await toAmountQuestion(h1, chats);
    const updates = batch(chats, 20_000);
    await Promise.all([...updates.map((u) => h1.bot.handleUpdate(u)), ...updates.map((u) => h2.bot.handleUpdate(u))]);
    await expectStoredInOrder((id) => h2.store.load(id), chats);
    // Each person saw the next question once, whichever replica applied the answer.
    const asked = [...h1.calls, ...h2.calls].filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('逾期多少天'));
    expect(asked).toHaveLength(chats.length);
  });

  it('applies them in update-id order when "1111" reaches one replica and "22" the other at the same instant', async () => {
    const chats = Array.from({ length: 100 }, (_, i) => 7_250_000 + i);
    const h1 = createBotHarness({ store: redis.replica().store });
    const h2 = createBotHarness({ store: redis.replica().store });
    await toAmountQuestion(h1, chats);
    // Each chat's two answers, one to each replica, dispatched in the same tick; chats a few at a time, as people do.
    for (let at = 0; at < chats.length; at += 10) {
      const batch = chats.slice(at, at + 10);
      await Promise.all(batch.flatMap((id, i) => [h1.bot.handleUpdate(message(id, 30_000 + 2 * (at + i), '1111')), h2.bot.handleUpdate(message(id, 30_001 + 2 * (at + i), '22'))]));
    }
    let inOrder = 0;
    for (const id of chats) {
      const facts = asLender((await h2.store.load(id))?.snapshot).context.facts;
      if (facts.amountFen === 111_100 && facts.dueDate === '2026-11-02') inOrder += 1;
    }
    process.stdout.write(`two replicas at the same instant: ${inOrder} of ${chats.length} chats in update-id order\n`);
    expect(inOrder).toBeGreaterThanOrEqual(99);
  });
});
