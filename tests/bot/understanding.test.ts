import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createBotHarness } from '../support/bot-harness.js';
import { asLender } from '../support/stored.js';
import { walk } from '../support/walks.js';

/**
 * What a person means, read from their own words in the running bot: numbers with their units, an amount hard to
 * believe asked back before it is kept, despair answered in the language it was written in, a cause and its time
 * said in one sentence, "nothing else" closing a list.
 */
const PERSON = { product: '花呗', amount: '5000', overdue: '10天', cause: '失业', since: '上个月', income: '3000', essentials: '2000', otherDebts: null };

describe('numbers are read with their units', () => {
  it('"欠了3个月了" at the amount question is a duration: named back, nothing kept, the question asked again', async () => {
    const h = createBotHarness();
    const u = h.user(91_001, 'zh-hans');
    await walk.toAmountQuestion(u);
    await u.send('欠了3个月了');
    expect(u.last()).toContain('说的是时间，不是钱');
    const stored = asLender((await h.store.load(u.id))?.snapshot);
    expect(stored).toMatchObject({ value: { status: 'amount' }, context: { facts: { amountFen: null } } });
    await u.send('大概一万二吧');
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.amountFen).toBe(1_200_000);
  });

  it('"逾期了300" at the amount question is asked back (days or money?); at the overdue question it is days', async () => {
    const h = createBotHarness();
    const u = h.user(91_009, 'zh-hans');
    await walk.toAmountQuestion(u);
    await u.send('花呗逾期了300');
    expect(u.last()).toContain('是逾期的天数，还是金额');
    expect(asLender((await h.store.load(u.id))?.snapshot)).toMatchObject({ value: { status: 'amount' }, context: { facts: { amountFen: null } } });
    await u.send('300元');
    expect(asLender((await h.store.load(u.id))?.snapshot)).toMatchObject({ value: { status: 'overdue' }, context: { facts: { amountFen: 30_000 } } });
    await u.send('逾期了40');
    const stored = asLender((await h.store.load(u.id))?.snapshot);
    expect(stored.value).not.toEqual({ status: 'overdue' });
    // The harness's day is 2026-11-24: forty days before it.
    expect(stored.context.facts.dueDate).toBe('2026-10-15');
  });

  it('"同意延期三个月再还" at the plan\'s monthly amount is an extension, never 3 元 an instalment', async () => {
    const h = createBotHarness();
    const u = h.user(91_002, 'zh-hans');
    await walk.toAgreedPlan(u, PERSON);
    await u.send('同意延期三个月再还');
    expect(u.last()).toContain('延期多久，不是金额');
    const plan = asLender((await h.store.load(u.id))?.snapshot).context.plan;
    expect(plan.monthlyFen).toBeNull();
    await u.send('一千八一个月');
    expect(asLender((await h.store.load(u.id))?.snapshot).context.plan.monthlyFen).toBe(180_000);
  });

  it('an amount hard to believe is asked back with what was likely meant, and kept only as picked', async () => {
    const h = createBotHarness();
    const u = h.user(91_003, 'zh-hans');
    await walk.toAmountQuestion(u);
    await u.send('3');
    expect(u.last()).toContain('比一般的欠款小很多');
    expect(u.buttons().map((b) => b.text)).toEqual(expect.arrayContaining(['是 3 元', '3,000 元', '30,000 元']));
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.amountFen).toBeNull();
    await u.press('3,000 元');
    const stored = asLender((await h.store.load(u.id))?.snapshot);
    expect(stored.context.facts.amountFen).toBe(300_000);
    expect(stored.value).toEqual({ status: 'overdue' });
    expect(stored.context.pendingAnswer).toBeNull();
  });

  it('a typed "是" keeps the amount as typed; a stale pick from the old message changes nothing', async () => {
    const h = createBotHarness();
    const u = h.user(91_004, 'zh-hans');
    await walk.toAmountQuestion(u);
    await u.send('8');
    const old = u.findButton('80,000 元')!;
    await u.send('是');
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.amountFen).toBe(800);
    await u.pressData(old.callback_data);
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.amountFen).toBe(800);
  });

  it('a range ("三四千吧") is asked back with both ends as buttons, and the one tapped is kept', async () => {
    const h = createBotHarness();
    const u = h.user(91_007, 'zh-hans');
    await walk.toAmountQuestion(u);
    await u.send('八九万吧');
    expect(u.last()).toContain('在 80,000 元 到 90,000 元 之间');
    expect(u.buttons().map((b) => b.text)).toEqual(expect.arrayContaining(['是 80,000 元', '90,000 元']));
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.amountFen).toBeNull();
    await u.press('90,000 元');
    const stored = asLender((await h.store.load(u.id))?.snapshot);
    expect(stored.context.facts.amountFen).toBe(9_000_000);
    expect(stored.value).toEqual({ status: 'overdue' });
  });

  it('an instalment under 1 % of the debt is asked back in the language of the chat', async () => {
    const h = createBotHarness();
    const u = h.user(91_005, 'en');
    await walk.toStepOneResult(u, { ...PERSON, product: 'Huabei', cause: 'job loss', since: 'last month' }, 'en');
    await u.send('/checklist');
    await u.press('3. Plan');
    await u.press("I've applied");
    await u.press('Approved');
    await u.send('3');
    expect(u.last()).toContain('less than one hundredth of the ¥5,000 owed');
    expect(u.buttons().map((b) => b.text)).toEqual(expect.arrayContaining(['Yes, ¥3', '¥3,000', '¥300']));
  });
});

