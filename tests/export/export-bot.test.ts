import { Registry } from 'prom-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CASE_SCHEMA_VERSION, type CaseContext } from '../../flows/case.js';
import { caseMachine } from '../../flows/machine.js';
import { toStored } from '../../flows/persistence.js';
import { LANGS } from '../../src/domain/catalog.js';
import { decimalToFen } from '../../src/export/export.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createReminders } from '../../src/reminders/index.js';
import type { CaseStore } from '../../src/store/case-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { registerCommands } from '../../src/telegram/bot.js';
import { createAppSessions } from '../../src/web/app-sessions.js';
import type { TelegramGateway } from '../../src/telegram/gateway.js';
import { createBotHarness, NOON_2026_11_24 } from '../support/bot-harness.js';
import { capturedLogs } from '../support/logs.js';
import { redisForThisFile } from '../support/redis-per-file.js';
import { walk, type StepOneAnswers } from '../support/walks.js';
import { fullCase } from './full-case.js';

const redis = redisForThisFile();
const DAY_MS = 86_400_000;
const STEP_ONE: StepOneAnswers = { product: '花呗', amount: '7,654.32', overdue: '37天', cause: '失业', since: '2026年8月', income: '8765', essentials: '4321', otherDebts: '0' };

type Harness = ReturnType<typeof createBotHarness>;
/** The files sent to a chat by /export, read back as text: the summary and the parsed JSON. */
function exported(h: Harness, chatId: number) {
  const docs = h.calls.filter((c) => c.method === 'sendDocument' && c.payload.chat_id === chatId).slice(-2);
  const file = (ext: string) => docs.find((d) => String(d.payload.document.filename).endsWith(ext));
  const text = (ext: string) => (file(ext)!.payload.document.source as Buffer).toString('utf8');
  return {
    count: docs.length,
    filenames: docs.map((d) => d.payload.document.filename as string),
    summary: () => text('.txt'),
    json: () => JSON.parse(text('.json')) as Record<string, any>,
  };
}

/** Puts a case straight into the store, as a turn would have committed it. */
async function storeCase(store: CaseStore, chatId: number, context: CaseContext) {
  const begun = await store.begin({ chatId, token: 'seed', updateId: -1, cachedVersion: 0, flood: null, sentVersion: null, more: false });
  if (begun.kind !== 'go') throw new Error(`expected the lease, got ${begun.kind}`);
  const snapshot = caseMachine.resolveState({ value: 'hub', context });
  await store.commit({ chatId, token: 'seed', expectedVersion: begun.version, updateId: -1, schema: CASE_SCHEMA_VERSION, snapshot: toStored(snapshot), owed: null });
  await store.finish({ chatId, token: 'seed', sentVersion: null, followUp: null, release: true });
}

