import type { BankId, Confidence, IsoDate, ProductId } from './catalog.js';

/**
 * What we know about each lender, as data. Every figure carries where it comes from (FACTS.md), when that was
 * checked, and how sure we are; the renderer hedges anything below "high".
 */
export interface Sourced {
  confidence: Confidence;
  source: string;
  asOf: IsoDate;
}

export type PenaltyRule =
  | ({ kind: 'daily_rate'; bpPerDay: number; base: 'overdue_amount' } & Sourced)
  | ({ kind: 'contract_multiple'; multiple: number } & Sourced)
  | { kind: 'unknown' };

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
  /** The penalty depends on the user's own contract rate, so step 1 asks for it. */
  asksContractRate: boolean;
}

const CHECKED: IsoDate = '2026-11-01';
const ANT = { id: 'ant_consumer_finance', confidence: 'high', source: 'FACTS §1.1 (Shine.cn/Shanghai Daily 2021-09-23)', asOf: CHECKED } as const;
const ALIPAY_95188: Hotline = { number: '95188', confidence: 'high', source: 'FACTS §2 (several agreeing sources)', asOf: CHECKED };
const NONE = { penalty: { kind: 'unknown' }, instalmentFees: null, maxInstalmentMonths: null, asksContractRate: false } as const;

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
    asksContractRate: true,
  },
  weilidai: {
    company: { id: 'webank', confidence: 'medium', source: 'FACTS §3 (xincainet.com 2026-01)', asOf: CHECKED },
    hotlines: [{ number: '95384', confidence: 'medium', source: 'FACTS §3, §8.4 (xincainet.com 2026-01)', asOf: CHECKED }],
    ...NONE,
    reportsToCreditCentre: null,
  },
  jd_jintiao: { company: null, hotlines: [], ...NONE, reportsToCreditCentre: null },
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
    penalty: { kind: 'unknown' },
    reportsToCreditCentre: null,
    instalmentFees: null,
    maxInstalmentMonths: {
      months: 60,
      confidence: 'high',
      source: 'FACTS §4.1 (商业银行信用卡业务监督管理办法 Art. 70; 银保监规〔2022〕13号)',
      asOf: CHECKED,
    },
    asksContractRate: false,
  },
  other: { company: null, hotlines: [], ...NONE, reportsToCreditCentre: null },
};

export const getLender = (id: ProductId): Lender => LENDERS[id];

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
