import type { HarnessUser } from './bot-harness.js';

/**
 * The ways a person reaches a screen, each written once: what they press and type, in Chinese or in English, as
 * the tests drive the bot harness. A walk asserts nothing: the test that takes it says what is seen on arrival.
 * Buttons are pressed by a part of their label, as the harness finds them.
 */
export type Lang = 'zh' | 'en';

const LABELS = {
  zh: {
    start: '开始',
    agree: '同意，开始',
    decline: '不同意',
    product: '花呗',
    skip: '跳过',
    addDebt: '再加一笔欠款',
    contact: '联系平台',
    log: '记一通电话',
    phone: '打电话',
    today: '今天',
    agreed: '谈成了',
    submitted: '我已经提交申请了',
    approved: '通过了',
    toRequests: '下一步：选择请求',
    write: '写说明',
    rehearse: '先练一练',
    refused: '被拒绝了',
  },
  en: {
    start: 'Start',
    agree: 'I agree',
    decline: 'general guidance only',
    product: 'Huabei',
    skip: 'Skip',
    addDebt: 'Add another debt',
    contact: 'Contact',
    log: 'Log a call',
    phone: 'Phone',
    today: 'Today',
    agreed: 'Agreed',
    submitted: "I've applied",
    approved: 'Approved',
    toRequests: 'Next: choose your request',
    write: 'Write it',
    rehearse: 'Practise the call',
    refused: 'Refused',
  },
} as const;

/** One debt's own questions, as typed and pressed. */
export interface DebtAnswers {
  product: string | RegExp;
  /** Pressed where the product is a credit card. */
  bank?: string;
  amount: string;
  overdue: string;
  /** Typed where the product asks for its daily rate; null presses Skip; left out where it is not asked. */
  rate?: string | null;
  /** Typed where the list cannot name the lender ("其他平台", "其他银行"); null presses Skip. */
  lenderName?: string | null;
}

/** Step 1 for the first debt: its own questions, then why, since when, and the month's money. null presses Skip. */
export interface StepOneAnswers extends DebtAnswers {
  cause: string | RegExp;
  since: string | null;
  income: string;
  essentials: string;
  otherDebts: string | null;
}

const typeOrSkip = async (u: HarnessUser, text: string | null, lang: Lang) => {
  if (text === null) await u.press(LABELS[lang].skip);
  else await u.send(text);
};

async function answerDebt(u: HarnessUser, a: DebtAnswers, lang: Lang) {
  await u.press(a.product);
  if (a.bank) await u.press(a.bank);
  if (a.lenderName !== undefined) await typeOrSkip(u, a.lenderName, lang);
  await u.send(a.amount);
  await u.send(a.overdue);
  if (a.rate !== undefined) await typeOrSkip(u, a.rate, lang);
}

async function toProductQuestion(u: HarnessUser, lang: Lang = 'zh') {
  await u.send('/start');
  await u.press(LABELS[lang].start);
  await u.press(LABELS[lang].agree);
}

async function toContactStep(u: HarnessUser, lang: Lang = 'zh') {
  await toProductQuestion(u, lang);
  await u.send('/checklist');
  await u.press(LABELS[lang].contact);
}

async function toCallDay(u: HarnessUser, lang: Lang = 'zh') {
  await u.press(LABELS[lang].log);
  await u.press(LABELS[lang].phone);
}

async function toCallOutcome(u: HarnessUser, lang: Lang = 'zh') {
  await toCallDay(u, lang);
  await u.press(LABELS[lang].today);
}

async function toStatementIdentity(u: HarnessUser, request: string, lang: Lang = 'zh') {
  await u.send('/statement');
  await u.press(LABELS[lang].toRequests);
  await u.press(request);
  await u.press(LABELS[lang].write);
}

