import type { Confidence, IsoDate } from './catalog.js';

/**
 * The facts the bot states that are not tied to one lender (those live in `lenders.ts`): public hotlines, rates
 * and legal rules, each with where it comes from (FACTS.md), when that was checked, and how sure we are. Texts
 * take their figures from here; a locale test fails on any hotline or rate that is in neither table.
 */
export interface Sourced {
  confidence: Confidence;
  source: string;
  asOf: IsoDate;
}

export interface HotlineFact extends Sourced {
  number: string;
}

/** A rate in basis points (0.05 % = 5) and what it is a rate of. */
export interface RateFact extends Sourced {
  bp: number;
  per: 'day' | 'year' | 'amount';
}

export interface LawFact extends Sourced {
  /** The longest term the rule speaks of, where it names one. */
  months?: number;
}

const CHECKED: IsoDate = '2026-11-25';

export const HOTLINES = {
  alipay: { number: '95188', confidence: 'high', source: 'FACTS §2 (several agreeing sources)', asOf: CHECKED },
  nfraComplaints: { number: '12378', confidence: 'high', source: 'FACTS §4.3 (NFRA consumer complaint line)', asOf: CHECKED },
  pbocConsumer: { number: '12363', confidence: 'medium', source: 'FACTS §4.3 (PBoC Changchun branch notice)', asOf: CHECKED },
  courts: { number: '12368', confidence: 'high', source: 'FACTS §8.5 (Hebei court page)', asOf: CHECKED },
  legalAid: { number: '12348', confidence: 'high', source: 'FACTS §8.5 (Shandong regulations Art. 13; Legal Aid Law Art. 23)', asOf: CHECKED },
  psychological: { number: '12356', confidence: 'high', source: 'FACTS §9 (NHC notice, Xinhua 2024-12-25)', asOf: CHECKED },
  police: { number: '110', confidence: 'high', source: 'FACTS §9, §4.2 (national emergency number)', asOf: CHECKED },
  ambulance: { number: '120', confidence: 'high', source: 'FACTS §9 (national emergency number)', asOf: CHECKED },
  socialSecurity: { number: '12333', confidence: 'medium', source: 'FACTS §9 (人社 service line; 失业保险条例 1999)', asOf: CHECKED },
  localGovernment: { number: '12345', confidence: 'medium', source: 'FACTS §9 (社会救助暂行办法 2014)', asOf: CHECKED },
} as const satisfies Record<string, HotlineFact>;

export const RATES = {
  /** Many banks still charge this on card overdrafts; since 2021 the rate is by agreement. */
  cardOverdraftDaily: { bp: 5, per: 'day', confidence: 'medium', source: 'FACTS §10 (PBoC announcement 〔2020〕 No. 14; bank tariffs)', asOf: CHECKED },
  /** 违约金: commonly this share of the unpaid minimum payment. */
  cardLateFee: { bp: 500, per: 'amount', confidence: 'medium', source: 'FACTS §10 (银发〔2016〕111号; card agreements)', asOf: CHECKED },
  /** All charges together above this a year may be cut by a court on the borrower's request (licensed lenders). */
  licensedLenderCourtCap: { bp: 2_400, per: 'year', confidence: 'medium', source: 'FACTS §8.7 (法发〔2017〕22号 Art. 2, secondary rendering)', asOf: CHECKED },
} as const satisfies Record<string, RateFact>;

export const LAWS = {
  /** Credit cards: a personalised instalment agreement the bank MAY agree, up to 5 years. */
  cardPersonalisedInstalments: {
    months: 60,
    confidence: 'high',
    source: 'FACTS §4.1 (商业银行信用卡业务监督管理办法 Art. 70; 银保监规〔2022〕13号)',
    asOf: CHECKED,
  },
  /** Banks must not charge compound interest on 违约金 and fees. */
  cardNoCompoundOnLateFee: { confidence: 'medium', source: 'FACTS §10 (银保监规〔2022〕13号)', asOf: CHECKED },
  /** Before the due date a borrower may ask for an extension; it needs the lender's consent. */
  civilCodeExtension: { confidence: 'high', source: 'FACTS §4.4 (民法典 Art. 678)', asOf: CHECKED },
  /** 失业保险金, claimed through 人社 (12333), if insured and not leaving by choice. */
  unemploymentBenefit: { confidence: 'medium', source: 'FACTS §9 (失业保险条例 1999; 人社 services)', asOf: CHECKED },
  /** 低保 and 临时救助, applied for at the 乡镇政府 / 街道办事处. */
  socialAssistance: { confidence: 'medium', source: 'FACTS §9 (社会救助暂行办法 2014, State Council decree 649)', asOf: CHECKED },
  /** 花呗 bill instalments are applied for from the bill date up to the repayment day. */
  huabeiBillInstalmentWindow: { confidence: 'medium', source: 'FACTS §1.5 (wodefinance; waihuizhishiwang)', asOf: CHECKED },
} as const satisfies Record<string, LawFact>;
