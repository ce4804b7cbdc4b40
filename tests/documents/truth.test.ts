import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { forLender, newCaseContext, type LenderCase } from '../../flows/case.js';
import { CAUSES, PRODUCTS, type Lang } from '../../src/domain/catalog.js';
import { getLender } from '../../src/domain/lenders.js';
import { composeDocument, toDocx, toPlainText, type LenderDocumentKind } from '../../src/documents/index.js';
import { createI18n } from '../../src/i18n/index.js';

/** The letters say only what the person told us, in the words a Chinese reader expects. */
const TODAY = '2026-11-24';
const i18n = createI18n({ ttlDays: 90 });
const t = (lang: Lang) => i18n.getFixedT(lang);

const caseWith = (patch: (c: LenderCase) => void): LenderCase => {
  const c = forLender(newCaseContext('zh-CN'));
  c.consent = 'given';
  Object.assign(c.facts, { product: 'huabei', amountFen: 500_000, dueDate: '2026-10-25', dueDateGiven: false, cause: 'job_loss', causeSince: '2026-08', incomeFen: 300_000, essentialsFen: 250_000, otherDebtsFen: 0 });
  c.statement.requests = ['extension', 'penalty_reduction'];
  c.plan = { status: 'approved', monthlyFen: 50_000, months: 12, firstDue: null };
  c.complaint = { kind: 'refusal', what: '客服说不能分期', when: '2026-11-20' };
  patch(c);
  return c;
};
const text = (kind: LenderDocumentKind, ctx: LenderCase, lang: Lang = 'zh-CN') => toPlainText(composeDocument(kind, ctx, lang, t(lang), TODAY));
const KINDS: LenderDocumentKind[] = ['statement', 'confirmation', 'complaint'];

describe('a due date counted back from "30天" is never written as a date', () => {
  const derived = caseWith(() => {});
  const given = caseWith((c) => (c.facts.dueDateGiven = true));

  it.each([
    ['zh-CN', '已逾期约 30 天', ['2026年10月25日', '起逾期']],
    ['en', 'about 30 days overdue', ['25 Oct 2026', 'since 25 Oct']],
  ] as const)('%s: says "about 30 days" and names no date of default', (lang, about, absent) => {
    const s = text('statement', derived, lang);
    expect(s).toContain(about);
    for (const a of absent) expect(s).not.toContain(a);
  });

  it('a case stored before the flag was kept (null) is treated as not given', () => {
    const old = caseWith((c) => (c.facts.dueDateGiven = null));
    expect(text('statement', old)).not.toContain('2026年10月25日');
  });

  it.each([
    [true, 'zh-CN', '还款日为 2026年11月29日，目前尚未逾期'],
    [false, 'zh-CN', '约 5 天后到期，目前尚未逾期'],
    [true, 'en', 'is due on 29 Nov 2026; it is not overdue yet'],
    [false, 'en', 'is due in about 5 days; it is not overdue yet'],
  ] as const)('a due date still ahead (given: %s) is written as ahead, never as overdue (%s)', (dueDateGiven, lang, said) => {
    const s = text('statement', caseWith((c) => Object.assign(c.facts, { dueDate: '2026-11-29', dueDateGiven })), lang);
    expect(s).toContain(said);
    expect(s).not.toMatch(/已逾期|days overdue|day overdue/);
  });

  it('states the date where the user gave it', () => {
    expect(text('statement', given)).toContain('自 2026年10月25日 起逾期');
    expect(text('statement', given, 'en')).toContain('since 25 Oct 2026');
  });
});

describe('贵行 for a bank, 贵司 for anyone else, the same word all through', () => {
  const cases = PRODUCTS.map((product) => [product, getLender(product).isBank] as const);

  it('treats the card centre and 微众银行 as banks, the others as companies', () => {
    expect(cases.filter(([, bank]) => bank).map(([p]) => p)).toEqual(['weilidai', 'credit_card']);
  });

  it.each(cases)('%s: every document uses one address', async (product, bank) => {
    const ctx = caseWith((c) => {
      c.facts.product = product;
      c.facts.bank = product === 'credit_card' ? 'cmb' : null;
      c.calls = [{ date: '2026-11-20', channel: 'phone', agentId: 'A1', outcome: 'refused', promise: null, nextDate: null }];
    });
    for (const kind of KINDS) {
      const s = text(kind, ctx);
      expect(s, kind).toContain(bank ? '贵行' : '贵司');
      expect(s, kind).not.toContain(bank ? '贵司' : '贵行');
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await toDocx(composeDocument(kind, ctx, 'zh-CN', t('zh-CN'), TODAY))) });
      expect(value, `${kind}.docx`).not.toContain(bank ? '贵司' : '贵行');
    }
  });
});

