import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createBotHarness, type HarnessUser } from '../support/bot-harness.js';
import { walk, type Lang } from '../support/walks.js';

/**
 * Two people walked to every document, in Chinese and in English, each .docx read back as the lender's clerk (or
 * an adviser) would read it: someone behind on 花呗 5,000 and a 招商银行 card 20,000, and someone behind on 借呗.
 */

type Harness = ReturnType<typeof createBotHarness>;
interface Doc {
  filename: string;
  text: string;
  xml: string;
  core: string;
}

async function documentsSince(h: Harness, from: number): Promise<Doc[]> {
  const sent = h.calls.filter((c) => c.method === 'sendDocument').slice(from);
  return Promise.all(
    sent.map(async (c) => {
      const buffer = c.payload.document.source as Buffer;
      const zip = await JSZip.loadAsync(buffer);
      return {
        filename: c.payload.document.filename as string,
        text: (await mammoth.extractRawText({ buffer })).value,
        xml: await zip.file('word/document.xml')!.async('string'),
        core: await zip.file('docProps/core.xml')!.async('string'),
      };
    }),
  );
}

const count = (h: Harness) => h.calls.filter((c) => c.method === 'sendDocument').length;

/** What every .docx must be, whatever it says: Chinese glyphs, space before headings and signature, the product as author. */
function printQuality(doc: Doc) {
  expect(doc.xml).toContain('w:eastAsia="zh-CN"');
  expect(doc.xml).toMatch(/<w:spacing[^>]*w:before="480"/);
  expect(doc.core).toContain('协商助手');
  // A date is never said twice in a row ("2026年12月3日：2026年12月3日起").
  expect(doc.text).not.toMatch(/(\d{4}年\d{1,2}月\d{1,2}日)：\1/);
}

/** The two lenders' names and the person's words, never the product list's buttons or added hardship. */
const NEVER = ['其他平台', '其他银行', '信用卡（', '本人在信用卡', '开销一下子大了', '经济负担加重', '收入受到很大影响', '收入大幅减少', '房租、饮食', '没有了稳定收入', '需分给几家'];

const L = {
  zh: {
    lang: 'zh-hans',
    huabei: '花呗',
    card: '信用卡',
    bank: '招商银行',
    family: '家里',
    pickHuabei: '1. 花呗',
    pickCard: '2. 招商银行信用卡',
    contact: '联系平台',
    plan: '分期延期',
    instalments: '分期',
    confirmation: '请平台书面确认',
    complaint: '写投诉信',
    refusal: '平台拒绝协商',
    letter: '欠款汇总',
    english: null,
  },
  en: {
    lang: 'en',
    huabei: 'Huabei',
    card: 'Credit card',
    bank: 'China Merchants',
    family: 'family',
    pickHuabei: '1. Huabei',
    pickCard: '2. China Merchants Bank credit card',
    contact: 'Contact',
    plan: 'Plan',
    instalments: 'Instalments',
    confirmation: 'Message asking for written confirmation',
    complaint: 'Write a complaint',
    refusal: 'Lender refused',
    letter: 'Summary of debts',
    english: 'English copy',
  },
} as const;

async function twoDebts(u: HarnessUser, lang: Lang) {
  const l = L[lang];
  await walk.toStepOneResult(u, { product: l.huabei, amount: '5000', overdue: '2026-11-04', cause: l.family, since: null, income: '8000', essentials: '6000', otherDebts: '0' }, lang);
  await walk.addDebt(u, { product: l.card, bank: l.bank, amount: '20000', overdue: lang === 'zh' ? '20天' : '20 days', rate: '0.05%' }, lang);
}

