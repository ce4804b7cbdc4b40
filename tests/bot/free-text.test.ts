import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.js';
import { createBotHarness } from '../support/bot-harness.js';
import { asLender } from '../support/stored.js';
import { capturedLogs } from '../support/logs.js';
import { walk, type Lang } from '../support/walks.js';
import {
  CRISIS_EN,
  CRISIS_ZH,
  NOT_AGENT_EN,
  NOT_AGENT_ZH,
  PAID_AGENT_EN,
  PAID_AGENT_ZH,
  SELF_ASK_EN,
  SELF_ASK_ZH,
  THREATS,
} from '../domain/phrases.js';

const L = {
  zh: {
    code: 'zh-hans',
    amountQ: '现在还欠多少没还',
    bounce: '没太看明白',
    offer: '等你准备好了',
    scam: '监管部门多次提示过风险',
    selfAsk: '不用花钱找任何人',
    topics: { collectors: '催收不能做什么', letters: '律师函和法院文书不一样', complaints: '去哪里投诉' },
  },
  en: {
    code: 'en',
    amountQ: 'How much is still unpaid',
    bounce: "didn't quite get",
    offer: "When you're ready",
    scam: 'repeated regulator warnings',
    selfAsk: "you don't need to pay anyone",
    topics: { collectors: 'What collectors may not do', letters: "Lawyer's letters are not court papers", complaints: 'Where to complain' },
  },
} as const;

/** A person at the first money question of step 1. */
async function atAmount(lang: Lang, h = createBotHarness()) {
  const u = h.user(lang === 'zh' ? 42 : 43, L[lang].code);
  await walk.toAmountQuestion(u, {}, lang);
  return { h, u };
}

/** A Chinese-speaking person's first message, edited to say this instead. */
type Person = Awaited<ReturnType<typeof atAmount>>['u'];
function editFirstMessage(u: Person, text: string) {
  const chat = { id: u.id, type: 'private', first_name: 'U' };
  const from = { id: u.id, is_bot: false, first_name: 'U', language_code: 'zh-hans' };
  return u.update({ edited_message: { message_id: 1, date: 0, edit_date: 1, chat, from, text } });
}

const langOf = (text: string): Lang => (/\p{Script=Han}/u.test(text) && !/^[A-Za-z]/.test(text) ? 'zh' : 'en');

describe('words of despair get a warm reply at once, wherever they are typed', () => {
  const cases = [...CRISIS_ZH.map((t) => ['zh', t] as const), ...CRISIS_EN.map((t) => ['en', t] as const)];

  it.each(cases)('%s: %s', async (lang, text) => {
    const { h, u } = await atAmount(lang);
    const before = u.texts().length;
    await u.send(text);
    const [care, question] = u.texts().slice(before);
    expect(care).toContain('12356');
    expect(care).toContain('110');
    expect(care).toContain('120');
    expect(care).toContain(L[lang].offer);
    expect(care).not.toContain(L[lang].bounce);
    // The question comes back in its own message, so the reply to despair is never a footnote.
    expect(question).toContain(L[lang].amountQ);
    const stored = await h.store.load(u.id);
    expect(asLender(stored?.snapshot)).toMatchObject({ value: { status: 'amount' }, context: { facts: { amountFen: null } } });
    expect(JSON.stringify(stored)).not.toContain(text);
  });

  it('answers despair typed into an edited message, which otherwise changes nothing', async () => {
    const { h, u } = await atAmount('zh');
    const before = u.texts().length;
    await editFirstMessage(u, '我真的不想活了');
    const [care, question] = u.texts().slice(before);
    expect(care).toContain('12356');
    expect(care).toContain(L.zh.offer);
    expect(question).toContain(L.zh.amountQ);
    expect(asLender((await h.store.load(u.id))?.snapshot)).toMatchObject({ value: { status: 'amount' }, context: { facts: { amountFen: null } } });
  });

  it('asks an edited message that leans towards despair whether the person is safe, and keeps nothing', async () => {
    const { h, u } = await atAmount('zh');
    const before = u.texts().length;
    await editFirstMessage(u, '二十楼的风');
    expect(u.texts().slice(before).join('\n')).toContain('你现在安全吗');
    expect(asLender((await h.store.load(u.id))?.snapshot)).toMatchObject({ value: { status: 'amount' }, context: { facts: { amountFen: null } } });
  });

  it('answers before consent too, and inside a free-text note without keeping the words as the note', async () => {
    const h = createBotHarness();
    const u = h.user(50, 'zh-hans');
    await u.send('/start');
    await u.send('我不想活了');
    expect(u.texts().at(-2)).toContain('12356');
    await u.press('开始');
    await u.press('同意，开始');
    await u.send('/checklist');
    await u.press('联系平台');
    await walk.toCallOutcome(u);
    await u.press('谈成了');
    await u.press('跳过');
    await u.send('他们逼得我想死');
    expect(u.texts().at(-2)).toContain('12356');
    expect(u.last()).toContain('对方答应了什么');
    const stored = await h.store.load(50);
    expect(stored?.snapshot).toMatchObject({ value: { contact: 'promise' } });
    expect(JSON.stringify(stored)).not.toContain('想死');
  });

  it('is counted without the words reaching the logs or the metrics', async () => {
    const logs = capturedLogs('trace');
    const metrics = createMetrics();
    const h = createBotHarness({ logger: logs.logger, metrics });
    const { u } = await atAmount('zh', h);
    await u.send('我真的活不下去了');
    expect(u.texts().at(-2)).toContain('12356');
    expect(logs.text()).not.toContain('活不下去');
    const exposed = (await metrics.render()).body;
    expect(exposed).toContain('xs_care_signals_total{kind="crisis"} 1');
    expect(exposed).not.toContain('活不下去');
  });
});

