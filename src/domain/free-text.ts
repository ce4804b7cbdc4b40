import type { RightsTopic } from './catalog.js';
import { toHalfWidth } from './money.js';

/**
 * What a message typed outside an answer is about, so it is understood instead of bounced: words of despair,
 * a collector's threat or a lawsuit, a request the person can make to the lender themselves, or a button's label.
 * Pure pattern matching on normalised text; nothing here keeps or reports what was typed.
 */

/** Traditional characters that appear in these patterns, to their simplified form. */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [
    '殺杀', '樓楼', '絕绝', '輕轻', '結结', '藥药', '醫医', '盡尽', '遺遗', '書书', '撐撑', '還还', '債债', '徵征', '費费',
    '錢钱', '減减', '掛挂', '賬账', '帳账', '協协', '證证', '訴诉', '傳传', '師师', '門门', '錄录', '訊讯', '脅胁', '嚇吓',
    '罵骂', '電电', '話话', '務务', '優优', '復复', '處处', '辦办', '個个', '們们', '幫帮', '說说', '讓让', '會会',
    '過过', '沒没', '無无', '銀银', '請请', '應应', '貸贷', '報报', '單单', '機机', '構构', '專专', '團团', '隊队', '擾扰',
    '親亲', '騷骚', '執执', '凍冻', '開开', '裡里', '來来', '對对', '這这', '戶户', '權权', '維维', '嗎吗', '後后', '額额',
    '訪访', '違违', '約约', '員员', '聯联', '繫系', '車车', '關关', '導导', '麼么',
  ].map((pair) => [pair[0]!, pair[1]!]),
);

/**
 * One transition asks about the same text many times (a guard per typed button word, the crisis and scam checks):
 * each of these string functions keeps its last answer.
 */
function rememberLast<T extends string | null>(fn: (text: string) => T): (text: string) => T {
  let lastText: string | null = null;
  let last = null as T;
  return (text) => {
    if (text !== lastText) {
      last = fn(text);
      lastText = text;
    }
    return last;
  };
}

/** Lower case, half-width, simplified, no spaces: the form every Chinese pattern below is written against. */
export const normaliseZh = rememberLast((text: string): string => simplified(toHalfWidth(text).toLowerCase()).replace(/\s+/g, ''));

const simplified = (s: string): string => s.replace(/[\u4e00-\u9fff]/g, (c) => TRADITIONAL[c] ?? c);

/** Lower case, single spaces, straight apostrophes: the form every English pattern below is written against. */
export const normaliseEn = rememberLast((text: string): string =>
  toHalfWidth(text).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim(),
);