describe.each(['zh', 'en'] as const)('%s: 花呗 5,000 and a 招商银行 card 20,000, every document', (lang) => {
  const l = L[lang];

  it('writes each lender its own letters, true to what was said, and a summary an adviser can act on', async () => {
    const h = createBotHarness();
    const u = h.user(lang === 'zh' ? 18_001 : 18_002, l.lang);
    await twoDebts(u, lang);

    // 花呗: a call that agreed a plan, the plan recorded (over its share of 400), its statement, confirmation and complaint.
    await u.send('/checklist');
    await u.press(l.pickHuabei);
    await u.press(l.contact);
    const script = u.last();
    expect(script).toContain(lang === 'zh' ? '要分给 2 笔欠款，按欠款比例给你们的是 400 元' : 'shared between 2 debts');
    expect(script).not.toMatch(/贵司|开销一下子大了/);
    await walk.logAgreedCall(u, { agentId: 'A1234', promise: lang === 'zh' ? '可以分 9 期' : 'nine instalments', next: '12月20日' }, lang);
    await u.send('/checklist');
    await u.press(l.plan);
    await walk.toApprovedPlan(u, { monthly: '555.56', months: '9', firstDue: '12月10日' }, lang);

    let from = count(h);
    await walk.toStatementIdentity(u, l.instalments, lang);
    await u.send('李华');
    await u.send('1234');
    await u.send('5678');
    const [huabei] = await documentsSince(h, from);
    expect(huabei!.filename).toBe('还款困难情况说明-花呗-2026-11-24.docx');
    const hb = huabei!.text;
    expect(hb).toContain('致：重庆蚂蚁消费金融有限公司');
    expect(hb).toContain('本人的花呗欠款目前逾期未还金额为 5,000 元，自 2026年11月4日 起逾期');
    expect(hb).toContain('本人家中发生变故，暂时无力按期足额还款。');
    expect(hb).toContain('必要生活开支约 6,000 元');
    // The plan agreed is confirmed, not asked for again, and says why it is above this lender's share.
    expect(hb).toContain('本人已与贵司商定：欠款分 9 期偿还，每期约 555.56 元，首期还款日为 2026年12月10日。');
    expect(hb).toContain('该方案每期金额高于按欠款比例归于贵司的每月约 400 元');
    expect(hb).not.toMatch(/申请将欠款|申请分期或个性化还款方案/);
    expect(hb).toContain('身份证/账户后四位：5678');
    for (const never of NEVER) expect(hb).not.toContain(never);
    printQuality(huabei!);

    if (l.english) {
      from = count(h);
      await u.press(l.english);
      const [english] = await documentsSince(h, from);
      expect(english!.filename).toBe('hardship-statement-Huabei (花呗)-2026-11-24.docx');
      expect(english!.xml).toMatch(/<w:spacing[^>]*w:after="160"/);
      expect(english!.xml).toContain('w:val="en-US"');
      expect(english!.text).toContain('I have agreed with you that the debt will be repaid in 9 instalments of about ¥555.56 each');
      printQuality(english!);
    }

    from = count(h);
    await u.press(l.confirmation);
    const confirmation = (await documentsSince(h, from))[0]!;
    expect(confirmation.filename).toBe('请求书面确认还款方案-花呗-2026-11-24.docx');
    expect(confirmation.text).toContain('关于花呗还款方案的书面确认请求');
    expect(confirmation.text).toContain('您好，我是花呗用户。2026年11月24日我与贵司客服（工号 A1234）沟通并商定了还款方案');
    expect(confirmation.text).toContain('姓名：李华');
    expect(confirmation.text).toContain('身份证/账户后四位：5678');
    expect(confirmation.text).toContain('本人签名：＿＿＿＿＿＿＿＿');
    printQuality(confirmation);

    from = count(h);
    await u.press(l.complaint);
    await u.press(l.refusal);
    // The person's account names its own date, and runs past the length kept: it is not dated twice, and not cut mid-sentence without a word.
    await u.send(`11月24日起客服一直说不能分期，${'只让我一次还清，'.repeat(40)}我没有办法`);
    await u.press(lang === 'zh' ? '今天' : 'Today');
    const complaint = (await documentsSince(h, from))[0]!;
    expect(complaint.filename).toBe('投诉信-花呗-2026-11-24.docx');
    expect(complaint.text).toContain('本人是花呗用户');
    expect(complaint.text).toMatch(/\n11月24日起客服一直说不能分期/);
    expect(complaint.text).toContain('……（篇幅所限，其余经过另附书面说明。）');
    printQuality(complaint);

    // The card: its own review and request, its own account tail; 贵行 all through; its share said to be its share.
    await u.send('/checklist');
    await u.press(l.pickCard);
    from = count(h);
    await u.send('/statement');
    expect(u.last()).toContain(lang === 'zh' ? '下面这些会写进说明里' : '');
    expect(count(h)).toBe(from);
    await u.press(lang === 'zh' ? '下一步：选择请求' : 'Next: choose your request');
    // Nothing carried over from 花呗's letter: no request is ticked yet.
    expect(u.buttons().map((b) => b.text).filter((t) => t.startsWith('☑'))).toEqual([]);
    await u.press(l.instalments);
    await u.press(lang === 'zh' ? '写说明' : 'Write it');
    // Name and phone are kept; only this card's tail is asked.
    await u.send('9876');
    const [card] = await documentsSince(h, from);
    expect(card!.filename).toBe('还款困难情况说明-招商银行信用卡-2026-11-24.docx');
    const cc = card!.text;
    expect(cc).toContain('致：招商银行信用卡中心');
    expect(cc).toContain('本人的招商银行信用卡欠款');
    expect(cc).toContain('须同时偿还 2 笔欠款，按欠款金额比例，贵行所占份额为每月约 1,600 元');
    expect(cc).toContain('姓名：李华');
    expect(cc).toContain('身份证/账户后四位：9876');
    expect(cc).not.toContain('5678');
    expect(cc).not.toMatch(/贵司|平台/);
    for (const never of NEVER) expect(cc).not.toContain(never);
    printQuality(card!);

    // The summary letter, from the checklist itself.
    await u.send('/checklist');
    from = count(h);
    await u.press(l.letter);
    const [letter] = await documentsSince(h, from);
    expect(letter!.filename).toBe('欠款情况汇总-2026-11-24.docx');
    const s = letter!.text;
    for (const said of [
      '姓名：李华',
      '困难原因：家里出了变故。',
      '处理顺序及理由',
      '1. 花呗',
      '出借方 / 收件方：重庆蚂蚁消费金融有限公司',
      '欠款金额：5,000 元',
      '逾期天数：约 20 天',
      '每天费用：约 2.50 元（估算）',
      '协商情况：已商定分 9 期偿还，每期约 555.56 元，首期 2026年12月10日，尚未取得书面确认',
      '2026年11月24日，打电话，谈成了，客服工号：A1234；对方答应：',
      '2. 招商银行信用卡',
      '出借方 / 收件方：招商银行信用卡中心',
      '协商情况：尚未申请分期或延期',
      '已起草的投诉',
      '本人签名：＿＿＿＿＿＿＿＿',
      '12348',
    ]) {
      expect(s).toContain(said);
    }
    printQuality(letter!);
  });
});