describe('despair is answered first, in the language it was written in as well', () => {
  it('English words of despair in a Chinese chat get the crisis reply in both languages, then the question', async () => {
    const h = createBotHarness();
    const u = h.user(91_006, 'zh-hans');
    await walk.toAmountQuestion(u);
    const before = u.texts().length;
    await u.send('honestly i just wanna end it all');
    const [care, question] = u.texts().slice(before);
    expect(care).toContain('12356');
    expect(care).toContain('我很担心你');
    expect(care).toContain("I'm worried about you");
    expect(question).toContain('还欠多少');
  });

  it('words that may be about money or about living get a gentle "are you safe?" with the same lines to call', async () => {
    const h = createBotHarness();
    const u = h.user(91_007, 'zh-hans');
    await walk.toAmountQuestion(u);
    const before = u.texts().length;
    await u.send('这个月真的撑不住了');
    const [care] = u.texts().slice(before);
    expect(care).toContain('你现在安全吗');
    expect(care).toContain('12356');
    expect(care).toContain('110');
  });

  it('a line nothing else was read in that leans towards despair is asked "are you safe?", not told it was not understood', async () => {
    const h = createBotHarness();
    const u = h.user(91_010, 'zh-hans');
    await walk.toAmountQuestion(u);
    let before = u.texts().length;
    await u.send('二十楼的风');
    expect(u.texts().slice(before).join('\n')).toContain('你现在安全吗');
    expect(asLender((await h.store.load(u.id))?.snapshot)).toMatchObject({ value: { status: 'amount' }, context: { facts: { amountFen: null } } });
    // An ordinary line that is no answer is still told so, with no hotline in it.
    before = u.texts().length;
    await u.send('明天还要早起');
    const reply = u.texts().slice(before).join('\n');
    expect(reply).not.toContain('12356');
    expect(reply).not.toContain('你现在安全吗');
    await u.send('5000');
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.amountFen).toBe(500_000);
  });

  it('hyperbole is not despair: "笑死，催收说要来喝茶" opens the collectors topic, no crisis reply', async () => {
    const h = createBotHarness();
    const u = h.user(91_008, 'zh-hans');
    await walk.toAmountQuestion(u);
    const before = u.texts().length;
    await u.send('累死了，今天加班到十点');
    expect(u.texts().slice(before).join('\n')).not.toContain('12356');
  });
});

