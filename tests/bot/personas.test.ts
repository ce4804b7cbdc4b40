import { describe, expect, it } from 'vitest';
import { createBotHarness } from '../support/bot-harness.js';
import { asLender } from '../support/stored.js';
import { walk, type StepOneAnswers } from '../support/walks.js';

/**
 * Five people walk every step, from "I can't pay" to a plan, a logged call, evidence and a statement. Each test
 * checks the numbers and key facts they are shown, and what is stored.
 */
interface Persona extends StepOneAnswers {
  name: string;
  sees: { summary: string[]; contact: string[]; plan: string[]; track: string[] };
  stored: Record<string, unknown>;
}

const PERSONAS: Persona[] = [
  {
    name: '花呗, small and recent',
    product: '花呗',
    amount: '800',
    overdue: '5天',
    cause: '收入减少',
    since: '上个月',
    income: '4000',
    essentials: '3000',
    otherDebts: '0',
    sees: {
      summary: ['800 元', '已逾期约 5 天', '每天约 0.40 元', '每 30 天约 12 元', '到今天一共约 2 元', '每月大约能拿出 1,000 元'],
      contact: ['95188', '我现在有 800 元逾期了，已经 5 天', '每个月最多能拿出 1,000 元'],
      plan: ['分 3 期', '2.5%/4.5%/6.5%/8.8%', '折合年化约 14.9%，约是标价的 6 倍', '这笔欠款一个月就能还清'],
      track: ['每天约 0.05%'],
    },
    stored: { product: 'huabei', amountFen: 80_000, dueDate: '2026-11-19', cause: 'income_drop', causeSince: '2026-10' },
  },
  {
    name: '借呗, 90+ days',
    product: '借呗',
    amount: '2万',
    overdue: '120天',
    rate: '0.04%',
    cause: /生意|经营/,
    since: null,
    income: '2000',
    essentials: '2500',
    otherDebts: '0',
    sees: {
      summary: ['20,000 元', '已逾期约 120 天', '合同日利率的 1.5 倍', '只计在逾期未还的那一期上', '每天最多约 12 元', '每 30 天最多约 360 元', '到今天最多约 1,440 元', '律师函', '12368', '每月还差 500 元'],
      contact: ['95188', '暂时拿不出钱来还', '延期还款'],
      plan: ['先向平台申请延期还款', '低保、临时救助', '12345'],
      track: ['1.5 倍'],
    },
    stored: { product: 'jiebei', amountFen: 2_000_000, dailyRateBp: 4 },
  },
  {
    name: 'credit card, job loss',
    product: '信用卡',
    bank: '招商',
    amount: '35000',
    overdue: '40天',
    rate: '万分之五',
    cause: '失业',
    since: '2026年9月',
    income: '0',
    essentials: '2000',
    otherDebts: '1500',
    sees: {
      summary: ['35,000 元', '已逾期约 40 天', '按你账单上的日利率 0.05%，每天约 17.50 元', '违约金', '不能再计复利', '每月还差 3,500 元'],
      contact: ['95555', '卡背面'],
      plan: ['你现在没有收入', '失业保险金', '12333', '个性化分期', '最长 5 年', '<b>可以</b>'.replace(/<\/?b>/g, '')],
      track: ['信用卡逾期按账单上的日利率计息'],
    },
    stored: { product: 'credit_card', bank: 'cmb', cause: 'job_loss', causeSince: '2026-09', incomeFen: 0, dailyRateBp: 5, dueDateGiven: false },
  },
  {
    name: '微粒贷, illness',
    product: '微粒贷',
    amount: '8000',
    overdue: '20天',
    rate: null,
    cause: /生病|疾病|受伤/,
    since: '2026年10月',
    income: '3000',
    essentials: '2200',
    otherDebts: '300',
    sees: {
      summary: ['8,000 元', '已逾期约 20 天', '没有可靠的来源', '每月大约能拿出 500 元'],
      contact: ['95384', '我从今年10月开始因为伤病在治疗，不是不想还'],
      plan: ['你没填日利率，利息算不出来', '（只算了本金，还没算利息）', '可以申请分 18 期，每期约 444.45 元（不含利息和手续费）'],
      track: ['没有可靠来源'],
    },
    stored: { product: 'weilidai', cause: 'illness', otherDebtsFen: 30_000 },
  },
  {
    name: 'another lender',
    product: '其他',
    lenderName: '分期乐',
    amount: '3000',
    overdue: '15天',
    cause: /家里|家庭/,
    since: null,
    income: '5000',
    essentials: '4000',
    otherDebts: null,
    sees: {
      summary: ['3,000 元', '已逾期约 15 天', '没有可靠的来源', '每月大约能拿出 1,000 元'],
      contact: ['没有核实过的客服电话', '你好，我是分期乐的用户。'],
      plan: ['分 '],
      track: ['没有可靠来源'],
    },
    stored: { product: 'other', lenderName: '分期乐', cause: 'family', otherDebtsFen: null },
  },
];