describe.each(['zh', 'en'] as const)('%s: 借呗, an instalment loan', (lang) => {
  it('states the balance, not "the overdue amount", and its penalty estimate as an upper bound', async () => {
    const h = createBotHarness();
    const u = h.user(lang === 'zh' ? 18_011 : 18_012, lang === 'zh' ? 'zh-hans' : 'en');
    await walk.toStepOneResult(
      u,
      { product: lang === 'zh' ? '借呗' : 'Jiebei', amount: '12000', overdue: lang === 'zh' ? '30天' : '30 days', rate: '0.04%', cause: lang === 'zh' ? '生病' : 'illness', since: null, income: '3000', essentials: '2500', otherDebts: '0' },
      lang,
    );
    const summary = u.texts().at(-2)!;
    expect(summary).toContain(lang === 'zh' ? '罚息（估算上限）' : 'Penalty interest (an upper bound)');
    expect(summary).toContain(lang === 'zh' ? '只计在逾期未还的那一期上' : 'charged only on the instalment that is overdue');
    const from = count(h);
    await walk.writeStatement(u, lang === 'zh' ? '分期' : 'Instalments', lang);
    const [doc] = await documentsSince(h, from);
    expect(doc!.filename).toBe('还款困难情况说明-借呗-2026-11-24.docx');
    expect(doc!.text).toContain('本人的借呗借款目前尚欠余额 12,000 元，其中有到期款项未还，截至 2026年11月24日 已逾期约 30 天。');
    expect(doc!.text).not.toContain('逾期未还金额');
    expect(doc!.text).toContain('本人因伤病需要治疗，暂时无力按期足额还款。');
    expect(doc!.text).toContain('每月还款约 500 元');
    printQuality(doc!);
  });
});

