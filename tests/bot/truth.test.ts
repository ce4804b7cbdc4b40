import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createBotHarness, type HarnessUser } from '../support/bot-harness.js';
import { asLender } from '../support/stored.js';
import { walk, type Lang, type StepOneAnswers } from '../support/walks.js';

/**
 * Each rule of honest maths and truthful letters, as a person meets it in the chat, in Chinese and in English, and
 * what is kept in the case.
 */
interface Labels {
  start: string;
  agree: string;
  skip: string;
  toContact: string;
  toPlan: string;
}
const ZH: Labels = { start: '开始', agree: '同意，开始', skip: '跳过', toContact: '没有了，继续', toPlan: '下一步：分期或延期' };
const EN: Labels = { start: 'Start', agree: "I agree, let's start", skip: 'Skip', toContact: 'No, go on', toPlan: 'Next: instalments or extension' };
/** The walks' language for a Telegram language code. */
const walkLang = (code: 'zh-hans' | 'en'): Lang => (code === 'en' ? 'en' : 'zh');

async function toPlan(u: HarnessUser, l: Labels) {
  await u.press(l.toContact);
  await u.press(l.toPlan);
  return u.last();
}

const stored = async (h: ReturnType<typeof createBotHarness>, u: HarnessUser) =>
  ((await h.store.load(u.id))?.snapshot as { context: Record<string, any> }).context;
/** The stored case as seen for its one debt. */
const storedLender = async (h: ReturnType<typeof createBotHarness>, u: HarnessUser) => asLender((await h.store.load(u.id))?.snapshot).context;

const JIEBEI_ZH: StepOneAnswers = { product: '借呗', amount: '12000', overdue: '30天', rate: '万分之四', cause: '失业', since: '2026年8月', income: '3000', essentials: '2500', otherDebts: '0' };
const JIEBEI_EN: StepOneAnswers = { ...JIEBEI_ZH, product: 'Jiebei', cause: 'job loss', since: 'Aug 2026' };

describe('plan maths with interest at the person’s own rate', () => {
  it.each([
    ['zh-hans', ZH, JIEBEI_ZH, ['⚠️ 分 24 期：每期约 579.56 元，利息一共约 1,909.44 元', '✅ 分 36 期：每期约 413.64 元，利息一共约 2,891.04 元', '年化约 14.6%', '可以申请分 36 期，每期约 413.64 元（已含利息）'], ['手续费']],
    ['en', EN, JIEBEI_EN, ['⚠️ 24 instalments: about ¥579.56 each, interest about ¥1,909.44', '✅ 36 instalments: about ¥413.64 each, interest about ¥2,891.04', 'about 14.6% a year', 'ask for 36 instalments of about ¥413.64 each (interest included)'], ['fee about']],
  ] as const)('%s: 借呗 12,000 at 0.04 %% a day, 500 a month to spare', async (lang, l, a, shown, absent) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7001 : 7002, lang);
    await walk.toStepOneResult(u, a, walkLang(lang));
    const plan = await toPlan(u, l);
    for (const s of shown) expect(plan).toContain(s);
    for (const s of absent) expect(plan).not.toContain(s);
    expect((await storedLender(h, u)).facts).toMatchObject({ product: 'jiebei', amountFen: 1_200_000, dailyRateBp: 4, dueDateGiven: false });
  });

  it.each([
    ['zh-hans', ZH, { ...JIEBEI_ZH, product: '微粒贷', rate: null }, ['你没填日利率，利息算不出来', '（只算了本金，还没算利息）']],
    ['en', EN, { ...JIEBEI_EN, product: 'Weilidai', rate: null }, ["You didn't give your daily rate", '(principal only, no interest yet)']],
  ] as const)('%s: says plainly when the rate that decides the interest is missing', async (lang, l, a, shown) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7003 : 7004, lang);
    await walk.toStepOneResult(u, a, walkLang(lang));
    const plan = await toPlan(u, l);
    for (const s of shown) expect(plan).toContain(s);
    // Principal alone fits from 18 months on; with interest unknown, no term is marked as fitting.
    expect(plan).not.toMatch(/^✅ (分 |\d)/m);
    expect(plan).toMatch(/^❔ (分 36 期|36 instalments)/m);
  });

  it.each([
    ['zh-hans', ZH, { ...JIEBEI_ZH, product: '花呗', rate: undefined, amount: '5000', income: '5000', essentials: '2000' }, ['账单分期一般只能在还款日之前申请', '95188', '协商还款', '约是标价的 6 倍', '约是标价的 2 倍']],
    ['en', EN, { ...JIEBEI_EN, product: 'Huabei', rate: undefined, amount: '5000', income: '5000', essentials: '2000' }, ['can usually only be applied for before the repayment day', '95188', '协商还款', 'about 6 times the listed fee', 'about 2 times the listed fee']],
  ] as const)('%s: an overdue 花呗 user is sent to 协商还款; the fee table stays as a reference', async (lang, l, a, shown) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7005 : 7006, lang);
    await walk.toStepOneResult(u, a, walkLang(lang));
    const plan = await toPlan(u, l);
    for (const s of shown) expect(plan).toContain(s);
  });

  it.each([
    ['zh-hans', ZH, '比你每月能拿出的 500 元还多', '答应了又还不上，比现在更糟'],
    ['en', EN, 'is more than the ¥500 you can spare', 'Agreeing and then missing payments is worse'],
  ] as const)('%s: an approved plan above what can be spared gets a warning and advice', async (lang, l, warning, advice) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7007 : 7008, lang);
    await walk.toStepOneResult(u, lang === 'en' ? JIEBEI_EN : JIEBEI_ZH, walkLang(lang));
    await toPlan(u, l);
    await walk.toApprovedPlan(u, { monthly: '579.56', months: '24', firstDue: null }, walkLang(lang));
    expect(u.last()).toContain(warning);
    expect(u.last()).toContain(advice);
    expect((await storedLender(h, u)).plan).toEqual({ status: 'approved', monthlyFen: 57_956, months: 24, firstDue: null });
  });
});