describe('/export through the real bot', () => {
  it('sends a summary and a JSON copy in the person\'s language, and says when the case is deleted', async () => {
    const h = createBotHarness();
    const u = h.user(700_001, 'zh-hans');
    await walk.toStepOneResult(u, STEP_ONE);
    await u.send('/export');
    const files = exported(h, u.id);
    expect(files.filenames).toEqual(['xieshang-export-2026-11-24.txt', 'xieshang-export-2026-11-24.json']);
    expect(u.last()).toContain('这是截至 2026年11月24日 保存的关于你的全部信息');
    expect(u.last()).toContain('你的记录会在 2027年2月22日 自动删除');
    const summary = files.summary();
    expect(summary).toContain('第 1 笔（编号 0）：花呗');
    expect(summary).toContain('欠款金额：7,654.32 元');
    expect(summary).toContain('选择的日期：2026年11月24日');
    const json = files.json();
    expect(json).toMatchObject({ schemaVersion: 1, language: 'zh-CN', chatId: u.id, case: { deletesOn: '2027-02-22' } });
    expect(json.case.data.debts[0].amount).toEqual({ amount: '7654.32', currency: 'CNY' });
    expect(json.case.data.consent).toBe('given');
    expect(json.keptOutsideCase.find((k: { name: string }) => k.name === 'seen').updateIds.length).toBeGreaterThan(5);
  });

  it.each(LANGS)('exports a full case (8 debts, 20 calls each, reminders) whose amounts round-trip to the fen (%s)', async (lang) => {
    const store = createMemoryStore({ ttlSeconds: 90 * 86_400, now: () => NOON_2026_11_24 });
    const h = createBotHarness({ store });
    const u = h.user(700_100 + LANGS.indexOf(lang), lang === 'en' ? 'en' : 'zh-hans');
    const c = { ...fullCase(), lang };
    await storeCase(store, u.id, c);
    await u.send('/export');
    const json = exported(h, u.id).json();
    expect(json.language).toBe(lang);
    expect(json.case.data.debts).toHaveLength(8);
    json.case.data.debts.forEach((d: any, i: number) => {
      expect(decimalToFen(d.amount.amount)).toBe(c.debts[i]!.amountFen);
      expect(decimalToFen(d.plan.monthly.amount)).toBe(c.debts[i]!.plan.monthlyFen);
      expect(d.calls).toHaveLength(20);
    });
    expect(json.case.data.reminders).toMatchObject({ choice: 'on', timeZone: 'Europe/London' });
    const summary = exported(h, u.id).summary();
    expect(summary).toContain(lang === 'en' ? 'Debt 8 (number 14)' : '第 8 笔（编号 14）');
    expect(summary).toContain(lang === 'en' ? 'Name: 欧阳独特' : '称呼：欧阳独特');
  });

  it('does not extend the case\'s lifetime, and changes nothing in it', async () => {
    let now = NOON_2026_11_24;
    const clock = { now: () => now };
    const store = createMemoryStore({ ttlSeconds: 90 * 86_400, now: clock.now });
    const h = createBotHarness({ store, clock });
    const u = h.user(700_200, 'en');
    await walk.toStepOneResult(u, { ...STEP_ONE, product: 'Huabei', cause: 'job loss', since: null }, 'en');
    const before = await store.load(u.id);
    now += 10 * DAY_MS;
    await u.send('/export');
    expect(u.last()).toContain('your case is deleted on 22 Feb 2027');
    expect((await store.inventory(u.id, u.id)).caseTtlMs).toBe(80 * DAY_MS);
    expect(exported(h, u.id).json().case.deletesOn).toBe('2027-02-22');
    expect(await store.load(u.id)).toEqual(before);
    // A message of the person's own does move it.
    await u.send('/checklist');
    expect((await store.inventory(u.id, u.id)).caseTtlMs).toBe(90 * DAY_MS);
  });

  it('says no case is kept where there is none, and creates none', async () => {
    const store = createMemoryStore({ ttlSeconds: 90 * 86_400 });
    const h = createBotHarness({ store });
    const u = h.user(700_300, 'en');
    await u.send('/export');
    expect(u.last()).toContain('no case is kept for this chat');
    const json = exported(h, u.id).json();
    expect(json.case).toBeNull();
    expect(json.scheduledReminders).toEqual([]);
    expect(await store.load(u.id)).toBeNull();
  });

  it('sends a case it cannot read exactly as it is stored, rather than nothing', async () => {
    const store = createMemoryStore({ ttlSeconds: 90 * 86_400 });
    const h = createBotHarness({ store });
    const u = h.user(700_350, 'en');
    const damaged = { value: 'hub', context: { lang: 'en', facts: 'lost', debts: [['huabei', null, 550_000]] } };
    const begun = await store.begin({ chatId: u.id, token: 'seed', updateId: -1, cachedVersion: 0, flood: null, sentVersion: null, more: false });
    if (begun.kind !== 'go') throw new Error('expected the lease');
    await store.commit({ chatId: u.id, token: 'seed', expectedVersion: 0, updateId: -1, schema: CASE_SCHEMA_VERSION, snapshot: damaged, owed: null });
    await store.finish({ chatId: u.id, token: 'seed', sentVersion: null, followUp: null, release: true });
    await u.send('/export');
    const files = exported(h, u.id);
    expect(files.json().case).toMatchObject({ unreadable: true, asStored: damaged, storedSchemaVersion: CASE_SCHEMA_VERSION, deletesOn: '2027-02-22' });
    expect(files.summary()).toContain('it cannot be shown here. The JSON file holds it exactly as stored');
    expect(u.last()).toContain('your case is deleted on 22 Feb 2027');
    expect((await store.load(u.id))?.snapshot).toEqual(damaged);
  });

  it('sends one copy for an update delivered twice', async () => {
    const h = createBotHarness();
    const u = h.user(700_380, 'en');
    await u.send('/start');
    const update = { update_id: 9_000_001, message: { message_id: 1, date: 0, chat: { id: u.id, type: 'private', first_name: 'U' }, from: { id: u.id, is_bot: false, first_name: 'U', language_code: 'en' }, text: '/export' } };
    await h.bot.handleUpdate(update as never);
    await h.bot.handleUpdate(update as never);
    expect(h.calls.filter((c) => c.method === 'sendDocument')).toHaveLength(2);
    expect(u.texts().filter((t) => t.includes('Here is a copy of everything kept about you'))).toHaveLength(1);
  });

  it('works in private chats only: in a group it says so and sends nothing', async () => {
    const h = createBotHarness();
    await h.user(700_400).update({
      message: { message_id: 1, date: 0, chat: { id: -700_400, type: 'group', title: 'g' }, from: { id: 700_400, is_bot: false, first_name: 'U', language_code: 'en' }, text: '/export' },
    });
    expect(h.calls.filter((c) => c.method === 'sendDocument')).toEqual([]);
    expect(h.calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text)).toEqual([expect.stringContaining('I only work in private chats')]);
  });

  it('is counted and logged without its contents', async () => {
    const logs = capturedLogs('info');
    const metrics = createMetrics();
    const h = createBotHarness({ logger: logs.logger, metrics });
    const u = h.user(880_777_123, 'zh-hans');
    await walk.toStepOneResult(u, STEP_ONE);
    await u.send('/export');
    const body = (await metrics.render()).body;
    expect(body).toContain('xs_exports_total{kind="case"} 1');
    expect(logs.text()).toContain('"event":"export"');
    const exposed = logs.text().replace(/"(?:time|pid|ms|bytes)":\d+|"chat":"[0-9a-f]+"/g, '') + body.replace(/ [-+0-9.e]+(?: \d+)?$/gm, '');
    for (const secret of ['7,654.32', '7654', '8765', '4321', String(u.id), '花呗']) expect(exposed, secret).not.toContain(secret);
  });

  it('is named in /privacy, /help and the command menu in both languages', async () => {
    const h = createBotHarness();
    for (const [id, code, words] of [[700_501, 'zh-hans', '发 /export'], [700_502, 'en', 'send /export']] as const) {
      const u = h.user(id, code);
      await u.send('/privacy');
      expect(u.last()).toContain(words);
      await u.send('/help');
      expect(u.last()).toContain('/export');
    }
    const menus: Array<{ commands: Array<{ command: string; description: string }>; lang: string | undefined }> = [];
    const gateway = { setCommands: async (commands, lang) => void menus.push({ commands, lang }) } as Pick<TelegramGateway, 'setCommands'> as TelegramGateway;
    await registerCommands(gateway, createI18n({ ttlDays: 90 }), createLogger('silent'));
    expect(menus.map((m) => [m.lang, m.commands.find((c) => c.command === 'export')?.description])).toEqual([
      [undefined, '导出保存的关于我的全部信息'],
      ['en', 'A copy of everything kept about me'],
    ]);
  });
});

