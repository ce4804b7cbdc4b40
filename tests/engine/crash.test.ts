import { describe, expect, it } from 'vitest';
import type { Outbox } from '../../src/engine/ports.js';
import { LEASE_MS } from '../../src/store/case-store.js';
import { keys } from '../../src/store/keys.js';
import { command, createRecorder, engineOn, inbound, press, text } from '../support/engine-harness.js';
import { redisForThisFile } from '../support/redis-per-file.js';
import { asLender } from '../support/stored.js';

const redis = redisForThisFile();


/** The first process: walks a person to the amount question, then dies as it sends the next reply. */
async function firstProcessDiesAfterCommit(chat: number, dies: 'throws' | 'hangs') {
  const rec = createRecorder();
  let dead = false;
  const dying: Outbox = {
    ...rec.outbox,
    sendText: (chatId, html, buttons) => {
      if (!dead) return rec.outbox.sendText(chatId, html, buttons);
      return dies === 'throws' ? Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })) : new Promise(() => {});
    },
  };
  const first = redis.replica();
  const engine = engineOn(first.store, dying);
  let id = 100;
  await engine.handle(inbound(chat, ++id, command('start')));
  await engine.handle(inbound(chat, ++id, press(rec.button(chat, '开始'))));
  await engine.handle(inbound(chat, ++id, press(rec.button(chat, '同意，开始'))));
  await engine.handle(inbound(chat, ++id, press(rec.button(chat, '花呗'))));
  expect(rec.texts(chat).at(-1)).toContain('现在还欠多少没还');
  dead = true;
  const answer = inbound(chat, ++id, text('5500'));
  const handled = engine.handle(answer);
  if (dies === 'throws') {
    await handled;
  } else {
    // Hung on Telegram after the commit; then the process is killed: its lease is no longer renewed.
    // The case names the update id (and lease token) of its last commit.
    while (!(await redis.raw.hget(keys.case(chat), 'u'))?.startsWith(`${answer.updateId} `)) await new Promise((r) => setTimeout(r, 10));
    first.client.disconnect();
  }
  return { answer, nextId: id + 1 };
}

const facts = async (chat: number) => asLender((await redis.replica().store.load(chat))?.snapshot).context.facts;
/** The records kept beside a chat's case, by name. */
const records = async (chat: number) => (await redis.replica().store.inventory(chat, chat)).records.map((r) => r.name);

describe('a crash between the commit and the reply', () => {
  it('sends the owed question when Telegram redelivers the update to the next process', async () => {
    const chat = 7_300_001;
    const { answer } = await firstProcessDiesAfterCommit(chat, 'throws');
    expect(await facts(chat)).toMatchObject({ amountFen: 550_000 });
    const rec = createRecorder();
    const next = engineOn(redis.replica().store, rec.outbox);
    expect(await next.handle(answer)).toBe('duplicate');
    expect(rec.texts(chat)).toHaveLength(1);
    expect(rec.texts(chat)[0]).toContain('逾期多少天');
    // Sent once: a second redelivery finds nothing owed.
    expect(await next.handle(answer)).toBe('duplicate');
    expect(rec.texts(chat)).toHaveLength(1);
  });

  it('sends what is owed to everyone at start-up, before any of them writes again', async () => {
    const chats = [7_300_011, 7_300_012, 7_300_013];
    for (const chat of chats) await firstProcessDiesAfterCommit(chat, 'throws');
    const rec = createRecorder();
    const next = engineOn(redis.replica().store, rec.outbox);
    expect(await next.resumeOwed()).toBeGreaterThanOrEqual(chats.length);
    for (const chat of chats) expect(rec.texts(chat)).toEqual([expect.stringContaining('逾期多少天')]);
    expect(await next.idle(5_000)).toBe(true);
    for (const chat of chats) expect(await records(chat)).not.toEqual(expect.arrayContaining(['outbox']));
    for (const chat of chats) expect(await records(chat)).not.toEqual(expect.arrayContaining(['lock']));
  });

  it('never applies what the person typed before seeing the owed question to that question', async () => {
    const chat = 7_300_021;
    const { nextId } = await firstProcessDiesAfterCommit(chat, 'throws');
    const rec = createRecorder();
    const next = engineOn(redis.replica().store, rec.outbox);
    // Still looking at the amount question, the person sends another amount.
    expect(await next.handle(inbound(chat, nextId, text('8000')))).toBe('owed');
    expect(rec.texts(chat)).toEqual([expect.stringContaining('逾期多少天')]);
    expect(await facts(chat)).toMatchObject({ amountFen: 550_000 });
    expect((await facts(chat)).dueDate).toBeNull();
    // Having seen it, they answer it.
    expect(await next.handle(inbound(chat, nextId + 1, text('45天')))).toBe('handled');
    expect(await facts(chat)).toMatchObject({ amountFen: 550_000, dueDate: '2026-10-10' });
    expect(rec.texts(chat).at(-1)).toContain('还不上主要是因为什么');
    // The update that was not applied stays not applied when Telegram sends it again.
    expect(await next.handle(inbound(chat, nextId, text('8000')))).toBe('duplicate');
    expect(await facts(chat)).toMatchObject({ amountFen: 550_000 });
  });

  it('recovers a chat whose holder died mid-turn once its short lease ends', async () => {
    const chat = 7_300_031;
    const { answer } = await firstProcessDiesAfterCommit(chat, 'hangs');
    const lease = (await redis.replica().store.inventory(chat, chat)).records.find((r) => r.name === 'lock')?.ttlMs ?? 0;
    expect(lease).toBeGreaterThan(0);
    expect(lease).toBeLessThanOrEqual(LEASE_MS);
    const rec = createRecorder();
    const next = engineOn(redis.replica().store, rec.outbox);
    expect(await next.handle(answer)).toBe('duplicate');
    expect(rec.texts(chat)).toEqual([expect.stringContaining('逾期多少天')]);
  });

  it('sends an owed statement again, its .docx built anew from the committed case', async () => {
    const chat = 7_300_041;
    const rec = createRecorder();
    let dead = false;
    const first = engineOn(redis.replica().store, {
      ...rec.outbox,
      sendDocument: (chatId, file) =>
        dead ? Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })) : rec.outbox.sendDocument(chatId, file),
    });
    const steps = [
      command('start'), '开始', '同意，开始', '花呗', text('5500'), text('45天'), '失业', text('2026年8月'), text('3000'), text('2500'),
      text('0'), command('statement'), '下一步：选择请求', '分期', '写说明', '跳过', '跳过',
    ] as const;
    let id = 0;
    for (const step of steps) await first.handle(inbound(chat, ++id, typeof step === 'string' ? press(rec.button(chat, step)) : step));
    dead = true;
    const last = inbound(chat, ++id, press(rec.button(chat, '跳过')));
    expect(await first.handle(last)).toBe('error');
    expect(rec.sent.filter((s) => s.method === 'sendDocument')).toHaveLength(0);

    const again = createRecorder();
    expect(await engineOn(redis.replica().store, again.outbox).handle(last)).toBe('duplicate');
    expect(again.sent.filter((s) => s.method === 'sendDocument').map((s) => s.text)).toEqual([expect.stringMatching(/\.docx$/)]);
    expect(again.texts(chat).join('\n')).toContain('还款困难情况说明');
  });
});
