import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../flows/case.js';
import { fromStored } from '../../flows/persistence.js';
import { hashId } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createRedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { loadLocale } from '../../src/i18n/index.js';
import { createBotHarness, type HarnessUser } from '../support/bot-harness.js';
import { redisForThisFile } from '../support/redis-per-file.js';
import { capturedLogs } from '../support/logs.js';
import { walk } from '../support/walks.js';

const redis = redisForThisFile();


/** One person's whole journey with values that could not appear by chance. */
async function fullFlow(u: HarnessUser) {
  await walk.toStepOneResult(u, { product: '花呗', amount: '7,654.32', overdue: '37天', cause: '失业', since: '2026年8月', income: '87654', essentials: '43219', otherDebts: '0' });
  await walk.toStatementIdentity(u, '分期');
  await u.send('欧阳独特');
  await u.send('9876');
  await u.send('543X');
}

describe('privacy', () => {
  it('keeps what a user typed out of the logs and the metrics, and logs ids only as hashes', async () => {
    const logs = capturedLogs('trace');
    const metrics = createMetrics();
    const { store } = redis.replica();
    const h = createBotHarness({ store, logger: logs.logger, metrics });
    const id = 880_001_234;
    await fullFlow(h.user(id, 'zh-hans'));
    // Timestamps, process ids, durations, hashes and the metrics' sample values are digits and hex by nature (and
    // can hold "7654" by chance); what must never appear is the user's own input, in any field, label or text.
    const samples = (await metrics.render()).body.replace(/ [-+0-9.e]+(?: \d+)?$/gm, '');
    const exposed = logs.text().replace(/"(?:time|pid|ms)":\d+|"chat":"[0-9a-f]+"/g, '') + samples;
    for (const secret of ['7,654.32', '7654', '765432', '87654', '43219', '欧阳独特', '9876', '543X', String(id)]) {
      expect(exposed, secret).not.toContain(secret);
    }
    expect(logs.text()).toContain(hashId(id));
    expect((await metrics.render()).body).toContain('xs_updates_total{kind="text"}');
  });

  it('deletes every key of the user and chat on /delete, and says what and when', async () => {
    const { store } = redis.replica();
    const h = createBotHarness({ store, flood: { limit: 1000, windowMs: 60_000 } });
    const id = 880_005_678;
    const u = h.user(id, 'zh-hans');
    await fullFlow(u);
    await u.send('/language');
    await u.pressData('1~g~lang:en');
    // The case (with the turn's bookkeeping in it) and the language preference, at least.
    expect((await redis.raw.keys(`*${id}*`)).length).toBeGreaterThanOrEqual(2);
    for (const key of await redis.raw.keys(`*${id}*`)) expect(await redis.raw.ttl(key), key).toBeGreaterThan(0);
    await u.send('/delete');
    await u.press('Yes, delete');
    expect(u.last()).toMatch(/Deleted: \d+ records \(24 Nov 2026\)/);
    let cursor = '0';
    const left: string[] = [];
    do {
      const [next, batch] = await redis.raw.scan(cursor, 'COUNT', 1000);
      cursor = next;
      left.push(...batch.filter((k) => k.includes(String(id))));
    } while (cursor !== '0');
    expect(left).toEqual([]);
  });

  it('answers kindly when Redis is down, and keeps nothing half-done', async () => {
    const client = createRedisClient({ url: 'redis://127.0.0.1:1', cluster: false });
    client.on('error', () => {});
    try {
      const h = createBotHarness({ store: createRedisStore(client, { ttlSeconds: 60 }) });
      const u = h.user(880_009_999, 'zh-hans');
      await u.send('/start');
      expect(u.last()).toContain('暂时连不上存储');
    } finally {
      client.disconnect();
    }
  });
});

