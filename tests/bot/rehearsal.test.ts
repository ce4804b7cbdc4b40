import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createBotHarness } from '../support/bot-harness.js';
import { asCase } from '../support/stored.js';
import { walk, type Lang, type StepOneAnswers } from '../support/walks.js';

/**
 * Practising the call before making it: four people answer the agent's hard lines in their own words, in Chinese
 * and in English, and see what they did well, at most two tips with a model sentence built from their own
 * figures (1,000 元 a month to spare), and the crib card to keep.
 */
const FACTS: Record<Lang, StepOneAnswers> = {
  zh: { product: '花呗', amount: '5500', overdue: '45天', cause: '失业', since: null, income: '4000', essentials: '3000', otherDebts: '0' },
  en: { product: 'Huabei', amount: '5500', overdue: '45 days', cause: 'job loss', since: null, income: '4000', essentials: '3000', otherDebts: '0' },
};
const CONTACT = { zh: '联系平台', en: 'Contact' } as const;

async function atContactStep(lang: Lang, id = 70) {
  const h = createBotHarness();
  const u = h.user(id, lang === 'zh' ? 'zh-hans' : 'en');
  await walk.toStepOneResult(u, FACTS[lang], lang);
  await u.send('/checklist');
  await u.press(CONTACT[lang]);
  return { h, u };
}

interface Persona {
  name: string;
  lang: Lang;
  scenario: string;
  says: string;
  sees: string[];
  seesNot?: string[];
}

const PERSONAS: Persona[] = [
  {
    name: 'a calm person who says it all',
    lang: 'zh',
    scenario: '只能全额还款',
    says: '我理解。我因为失业了，每个月能还1000元，想申请个性化分期。请问您的工号是多少？麻烦发短信确认一下。',
    sees: ['说清了每月能还多少', '讲了为什么还不上', '被拒绝后还坚持自己的请求', '这一轮回答很完整'],
    seesNot: ['可以再加一句'],
  },
  {
    name: 'one who concedes',
    lang: 'zh',
    scenario: '今天必须还清',
    says: '好吧，那我想办法今天全还',
    sees: ['客服：「今天必须把逾期的钱全部还清', '常见说法', '别答应预算撑不住的事', '我每个月能稳定还 1,000 元', '被拒绝了也可以不松口'],
  },
  {
    name: 'an angry one who offers too much',
    lang: 'zh',
    scenario: '上门 / 起诉',
    says: '你们这是什么态度！我每个月最多还 3000，别再打给我家里人！',
    sees: ['别答应超过自己能力的金额（你说的是每月 3,000 元）', '每个月最多只能还 1,000 元'],
  },
  {
    name: 'a calm person who says it all',
    lang: 'en',
    scenario: 'Full payment only',
    says: 'I understand. I lost my job, and I can pay 1,000 a month. I would like an instalment plan. What is your agent ID? Please confirm in writing.',
    sees: ['said clearly how much you can pay each month', 'kept to your request after being refused', 'A complete answer'],
    seesNot: ['You could add'],
  },
  {
    name: 'one who concedes',
    lang: 'en',
    scenario: 'pay it all today',
    says: "OK, I'll find a way to pay it all today",
    sees: ["Don't agree to what your budget can't carry", 'I can pay ¥1,000 a month steadily', 'Say it in Chinese:「我现在确实拿不出全额', '我每个月能稳定还 1,000 元'],
  },
  {
    name: 'an angry one who offers too much',
    lang: 'en',
    scenario: 'tell your family',
    says: 'This is outrageous! I can pay 3000 a month, stop calling my family!',
    sees: ["Don't promise more than you can pay (you said ¥3,000 a month)", 'the most I can pay is ¥1,000 a month', '每个月最多只能还 1,000 元'],
  },
];

