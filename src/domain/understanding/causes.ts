import type { IsoDate } from '../catalog.js';
import { normalise } from './normalise.js';
import { findSince } from './when.js';

/**
 * Why someone cannot pay, in their own words ("上个月公司裁员，我被辞退了", "my hours got cut in July"): the cause
 * the checklist and the statement name, and when it began if the words say so. Read by meaning: what happened to
 * the work, the income, the body, the family or the business, whoever it happened to.
 */
export type Cause = 'illness' | 'job_loss' | 'income_drop' | 'family' | 'business' | 'other';
export interface CauseReading {
  cause: Cause;
  /** 'YYYY-MM' or 'YYYY-MM-DD' when the words say when it began. */
  since?: string;
}

/** Someone else in the family: their illness or death is a family matter for the statement. */
const RELATIVE = /家里|家人|父母|爸|妈|父亲|母亲|孩子|儿子|女儿|老人|老婆|老公|妻子|丈夫|爷爷|奶奶|外公|外婆|公公|婆婆|岳父|岳母|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹|\b(family|parents?|father|mother|dad|mom|mum|child|children|kids?|son|daughter|wife|husband|grandma|grandpa|grandmother|grandfather|brother|sister|in-laws?)\b/;

/** Working for someone else ("在一家做装修的公司上班"): the company named is the employer, not the person's business. */
const WORKS_FOR = /(在|去|给)[^，,。!?]{0,12}(上班|打工|干活|做事)|\bi work(ed)? (at|for|in)\b/;

/**
 * Each cause's words (`zh` on the text without punctuation, `en` on its English form), and words that must stay in
 * one clause (`clause`, on the text with its punctuation: "工作还行，就是房子没了" is not a lost job).
 */
