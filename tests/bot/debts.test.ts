import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../flows/case.js';
import { fromStored } from '../../flows/persistence.js';
import { createBotHarness } from '../support/bot-harness.js';
import { asCase, asLender } from '../support/stored.js';
import { walk } from '../support/walks.js';

/** A person behind on 花呗, 借呗 and a card: every debt on the checklist, each with what it costs a day. */
async function threeDebts(id: number) {
  const h = createBotHarness();
  const u = h.user(id, 'zh-hans');
  await walk.toStepOneResult(u, { product: '花呗', amount: '5500', overdue: '45天', cause: '失业', since: '2026年8月', income: '6000', essentials: '3500', otherDebts: '0' });
  expect(u.last()).toContain('还有别的欠款吗');
  // No rate given: its charge a day stays unknown, and says why.
  await walk.addDebt(u, { product: '借呗', amount: '12000', overdue: '30天', rate: null });
  expect(u.texts().at(-2)).toContain('你现在的情况');
  await walk.addDebt(u, { product: '信用卡', bank: '招商银行', amount: '8000', overdue: '20天', rate: '0.05%' });
  return { h, u };
}

describe('the checklist with several debts', () => {
  it('lists every debt with its amount, days overdue and charge a day, the totals, and which one the steps are about', async () => {
    const { u } = await threeDebts(81_001);
    await u.send('/checklist');
    const hub = u.last();
    expect(hub).toContain('你的欠款（3 笔，一共 25,500 元）');
    expect(hub).toContain('1. 花呗 · 5,500 元 · 逾期 45 天 · 每天约 2.75 元');
    expect(hub).toContain('2. 借呗 · 12,000 元 · 逾期 30 天 · 每天多少：还不知道，要看合同或账单上的日利率');
    expect(hub).toContain('▶ 3. 招商银行信用卡 · 8,000 元 · 逾期 20 天 · 每天约 4 元');
    expect(hub).toContain('合计每天约 6.75 元');
    expect(hub).toContain('另有 1 笔每天多少还不知道');
    expect(hub).toContain('下面的步骤现在按第 3 笔（招商银行信用卡）来');
  });

  it('puts them in order, each with its reason, and shares what can be spared in proportion, to the fen', async () => {
    const { u } = await threeDebts(81_004);
    await u.send('/checklist');
    const hub = u.last();
    expect(hub).toContain('先还哪笔、每月怎么分（每月能拿出 2,500 元，按欠款比例分给各家）');
    // 2,500 × 8,000 / 25,500, × 5,500 / 25,500 and × 12,000 / 25,500; the odd fen to the largest remainder.
    expect(hub).toContain('1. 招商银行信用卡：每月 784.31 元。每天都在加收费用，越拖越多。');
    expect(hub).toContain('2. 花呗：每月 539.22 元。每天都在加收费用，越拖越多。');
    expect(hub).toContain('3. 借呗：每月 1,176.47 元。按欠款比例还，先稳住。');
    expect(hub).toContain('别为了还旧债去借新的网贷或套现');
    // Where a lender's minimum is set, until one is.
    expect(hub).toContain('在「我的资料」里选这一家，点「✏️ 每月最低」');
  });

  it('works on the debt picked on the checklist', async () => {
    const { h, u } = await threeDebts(81_002);
    await u.send('/checklist');
    await u.press('1. 花呗');
    expect(u.last()).toContain('下面的步骤现在按第 1 笔（花呗）来');
    await u.press('联系平台');
    expect(u.last()).toContain('花呗');
    const stored = await h.store.load(u.id);
    expect((stored?.snapshot as { context: { current: number } }).context.current).toBe(0);
  });

  it('keeps an old checklist\'s debt buttons on their lender after the middle debt is removed', async () => {
    const { h, u } = await threeDebts(81_006);
    await u.send('/checklist');
    const old = (label: string) => u.findButton(label)!.callback_data;
    const [jiebei, card] = [old('2. 借呗'), old('3. 招商银行信用卡')];
    await u.press('2. 借呗');
    await u.press('我的资料');
    await u.press('删掉这笔');
    await u.press('确定删掉');
    const stored = async () => (await h.store.load(u.id))!.snapshot;
    expect(asCase(await stored()).debts.map((d) => [d.id, d.product])).toEqual([
      [0, 'huabei'],
      [2, 'credit_card'],
    ]);

    // The old message's third button is still the card, now second in the list.
    await u.pressData(card);
    expect(u.last()).toContain('下面的步骤现在按第 2 笔（招商银行信用卡）来');
    expect(asCase(await stored()).current).toBe(1);
    await u.press('联系平台');
    expect(u.last()).toContain('信用卡');

    // The removed debt's button is answered kindly and changes nothing stored.
    const before = await stored();
    const sent = u.texts().length;
    await u.pressData(jiebei);
    expect(u.texts().slice(sent).join('\n')).toContain('这笔欠款已经删掉了，下面是最新的清单');
    expect(await stored()).toEqual(before);

    // A button from before debts had ids named a place in the list: out of date, and nothing changes.
    await u.pressData('1~g~debt:1');
    expect(u.answers().at(-1)?.payload.text).toContain('过期');
    expect(await stored()).toEqual(before);
  });

  it('removes a debt from "My answers" only after asking', async () => {
    const { u } = await threeDebts(81_003);
    await u.send('/checklist');
    await u.press('我的资料');
    expect(u.last()).toContain('下面是第 3 笔（共 3 笔）的资料');
    await u.press('删掉这笔');
    expect(u.last()).toContain('确定删掉第 3 笔（招商银行信用卡）吗');
    await u.press('确定删掉');
    expect(u.last()).toContain('这笔欠款已经删掉了');
    await u.send('/checklist');
    expect(u.last()).toContain('（2 笔，一共 17,500 元）');
    expect(u.last()).not.toContain('招商银行');
  });

  it('gives each lender its own share: in the call script and in its statement, the shares adding up to what can be spared', async () => {
    const { h, u } = await threeDebts(81_005);
    const shares = { '花呗': '539.22 元', '借呗': '1,176.47 元', '招商银行信用卡': '784.31 元' };
    const statements: string[] = [];
    for (const [n, [name, share]] of Object.entries(shares).entries()) {
      await u.send('/checklist');
      await u.press(`${n + 1}. ${name}`);
      await u.press('联系平台');
      expect(u.last()).toContain(`我算过了，现在每个月一共最多能拿出 2,500 元，要分给 3 笔欠款，按欠款比例给你们的是 ${share}。`);
      // Each lender's letter gets its own review and request; name and phone are asked once.
      if (n === 0) await walk.writeStatement(u, '分期');
      else await walk.writeAnotherStatement(u, '分期');
      statements.push(u.texts().find((t, i, all) => t.startsWith('还款困难情况说明') && all.slice(i + 1).every((x) => !x.startsWith('还款困难情况说明')))!);
      // A bank (the card) is 贵行 all through its letter, anyone else 贵司.
      const you = name.endsWith('信用卡') ? '贵行' : '贵司';
      expect(statements.at(-1)).toContain(`按欠款金额比例，${you}所占份额为每月约 ${share}`);
      expect(statements.at(-1)).not.toContain(you === '贵行' ? '贵司' : '贵行');
    }
    expect(new Set(statements).size).toBe(3);
    // What the three letters ask for adds up to what can be spared, to the fen: nothing lost or added by rounding.
    const asked = statements.map((t) => Math.round(Number(/按欠款金额比例，贵[司行]所占份额为每月约 ([\d,.]+) 元/.exec(t)![1]!.replace(/,/g, '')) * 100));
    expect(asked.reduce((a, b) => a + b, 0)).toBe(250_000);
    expect(h.calls.filter((c) => c.method === 'sendDocument')).toHaveLength(3);
    // The checklist counts the progress of each debt on its own.
    await u.send('/checklist');
    expect(u.last().match(/└ [^\n]*困难说明已写/g)).toHaveLength(3);
  });

  it('never asks a lender for more than it is owed: a debt one month pays off is said to be paid off in one go', async () => {
    const h = createBotHarness();
    const u = h.user(81_008, 'zh-hans');
    await walk.toStepOneResult(u, { product: '花呗', amount: '500', overdue: '10天', cause: '失业', since: '2026年8月', income: '6000', essentials: '3000', otherDebts: '0' });
    await walk.addDebt(u, { product: '借呗', amount: '1000', overdue: '10天', rate: null });
    await u.send('/checklist');
    expect(u.last()).toContain('1. 花呗：500 元，一个月就能一次还清。');
    expect(u.last()).not.toContain('1,000 元。');
    await u.press('1. 花呗');
    await u.press('联系平台');
    expect(u.last()).toContain('你们这笔 500 元，我可以一次还清');
  });

  it('warns when a lender\'s approved plan takes more than its share, though less than all that can be spared', async () => {
    const { h, u } = await threeDebts(81_007);
    await u.send('/checklist');
    await u.press('1. 花呗');
    await u.press('分期延期');
    await walk.toApprovedPlan(u, { monthly: '1000', months: '6', firstDue: null });
    expect(u.last()).toContain('每期 1,000 元，比按欠款比例分给这家的 539.22 元多');
    expect(u.last()).not.toContain('比你每月能拿出的');
    expect(asCase((await h.store.load(u.id))!.snapshot).debts[0]!.plan).toMatchObject({ status: 'approved', monthlyFen: 100_000, months: 6 });
  });

  it('writes one summary of every debt, the split and what was agreed, for the person and a legal-aid adviser', async () => {
    const { h, u } = await threeDebts(81_006);
    await u.send('/checklist');
    await u.press('1. 花呗');
    await u.press('分期延期');
    await walk.toApprovedPlan(u, { monthly: '539.22', months: '12', firstDue: null });
    // Exactly its share: nothing to warn of.
    expect(u.last()).not.toContain('分给这家的');
    await u.send('/checklist');
    // Its answers in and its plan approved: two of the eight steps done for 花呗.
    expect(u.last()).toContain('1. 花呗 · 5,500 元 · 逾期 45 天 · 每天约 2.75 元\n   └ 已完成 2/8 步，方案已通过');
    await u.press('我的资料');
    await u.press('欠款汇总');
    const letter = u.texts().find((t) => t.startsWith('欠款情况汇总'))!;
    expect(letter).toContain('截至 2026年11月24日，本人共有 3 笔欠款，合计 25,500 元。');
    // Each debt numbered once.
    expect(letter).not.toMatch(/\d\. \d\./);
    // Each lender with its legal name, amount, days overdue and what it costs a day.
    expect(letter).toContain('1. 花呗\n1. 出借方 / 收件方：重庆蚂蚁消费金融有限公司\n2. 欠款金额：5,500 元\n3. 逾期天数：约 45 天\n4. 每天费用：约 2.75 元（估算）');
    expect(letter).toContain('3. 招商银行信用卡\n1. 出借方 / 收件方：招商银行信用卡中心\n2. 欠款金额：8,000 元\n3. 逾期天数：约 20 天');
    expect(letter).toContain('每月可用于还款约 2,500 元，按各笔欠款金额的比例分配');
    // The order, each with why, and its part of the month.
    expect(letter).toContain('处理顺序及理由');
    expect(letter).toContain('借呗：按比例还款，保持稳定。每月约 1,176.47 元。');
    expect(letter).toContain('协商情况：已商定分 12 期偿还，每期 539.22 元，尚未取得书面确认');
    expect(letter).toContain('协商情况：尚未申请分期或延期');
    expect(letter).toContain('困难原因：');
    expect(letter).toContain('本人签名：＿＿＿＿＿＿＿＿');
    expect(letter).toContain('12348');
    expect(u.last()).toContain('上面是你的欠款汇总');
    const doc = h.calls.filter((c) => c.method === 'sendDocument').at(-1)!;
    expect(doc.payload.document.filename).toBe('欠款情况汇总-2026-11-24.docx');
  });
});

