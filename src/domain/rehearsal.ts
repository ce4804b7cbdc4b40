import { budget } from './budget.js';
import type { Confidence, IsoDate, ProductId } from './catalog.js';
import { selfRequest } from './free-text.js';
import { readCause } from './understanding/causes.js';
import { normalise } from './understanding/normalise.js';
import { quantities } from './understanding/quantities.js';

/**
 * The call rehearsal: the hard things an agent says, and a rule-based reading of the person's answer. No model:
 * the same answer always gets the same tips, built on the bot's own reading of free text (amounts, causes,
 * requests to the lender).
 */

/** The hard lines practised, in the order they are offered. */
export const SCENARIOS = ['full_only', 'proof', 'instalment_ok', 'no_waiver', 'pay_today', 'threat', 'legal_transfer'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

/** Lines where the lender is refusing or pushing: the person's task there is to stay on the request. */
const REFUSALS: ReadonlySet<ScenarioId> = new Set(['full_only', 'no_waiver', 'pay_today', 'legal_transfer']);

/** Who answers the phone: the lender's own route changes what an agent typically says. */
export type AgentRoute = 'alipay' | 'bank' | 'webank' | 'any';

export const routeOf = (product: ProductId | null): AgentRoute =>
  product === 'huabei' || product === 'jiebei' ? 'alipay' : product === 'credit_card' ? 'bank' : product === 'weilidai' ? 'webank' : 'any';

/**
 * One thing an agent may say, with where it comes from and how sure we are (FACTS.md). A line with low or no
 * confidence is only commonly reported: its text says so ("常见说法"), and a test holds it to that.
 */
export interface AgentLine {
  scenario: ScenarioId;
  route: AgentRoute;
  /** Under `rehearsal.line.` in the locales. */
  key: string;
  source: string;
  confidence: Confidence;
  asOf: IsoDate;
}

const CHECKED: IsoDate = '2026-11-25';

export const AGENT_LINES: readonly AgentLine[] = [
  {
    scenario: 'full_only',
    route: 'any',
    key: 'fullOnly',
    source: 'FACTS §4.1 (Art. 70 says a lender "may" agree a plan, so a refusal is possible); borrowers\' reports',
    confidence: 'low',
    asOf: CHECKED,
  },
  {
    scenario: 'full_only',
    route: 'alipay',
    key: 'fullOnlyAlipay',
    source: 'FACTS §1.6 (延期还款 shown in the app only to eligible users; blog pages) and §2 (95188, in-app 客服中心)',
    confidence: 'low',
    asOf: CHECKED,
  },
  {
    scenario: 'full_only',
    route: 'bank',
    key: 'fullOnlyBank',
    source: 'FACTS §4.1 (商业银行信用卡业务监督管理办法 Art. 70: personalised instalments the bank "may" agree, up to 5 years)',
    confidence: 'high',
    asOf: CHECKED,
  },
  {
    scenario: 'full_only',
    route: 'webank',
    key: 'fullOnlyWebank',
    source: 'FACTS §3 and §8.4 (95384; online service in the 「微粒贷」 WeChat account, no standalone app)',
    confidence: 'medium',
    asOf: CHECKED,
  },
  {
    scenario: 'proof',
    route: 'any',
    key: 'proof',
    source: 'FACTS §7.2 (lenders ask for hardship evidence and differ in what they accept)',
    confidence: 'medium',
    asOf: CHECKED,
  },
  {
    scenario: 'instalment_ok',
    route: 'any',
    key: 'instalmentOk',
    source: 'FACTS §4.1 (银保监规〔2022〕13号: instalment costs are shown as interest); fine print from borrowers\' reports',
    confidence: 'low',
    asOf: CHECKED,
  },
  {
    scenario: 'instalment_ok',
    route: 'bank',
    key: 'instalmentOkBank',
    source: 'FACTS §4.1 (Art. 70: at most 5 years) and §5 (征信业管理条例 Art. 16: records kept 5 years)',
    confidence: 'high',
    asOf: CHECKED,
  },
  {
    scenario: 'no_waiver',
    route: 'any',
    key: 'noWaiver',
    source: 'borrowers\' reports; FACTS §4.4 (民法典 Art. 585: excessive 违约金 may be cut on request)',
    confidence: 'low',
    asOf: CHECKED,
  },
  {
    scenario: 'pay_today',
    route: 'any',
    key: 'payToday',
    source: 'borrowers\' reports; FACTS §4.2 (CBA 2026 guideline bans exaggerated legal consequences)',
    confidence: 'low',
    asOf: CHECKED,
  },
  {
    scenario: 'threat',
    route: 'any',
    key: 'threat',
    source: 'FACTS §4.2 (CBA 2026 guideline: no disclosure to unrelated third parties, visits need consent, no threats)',
    confidence: 'high',
    asOf: CHECKED,
  },
  {
    scenario: 'legal_transfer',
    route: 'any',
    key: 'legalTransfer',
    source: 'FACTS §5 (90+ days: escalation and outsourcing, general knowledge) and §4.2 (outsourced collectors bound by the same rules)',
    confidence: 'low',
    asOf: CHECKED,
  },
];

/** Lines said only hedged: whatever is not well sourced is "commonly reported". */
export const isCommonlyReported = (line: AgentLine): boolean => line.confidence === 'low' || line.confidence === 'unsourced';

/** The agent's line for a scenario: the lender's own where one is known, else the general one. */
export function agentLine(scenario: ScenarioId, product: ProductId | null): AgentLine {
  const route = routeOf(product);
  return AGENT_LINES.find((l) => l.scenario === scenario && l.route === route) ?? AGENT_LINES.find((l) => l.scenario === scenario && l.route === 'any')!;
}

/** The hard line most worth practising first, from the case: where it stands decides what the agent will say. */
export function suggestedScenario(input: { daysOverdue: number | null; surplusFen: number | null; lastOutcome: string | null }): ScenarioId {
  if (input.lastOutcome === 'refused') return 'full_only';
  if (input.daysOverdue !== null && input.daysOverdue > 90) return 'legal_transfer';
  if (input.surplusFen !== null && input.surplusFen <= 0) return 'pay_today';
  return 'full_only';
}

/** What a reply did well. */
export const STRENGTHS = ['amount', 'reason', 'plan', 'agentId', 'written', 'holds'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** What to do better, most important first: at most two are given a turn. */
export const TIPS = ['personalAccount', 'concede', 'overBudget', 'holdRequest', 'askPlan', 'sayAmount', 'giveReason', 'askAgentId', 'askWritten'] as const;
export type Tip = (typeof TIPS)[number];
export const MAX_TIPS = 2;

export interface Assessment {
  strengths: Strength[];
  tips: Tip[];
  /** The monthly amount the reply named, in fen; null where it named none. */
  statedFen: number | null;
}

/** A "no" shortly before words turns them round: "不会转到个人账户" refuses a personal account. */
const NEGATION = /不|没|别|无法|\b(will not|cannot|can not|do not|not|never|no)\b/;

/** Words that concede what the budget cannot carry: paying it all now, or borrowing to. */
const CONCEDE_ZH = /(想办法|借钱|借点|找人借|凑|网贷|信用卡套).{0,8}(还清|全还|还完|全部还|一次性还|一次还)|今天(就|马上)?(能|会)?(全|都)?(还清|全还|还完|全部还)|马上(就)?(还清|全还|全部还)|好的?(我)?(一次性|全部|全额)还/;
const CONCEDE_EN = /\b(i'?ll|i will|ok,? i'?ll|fine,? i'?ll) (find a way to |try to |borrow (money |it )?to )?(pay|clear|settle) (it |everything |the (whole|full) (amount|balance) )?(all|in full|off|today|now|everything)\b|\bborrow (money|from)/;
const PERSONAL_ZH = /(个人|私人|你的|你个人)(账户|账号|银行卡|卡|微信|支付宝)|转(给|到)你/;
const PERSONAL_EN = /\b(personal|private|your( own)?) (bank )?(account|card|wechat|alipay)\b|\btransfer (it |the money )?to you\b/;
const REASON_ZH = /因为|由于|失业|没了工作|没工作|裁员|生病|住院|病了|手术|收入|工资|降薪|停工|生意|家里|疫情/;
const REASON_EN = /\b(because|due to|since i|lost my job|laid off|unemployed|sick|ill|hospital|income|salary|wages|pay cut|business)\b/;
const PLAN_ZH = /分期|延期|展期|个性化|停息|还款(方案|计划)|协商还款|减免/;
const PLAN_EN = /\b(instal?lments?|extension|extend|payment plan|repayment plan|stop (the )?interest|personali[sz]ed)\b/;
const AGENT_ZH = /工号|员工编号|编号是|你叫什么|怎么称呼/;
const AGENT_EN = /\b(your (staff |agent |employee )?(id|number|name)|agent id|employee (id|number)|staff (id|number))\b/;
const WRITTEN_ZH = /书面|短信|(发|给|留).{0,4}(确认|凭证|记录|通知)|录音|白纸黑字/;
const WRITTEN_EN = /\b(in writing|written|send (me )?(a |an )?(text|sms|message|confirmation|email)|confirm(ation)? by (text|sms|message|email)|record)\b/;

function unnegated(pattern: RegExp, text: string, window: number): boolean {
  const m = pattern.exec(text);
  return m !== null && !NEGATION.test(text.slice(Math.max(0, m.index - window), m.index));
}

/** The monthly amount a reply names: money said per month first, else the first plain amount. */
function statedAmount(text: string): number | null {
  const money = quantities(text).filter((q) => (q.kind === 'money' || q.kind === 'bare') && !q.range && q.value > 0);
  const q = money.find((m) => m.monthly) ?? money[0];
  return q ? Math.round(q.value * 100) : null;
}

/**
 * The person's answer to the agent, read by rules: what it did well and, most important first, at most two tips.
 * `budgetFen` is what this lender can be offered each month (its share, or all that is spare; 0 when nothing
 * is); null when the budget is not known.
 */
export function assessReply(text: string, scenario: ScenarioId, budgetFen: number | null): Assessment {
  const { dense, en, plain } = normalise(text);
  // English is read both with contractions written out and as typed ("agent id" is not "agent i would").
  const either = (zh: RegExp, eng: RegExp) => unnegated(zh, dense, 6) || unnegated(eng, en, 20) || unnegated(eng, plain, 20);
  const statedFen = statedAmount(text);
  const request = selfRequest(text);
  const asksPlan = request === 'plan' || request === 'stop_interest' || request === 'reduction' || either(PLAN_ZH, PLAN_EN);
  const concedes = either(CONCEDE_ZH, CONCEDE_EN);
  const found = {
    amount: statedFen !== null && (budgetFen === null || statedFen <= budgetFen),
    reason: readCause(text) !== null || either(REASON_ZH, REASON_EN),
    plan: asksPlan,
    agentId: either(AGENT_ZH, AGENT_EN),
    written: either(WRITTEN_ZH, WRITTEN_EN),
    holds: REFUSALS.has(scenario) && asksPlan && !concedes,
  } satisfies Record<Strength, boolean>;
  const wrong: Record<Tip, boolean> = {
    personalAccount: either(PERSONAL_ZH, PERSONAL_EN),
    concede: concedes,
    overBudget: statedFen !== null && budgetFen !== null && statedFen > budgetFen,
    holdRequest: REFUSALS.has(scenario) && !asksPlan,
    askPlan: !REFUSALS.has(scenario) && !asksPlan && scenario !== 'threat',
    sayAmount: statedFen === null && !concedes,
    giveReason: !found.reason,
    askAgentId: !found.agentId,
    askWritten: !found.written,
  };
  return {
    strengths: STRENGTHS.filter((s) => found[s]),
    tips: TIPS.filter((t) => wrong[t]).slice(0, MAX_TIPS),
    statedFen,
  };
}

/**
 * What this lender can be offered each month: its share when several lenders split the budget, else all that is
 * spare (0 when nothing is); null while income and essentials are not known.
 */
export function spareFor(ctx: {
  share: { fen: number } | null;
  facts: { incomeFen: number | null; essentialsFen: number | null; otherDebtsFen: number | null };
}): number | null {
  if (ctx.share) return ctx.share.fen;
  const b = budget(ctx.facts);
  return b === null ? null : Math.max(0, b.surplusFen);
}
