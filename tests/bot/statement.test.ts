import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createBotHarness } from '../support/bot-harness.js';
import { asLender } from '../support/stored.js';
import { walk } from '../support/walks.js';

async function withFacts() {
  const h = createBotHarness();
  const u = h.user(900, 'zh-hans');
  await walk.toStepOneResult(u, { product: '花呗', amount: '5500', overdue: '45天', cause: '失业', since: '2026年8月', income: '3000', essentials: '2500', otherDebts: '0' });
  return { h, u };
}

const documents = (h: ReturnType<typeof createBotHarness>) => h.calls.filter((c) => c.method === 'sendDocument');

describe('step 6: the hardship statement in the chat', () => {
  it('says what is missing when the facts are not in yet', async () => {
    const h = createBotHarness();
    const u = h.user(901, 'zh-hans');
    await walk.toProductQuestion(u);
    await u.send('/statement');
    expect(u.last()).toContain('写说明至少要知道');
    expect(documents(h)).toHaveLength(0);
  });

  it('reviews the facts, takes the request and identity, then sends the text and a .docx', async () => {
    const { h, u } = await withFacts();
    await u.send('/statement');
    expect(u.last()).toContain('下面这些会写进说明里');
    expect(u.last()).toContain('5,500 元');
    await u.press('下一步：选择请求');
    await u.press('分期');
    expect(u.findButton('☑ 分期')).toBeDefined();
    await u.press('写说明');
    await u.send('王<b>芳</b>');
    await u.send('13812345678');
    expect(u.last()).toContain('只要后四位');
    await u.send('5678');
    await u.press('跳过');
    const texts = u.texts();
    const statement = texts.find((t) => t.startsWith('还款困难情况说明'))!;
    expect(statement).toContain('姓名：王<b>芳</b>');
    expect(statement).toContain('手机号后四位：5678');
    expect(statement).toContain('身份证/账户后四位：＿＿＿＿＿＿＿＿');
    expect(statement).not.toContain('13812345678');
    const raw = h.calls.find((c) => c.method === 'sendMessage' && String(c.payload.text).includes('还款困难情况说明</b>'))!;
    expect(raw.payload.text).toContain('王&lt;b&gt;芳&lt;/b&gt;');
    const [doc] = documents(h);
    expect(doc?.payload.document.filename).toMatch(/^还款困难情况说明-花呗-\d{4}-\d{2}-\d{2}\.docx$/);
    const { value } = await mammoth.extractRawText({ buffer: doc!.payload.document.source as Buffer });
    expect(value).toContain('王<b>芳</b>');
    expect(u.last()).toContain('《还款困难情况说明》写好了');
    const stored = (await h.store.load(900))?.snapshot as { context: Record<string, any> };
    expect(stored.context.statement).toEqual({ name: '王<b>芳</b>', phoneTail: '5678', identityAsked: true });
    // This lender's own requests at the end of its stored row (no name given before them; the account tail, not given,
    // is left off the end).
    expect(stored.context.debts[0].slice(-2)).toEqual([null, ['instalments']]);
    // Step 6 is done for this lender's debt.
    expect(asLender(stored).context.steps.statement).toBe('done');
  });

  it('regenerates from the current case with /statement after an edit', async () => {
    const { h, u } = await withFacts();
    await walk.writeStatement(u, '延期');
    await u.send('/checklist');
    await u.press('我的资料');
    await u.press('✏️ 逾期金额');
    await u.send('6000');
    await u.send('/statement');
    expect(documents(h)).toHaveLength(2);
    const last = u.texts().filter((t) => t.startsWith('还款困难情况说明')).at(-1)!;
    expect(last).toContain('6,000 元');
    expect(last).not.toContain('5,500 元');
  });

  it('writes the complaint from what the user describes, kept literally', async () => {
    const { u } = await withFacts();
    await walk.writeStatement(u, '延期');
    await u.press('写投诉信');
    await u.press('催收违规');
    await u.send('晚上11点打电话给我妈妈，说我欠钱不还');
    await u.press('今天');
    const complaint = u.texts().find((t) => t.startsWith('投诉信'))!;
    expect(complaint).toContain('晚上11点打电话给我妈妈，说我欠钱不还');
    expect(complaint).toContain('12378');
    expect(u.last()).toContain('投诉信写好了');
  });
});
