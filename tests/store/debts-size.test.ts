import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION, LIMITS } from '../../flows/case.js';
import { toStored } from '../../flows/persistence.js';
import { keys } from '../../src/store/keys.js';
import { addDebt, consented, firstDebt, logCall, type DebtAnswers } from '../flows/drive.js';
import { redisForThisFile } from '../support/redis-per-file.js';

const redis = redisForThisFile();

/** Eight debts, every answer given, the longest rates and amounts a person would type. */
const DEBTS: DebtAnswers[] = [
  { product: 'huabei', amount: '5500', overdue: '45天' },
  { product: 'jiebei', amount: '12000', overdue: '30天', rate: '万分之四' },
  { product: 'credit_card', bank: 'cmb', amount: '23456.78', overdue: '2026-09-15', rate: '0.05%' },
  { product: 'weilidai', amount: '8000', overdue: '60天', rate: '0.04%' },
  { product: 'jd_jintiao', amount: '15000', overdue: '20天', rate: '0.05%' },
  { product: 'meituan_yuefu', amount: '3000', overdue: '10天' },
  { product: 'credit_card', bank: 'icbc', amount: '45000', overdue: '100天', rate: '0.05%' },
  { product: 'jd_baitiao', amount: '2000', overdue: '5天' },
];

/** The whole case, built through the conversation: 8 debts, 20 calls (half with an agent and a promise), 8 plans, a statement. */
function fullCase() {
  const d = consented();
  firstDebt(d, DEBTS[0]!).choose('job_loss').text('2026年8月').text('6000').text('3500').text('800');
  for (const debt of DEBTS.slice(1)) addDebt(d, debt);
  // As calls go: some answered with a promise noted, some nobody picked up.
  for (let call = 0; call < 20; call++) {
    d.send({ type: 'DEBT', id: d.context.debts[call % DEBTS.length]!.id }).send({ type: 'OPEN', step: 'contact' });
    logCall(d, call % 2 === 0 ? { agent: `A${1000 + call}`, promise: call % 4 === 0 ? '同意分12期，短信确认' : '三天内回电' } : 'not_reached');
  }
  for (let i = 0; i < DEBTS.length; i++) {
    d.send({ type: 'DEBT', id: d.context.debts[i]!.id }).send({ type: 'OPEN', step: 'plan' });
    d.choose('submitted').choose('approved').text('450').text('24').text('2026-12-15');
  }
  d.send({ type: 'OPEN', step: 'statement' }).choose('requests').choose('req:instalments').choose('continue');
  d.text('李华').text('1234').text('567X');
  return d;
}

describe('the Redis size of a case with several debts', () => {
  it('keeps 8 debts, 20 calls and 8 plans in under 4 KiB (MEMORY USAGE)', async () => {
    const d = fullCase();
    const c = d.context;
    expect(c.debts).toHaveLength(LIMITS.debts);
    expect(c.debts.reduce((n, debt) => n + debt.calls.length, 0)).toBe(20);
    expect(c.debts.every((debt) => debt.plan.status === 'approved')).toBe(true);

    const { store } = redis.replica();
    const chatId = 9_100_001;
    const begun = await store.begin({ chatId, token: 't', updateId: 1, cachedVersion: 0, flood: null, sentVersion: null, more: false });
    if (begun.kind !== 'go') throw new Error(`expected the lease, got ${begun.kind}`);
    const committed = await store.commit({ chatId, token: 't', expectedVersion: begun.version, updateId: 1, schema: CASE_SCHEMA_VERSION, snapshot: toStored(d.snapshot), owed: null });
    expect(committed.ok).toBe(true);
    await store.finish({ chatId, token: 't', sentVersion: null, followUp: null, release: true });

    const bytes = Number(await redis.raw.memory('USAGE', keys.case(chatId), 'SAMPLES', '0'));
    console.info(`case with 8 debts and 20 calls: ${bytes} bytes in Redis (${JSON.stringify(toStored(d.snapshot)).length} bytes of JSON)`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(4096);
  });
});
