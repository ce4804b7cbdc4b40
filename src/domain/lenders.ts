import type { BankId, Confidence, IsoDate, ProductId } from './catalog.js';
import { HOTLINES, LAWS, RATES, type Sourced } from './facts.js';

/**
 * What we know about each lender, as data. Every figure carries where it comes from (FACTS.md), when that was
 * checked, and how sure we are; the renderer hedges anything below "high".
 */

export type PenaltyRule =
  | ({ kind: 'daily_rate'; bpPerDay: number; base: 'overdue_amount' } & Sourced)
  | ({ kind: 'contract_multiple'; multiple: number } & Sourced)
  /** Credit cards: interest at the rate on the bill (commonly `commonBpPerDay`), plus a 违约金. */
  | ({ kind: 'card_rate'; commonBpPerDay: number } & Sourced)
  | { kind: 'unknown' };

/**
 * How a repayment plan is priced: a listed fee table (花呗 bill instalments), interest at the user's own daily rate
 * (loans such as 借呗), or unknown (the lender sets it case by case).
 */
export type PlanPricing = 'fee_table' | 'daily_interest' | 'unknown';

export interface Hotline extends Sourced {
  number: string;
}

export interface Lender {
  /** Locale key suffix of the lender company (`domain.company.<id>`), where known. */
  company: ({ id: string } & Sourced) | null;
  hotlines: Hotline[];
  penalty: PenaltyRule;
  reportsToCreditCentre: ({ value: boolean } & Sourced) | null;
  instalmentFees: ({ table: Array<{ months: number; feeBp: number }> } & Sourced) | null;
  /** The longest instalment plan one may ask for, where a rule says so. */
  maxInstalmentMonths: ({ months: number } & Sourced) | null;
  /** The penalty or the plan's interest depends on the user's own daily rate, so step 1 asks for it. */
  asksContractRate: boolean;
  planPricing: PlanPricing;
  /** A letter to a bank says 贵行, to anyone else 贵司. */
  isBank: boolean;
}

const CHECKED: IsoDate = '2026-11-01';
const ANT = { id: 'ant_consumer_finance', confidence: 'high', source: 'FACTS §1.1 (Shine.cn/Shanghai Daily 2021-09-23)', asOf: CHECKED } as const;
const ALIPAY_95188: Hotline = HOTLINES.alipay;
const NONE = {
  penalty: { kind: 'unknown' },
  instalmentFees: null,
  maxInstalmentMonths: null,
  asksContractRate: false,
  planPricing: 'unknown',
  isBank: false,
} as const;
/** Cash loans priced by a daily interest rate shown on the loan page (FACTS §1.3: personalised rates). */
const DAILY_INTEREST = { asksContractRate: true, planPricing: 'daily_interest' } as const;

const LENDERS: Record<ProductId, Lender> = {
  huabei: {
    company: ANT,
    hotlines: [ALIPAY_95188],
    penalty: {
      kind: 'daily_rate',
      bpPerDay: 5,
      base: 'overdue_amount',
      confidence: 'medium',
      source: 'FACTS §1.3, §8.1 (secondary sources agree; no contract text found)',
      asOf: CHECKED,
    },
    reportsToCreditCentre: { value: true, confidence: 'high', source: 'FACTS §1.2 (SCMP, Shine.cn 2021-09)', asOf: CHECKED },
    instalmentFees: {
      table: [
        { months: 3, feeBp: 250 },
        { months: 6, feeBp: 450 },
        { months: 9, feeBp: 650 },
        { months: 12, feeBp: 880 },
      ],
      confidence: 'medium',
      source: 'FACTS §1.5 (list prices; personalised and often discounted)',
      asOf: CHECKED,
    },
    maxInstalmentMonths: null,
    asksContractRate: false,
    planPricing: 'fee_table',
    isBank: false,
  },
  jiebei: {
    company: ANT,
    hotlines: [ALIPAY_95188],
    penalty: {
      kind: 'contract_multiple',
      multiple: 1.5,
      confidence: 'medium',
      source: 'FACTS §8.2 (2018 bank data spec for the Jiebei co-lending feed)',
      asOf: CHECKED,
    },
    reportsToCreditCentre: { value: true, confidence: 'medium', source: 'FACTS §1.2 (licensed lender reports)', asOf: CHECKED },
    instalmentFees: null,
    maxInstalmentMonths: null,
    ...DAILY_INTEREST,
    isBank: false,
  },
  weilidai: {
    company: { id: 'webank', confidence: 'medium', source: 'FACTS §3 (xincainet.com 2026-01)', asOf: CHECKED },
    hotlines: [{ number: '95384', confidence: 'medium', source: 'FACTS §3, §8.4 (xincainet.com 2026-01)', asOf: CHECKED }],
    ...NONE,
    ...DAILY_INTEREST,
    isBank: true,
    reportsToCreditCentre: null,
  },
  jd_jintiao: { company: null, hotlines: [], ...NONE, ...DAILY_INTEREST, reportsToCreditCentre: null },
  jd_baitiao: { company: null, hotlines: [], ...NONE, reportsToCreditCentre: null },
  meituan_yuefu: {
    company: null,
    hotlines: [{ number: '10107888', confidence: 'medium', source: "FACTS §8.4 (Meituan's general line; not confirmed for 月付)", asOf: CHECKED }],
    ...NONE,
    reportsToCreditCentre: null,
  },
  credit_card: {
    company: null,
    hotlines: [],
    penalty: { kind: 'card_rate', commonBpPerDay: RATES.cardOverdraftDaily.bp, ...sourceOf(RATES.cardOverdraftDaily) },
    reportsToCreditCentre: null,
    instalmentFees: null,
    maxInstalmentMonths: LAWS.cardPersonalisedInstalments,
    // The bill shows the daily rate; it prices the overdue interest, not a personalised plan (set case by case).
    asksContractRate: true,
    planPricing: 'unknown',
    isBank: true,
  },
  other: { company: null, hotlines: [], ...NONE, reportsToCreditCentre: null },
};

export const getLender = (id: ProductId): Lender => LENDERS[id];

function sourceOf(f: Sourced): Sourced {
  return { confidence: f.confidence, source: f.source, asOf: f.asOf };
}

const BANK_SOURCE = 'FACTS §3 (long-standing published numbers; the card back decides)';
const bank = (number: string, confidence: Confidence = 'medium'): Hotline => ({
  number,
  confidence,
  source: confidence === 'low' ? 'FACTS §3 (UNSOURCED, general knowledge)' : BANK_SOURCE,
  asOf: CHECKED,
});

export const BANK_HOTLINES: Record<BankId, Hotline | null> = {
  cmb: bank('95555'),
  boc: bank('95566'),
  ccb: bank('95533'),
  icbc: bank('95588'),
  citic: bank('95558'),
  abc: bank('95599'),
  cmbc: bank('95568'),
  ceb: bank('95595'),
  bocom: bank('95559'),
  cgb: bank('95508'),
  spdb: bank('95528'),
  hxb: bank('95577'),
  cib: bank('95561'),
  pingan: bank('95511', 'low'),
  psbc: bank('95580', 'low'),
  other_bank: null,
};