describe('a minimum per lender, chosen by the person', () => {
  /** From the checklist: "My answers" of debt `n`, then its monthly minimum. */
  async function setMinimum(u: Awaited<ReturnType<typeof threeDebts>>['u'], n: number, name: string, text: string) {
    await u.send('/checklist');
    await u.press(`${n}. ${name}`);
    await u.press('我的资料');
    await u.press('每月最低');
    await u.send(text);
  }

  it('a card’s minimum payment is met first; the rest is shared in proportion, to the fen, and the card’s script says it', async () => {
    const { u } = await threeDebts(81_101);
    await setMinimum(u, 3, '招商银行信用卡', '1000');
    expect(u.last()).toContain('每月最低：1,000 元');
    expect(u.last()).toContain('每月分给这一家：1,000 元（你定的最低额）');
    await u.send('/checklist');
    const hub = u.last();
    expect(hub).toContain('先保证你定的最低额，其余按欠款比例分');
    // 2,500 − 1,000 = 1,500 over 5,500 and 12,000: 471.43 and 1,028.57 (the odd fen to the larger remainder).
    expect(hub).toContain('招商银行信用卡：每月 1,000 元（你定的最低额）');
    expect(hub).toContain('花呗：每月 471.43 元');
    expect(hub).toContain('借呗：每月 1,028.57 元');
    expect(hub).not.toContain('点「✏️ 每月最低」');
    await u.press('3. 招商银行信用卡');
    await u.press('联系平台');
    expect(u.last()).toContain('要分给 3 笔欠款，其中每月给你们 1,000 元。');
    await u.send('/checklist');
    await u.press('1. 花呗');
    await u.press('联系平台');
    expect(u.last()).toContain('按欠款比例给你们的是 471.43 元。');
  });

  it('minimums more than can be spared: says so kindly, meets the smaller one, and names the lender to ask for an extension', async () => {
    const { u } = await threeDebts(81_102);
    await setMinimum(u, 3, '招商银行信用卡', '2000');
    await setMinimum(u, 2, '借呗', '1500');
    await u.send('/checklist');
    const hub = u.last();
    // 1,500 for 借呗 fits; 2,000 for the card does not: the 1,000 left goes to 花呗 and the card in proportion.
    expect(hub).toContain('借呗：每月 1,500 元（你定的最低额）');
    expect(hub).toContain('招商银行信用卡：每月 592.59 元，不够你定的最低 2,000 元');
    expect(hub).toContain('花呗：每月 407.41 元');
    expect(hub).toContain('你定的各家最低额一共 3,500 元，比每月能拿出的 2,500 元还多，没法都照顾到');
    expect(hub).toContain('招商银行信用卡：直接跟对方说明情况，申请延期');
    await u.press('3. 招商银行信用卡');
    await u.press('联系平台');
    expect(u.last()).toContain('能给你们的每月只有 592.59 元，达不到每月 2,000 元。');
    expect(u.last()).toContain('想申请延期还款几个月');
    await u.press('下一步：分期或延期');
    expect(u.last()).toContain('这一家现在只分得到 592.59 元');
  });

  it('refuses a minimum above the debt itself, or zero, kindly; and clears one', async () => {
    const { h, u } = await threeDebts(81_103);
    await setMinimum(u, 1, '花呗', '9000');
    expect(u.last()).toContain('比这一家的欠款总额还多');
    await u.send('0');
    expect(u.last()).toContain('0 就等于不设最低额');
    await u.send('300');
    expect(u.last()).toContain('每月最低：300 元');
    await u.press('每月最低');
    expect(u.last()).toContain('现在定的最低额是 300 元');
    await u.press('不设最低额');
    expect(u.last()).toContain('每月最低：不设（按欠款比例分）');
    const stored = (await h.store.load(u.id))?.snapshot as { context: { debts: unknown[][] } };
    // The minimum is stored at the end of each debt's row: none now.
    expect(stored.context.debts.map((row) => row[9])).toEqual([null, null, null]);
  });
});

