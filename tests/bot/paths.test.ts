import { describe, expect, it } from 'vitest';
import { createBotHarness } from '../support/bot-harness.js';
import { asCase, asLender } from '../support/stored.js';
import { walk, type StepOneAnswers } from '../support/walks.js';

/** People the flow used to drop: not yet overdue, consent declined, banks and WeChat lenders, English readers. */

const huabeiDueSoon: StepOneAnswers = { product: '花呗', amount: '3000', overdue: '12月9日', cause: '收入减少', since: '上个月', income: '4000', essentials: '3500', otherDebts: '0' };

describe('not yet overdue', () => {
  it('zh: a coming due date is accepted, and the summary says what to do before it', async () => {
    const h = createBotHarness();
    const u = h.user(1, 'zh-hans');
    await walk.toStepOneResult(u, huabeiDueSoon);
    // The result, just before "any other debt?".
    const summary = u.texts().at(-2);
    expect(summary).toContain('还款日是 2026年12月9日，还有 15 天');
    expect(summary).toContain('还没逾期');
    expect(summary).toContain('还款日之前可以做的');
    expect(summary).toContain('账单分期');
    expect(summary).toContain('95188');
    expect(summary).toContain('宽限期');
    expect(summary).not.toContain('已逾期');
    expect(summary).not.toContain('到今天一共约');
    expect(asLender((await h.store.load(1))?.snapshot)).toMatchObject({ context: { facts: { dueDate: '2026-12-09' } } });
    await u.press('没有了，继续');
    expect(u.last()).toContain('2026年12月9日到期，到时候可能还不上');
    expect(u.last()).not.toContain('逾期了，已经');
    expect(u.last()).toContain('尽量不逾期');
    expect(u.last()).not.toContain('逾期费用');
  });

  it('en: the same, and "not yet overdue" asks for the coming date instead of bouncing', async () => {
    const h = createBotHarness();
    const u = h.user(2, 'en');
    await walk.toAmountQuestion(u, {}, 'en');
    await u.send('3000');
    await u.send('not yet overdue');
    expect(u.last()).toContain('send the coming due date');
    await u.send('Dec 9');
    await u.press(/income/i);
    await u.press('Skip');
    await u.send('4000');
    await u.send('3500');
    await u.send('0');
    const summary = u.texts().at(-2);
    expect(summary).toContain('due on 9 Dec 2026, in 15 days');
    expect(summary).toContain('Before the due date');
    expect(summary).toContain('grace period');
    expect(summary).not.toContain('days overdue');
  });

  it('zh: "还有5天到期" is a due date five days ahead', async () => {
    const h = createBotHarness();
    const u = h.user(3, 'zh-hans');
    await walk.toStepOneResult(u, { ...huabeiDueSoon, overdue: '还有5天到期' });
    expect(u.texts().at(-2)).toContain('还有 5 天');
    expect(asLender((await h.store.load(3))?.snapshot)).toMatchObject({ context: { facts: { dueDate: '2026-11-29' } } });
  });
});

