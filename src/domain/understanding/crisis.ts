import { explainScore, score, thresholdOf, type Forms } from './classifier.js';
import models from './models.json' with { type: 'json' };
import { densify, firstUnnegated, isPlainAnswer, normalise, remembered } from './normalise.js';

/**
 * Words of despair, read for what they mean. A person may want to die, plan a means, see no way to go on living,
 * or think their death would end the debt; they say it in simplified or traditional Chinese, with fillers between
 * the words ("不想再活", "真的不太想活了"), or in English. Each reading below is a kind of meaning made of parts
 * (a wish or refusal + living or dying; a means; death as the way out of the debt), with a short gap allowed
 * between the parts, so words nobody listed are still heard.
 *
 * Two levels: `crisis` gets the crisis reply at once; `check` (words that may be about money or about life, "这个
 * 月活不下去了") gets a gentle "are you safe?" with the same hotlines. Recall comes first; ordinary hyperbole
 * (笑死, 累死了, 死活不给, "dying to know") is taken out before anything is read, and so is someone else's death.
 */
export type CrisisLevel = 'crisis' | 'check';
export interface CrisisReading {
  level: CrisisLevel;
  /** The name of the reading that matched and the words it matched, for a test or a reviewer to see why. */
  rule: string;
  matched: string;
}

type Rule = { name: string; level: CrisisLevel; zh?: RegExp; en?: RegExp };

/** Up to a few characters of filler between the parts of a meaning ("不想[再]活", "想[早点]死"). */
const GAP = '.{0,4}';
/** 活 as living, not 干活 (work), 活动, 活该, 快活, 灵活, 生活费. */
const LIVE = `(?<![干快灵死复存])活(?![动儿计跃泼该期性力费])`;
const REFUSE = '(不想|不愿意?|不要|不打算|不准备|不再|没法|没办法|无法|不能|不配|不值得|懒得|没必要|没脸|没(有)?勇气|没(有)?力气|没(有)?理由|没(有)?意义)';
const WISH = '(想|要|准备|打算|计划|决定|只能|只想|只有|干脆|不如|宁愿|宁可|恨不得|巴不得|真想|就想|好想|很想|一心|还是|该|得|可以|选择|会)';
const DIE =
  '(死(?!你|您|宝|人|啦)|去死|寻死|自杀|轻生|自尽|自我了断|了断|了结(自己|生命|此生|余生|(?!果|婚|账|案))|结束(自己|生命|这条命|这一切|一切|这一生|这辈子)|解脱|离开(这个)?(世界|人世|人间)|一走了之|一了百了|一死了之|以死|跳楼|跳河|跳江|跳海|烧炭|割腕|上吊|喝农药|吃安眠药|不在了|消失)';
const MEANS =
  '跳楼|跳河|跳江|跳海|跳湖|跳桥|跳崖|跳轨|卧轨|跳下去|从.{0,8}(楼|桥|天台|楼顶|顶楼|阳台|窗户|窗台).{0,4}跳|(楼顶|天台|顶楼|桥上|江边|河边|海边).{0,6}(站|坐|看|走).{0,6}(下去|跳|很久|一晚|半天)|烧炭|买.{0,3}炭(?!.{0,4}(取暖|烧烤|烤肉|烤串|火锅))|炭盆|安眠药|安定片|(攒|囤|存).{0,4}(药|安眠)|吞.{0,3}(药|安眠|刀片|农药)|一把药|一瓶药|整瓶药|(吃|喝).{0,3}(农药|百草枯|敌敌畏|老鼠药|毒药|除草剂|消毒液|漂白水|84)|割腕|割脉|割手腕|割手|割自己|划(手|自己|腕|胳膊)|上吊|吊死|绳子.{0,8}(准备|买|挂|脖子|梁)|撞火车|开煤气|煤气自杀|投河|投江|淹死自己|自残|自伤|伤害自己|弄伤自己|遗书|遗言|交代后事|写好.{0,4}(遗书|信)|留.{0,3}(遗书|封信|一封信)|(跟|和|向)(家人|家里人|家里|爸妈|父母|孩子|老婆|老公|大家|这个世界|世界)(告别|道别)|永别';

/** Wanting to be with someone who died ("I just want to be with him now", "只想去陪她"). */
const JOINING_ZH = '(想|只想|好想|就想|要)(去)?(陪|找)(他|她|他们)(了|去)?';
const JOINING_EN = String.raw`(want|wanna|wish|going|ready|need) to (be|go) with (him|her|them)|join (him|her|them)\b`;

/** Things moved house with: a knife or a rope beside them is for the move ("绳子系好了，柜子明天搬"). */
const FOR_A_MOVE = '搬|柜|箱|行李';

/**
 * Ten pills or more taken at once: never a month's medicine, a child's or a pet's, nor sweets. Swallowed, the crisis
 * reply; eaten, asked gently.
 */
const PILLS_AT_ONCE = String.raw`(?<!(这个月|一个月|每天|每月|这周|一周|疗程|孩子|儿子|女儿|狗|猫).{0,10})`;
const PILLS_COUNTED = String.raw`(\d{2,}|[二三四五六七八九]?十[一二三四五六七八九几]?|几十|好几十)\s?多?(颗|粒|片)(?!.{0,4}(糖|维c|维生素|钙片|软糖))`;
const PILLS_SWALLOWED = `${PILLS_AT_ONCE}吞(了|下)${PILLS_COUNTED}`;
const PILLS_EATEN = `${PILLS_AT_ONCE}(吃|服)(了|下)${PILLS_COUNTED}`;

/**
 * Asked gently, and read after the model, so that where the model hears despair clearly the crisis reply answers:
 * released soon ("今晚就能解脱了", not after the last payment), a time and a place set (not a wedding's), nothing to
 * matter after a near day; no longer reachable, needed or here after a near day ("反正下周他们也联系不到我了", "过了这个月
 * 我就用不上了", "下个星期起我就不用操心这些了"), a future the person does not count themselves in, not a bill deferred ("下个月就不需要还了"); a means
 * within reach ("knife's next to me", "pills are in my hand").
 */