describe('credit cards: the rate on the bill, interest and 违约金', () => {
  it.each([
    ['zh-hans', ZH, '信用卡', '招商', ['账单上写的日利率', '0.05%'], ['按你账单上的日利率 0.05%，每天约 17.50 元', '违约金', '常见是最低还款额未还部分的 5%', '不能再计复利']],
    ['en', EN, 'Credit card', 'China Merchants', ['daily interest rate is written on your card bill'], ['at the daily rate on your bill, 0.05%, it is about ¥17.50 a day', 'commonly 5% of the unpaid part of the minimum payment', 'no compound interest']],
  ] as const)('%s: asks for the bill’s daily rate and estimates from it, without inventing one', async (lang, l, card, bank, ask, summary) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7011 : 7012, lang);
    await walk.toAmountQuestion(u, { product: card, bank }, walkLang(lang));
    await u.send('35000');
    await u.send('40');
    for (const s of ask) expect(u.last()).toContain(s);
    await u.send('万分之五');
    await u.press(lang === 'en' ? 'job loss' : '失业');
    await u.press(l.skip);
    await u.send('5000');
    await u.send('2000');
    await u.send('0');
    // The result comes just before "any other debt?".
    for (const s of summary) expect(u.texts().at(-2)).toContain(s);
    expect((await storedLender(h, u)).facts).toMatchObject({ product: 'credit_card', dailyRateBp: 5 });
  });

  it('gives no interest figure when the rate is skipped, only the common rate, hedged', async () => {
    const h = createBotHarness();
    const u = h.user(7013, 'zh-hans');
    await walk.toStepOneResult(u, { product: '信用卡', bank: '招商', amount: '35000', overdue: '40', rate: null, cause: '失业', since: null, income: '5000', essentials: '2000', otherDebts: '0' });
    const result = u.texts().at(-2);
    expect(result).toContain('很多银行是每天 0.05%');
    expect(result).toContain('我就不乱估了');
    expect(result).not.toContain('每天约');
  });
});