describe('one natural sentence per cause', () => {
  const table = CAUSES.flatMap((cause) => [
    [cause, '2026-08', '今年8月'],
    [cause, '2025-12-03', '去年12月3日'],
    [cause, '2024-03', '2024年3月'],
    [cause, null, null],
  ] as const);

  it.each(table)('%s since %s: one sentence in Chinese, starting from the person', (cause, since, said) => {
    const ctx = caseWith((c) => Object.assign(c.facts, { cause, causeSince: since }));
    const line = text('statement', ctx).split('\n').find((l) => l.includes('暂时无力按期足额还款'))!;
    expect(line).toMatch(/^(本人|自)/);
    expect(line.match(/。/g)).toHaveLength(1);
    if (said) expect(line).toContain(said);
    expect(line).not.toMatch(/因为|\{\{|null/);
  });

  it.each(table)('%s since %s: one sentence in English', (cause, since) => {
    const ctx = caseWith((c) => Object.assign(c.facts, { cause, causeSince: since }));
    const line = text('statement', ctx, 'en').split('\n').find((l) => l.includes('cannot repay in full on time'))!;
    expect(line).toMatch(/^[A-Z].*\.$/);
    if (since === '2026-08') expect(line).toContain('Aug this year');
    if (since === '2024-03') expect(line).toContain('Mar 2024');
  });

  it('says 本人于今年8月失业 for a job lost in August, and nothing the person did not say', () => {
    const s = text('statement', caseWith(() => {}));
    expect(s).toContain('本人于今年8月失业，暂时无力按期足额还款。');
    expect(s).not.toContain('没有了稳定收入');
  });
});

describe('money in and out, as it is', () => {
  it.each([
    ['zh-CN', '本人目前没有收入', '收入约 0 元'],
    ['en', 'I have no income at present', 'income is now about ¥0'],
  ] as const)('%s: no income is said in words, not as 0', (lang, said, absent) => {
    const s = text('statement', caseWith((c) => (c.facts.incomeFen = 0)), lang);
    expect(s).toContain(said);
    expect(s).not.toContain(absent);
  });

  it.each([
    ['zh-CN', '；', '。'],
    ['en', ';', '.'],
  ] as const)('%s: the requests read as one list: separators between, a full stop at the end', (lang, sep, end) => {
    const ctx = caseWith((c) => {
      c.statement.requests = ['extension', 'instalments', 'penalty_reduction', 'stop_interest'];
      c.plan = { status: 'none', monthlyFen: null, months: null, firstDue: null };
    });
    const items = text('statement', ctx, lang).split('\n').filter((l) => /^\d\. /.test(l));
    expect(items).toHaveLength(4);
    for (const item of items.slice(0, -1)) expect(item.endsWith(sep)).toBe(true);
    expect(items.at(-1)!.endsWith(end)).toBe(true);
  });

  it('asks a bank about Art. 70 once, in its own sentence after the list', () => {
    const ctx = caseWith((c) => Object.assign(c.facts, { product: 'credit_card', bank: 'icbc' }));
    ctx.statement.requests = ['instalments'];
    ctx.plan = { status: 'none', monthlyFen: null, months: null, firstDue: null };
    const s = text('statement', ctx);
    expect(s.match(/第七十条/g)).toHaveLength(1);
    expect(s).toMatch(/1\. 申请分期或个性化还款方案，每月还款约 500 元。\n\n本人恳请贵行根据/);
  });
});

describe('the complaint says only what the person said', () => {
  const withEvidence = (kind: NonNullable<LenderCase['complaint']['kind']>) =>
    caseWith((c) => {
      c.complaint.kind = kind;
      c.evidence = ['termination_certificate', 'bank_statements', 'collection_records'];
      c.calls = [{ date: '2026-11-20', channel: 'phone', agentId: 'A1', outcome: 'refused', promise: null, nextDate: null }];
    });

  it.each([
    ['refusal', [], ['未获说明理由', '说明拒绝的理由', 'reason for the refusal', 'without a reason']],
    ['refusal_no_reason', ['未获说明理由', '说明拒绝的理由'], []],
  ] as const)('%s: "no reason" only when the person chose it', (kind, present, absent) => {
    const ctx = withEvidence(kind);
    const s = `${text('complaint', ctx)}\n${text('complaint', ctx, 'en')}`;
    for (const p of present) expect(s).toContain(p);
    for (const a of absent) expect(s).not.toContain(a);
  });

  it('a refusal lists the hardship papers and the calls, not collection records', () => {
    const s = text('complaint', withEvidence('refusal'));
    expect(s).toContain('解除劳动合同证明');
    expect(s).toContain('联系记录（见上）');
    expect(s).not.toContain('催收记录');
  });

  it('a collector complaint lists the collection records only', () => {
    const s = text('complaint', withEvidence('collector'));
    expect(s).toContain('1. 催收记录');
    expect(s).not.toMatch(/解除劳动合同证明|银行流水|联系记录|客服工号/);
  });

  it('the confirmation claims no call date where no call reached anyone', () => {
    const s = text('confirmation', caseWith((c) => (c.calls = [{ date: '2026-11-20', channel: 'phone', agentId: null, outcome: 'not_reached', promise: null, nextDate: null }])));
    expect(s).toContain('贵司已同意我的还款方案');
    expect(s).not.toContain('2026年11月20日');
    expect(s).not.toContain('2026年11月24日我与');
  });
});

describe('an English copy is for the person to read', () => {
  it.each(KINDS)('%s: the English copy says so at the top; the Chinese one does not', (kind) => {
    const ctx = caseWith(() => {});
    expect(text(kind, ctx, 'en').split('\n')[2]).toMatch(/^For your own reference only/);
    expect(text(kind, ctx)).not.toContain('英文译本');
  });
});
