import type { RightsTopic } from './catalog.js';
import { readCause } from './understanding/causes.js';
import { readAgent } from './understanding/agents.js';
import { leansToDespair, readCrisis, type CrisisReading } from './understanding/crisis.js';
import { isPlainAnswer, normalise, remembered } from './understanding/normalise.js';

/**
 * What a message typed outside an answer is about, so it is understood instead of bounced: words of despair,
 * a collector's threat or a lawsuit, a request the person can make to the lender themselves, or a button's label.
 * Pure pattern matching on normalised text; nothing here keeps or reports what was typed.
 */

/** Words of self-harm or despair, in Chinese (simplified or traditional) or English: see understanding/crisis.ts. */
export const signalsCrisis = (text: string): boolean => readCrisis(text) !== null;

/**
 * A line that leans towards despair where nothing else was read in it: no paid agent, no request to the lender, no
 * threat, no button said in words. The flow asks it gently whether the person is safe instead of saying it did not
 * understand (or naming back a number of another kind, as "二十楼" would be read as a count).
 */
export function unreadDespair(text: string): CrisisReading | null {
  const lean = leansToDespair(text);
  if (lean === null) return null;
  const readElse = readAgent(text) !== null || selfRequest(text) !== null || threatTopics(text).length > 0 || buttonWord(text) !== null || buttonMeaning(text) !== null;
  return readElse ? null : lean;
}

/**
 * Collectors' threats, lawsuits and complaints, each to the rights topic that answers it (FACTS §4.2, §4.3, §5).
 * Collectors' conduct comes first: "they said they'd visit and sue" is first of all about what they may not do.
 */
/** People a collector must not drag in (FACTS §4.2): family, work, friends, neighbours, a landlord. */
const THIRD_PARTIES_ZH =
  '(家人|家里|父母|爸妈|爸|妈|奶奶|爷爷|外婆|外公|姥姥|姥爷|老婆|老公|妻子|丈夫|孩子|儿子|女儿|亲戚|兄弟|姐妹|哥|姐|弟|妹|同事|前同事|领导|主管|上司|老板|公司|单位|hr|人事|朋友|同学|室友|邻居|房东|辅导员|老师|学校|村里|村委|紧急联系人|联系人|通讯录|女友|男友|女朋友|男朋友|对象)';
const THIRD_PARTIES_EN =
  '(family|parents?|mother|mom|mum|father|dad|grandma|grandpa|grandmother|grandfather|wife|husband|partner|kids?|children|son|daughter|relatives?|sister|brother|colleagues?|co-?workers?|ex-colleagues|former colleagues|boss|manager|employer|hr|company|office|work|friends?|classmates?|roommates?|neighbou?rs?|landlord|teachers?|references|referees|ex-manager|village|emergency contacts?|contacts)';