describe('no income: an extension and support first', () => {
  const NO_INCOME_ZH: StepOneAnswers = { product: '微粒贷', amount: '8000', overdue: '20天', rate: null, cause: '失业', since: '2026年9月', income: '0', essentials: '2000', otherDebts: '0' };
  const NO_INCOME_EN: StepOneAnswers = { ...NO_INCOME_ZH, product: 'Weilidai', cause: 'job loss', since: 'Sep 2026' };

  it.each([
    ['zh-hans', ZH, NO_INCOME_ZH, ['你现在没有收入', '延期还款', '失业保险金', '12333', '低保、临时救助', '12345'], ['可以考虑的方案', '分 3 期', '✅', '想分几期'], ['先问问下面这些帮助', '失业保险金'], '现在选'],
    ['en', EN, NO_INCOME_EN, ['you have no income right now', '<b>extension</b>'.replace(/<\/?b>/g, ''), 'Unemployment benefit', '12333', '12345'], ['Options to consider', '3 instalments', '✅', 'over how many months'], ['Ask about the help below first', 'Unemployment benefit'], 'Now choose'],
  ] as const)('%s: the plan step leads with an extension and support; no table that cannot fit; step 4 does not start with cuts', async (lang, l, a, plan, hidden, snowball, cutFirst) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7021 : 7022, lang);
    await walk.toStepOneResult(u, a, walkLang(lang));
    const text = await toPlan(u, l);
    for (const s of plan) expect(text).toContain(s);
    for (const s of hidden) expect(text).not.toContain(s);
    expect(text.indexOf(plan[1])).toBeLessThan(text.indexOf(plan[2]));
    await u.press(lang === 'en' ? 'See the next step' : '先看下一步');
    const step4 = u.last();
    for (const s of snowball) expect(step4).toContain(s);
    expect(step4).not.toContain(cutFirst);
  });
});

describe('income that only just covers essentials', () => {
  it.each([
    ['zh-hans', ZH, { ...JIEBEI_ZH, income: '3000', essentials: '3000' }, '刚好收支相抵', '还差 0 元'],
    ['en', EN, { ...JIEBEI_EN, income: '3000', essentials: '3000' }, 'nothing is left over', '¥0 short'],
  ] as const)('%s: says nothing is left over, never "0 short", in the summary and on the plan screen', async (lang, l, a, said, never) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7031 : 7032, lang);
    await walk.toStepOneResult(u, a, walkLang(lang));
    const summary = u.texts().at(-2)!;
    expect(summary).toContain(said);
    const plan = await toPlan(u, l);
    expect(plan).toContain(said);
    for (const text of [summary, plan]) expect(text).not.toContain(never);
  });
});

