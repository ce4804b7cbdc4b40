import { describe, expect, it } from 'vitest';
import { createBotHarness } from '../support/bot-harness.js';
import { asLender } from '../support/stored.js';
import { walk } from '../support/walks.js';

async function intoStepOne(lang?: string) {
  const h = createBotHarness();
  const u = h.user(42, lang);
  await u.send('/start');
  return { h, u };
}

describe('the bot, through telegraf handleUpdate', () => {
  it('greets a Chinese-speaking user in Chinese, with what it is and is not', async () => {
    const { u } = await intoStepOne('zh-hans');
    expect(u.last()).toContain('协商助手');
    expect(u.last()).toContain('不是律师');
    expect(u.buttons().map((b) => b.text)).toEqual(['开始 →', '中文', 'English']);
  });

  it('greets an English-speaking user in English', async () => {
    const { u } = await intoStepOne('en');
    expect(u.last()).toContain("I'm not a lawyer");
  });

  it('asks for consent separately before the first financial question', async () => {
    const { u } = await intoStepOne('zh-hans');
    await u.press('开始');
    expect(u.last()).toContain('征得你的同意');
    expect(u.last()).toContain('90 天');
    await u.press('同意，开始');
    expect(u.last()).toContain('哪个产品逾期了');
    expect(u.answers().length).toBe(2);
  });

  it('takes a user from /start to the step-1 summary, and stores the answers', async () => {
    const h = createBotHarness();
    const u = h.user(42, 'zh-hans');
    await walk.toStepOneResult(u, { product: '花呗', amount: '5,500元', overdue: '45天', cause: '失业', since: '2026年8月', income: '3000', essentials: '2500', otherDebts: '0' });
    // The result, then "any other debt?" as a message of its own.
    const [summary = '', question] = u.texts().slice(-2);
    expect(question).toContain('还有别的欠款吗？');
    expect(u.buttons().map((b) => b.text)).toEqual(['➕ 再加一笔欠款', '没有了，继续 →', '✏️ 改答案', '📋 回到清单']);
    expect(summary).toContain('你现在的情况');
    expect(summary).toContain('5,500 元');
    expect(summary).toContain('已逾期约 45 天');
    expect(summary).toContain('每天约 2.75 元');
    expect(summary).toContain('以 App 里的账单和你的合同为准');
    expect(summary).toContain('每月大约能拿出 500 元');
    expect(summary).toContain('今天先做这一件事');
    const stored = await h.store.load(42);
    expect(asLender(stored?.snapshot)).toMatchObject({
      value: { status: 'another' },
      context: { facts: { product: 'huabei', amountFen: 550_000, dueDate: '2026-10-10' } },
    });
  });

  it('runs the same intake in English', async () => {
    const u = createBotHarness().user(42, 'en');
    await walk.toStepOneResult(u, { product: 'Huabei', amount: '12k', overdue: 'Oct 9', cause: /illness/i, since: null, income: '0', essentials: '1800', otherDebts: '0' }, 'en');
    const [summary, question] = u.texts().slice(-2);
    expect(summary).toContain('Where you stand');
    expect(summary).toContain('46 days overdue');
    expect(summary).toContain('short each month');
    expect(question).toContain('Do you owe anywhere else?');
  });

  it('re-asks kindly on junk and keeps the case where it was', async () => {
    const u = createBotHarness().user(42, 'zh-hans');
    await walk.toAmountQuestion(u);
    await u.send('asdf');
    expect(u.last()).toContain('没看懂是多少钱');
    expect(u.last()).toContain('现在还欠多少没还');
  });

  it('answers a press on an out-of-date button and changes nothing', async () => {
    const { h, u } = await intoStepOne('zh-hans');
    const startData = u.findButton('开始')!.callback_data;
    await u.press('开始');
    const before = await h.store.load(42);
    await u.pressData(startData);
    expect(u.answers().at(-1)?.payload.text).toContain('过期');
    expect(await h.store.load(42)).toEqual(before);
  });

  it('refuses forged button data kindly', async () => {
    const { u } = await intoStepOne('zh-hans');
    await u.pressData('1~g~open:../../etc');
    expect(u.answers().at(-1)?.payload.text).toContain('过期');
  });

  it('reads stickers and photos as things it cannot read, and asks the same question again', async () => {
    const { u } = await intoStepOne('zh-hans');
    await u.update({ message: { message_id: 9, date: 0, chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'U' }, sticker: { file_id: 'x' } } });
    expect(u.last()).toContain('只能读文字');
    expect(u.last()).toContain('协商助手');
  });

  it('tells a group politely that it works in private chats only, and keeps nothing', async () => {
    const h = createBotHarness();
    await h.bot.handleUpdate({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: -5, type: 'group', title: 'g' }, from: { id: 3, is_bot: false, first_name: 'x' }, text: '/start' },
    } as never);
    expect(h.calls.at(-1)?.payload.text).toContain('私聊');
    expect(await h.store.load(-5)).toBeNull();
  });

  it('drops a repeated update (same update_id) without answering twice', async () => {
    const h = createBotHarness();
    const update = { update_id: 77, message: { message_id: 1, date: 0, chat: { id: 9, type: 'private' }, from: { id: 9, is_bot: false, first_name: 'x' }, text: '/start' } };
    await h.bot.handleUpdate(update as never);
    await h.bot.handleUpdate(update as never);
    expect(h.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('switches language with /language and remembers it for the user', async () => {
    const { h, u } = await intoStepOne('zh-hans');
    await u.send('/language');
    await u.press('English');
    expect(u.last()).toContain("I'm not a lawyer");
    expect(await h.store.loadPrefs(42)).toEqual({ lang: 'en' });
  });

  it('shows the checklist with progress and edits it in place as the case moves', async () => {
    const h = createBotHarness();
    const u = h.user(42, 'zh-hans');
    await walk.toChecklistWithoutConsent(u);
    expect(u.last()).toContain('你的协商清单');
    expect(u.last()).toContain('已完成 0/8');
    await u.press('联系平台');
    const edits = h.calls.filter((c) => c.method === 'editMessageText');
    expect(edits).toHaveLength(1);
    expect(htmlFree(edits[0]!.payload.text)).toContain('🔸 2. 联系平台协商');
  });

  it('asks before deleting, then deletes everything and says so', async () => {
    const h = createBotHarness();
    const u = h.user(42, 'zh-hans');
    await walk.toProductQuestion(u);
    await u.send('/delete');
    expect(u.last()).toContain('删除后无法恢复');
    await u.press('确认删除');
    expect(u.last()).toContain('已删除');
    expect(await h.store.load(42)).toBeNull();
  });

  it('/help and /privacy answer and then repeat the current question', async () => {
    const { u } = await intoStepOne('zh-hans');
    await u.send('/privacy');
    expect(u.last()).toContain('隐私说明');
    expect(u.last()).toContain('协商助手');
    await u.send('/help');
    expect(u.last()).toContain('/checklist');
  });
});

const htmlFree = (s: string) => s.replace(/<[^>]+>/g, '');