export const walk = {
  /** /start, "Start", "I agree": consent given, at "which product is overdue?". */
  toProductQuestion,

  /** /start, "Start", "general guidance only": consent declined, at the checklist. */
  async toChecklistWithoutConsent(u: HarnessUser, lang: Lang = 'zh') {
    await u.send('/start');
    await u.press(LABELS[lang].start);
    await u.press(LABELS[lang].decline);
  },

  /** Consent given and the product picked (花呗 / Huabei unless told, and the card's bank): at "how much is still unpaid?". */
  async toAmountQuestion(u: HarnessUser, pick: { product?: string; bank?: string } = {}, lang: Lang = 'zh') {
    await toProductQuestion(u, lang);
    await u.press(pick.product ?? LABELS[lang].product);
    if (pick.bank) await u.press(pick.bank);
  },

  /** Consent given and every step-1 question answered: at its result, then "any other debt?". */
  async toStepOneResult(u: HarnessUser, a: StepOneAnswers, lang: Lang = 'zh') {
    await toProductQuestion(u, lang);
    await answerDebt(u, a, lang);
    await u.press(a.cause);
    await typeOrSkip(u, a.since, lang);
    await u.send(a.income);
    await u.send(a.essentials);
    await typeOrSkip(u, a.otherDebts, lang);
  },

  /** Step 1 answered, then the checklist's instalment-or-extension step: applied for and approved, at "how much each month?". */
  async toAgreedPlan(u: HarnessUser, a: StepOneAnswers) {
    await walk.toStepOneResult(u, a);
    await u.send('/checklist');
    await u.press('分期延期');
    await u.press('我已经提交申请了');
    await u.press('通过了');
  },

  /** From "any other debt?": one more debt's own questions, to the result and the same question again. */
  async addDebt(u: HarnessUser, a: DebtAnswers, lang: Lang = 'zh') {
    await u.press(LABELS[lang].addDebt);
    await answerDebt(u, a, lang);
  },

  /** Consent given, no step-1 answers yet, and the contact step (step 2) opened from the checklist. */
  toContactStep,

  /** From the contact step: a phone call being logged, at "which day was it?". */
  toCallDay,

  /** From the contact step: a phone call made today being logged, at "how did it go?". */
  toCallOutcome,

  /** From the contact step: a call today that was agreed, the agent's ID, what was promised and the next contact. */
  async logAgreedCall(u: HarnessUser, call: { agentId: string; promise: string; next: string }, lang: Lang = 'zh') {
    await toCallOutcome(u, lang);
    await u.press(LABELS[lang].agreed);
    await u.send(call.agentId);
    await u.send(call.promise);
    await u.send(call.next);
  },

  /** From the contact step: the call rehearsal opened and one hard line picked (by a part of its label). */
  async toRehearsal(u: HarnessUser, scenario: string | RegExp, lang: Lang = 'zh') {
    await u.press(LABELS[lang].rehearse);
    await u.press(scenario);
  },

  /** From the contact step: a phone call made today, logged as refused with nothing else noted. */
  async logRefusedCall(u: HarnessUser, lang: Lang = 'zh') {
    await toCallOutcome(u, lang);
    await u.press(LABELS[lang].refused);
    for (let i = 0; i < 3; i++) await u.press(LABELS[lang].skip);
  },

  /** From the plan step (step 3): applied, approved, and the plan as typed; a first due date of null presses Skip. */
  async toApprovedPlan(u: HarnessUser, plan: { monthly: string; months: string; firstDue: string | null }, lang: Lang = 'zh') {
    await u.press(LABELS[lang].submitted);
    await u.press(LABELS[lang].approved);
    await u.send(plan.monthly);
    await u.send(plan.months);
    await typeOrSkip(u, plan.firstDue, lang);
  },

  /** /statement, the facts reviewed, one request picked and "write": at the first identity question, the name. */
  toStatementIdentity,

  /**
   * Another lender's statement once the person's name and phone were asked: its own review, its own request, and
   * only its own account tail, skipped.
   */
  async writeAnotherStatement(u: HarnessUser, request: string, lang: Lang = 'zh') {
    await toStatementIdentity(u, request, lang);
    await u.press(LABELS[lang].skip);
  },

  /** The statement written with one request and no identity: the three identity questions skipped. */
  async writeStatement(u: HarnessUser, request: string, lang: Lang = 'zh') {
    await toStatementIdentity(u, request, lang);
    for (let i = 0; i < 3; i++) await u.press(LABELS[lang].skip);
  },
};
