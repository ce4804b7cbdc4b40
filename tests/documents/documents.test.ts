import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { forLender, newCaseContext, type LenderCase } from '../../flows/case.js';
import { composeDocument, missingFor, toDocx, toPlainText, toTelegramHtml, documentFilename } from '../../src/documents/index.js';
import { createI18n } from '../../src/i18n/index.js';
import { splitHtml } from '../../src/render/html.js';

const TODAY = '2026-11-24';
const i18n = createI18n({ ttlDays: 90 });
const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

const persona = (patch: (c: LenderCase) => void): LenderCase => {
  const c = forLender(newCaseContext('zh-CN'));
  c.consent = 'given';
  patch(c);
  return c;
};

const PERSONAS: Array<{ name: string; ctx: LenderCase; expected: string[]; absent?: string[] }> = [
  {
    name: '花呗 small and recent',
    ctx: persona((c) => {
      Object.assign(c.facts, { product: 'huabei', amountFen: 80_000, dueDate: '2026-11-19', dueDateGiven: true, cause: 'income_drop', causeSince: '2026-10', incomeFen: 400_000, essentialsFen: 300_000, otherDebtsFen: 0 });
      c.statement = { name: '李小梅', phoneTail: '1234', idTail: '567X', requests: ['instalments', 'penalty_reduction'], identityAsked: true };
      c.evidence = ['payslips', 'bank_statements'];
    }),
    expected: ['致：重庆蚂蚁消费金融有限公司', '姓名：李小梅', '手机号后四位：1234', '身份证/账户后四位：567X', '花呗', '800 元', '自 2026年11月19日 起逾期', '已逾期 5 天', '自今年10月起，本人收入减少，暂时无力', '贵司', '每月收入约 4,000 元', '必要生活开支约 3,000 元', '每月可用于还款的金额约 1,000 元', '每月还款约 1,000 元；', '减免逾期期间产生的罚息、违约金等费用。', '1. 工资条', '2. 银行流水', '日期：2026年11月24日'],
    absent: ['延期还款，待', '其他欠款', '第七十条', '贵行'],
  },
  {
    name: '借呗 90+ days',
    ctx: persona((c) => {
      Object.assign(c.facts, { product: 'jiebei', amountFen: 2_000_000, dueDate: '2026-07-27', cause: 'business', incomeFen: 200_000, essentialsFen: 250_000, otherDebtsFen: 30_000 });
      c.statement.requests = ['extension', 'stop_interest'];
    }),
    expected: ['借呗', '20,000 元', '已逾期约 120 天', '本人生意经营失败，暂时无力', '其他欠款约 300 元，', '每月尚有约 800 元的缺口', '申请延期还款，待收入恢复后按约定计划还款；', '停止计收新的利息和罚息。', '姓名：＿＿＿＿＿＿＿＿'],
    absent: ['附件材料', '2026年7月27日', '起逾期', '收入大幅减少', '逾期未还金额'],
  },
  {
    name: 'credit card with job loss',
    ctx: persona((c) => {
      Object.assign(c.facts, { product: 'credit_card', bank: 'cmb', amountFen: 3_500_000, dueDate: '2026-10-15', cause: 'job_loss', causeSince: '2026-09', incomeFen: 0, essentialsFen: 200_000, otherDebtsFen: 150_000 });
      c.statement.requests = ['instalments'];
      c.plan = { status: 'approved', monthlyFen: 100_000, months: 36, firstDue: '2026-12-10' };
    }),
    expected: ['致：招商银行信用卡中心', '35,000 元', '本人于今年9月失业，暂时无力', '本人目前没有收入', '本人已与贵行商定：欠款分 36 期偿还，每期 1,000 元，首期还款日为 2026年12月10日。', '本人目前每月已无余钱可用于还款，但该方案已与贵行商定', '特向贵行说明情况', '恳请贵行予以理解'],
    absent: ['贵司', '收入约 0 元', '；恳请', '第七十条', '申请将欠款', '没有了稳定收入'],
  },
  {
    name: '微粒贷 illness',
    ctx: persona((c) => {
      Object.assign(c.facts, { product: 'weilidai', amountFen: 800_000, dueDate: '2026-11-04', cause: 'illness', causeSince: '2026-10-03' });
      c.statement.requests = ['instalments'];
      c.evidence = ['diagnosis_certificate'];
    }),
    expected: ['深圳前海微众银行股份有限公司', '8,000 元', '已逾期约 20 天', '本人自今年10月3日起因伤病需要治疗', '按本人的实际能力每月还款。', '诊断证明', '贵行'],
    absent: ['每月收入约', '贵司', '收入受到很大影响', '逾期未还金额'],
  },
  {
    name: 'other lender',
    ctx: persona((c) => {
      Object.assign(c.facts, { product: 'other', amountFen: 300_000, dueDate: '2026-11-09', cause: 'family', incomeFen: 500_000, essentialsFen: 400_000 });
      c.statement.requests = ['extension'];
    }),
    expected: ['致：＿＿＿＿客服部', '3,000 元', '本人家中发生变故', '申请延期还款', '贵司'],
    absent: ['贵行', '其他平台', '经济负担加重', '开销'],
  },
];

