import { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { TelegramError } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { QUEUE_NAME, QUEUE_PREFIX, createBullmqScheduler, createQueueConnection, type BullmqScheduler } from '../../src/reminders/bullmq-scheduler.js';
import { createReminders } from '../../src/reminders/index.js';
import { jobId } from '../../src/reminders/scheduler.js';
import type { CaseStore } from '../../src/store/case-store.js';
import { htmlToPlain } from '../../src/render/html.js';
import { createBotHarness } from '../support/bot-harness.js';
import { redisForThisFile } from '../support/redis-per-file.js';
import { keysMentioning } from '../support/redis-dump.js';
import { asCase } from '../support/stored.js';
import { walk, type StepOneAnswers } from '../support/walks.js';

/**
 * Reminders end to end: the real bot (telegraf, engine, Redis store) with BullMQ on a real redis-server. Time is a
 * clock the test moves; a job is brought forward by promoting the delayed jobs, as if its delay had run out.
 */
const STEP_ONE: StepOneAnswers = { product: '花呗', amount: '5,500元', overdue: '45天', cause: '失业', since: '2026年8月', income: '3000', essentials: '2000', otherDebts: '500' };
/** Instants in Shanghai time (UTC+8). */
const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const redis = redisForThisFile();
let url: string;
let store: CaseStore;
let inspect: BullmqScheduler;
let queue: Queue;
let nextUser = 610_000_000 + Math.floor(Math.random() * 1e5) * 100;

beforeAll(() => {
  url = redis.server.url;
  store = redis.replica().store;
  inspect = createBullmqScheduler({ connect: () => createQueueConnection({ url, cluster: false }), clock: { now: Date.now } });
  queue = new Queue(QUEUE_NAME, { connection: createQueueConnection({ url, cluster: false }), prefix: QUEUE_PREFIX });
});
afterAll(async () => {
  await queue?.close();
  await inspect?.close();
});

/** One bot process: the harness with a movable clock and its reminder worker. */
function botProcess(clock: { now: () => number }) {
  const registry = new Registry();
  const reminders = createReminders({ redis: { url, cluster: false }, clock, logger: createLogger('silent'), registry });
  const h = createBotHarness({ store, clock, reminders: reminders.service });
  reminders.start((job) => h.engine.remind(job));
  // A test that fails half-way must not leave its worker (and its clock) taking the next test's jobs.
  onTestFinished(() => reminders.close());
  const counter = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values.reduce((n, v) => n + v.value, 0) ?? 0;
  return { h, reminders, counter };
}

/** Runs what is due now: promotes the chat's delayed jobs and waits until the queue has dealt with them. */
async function fire(chatId: number, before: number) {
  const due = (await inspect.list(chatId)).filter((j) => j.at <= before);
  for (const j of due) await (await queue.getJob(await inspect.queueId(j)))?.promote().catch(() => {});
  const end = Date.now() + 10_000;
  for (;;) {
    const left = (await inspect.list(chatId)).filter((j) => due.some((d) => jobId(d) === jobId(j) && d.at === j.at));
    if (left.length === 0) break;
    if (Date.now() > end) throw new Error('reminder jobs did not run');
    await sleep(30);
  }
  await sleep(50);
}

/** Step 1, then a call logged with a call-back day, as a person taps it; ends at the reminders offer. */
async function logCall(u: User, next: string) {
  await walk.toStepOneResult(u, STEP_ONE);
  await u.press('没有了，继续');
  await walk.logAgreedCall(u, { agentId: 'A1234', promise: '可以分 12 期', next });
}

async function recordPlan(u: User, firstDue: string) {
  await u.press('下一步：分期或延期');
  await walk.toApprovedPlan(u, { monthly: '700', months: '12期', firstDue });
}

type Harness = ReturnType<typeof createBotHarness>;
type User = ReturnType<Harness['user']>;
/** The newest message containing `marker` (the offer and the list come before the question, which stays last). */
const newest = (h: Harness, u: User, marker: string) =>
  [...h.calls].reverse().find((c) => c.method === 'sendMessage' && c.payload.chat_id === u.id && String(c.payload.text).includes(marker));
async function pressIn(h: Harness, u: User, marker: string, label: string) {
  const buttons = newest(h, u, marker)?.payload.reply_markup?.inline_keyboard.flat() as Array<{ text: string; callback_data: string }> | undefined;
  const button = buttons?.find((b) => b.text.includes(label));
  if (!button) throw new Error(`no button ${label} under "${marker}"`);
  await u.pressData(button.callback_data);
}
const answerOffer = (h: Harness, u: User, label: string) => pressIn(h, u, '要不要我到时候提醒你', label);
const LIST = '已安排的提醒';
const listOf = (h: Harness, u: User) => htmlToPlain(String(newest(h, u, LIST)?.payload.text ?? ''));

const remindersOf = async (chatId: number) => {
  const stored = (await store.load(chatId))?.snapshot as { context: { reminders: Record<string, unknown> } } | undefined;
  return stored?.context.reminders;
};
/** What came of one debt's approved plan, as stored: approval day, confirmation, instalments paid. */
const agreementOf = async (chatId: number, debt = 0) => asCase((await store.load(chatId))!.snapshot).debts[debt]!.agreement;

describe('reminders through the real bot, BullMQ and Redis', () => {
  it('offers once, schedules the call-back day at 09:00, and sends it with the call script one tap away', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h, counter } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    const offer = u.texts().find((t) => t.includes('要不要我到时候提醒你'));
    expect(offer).toBeDefined();
    expect(await inspect.list(u.id)).toEqual([]);
    await answerOffer(h, u, '好，提醒我');
    expect(listOf(h, u)).toContain('好，提醒开好了');
    expect(listOf(h, u)).toContain('1. 2026年11月25日：再联系平台');
    // The debt is open: a monthly bill check on the bill's day (the 10th, from 45 days overdue).
    expect(listOf(h, u)).toContain('2. 2026年12月10日：查一次账单');
    // The question of the call log is asked again, last, where the thumb is.
    expect(u.last()).toContain('已记下');
    expect(u.buttons().map((b) => b.text)).toContain('下一步：分期或延期 →');
    expect(await inspect.list(u.id)).toEqual([
      { chatId: u.id, kind: 'contact', debt: 0, date: '2026-11-25', at: sh('2026-11-25T09:00:00') },
      { chatId: u.id, kind: 'bill', debt: 0, date: '2026-12-10', at: sh('2026-12-10T09:00:00') },
      { chatId: u.id, kind: 'bill', debt: 0, date: '2027-01-10', at: sh('2027-01-10T09:00:00') },
    ]);
    expect(await remindersOf(u.id)).toMatchObject({ choice: 'on', since: '2026-11-24' });
    expect(await counter('xs_reminders_scheduled_total')).toBe(3);

    const before = u.texts().length;
    now = sh('2026-11-25T09:00:05');
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(before + 1);
    expect(u.last()).toContain('今天该再联系花呗（95188）了');
    expect(await counter('xs_reminders_sent_total')).toBe(1);
    await u.press('看通话提纲');
    expect(u.last()).toContain('95188');

    // Later steps never offer again.
    await u.send('/checklist');
    await u.press('8. 跟进');
    expect(u.texts().filter((t) => t.includes('要不要我到时候提醒你'))).toHaveLength(1);
  });

  it('declining the offer schedules nothing, and /reminders can turn them on later', async () => {
    const now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '不用了');
    expect(u.last()).toContain('好，不提醒');
    expect(await inspect.list(u.id)).toEqual([]);
    await u.send('/reminders');
    expect(listOf(h, u)).toContain('提醒现在是关着的');
    await pressIn(h, u, LIST, '打开提醒');
    expect((await inspect.list(u.id)).map((j) => j.kind)).toEqual(['contact', 'bill', 'bill']);
  });

  it('a job that comes due in quiet hours waits until 09:00', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h, counter } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '好，提醒我');
    const before = u.texts().length;
    now = sh('2026-11-25T22:30:00');
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(before);
    expect((await inspect.list(u.id))[0]).toEqual({ chatId: u.id, kind: 'contact', debt: 0, date: '2026-11-25', at: sh('2026-11-26T09:00:00') });
    expect(await counter('xs_reminders_quiet_hours_total')).toBe(1);

    now = sh('2026-11-26T09:00:01');
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(before + 1);
    expect(u.last()).toContain('你约好 2026年11月25日再联系');
  });

  it('quiet hours follow the time zone the person picks', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '好，提醒我');
    await pressIn(h, u, LIST, '改时区');
    await pressIn(h, u, '你现在在哪个时区', '纽约');
    expect(listOf(h, u)).toContain('好，时区改好了');
    expect(listOf(h, u)).toContain('提醒在纽约早上 9 点发出');
    expect(await remindersOf(u.id)).toMatchObject({ timeZone: 'America/New_York' });
    const contact = (await inspect.list(u.id)).find((j) => j.kind === 'contact');
    expect(contact).toEqual({ chatId: u.id, kind: 'contact', debt: 0, date: '2026-11-25', at: Date.parse('2026-11-25T09:00:00-05:00') });

    // 22:00 in Shanghai is 09:00 in New York: it goes out.
    const before = u.texts().length;
    now = Date.parse('2026-11-25T09:00:05-05:00');
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(before + 1);
    expect(u.last()).toContain('今天该再联系');
  });

  it('a reminder speaks of the person\'s own day: 09:00 in Los Angeles is already tomorrow in China', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '好，提醒我');
    await pressIn(h, u, LIST, '改时区');
    await pressIn(h, u, '你现在在哪个时区', '洛杉矶');
    const contact = (await inspect.list(u.id)).find((j) => j.kind === 'contact');
    expect(contact).toMatchObject({ date: '2026-11-25', at: Date.parse('2026-11-25T09:00:00-08:00') });

    // 09:00 on the 25th in Los Angeles is 01:00 on the 26th in Shanghai: still the call-back day where the person is.
    const before = u.texts().length;
    now = Date.parse('2026-11-25T09:00:05-08:00');
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(before + 1);
    expect(u.last()).toContain('今天该再联系');
  });

  it('what is due on one day goes out as one message; "paid" updates what is left', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '12月7日');
    await answerOffer(h, u, '好，提醒我');
    await recordPlan(u, '12月10日');
    const jobs = await inspect.list(u.id);
    expect(jobs.filter((j) => j.date === '2026-12-07').map((j) => j.kind)).toEqual(['contact', 'instalment']);
    expect(await agreementOf(u.id)).toMatchObject({ approvedOn: '2026-11-24' });

    const before = u.texts().length;
    now = sh('2026-12-07T09:00:02');
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(before + 1);
    const message = u.last();
    expect(message).toContain('今天该再联系');
    expect(message).toContain('分期第 1/12 期，700 元，2026年12月10日到期（还有 3 天）。已经还了吗？');
    expect(u.buttons().map((b) => b.text)).toEqual(expect.arrayContaining(['✅ 已还', '⏳ 还没还', '😟 还不上了', '📞 看通话提纲']));

    await pressIn(h, u, '今天的提醒', '还没还');
    expect(u.texts().at(-1)).toContain('这一期 2026年12月10日到期，前一天我会再提醒你一次');
    await pressIn(h, u, '今天的提醒', '已还');
    expect(u.last()).toContain('第 1 期已还');
    expect(u.last()).toContain('还剩 11 期，共 7,700 元');
    expect(await agreementOf(u.id)).toMatchObject({ paid: 1 });
    await u.send('/reminders');
    expect(listOf(h, u)).toContain('分期：已还 1/12 期，还剩 11 期，共 7,700 元');
    // The 1-day reminder of the paid instalment is gone; the next instalment's are there.
    const dates = (await inspect.list(u.id)).map((j) => `${j.kind}:${j.date}`);
    expect(dates).not.toContain('instalment:2026-12-09');
    expect(dates).toContain('instalment:2027-01-07');
  });

  it('"can\'t pay" opens the plan step with advice', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '12月1日');
    await answerOffer(h, u, '好，提醒我');
    await recordPlan(u, '12月10日');
    now = sh('2026-12-07T10:00:00');
    await fire(u.id, now);
    await u.press('还不上了');
    const texts = u.texts().slice(-2).join('\n');
    expect(texts).toContain('在到期日之前');
    expect(texts).toContain('不要借新贷还旧贷');
    const stored = (await store.load(u.id))?.snapshot as { value: unknown };
    expect(stored.value).toEqual({ plan: 'approved' });
  });

  it('two bot processes schedule each job once and send the day’s message once', async () => {
    let now = sh('2026-11-24T12:00:00');
    const a = botProcess({ now: () => now });
    const b = botProcess({ now: () => now });
    const u = a.h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(a.h, u, '好，提醒我');
    const context = asCase((await store.load(u.id))!.snapshot);
    await b.reminders.service.reconcile(u.id, context, context, '2026-11-24', true);
    await a.reminders.service.reconcile(u.id, context, context, '2026-11-24', true);
    expect((await inspect.list(u.id)).map((j) => j.kind)).toEqual(['contact', 'bill', 'bill']);

    now = sh('2026-11-25T09:00:03');
    const sentBefore = a.h.calls.length + b.h.calls.length;
    await fire(u.id, now);
    const sent = [...a.h.calls, ...b.h.calls].slice(0).filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('今天的提醒'));
    expect(sent).toHaveLength(1);
    expect(a.h.calls.length + b.h.calls.length).toBe(sentBefore + 1);
  });

  it('/reminders lists with dates; one can be snoozed a week or cancelled, and all turned off', async () => {
    const now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '好，提醒我');
    const contact = async () => (await inspect.list(u.id)).filter((j) => j.kind === 'contact');
    await u.send('/reminders');
    expect(listOf(h, u)).toContain('1. 2026年11月25日：再联系平台');
    // A week from the reminder's own day (the 25th), not from today.
    await pressIn(h, u, LIST, '1 推迟1周');
    expect(listOf(h, u)).toContain('好，2026年12月2日再提醒你');
    expect(listOf(h, u)).toContain('1. 2026年12月2日：再联系平台');
    expect(await contact()).toEqual([{ chatId: u.id, kind: 'contact', debt: 0, date: '2026-12-02', at: sh('2026-12-02T09:00:00') }]);
    // Snoozing again moves it on from there.
    await pressIn(h, u, LIST, '1 推迟1天');
    expect((await contact()).map((j) => j.date)).toEqual(['2026-12-03']);
    await pressIn(h, u, LIST, '取消 1');
    expect(listOf(h, u)).toContain('这条提醒取消了');
    expect(await contact()).toEqual([]);
    expect((await inspect.list(u.id)).map((j) => j.kind)).toEqual(['bill', 'bill']);

    await recordPlan(u, '12月10日');
    await u.send('/reminders');
    await pressIn(h, u, LIST, '全部关掉');
    expect(u.texts().at(-1)).toContain('提醒已经全部关掉');
    expect(await inspect.list(u.id)).toEqual([]);
  });

  it('/delete removes every scheduled job, and the deletion message counts them; no Redis entry names the chat after it', async () => {
    const now = sh('2026-11-24T12:00:00');
    const { h, counter } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '12月7日');
    await answerOffer(h, u, '好，提醒我');
    await recordPlan(u, '12月10日');
    const jobs = (await inspect.list(u.id)).length;
    expect(jobs).toBeGreaterThan(2);
    await u.send('/delete');
    await u.press('确认删除');
    expect(u.last()).toContain(`另外取消了 ${jobs} 条已安排的提醒`);
    expect(await inspect.list(u.id)).toEqual([]);
    expect(await counter('xs_reminders_cancelled_total')).toBe(jobs);
    // Not the case, not a job, not the queue's index or its event stream.
    expect(await keysMentioning(redis.raw, String(u.id))).toEqual([]);
  });

  it('a job for a case deleted meanwhile sends nothing and creates nothing', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h, counter } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '好，提醒我');
    // The case goes (expiry, or a deletion on another path) while its job stays queued.
    await store.deleteAll(u.id, u.id);
    const before = h.calls.length;
    now = sh('2026-11-25T09:00:04');
    await fire(u.id, now);
    expect(h.calls.length).toBe(before);
    expect(await store.load(u.id)).toBeNull();
    expect(await counter('xs_reminders_sent_total')).toBe(0);
  });

  it('a 403 (the person blocked the bot) cancels the chat’s reminders and turns them off', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '好，提醒我');
    await recordPlan(u, '12月10日');
    expect((await inspect.list(u.id)).length).toBeGreaterThan(1);
    const telegram = h.bot.telegram as unknown as { callApi: (m: string, p: Record<string, unknown>) => Promise<unknown> };
    const real = telegram.callApi;
    telegram.callApi = async (method, payload) => {
      if (payload.chat_id === u.id) throw new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      return real(method, payload);
    };
    now = sh('2026-11-25T09:00:06');
    await fire(u.id, now);
    await sleep(100);
    expect(await inspect.list(u.id)).toEqual([]);
    expect(await remindersOf(u.id)).toMatchObject({ choice: 'off' });
    telegram.callApi = real;
  });
});