describe('the statement says only what is true', () => {
  const docText = async (h: ReturnType<typeof createBotHarness>, n = -1) => {
    const doc = h.calls.filter((c) => c.method === 'sendDocument').at(n)!;
    return (await mammoth.extractRawText({ buffer: doc.payload.document.source as Buffer })).value;
  };

  it.each([
    ['zh-hans', ZH, { ...JIEBEI_ZH, product: '信用卡', bank: '招商', rate: null }],
    ['en', EN, { ...JIEBEI_EN, product: 'Credit card', bank: 'China Merchants', rate: null }],
  ] as const)('%s: "30天" gives no date of default, and a bank is 贵行 throughout', async (lang, l, a) => {
    const h = createBotHarness();
    const u = h.user(lang === 'en' ? 7031 : 7032, lang);
    await walk.toStepOneResult(u, a, walkLang(lang));
    await walk.writeStatement(u, lang === 'en' ? 'An extension' : '延期', walkLang(lang));
    const chat = u.texts().find((t) => t.startsWith('还款困难情况说明'))!;
    const docx = await docText(h);
    for (const s of [chat, docx]) {
      expect(s).toContain('已逾期约 30 天');
      expect(s).not.toMatch(/2026年10月25日|起逾期/);
      expect(s).toContain('贵行');
      expect(s).not.toContain('贵司');
      expect(s).toContain('本人于今年8月失业');
    }
    expect(u.last()).toContain(lang === 'en' ? 'Your hardship statement is above' : '《还款困难情况说明》写好了');
  });

  it('asks name and tails once, keeps them, and lets "My answers" change them', async () => {
    const h = createBotHarness();
    const u = h.user(7041, 'zh-hans');
    await walk.toStepOneResult(u, JIEBEI_ZH);
    await walk.toStatementIdentity(u, '延期');
    await u.send('王芳');
    await u.send('5678');
    await u.press('跳过');
    expect((await stored(h, u)).statement).toMatchObject({ name: '王芳', phoneTail: '5678', identityAsked: true });
    // This lender's requests end its stored row (its account tail was not given).
    expect((await stored(h, u)).debts[0].slice(-2)).toEqual([null, ['extension']]);

    // Changing the request writes it again without asking the name a second time.
    await u.press('改内容');
    await u.press('下一步：选择请求');
    await u.press('减免');
    await u.press('写说明');
    expect(u.last()).toContain('《还款困难情况说明》写好了');
    expect(await docText(h)).toContain('姓名：王芳');

    await u.send('/checklist');
    await u.press('我的资料');
    expect(u.last()).toContain('称呼：王芳');
    await u.press('✏️ 称呼');
    await u.send('王小芳');
    expect(u.last()).toContain('称呼：王小芳');
    await u.send('/statement');
    expect(await docText(h)).toContain('姓名：王小芳');
    expect((await stored(h, u)).statement.name).toBe('王小芳');
  });

  it.each([
    ['zh-hans', '平台拒绝协商', [], ['未获说明理由']],
    ['zh-hans', '拒绝协商，也没说理由', ['未获说明理由', '说明拒绝的理由'], []],
  ] as const)('%s: the complaint for "%s" says only that', async (lang, kind, present, absent) => {
    const h = createBotHarness();
    const u = h.user(7050 + kind.length, lang);
    await walk.toStepOneResult(u, JIEBEI_ZH);
    await walk.writeStatement(u, '延期');
    await u.press('写投诉信');
    await u.press(kind);
    await u.send('客服说不能分期');
    await u.press('今天');
    const complaint = u.texts().find((t) => t.startsWith('投诉信'))!;
    for (const s of present) expect(complaint).toContain(s);
    for (const s of absent) expect(complaint).not.toContain(s);
  });

  it('en: the English statement is marked for reference; confirmation and complaint come in Chinese with an English copy', async () => {
    const h = createBotHarness();
    const u = h.user(7061, 'en');
    await walk.toStepOneResult(u, JIEBEI_EN, 'en');
    await toPlan(u, EN);
    await walk.toApprovedPlan(u, { monthly: '413.64', months: '36', firstDue: null }, 'en');
    await walk.writeStatement(u, 'An extension', 'en');
    await u.press('English copy');
    expect(u.texts().at(-2)).toMatch(/^Statement of Repayment Hardship\n\nFor your own reference only/);
    expect(u.last()).toContain('The English copy is above, for your own reference');
    await u.press('Message asking for written confirmation');
    const docs = h.calls.filter((c) => c.method === 'sendDocument').slice(-2).map((c) => c.payload.document.filename as string);
    expect(docs[0]).toMatch(/^请求书面确认还款方案-借呗-/);
    expect(docs[1]).toMatch(/^confirmation-request-Jiebei \(借呗\)-/);
    expect(u.last()).toContain('The message asking for written confirmation is above, in Chinese');
  });
});

describe('cases stored before these fields existed', () => {
  it('load, and write "about N days" rather than a date nobody gave', async () => {
    const h = createBotHarness();
    const u = h.user(7071, 'zh-hans');
    await walk.toStepOneResult(u, { ...JIEBEI_ZH, overdue: '2026-10-25' });
    // The shape as schema 1 stored it: one debt's facts beside the budget, no dueDateGiven, no identityAsked.
    const { facts, calls, plan, statementWritten: _s, ...rest } = await storedLender(h, u);
    const { dueDateGiven: _d, ...oldFacts } = facts;
    const { identityAsked: _i, ...oldStatement } = rest.statement;
    const old = { value: 'hub', context: { ...rest, facts: oldFacts, calls, plan, statement: oldStatement } };
    // Written as an older version of the bot would have: one whole turn of the store's own protocol, once the bot
    // has given the chat's lease back.
    await h.engine.idle(5_000);
    const begun = await h.store.begin({ chatId: u.id, token: 'old', updateId: 99_999, cachedVersion: 0, flood: null, sentVersion: null, more: false });
    if (begun.kind !== 'go') throw new Error(`expected the lease, got ${begun.kind}`);
    await h.store.commit({ chatId: u.id, token: 'old', expectedVersion: begun.version, updateId: 99_999, schema: 1, snapshot: old, owed: null });
    await h.store.finish({ chatId: u.id, token: 'old', sentVersion: null, followUp: null, release: true });
    await walk.writeStatement(u, '延期');
    const statement = u.texts().find((t) => t.startsWith('还款困难情况说明'))!;
    expect(statement).toContain('已逾期约 30 天');
    expect(statement).not.toContain('2026年10月25日');
    expect((await stored(h, u)).statement.identityAsked).toBe(true);
  });
});