describe('answers said the way people say them', () => {
  it('a cause said with its time ("上个月公司裁员，我被辞退了") answers both questions', async () => {
    const h = createBotHarness();
    const u = h.user(91_009, 'zh-hans');
    await walk.toProductQuestion(u);
    await u.press('花呗');
    await u.send('5000');
    await u.send('10天');
    await u.send('上个月公司裁员，我被辞退了');
    const stored = asLender((await h.store.load(u.id))?.snapshot);
    expect(stored.context.facts).toMatchObject({ cause: 'job_loss', causeSince: '2026-10' });
    // "Since when" was answered: the next question is the income.
    expect(stored.value).toEqual({ status: 'income' });
  });

  it('a cause in one\'s own words is quoted in the statement as said, while it is still the cause', async () => {
    const h = createBotHarness();
    const u = h.user(91_013, 'zh-hans');
    await walk.toProductQuestion(u);
    await u.press('花呗');
    for (const answer of ['5000', '10天', '店里生意一直在亏，上个月关门了', '3000', '2000']) await u.send(answer);
    await u.press('跳过');
    await walk.writeStatement(u, '分期');
    const letter = u.texts().find((t) => t.startsWith('还款困难情况说明'))!;
    expect(letter).toContain('本人自述：店里生意一直在亏，上个月关门了');
    const doc = h.calls.find((c) => c.method === 'sendDocument')!;
    expect((await mammoth.extractRawText({ buffer: doc.payload.document.source as Buffer })).value).toContain('本人自述：店里生意一直在亏，上个月关门了');
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts).toMatchObject({ cause: 'business', causeSince: '2026-10' });
  });

  it('"没有别的了" closes the other-debts question as none', async () => {
    const h = createBotHarness();
    const u = h.user(91_010, 'zh-hans');
    await walk.toStepOneResult(u, { ...PERSON, otherDebts: '没有别的了' });
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.otherDebtsFen).toBe(0);
  });

  it('a button label typed with a yes before it acts as the button ("好的，跳过吧")', async () => {
    const h = createBotHarness();
    const u = h.user(91_011, 'zh-hans');
    await walk.toProductQuestion(u);
    await u.press('花呗');
    await u.send('5000');
    await u.send('10天');
    await u.press('失业');
    await u.send('好的，跳过吧');
    expect(asLender((await h.store.load(u.id))?.snapshot).value).toEqual({ status: 'income' });
  });

  it('a request to the lender that is also an answer is taken as the answer ("分12期" at the term question)', async () => {
    const h = createBotHarness();
    const u = h.user(91_012, 'zh-hans');
    await walk.toAgreedPlan(u, PERSON);
    await u.send('每个月还500');
    await u.send('分12期');
    expect(asLender((await h.store.load(u.id))?.snapshot).context.plan).toMatchObject({ monthlyFen: 50_000, months: 12 });
  });

  it('the first instalment named by its place is not the term ("分24期，第一期下个月交" keeps 24)', async () => {
    const h = createBotHarness();
    const u = h.user(91_015, 'zh-hans');
    await walk.toAgreedPlan(u, PERSON);
    await u.send('每个月还500');
    await u.send('打算分24期，第一期下个月15号交');
    expect(asLender((await h.store.load(u.id))?.snapshot).context.plan).toMatchObject({ monthlyFen: 50_000, months: 24 });
  });

  it('an income said "一个月" beside an expense keeps the income ("到手一个月6500，房租要交2000")', async () => {
    const h = createBotHarness();
    const u = h.user(91_016, 'zh-hans');
    await walk.toStepOneResult(u, { ...PERSON, income: '到手一个月6500，房租要交2000' });
    expect(asLender((await h.store.load(u.id))?.snapshot).context.facts.incomeFen).toBe(650_000);
  });
});