const CRISIS_ZH = new RegExp(
  [
    '不想活', '活不下去', '活不了了', '不活了', '没法活', '活着(没|没有)(意思|意义|盼头)', '活够了',
    '想死(?!你)', '寻死', '求死', '我(也)?(想|要|只能|准备|打算)?去死', '不如死了', '死了(算了|就好了|一了百了|也好)', '一了百了',
    '自杀', '轻生', '自尽', '跳楼', '跳河', '跳江', '跳海', '跳桥', '卧轨', '割腕', '上吊', '烧炭', '安眠药',
    '结束(自己的?|我的)?生命', '结束自己', '了结自己', '自我了断', '了断(自己|生命)', '遗书',
    // "生意撑不下去了" is about the business, not the person.
    '(?<!生意|公司|店|厂|店铺|买卖)撑不(下去|住了)', '不想醒来', '逼死',
    '活着(好|太|真)累', '想消失', '不想存在',
  ].join('|'),
);
const CRISIS_EN =
  /\b(kill(ing)? my ?self|suicid(e|al)|end(ing)? (my|it) (life|all)|take my (own )?life|(don'?t|do not|dont) want to (live|be alive|exist|wake up)|(want|wanted|going) to die|wanna die|better off dead|no reason to live|(can'?t|cannot) (go on|take (it|this) any ?more)|jump(ing)? off (a|the) (building|bridge|roof)|hang(ing)? myself|hurt(ing)? myself|self[- ]?harm|cut(ting)? myself|overdose|not worth living|wish i (was|were) dead|unalive|(don'?t|do not|dont) want to be here any ?more|kms)\b/;

/** Words of self-harm or despair, in Chinese (simplified or traditional) or English. */
export function signalsCrisis(text: string): boolean {
  return CRISIS_ZH.test(normaliseZh(text)) || CRISIS_EN.test(normaliseEn(text));
}

/**
 * Collectors' threats, lawsuits and complaints, each to the rights topic that answers it (FACTS §4.2, §4.3, §5).
 * Collectors' conduct comes first: "they said they'd visit and sue" is first of all about what they may not do.
 */
const THREATS: Array<{ topic: RightsTopic; zh: RegExp; en: RegExp }> = [
  {
    topic: 'collectors',
    zh: /爆(我的?)?通讯录|通讯录|联系人|(打|发|找)(电话|短信|信息)?(给|到)?(我的?)?(家人|家里|父母|爸妈|爸|妈|老婆|老公|孩子|同事|领导|老板|朋友|亲戚|公司|单位)|上门|(到|来)(我)?家|家访|(到|去)(我的?)?(公司|单位)(来|去)?找|威胁|恐吓|吓唬|辱骂|骂我|侮辱|骚扰|半夜|凌晨|深夜|(一天|每天|天天)打(了)?(几十|好多|很多|\d+)|(每天|天天|一直|不停地?|反复)(给我)?打电话|打爆|爆我电话|电话轰炸|冒充|p图|曝光|群发|发到群|泄露|黑名单|打我|揍我|跟踪|暴力|催收(员)?(很|太)?凶/,
    en: /\b(contacts?( list)?|phone ?book|address book|(call|calls|called|calling|message|messaged|text|texted|texting) my (family|parents|mother|mom|mum|father|dad|wife|husband|kids|boss|colleagues?|co-?workers?|friends|employer|relatives)|(visit|visiting|come to|coming to|show up at|turn up at) my (home|house|place|office|work|workplace)|threat(s|en|ened|ening)?|harass(ed|es|ing|ment)?|abus(e|ed|ive|ing)|insult(s|ed|ing)?|swear(s|ing)? at|in the middle of the night|at midnight|(call|calls|calling) me (every day|all day|nonstop|non-stop|all the time)|keep calling|blacklist|impersonat(e|ed|ing)|pretend(s|ed|ing)? to be (the )?(police|court)|expose|shame me|beat me|follow(ed|ing)? me)\b/,
  },
  {
    topic: 'letters',
    zh: /起诉|告我|上法院|法院|传票|律师函|律师信|法务部|法务短信|立案|仲裁|判决|强制执行|失信|坐牢|抓我|抓人|拘留|判刑|刑事|恶意透支|诈骗罪|冻结/,
    en: /\b(sue|sues|suing|sued|lawsuit|court|summons|subpoena|lawyer'?s letter|legal letter|legal department|arrest(ed)?|jail|prison|criminal|judg(e)?ment|enforcement|freeze my)\b/,
  },
  {
    topic: 'complaints',
    zh: /投诉|举报|12378/,
    en: /\b(complain|complaint|report (them|him|her|the collector))\b/,
  },
];

/** The rights topics a message speaks to, most pressing first; empty when none. */
export function threatTopics(text: string): RightsTopic[] {
  const zh = normaliseZh(text);
  const en = normaliseEn(text);
  return THREATS.filter((t) => t.zh.test(zh) || t.en.test(en)).map((t) => t.topic);
}

/** What a person can ask the lender for themselves, free of charge (FACTS §4.1 Art. 70, §2, §6). */
export type SelfRequest = 'stop_interest' | 'reduction';

const SELF_REQUESTS: Array<{ request: SelfRequest; zh: RegExp; en: RegExp }> = [
  {
    request: 'stop_interest',
    zh: /停息|挂账|个性化分期|个性化还款/,
    en: /\b((stop|stopping|freeze|freezing|suspend|suspending|pause|pausing) (the |all )?interest|interest[- ](freeze|suspension|stop)|personali[sz]ed (instal?ments?|repayment|plan))\b/,
  },
  {
    request: 'reduction',
    zh: /减免|免息|免除(罚息|利息|违约金|滞纳金|逾期费)|少还(点|一点|一些)?(罚息|利息)/,
    en: /\b(waive|waiver|waiving|reduc(e|ed|ing|tion) (of )?(the |my )?(penalt(y|ies)|late fees?|fees|interest|charges)|cut (the |my )?(penalt(y|ies)|late fees?|interest))\b/,
  },
];

/** The request a message asks about, for someone asking the lender directly (not through a paid agent). */
export function selfRequest(text: string): SelfRequest | null {
  const zh = normaliseZh(text);
  const en = normaliseEn(text);
  return SELF_REQUESTS.find((r) => r.zh.test(zh) || r.en.test(en))?.request ?? null;
}

/** The buttons a person may type instead of pressing. `hub` is the checklist, reachable from anywhere. */
export type ButtonWord = 'back' | 'skip' | 'next' | 'hub' | 'done' | 'today' | 'agree' | 'decline';

const BUTTON_WORDS: Array<{ word: ButtonWord; forms: string[] }> = [
  // "不同意" must be read before "同意" could match inside it.
  { word: 'decline', forms: ['不同意', '拒绝', "i don't agree", 'i do not agree', 'decline', 'no thanks'] },
  { word: 'agree', forms: ['同意', '我同意', '同意开始', 'i agree', 'agree'] },
  { word: 'back', forms: ['上一步', '返回', '后退', '退回', '回上一步', '返回上一步', 'back', 'go back', 'previous'] },
  { word: 'skip', forms: ['跳过', '略过', '先跳过', '不想说', 'skip', 'pass'] },
  { word: 'next', forms: ['下一步', '继续', '开始', '下一题', 'next', 'continue', 'start', 'next step'] },
  { word: 'hub', forms: ['清单', '回到清单', '回清单', '返回清单', '菜单', '主菜单', 'checklist', 'back to checklist', 'menu'] },
  { word: 'done', forms: ['完成', '完成了', '这一步完成了', '做完了', 'done', 'finished', 'done with this step'] },
  { word: 'today', forms: ['今天', 'today'] },
];

/**
 * A button's label typed as text: the bare word ("跳过", "Back"), or a whole label with its arrow and detail
 * ("下一步：联系平台 →"). Emoji, arrows and end punctuation are ignored.
 */
export const buttonWord = rememberLast((text: string): ButtonWord | null => {
  const s = simplified(normaliseEn(text))
    .replace(/[\p{Extended_Pictographic}\u2190-\u21ff\u25a0-\u25ff\ufe0f]/gu, '')
    .replace(/[。.!！~～]+$/u, '')
    .trim();
  if (s.length === 0 || s.length > 40) return null;
  const head = s.split(/[:：]/)[0]!.trim();
  // "同意，开始" and "同意 开始" are the same label; English keeps its single spaces.
  const compact = /[a-z]/.test(head) ? head.replace(/,/g, '') : head.replace(/[\s，,]+/g, '');
  for (const { word, forms } of BUTTON_WORDS) {
    if (forms.includes(compact)) return word;
  }
  return null;
});

/**
 * What people type for the options of a button question, in both languages: a label, its short form or an
 * everyday word for it. Compared whole, without spaces, punctuation or a bracketed gloss ("Huabei (花呗)").
 */
const OPTION_WORDS: Record<string, Record<string, string[]>> = {
  product: {
    huabei: ['花呗', 'huabei'],
    jiebei: ['借呗', 'jiebei'],
    weilidai: ['微粒贷', '微众', 'weilidai', 'webank'],
    jd_jintiao: ['京东金条', '金条', 'jdjintiao', 'jintiao'],
    jd_baitiao: ['京东白条', '白条', 'jdbaitiao', 'baitiao'],
    meituan_yuefu: ['美团月付', '月付', '美团', 'meituanyuefu', 'yuefu', 'meituan'],
    credit_card: ['信用卡', 'creditcard', 'card'],
    other: ['其他平台', '其他', '别的', 'anotherlender', 'other'],
  },
  bank: {
    cmb: ['招商银行', '招商', '招行', 'chinamerchantsbank', 'cmb'],
    boc: ['中国银行', '中行', 'bankofchina', 'boc'],
    ccb: ['建设银行', '建行', 'chinaconstructionbank', 'ccb'],
    icbc: ['工商银行', '工行', 'icbc'],
    citic: ['中信银行', '中信', 'chinaciticbank', 'citic'],
    abc: ['农业银行', '农行', 'agriculturalbankofchina', 'abc'],
    cmbc: ['民生银行', '民生', 'chinaminshengbank', 'cmbc'],
    ceb: ['光大银行', '光大', 'chinaeverbrightbank', 'ceb'],
    bocom: ['交通银行', '交行', 'bankofcommunications', 'bocom'],
    cgb: ['广发银行', '广发', 'chinaguangfabank', 'cgb'],
    spdb: ['浦发银行', '浦发', 'spdbank', 'spdb'],
    hxb: ['华夏银行', '华夏', 'huaxiabank', 'hxb'],
    cib: ['兴业银行', '兴业', 'industrialbank', 'cib'],
    pingan: ['平安银行', '平安', 'pinganbank', 'pingan'],
    psbc: ['邮储银行', '邮储', '邮政储蓄银行', 'postalsavingsbank', 'psbc'],
    other_bank: ['其他银行', '其他', 'anotherbank', 'other'],
  },
  cause: {
    illness: ['生病或受伤', '生病', '受伤', '病了', '住院', 'illness', 'illnessorinjury', 'injury', 'sick', 'ill'],
    job_loss: ['失业', '失业了', '没工作了', '丢了工作', 'jobloss', 'lostmyjob', 'unemployed'],
    income_drop: ['收入减少', '收入少了', '降薪', '工资少了', 'lowerincome', 'incomedrop', 'paycut'],
    family: ['家里出了变故', '家庭变故', '家里有事', 'afamilyemergency', 'familyemergency', 'family'],
    business: ['生意经营失败', '生意失败', '生意', 'afailedbusiness', 'failedbusiness', 'business'],
    other: ['其他原因', '其他', 'anotherreason', 'otherreason', 'other'],
  },
  channel: {
    phone: ['打电话', '电话', 'phone', 'call'],
    app_chat: ['app在线客服', '在线客服', 'app', 'in-appchat', 'appchat', 'chat'],
    other: ['其他方式', '其他', 'other'],
  },
  outcome: {
    agreed: ['谈成了', '谈成', '同意了', 'agreed'],
    refused: ['被拒绝了', '被拒了', '拒绝了', 'refused'],
    callback: ['说会回电', '回电', "they'llcallback", 'callback'],
    not_reached: ['没联系上', '没打通', '没人接', "didn'tgetthrough", 'notreached', 'noanswer'],
  },
};

const compactLabel = rememberLast((text: string): string =>
  simplified(normaliseEn(text))
    .replace(/\([^)]*\)|（[^）]*）/g, '')
    .replace(/[\s。.!！~～,，]+/g, ''),
);

/** The option of a button question that typed text names, or null. */
export function optionWord(question: string, text: string): string | null {
  const options = OPTION_WORDS[question];
  const s = compactLabel(text);
  if (!options || s.length === 0) return null;
  return Object.entries(options).find(([, forms]) => forms.includes(s))?.[0] ?? null;
}