describe('the other reminders, through the real bot', () => {
  it('written confirmation not received 3 days after approval: the confirmation message is one tap away', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await logCall(u, '跳过');
    await recordPlan(u, '12月10日');
    await answerOffer(h, u, '好，提醒我');
    expect((await inspect.list(u.id)).filter((j) => j.kind === 'confirmation')).toEqual([
      { chatId: u.id, kind: 'confirmation', debt: 0, date: '2026-11-27', at: sh('2026-11-27T09:00:00') },
    ]);
    now = sh('2026-11-27T09:30:00');
    await fire(u.id, now);
    expect(u.last()).toContain('还没收到书面确认吗？你 2026年11月24日记下了谈好的方案');
    await u.press('请求书面确认的话');
    expect(h.calls.some((c) => c.method === 'sendDocument' && c.payload.chat_id === u.id)).toBe(true);
    expect(u.texts().some((t) => t.startsWith('关于花呗还款方案的书面确认请求'))).toBe(true);
    await pressIn(h, u, '还没收到书面确认', '已经收到了');
    expect(u.texts().at(-1)).toContain('书面确认已经收到');
    expect(await agreementOf(u.id)).toMatchObject({ confirmationReceived: true });
  });

  it('someone not overdue yet is reminded on the repayment day; a debt still open gets the monthly bill check', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await walk.toStepOneResult(u, { ...STEP_ONE, overdue: '12月9日' });
    await u.send('/reminders');
    await pressIn(h, u, LIST, '打开提醒');
    expect(listOf(h, u)).toContain('1. 2026年12月9日：还款日');
    expect(listOf(h, u)).toContain('2. 2027年1月9日：查一次账单');
    now = sh('2026-12-09T09:00:01');
    await fire(u.id, now);
    expect(u.last()).toContain('今天（2026年12月9日）是还款日');
    now = sh('2027-01-09T12:00:00');
    await fire(u.id, now);
    expect(u.last()).toContain('每月查一次账单');
    // The chain goes on: each month's check, when it runs, queues the one after next.
    expect((await inspect.list(u.id)).map((j) => `${j.kind}:${j.date}`)).toEqual(['bill:2027-02-09']);
    now = sh('2027-02-09T09:00:01');
    await fire(u.id, now);
    expect((await inspect.list(u.id)).map((j) => `${j.kind}:${j.date}`)).toEqual(['bill:2027-03-09']);
  });
});