describe('微粒贷 has no app of its own', () => {
  it('is never told to look in "the App" for its charges', async () => {
    const h = createBotHarness();
    const u = h.user(18_021, 'zh-hans');
    await walk.toStepOneResult(u, { product: '微粒贷', amount: '8000', overdue: '20天', rate: null, cause: '失业', since: null, income: '3000', essentials: '2500', otherDebts: '0' });
    const summary = u.texts().at(-2)!;
    expect(summary).toContain('微粒贷没有单独的 App');
    expect(summary).not.toContain('请在 App 的账单');
  });
});

describe('a lender the list cannot name', () => {
  it('asks its name and writes to it by that name, in the letter and its file', async () => {
    const h = createBotHarness();
    const u = h.user(18_031, 'zh-hans');
    await walk.toStepOneResult(u, { product: '其他', lenderName: '分期乐', amount: '3000', overdue: '15天', cause: '收入减少', since: null, income: '5000', essentials: '4000', otherDebts: null });
    const from = count(h);
    await walk.writeStatement(u, '延期');
    const [doc] = await documentsSince(h, from);
    expect(doc!.filename).toBe('还款困难情况说明-分期乐-2026-11-24.docx');
    expect(doc!.text).toContain('致：分期乐客服部');
    expect(doc!.text).toContain('本人的分期乐欠款');
    expect(doc!.text).not.toContain('其他平台');
  });

  it('keeps a name given on the review page when its question is skipped later', async () => {
    const h = createBotHarness();
    const u = h.user(18_032, 'zh-hans');
    await walk.toStepOneResult(u, { product: '花呗', amount: '3000', overdue: '15天', cause: '失业', since: null, income: '5000', essentials: '4000', otherDebts: null });
    await u.send('/statement');
    await u.press('✏️ 称呼');
    await u.send('王芳');
    await walk.writeStatement(u, '延期');
    const [doc] = await documentsSince(h, count(h) - 1);
    expect(doc!.text).toContain('姓名：王芳');
  });
});

describe('an approved extension, recorded', () => {
  it('is confirmed in the statement and the confirmation request, never asked for again', async () => {
    const h = createBotHarness();
    const u = h.user(18_041, 'zh-hans');
    await walk.toStepOneResult(u, { product: '借呗', amount: '12000', overdue: '30天', rate: '0.04%', cause: '失业', since: null, income: '0', essentials: '2500', otherDebts: '0' });
    await u.send('/checklist');
    await u.press('分期延期');
    await u.press('我已经提交申请了');
    await u.press('同意延期了');
    await u.send('3');
    await u.send('2027年3月1日');
    expect(u.texts().join('\n')).toContain('延期 3 个月，2027年3月1日起恢复还款');
    let from = count(h);
    await walk.writeStatement(u, '延期');
    const [statement] = await documentsSince(h, from);
    expect(statement!.text).toContain('本人已与贵司商定：欠款延期 3 个月，自 2027年3月1日 起恢复还款。');
    expect(statement!.text).not.toContain('申请延期还款');
    from = count(h);
    await u.press('请平台书面确认');
    const [confirmation] = await documentsSince(h, from);
    // No call was logged as an agreement: no date of one is claimed.
    expect(confirmation!.text).toContain('贵司已同意我的还款方案，双方约定：欠款延期 3 个月，自 2027年3月1日 起恢复还款。');
  });
});