describe('output and input safety', () => {
  const hostile = ['<b>粗</b>', '&amp; & </a>', '<script>alert(1)</script>', '😀👨‍👩‍👧', '\u202e反转\u202c', 'a\u200bb', '字'.repeat(10_000)];

  it('sends only well-formed Telegram HTML within the limits, whatever the user types', async () => {
    const h = createBotHarness();
    const u = h.user(42, 'zh-hans');
    await walk.toProductQuestion(u);
    for (const text of hostile) await u.send(text);
    await u.press('花呗');
    for (const text of hostile) await u.send(text);
    for (const call of h.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')) {
      const text = String(call.payload.text);
      expect(text.length).toBeLessThanOrEqual(4096);
      // Our own markup only: every tag is one of ours, and no user text arrives as markup.
      for (const tag of text.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<\/?(b|i|code)>$/);
      for (const b of call.payload.reply_markup?.inline_keyboard?.flat() ?? []) {
        expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      }
    }
  });

  it('limits a flood: one kind answer, the rest dropped', async () => {
    const h = createBotHarness({ flood: { limit: 3, windowMs: 60_000 } });
    const u = h.user(43, 'zh-hans');
    for (let i = 0; i < 8; i++) await u.send('/help');
    const texts = u.texts();
    expect(texts).toHaveLength(4);
    expect(texts.at(-1)).toContain('消息发得有点快');
  });

  it('never links to third parties', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(JSON.stringify(loadLocale(lang))).not.toMatch(/https?:\/\/|www\.|t\.me\//i);
    }
  });
});

describe('fuzz: 10,000 random updates against the real engine and Redis', () => {
  it('never throws, never leaves an unhandled rejection, and every case always parses', async () => {
    const { store } = redis.replica();
    const metrics = createMetrics();
    const h = createBotHarness({ store, metrics });
    const rejections: unknown[] = [];
    const onRejection = (r: unknown) => rejections.push(r);
    process.on('unhandledRejection', onRejection);
    const chats = [990_001, 990_002, 990_003, 990_004];
    const from = (id: number) => ({ id, is_bot: false, first_name: 'f', language_code: id % 2 ? 'en' : 'zh' });
    const chatOf = (id: number) => ({ id, type: 'private', first_name: 'f' });
    const validData = (id: number) => h.user(id).buttons().map((b) => b.callback_data);
    const update = fc.record({
      chat: fc.constantFrom(...chats),
      updateId: fc.integer({ min: 1, max: 5_000_000 }),
      kind: fc.constantFrom('text', 'command', 'press', 'forged', 'sticker', 'edited', 'group', 'channel', 'inline'),
      text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('5500', '45天', '0', '1.2万', '明天', '12', '/start', '停息挂账')),
      command: fc.constantFrom('/start', '/checklist', '/statement', '/language', '/privacy', '/export', '/delete', '/help', '/nope'),
      pick: fc.nat(),
      forged: fc.string({ maxLength: 80 }),
    });
    await fc.assert(
      fc.asyncProperty(update, async (u) => {
        const f = from(u.chat);
        const c = chatOf(u.chat);
        const message = { message_id: 1, date: 0, chat: c, from: f };
        const buttons = validData(u.chat);
        const body: Record<string, unknown> =
          u.kind === 'text' ? { message: { ...message, text: u.text } }
          : u.kind === 'command' ? { message: { ...message, text: u.command } }
          : u.kind === 'press' ? { callback_query: { id: 'q', from: f, chat_instance: 'i', data: buttons[u.pick % Math.max(1, buttons.length)] ?? '1~g~hub', message } }
          : u.kind === 'forged' ? { callback_query: { id: 'q', from: f, chat_instance: 'i', data: u.forged, message } }
          : u.kind === 'sticker' ? { message: { ...message, sticker: { file_id: 's' } } }
          : u.kind === 'edited' ? { edited_message: { ...message, edit_date: 1, text: u.text } }
          : u.kind === 'group' ? { message: { ...message, chat: { id: -u.chat, type: 'group', title: 'g' }, text: u.text } }
          : u.kind === 'channel' ? { channel_post: { message_id: 1, date: 0, chat: { id: -1, type: 'channel', title: 'c' }, text: u.text } }
          : { inline_query: { id: 'i', from: f, query: u.text, offset: '' } };
        await h.bot.handleUpdate({ update_id: u.updateId, ...body } as never);
      }),
      { numRuns: 10_000 },
    );
    process.off('unhandledRejection', onRejection);
    expect(rejections).toEqual([]);
    const counted = (await metrics.render()).body;
    expect(counted).toMatch(/xs_updates_total\{kind="text"\} \d+/);
    expect(counted).not.toContain('kind="error"');
    for (const id of chats) {
      const stored = await store.load(id);
      if (stored) expect(fromStored(CASE_SCHEMA_VERSION, stored.snapshot)).not.toBeNull();
    }
  }, 240_000);
});