describe('paid agents are warned about; asking the lender oneself is helped', () => {
  const table = (lang: Lang, phrases: readonly string[], expectWarning: boolean) =>
    it(`${lang}: ${phrases.length} phrases ${expectWarning ? 'warn' : 'do not warn'}`, async () => {
      const { u } = await atAmount(lang);
      for (const text of phrases) {
        await u.send(text);
        if (expectWarning) {
          expect(u.last(), text).toContain(L[lang].scam);
          expect(u.last(), text).toContain('12378');
          expect(u.last(), text).toContain(L[lang].amountQ);
        } else {
          expect(u.last(), text).not.toContain(L[lang].scam);
        }
      }
    });
  table('zh', PAID_AGENT_ZH, true);
  table('en', PAID_AGENT_EN, true);
  table('zh', NOT_AGENT_ZH, false);
  table('en', NOT_AGENT_EN, false);

  it.each([...SELF_ASK_ZH.map((t) => ['zh', t] as const), ...SELF_ASK_EN.map((t) => ['en', t] as const)])(
    '%s: "%s" gets help asking the lender',
    async (lang, text) => {
      const { h, u } = await atAmount(lang);
      await u.send(text);
      expect(u.last()).toContain(L[lang].selfAsk);
      expect(u.last()).not.toContain(L[lang].scam);
      expect(u.last()).not.toContain(L[lang].bounce);
      expect((await h.store.load(u.id))?.snapshot).toMatchObject({ value: { status: 'amount' } });
    },
  );

  it('says the bank may refuse a card plan, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { u } = await atAmount(lang);
      await u.send(lang === 'zh' ? '我想跟银行申请停息挂账' : 'I want to ask the bank to stop the interest');
      expect(u.last()).toContain(lang === 'zh' ? '银行不是必须同意' : "it doesn't have to");
    }
  });
});

describe('threats and lawsuits open the rights topic that answers them', () => {
  it.each(THREATS)('%s → %s', async (text, topic) => {
    const lang = langOf(text);
    const { h, u } = await atAmount(lang);
    await u.send(text);
    expect(u.last()).toContain(L[lang].topics[topic]);
    expect(u.last()).not.toContain(L[lang].bounce);
    expect(u.last()).toContain(L[lang].amountQ);
    expect((await h.store.load(u.id))?.snapshot).toMatchObject({ value: { status: 'amount' } });
  });

  it('also from a screen without a question, such as the checklist', async () => {
    const h = createBotHarness();
    const u = h.user(60, 'zh-hans');
    await walk.toChecklistWithoutConsent(u);
    await u.send('催收说要爆我通讯录');
    expect(u.texts().join('\n')).toContain('不能「爆通讯录」');
  });
});