const READINGS: Array<{ cause: Cause; zh: RegExp; en: RegExp; clause?: RegExp; unless?: RegExp }> = [
  {
    cause: 'business',
    zh: /(我|自己|家里)?(开|做|经营|搞)的.{0,4}(店|公司|厂|生意|买卖|餐馆|饭店|档口)|做.{0,4}的小?(店|公司|厂|生意|买卖)|网店|淘宝店|货压|压货|卖不出去|(我|自己|家里)(开|做|经营|搞).{0,4}(店|公司|厂|生意|买卖|餐馆|饭店|档口)|店铺|(一直|每月|每个月|都)在亏|亏得|生意|买卖|创业|开店|店(铺|面)?(关|倒|亏|黄|开不下去|没生意)|亏(本|损|钱)|赔(本|钱)|货款|回款|客户(不给钱|欠款|拖款)|个体户|小本|摆摊|档口|进货/,
    en: /\b((my|our|own|family)( small| little| own)? (business|shop|store|restaurant|cafe|café|bar|salon|bakery|workshop|company|startup|stall|firm)|business (failed|failing|went under|collapsed|is struggling)|bleeding money|losing money every month|startup|lost money on (the|my) (shop|business|store)|self-employed|customers (did not|have not|not) pa(y|id))\b/,
    unless: WORKS_FOR,
  },
  {
    cause: 'job_loss',
    clause: /工作(?:(?!提成|积蓄|钱|奖金|工资|收入|存款|房子)[^，,。!?]){0,12}没了/,
    zh: /没活(干|做)?|工地(停|没)|没(有)?开工|(一直|还)在找.{0,8}(没找到|找不到)|老板跑路|(厂子|工厂|公司).{0,2}没了|丢了?.{0,2}工作|没了?工作|没有工作|工作(丢|没)了|被辞|辞退|开除|裁员|被裁|裁掉|裁了|被优化|优化掉|优化了|下岗|解雇|解聘|(公司|单位|厂子?|工厂)(倒闭|关门|破产|黄了|没了|解散|跑路)|找不到工作|待业|裸辞|辞职|离职|合同到期|没(有)?续签|被劝退|劝退/,
    en: /\b(lost (my|the) job|job loss|laid off|layoffs?|got fired|was fired|been fired|fired me|unemployed|let go|made redundant|redundancy|out of work|without (a )?job|no job|jobless|(company|firm|employer|factory) (closed|shut down|went bankrupt|went bust|went under|folded|collapsed)|quit my job|contract (ended|was not renewed)|between jobs)\b/,
  },
  {
    cause: 'illness',
    zh: /中风|脑梗|心梗|心脏病|病了|医院(住|躺|治|抢救|打针|输液)|进了医院|感染|阑尾|得了.{0,4}(病|癌|症)|住院|手术|开刀|受伤|骨折|癌|肿瘤|化疗|放疗|车祸|治病|看病|医药费|医疗费|抑郁|焦虑症|身体(不好|垮|出了)|病倒|伤了|工伤|残疾|透析|急诊/,
    en: /\b(stroke|heart attack|sick|ill|illness|hospital|hospitali[sz]ed|surgery|operation|injur(y|ed)|cancer|tumou?r|chemo|accident|medical (bills?|costs?|expenses)|disease|diagnosed|depression|health (problems?|issues?)|broke my|disabled|disability)\b/,
  },
  {
    cause: 'family',
    zh: /家里|家人|家庭|父母|爸|妈|孩子|老人|离(了)?(的)?婚|去世|过世|走了|丧事|葬礼|办丧|结婚|生孩子|生(二|三)?胎|二胎|三胎|生娃|生宝宝|怀孕|坐月子|生了|彩礼|赡养|照顾|上学|学费|亲戚/,
    clause: /(老公|老婆|丈夫|妻子|我弟|弟弟|我哥|哥哥|我姐|姐姐|我妹|妹妹|儿子|女儿)[^，,。!?]{0,6}(欠|赌|贷)/,
    en: /\b(family|divorce|divorced|separated|baby|pregnan(t|cy)|funeral|passed away|died|death in|wedding|tuition|school fees|caring for|take care of|relatives?)\b/,
  },
  {
    cause: 'income_drop',
    zh: /降薪|减薪|降工资|工资(少|降|减|发不出|拖欠|没发|欠|打折|砍|只发|低)|工资.{0,4}(打.{0,2}折|砍|腰斩|缩水)|(单子|订单|单量|跑单|接单).{0,8}(少|降|掉|不行)|(挣|赚|跑)不(到|了)(几个)?钱|收入(减少|少了|下降|降低|不稳定|变少|少|锐减|没以前)|奖金(没|少|取消|砍)|提成(少|没)|绩效(扣|少|没)|停薪|放(长)?假|停工|停产|只发(基本|底薪)|底薪|单子少|订单少|活少|接不到活|工时(少|减)|降级|转岗|兼职没了|跑单少|拖欠工资|欠薪/,
    en: /\b(pay cut|salary cut|cut my (pay|salary|hours|wages)|wages? (cut|reduced|unpaid|delayed|late)|reduced hours|hours (got |were |have been )?cut|fewer hours|less work|income (dropped|fell|went down|decreased|is lower|halved)|earn(ing)? less|making less|not (been )?paid|unpaid wages|(commission|orders|sales|tips|work) (dropped|fell|dried up|collapsed)|bonus (was )?(cut|cancelled|gone)|furlough(ed)?|demoted|fewer (orders|shifts|gigs))\b/,
  },
  // Supporting others is part of many stories ("一个人养五口人，工资还砍了一半"): the family only when nothing else is named.
  {
    cause: 'family',
    zh: /养.{0,2}口人|一个人养|养一大家/,
    en: /\bsupporting (my )?(parents|family|kids|children|mum|mom|dad|brother|sister)\b/,
  },
  {
    cause: 'other',
    zh: /乱花|冲动消费|控制不住|买买买|超前消费|花(多|超)了|骗了|诈骗|赌|炒股|股票|基金|币圈|虚拟币|爆仓|借给(别人|朋友)|借钱给|钱借给|担保|替人|帮人还|网贷.{0,4}(套|坑)|以贷养贷|其他原因|其他|别的原因|说不清/,
    en: /\b(scam(med)?|fraud|gambl(e|ed|ing)|overspen(t|d|ding)|shopping|stocks?|crypto|bitcoin|lent (money|it) to|co-?sign(ed)?|guarantor|other reason|something else)\b/,
  },
];

/** The cause a text names, and since when if it says so (`today` given) and it does. */
export function readCause(text: string, today?: IsoDate): CauseReading | null {
  const { dense, en, plain } = normalise(text);
  let cause: Cause | null = null;
  for (const r of READINGS) {
    if ((r.zh.test(dense) || r.en.test(en) || r.clause?.test(plain)) && !r.unless?.test(plain)) {
      cause = r.cause;
      break;
    }
  }
  if (cause === null) return null;
  // A relative's illness is the family's event; the person's own stays illness.
  if (cause === 'illness' && RELATIVE.test(dense + ' ' + en) && !/我(自己)?(生病|病了|住院|受伤|得了|做了?手术)|\bi (got|was|am|have been|had) (sick|ill|injured|hospitali[sz]ed|diagnosed)|\bmy (own )?(surgery|illness|injury)/.test(dense + ' ' + en)) {
    cause = 'family';
  }
  const since = today === undefined ? null : findSince(text, today);
  return since ? { cause, since } : { cause };
}