describe.each([
  ['memory', () => createMemoryStore({ ttlSeconds: 90 * 86_400 })],
  ['Redis', () => redis.replica().store],
] as Array<[string, () => CaseStore]>)('the Mini App\'s sessions in /export and /delete (%s store)', (_, make) => {
  it('lists the open ones, how many and when the last ends, and /delete ends them', async () => {
    const store = make();
    const h = createBotHarness({ store });
    const u = h.user(700_600, 'en');
    await walk.toStepOneResult(u, { ...STEP_ONE, product: 'Huabei', cause: 'job loss', since: null }, 'en');
    const sessions = createAppSessions(store);
    const tokens = [await sessions.open(u.id), await sessions.open(u.id)];
    await u.send('/export');
    const files = exported(h, u.id);
    const json = files.json();
    const listed = json.keptOutsideCase.find((k: { name: string }) => k.name === 'appSessions');
    expect(listed).toMatchObject({ present: true, entries: 2, lifetime: '30 minutes after the page was last used; /delete ends them at once' });
    const left = Date.parse(listed.expiresAt) - Date.parse(json.exportedAt);
    expect(left).toBeGreaterThan(29 * 60_000);
    expect(left).toBeLessThanOrEqual(30 * 60_000);
    expect(files.summary()).toContain('• Sign-ins to the "My case" page: each time you open "My case" from Telegram');
    expect(files.summary()).toMatch(/never kept\. Kept: 30 minutes after the page was last used; \/delete ends them at once\.\n {2}Now: 2 entries\./);

    await u.send('/delete');
    await u.press('Yes, delete');
    for (const token of tokens) expect(await sessions.resolve(token)).toBeNull();
    expect((await store.inventory(u.id, u.id)).records).toEqual([]);
  });
});