describe('reminders on the in-process queue (no Redis for jobs)', () => {
  it('a reminder whose message Telegram could not take is delivered on a later run, once', async () => {
    let now = sh('2026-11-24T12:00:00');
    const clock = { now: () => now };
    const reminders = createReminders({ redis: null, clock, logger: createLogger('silent') });
    onTestFinished(() => reminders.close());
    const h = createBotHarness({ store, clock, reminders: reminders.service });
    reminders.start((job) => h.engine.remind(job));
    const u = h.user(++nextUser);
    await logCall(u, '明天');
    await answerOffer(h, u, '好，提醒我');

    const telegram = h.bot.telegram as unknown as { callApi: (m: string, p: Record<string, unknown>) => Promise<unknown> };
    const real = telegram.callApi;
    telegram.callApi = async (method, payload) => {
      if (payload.chat_id === u.id) throw new TelegramError({ error_code: 500, description: 'Internal Server Error' });
      return real(method, payload);
    };
    now = sh('2026-11-25T09:00:00');
    await reminders.memory!.runDue();
    expect(u.texts().filter((t) => t.includes('今天的提醒'))).toHaveLength(0);

    telegram.callApi = real;
    for (let i = 0; i < 3; i++) {
      now += 61_000;
      await reminders.memory!.runDue();
    }
    expect(u.texts().filter((t) => t.includes('今天的提醒'))).toHaveLength(1);
    expect(u.texts().find((t) => t.includes('今天的提醒'))).toContain('今天该再联系花呗（95188）了');
    expect((await reminders.memory!.list(u.id)).map((j) => j.kind)).toEqual(['bill', 'bill']);
  });
});