const leftovers = /undefined|NaN|\{\{|\}\}|null|\[object/;

describe.each(PERSONAS)('the hardship statement: $name', ({ ctx, expected, absent }) => {
  const doc = composeDocument('statement', ctx, 'zh-CN', zh, TODAY);
  const text = toPlainText(doc);

  it('states every fact entered, and nothing left unfilled', () => {
    expect(missingFor('statement', ctx)).toEqual([]);
    expect(text.startsWith('还款困难情况说明')).toBe(true);
    for (const fact of expected) expect(text).toContain(fact);
    for (const a of absent ?? []) expect(text).not.toContain(a);
    expect(text).not.toMatch(leftovers);
    expect(text).not.toMatch(/。。|，，|：\n/);
  });

  it('makes a .docx a real reader opens, holding the same text, with a CJK font, A4 and 1.5 spacing', async () => {
    const bytes = await toDocx(doc);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(flat(value)).toBe(flat(text));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="SimSun"');
    expect(xml).toContain('w:line="360"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:jc w:val="center"/>');
    expect(documentFilename(doc, TODAY)).toMatch(/^还款困难情况说明-(花呗|借呗|招商银行信用卡|微粒贷)-2026-11-24\.docx$|^还款困难情况说明-2026-11-24\.docx$/);
  });
});

describe('the statement, around the edges', () => {
  const base = PERSONAS[0]!.ctx;

  it('addresses a card centre whose bank was not given with a blank to fill in, never "your bank"', () => {
    const card = persona((c) => {
      Object.assign(c.facts, { product: 'credit_card', bank: null, amountFen: 500_000, dueDate: '2026-11-01', cause: 'job_loss' });
      c.statement.requests = ['instalments'];
    });
    expect(toPlainText(composeDocument('statement', card, 'zh-CN', zh, TODAY))).toContain('致：＿＿＿＿银行信用卡中心');
    const english = toPlainText(composeDocument('statement', card, 'en', en, TODAY));
    expect(english).toContain('________ Bank Credit Card Centre');
    expect(english).not.toContain('Your bank');
  });

  it('asks to waive overdue charges only once there are some', () => {
    const ask = (dueDate: string) => {
      const ctx = structuredClone(base);
      ctx.facts.dueDate = dueDate;
      return toPlainText(composeDocument('statement', ctx, 'zh-CN', zh, TODAY));
    };
    expect(ask('2026-11-19')).toContain('减免逾期期间产生的罚息');
    expect(ask('2026-12-01')).not.toContain('减免逾期期间产生的罚息');
  });

  it('asks for what is missing instead of inventing it', () => {
    expect(missingFor('statement', forLender(newCaseContext('zh-CN')))).toEqual(['facts.product', 'facts.amountFen', 'facts.dueDate', 'facts.cause']);
    expect(missingFor('confirmation', base)).toEqual(['plan.monthlyFen', 'plan.months']);
    expect(missingFor('complaint', base)).toEqual(['complaint.kind', 'complaint.what', 'complaint.when']);
  });

  it('escapes HTML from the user in chat and keeps it literal in the document', async () => {
    const ctx = structuredClone(base);
    ctx.statement.name = '<b>李</b> & "小梅"';
    const doc = composeDocument('statement', ctx, 'zh-CN', zh, TODAY);
    expect(toTelegramHtml(doc)).toContain('&lt;b&gt;李&lt;/b&gt; &amp; &quot;小梅&quot;');
    expect(toTelegramHtml(doc)).not.toContain('<b>李');
    expect(toPlainText(doc)).toContain('<b>李</b> & "小梅"');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await toDocx(doc)) });
    expect(value).toContain('<b>李</b> & "小梅"');
  });

  it('makes a .docx that opens whatever characters an older version stored (U+FFFE, U+FFFF, controls)', async () => {
    const ctx = structuredClone(base);
    ctx.statement.name = '李\ufffe小\uffff梅\u0001';
    const bytes = await toDocx(composeDocument('statement', ctx, 'zh-CN', zh, TODAY));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/[\ufffe\uffff\u0001]/);
    expect(xml).toContain('李小梅');
  });

  it('splits a long complaint cleanly under Telegram’s limit', () => {
    const ctx = structuredClone(base);
    ctx.complaint = { kind: 'refusal', what: '客服说不能分期，只让我一次还清。'.repeat(20).slice(0, 300), when: '2026-11-20' };
    ctx.calls = Array.from({ length: 20 }, (_, i) => ({ date: '2026-11-01', channel: 'phone' as const, agentId: `A${i}`, outcome: 'refused' as const, promise: null, nextDate: null }));
    const html = toTelegramHtml(composeDocument('complaint', ctx, 'zh-CN', zh, TODAY)).repeat(4);
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p).not.toMatch(/<[^>]*$|&[a-z]*$/);
    }
  });

  it('changes exactly the edited fact when regenerated', () => {
    const before = toPlainText(composeDocument('statement', base, 'zh-CN', zh, TODAY)).split('\n');
    const edited = structuredClone(base);
    edited.facts.amountFen = 90_000;
    const after = toPlainText(composeDocument('statement', edited, 'zh-CN', zh, TODAY)).split('\n');
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('900 元');
  });

  it('writes an English copy for the user', () => {
    const text = toPlainText(composeDocument('statement', base, 'en', en, TODAY));
    expect(text).toContain('Statement of Repayment Hardship');
    expect(text).toContain('¥800');
    expect(text.split('\n')[2]).toMatch(/^For your own reference only/);
    expect(text).toContain('Overdue and unpaid: ¥800, since 19 Nov 2026 (5 days as of 24 Nov 2026).');
    expect(text).not.toMatch(leftovers);
  });

  it('writes the confirmation message and the complaint from what was recorded', () => {
    const ctx = structuredClone(base);
    ctx.plan = { status: 'approved', monthlyFen: 70_000, months: 12, firstDue: '2026-12-10' };
    ctx.calls = [{ date: '2026-11-24', channel: 'phone', agentId: 'A1234', outcome: 'agreed', promise: null, nextDate: null }];
    const confirmation = toPlainText(composeDocument('confirmation', ctx, 'zh-CN', zh, TODAY));
    expect(confirmation).toContain('工号 A1234');
    expect(confirmation).toContain('分 12 期偿还，每期 700 元，第一期还款日为 2026年12月10日');
    ctx.complaint = { kind: 'refusal', what: '客服说不能分期，也不说原因。', when: '2026-11-20' };
    const complaint = toPlainText(composeDocument('complaint', ctx, 'zh-CN', zh, TODAY));
    expect(complaint).toContain('2026年11月20日：客服说不能分期，也不说原因。');
    expect(complaint).toContain('12378');
    expect(complaint).toContain('12363');
    expect(complaint).not.toMatch(leftovers);
  });
});
