/**
 * The closed vocabularies of a case. Every other module (flow, render, documents, store schema) names things
 * with these ids; their human words live in locales/.
 */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const PRODUCTS = [
  'huabei',
  'jiebei',
  'weilidai',
  'jd_jintiao',
  'jd_baitiao',
  'meituan_yuefu',
  'credit_card',
  'other',
] as const;
export type ProductId = (typeof PRODUCTS)[number];

/** Card-issuing banks we have a hotline for (FACTS §3). */
export const BANKS = [
  'cmb',
  'boc',
  'ccb',
  'icbc',
  'citic',
  'abc',
  'cmbc',
  'ceb',
  'bocom',
  'cgb',
  'spdb',
  'hxb',
  'cib',
  'pingan',
  'psbc',
  'other_bank',
] as const;
export type BankId = (typeof BANKS)[number];

export const CAUSES = ['illness', 'job_loss', 'income_drop', 'family', 'business', 'other'] as const;
export type Cause = (typeof CAUSES)[number];

export const STEPS = ['status', 'contact', 'plan', 'snowball', 'evidence', 'statement', 'rights', 'track'] as const;
export type StepId = (typeof STEPS)[number];

export const STEP_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The steps about one lender: each debt has its own status for these. */
export const LENDER_STEPS = ['status', 'contact', 'plan', 'statement', 'track'] as const;
export type LenderStepId = (typeof LENDER_STEPS)[number];
/** The steps about the person (their budget, the cause, their rights): one status for every debt. */
export const SHARED_STEPS = ['snowball', 'evidence', 'rights'] as const;

export const CALL_CHANNELS = ['phone', 'app_chat', 'other'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

export const CALL_OUTCOMES = ['agreed', 'refused', 'callback', 'not_reached'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What the user may ask the lender for (statement, call script). */
export const REQUESTS = ['extension', 'instalments', 'penalty_reduction', 'stop_interest'] as const;
export type RequestKind = (typeof REQUESTS)[number];

export const CONFIDENCES = ['high', 'medium', 'low', 'unsourced'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Money is integer fen everywhere; dates are ISO `YYYY-MM-DD` in Asia/Shanghai. */
export type Fen = number;
export type IsoDate = string;

/** Step 4: the one cost the user commits to cutting first. */
export const CUTS = ['subscriptions', 'eating_out', 'shopping', 'transport', 'phone_plan', 'other_cut'] as const;
export type CutId = (typeof CUTS)[number];

/** Step 7: the topics of "your rights and the legal route". */
export const RIGHTS_TOPICS = ['collectors', 'complaints', 'letters', 'legal_aid', 'credit_report', 'scams'] as const;
export type RightsTopic = (typeof RIGHTS_TOPICS)[number];