describe('"another debt?" and each debt\'s own progress on the checklist', () => {
  it('someone with 花呗 and 借呗: asked after each debt, one call logged for 花呗 leaves 借呗\'s contact to do, evidence counts for both', async () => {
    const h = createBotHarness();
    const u = h.user(81_101, 'zh-hans');
    await walk.toStepOneResult(u, { product: '花呗', amount: '5500', overdue: '45天', cause: '失业', since: '2026年8月', income: '6000', essentials: '3500', otherDebts: '0' });
    // The result first, then the question as a message of its own.
    expect(u.texts().at(-2)).toContain('你现在的情况');
    expect(u.last()).toContain('还有别的欠款吗？');
    expect(u.buttons().map((b) => b.text)).toEqual(['➕ 再加一笔欠款', '没有了，继续 →', '✏️ 改答案', '📋 回到清单']);
    const firstQuestionNo = u.findButton('没有了，继续')!.callback_data;

    await u.press('再加一笔欠款');
    expect(u.last()).toContain('哪个产品逾期了');
    // A button of the question already answered is out of date, and changes nothing.
    await u.pressData(firstQuestionNo);
    expect(u.answers().at(-1)?.payload.text).toContain('这个按钮已经过期了');
    expect(asLender((await h.store.load(u.id))?.snapshot).value).toEqual({ status: 'product' });

    await u.press('借呗');
    await u.send('12000');
    await u.send('30天');
    await u.send('万分之四');
    // Only 借呗's own questions: then its result and the same question again.
    expect(u.texts().at(-2)).toContain('借呗');
    expect(u.last()).toContain('还有别的欠款吗？');
    await u.press('没有了，继续');
    let hub = u.last();
    expect(hub).toContain('你的协商清单');
    expect(hub).toContain('1. 花呗 · 5,500 元 · 逾期 45 天 · 每天约 2.75 元\n   └ 已完成 1/8 步');
    expect(hub).toContain('▶ 2. 借呗 · 12,000 元 · 逾期 30 天');
    expect(hub).toContain('下面的步骤现在按第 2 笔（借呗）来');

    // One call with 花呗's lender, and its contact step done.
    await u.press('1. 花呗');
    await u.press('联系平台');
    await walk.logAgreedCall(u, { agentId: 'A1234', promise: '可以分 12 期', next: '明天' });
    await u.press('这一步完成了');
    hub = u.last();
    expect(hub).toContain('已完成 2/8');
    expect(hub).toContain('✅ 1. 弄清逾期情况');
    expect(hub).toContain('✅ 2. 联系平台协商');
    expect(hub).toContain('👉 建议下一步：申请分期或延期');
    expect(hub).toContain('└ 已完成 2/8 步，联系过 1 次');

    // 借呗: its step 1 is done, its contact still to do, and suggested.
    await u.press('2. 借呗');
    hub = u.last();
    expect(hub).toContain('已完成 1/8');
    expect(hub).toContain('✅ 1. 弄清逾期情况');
    expect(hub).toContain('▶ 2. 联系平台协商');
    expect(hub).toContain('👉 建议下一步：联系平台协商');

    // Evidence is about the person, not a lender: done once, done for both.
    await u.press('5. 材料');
    await u.pressData(u.buttons()[0]!.callback_data);
    await u.press('这一步完成了');
    expect(u.last()).toContain('✅ 5. 准备证明材料');
    expect(u.last()).toContain('已完成 2/8');
    await u.press('1. 花呗');
    expect(u.last()).toContain('✅ 5. 准备证明材料');
    expect(u.last()).toContain('已完成 3/8');
    expect(u.last()).toContain('1. 花呗 · 5,500 元 · 逾期 45 天 · 每天约 2.75 元\n   └ 已完成 3/8 步，联系过 1 次');
    expect(u.last()).toContain('2. 借呗 · 12,000 元 · 逾期 30 天 · 每天最多约 7.20 元（按全部欠款估算；罚息只计在逾期那一期上）\n   └ 已完成 2/8 步');

    // Stored: each debt's own steps, the shared ones once.
    const c = fromStored(CASE_SCHEMA_VERSION, (await h.store.load(u.id))?.snapshot)!.context;
    expect(c.debts.map((d) => d.steps)).toEqual([
      { status: 'done', contact: 'done', plan: 'todo', statement: 'todo', track: 'todo' },
      { status: 'done', contact: 'todo', plan: 'todo', statement: 'todo', track: 'todo' },
    ]);
    expect(c.steps).toEqual({ snowball: 'todo', evidence: 'done', rights: 'todo' });
  });

  it('brings the checklist on screen up to date in place when a step of the picked debt moves', async () => {
    const { h, u } = await threeDebts(81_103);
    await u.send('/checklist');
    await u.press('1. 花呗');
    await u.press('3. 分期延期');
    const edit = h.calls.filter((c) => c.method === 'editMessageText').at(-1)!;
    expect(edit.payload.text).toContain('🔸 3. 申请分期或延期');
    expect(edit.payload.text).toContain('▶ 1. 花呗');
  });

  it('someone with one debt: one tap from the question to the call script', async () => {
    const h = createBotHarness();
    const u = h.user(81_102, 'zh-hans');
    await walk.toStepOneResult(u, { product: '花呗', amount: '5500', overdue: '45天', cause: '失业', since: '2026年8月', income: '6000', essentials: '3500', otherDebts: '0' });
    await u.press('没有了，继续');
    expect(u.last()).toContain('联系平台协商');
    expect(u.last()).toContain('95188');
    // Step 1 opened again shows its result, and does not ask again.
    await u.press('← 回第 1 步');
    expect(u.last()).toContain('你现在的情况');
    expect(u.last()).not.toContain('还有别的欠款吗');
    expect(u.buttons().map((b) => b.text)).toContain('➕ 再加一笔欠款');
  });
});