describe('a button label typed as text works like the press', () => {
  it('zh: 开始, 同意, 上一步, 跳过, 下一步, 回到清单', async () => {
    const h = createBotHarness();
    const u = h.user(70, 'zh-hans');
    await u.send('/start');
    await u.send('开始');
    expect(u.last()).toContain('征得你的同意');
    await u.send('同意');
    expect(u.last()).toContain('哪个产品逾期了');
    await u.press('花呗');
    await u.send('上一步');
    expect(u.last()).toContain('哪个产品逾期了');
    await u.press('花呗');
    await u.send('5500');
    await u.send('45天');
    await u.press('失业');
    await u.send('跳过');
    expect(u.last()).toContain('每月大概收入多少');
    await u.send('3000');
    await u.send('2500');
    await u.send('跳过');
    expect(u.texts().at(-2)).toContain('你现在的情况');
    expect(u.last()).toContain('还有别的欠款吗');
    await u.send('继续');
    expect(u.last()).toContain('联系平台协商');
    await u.send('回到清单');
    expect(u.last()).toContain('你的协商清单');
    const stored = await h.store.load(70);
    expect(asLender(stored?.snapshot)).toMatchObject({ value: 'hub', context: { facts: { causeSince: null, otherDebtsFen: null, amountFen: 550_000 } } });
  });

  it('en: Skip, Back, Next, Back to checklist', async () => {
    const { h, u } = await atAmount('en');
    await u.send('Back');
    expect(u.last()).toContain('Which product is overdue');
    await u.press('Huabei');
    await u.send('5500');
    await u.send('45 days');
    await u.press(/illness/i);
    await u.send('Skip');
    expect(u.last()).toContain('earn a month');
    await u.send('0');
    await u.send('1800');
    await u.send('skip');
    expect(u.texts().at(-2)).toContain('Where you stand');
    expect(u.last()).toContain('Do you owe anywhere else');
    await u.send('Next');
    expect(u.last()).toContain('Contact the lender');
    await u.send('Back to checklist');
    expect(u.last()).toContain('Your negotiation checklist');
    expect(asLender((await h.store.load(u.id))?.snapshot)).toMatchObject({ context: { facts: { causeSince: null, otherDebtsFen: null } } });
  });

  it('an option typed by name is chosen: "信用卡", "招行", "失业" in Chinese, "credit card" in English', async () => {
    const h = createBotHarness();
    const u = h.user(72, 'zh-hans');
    await walk.toProductQuestion(u);
    await u.send('信用卡');
    expect(u.last()).toContain('哪家银行的信用卡');
    await u.send('招行');
    await u.send('8000');
    await u.send('10天');
    await u.send('跳过');
    await u.send('失业');
    expect(u.last()).toContain('从什么时候开始');
    expect(asLender((await h.store.load(72))?.snapshot)).toMatchObject({ context: { facts: { product: 'credit_card', bank: 'cmb', cause: 'job_loss' } } });
    const { u: en } = await atAmount('en');
    await en.send('Back');
    await en.send('Credit card');
    expect(en.last()).toContain('Which bank issued the credit card');
  });

  it('a button said in other words acts as the button where the reply is no answer ("上一步 我刚刚填错了")', async () => {
    const h = createBotHarness();
    const u = h.user(73, 'zh-hans');
    await walk.toAmountQuestion(u);
    const before = asLender((await h.store.load(73))?.snapshot).value;
    await u.send('上一步 我刚刚填错了');
    expect(before).toEqual({ status: 'amount' });
    expect(asLender((await h.store.load(73))?.snapshot).value).toEqual({ status: 'product' });
  });

  it('a reply that is the question\'s own answer, option or note is never taken for a button said in other words', async () => {
    const h = createBotHarness();
    const u = h.user(74, 'zh-hans');
    await walk.toContactStep(u);
    await walk.toCallDay(u);
    await u.send('刚刚打完');
    await u.send('同意了');
    await u.send('跳过');
    await u.send('没问题');
    await u.send('跳过');
    const stored = asLender((await h.store.load(74))?.snapshot);
    expect(stored.context.calls).toEqual([{ date: '2026-11-24', channel: 'phone', agentId: null, outcome: 'agreed', promise: '没问题', nextDate: null }]);
  });

  it('a typed "跳过" in a note skips it instead of becoming the note', async () => {
    const h = createBotHarness();
    const u = h.user(71, 'zh-hans');
    await walk.toContactStep(u);
    await walk.toCallDay(u);
    await u.send('今天');
    await u.press('谈成了');
    await u.send('跳过');
    await u.send('跳过');
    expect(u.last()).toContain('下次什么时候再联系');
    await u.send('跳过');
    const stored = asLender((await h.store.load(71))?.snapshot);
    expect(stored.context.calls).toEqual([{ date: '2026-11-24', channel: 'phone', agentId: null, outcome: 'agreed', promise: null, nextDate: null }]);
  });
});