const AFTER_THE_MODEL: Rule[] = [
  {
    name: 'released, or a time and a place set',
    level: 'check',
    zh: new RegExp(String.raw`(?<!([\u4e00-\u9fff]完|还清|结清|上岸|下班|放假|毕业)[^。]{0,8})(明天|今晚|今天|马上|很快|就快|快要|过几天|这周|周末)(就|就能|就要|终于)?(能|可以)?解脱(了)?|(?<!(婚礼|会议|聚会|面试|饭局|约会|考试|开会|聚餐|活动|见面|旅行|旅游|搬家|签|面签|合同|银行|办卡|开户)[^。]{0,6})(时间|日子)(和|跟)?地点(都|也)?(定|选|想|找)好了`),
    en: /\b(after|by|from|past) (this|next|the end of (this|the)) (month|week|weekend|friday|year)\b[^.]{0,30}\b(none of (this|it)|nothing) (will )?(matter|matters)\b/,
  },
  {
    name: 'gone after a near day',
    level: 'check',
    zh: new RegExp(String.raw`(下周|下个?(星期|礼拜)|下个?月|过了?这(个)?月|这(个)?月过完|月底(以后|之后|过后)|过完(年|这周|这个月|生日)|明天(以后|之后|过后)|今晚(以后|之后|过后)|过几天)(起|开始)?[^。！？?]{0,12}(联系不(到|上)我|找不(到|着)我|(就|也|都)?(用不上|用不着|不需要|不用(再)?操心|没我这个人|不会再(麻烦|打扰|联系))(?!(还|交|付|再还|去|来|上班|加班)))`),
  },
  {
    name: 'a height the person is at',
    level: 'check',
    en: /\b(i am|^(standing|sitting|stood|sat|now)) (on|at|up on|by) (the )?(edge of (the|a) )?(rooftop|top floor|overpass|flyover|cliff|parapet|viaduct|railing|balcony (railing|ledge)|platform edge|edge of the platform)\b(?! (bar|garden|pool|party|restaurant|cafe|terrace))/,
  },
  {
    name: 'a means within reach',
    level: 'check',
    en: /\b((knife|blade|razor|rope|noose|pills|tablets|meds|weed ?killer|poison|bleach|charcoal|gun)('s| is| are)? (sitting |lying )?(right )?(next to|beside|in front of|in) (me|my (hand|hands|lap|pocket))|(weed ?killer|paraquat|rat poison|pesticide)\b[^.]{0,30}\b(is cheap|(in|under) the (shed|garage|sink|cupboard|bed)|at home|in my room)|(holding|got|have) (the|a|my) (knife|blade|razor|rope|noose|pills|gun) (in my hand|right here|ready))\b/,
  },
];

const RULES: Rule[] = [
  { name: 'refuses living', level: 'crisis', zh: new RegExp(`${REFUSE}${GAP}(${LIVE}|生存|存在|在这个?世界|留在这个?世界|醒来|醒过来|看到明天)`) },
  { name: 'wishes to die', level: 'crisis', zh: new RegExp(`${WISH}${GAP}${DIE}`) },
  { name: 'a means or a plan', level: 'crisis', zh: new RegExp(MEANS) },
  {
    name: 'death as the way out of the debt',
    level: 'crisis',
    zh: /死(了|掉)?.{0,8}(债|钱|账|欠款|网贷|花呗|借呗|不用还|找谁(要|还|催)|谁(来)?还|就清|一笔勾销|一了百了|干净|算了|就好了|也好|倒好|解脱|没事了|结束|就完了)|人死(债|账)(?!不烂|不消|还在|照还|也要还|不灭)|(拿|用|以|这条)命.{0,3}(还|抵|赔|偿)|命(赔|抵|偿)给|(下辈子|来世|来生|下一世)(再|慢慢|一定)?还|以死谢罪|一死了之|一了百了|死了之|保险.{0,8}(赔|理赔).{0,8}(还|债|家人)/,
    en: /\b((debts?|it|loans?) (will |would |does |do )?(die|dies) with (you|me|us)|debts? (will |would )?(die|dies|go away|disappear|be gone|end) (with me|when i (die|am gone|am dead))|(when|if|once) i (die|am dead|am gone)[^.]{0,30}(debt|pay|owe|insurance|loan)|life insurance[^.]{0,30}(pay|cover|debt)|(pay|settle) (it|them|the debt) (in|with) my (life|death)|in (my )?next life)\b/,
  },
  {
    name: 'no will to live',
    level: 'crisis',
    zh: /(活着|活下去|人生|活在世上|这辈子|这条命|这一生).{0,3}(没|没有|毫无|无|失去).{0,2}(意思|意义|盼头|希望|价值|必要|奔头|乐趣|留恋)|了无生趣|没(有)?活路|活不(下去|了了|成了)|不活了|活够了|活腻了|不想醒|醒不来就好|一睡不醒|永远睡|睡过去就好|不想存在|从这个世界消失|(世界|大家|家人|孩子|爸妈|父母).{0,4}没(有)?我.{0,6}(更好|会好|轻松|解脱)|我(死|走|不在)了.{0,8}(家人|他们|大家|孩子|爸妈|父母).{0,6}(更好|轻松|解脱|不用)|先走一步|下辈子再(见|做|报答|孝顺|做你)|自杀|轻生|自尽|寻死|求死|觅死|自我了断|结束生命|结束自己|了结自己|了断自己|(我|我就|那我|不如|只能|干脆|还不如)(去)?死(了|掉)?(算了|吧|好了|拉倒)|不如死|想死(?!你|您|了你|我了|宝)|我该死|去死(?!吧你)|死的心|死了算|死了好|死了得了|(不如|还不如|干脆|我)(就)?走(了|掉)?(干净|一了百了)/,
  },
  {
    name: 'wants to die (English)',
    level: 'crisis',
    en: /\b((want|wanted|wanting|going|plan|planning|ready|decided|deciding|thinking about|thought about|think about|tempted|about|like) (to )?((actually|really|just|literally|honestly|seriously) )?(die|be dead|end (it|it all|my life|everything|things|this)|kill myself|take my (own )?life|not (be here|exist|wake up)|disappear forever|unaliv(e|ing))|kill(ing)? myself|kms|suicid(e|al)|end my (own )?life|ending my life|end it all|take my (own )?life|unaliv(e|ing|ed)|(do not|never) want to (live|be alive|exist|be here|wake up|see tomorrow)|no (reason|point|will) (to|in) (live|living|go on|going on|keep going|be alive)|rather (be dead|die|not exist|not be alive)|wish i (was|were) (dead|never born|not alive|gone)|better off (dead|without me|if i (was|were) (gone|dead))|tired of (living|life|being alive|existing)|not (be|being) around (to|for|much longer|anymore)|will not be (around|here|alive) (to|for|much longer|anymore|next)|(say|saying|said) (my )?goodbyes?|goodbye (note|letter|forever)|suicide (note|letter)|(wrote|write|writing|left|leave) (a )?(note|letter) (for|to) my (family|kids|children|wife|husband|parents|mom|mum|dad)|(give|giving) away my (stuff|things|belongings)|sleep (forever|and never wake|and not wake)|never wake up|not wake up)\b/,
  },
  {
    name: 'a means or a plan (English)',
    level: 'crisis',
    en: /\b((jump|jumping|jumped) (off|from|in front of|into)|(off|from) the (roof|bridge|building)|(overdose|od) (on|with)?|(take|taking|swallow|swallowing|stockpil(e|ing)|sav(e|ing) up|saved up|all (my|the)|bottle of|a handful of|whole (box|bottle) of) (my |the |some )?(pills|sleeping pills|tablets|meds|medication)|sleeping pills|hang(ing)? myself|(a |the )?rope (ready|for me|around)|slit(ting)? my (wrists?|throat)|cut(ting)? my (wrists?|arms?)|cut myself|hurt(ing)? myself|harm(ing)? myself|self[- ]?harm|drown(ing)? myself|(walk|walking|drive|driving|step|stepping) (into|in front of) (the |a )?(river|sea|ocean|lake|traffic|train|truck|bus)|charcoal(?![^.]{0,24}\b(bbq|barbecue|grill|grilling)\b)|carbon monoxide|poison myself|pesticide|gun to my head|(buy|bought|get|got) a gun|(got|get|have|holding|loaded|load|took out|pulled out|sitting (here )?with) (out )?(my |a |the |his |dad'?s |dads |my dad'?s )?(shotgun|rifle|pistol|handgun|gun)|(shotgun|rifle|pistol|handgun|gun)[^.]{0,40}(keep|kept) (looking|staring) at it|(lethal|fatal|deadly) dose|dose (would|will|could) be (lethal|fatal|deadly|enough)|dose (that|to|which) (would|will|could)? ?(kill|end it|do it)|what dose( of [a-z]+)? (would|will) (be enough|do it|kill)|how (much|many) (pills|tablets) (would|will|it would) (take|do it|kill))\b/,
  },
  {
    name: 'a final goodbye',
    level: 'crisis',
    zh: /最后一(次|条|晚|天|面|封|句)(上线|消息|说话|跟你|联系|了|见)?|这(可能|应该)?是.{0,6}最后|今晚是最后|没有以后|没有明天|看不到(明天|下个月|以后|明年|下个月的账单)|(账单|明天|以后|明年|下个月).{0,4}看不到了|人生就到这|就到这(儿|里)吧|该走了|我(先)?走了(?!一趟|过去|路|以后再)|要走了|准备走了|(月底|今晚|明天|周[一二三四五六日天]|这周).{0,4}(之前)?走(?!访|一趟)|心意已决|都安排好了|(东西|钱|卡|猫|狗|宠物|车).{0,8}(送人|分好|转给|托给|交给|留给|都分)|送人了|遗嘱|受益人|单程的?(车|机|船)?票?|说声再见|跟你说再见|再见了|永别|勿念|别找我|不麻烦(你们|任何人|大家)了?|不会再有人(催|打|找)|我不在了|不在这个世界|另一个世界|去天堂|天堂见|下辈子(做牛做马|再还|还你)/,
    en: /\b(my last day,? period|last day (of my life|on earth|alive)|last (message|time i|text|goodbye)|(my|this is the|tonight is the) last night|last night (on earth|alive|here|of my life|for me)|this (is|may be|might be|could be) (goodbye|it|the end|my last)|goodbye (world|everyone|all|forever)|(say|said|saying) (bye|goodbye)|before i go\b|i am leaving|made up my mind|my mind is made up|affairs in order|made a will|(will not|won't) need it|(give|gave|giving) away|can have my (car|stuff|things|bike)|(tell|told) my (mom|mum|dad|parents|sister|brother|wife|husband) (i am )?sorry|(i am )?sorry (mom|mum|dad)|not (going to|gonna) be (a problem|around|here)|soon none of this|i will be gone|be gone soon|(will not|won't) be able to look after|writing goodbye|goodbye (texts|messages|letters|note)|(wrote|write|writing|left) (my|a) (note|letter)|letters? to my (parents|family|kids|sister|brother|mom|mum|dad)|just in case)\b/,
  },
  {
    name: 'harming oneself',
    level: 'crisis',
    zh: /(割|划|烫|撞|掐|咬|砍|扎)(了)?.{0,4}(手腕|手臂|胳膊|腕|自己|大腿)|手腕.{0,6}(血|割|划|烂|伤)|烟头烫|撞墙|饿死自己|不吃不喝|伤害自己|自残|自伤|又割|割了|划了|划烂/,
    en: /\b(cutting (again|myself|deeper)|cut deeper|been cutting|started cutting|(new|fresh|more|deeper) (cuts|scars) on my (wrists?|arms?|thighs?)|(cuts|scars) on my (wrists?|arms?|thighs?) (are|keep) getting (worse|deeper)|cut(ting)? (my|into my) (wrists?|arms?)|burn(ing|ed)? myself|(wrists?|arms?|thighs?) (are|is|keep|kept|were) bleeding (again|more)|bleeding[^.]{0,30}\b(it helps|helps more|feels better)|(burn|burning|burnt|burned|scratch|scratching|scratched|carve|carving|carved) (my|both) (arms?|thighs?|legs?|skin)[^.]{0,30}\b(again|every time|whenever|on purpose|with a (lighter|blade|razor|knife|cigarette)|helps|until it bleeds)\b|(burn|burning|burnt|burned|scratch|scratching|scratched|carve|carving|carved) (my|both) wrists?|(hit|hitting|punch(ing)?|bang(ing)?) (myself|my head|the wall)|starv(e|ing) myself|hurting myself|self[- ]?harm(ing)?)\b/,
  },
  {
    name: 'a means at hand',
    level: 'crisis',
    zh: new RegExp(String.raw`药.{0,6}(准备好|备好|攒|够|一整板|一板|一把|全吃|吃完|倒在|在数|数了|囤|存了)|(吃|吞)了?.{0,4}(一整板|一板|一把|一瓶|整瓶|一整瓶|一盒|一整盒)[\u4e00-\u9fff]{0,6}(药|片|胶囊|布洛芬|安眠|安定|扑热息痛|对乙酰氨基酚|阿司匹林|褪黑素|头孢)|(吃|吞)了?.{0,4}(好多|一堆|很多)(药|片)|胶带.{0,6}(封|贴|缝)|封(上|好)?.{0,4}(门窗|窗户|门缝|窗缝)|农药|百草枯|敌敌畏|(楼顶|天台|顶楼|桥上|桥边|江边|河边|海边|铁轨|轨道|高架|阳台|窗台|悬崖|楼上)(?!.{0,16}(心情好|好多了|好受|舒服多了|放松|散心|散步|钓鱼|跑步|锻炼|晾|收衣服|浇花|等人|等车|等公交|堵车)).{0,10}(吹(一?下)?风|站着?|坐着?|走进去|跳|下去|撞|不躲|一步|不想下|看了|好高|往下看|就差)|(看好|选好|找好)了?.{0,4}(哪栋楼|哪座桥|楼|桥|地方)|走进去就?不回|(撞上去|冲下去|开下去|跳下去|一头撞)|${PILLS_SWALLOWED}|(哪里|哪儿|在哪|怎么|去哪)(能|可以|才能)?(买|弄|搞|找)(到|得到)?.{0,4}(氰化物|氰化钾|砒霜|百草枯|敌敌畏|安眠药)|氰化物|氰化钾|砒霜|(我|想|差点|真想|干脆|恨不得|准备|打算)(就)?(冲|走|跑|跳|躺|扑)(到|进|向|上)?.{0,2}(马路中间|马路中央|车流|车道中间|车底|铁轨上)|(我|想|差点|真想|干脆|恨不得|准备|打算)(就)?(往|朝)(车|大货车|货车|卡车|火车|渣土车).{0,2}(上)?(撞|冲|扑)|(浴缸|浴盆).{0,12}(刀|刀片)|(刀|刀片).{0,12}(浴缸|浴盆)|(刀片|绳子)(也|都|已经|就)?(在|放在|摆在)?(旁边|手边|身边|床头|枕头(下|边))|(?<!(菜|水果|剪|剃须|刮胡|美工|指甲|瓜|厨|切).{0,1})(刀|刀片|绳子|绳套)(我)?(也|都|已经|早就|早)?(磨|准备|备|系|挂|绑|藏)好了?(?!.{0,8}(做饭|切菜|切肉|杀鸡|杀鱼|剁|开张|干活|打包|晾|${FOR_A_MOVE}))|炭(?!.{0,4}(取暖|烧烤|烤肉|烤串|火锅))|(?<!(打包|搬家|捆|晾).{0,6})绳子(?!.{0,4}(打包|捆|绑|晾|跳)|.{0,8}(${FOR_A_MOVE}))|(?<!(刮胡|剃须|美工|修眉))刀片|死法|怎么死|(不疼|不痛|无痛)的?(死|方法|办法)|做傻事|想不开|绝症.{0,10}死`),
    en: /\b(took (a bunch of|all (my|the|of)|too many|a lot of|a handful of|a whole (box|bottle) of) (pills|meds|tablets|them)|take all of them|(i am|i'm|standing|sitting) (on|at) the (roof|top|edge|bridge|ledge|tracks)|(go|going|walk|walking|jump|jumping|stand|standing|lie|lying|sit|sitting)( down)? (to|on|onto|in front of) the (mrt|train|subway|metro|railway|rail) tracks?|(on|onto|in front of) the tracks|(?<!\b(dog|cat|son|daughter|kid|child|baby|he|she|they|someone)\b[^.]{0,8})(drank|drinking|swallowed|downed) [^.]{0,20}\b(bleach|pesticide|weed ?killer|antifreeze|rat poison|paraquat)|(tied|tying|tested|testing|hung|hanging) [^.]{0,30}\b(fan|beam|ceiling|door frame)\b[^.]{0,30}\b(it holds|holds my weight|to test|test it|strong enough)|\b(tested|testing) the (noose|rope|knot)\b|(finally|\bi) (went|gone) through with it(?![^.]{0,40}\b(applied|loan|refinanc|consolidat|application|rate|deal|purchase|sale|transfer|payment|plan)\b)|so (my )?(mum|mom|mother|dad|father|parents|family|sister|brother|wife|husband|kids?) can (still )?(get|have|access|find|keep) my [^.]{0,24}\b(after|when i'?m gone|once i'?m gone)\b(?! i (fly|leave|move|retire|start|go abroad|travel|return))|walking in\b|walk into (the|a) (river|sea|lake|ocean|water)|almost did it|bought (a )?rope|(painless|easy|quick) (ways?|method) to die|swallowed (about |like |around )?(\d{2,}|twenty|thirty|forty|fifty|dozens of|so many)( of (my|the|them))? (pills|tablets|meds)|(where|how) (can|do|could) i (buy|get) (cyanide|arsenic|a gun)|cyanide|arsenic|(how|ways) to die|(researching|googl(e|ed|ing)|looked up) (how|ways|methods)|going to jump|gonna jump|(stop|quit) breathing|carbon monoxide|tape(d)? (the )?(windows|doors))\b/,
  },
  {
    name: 'no wish to exist',
    level: 'crisis',
    zh: /这条命(我)?(不要|还给|给你|不想要)|(没|没有)了?我(?![想的们觉以])[，,]?(他们|她|他|你们|家里|大家)?.{0,4}(一样|更好|更轻松|都一样|好一点|好些|轻松)|有我没我|不会有人在乎|没人(在乎|在意|会发现|会注意)|(累赘|负担|拖累).{0,8}(走|死|消失|不在|轻松)|(我)?(走|死|消失|不在)了?.{0,6}(大家|家人|他们|你们|所有人).{0,4}(轻松|解脱|更好|都好)|(唯一|只剩|只有).{0,4}(出路|办法|路).{0,4}(死|一条)|睡着了?.{0,4}(别醒|不醒|不要醒|就别醒)|不想(再)?睁开眼|不想(再)?面对(明天|以后|这个世界)|zs|紫砂|自s|z杀|bxhl|活着干嘛|活着有什么(用|意思|意义)|为(什么|啥|何)(还)?(要|得|该)?(继续)?活(着|下去)|不想活|(被.{0,8})?逼死(我|了)?/,
    en: /\b(zs|ctb|sewer ?slide|off myself|end myself|no ?one (would|will) (even )?(notice|care|miss me)|disappear(ed)? for good|stop existing|(worth|be worth) more dead|better without me|(world|everyone|everybody|they|my family)( is| are|'s| would be)? better (off )?without me|bett?er off without me|no (reason|point) ((to|in) )?(stay|staying|live|living|be alive|being alive)|what is the point of (living|life|going on|being alive)|(do not|can not) see (any )?(reason|way|future|point)|plan to be in it|(done|finished) with life|nobody would (even )?(notice|care|miss)|(can not|see no) reason to stay alive)\b/,
  },
  {
    name: 'thoughts of dying, in other words',
    level: 'crisis',
    zh: /寻短见|短见|厌世|厌倦(了)?(活着|生活|人生|这个世界|一切|这一切|世界)|(死|自杀|轻生|寻死|结束生命)的(念头|想法|冲动|打算|计划)|想过(去)?(死|自杀|轻生)|想到(了)?(死|自杀)|早死早超生|早点死|死给(你|他|她|他们|你们)看|(去)?(陪|见|找)(我)?(爷爷|奶奶|外公|外婆|姥姥|姥爷|妈妈|爸爸|我妈|我爸|老妈|老爸)(了|去)?$|重新投胎|投胎|(水库|湖里|河里|江里|海里|井里).{0,4}(跳|走|沉|泡)|(跳|走|沉)(进|到|下)?.{0,2}(水库|湖里|河里|江里|海里|井里)|长眠|永远(地)?睡(下去|着)|了此残生|结束(这|我的)?(一生|残生|生命|人生|这条命)|活着(还)?有什么(意思|用|意义|必要)|活着就是(受罪|煎熬|拖累|折磨)|(不|没)(配|该|值得)活|苟活|死了(就)?(干净|解脱|清净|好了|轻松)|(结束|离开|了结|告别|退出)(了)?.{0,3}(这一切|人生|生命|这个世界|世界|这辈子|人世|尘世|人间)|没有(未来|将来)了?|不想(再)?(存在|活着|当人|做人)/,
    en: /\b(end it|ending it|end things|end(ing)? this (life|pain|mess)|(thinking|thought) (of|about) (ending|suicide|dying|killing)|suicidal (thoughts|ideas|feelings)|thoughts of (suicide|dying|death|ending)|(no longer|not) (want to )?be here|rather not wake up|want (out|to disappear|to sleep forever)|(go|going) to sleep (forever|and not wake)|join my (mom|mum|dad|mother|father|grandma|grandpa|grandmother|grandfather)|leave this world|take the easy way out|check out for good|no future for me|there is no future|not going to make it|do not want to be (here|alive|around))\b/,
  },
  {
    name: 'dying, in euphemism',
    level: 'crisis',
    zh: /重开|(该|要|准备|想)下线了|(宁愿|宁可)(我)?先走|(只能|只有|只好|准备)上天(了|吧|算了)?($|[。！!,，])|别救我|不要救我|(去)?(找|见)(我)?太奶|(留|写)(个|封|一封)?信.{0,4}(就走|就算|走了)|身后事|(过几天|很快|马上|明天|以后|过完|月底|年底)我就?不在了|我(就|很快|快|马上)不在了|(带着|带上)(娃|孩子|宝宝).{0,6}(一起)?(去|走|死)|我?自己去了就|就到这(了|儿了|里了)|(变成|做)鬼|不用自己动手|以后家里(就)?靠(你|他|她)了|(家|孩子|爸妈)(以后)?就?交给(你|他|她)了|(窗台|窗边|阳台边).{0,6}(坐|站)|(坐|站)在.{0,3}(窗台|窗边|阳台边|楼顶|天台|桥上)|拜拜了?(各位|大家|世界)|多谢.{0,4}(你们|你哋|大家).{0,4}(再见|拜拜)?$|别等(我)?了|(明天|以后)我?(没|不)回(你|复)|(?<![a-z])想(去)?(s|si)(?![a-z])|(想|好想|真想|只想)(去)?4(了|啊|吧|呀|算了|$|[，,。！!？?\s])|结束吧|不想(再)?醒|会做出什么事|做出(什么)?傻事|同归于尽|一起死|(人|我)死了?(就|债|欠款|钱)?.{0,4}(一笔勾销|勾销|清零|两清|一了百了)/,
    en: /\b(not much longer|(giving|given|gave) (my )?(stuff|things|belongings) away|(i will|i'll|i am going to) not need (any of )?it|(garage|car) .{0,30}engine running|engine running .{0,20}(garage|closed)|hope i (crash|do not wake|die|get hit)|(trains?|tracks|platform|bridge|ledge|edge|roof) .{0,40}how easy|how easy it would be|(have|got|made) a (plan|date)( and a (date|plan))?|(the )?date is (set|friday|monday|tuesday|wednesday|thursday|saturday|sunday|tomorrow)|(left|put|leaving) (everything|my affairs|things) in order|(pills|rope|knife|blade|gun) (is |are )?(ready|here|next to me|in front of me|lined up|laid out|counted( out)?|in the car|in my bag|in my room|under my bed)|i have the (pills|rope|knife|blade|gun)|do not (save|stop|rescue) me|(just )?a burden|if (i do not|i don'?t) (reply|answer) tomorrow|(been )?planning (this|it) for (days|weeks|months)|(scared|afraid|frightened|terrified|worried) (of )?(what )?i (might|will|could|may|would) do( to myself| something (stupid|drastic|bad))?|(do not|don'?t) trust myself( (alone|tonight|anymore|around (pills|knives|the knife|the pills)))?|do something (stupid|drastic) (to myself|tonight)|don'?t wait for me|won'?t be here (tomorrow|next)|see you (on the other side|in another life))\b/,
  },
  {
    // An accident an insurer or an employer would pay for, thought of as the way to pay: "要是从脚手架上掉下去算不算工伤".
    name: 'an accident as the way to pay',
    level: 'crisis',
    zh: /(要是|如果|假如|万一|干脆|不如|想|打算)[^。！？?]{0,10}(掉|摔|跳|栽)(下来|下去)了?.{0,12}(算不算|能不能算|算)(意外|工伤)|(要是|如果|假如|万一|干脆|不如|想|打算)[^。！？?]{0,6}(出|发生)(个|点|一场)?(意外|车祸).{0,12}(赔|保险|理赔|够)|(意外险|寿险|保险金|保险)[^。，,]{0,8}(够了($|[。，,！!])|赔给|留给|受益人)/,
    en: /\b(if|when|once) i (die|am dead|am gone|go)\b[^.]{0,40}\b(insurance|payout|policy)\b|\b(insurance|payout|policy)\b[^.]{0,40}\b(if|when|once) i (die|am dead|am gone)\b|\blife insurance (would|will|could) (pay|cover)\b|\b(wife|husband|kids?|family|mom|mum|parents) (would|will|could) get (the|my) (payout|life insurance|insurance money|insurance payout)\b|\b(look|make) it (look )?like an accident\b/,
  },
  {
    // Things put in order for those left behind: passwords and papers handed on, a pet given away for good, a letter.
    name: 'putting things in order for after',
    level: 'crisis',
    zh: /我走了?(以后|之后).{0,8}(添麻烦|拖累|负担|连累)|(不|别|不会|不能)(再)?(连累|拖累|牵连|麻烦)(到)?(我)?(家人|家里|爸妈|父母|孩子|老婆|老公|他们|家属)[^。？?]{0,4}(再|就|才|然后)(再)?(安心)?走(?!路|访|一趟|流程|程序|过去)|我(走|死|不在)了?(以后|之后).{0,8}(让|交给|拜托|麻烦)(你|你们|他|她|他们|律师|家人|家里)?.{0,4}(处理|照顾|还|料理)|(手机|钱包|电脑|衣服|东西|卡).{0,10}(都|全)?(给|送|留)(了)?.{0,12}(以后|之后|再也)(就)?(用不着|用不上)|(密码|保单|存折|银行卡|房产证|卡号)[^。]{0,14}(写|记|抄|留|放|压|藏)[^。]{0,14}(家里人|家人|老婆|老公|孩子|爸妈|我妈|我爸|他们|她|他)[^。]{0,4}(好找|能找到|找得到|就知道|就能找到)|(知道|算过|查过|算好)(了)?(吃|拿)多少(片|颗|粒)?(就)?(够|能)(?!.{0,4}(还|付|结清|钱))|(密码|保单|存折|银行卡|房产证).{0,10}((写好|留好|写下|留)(了)?(给|在.{0,6})?(我)?(妈|爸|弟|哥|姐|妹|老婆|老公|孩子|家里|家人|你们|他们)(?!.{0,6}(帮我|管|保管|代还|还款|还钱))|(都|我)?(妈|爸|弟|哥|姐|妹|老婆|老公|家里人?)知道在哪)|(猫|狗|宠物|鹦鹉).{0,6}(以后|今后|往后|从此)(就)?(你|你们|交给你|拜托你|麻烦你)(帮我)?.{0,2}(养|照顾|喂)|(跟|对|向)(所有人|每个人)(都)?道(过)?歉|给(我)?(妈|爸|爸妈|父母|家人|孩子|老婆|老公|你们)的(信|遗书).{0,8}(夹|放|压|留)/,
    en: /\b(passwords?|pins?|bank (details|logins?))\b[^.]{0,30}\b(written down|wrote down|left) (for |to )?my (brother|sister|mom|mum|dad|wife|husband|kids?|family|parents)\b|\b(look after|take care of|feed|have) my (cat|dog|pets?)( for me)?\b[^.?]{0,20}\b(when i am gone|after i am gone|from now on|for good)\b|\b(deleted|deleting) (all )?my (socials|social media)\b/,
  },
  {
    // Someone's death or attempt, taken by the person as their own way: "看到新闻说有人跳楼了，我也想这样".
    name: 'following someone else\'s death',
    level: 'crisis',
    zh: new RegExp(`(跳楼|跳河|跳江|跳海|自杀|烧炭|上吊|喝了?农药|吞了.{0,3}药|走了|死了|去世|过世|不在了)[^。]{0,24}(我也(想|要|打算|准备|该|会)(这样|跟着|试试|学|走|去)?|${JOINING_ZH})`),
    en: new RegExp(String.raw`\b(jumped|killed (himself|herself|themselves)|died|passed( away)?|overdosed|hanged|took (his|her|their) (own )?life)\b[^.]{0,80}\b(i (should|will|want to|wanna|might|could) do the same|i'?m next|i want to try it|(i )?(just )?${JOINING_EN})`),
  },
  {
    name: 'wanting to die, in pinyin or a neighbouring language',
    level: 'crisis',
    en: /\b(bu ?xiang ?huo( ?le)?|zi ?sha|qing ?sheng|tiao ?lou(?! ?jia)|xiang ?si ?le|wo ?xiang ?si$|ayoko na(ng)? (mabuhay|mabuhay pa)|gusto ko (na(ng)? )?mamatay|gusto ko (na(ng)? )?mawala( na)?( lang)?$|(aku|saya|sy|i) (nak|mahu|ingin|nk) mati|tak ?nak hidup|jeene ka (mann?|dil) nahi|jeena nahi (chahta|chahti)|marna (chahta|chahti)|khud ?kushi)\b/,
  },
  {
    name: 'may be about living',
    level: 'check',
    zh: new RegExp(String.raw`${PILLS_EATEN}|(电话|手机|微信|号码)(就|会|也)?(永远|再也)(打不通|不会(再)?(响|通)|没人接|关机|联系不上)|永远(联系不上|找不到我)|你们(赢|胜利)了|我人(都|就|已经|要|快)?没了|我(死|不在)了?(以后|之后)|坚持多久|撑多久|(熬|撑|坚持|扛)到(哪天|哪一天|什么时候|啥时候)(啊|呀|吧|呢)?($|[。！？!?])|(?<!(钱|存款|工资|余额|积蓄|额度).{0,3})还能(撑|熬|坚持|扛)(几天|多久)(啊|呀|了|呢)?($|[。！？!?])|(活着|我)[^，,。]{0,6}图(什么|啥)|想(些|一些|到)?不好的(事|东西|念头)|(猫粮|狗粮).{0,10}(加满|存够|备好|买够|撑到|够它)|人生(完了|毁了|没希望)|这辈子(算是|就)?(完了|毁了)|我(就|算是)?完了|一切都完了|全完了|看不到(一点|任何|丝毫)?(希望|出路|头)|没(有)?(希望|盼头|出路)|不想(再)?面对|什么都不想(管|做|要)|逃离这一切|到(了)?极限|极限了|喘不过气|窒息|怎么活(下去)?|天塌了|没(有)?力气了|(我|人|整个人)(都|要|快){0,2}崩了|(还是|不如|干脆|只能|只有)(早点|早些|默默|悄悄)?(离开|消失|走掉)(比较好|算了|吧|好了|最好)|(挨个|一个个|逐个)(打(了)?电话|发(了)?(消息|微信|信息)|联系)(给.{0,6})?.{0,6}(谢谢|感谢|道谢|道歉|对不起|告别)|(又|还)(要|得)(熬|撑|挨)(过)?(一天|一晚|一夜|一个月)|(不知道|不确定)(我)?还有没有(下个月|明天|以后|明年|下周)(了)?($|[。！？!?])|(如果|要是|假如|万一)(我|本人)(去世|死了?|走了|不在了).{0,12}(债|还|承担|家属|家人)|心态(都|全)?崩了|受不了了|不行了|扛不动|活不起|好想死|不想(再)?撑|(撑|熬|坚持|扛|挺|过|活)不(下去|住|过去)了?|没(有)?(办法|法子)(再)?(撑|坚持|熬|扛)|走投无路|无路可走|绝路|死路一条|没有出路|生无可恋|活着.{0,2}(好|太|真|很)?(累|痛苦|煎熬|没劲|难)|活得.{0,2}(好|太|真|很)?(累|痛苦|煎熬)|想消失|消失(掉|算了|就好)|(不想|不愿)(再)?拖累|是.{0,3}(累赘|负担)|崩溃|绝望|要死了|不如不活|(解脱|结束)(吧|了吧|算了)|不想(再)?(撑|坚持|熬)`),
    en: /\b(my (cards?|keys|passwords?|pins?|bank cards?)\b[^.]{0,24}\b(for|to) my (mum|mom|mother|dad|father|wife|husband|sister|brother|kids?|family|parents)\b|(standing|sitting|waiting) (on|at) the (mrt |train |subway |metro )?platform\b[^.]{0,40}\bnext train|(took|taken|downed) (about |like |around )?(\d{2,}|twenty|thirty|forty|fifty|dozens of|so many)( of (my|the|them))? (pills|tablets|meds)(?! (over|for|this|a|per|each))|out of options(?! for| on| with| to)|no options left|why (do|should) i (even )?bother( anymore| trying| with anything| with life)?$|buay tahan|i am (so |just )?(done|over it|not ok(ay)?|falling apart|drowning|at (my )?breaking point|at rock bottom|at my limit|losing it)|(do not|can not) see a way out|give up on everything|(my )?life is over|(it is|everything is) (all )?(over|hopeless)|over for me|hopeless|breaking point|rock bottom|how much longer (i can|can i) (hold on|take|go on|last)|what is (even )?the point|tired of (all of )?(it|this)|falling apart|nothing matters|not ok(ay)?\b.{0,10}at all|(survive|get through) (this|the) (month|week)|can not (cope|breathe)|end of my rope|can not (do|take|handle|go on|keep going|bear)( (this|it|any of this))?( any ?more| much longer)?|no way out|(what is|whats|what's) the point|i (give|gave) up|giving up on (everything|life)|nothing (left|to live for)|lost the will|(i am|i'm|feel) (so )?(hopeless|done with (everything|life|it all)|at the end of my rope)|end of (my|the) (road|rope)|(i am|feel like) a burden|burden (to|on) (everyone|my family)|(want|wanted) (it )?(all )?to (stop|end)|make it (all )?stop|disappear)\b/,
  },
];

/** Hyperbole and set phrases with 死 or 活 that mean nothing about dying; removed before anything is read. */
const HYPERBOLE_ZH = new RegExp(
  [
    // 笑死, 累死了, 气死我了, 疼得要死: a feeling or a state taken to its extreme.
    '(笑|累|饿|气|烦|热|冷|困|忙|吵|痛|疼|急|愁|催|吓|恨|闷|憋|渴|冻|晒|撑|穷|丑|贵|难|美|帅|爽|懒|蠢|傻|坑|卷|醉|乐|臭|挤|晕|馋|酸|辣|咸|甜|慢|紧张|高兴|开心|羡慕|尴尬|麻烦|无聊|郁闷|心疼|担心|后悔|讨厌|丢人|烦人|吓人|气人|折腾|磨叽|抠门|啰嗦)(得|的)?(要)?(快)?死(?!自己|法|了之|路)(了|我了|我|人了?|啦|掉了|个人)?',
    // Any other word with 死了 after it ("卡死了", "服死了"), unless it is someone dying ("我死了", "一死了之").
    '(?![我想去要寻求该等找如会就能得一地他她逼备])(?!(?<=还)是死了?(好|算了|吧|拉倒|干净)(?![难过伤可]))[\\u4e00-\\u9fff]死(?=了|掉|啦|我了)(?!了之|自己)',
    '(生意|公司|店|厂|店铺|买卖|项目|工作室)(真的|实在|快|都)?(撑|熬|坚持|做|干|开)不(下去|住)(了)?',
    '(?<![想我])要死了',
    '想死(你|您|他|她|宝|了你|我了)',
    // 作业多到想死, 累到想死: how much of something, not a wish.
    '(多|累|忙|烦|饿|困|难|丑|尬|气|卷|无聊|热|冷|吵|挤|慢)(到|得)(想|要)死(?!了之)',
    // 尴尬到想原地消失, 输得我想跳楼, 想死的心都有了: embarrassment, a lost game, frustration at their extreme.
    '(尴尬|社死|输|饿)(到|得)(我)?(想|要)(原地)?(死|消失|去世|跳楼|爆炸)|想死的心都有',
    // 我妈非打死我不可, 这利息要整死我, 跑死跑活, 笑不活了, 死也要交上: someone's anger, effort, laughter, resolve.
    '(?<!被)(打|骂|揍|整|弄|削)死我(的|不可|啊|呀|了|也|都)?|把人(整|弄|坑|折磨|累|气|烦)死|下辈子投胎(当|做|变成?)|(?![寻])[\\u4e00-\\u9fff]死[\\u4e00-\\u9fff]活|笑不活|死(也|都)要',
    '要死不活|要死要活|要死要死|把我(绕|烦|气|折腾|坑|急|累|搞)死|半死|死去活来|不死心|死心塌地|生死|不知死活|死翘翘|死马当活马医|死皮赖脸|死缠烂打|打死也|打死都|死也不|死都不|死不(了|认|还|给|承认|松口|改|悔)',
    // A person's death (人死, 人一死) is never one of these words: "人一死账就销了" is no 死账.
    '(?<!人一?)死(活|机|线|磕|贵|定了|心眼|心|板|党|忠|宅|鬼|胡同|角|局|期|缓|账|扣|抠|守|撑|盯|扛|熬|等|缠|命(地|的)?|的人|对头|性不改|要面子|咬|者|亡证明|猪|当)',
    '[\\u4e00-\\u9fff]到死|(激|嬲|攰|忙|热|累|气)死(我|人)?|打死我(也|都)|死循环|(就是|等于|那是|这是|简直是)死路一条|死路一条(吗|嘛|么)|早死早超生|掐死|卡死|社死|跳楼价|烧炭烤|生不如死的(加班|工作|日子|一周|一个月)|疼得生不如死|搞死|服死|遗产|装死|社会性死亡|睡死过去(?![^。]{0,10}(不醒|别醒|算了|就好|再也|不用(再)?面对))|(借款人|债务人|持卡人|当事人)(意外)?(死亡|去世|身故|过世)|(还完|还清|结清|还上|还掉)[^。]{0,8}一了百了|打死(我)?(也|都)?不|(当年|以前|年轻时|年轻的时候|那时候?).{0,6}做(了)?(过)?傻事|人死(债|账)(不烂|不消|还在|照还|也要还|不灭)|无语死|(?<![我想去要寻求该被])[\\u4e00-\\u9fff]死人(?!了之)',
    '(干|快|灵|复|生)活|活(动|儿|计|跃|泼|该|期|力|性)|该死的',
  ].join('|'),
  'g',
);
/** Someone else's death or illness is a fact of the story, not the person's own crisis. */
const OTHERS_DEATH_ZH =
  /(同事|室友|邻居|大爷|大妈|有人|新闻|别人|听说|剧里|电视剧|电影|主角|女主|男主|小说|故事里|住户|姑姑|小姨|姨妈|二舅|嫂子|婶婶|闺蜜|发小|工友|老乡|表哥|表姐|表弟|表妹|堂哥|朋友|同学|爸|妈|父亲|母亲|爷爷|奶奶|外公|外婆|姥姥|姥爷|老公|老婆|丈夫|妻子|孩子|儿子|女儿|朋友|同事|亲戚|(?<!其)他|她|它|(?<![赌舔身])狗|猫|人家|老人|舅舅|叔叔|伯伯|哥|姐|弟|妹|病人|家人|邻居|对方|客户|老板)(?![\u4e00-\u9fff]?们)((?:(?!我).){0,10})((?<![逼害])死|(?<=[逼害])死(?!我)|去世|(?<!一)走了|过世|病逝|没了|自杀|跳楼|(?<![要想去])跳(河|江|海|湖|桥|轨)了|从.{0,6}跳下来了|上吊了|烧炭(走)?了|割腕|吞(了)?.{0,3}药|送(去)?急诊|洗胃|喝了?农药|轻生|想不开|抑郁|不想活|想死)/g;
/** A film, a show or the news about someone's death ("看了套讲卡数自杀的电影"): a story, not the person's own. */
const STORY_ZH = /(讲|关于|说|拍|演)[^。，,]{0,8}(自杀|跳楼|轻生|烧炭|上吊|死)的?(电影|电视剧|剧|新闻|纪录片|小说|书|视频|故事)|(视频|新闻|电影|电视剧|纪录片|小说|报道|短剧)(?:(?!我)[^。！？!?]){0,20}(自杀|跳楼|跳河|跳江|轻生|烧炭|上吊)/g;
const HYPERBOLE_EN =
  /\b(i die already|(sure|confirm) die|die liao|dying (to|for)|to die for|dead (tired|end|serious|wrong|broke|on|set|last|beat)|deadlines?|killing (me|it)|kill (for|time)|(?<!weed ?)killer|killed it|drop dead|died laughing|(bored|scared|worried|frightened|tickled|loved|annoyed|stressed|starving|starved|freezing|froze) to death|(had|has|have|got) me dying|dying at|(would|will) (literally )?die for|(will|would|going to) kill me (if|when)|bane of my existence|killing my vibe|dead slow|(so )?(bored|tired|sick) of [^.]{0,30} i could die|over my dead body|i am dead (lol|lmao|haha)|(battery|phone|laptop|car|plant|plants)( has| is| just)? (died|dead)|(this|that|the) (interest|rate|fee|fees|bill|debt|job|commute|heat|queue|line) is (murder|killing)|murder on|dead in the water|(phone|battery)('s| is)? (dead|dying)|killing time|dying of (embarrassment|shame|boredom|laughter)|killing (my|the) (budget|wallet|credit|savings|finances)|dying here|dead and buried|drowning in (paperwork|forms|emails|work)|so done with (this|the|their) (bank|app|service|customer service|company|process)|sick to death|i am dead$|i am dead (lol|haha|lmao)|lol[^a-z]{0,3}i am dead|(the )?death of me|(be |is )?the end of me|(?<!\b(i|im|i'm|i am|i will|i'll) )(gonna|going to|will) unalive me|(would|'d) rather die than (ask|beg|call|borrow)|(phone|battery|laptop)('s| is)? (about to|going to|gonna) die|(talk|talks|talked|talking|call|calls|called|calling)[^.]{0,20} (until|till) i (want|wanna|wanted) (to )?die|(say|said|saying) goodbye to (my|the|your|our) (old )?(card|car|phone|money|savings|bonus|weekend|holiday|credit|account)s?|(thanks|cheers|thank you)[^.]{0,30}(good|nice|glad|great) to (have|having) a plan|(someone|a man|a woman|a guy|a girl|a student|a worker|a resident|a patient|one of (my|our|the) (residents|patients|clients|tenants|neighbou?rs)|(a )?news (story|report|article)|(a )?(film|movie|show|drama|character))((?! i | i'| me | my )[^.]){0,60}(jumped|died|passed( away)?|killed (himself|herself|themselves)|hanged|overdosed)|died a (painful |slow )?death|going to kill me|crying and dying|die of (embarrassment|shame|boredom|old age)|dead of old age|i am (so )?dead (if|lol|when)|i am dead 💀|(friend|brother|sister|cousin|husband|wife|partner|son|daughter|dad|mom|mum|father|mother|neighbou?r|colleague|coworker|classmate|uncle|aunt)( is| was)? (suicidal|died by suicide|committed suicide|killed (himself|herself)|overdosed|attempted suicide|tried to (end|take) (her|his|their) (own )?life|jumped (off|from) [^.]{0,30})|death certificate|(wallet|bank account|savings|credit score|spending|budget|brain cells|bank balance)[^.]{0,24}\b(died|dead|death|killing|killed|murdered)\b|\b(killing|killed|murdered|murdering|murder) (my|the) (wallet|bank account|savings|credit|budget|brain cells|bank balance)|(documentary|film|movie|show|drama|article|news|podcast|video) (about|on)[^.]{0,40}\b(suicides?|deaths?|dying)\b|(father|mother|dad|mom|mum|grandma|grandpa|grandmother|grandfather|husband|wife|friend|brother|sister|son|daughter|dog|cat|uncle|aunt|parents?|neighbou?r|boss|relative)s?('s)? (has |had |just |recently )?(died|passed( away)?|death|is dead|funeral))\b/g;

/** The person taking someone else's death as their own way ("我也想这样", "I should do the same"). */
const FOLLOWING_ZH = new RegExp(`${JOINING_ZH}|我也(想|要|打算|准备|会|该|这样)|(我)?(查|搜|百度|研究)(了|过)?(一下)?(怎么|如何)(弄|做|操作|办|死)|跟(他|她|他们)一样(走|去|了断)|我也想试试`);
const FOLLOWING_EN = new RegExp(String.raw`\b(${JOINING_EN}|that(?:'?s| is) how i (want to|wanna|will|'?ll) go|(i'?m|i am) (going to|gonna) do (it|the same) too|i (should|will|want to|wanna|might|could) do the same|so that'?s what i'?ll do|i'?m next|me too|i want to try it)\b`);

/**
 * A pattern taken out of a text's dense form one sentence at a time: an idiom is never read across a full stop ("我是
 * 真的想死。你们别劝了" holds no 想死你们), though what follows a comma may still say what it means ("睡死过去，再也不用…").
 * Where nothing is taken out, the dense form itself.
 */
function sentenceBySentence(plain: string, dense: string, pattern: RegExp): string {
  if (!SENTENCE_END.test(plain)) return dense.replace(pattern, '_');
  const out = plain
    .split(SENTENCE_END)
    .map((clause) => densify(clause).replace(pattern, '_'))
    .join('');
  return out.includes('_') ? out : dense;
}
const SENTENCE_END = /[。!！?？;；…]+/;

/** What is left of a text once hyperbole and others' deaths are taken out: what every reading (and the model) sees. */
export const withoutHyperbole = remembered(withoutHyperboleOnce);

function withoutHyperboleOnce(text: string): { zh: string; en: string } {
  const { plain, dense, en } = normalise(text);
  // Laughing beside a word of dying ("我死了哈哈哈", "im dead 💀", "dying 😂") is a joke about it.
  const joking = LAUGHING.test(plain);
  // "不是开玩笑", "I mean it literally": said in earnest, so no word of dying in it is taken for hyperbole.
  if (EARNEST.test(plain)) return { zh: dense, en };
  // Every phrase taken out names Chinese characters or English letters: a text without them keeps what it has.
  // Someone else's death is taken out, unless the person goes on to take it as their own ("…我也想这样").
  const following = FOLLOWING_ZH.test(dense) || FOLLOWING_EN.test(en);
  const chinese = /[\u4e00-\u9fff]/.test(dense);
  const lessHyperbole = chinese ? sentenceBySentence(plain, dense, HYPERBOLE_ZH) : dense;
  const zh = chinese && !following ? lessHyperbole.replace(OTHERS_DEATH_ZH, '_').replace(STORY_ZH, '_') : lessHyperbole;
  const english = /[a-z]/.test(en) && !following ? en.replace(HYPERBOLE_EN, '_') : en;
  return joking ? { zh: zh.replace(/(我(要)?)?(?<!(准备|决定|打算|就|去|想|明天|今晚|今天|马上)(我)?)死了(?!以后|之后|后|.{0,6}(债|钱|账|还|找谁|谁来))/g, '_'), en: english.replace(/\b(i am (so )?(dead|dying)|dying|i died|i could die|(would|'d|id) rather (die|be dead) than)\b/g, '_') } : { zh, en: english };
}

/** What the despair model reads of a text: what the readings left of it (hyperbole and others' deaths taken out). */
export function despairForms(text: string): Forms {
  const { zh, en } = withoutHyperbole(text);
  return { dense: zh, en };
}

/**
 * Thanks and goodbye, an apology for a late reply or for not understanding: ordinary closing and apologising, which
 * the model alone never reads as despair (a bare "再见" or "bye." is still weighed: at night it can be a goodbye).
 */
const SMALL_TALK_ZH = /^(好的?|嗯|ok|好吧)?(谢谢|多谢|感谢)(你)?(啦|了)?(再见|拜拜|88|晚安)(啦|了|哈|呀)?$|^(对不起|不好意思|抱歉)(我)?(不太|没|不)(明白|懂|看懂|理解)|回复晚了/;
const SMALL_TALK_EN = /^(ok(ay)? )?(thanks?|thank you|cheers) (bye|goodbye|see you|good ?night)( for now)?$|\b(sorry|apologies) (for|about) (the |my )?(late reply|delay|typo|confusion|late response|slow reply)\b|\bsorry,? i (do not|don't) (understand|get it|follow)\b/;

/**
 * "跟你聊完好受一点了", "谢谢，很有用", "I feel a bit better", "that helped": better for the talk, or helped by it; not
 * beside a goodbye or an end ("感觉好多了，可以走了", "feel better knowing it'll all be over soon").
 */
const FEELS_BETTER_ZH = /^(?!.*(走了|死|告别|再见|永别|解脱|结束|最后|不在)).*((?<![不没])(好(一|些|一些|一点|多|点)了|好受(一)?(些|点|多)了|舒服(一)?(些|点|多)了|踏实(一)?(些|点|多)了|轻松(一)?(些|点|多)了)|(有|很有|挺有)(用|帮助)|帮(了)?(我)?(大忙|很多))/;
const FEELS_BETTER_EN =
  /^(?!.*\b(gone|goodbye|bye|die|dead|death|over|end|ending|leave|leaving|last|forever|peace)\b).*(\b(feel|feeling|felt) (a (bit|little|lot) |much |so much )?better\b|\b(that|this|talking( to you)?|you) (really |have |has )?helped\b|\b(that|this) (is|was) (really |very |so )?helpful\b)/;

const EARNEST = /不是开玩笑|没开玩笑|我是认真的|说真的|\bi mean it\b|\bnot joking\b|\bliterally this time\b|\bseriously,? i\b/;
const LAUGHING = /[😂🤣💀😆]|哈哈|\b(lo+l|lmf?ao+|ha(ha)+\w*|rofl)\b/u;

/**
 * Emoji said alone or beside a few words: a means (pills, a rope, a knife, blood, a grave, a coffin) or a goodbye
 * wave beside a bridge, a building going down, a candle or an end. Emoji never reach the other readings (the normal
 * forms keep letters and digits only), so they are read here, on the text as typed.
 */
const EMOJI_MEANS = /💊{2,}|[🪢🔪🩸🪦⚰]/u;
const EMOJI_GOODBYE = /👋.{0,6}[🌉🏢🪦🕯🖤🔚⚰]|[🌉🏢🪦🕯🖤🔚⚰].{0,6}👋|🏢\s?⬇|🔚/u;

/** "我不会想不开的", "绝对不会寻死", "I'm not suicidal": the words said as not so. */
const NEGATED_ZH = /(不会|不想|没有|没想|绝对不|绝不|才不|并不|不打算|唔会|唔想|不是|不|没|别)(去|再|要|会)?$/;
const NEGATED_EN = /\b(not|never|no|won't|will not|do not|am not|i'm not|wouldn't|would never)( be| going to| gonna| want to| ever)?\s?$/;

/** A word of dying, whatever else is said: read last, once hyperbole and others' deaths are taken out. */
const DYING_ZH = /死|自杀/;
const DYING_EN = /\b(die|dying|dead|death|suicide|suicidal|kill|killing)\b/;

/**
 * Goodbyes, letters and things handed over that are not final: going away to work, to hospital or abroad and coming
 * back ("要去韩国打工两年，车给我弟开"), papers for a parent or an employer ("帮我爸买的寿险，受益人写谁"), a letter
 * to the bank. The readings of leaving (`LEAVING`) are not taken where one of these is said.
 */
const NOT_FINAL_ZH =
  /问题(都)?解决了|搞定了|谢谢(你)?的?(帮助|帮忙)|(去|到|回|在)?(外地|国外|韩国|日本|迪拜|非洲|新加坡|马来西亚|澳洲|美国|加拿大|工地|山里|医院)(打.{0,3}工|出差|干活|进修|培训|读书|住院|生孩子|坐月子|修路|跑车|当兵|跑船)|(去|要)(打.{0,3}工|出差|进修|培训|住院|生孩子|坐月子)(.{0,6})(年|月|周|星期|天)|回来(再|后|以后|就|了再)|(一|两|三|半|几|\d)(个)?(年|月|周|星期|礼拜)(后|以后)?(就)?回来|进山|出国|(给|帮|替|让)(我)?(爸|妈|父亲|母亲|老人|爷爷|奶奶|外公|外婆|公公|婆婆|岳父|岳母|老人家).{0,6}(买|立|写|办|做|填)|(公司|单位|老板)(要求|让|给).{0,6}(买|办|填|写)|给(银行|平台|法院|公司|客服|催收|房东)(写|留|发)|新(公司|工作|单位|岗位).{0,6}(报到|入职|上班)|(报到|入职|上班).{0,4}新(公司|工作|单位|岗位)|(下周|明天|下个月|过几天|月底)(去|到).{0,4}(上班|工作|打工)|受益人(能|可以|怎么)(改|换|填|写)|下(节课|周|回)见(?!不)|律师说|讲座|良性|终于(还清|还完|结清|上岸)|(公司|单位|店|厂|厂里|岗位|工地|餐厅|超市)(的)?(上班的?)?最后一天|最后一次打卡|出差|钱都是.{0,3}管|(老婆|老公|她|他)(帮我|每月帮我)(还|管)|最后一天(上班|的班|班)|(找|换)新?工作|离职|辞职|交接|入职|(帮我|替我)(管|保管|存|看)着?|离婚|回(老家|家乡)(找工作|上班|发展|种地|待着|住)?|搬(家|走|回)|换(个|座)?城市|(爷爷|奶奶|外公|外婆|姥姥|姥爷|爸|妈|父亲|母亲|老人|亲戚|舅舅|叔叔|伯伯|姑姑|公公|婆婆|岳父|岳母)[^我]{0,8}(遗嘱|遗产)/;
const NOT_FINAL_EN =
  /\b(thanks? (you )?for (the|your|all the) help|that is all i needed|problem solved|moving to|move to|flight to|fly(ing)? (out|back) to|back to (dubai|the site|camp|the rigs?)|at the airport|another \d+ (years?|months?)|when i('m| am)? back|relocat(e|ing)|(for|asking for) my (mum|mom|dad|father|mother|parents?|grandma|grandpa|nan)|(his|her|their) (affairs|will|estate|policy)|(dad|mum|mom|father|mother)('s| is| has)[^.]{0,30}(weeks|months|days) (left|to live)|letter (to|for) (the )?(bank|lender|court|company|creditor|landlord|council|hr|boss|school|collections?) (explaining|about|asking|requesting|to ask)|(goodbye )?letter to (my|the|our) (marriage|ex|relationship|old job|old self)|new job starts|start(ing)? (a|my) new job|fully recovered|last day at (the |my )?(warehouse|office|job|work|company|shop|store|factory|site|restaurant)|(after|when) i retire|all clear|benign|(baby|kids?|children)'?s? (old )?(clothes|cot|crib|toys|pram|stroller))\b/;
/** Said to be for good: no trip or paper makes a goodbye beside these less final. */
const FINAL_ZH = /其实是?想.{0,6}告别|不(会)?回来|本来要.{0,12}算了|回不来|别(找|等)我|不用等|下辈子|来世|来生|永别|再也(不|没|见不)|不用再还|就不用还|最后一(次(?!打卡|上班|值班)|条|面|封|期)|不在了|该走了|等不到|找不到我|见不到了|其实(我)?(今晚|明天|马上)|还得了|就能(把债)?还清|背我的债|不用背|还回得来|拜托/;
const FINAL_EN = /\b(won'?t be (back|here)|will not be (back|here)|not coming back|never coming back|next life|don'?t wait|don'?t look for me|goodbye everyone|this is (goodbye|it|my last)|last message|won'?t owe|none of (it|this) (matters|will matter)|when i'?m gone|after i'?m gone|i won'?t need them|i will not need (them|it|any of (it|them)|this)|my last day,? period|last day (of my life|on earth|alive)|how i am going to do it|(have|need) to deal with me|make it there)\b/;
const LEAVING = /走了|勿念|好找|能找到|找得到|before i go|再见|告别|道别|最后|安排好|托给|交给|留给|转给|送人|遗嘱|受益人|信|保单|goodbye|bye|last|affairs|will\b|letter|beneficiar|insurance|policy|just in case|giving away|give away|can have my/;
/**
 * Medicine taken as a doctor prescribed it ("医生开的安眠药我都照剂量吃"): no means, unless it is being kept back or
 * gathered ("医生开的药我一直没吃，攒了一整瓶"), the warning sign itself.
 */
const AS_PRESCRIBED = /(医生|大夫)(给我)?(开|给)(了|的)|照(指示|医嘱|说明书?)吃|\b(doctor|gp|psychiatrist|dr)( has| had| just)? prescribed\b|\bprescribed (me )?(some )?(sleeping pills|pills|meds|medication|tablets)\b|按(照)?(剂量|医嘱)|照剂量|遵医嘱|一(晚|天|次)一(颗|粒|片)|\bas prescribed\b|\b(doctor|gp|psychiatrist|dr) (put|has put|started) me on\b|\bmy prescription\b|\bone a (night|day)\b/;
const KEPT_BACK = /攒|囤|存(了|着|起|够)|省着|留着|一(整)?(瓶|盒|板)|全(部|都)?(吃|吞)|都吞|一口气|一次(性)?|一把|没吃|不吃|够|今晚|几十|\d{2,}\s?(片|粒|颗)|多吃|stockpil|hoard|never (took|taken|swallowed)|(bottle|box|pack(et)?) is (still )?full|sav(e|ed|ing) (them|up)|put(ting)? (them )?aside|kept|in a drawer|for when|whole|all (of them|at once)|tonight|enough|(have not|haven't|not) (been )?tak(en|ing)|\b\d{2,} (in|pills|tablets)/;
/**
 * Plans ahead that the person will be back from or live through: a new job, a move, a trip, a wedding, an exam
 * ("下周去新单位报到", "猫你帮我喂两天，我出差", "婚礼时间地点都定好了"); not one others only believe in.
 */
const MOVING_ON_ZH = /(?<!(以为|还以为|当我|说我|觉得我)[^。]{0,6})(新(公司|工作|单位|岗位).{0,6}(报到|入职|上班)|(报到|入职|上班).{0,4}新(公司|工作|单位|岗位)|工作找到了|搬家|搬到|搬(柜子|箱子|家具|行李|东西|床|沙发)|(柜子|箱子|家具|行李|沙发)[^。]{0,4}搬|出差|出趟差|旅游|旅行|婚礼|婚宴|订婚|面试|考试)/;
const MOVING_ON_EN = /(?<!\b(reckon|think|thinks|believe|believes|told)( that)? (i am|i'm|im) )\b(new job (starts|on|in)|start(ing)? (a|my|the) new job|moving (to|house|out|in)|for the move|relocating|business trip|wedding|exam)\b/;
const plansAhead = (zh: string, en: string): boolean => MOVING_ON_ZH.test(zh) || MOVING_ON_EN.test(en);
const prescribed = (text: string) => AS_PRESCRIBED.test(text) && !KEPT_BACK.test(text);

const notFinal = (zh: string, en: string) => (NOT_FINAL_ZH.test(zh) || NOT_FINAL_EN.test(en)) && !FINAL_ZH.test(zh) && !FINAL_EN.test(en);

/**
 * A text's forms as typed and as the readings see them (hyperbole and others' deaths taken out), and which
 * languages the latter hold: each language's readings only where the text has that language's letters.
 */
function ownForms(text: string) {
  const { dense, plain, en } = normalise(text);
  const { zh: zhOwn, en: english } = withoutHyperbole(text);
  const hasZh = /[\u3400-\u9fff]/.test(zhOwn) || /[\u{1f300}-\u{1faff}]/u.test(zhOwn);
  return { dense, plain, en, zhOwn, english, hasZh, hasEn: /[a-z]/.test(english) };
}

/** The reading of a text as despair, or null; `crisis` wins over `check`. */
export const readCrisis = remembered(readCrisisOnce);

function readCrisisOnce(text: string): CrisisReading | null {
  if (isPlainAnswer(text)) return null;
  const { dense, plain, zhOwn, english, hasZh, hasEn } = ownForms(text);
  const emoji = EMOJI_MEANS.exec(plain) ?? EMOJI_GOODBYE.exec(plain);
  if (emoji) return { level: 'crisis', rule: 'a means or a goodbye, in emoji', matched: emoji[0] };
  // One pill may be a cold: asked gently.
  const pill = /💊/u.exec(plain);
  let check: CrisisReading | null = pill ? { level: 'check', rule: 'a means or a goodbye, in emoji', matched: pill[0] } : null;
  const asPrescribed = prescribed(zhOwn) || prescribed(english);
  const matchOf = (rule: Rule) => (hasZh ? firstUnnegated(rule.zh, zhOwn, NEGATED_ZH) : null) ?? (hasEn ? firstUnnegated(rule.en, english, NEGATED_EN) : null);
  for (const rule of RULES) {
    const m = matchOf(rule);
    if (!m) continue;
    if (LEAVING.test(m[0]) && notFinal(zhOwn, english)) continue;
    if (/药|安眠|pills|meds|tablets/.test(m[0]) && asPrescribed) continue;
    const reading = { level: rule.level, rule: rule.name, matched: m[0] };
    if (rule.level === 'crisis') return reading;
    check ??= reading;
  }
  if (check) return check;
  // Any word of dying left once hyperbole and others' deaths are gone: ask gently rather than miss it.
  const runTogether = /wanttodie|wannadie|killmyself|endmylife|iwanttodie/.exec(hasEn ? english.replace(/\s/g, '') : dense);
  if (runTogether) return { level: 'crisis', rule: 'wants to die (English)', matched: runTogether[0] };
  // Laughing beside it, a bare word of dying is a joke ("信用分死透了 哈哈"); what means more was read above.
  const left = LAUGHING.test(plain) ? null : (hasZh ? firstUnnegated(DYING_ZH, zhOwn, NEGATED_ZH) : null) ?? (hasEn ? firstUnnegated(DYING_EN, english, NEGATED_EN) : null);
  if (left) return { level: 'check', rule: 'a word of dying', matched: left[0] };
  // Last, the model trained on the corpus: like the lines of despair it learned from, so ask gently. It is heard on
  // every line, not only on one with a word of dying: most despair a new writer types names no such word.
  const likeDespair = modelReading(text, 'read');
  if (likeDespair) return likeDespair;
  // The same words of everyday life that bind the model bind these: a trip, a plan, medicine as prescribed, the talk
  // going on ("knife's next to me, I'm chopping onions", "下周起就找不到我了，公司派我去外地出差").
  for (const rule of AFTER_THE_MODEL) {
    const m = matchOf(rule);
    if (!m) continue;
    const everyday = saysSafe(hasZh ? zhOwn : '', hasEn ? english : '') || notFinal(zhOwn, english) || prescribed(zhOwn) || prescribed(english) || EVERYDAY_EN.test(english) || plansAhead(zhOwn, english);
    return everyday ? null : { level: rule.level, rule: rule.name, matched: m[0] };
  }
  return null;
}

/** Everyday reasons to hold a knife or be up high ("chopping onions", "cutting the cake", "stuck in traffic", "on holiday"). */
const EVERYDAY_EN = /\b(chopping|cooking|cutting the cake|onions?|kitchen|traffic|holiday|vacation|view|photos?|painting|waiting for (the |my )?(train|bus)|paid off|cleared|settled)\b/;

/**
 * A line no reading understood, neither despair nor anything else, that still leans towards despair: where the bot
 * would otherwise say it did not understand (not an answer, not a request, not a threat), a gentle "are you safe?"
 * costs the person nothing and may reach someone the readings missed. Only the model's likeness is weighed here, at
 * a lower bar than `readCrisis` sets (`leanThreshold`); hyperbole taken out of the line still needs the strict one.
 */
export const leansToDespair = remembered((text: string): CrisisReading | null =>
  isPlainAnswer(text) || readCrisis(text) !== null ? null : modelReading(text, 'lean'),
);

/** How like the lines of despair the model finds a text: weighed once, read at the model's bar and again at the lean's. */
const likenessOf = remembered((text: string): number => score(models.crisis, despairForms(text)));

/** The model's reading of a text the rules did not read: at its own bar, or at the lower one of a line nothing read. */
function modelReading(text: string, bar: 'read' | 'lean'): CrisisReading | null {
  const model = models.crisis;
  const likeness = likenessOf(text);
  // Below every bar (most lines): nothing more to weigh.
  if (likeness <= Math.min(model.leanThreshold ?? model.threshold, model.threshold)) return null;
  const { dense, en, zhOwn, english, hasZh, hasEn } = ownForms(text);
  // Hyperbole or someone else's death taken out: what is left must be clearly despair.
  const explainedAway = zhOwn !== dense || english !== en;
  const threshold = bar === 'lean' && !explainedAway ? (model.leanThreshold ?? model.threshold) : thresholdOf(model, explainedAway);
  if (likeness <= threshold) return null;
  const residual = despairForms(text);
  if (saysSafe(hasZh ? zhOwn : '', hasEn ? english : '') || SMALL_TALK_ZH.test(dense) || SMALL_TALK_EN.test(en)) return null;
  // A person saying they feel better or were helped, medicine taken as prescribed with none kept back, or plans ahead
  // with no word that they are for good: taken at their word below the model's own bar, and asked gently above it.
  const clear = !explainedAway && model.crisisThreshold !== undefined && likeness > model.crisisThreshold;
  const asPrescribed = prescribed(zhOwn) || prescribed(english);
  const movingOn = plansAhead(zhOwn, english) && !FINAL_ZH.test(zhOwn) && !FINAL_EN.test(english);
  const takenAtTheirWord = FEELS_BETTER_ZH.test(zhOwn) || FEELS_BETTER_EN.test(english) || asPrescribed || movingOn;
  if (bar === 'lean' && takenAtTheirWord) return null;
  // One word is no evidence ("Next", "nobody answered"): at least two of the words must lean towards despair.
  const leaning = explainScore(model, residual, 8).filter(([, w]) => w > 0);
  if (leaning.length < 2) return null;
  const matched = leaning.slice(0, 3).map(([f]) => f).join(' ');
  if (bar === 'lean') return { level: 'check', rule: 'leans like the crisis lines', matched };
  // Far more like the lines of despair than any ordinary line the model was tried on (`clear`): the crisis reply
  // itself. Medicine in ordinary use ("医生开的安眠药我一晚一粒，会不会上瘾") or a move ahead ("bought rope for the move"):
  // asked gently, not given the crisis reply.
  const level = clear && !takenAtTheirWord ? 'crisis' : 'check';
  return { level, rule: 'like the crisis lines', matched };
}

/**
 * "我不会做傻事", "I want to live without debt", "那我想办法今天全还", "can we continue tomorrow", "等我送完这单再回你",
 * "密码写在哪里安全": the person says they are safe, that they want to live, how they will pay, that the talk goes on,
 * or asks how to keep something safe; the model alone does not overrule them.
 */
function saysSafe(zh: string, en: string): boolean {
  return (
    (zh !== '' && /(明天|回头|改天|晚点)(再)?(接着)?(聊|继续聊|说吧)|(再|等会|等下|等阵|晚点|稍后|回头|一会)(儿)?(再)?(回|覆|复)(你|您|信息|消息)|下(节课|周|回)见(?!不)|回头见|(写|放|存|藏|记)(在)?(哪里|哪儿|什么地方|哪)[^，。]{0,4}安全|(不会|没有|没)(想)?(寻死|自杀|轻生|想不开|做傻事)|没有(自杀|轻生|寻死)的?(想法|念头)|(?<![不没别])(想|要)(好好)?(活下去|活着|好好活)|(想办法|努力|尽量|争取)(去)?(还|凑|筹)|(今天|明天|这个月|下个月|月底)(就)?(全|都)?(还清|还上|全还|还完)/.test(zh)) ||
    (en !== '' && /\b(can we|let us|we can|i will) (continue|talk|carry on|pick this up) (tomorrow|later|next time|in the morning)\b|\b(reply|text|message|answer) (you )?later\b|\blater i (reply|text|message)\b|\bget back to you\b|\bbrb\b|\bbe right back\b|\b(not|never) (suicidal|going to (hurt|kill) myself)\b|(?<!(not|never) )\b(want|going|trying|try|need) to (live|keep living|stay alive|get through this|be okay|be ok)\b|\b(will|going to|trying to|try to) (pay|repay) (it|this|them)\b/.test(en))
  );
}