describe('consent declined: the product is picked for that reply only', () => {
  it('zh: 微粒贷 shows WeChat and 95384, and nothing is kept', async () => {
    const h = createBotHarness();
    const u = h.user(10, 'zh-hans');
    await walk.toChecklistWithoutConsent(u);
    await u.press('联系平台');
    expect(u.last()).toContain('先点一下是哪个产品');
    expect(u.last()).toContain('只用在这一条消息里');
    await u.press('微粒贷');
    expect(u.last()).toContain('95384');
    expect(u.last()).toContain('公众号「微粒贷」');
    expect(u.last()).toContain('你好，我是微粒贷的用户');
    expect(u.last()).not.toContain('95188');
    await u.press('怎么找人工');
    expect(u.last()).toContain('怎么找到人工客服（微粒贷）');
    expect(u.last()).toContain('没有单独的 App');
    expect(u.last()).not.toContain('支付宝');
    const stored = asLender((await h.store.load(10))?.snapshot);
    expect(stored.value).toEqual({ contact: 'script' });
    expect(stored.context.consent).toBe('declined');
    expect(stored.context.facts.product).toBeNull();
  });

  it('en: a credit card asks for the bank, then gives its number', async () => {
    const h = createBotHarness();
    const u = h.user(11, 'en');
    await walk.toChecklistWithoutConsent(u, 'en');
    await u.press('Contact');
    await u.press('Credit card');
    expect(u.last()).toContain('Which bank issued the card');
    await u.press('China Merchants Bank');
    expect(u.last()).toContain('95555');
    await u.press('reach a person');
    expect(u.last()).toContain('How to reach a person (credit card)');
    expect(u.last()).toContain('back of your card');
    expect(u.last()).not.toContain('Alipay');
    expect(asLender((await h.store.load(11))?.snapshot).context.facts).toMatchObject({ product: null, bank: null });
  });

  it('with consent, a product picked on the contact screen is kept as the step-1 answer', async () => {
    const h = createBotHarness();
    const u = h.user(12, 'zh-hans');
    await walk.toContactStep(u);
    expect(u.last()).not.toContain('只用在这一条消息里');
    await u.press('京东金条');
    expect(u.last()).toContain('京东金融 App');
    expect(asLender((await h.store.load(12))?.snapshot).context.facts.product).toBe('jd_jintiao');
  });
});

describe('how to reach a person, per lender', () => {
  it.each([
    ['花呗', '怎么找到人工客服（支付宝）', '95188', '微信'],
    ['京东金条', '怎么找到人工客服（京东）', '京东金融 App', '支付宝'],
    ['美团月付', '怎么找到人工客服（美团）', '10107888', '支付宝'],
    ['其他平台', '怎么找到人工客服', '转人工', '支付宝'],
  ])('%s', async (product, title, has, hasNot) => {
    const h = createBotHarness();
    const u = h.user(20, 'zh-hans');
    await walk.toChecklistWithoutConsent(u);
    await u.press('联系平台');
    await u.press(product);
    await u.press('怎么找人工');
    expect(u.last()).toContain(title);
    expect(u.last()).toContain(has);
    expect(u.last()).toContain('一次没打通很正常');
    expect(u.last().split('一次没打通很正常')[0]).not.toContain(hasNot);
  });
});

describe('how to reach a person, per lender, in English', () => {
  it.each([
    ['Weilidai', 'How to reach a person (Weilidai)', '95384', 'Alipay'],
    ['JD Baitiao', 'How to reach a person (JD)', 'JD Finance app', 'Alipay'],
    ['Huabei', 'How to reach a person (Alipay)', '95188', 'WeChat'],
  ])('%s', async (product, title, has, hasNot) => {
    const h = createBotHarness();
    const u = h.user(21, 'en');
    await walk.toChecklistWithoutConsent(u, 'en');
    await u.press('Contact');
    await u.press(product);
    await u.press('reach a person');
    expect(u.last()).toContain(title);
    expect(u.last()).toContain(has);
    expect(u.last().split('Not getting through the first time')[0]).not.toContain(hasNot);
  });
});

describe('the call script in English comes with its Chinese text', () => {
  it('shows both, the Chinese one to read out', async () => {
    const h = createBotHarness();
    const u = h.user(30, 'en');
    await walk.toStepOneResult(u, { product: 'Huabei', amount: '3000', overdue: '20 days', cause: /income/i, since: null, income: '4000', essentials: '3500', otherDebts: '0' }, 'en');
    await u.press('No, go on');
    const screen = u.last();
    expect(screen).toContain("Hello, I'm a Huabei (花呗) customer.");
    expect(screen).toContain('In Chinese (the agent will speak Chinese');
    expect(screen).toContain('你好，我是花呗的用户。');
    expect(screen).toContain('我现在有 3,000 元逾期了，已经 20 天');
  });

  it('a Chinese reader sees the script once', async () => {
    const h = createBotHarness();
    const u = h.user(31, 'zh-hans');
    await walk.toStepOneResult(u, { ...huabeiDueSoon, overdue: '20天' });
    await u.press('没有了，继续');
    expect(u.last().match(/你好，我是花呗的用户/g)).toHaveLength(1);
  });
});