describe.each(PERSONAS)('persona: $name', (p) => {
  it('walks every step and sees the right numbers and facts', async () => {
    const h = createBotHarness();
    const u = h.user(500 + PERSONAS.indexOf(p), 'zh-hans');

    // Step 1
    await walk.toStepOneResult(u, p);
    // The result, then "any other debt?": one debt, so on to contacting its lender.
    for (const s of p.sees.summary) expect(u.texts().at(-2)).toContain(s);
    expect(u.last()).toContain('还有别的欠款吗');
    const stored = await h.store.load(u.id);
    expect(asLender(stored?.snapshot).context.facts).toMatchObject(p.stored);

    // Step 2: the call script, then a logged call
    await u.press('没有了，继续');
    for (const s of p.sees.contact) expect(u.last()).toContain(s);
    await walk.logAgreedCall(u, { agentId: 'A1234', promise: '可以分 12 期，明天短信确认', next: '明天' });
    expect(u.last()).toContain('一共 1 次联系');
    expect(u.last()).toContain('A1234');
    expect(u.last()).toContain('短信或 App 消息发给你');

    // Step 3: options, then the approved plan
    await u.press('下一步：分期或延期');
    for (const s of p.sees.plan) expect(u.last()).toContain(s);
    await walk.toApprovedPlan(u, { monthly: '700', months: '12期', firstDue: '12月10日' });
    expect(u.last()).toContain('每期 700 元，一共 12 期');
    expect(u.last()).toContain('2026年12月10日');

    // Step 4: one cut
    await u.press('下一步：止损');
    expect(u.last()).toContain('不借新还旧');
    await u.press('外卖和下馆子');
    expect(u.last()).toContain('就从这一项开始');

    // Step 5: evidence ticks
    await u.press('下一步：准备材料');
    expect(u.last()).toContain('已准备 0/');
    await u.pressData(u.buttons()[0]!.callback_data);
    expect(u.last()).toMatch(/已准备 1\//);

    // Step 8 from the checklist, then the checklist's progress
    await u.send('/checklist');
    await u.press('8. 跟进');
    for (const s of p.sees.track) expect(u.last()).toContain(s);
    expect(u.last()).toContain('每期 700 元，一共 12 期');
    await u.press('这一步完成了');
    expect(u.last()).toContain('已完成 5/8');

    const final = asLender((await h.store.load(u.id))?.snapshot);
    expect(final.context.calls).toEqual([
      { date: '2026-11-24', channel: 'phone', agentId: 'A1234', outcome: 'agreed', promise: '可以分 12 期，明天短信确认', nextDate: '2026-11-25' },
    ]);
    expect(final.context.plan).toEqual({ status: 'approved', monthlyFen: 70_000, months: 12, firstDue: '2026-12-10' });
    expect(final.context.snowballCut).toBe('eating_out');
    expect(final.context.evidence).toHaveLength(1);
    expect(final.context.steps).toMatchObject({ status: 'done', contact: 'done', plan: 'done', snowball: 'done', track: 'done' });
  });
});