describe('reminders for every debt, through the real bot', () => {
  /** Step 3 for the debt being worked on, from the checklist: submitted, approved, the plan recorded. */
  async function approvePlan(u: User, monthly: string, months: string) {
    await u.send('/checklist');
    await u.press('分期延期');
    await walk.toApprovedPlan(u, { monthly, months, firstDue: '12月10日' });
  }

  it('two debts, each with an approved plan: each gets its own instalment reminders, and "paid" counts for its own debt', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await walk.toStepOneResult(u, STEP_ONE);
    await walk.addDebt(u, { product: '借呗', amount: '3000', overdue: '20天', rate: null });
    await approvePlan(u, '200', '12期');
    await answerOffer(h, u, '好，提醒我');
    await u.send('/checklist');
    await u.press('1. 花呗');
    await approvePlan(u, '300', '6期');

    // Each debt's instalment due on the 10th has its own jobs, the second debt's ids carrying its id.
    const due7 = (await inspect.list(u.id)).filter((j) => j.kind === 'instalment' && j.date === '2026-12-07');
    expect(due7.map((j) => [j.debt, jobId(j)])).toEqual([
      [0, `${u.id}_instalment_2026-12-07`],
      [1, `${u.id}_instalment_2026-12-07_1`],
    ]);

    // One message for the day, each instalment under its lender's name.
    const before = u.texts().length;
    now = sh('2026-12-07T09:00:02');
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(before + 1);
    const message = u.last();
    expect(message).toContain('花呗这一笔：\n分期第 1/6 期，300 元，2026年12月10日到期（还有 3 天）');
    expect(message).toContain('借呗这一笔：\n分期第 1/12 期，200 元，2026年12月10日到期（还有 3 天）');

    // "Paid" under 借呗 counts for 借呗 only.
    const paid = (newest(h, u, '今天的提醒')?.payload.reply_markup?.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>).filter((b) =>
      b.text.includes('已还'),
    );
    expect(paid).toHaveLength(2);
    await u.pressData(paid[1]!.callback_data);
    expect(u.last()).toContain('还剩 11 期，共 2,200 元');
    expect((await agreementOf(u.id, 0)).paid).toBe(0);
    expect((await agreementOf(u.id, 1)).paid).toBe(1);

    // /reminders lists them by lender, each with its own plan progress.
    await u.send('/reminders');
    const list = listOf(h, u);
    expect(list).toContain('花呗\n分期：已还 0/6 期，还剩 6 期，共 1,800 元');
    expect(list).toContain('借呗\n分期：已还 1/12 期，还剩 11 期，共 2,200 元');
    expect(list.indexOf('花呗\n')).toBeLessThan(list.indexOf('借呗\n'));

    // Removing 花呗: its reminders go; 借呗, now first in the list, keeps its id, its jobs and what was said and paid.
    await u.send('/checklist');
    await u.press('1. 花呗');
    await u.press('我的资料');
    await u.press('删掉这笔');
    await u.press('确定删掉');
    const jobs = await inspect.list(u.id);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.debt === 1)).toBe(true);
    // 借呗's first instalment is paid: its next reminders are the second instalment's.
    expect(jobs.map((j) => `${j.kind}:${j.date}`)).not.toContain('instalment:2026-12-09');
    expect(jobs.map((j) => `${j.kind}:${j.date}`)).toContain('instalment:2027-01-07');
    expect(await agreementOf(u.id, 0)).toMatchObject({ paid: 1 });
    // What was said for 借呗 (its instalment, a late bill check) is kept under its id; 花呗's is gone.
    expect((await remindersOf(u.id))?.sent).toEqual(['bill:2026-12-04:1', 'instalment:2026-12-07:1']);

    // Two days on, nothing is said: 花呗's reminders went with it, and 借呗's first instalment is paid.
    now = sh('2026-12-09T09:00:02');
    const quiet = u.texts().length;
    await fire(u.id, now);
    expect(u.texts()).toHaveLength(quiet);
  });

  it('three debts: after the middle one is removed, "paid" on an old reminder message counts for the debt it was about', async () => {
    let now = sh('2026-11-24T12:00:00');
    const { h } = botProcess({ now: () => now });
    const u = h.user(++nextUser);
    await walk.toStepOneResult(u, STEP_ONE);
    await walk.addDebt(u, { product: '借呗', amount: '3000', overdue: '20天', rate: null });
    await walk.addDebt(u, { product: '信用卡', bank: '招商银行', amount: '8000', overdue: '20天', rate: '0.05%' });
    // The card is worked on first, then 借呗, then 花呗: each gets an approved plan with its first instalment on 12-10.
    await approvePlan(u, '250', '12期');
    await answerOffer(h, u, '好，提醒我');
    await u.send('/checklist');
    await u.press('2. 借呗');
    await approvePlan(u, '200', '12期');
    await u.send('/checklist');
    await u.press('1. 花呗');
    await approvePlan(u, '300', '6期');
    const stored = async () => asCase((await store.load(u.id))!.snapshot);
    expect((await stored()).debts.map((d) => [d.product, d.id])).toEqual([
      ['huabei', 0],
      ['jiebei', 1],
      ['credit_card', 2],
    ]);

    // One message for the three instalments, a "paid" button under each, in the order of the list.
    now = sh('2026-12-07T09:00:02');
    await fire(u.id, now);
    expect(u.last()).toContain('招商银行信用卡这一笔：\n分期第 1/12 期，250 元');
    const paid = (newest(h, u, '今天的提醒')?.payload.reply_markup?.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>).filter((b) =>
      b.text.includes('已还'),
    );
    expect(paid).toHaveLength(3);
    const [, jiebeiPaid, cardPaid] = paid.map((b) => b.callback_data);

    // 借呗 removed: its jobs are cancelled; the card is second in the list now, its jobs unchanged under its id.
    const cardJobs = (await inspect.list(u.id)).filter((j) => j.debt === 2).map(jobId);
    expect(cardJobs.length).toBeGreaterThan(0);
    await u.send('/checklist');
    await u.press('2. 借呗');
    await u.press('我的资料');
    await u.press('删掉这笔');
    await u.press('确定删掉');
    const jobs = await inspect.list(u.id);
    expect(jobs.some((j) => j.debt === 1)).toBe(false);
    expect(jobs.filter((j) => j.debt === 2).map(jobId)).toEqual(cardJobs);
    expect((await stored()).debts.map((d) => [d.product, d.id])).toEqual([
      ['huabei', 0],
      ['credit_card', 2],
    ]);

    // "Paid" under the card on the old message counts for the card, though it is second in the list now.
    await u.pressData(cardPaid!);
    expect(u.last()).toContain('第 1 期已还');
    expect(u.last()).toContain('还剩 11 期，共 2,750 元');
    expect((await stored()).debts.map((d) => [d.product, d.agreement.paid])).toEqual([
      ['huabei', 0],
      ['credit_card', 1],
    ]);

    // "Paid" under 借呗 is answered kindly and changes nothing stored.
    const before = (await store.load(u.id))!.snapshot;
    await u.pressData(jiebeiPaid!);
    expect(u.last()).toContain('这笔欠款已经从你的清单里删掉了');
    expect((await store.load(u.id))!.snapshot).toEqual(before);
    expect((await stored()).debts.map((d) => d.agreement.paid)).toEqual([0, 1]);
  });
});