describe('the call log asks the outcome before the agent ID', () => {
  async function toOutcome(id: number) {
    const h = createBotHarness();
    const u = h.user(id, 'zh-hans');
    await walk.toContactStep(u);
    await walk.toCallOutcome(u);
    return { h, u };
  }

  it('"not reached" skips the agent ID and the promise', async () => {
    const { h, u } = await toOutcome(40);
    expect(u.last()).toContain('结果怎么样');
    await u.press('没联系上');
    expect(u.last()).toContain('下次什么时候再联系');
    await u.press('← 上一步');
    expect(u.last()).toContain('结果怎么样');
    await u.press('没联系上');
    await u.press('跳过');
    const stored = asLender((await h.store.load(40))?.snapshot);
    expect(stored.context.calls).toEqual([{ date: '2026-11-24', channel: 'phone', agentId: null, outcome: 'not_reached', promise: null, nextDate: null }]);
  });

  it('en: the outcome comes first, and "didn\'t get through" goes straight to the next contact', async () => {
    const h = createBotHarness();
    const u = h.user(42, 'en');
    await walk.toContactStep(u, 'en');
    await walk.toCallOutcome(u, 'en');
    expect(u.last()).toContain('How did it go?');
    await u.press("Didn't get through");
    expect(u.last()).toContain('When is the next contact?');
    await u.send('tomorrow');
    const stored = asLender((await h.store.load(42))?.snapshot);
    expect(stored.context.calls).toEqual([{ date: '2026-11-24', channel: 'phone', agentId: null, outcome: 'not_reached', promise: null, nextDate: '2026-11-25' }]);
  });

  it('a reached agent is asked for the ID next, and back returns to the outcome', async () => {
    const { h, u } = await toOutcome(41);
    await u.press('说会回电');
    expect(u.last()).toContain('工号');
    await u.press('← 上一步');
    expect(u.last()).toContain('结果怎么样');
    await u.press('说会回电');
    await u.send('B7788');
    expect(u.last()).toContain('对方答应了什么');
    await u.press('跳过');
    await u.send('明天');
    const stored = asLender((await h.store.load(41))?.snapshot);
    expect(stored.context.calls).toEqual([{ date: '2026-11-24', channel: 'phone', agentId: 'B7788', outcome: 'callback', promise: null, nextDate: '2026-11-25' }]);
  });
});

describe('a way back to where the person came from', () => {
  it('zh: from the step-1 summary into step 2 and back', async () => {
    const h = createBotHarness();
    const u = h.user(50, 'zh-hans');
    await walk.toStepOneResult(u, { ...huabeiDueSoon, overdue: '20天' });
    await u.press('没有了，继续');
    expect(u.buttons().map((b) => b.text)).toContain('← 回第 1 步');
    await u.press('← 回第 1 步');
    expect(u.last()).toContain('你现在的情况');
    expect(asCase((await h.store.load(50))?.snapshot).cameFrom).toBeNull();
    // "My answers" opened from the summary leads back to it, also after an answer is edited there.
    await u.press('改答案');
    await u.press('✏️ 逾期金额');
    await u.send('3500');
    expect(u.last()).toContain('我的资料');
    await u.press('← 回第 1 步');
    expect(u.last()).toContain('3,500 元');
    expect(u.last()).toContain('你现在的情况');
  });

  it('en: step 5 reached from step 4 offers the way back to step 4; opened from the checklist it does not', async () => {
    const h = createBotHarness();
    const u = h.user(51, 'en');
    await walk.toChecklistWithoutConsent(u, 'en');
    await u.press('Snowball');
    await u.press('Skip for now');
    expect(u.last()).toContain('Gather evidence');
    expect(u.buttons().map((b) => b.text)).toContain('← Back to step 4');
    await u.press('← Back to step 4');
    expect(u.last()).toContain('Stop the snowball');
    await u.send('/checklist');
    await u.press('Evidence');
    expect(u.buttons().map((b) => b.text).join('|')).not.toContain('Back to step');
  });
});