describe('the call rehearsal', () => {
  it.each(PERSONAS)('$lang: $name hears the agent, answers, and gets what they did well and at most two tips', async (p) => {
    const { h, u } = await atContactStep(p.lang);
    const before = asCase((await h.store.load(u.id))?.snapshot);
    await walk.toRehearsal(u, p.scenario, p.lang);
    await u.send(p.says);
    const seen = u.last();
    for (const s of p.sees) expect(seen).toContain(s);
    for (const s of p.seesNot ?? []) expect(seen).not.toContain(s);
    const tips = seen.split(p.lang === 'zh' ? '可以这样说：' : 'You could say:').length - 1;
    expect(tips).toBeLessThanOrEqual(2);
    // Practice changes nothing about the case: the facts and every debt, its calls and plan, stay as they were.
    const after = asCase((await h.store.load(u.id))?.snapshot);
    expect(after.facts).toEqual(before.facts);
    expect(after.debts).toEqual(before.debts);
    // Only the reading is kept, never what was typed.
    expect(JSON.stringify(after.rehearsal)).not.toContain(p.says.slice(0, 6));
    expect(after.rehearsal.turns).toBe(1);
  });

  it.each(['zh', 'en'] as const)('%s: someone in crisis gets the crisis reply, and the answer is not marked', async (lang) => {
    const { h, u } = await atContactStep(lang, 71);
    await walk.toRehearsal(u, lang === 'zh' ? '只能全额还款' : 'Full payment only', lang);
    await u.send(lang === 'zh' ? '我真的不想活了' : "I don't want to live anymore");
    const texts = u.texts();
    expect(texts.at(-2)).toContain('12356');
    // The rehearsal is still there, unmarked, for when they are ready.
    expect(u.last()).toContain(lang === 'zh' ? '你会怎么回' : 'How would you answer');
    const stored = asCase((await h.store.load(u.id))?.snapshot);
    expect(stored.rehearsal).toMatchObject({ scenario: 'full_only', turns: 0, shown: 'none' });
  });

  it('shows a good answer on request, in English with the Chinese to say aloud', async () => {
    const { u } = await atContactStep('en');
    await walk.toRehearsal(u, 'need to provide proof', 'en');
    expect(u.last()).toContain('「We can apply for you, but you have to provide proof of hardship');
    expect(u.last()).toContain('「可以帮您申请，但您得提供困难证明');
    await u.press('Show me a good answer');
    expect(u.last()).toContain('I can pay ¥1,000 a month; could collection pause');
    expect(u.last()).toContain('Say it in Chinese:「可以的，我准备好证明材料');
  });

  it('can be left and resumed where it was', async () => {
    const { h, u } = await atContactStep('zh');
    await walk.toRehearsal(u, '罚息不能减免');
    await u.send('每个月能还800');
    await u.send('/checklist');
    await u.press(CONTACT.zh);
    await u.press('先练一练');
    expect(u.last()).toContain('上次练到：「罚息不能减免」');
    await u.press('接着上次练');
    expect(u.last()).toContain('罚息和违约金是系统算的');
    expect(u.last()).toContain('说清了每月能还多少');
    expect(asCase((await h.store.load(u.id))?.snapshot).rehearsal.scenario).toBe('no_waiver');
  });

  it('ends with a crib card: one screen, kept on the checklist, shown again from the contact step, sent as a file', async () => {
    const { h, u } = await atContactStep('zh');
    await walk.toRehearsal(u, '只能全额还款');
    await u.press('做提词卡');
    const card = u.last();
    for (const s of ['提词卡：花呗', '开场白', '你好，我是花呗的用户', '金额和原因', '每个月最多能拿出 1,000 元', '三个请求', '客服工号', '「今天必须还清」 →', '12378', '95188']) {
      expect(card).toContain(s);
    }
    await u.send('/checklist');
    expect(u.last()).toContain('提词卡已存好');
    await u.press(CONTACT.zh);
    await u.press('我的提词卡');
    expect(u.last()).toContain('开场白');
    await u.press('发成文件');
    const doc = h.calls.find((c) => c.method === 'sendDocument');
    expect(doc?.payload.document.filename).toMatch(/^提词卡-花呗-\d{4}-\d{2}-\d{2}\.docx$/);
    const { value } = await mammoth.extractRawText({ buffer: doc!.payload.document.source as Buffer });
    expect(value).toContain('我现在有 5,500 元逾期了');
  });

  it('in English, the card gives the Chinese to say next to each line', async () => {
    const { u } = await atContactStep('en');
    await walk.toRehearsal(u, 'Full payment only', 'en');
    await u.press('make my crib card');
    expect(u.last()).toContain("Hello, I'm a Huabei (花呗) customer.");
    expect(u.last()).toContain('Say it in Chinese:你好，我是花呗的用户。');
    expect(u.last()).toContain('Say it in Chinese:「我今天还不了全款，每个月能还 1,000 元');
  });

  it('is offered again after a call logged as refused', async () => {
    const { u } = await atContactStep('zh');
    await walk.logRefusedCall(u);
    expect(u.last()).toContain('上次电话被拒绝了');
    await u.press('先练一练');
    expect(u.last()).toContain('建议先练：「只能全额还款 / 系统不支持分期」');
  });
});