describe('/export, then /delete, on Redis with the reminder queue', () => {
  it('lists every scheduled reminder, and after /delete no key is left but the queue\'s own bookkeeping', async () => {
    const { store } = redis.replica();
    const url = redis.server.url;
    let now = Date.parse('2026-11-24T12:00:00+08:00');
    const clock = { now: () => now };
    const reminders = createReminders({ redis: { url, cluster: false }, clock, logger: createLogger('silent'), registry: new Registry() });
    onTestFinished(() => reminders.close());
    const h = createBotHarness({ store, clock, reminders: reminders.service, flood: null });
    const u = h.user(731_000_123, 'zh-hans');
    await walk.toStepOneResult(u, { ...STEP_ONE, amount: '5,500元' });
    await u.press('没有了，继续');
    await walk.logAgreedCall(u, { agentId: 'A1234', promise: '可以分 12 期', next: '明天' });
    // The offer comes before the question, which stays last: its button is pressed where it is.
    const offer = [...h.calls].reverse().find((c) => c.method === 'sendMessage' && String(c.payload.text).includes('要不要我到时候提醒你'));
    const yes = (offer?.payload.reply_markup?.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>).find((b) => b.text.includes('好，提醒我'));
    await u.pressData(yes!.callback_data);
    await u.send('/language');
    await u.pressData('1~g~lang:en');
    const jobs = await reminders.service.list(u.id);
    expect(jobs.length).toBeGreaterThanOrEqual(2);

    now += DAY_MS / 4;
    await u.send('/export');
    const files = exported(h, u.id);
    const json = files.json();
    expect(json.language).toBe('en');
    expect(json.scheduledReminders.map((j: { kind: string; date: string }) => `${j.kind} ${j.date}`)).toEqual(jobs.map((j) => `${j.kind} ${j.date}`));
    expect(files.summary()).toContain('1. 25 Nov 2026: contact the lender again (agreed call-back) (Huabei (花呗))');
    expect(json.keptOutsideCase.find((k: { name: string }) => k.name === 'prefs')).toMatchObject({ present: true, value: { lang: 'en' } });
    expect(json.keptOutsideCase.find((k: { name: string }) => k.name === 'reminderJobs')).toMatchObject({ present: true, entries: jobs.length });
    const seen = json.keptOutsideCase.find((k: { name: string }) => k.name === 'seen');
    expect(seen.present).toBe(true);
    // This store keeps a case one day after the person's last message.
    expect(Date.parse(seen.expiresAt)).toBeGreaterThan(now + DAY_MS - 60_000);
    expect(Date.parse(json.case.deletesAt)).toBeLessThanOrEqual(now + DAY_MS);

    await u.send('/delete');
    await u.press('Yes, delete');
    expect(u.last()).toContain('Deleted: 2 records');
    const left: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.raw.scan(cursor, 'COUNT', 1000);
      cursor = next;
      left.push(...batch);
    } while (cursor !== '0');
    // What is left belongs to the queue as a whole (its id counter, metadata, event log, the key that hides chat
    // numbers in job names): no job, no index, no chat.
    expect(left.filter((k) => !/^\{xs:reminders\}:(reminders:[a-z-]+|ref-key)$/.test(k))).toEqual([]);
    expect(left.filter((k) => k.includes(String(u.id)))).toEqual([]);
    expect(await reminders.service.list(u.id)).toEqual([]);
    expect(await store.inventory(u.id, u.id)).toEqual({ caseTtlMs: null, seenIds: [], prefs: null, records: [] });
    // The export's own messages, in the chat on the person's phone, are the last trace of it.
    expect(h.calls.filter((c) => c.method === 'sendDocument' && c.payload.chat_id === u.id)).toHaveLength(2);
  });
});