const THREATS: Array<{ topic: RightsTopic; zh: RegExp; en: RegExp }> = [
  {
    topic: 'collectors',
    zh: new RegExp(
      [
        '爆(我的?)?通讯录|通讯录|紧急联系人',
        `(打|联系|找|发|通知|骚扰|告诉|问|打电话给|发短信给|发信息给)(到|给)?(了)?(我们的?|我的?)?(前|老)?${THIRD_PARTIES_ZH}`,
        `(给|跟|向)(我的?)?(前|老)?${THIRD_PARTIES_ZH}.{0,4}(打电话|打了?电话|发短信|发信息|说我|讲我)`,
        `${THIRD_PARTIES_ZH}.{0,8}(接到|收到)(了)?.{0,4}(电话|短信|催收|信息)`,
        '上门|(到|来|去)(我)?(家|公司|单位|学校|老家).{0,4}(找|闹|堵|催)|家访|堵我',
        '(发|传|曝光|贴|挂|群发|晒)(到|在|给|出)?.{0,8}(群|朋友圈|抖音|微博|视频|评论|网上|同学|同事|亲戚|邻居|大学)',
        '(公司|单位|家族|亲戚|同学|工作)群|拉(我)?进.{0,4}群|身份证(照片)?.{0,8}(发|传|给)|欠款(信息|截图|记录).{0,8}(发|传|贴)',
        '(半夜|凌晨|深夜|夜里|晚上|夜间|十二点|十一点|一点|两点|三点|\\d+点).{0,10}(打|电话|催|轰炸)',
        '(一晚上?|一天|每天|天天|一上午|一下午).{0,4}(几十|二十|三十|四十|五十|上百|好多|很多|无数)(个|通|次)?(电话|短信)?',
        '(每天|天天|一直|不停地?|反复|轮番)(给我)?(打|催|轰炸)|打爆|爆我电话|电话轰炸|短信轰炸|呼死你',
        '威胁|恐吓|吓唬|辱骂|骂我|骂得|骂人|问候.{0,4}(全家|家人|祖宗|妈)|脏话|侮辱|人身攻击|p图|合成.{0,4}(照片|图)|冒充|假装是?(警察|法院|公安)',
        '知道.{0,8}(孩子|儿子|女儿|家人|老婆|老公|爸妈)(在哪|住哪|上学|读书|的?学校|的?幼儿园|的?单位)|知道.{0,8}(家在|住哪|住址|单位在)|门牌|住址|(照片|拍).{0,8}(家门|门口|门牌|楼下|大门|楼道)|房东.{0,6}(搬|赶|联系)|让我搬',
        '泄露|黑名单|打我|揍我|跟踪|暴力|催收(员)?(很|太|特别)?(凶|狠)|骚扰',
        // Shaming in public: a group they are pulled into, a paper at the door, comments under their posts, "exposure".
        '(拉|加)(我)?进.{0,8}群.{0,12}(同事|同学|亲戚|家人|朋友|领导|邻居)|(发|晒|曝)(了)?我的?身份证|(全网)?曝光我|我的?(朋友圈|抖音|微博|快手|小红书).{0,6}评论',
        '(?<![补津倒体妥粘])贴.{0,14}(欠|还钱|老赖|我的?名字|我的?照片)',
        // Coming to the person.
        '(到|来|去)(我|我们)(家|公司|单位|学校|老家|村).{0,6}(找我|闹|堵|催|等我|蹲|谈)|外访|敲门',
        // Numbers of calls however counted, new numbers when one is blocked, messages at night.
        '(一晚上?|一天|每天|天天|一上午|一下午).{0,4}([一二两三四五六七八九十百几]+|\\d+)多?(个|通|次)(的)?(电话|短信|信息|未接|陌生|催收)|换(着|了)?(不同的?)?号(码)?(打|继续|再打)|不同的号|虚拟号',
        '(半夜|凌晨|深夜|夜里|夜间).{0,10}(短信|信息|消息)',
        // Threats to the family, and the police or a court played by a collector ("自称经侦", a "逮捕令").
        '全家.{0,4}(别想|好看|遭殃)|别想好过|让你好看|走着瞧|后果自负',
        // What a collector says they will do or know, however it is put: trouble made where the person's people are, the
        // village or every contact told, "we can always find you", humiliation ("去卖血卖肾"), their data obtained.
        '(去|到|来)[^。，,!！?？]{0,10}(闹|挂横幅|拉横幅|堵你|堵我|蹲你|蹲我)|(过来|上门)看看|挂横幅|拉横幅',
        '(村委会?|村里|老家|全村|居委会|社区)[^。]{0,10}(发函|通知|知道|贴)|(所有|全部)的?(微信)?(好友|联系人|朋友|亲友).{0,6}(群发|发消息|发信息|发短信)|群发(给|到)?.{0,10}(好友|联系人|朋友|亲友|同事|家人)',
        '找不到你|找得到你|跑不掉|跑得了|躲不掉|躲得了|我们(也|都)知道|知道你(在|住)|在哪(上班|住|读书|上学|工作)[^。]{0,4}(也|都)?知道',
        '卖血|卖肾|卖身|混不下去|你信不信|你看着办|有你好看|你等着',
        `加(了)?(我)?的?(前|老)?${THIRD_PARTIES_ZH}.{0,4}(微信|qq|好友)|${THIRD_PARTIES_ZH}的?(手机|电话)?.{0,4}(被)?(轰炸|打爆|骚扰)`,
        '(家门口|门口|楼下|门牌)的?(照片|图)|(怎么|从哪|哪里)(弄|搞|拿|查)到的?[^。]{0,6}(电话|号码|信息|地址)',
        '(政审|考公|当兵|上学|升学).{0,6}(过不了|不能|影响)|影响(子女|孩子|儿子|女儿)(的)?(上学|政审|考公|工作)',
        '自称(是)?.{0,6}(公安|警察|经侦|派出所|法院|法官|检察)|逮捕令|通缉令|案件编号|(cs|催收|对方|他们)(.{0,10})(说|讲|威胁|吓)(.{0,12})(坐牢|判刑|判.{0,2}年|抓(我|人|你|走)|来抓|拘留|刑事|犯罪|经侦)',
      ].join('|'),
    ),
    en: new RegExp(
      [
        `\\b(contacts?( list)?|phone ?book|address book|emergency contacts?)\\b`,
        `\\b(call|calls|called|calling|message|messaged|messaging|text|texted|texting|email|emailed|contact|contacted|contacting|harass(ed|ing)?) (my |all my )?(ex-|former |old )?${THIRD_PARTIES_EN}\\b`,
        `\\b${THIRD_PARTIES_EN} (got|gets|received|keeps getting|is getting|are getting) (a |the |their )?(calls?|messages?|texts?)`,
        '\\b(visit|visiting|came to|come to|coming to|show(ed)? up at|turn(ed)? up at|wait(ed|ing)? (at|outside)) (my )?(home|house|place|office|work|workplace|school|door)',
        '\\b(group chat|posted|post(ing)? (my|about my)|shared my|sent my (id|photo|details)|social media|comments? (on|under) my|expose|exposed|shame me|public(ly)? shame)',
        '\\b(\\d+|dozens of|so many|twenty|thirty) (calls|messages|texts)|(calls?|calling|called) (at|after|around) (midnight|\\d+ ?(am|pm))|in the middle of the night|at midnight|all night',
        '\\b(call|calls|calling) me (every day|all day|nonstop|non-stop|all the time|constantly)|keep(s)? calling|won\'?t stop calling',
        '\\b(taped|stuck|posted|pasted|put) (a |up a )?(paper|note|notice|poster|sign) (on|at) (my )?(gate|door|wall|house|building)|print(ed|ing)? (out )?my (photo|picture)',
        `\\b(called me (a|an) ((useless|stupid|lazy|worthless|dirty|fucking|bloody) )?(bastard|idiot|liar|cheat|thief|loser|deadbeat|scammer|fraud|criminal|pig|dog|bitch|moron|failure)|told me to (jump|die|kill myself)|should (just )?(die|jump|kill myself)|(they|he|she|collectors?|agents?|agency)( have| had| has)? (rang|rung|phoned|rings|ring) (my |all my )?(ex-|former |old )?${THIRD_PARTIES_EN})\\b`,
        '\\b(field (agents?|visits?|team)|home visits?|(will|would|gonna|going to|threaten(ed|s)? to) inform (the |my |your )?(whole )?(village|family|neighbou?rs)|(feel|face) the consequences|you\'?ll regret|watch (your|my) back)\\b',
        '\\b((claim(s|ed|ing)? to be|calling (himself|herself)|said (he|she) (was|is) from) (a |the )?(police|court|lawyer|legal|officer)|arrest warrant|warrant (out )?for|case reference number|criminal case)\\b',
        '\\b(threat(s|en|ened|ening)?|harass(ed|es|ing|ment)?|abus(e|ed|ive|ing)|insult(s|ed|ing)?|swear(s|ing)? at|curs(e|ed|ing) (at )?me|yell(ed|ing)? at me|impersonat(e|ed|ing)|pretend(s|ed|ing)? to be|claim(s|ed|ing)? to be (the )?(police|court|lawyer|legal)|photo of my (apartment|door|house|home|building)|my (home )?address|know where (i|my|you|your) (live|kids?|children|family|wife|husband|son|daughter)|follow(ed|ing)? me|beat me|blacklist|leak(ed)?|doxx?(ed|ing)?)\\b',
      ].join('|'),
    ),
  },
  {
    topic: 'letters',
    zh: /限高|限制(高)?消费|被执行人?|执行局|(飞机|高铁).{0,8}(拦|不让|买不了)|起诉|告我|上法院|法院|传票|律师函|律师信|催告函|律师事务所|律所|法务部|法务短信|立案|仲裁|判决|支付令|诉前调解|诉讼|调解|开庭|被告|强制执行|失信|坐牢|抓我|抓人|拘留|判刑|刑事|恶意透支|诈骗罪|冻结|经侦|报警|公安|专案组|移交|征信黑/,
    en: /\b(sue|sues|suing|sued|lawsuit|court|summons|subpoena|lawyer'?s letter|legal letter|law firm|legal (department|action|notice)|arbitration|mediation|pre-?litigation|payment order|arrest(ed)?|jail|prison|criminal|police|economic crimes?|judg(e)?ment|enforcement|freez(e|ing) my|seiz(e|ing) my|wage garnish|garnish(ment|ee)?|dishonest debtors?|letter of demand|bankruptcy (proceedings|petition)|make (me|you) bankrupt)/,
  },
  {
    topic: 'complaints',
    zh: /投诉|举报|检举|金管会|12378|12363|12321|报案|(我|可以|能|能不能|要不要|想|去|该|应该)报警|报警(有用|管用|管不管|吗)|打110|派出所|侵犯(隐私|权益)|告催收|告他们|维护.{0,2}权益|监管部门|金融监管|银保监|人民银行.{0,4}(反映|投诉)/,
    en: /\b(complain|complaint|report (a |an |the |this |that )?(collectors?|collection agents?|agents?|agency|app|lender|them|him|her|it|harassment)|reported (them|him|her|the collectors?)|file a report|regulator|ombudsman|monetary authority|my rights|privacy violation)\b/,
  },
];

/** The rights topics a message speaks to, most pressing first; empty when none. */
export const threatTopics = remembered(threatTopicsOf);

/** Asking how, where or whether to complain or report: then that is what to answer first. */
const ASKS_TO_COMPLAIN_ZH = /(怎么|怎样|如何|哪里|哪儿|去哪|向哪|能不能|能否|我能|可以|可不可以|该不该|应该|我想|我要|打算|已经在?|准备).{0,8}(投诉|举报|检举|报警|报案)|投诉信|(投诉|举报|检举)(电话|渠道|方式|入口|功能)/;
const ASKS_TO_COMPLAIN_EN = /\b(how (do|can|to|should) i (complain|report)|where (do|can|should|to) (i )?(complain|report)|(want|going|plan|like) to (complain|report)|can i (complain|report)|complaint (function|form|channel|letter)|(channel|number|way|where) .{0,20}to report)\b/;

function threatTopicsOf(text: string): RightsTopic[] {
  if (isPlainAnswer(text)) return [];
  const { dense: zh, en } = normalise(text);
  const topics = THREATS.filter((t) => t.zh.test(zh) || t.en.test(en)).map((t) => t.topic);
  if (topics.includes('complaints') && (ASKS_TO_COMPLAIN_ZH.test(zh) || ASKS_TO_COMPLAIN_EN.test(en))) return ['complaints', ...topics.filter((t) => t !== 'complaints')];
  return topics;
}

/**
 * What a person can do themselves, free of charge (FACTS §4.1 Art. 70, §2, §5 Art. 25, §6, §8.5): ask the lender
 * to stop interest or reduce charges, ask for instalments or an extension, dispute a wrong credit record, get free
 * legal advice. Read by meaning: a request (or a how-to) about one of these, with no one paid to do it.
 */
export type SelfRequest = 'stop_interest' | 'reduction' | 'plan' | 'dispute' | 'free_help';

const SELF_REQUESTS: Array<{ request: SelfRequest; zh: RegExp; en: RegExp }> = [
  {
    request: 'dispute',
    zh: /异议|更正|(征信|记录|逾期).{0,8}(错|不是我|不对|弄错|系统的问题|搞错)/,
    en: /\b(disput(e|ing)|wrong (entry|record)|(record|entry|report) (that )?(is|was) (wrong|not mine|a mistake)|reported .{0,20}by mistake|isn'?t mine|not mine)\b/,
  },
  {
    request: 'stop_interest',
    zh: /停息|挂账|(停止|暂停|冻结|停)(计息|利息)|利息(停|免|全免|先停)|个性化(分期|还款)|只还本金|先还本金/,
    en: /\b((stop|stopping|freeze|freezing|suspend|suspending|pause|pausing) (the |all )?interest|interest[- ](freeze|suspension|stop)|interest freezes?|personali[sz]ed (instal?ments?|repayment|plan)|principal[- ]only)\b/,
  },
  {
    request: 'reduction',
    zh: /减免|免息|免除|免掉|(罚息|利息|违约金|滞纳金|逾期费|手续费).{0,6}(减|免|退|少|降|谈)|少还|降低.{0,4}(还款|利息|费)|退回.{0,4}(违约金|罚息)/,
    en: /\b(waive|waiver|waiving|waived|reduc(e|ed|ing|tion)|cut (the |my )?(penalt(y|ies)|late fees?|interest)|lower (the |my )?(payments?|fees?|interest)|negotiate .{0,20}(down|fee))\b/,
  },
  {
    request: 'free_help',
    zh: /法律援助|法援|12348|法律(扶助|诊所|服务站)|免费.{0,6}(咨询|律师|问|法律|帮忙|教)|公益(机构|组织)|不(要|收)(钱|费).{0,4}(地方|那种|机构)/,
    en: /\b(legal aid|legal (clinic|services?)|free (legal |debt )?(advice|consultation|help|service|places?)|pro bono)\b/,
  },
  {
    request: 'plan',
    zh: /分期|延期|缓(一|两|几)?(个月|下|一下)?|宽限|协商|商量|谈(判|成|下来|分期|延期)?|最低还款|少还一点|还一半|困难(说明|申请|帮扶)|申请.{0,6}(还款|分期|延期)|(打|找|联系)(客服|银行|平台|信用卡中心)|客服(电话|怎么说|怎么问)|话术/,
    en: /\b(payment plan|instal?ments?|installment plan|extension|extend|defer(ral)?|restructur(e|ed|ing)|negotiat(e|ing|ion)|hardship (plan|letter|reason|program)|pay (half|less|\d+ a month)|(call|calling|contact|ask) (the )?(bank|lender|card cent(er|re)|customer service|alipay|huabei|jiebei|cmb|jd|meituan|weilidai)|script for calling|what (do|should) i say)\b/,
  },
];

/** The request a message asks about, for someone asking the lender directly (not through a paid agent). */
export const selfRequest = remembered(selfRequestOf);

function selfRequestOf(text: string): SelfRequest | null {
  if (isPlainAnswer(text)) return null;
  const { dense, en } = normalise(text);
  return SELF_REQUESTS.find((r) => r.zh.test(dense) || r.en.test(en))?.request ?? null;
}

/** The buttons a person may type instead of pressing. `hub` is the checklist, reachable from anywhere. */
export type ButtonWord = 'back' | 'skip' | 'next' | 'hub' | 'done' | 'today' | 'agree' | 'decline';

const BUTTON_WORDS: Array<{ word: ButtonWord; forms: string[] }> = [
  // "不同意" must be read before "同意" could match inside it.
  { word: 'decline', forms: ['不同意', '拒绝', '不要', '算了不要', '不用了', "i don't agree", 'i do not agree', 'decline', 'no thanks', 'nah', 'no'] },
  { word: 'agree', forms: ['同意', '我同意', '同意开始', '可以', '行', '好的同意', 'i agree', 'agree', 'yes agree', 'yes i agree'] },
  { word: 'back', forms: ['上一步', '返回', '后退', '退回', '回上一步', '返回上一步', '上一个', 'back', 'go back', 'previous'] },
  { word: 'skip', forms: ['跳过', '略过', '先跳过', '不想说', '跳过这个', '跳过这题', '下次再说', 'skip', 'pass', 'skip this', 'skip this one', 'skip it'] },
  { word: 'next', forms: ['下一步', '继续', '开始', '下一题', '下一个', '开始吧', '好的开始', 'next', 'continue', 'start', 'next step', 'go on', "let's go", "let's start"] },
  {
    word: 'hub',
    forms: ['清单', '回到清单', '回清单', '返回清单', '菜单', '主菜单', '回主菜单', '回到主菜单', '主页', '首页', '回首页', 'checklist', 'back to checklist', 'back to the checklist', 'menu', 'main menu', 'home'],
  },
  { word: 'done', forms: ['完成', '完成了', '这一步完成了', '做完了', '弄好了', '搞定了', '好了', '办完了', 'done', 'finished', 'done with this step', 'all done'] },
  { word: 'today', forms: ['今天', 'today'] },
];

/** Each form to its button, the first listed where two share one. */
const BUTTON_FORMS = new Map<string, ButtonWord>();
for (const { word, forms } of BUTTON_WORDS) for (const form of forms) if (!BUTTON_FORMS.has(form)) BUTTON_FORMS.set(form, word);

/**
 * A button's label typed as text: the bare word ("跳过", "Back"), or a whole label with its arrow and detail
 * ("下一步：联系平台 →"). Emoji, arrows and end punctuation are ignored.
 */
export const buttonWord = remembered((text: string): ButtonWord | null => {
  const s = shortReply(text);
  if (s === null) return null;
  const head = s.split(/[:：]/)[0]!.trim();
  // "同意，开始" and "同意 开始" are the same label; English keeps its single spaces.
  const compact = /[a-z]/.test(head) ? head.replace(/,/g, '') : head.replace(/[\s，,]+/g, '');
  // "好的，开始吧", "ok skip this one please": the label with a yes before it or a particle after it.
  const bare = compact
    .replace(/^(好的|好吧|好|嗯|那|那就|行吧|ok|okay|yes|sure|please)[\s,]*/, '')
    .replace(/[\s,]*(吧|啦|了吧|呀|啊|哦|嘛|please|pls|thanks)$/, '');
  return BUTTON_FORMS.get(compact) ?? BUTTON_FORMS.get(bare) ?? null;
});

/**
 * A button's label typed, or its meaning said in a short reply of other words (`buttonMeant`). Asked only where the
 * reply is no answer, option or note of the question itself: "同意了" is an outcome, "刚刚打完" a day, "搞错了" a reply
 * to a collector in the rehearsal.
 */
export const buttonMeaning = remembered((text: string): ButtonWord | null => {
  const word = buttonWord(text);
  if (word !== null) return word;
  const s = shortReply(text);
  return s === null ? null : buttonMeant(s);
});

/** A reply short enough to be a button, without emoji, arrows and end punctuation; null when it is longer or empty. */
function shortReply(text: string): string | null {
  const s = normalise(text).plain
    .replace(/[\p{Extended_Pictographic}\u2190-\u21ff\u25a0-\u25ff\ufe0f]/gu, '')
    .replace(/[。.!！~～]+$/u, '')
    .trim();
  return s.length === 0 || s.length > 40 ? null : s;
}

/**
 * What each button means in the words people use for it, and the words that add nothing to a short reply. Read in
 * this order, all before the words that add nothing (好了 is done; 好 alone adds nothing): the checklist before
 * "back" ("返回主菜单" goes to the checklist), "decline" before "agree" (不同意 holds 同意).
 */
const BUTTON_MEANINGS: Array<{ word: ButtonWord; zh: RegExp; en: RegExp }> = [
  { word: 'hub', zh: /(回到?|返回|去|到)?(那个)?(主菜单|菜单|清单|列表|主页|首页|目录)/g, en: /\b((go |take me )?back to (the )?)?(checklist|main menu|menu|list|home|overview)\b/g },
  { word: 'done', zh: /(已经)?(完成|做完|弄好|搞定|办完|打完|交完|提交)了?|好了/g, en: /\b(all done|done|finished|completed)\b/g },
  { word: 'decline', zh: /不同意|不要了?|不用了?|拒绝|不行/g, en: /\b(i (do not|don't) agree|decline|no thanks|nah|nope|no)\b/g },
  { word: 'agree', zh: /同意|可以|没问题|就这么办|没意见|行/g, en: /\b(i agree|agree|yes|yeah|yep|sure|fine|sounds good|go ahead|deal)\b/g },
  { word: 'back', zh: /(返回|回到?|退回)?上一步|上一个|返回|后退|退回|回去|(填|写|输|搞|选)错了?|改一下/g, en: /\b((go |one step |step )?back( one step| a step)?|previous|undo)\b/g },
  { word: 'next', zh: /下一步|下一题|下一个|继续|接着来?|往下|开始/g, en: /\b(next|continue|go on|carry on|move on|let's go|start)\b/g },
  { word: 'skip', zh: /跳过|略过|不想说|不想回答|不方便说|下次再说/g, en: /\b(skip|pass|(i'd )?rather not( say)?|prefer not to say)\b/g },
  { word: 'today', zh: /今天|今日/g, en: /\b(today)\b/g },
];
// 算了 ("forget it") only with a word of declining: alone it may be giving up on more than a button.
const ADDS_NOTHING_ZH = /好的|那就|就是|那个|这个|这样|谢谢|谢了|算了|刚刚|刚才|帮我|麻烦|一下|嗯|好|就|那|我|请|先|吧|了|啊|呀|哦|的|啦|呢|ok/g;
const ADDS_NOTHING_EN = /\b(i|me|it|was|is|the|to|please|just|take|one|step|ok|okay|then|so|now|again|a|an|thanks|pls)\b/g;

/**
 * A short reply that says one button's meaning in other words ("嗯嗯 就这么办", "上一步 我刚刚填错了", "take me back to
 * the checklist"): every word of it is a word for that button or a word that adds nothing. A reply that says
 * anything else ("可以跳过吗", "今天打完了") is not a button.
 */
function buttonMeant(s: string): ButtonWord | null {
  let rest = ` ${s.replace(/[^\p{L}\p{N}\s']/gu, ' ')} `;
  const said = new Set<ButtonWord>();
  const heard = (word: ButtonWord) => () => {
    said.add(word);
    return ' ';
  };
  for (const { word, zh, en } of BUTTON_MEANINGS) rest = rest.replace(zh, heard(word)).replace(en, heard(word));
  if (said.size !== 1) return null;
  const left = rest.replace(ADDS_NOTHING_ZH, ' ').replace(ADDS_NOTHING_EN, ' ').trim();
  return left === '' ? [...said][0]! : null;
}

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

const compactLabel = remembered((text: string): string =>
  normalise(text).plain
    .replace(/\([^)]*\)|（[^）]*）/g, '')
    .replace(/[\s。.!！~～,，]+/g, ''),
);

/** Whether typed text is one of a question's labels (or its short form), not words of one's own. */
export const isOptionLabel = (question: string, text: string): boolean => labelOf(question, text) !== null;

/** The option whose label (or short form) the text is, compared whole; null for anything else. */
function labelOf(question: string, text: string): string | null {
  const options = OPTION_WORDS[question];
  const s = compactLabel(text);
  if (!options || s.length === 0) return null;
  return Object.entries(options).find(([, forms]) => forms.includes(s))?.[0] ?? null;
}

/** The option of a button question that typed text names, or null. */
export function optionWord(question: string, text: string): string | null {
  const label = labelOf(question, text);
  // A cause is said in a person's own words more often than as a label ("上个月公司裁员，我被辞退了").
  return label ?? (question === 'cause' ? (readCause(text)?.cause ?? null) : null);
}
