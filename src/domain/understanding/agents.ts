import { explainScore, predicts } from './classifier.js';
import models from './models.json' with { type: 'json' };
import { firstUnnegated, isPlainAnswer, normalise, remembered } from './normalise.js';

/**
 * Talk of paid "debt help" agents (FACTS §6: the 2026 joint warning and the red flags it lists), read for what it
 * means: someone other than the person and the lender, offering what agents sell (negotiating, stopping interest
 * or collection calls, 个性化分期, deleting or "washing" a credit record), for a price (a fee, a deposit, a share
 * of what is waived). Any two of the three are enough when the third is implied; some services only agents sell
 * and name alone. A person asking the lender themselves pays no one and is never warned.
 */
export interface AgentReading {
  rule: string;
  matched: string;
}

/** Someone who is neither the person nor the lender (the lender's own 客服 and 客户经理 are not). */
const THIRD_ZH =
  /中介|代理|代办|机构|团队|工作室|律所|事务所|律师|法务(?!部)|(一|有|这|那|某|个|什么|家)(家|个)?公司|老师|导师|大师|专家|顾问|师傅|有人|别人|陌生人|网上|网友|抖音|快手|小红书|微博|b站|直播|视频|广告|群(里|主|友)?|私信|加(我)?(微信|v|vx|qq)|微信(上|里)|熟人|哥们|大哥|认识(的)?人|联盟|协会|上岸|朋友(介绍|推荐|说)|他们|对方|那人|这人|那个人|他(?!人)|她/;
const THIRD_EN =
  /\b(agency|agencies|agent|agents|company|companies|firm|consultant|consultants|someone|somebody|some ?one|a guy|some guy|this guy|a man|a woman|a lady|stranger|tiktok|douyin|video|livestream|an ad|advert|advertisement|(wechat|telegram|whatsapp|facebook|qq) (group|contact|account)|group chat|lawyers?|legal team|law firm|debt (expert|specialist|advisor|adviser|consultant|coach|negotiator|company|agency|service)|they|them|he|she|people|person|dm(ed|'d)?|messaged me|texted me|reached out)\b/;

/** What agents sell. */
const SERVICE_ZH =
  /停息|评估|替我|帮我|代我|整合|名额|谈|停止还款|停还|起诉|要回|挂账|个性化(分期|还款)|分期|延期|减免|免息|免除|罚息|降息|只还本金|协商|谈判|沟通|处理|搞定|上岸|清零|洗白|修复|删(除|掉)?|消除|抹(掉|除)|撤销|逾期(记录)?|征信|不良|黑名单|停催|催收|催款|不再(打|催)|(电话|催收).{0,3}(停|消失|不打)|屏蔽|拦截|置换|优化|退保|退(息|费|利息|钱)|宽限|债务/;
const SERVICE_EN =
  /\b(stop(s|ped|ping)?|freez(e|es|ing)|suspend|pause|waiv(e|er|ed|ing)|reduc(e|ed|ing|tion)|cut|lower|write[- ]?off|negotiat(e|es|ed|ing|ion)|settle(ment)?|delet(e|ed|ing|ion)|eras(e|ed|ing)|remov(e|ed|al|ing)|wip(e|ed|ing)|clean(ed|ing|ses?)?|clear(ed|ing)?|repair(ed|ing)?|fix(ed|ing)?|restructur(e|ed|ing)|consolidat(e|ed|ing|ion)|relief|debt[- ]free|instal?ments?|payment plan|credit (record|report|history|score|file)|overdue record|blacklist|collect(ion|ions|ors?)|calls?|interest|penalt(y|ies)|late fees?|debt|loans?)\b/;

/** A price: money for the service, not the repayment itself (the lender's own 手续费 counts only with a third party). */
const PRICE_ZH =
  /费|定金|订金|押金|保证金|佣金|提成|分成|抽成|好处|红包|会员|入会|入群|交钱|付钱|给钱|转账|转钱|打款|汇款|收钱|收费|付费|花钱|出钱|掏钱|百分之|\d+%|(几|一|两|三|四|五|六|七|八|九|\d)成|比例|先(交|付|转|给|打)|(交|付|给|转|收|打)了?(我|他|她|他们|对方)?.{0,2}(\d|[一二两三四五六七八九十百千万几]).{0,3}(块|元|钱|万|千|百|k|w)/;
const PRICE_EN =
  /\b(fees?|deposit|upfront|up-front|advance payment|retainer|commission|membership|percent|per ?cent|\d+ ?%|(a )?(cut|share|percentage) of|(pay|paid|paying|pays|transfer|transferred|send|sent|wire|wired) (them|him|her|a|an|the agent|the company|someone|first|upfront|\d|[$¥])|charg(e|es|ed|ing)|cost(s)? (me )?[$¥\d]|for [$¥]?\d|[$¥] ?\d|\d+ ?(yuan|rmb|kuai|dollars|bucks)|\d+k\b)/;

/** Fees no lender charges for its own hardship help: with a service, enough without naming anyone. */
const AGENT_FEE_ZH = /(?<!手续|滞纳|违约|罚|年|分期|逾期|延期|服务|生活|学|医药|医疗|房|水电|电|话|交通|物业|油|燃气|网|管理|取暖|停车|伙食|餐|住宿|保险|利|本|资|押|奖|工|薪|公积|养老|退休|救助|补助|补贴|抚恤|失业)(费|金)(?!额|融|钱|条|卡)|会费|入会|签约|合同.{0,4}(签|交)|定金|订金|押金|保证金|佣金|提成|好处费|前期费|解冻费|入群费|会员费|加盟费|代理费|中介费|服务费|咨询费|律师费|办理费|操作费|渠道费|打点/;
const AGENT_FEE_EN = /\b(deposit|retainer|commission|membership fee|service fee|consult(ing|ancy|ation) fee|agency fee|agent'?s? fee|upfront fee|advance fee|processing fee to (them|him|her)|success fee)\b/;

/** Services no lender sells: naming one is enough. */
const AGENT_ONLY_ZH =
  /(停息挂账|停息|挂账|协商|债务|征信|上岸|反催收?|延期|分期|减免|法律咨询|调解|财务)(的)?(中介|团队|机构|公司|工作室|专员|顾问|老师|导师|服务商|调解员)|(帮(忙|人|你)?|代)(协商|谈|处理|停息|上岸|还款)的(人|那种|那些|公司|机构)?|(停息挂账|债务优化|征信修复|上岸)(的|那些|那帮)(人|公司|又|打|说|来|电话)|互助会|(国家|政府)?纾困(政策|名单|名额)|新政策.{0,8}(减免|停息|免除)|花钱(找|请|雇)(人|中介|代理)|(交钱|付钱|花钱|给钱)给(代理|中介|他们)|(只有|只能)(找|通过)(他们|我们|对方|中介|代理).{0,6}(才能|才可以|才办得)|纾困名额|(国家|政府)(政策|名额|新规|通道).{0,6}(名额|通道|申请|办理)|债务(整合|重组)(公司|机构|中介|服务)|授权(委托)?(书|视频)|委托书|(录|拍)(一段|个)?视频.{0,6}(授权|委托|自愿)|不成功不收费|成功(后|了)?(再)?收费|(负债|债务)上岸|停催停诉|停诉停催|债务管理(公司|机构|服务)?|统一还款|代(看|查|办|打|写|交|投诉)(征信|投诉|材料|证明|电话)|代投诉|(假|伪造|造|编|做一份假|做个假).{0,4}(病历|诊断书|诊断证明|医院证明|失业证明|收入证明|困难证明|流水)|(全|都|全部)(交|委托)给(他们|我们|对方|他|她)|(别|不要|不用)自己(打|去|谈|联系|协商)|窗口期|名额有限|征信修复|修复征信|信用修复|征信洗白|洗白|洗征信|征信(可以|能)?(洗|修)|反催收|反催|代理维权|维权(团队|机构|公司|律师)|债务优化|优化债务|债务置换|置换债务|代协商|代理协商|协商代理|代理.{0,2}(停息|挂账|分期|减免|协商|延期|谈判)|代(办|为)(停息|挂账|分期|减免|协商|延期|谈判)|(停息|挂账|分期|减免|协商|延期)代(办|理)|债务清零|清零(计划|政策|试点)|上岸(团队|导师|老师|计划|营|课|群)|内部.{0,4}(渠道|关系|人|名额|通道)|(对接|直通).{0,6}后台|绿色通道|特殊(通道|渠道)|(有|跟|和).{0,8}合作.{0,6}(通道|渠道)|全额退保|代理退保|停催(服务|套餐)|屏蔽催收|拦截催收|(保证|包)(成功|下来|办成|办好|通过|上岸)|百分百(成功|下来|通过|上岸)/;
const AGENT_ONLY_EN =
  /\b(middle ?man|(pay|hire|paying|hiring) (anyone|someone|somebody|a guy|people).{0,20} to (deal|talk|negotiate|handle|call)|(mentor|coach|guru)s?\b.{0,40}(course|debt[- ]free|program)|(buy|bought|sell|sells) (his|her|their) course|authori[sz]e them|power of attorney|fix(es|ing)? (my |your |the )?credit (records?|report|history|score)|debt consolidation (company|agency|firm|service)|no (success|win),? no fee|(debt|credit) (manager|management (company|agency|firm|service|program|plan))|(paid|hire|hired|hiring) (a |an )?(debt )?(negotiator|agent|middleman|company|agency|consultant)|(dispute|negotiation|settlement) services?|handle everything|never have to talk to the bank|(make|made|forge|fake|provide) (me )?(a |an )?(hospital|medical|doctor'?s?|sick|unemployment|income) (certificate|note|letter|proof)|(certificate|note|proof) (that )?they('ll| will| would)? make|(the )?window (for .{0,30})?(closes|is closing)|pay today or|give (me|you) a quote|file complaints? (against|for)|credit repair|repair (my|your|the) credit|fix (my|your|the) credit (record|report|history|score)|(clean|wipe|erase|delete|remove|wash|scrub) (my|your|the|an?) (credit|record|overdue|history|blacklist)|anti[- ]collection|(stop|block) (the )?collect(ion|ors?) (calls )?for (a |the )?(fee|deposit|price|\d)|debt (relief|settlement|optimi[sz]ation|negotiation|clearing|elimination|reduction) (company|companies|agency|agencies|firms?|services?|programs?|programmes?|teams?|plan|outfits?|mob)|inside (contact|connection|channel|man)|(has|have|got) connections|insider|guarantee(d|s)? (success|approval|to (stop|waive|delete|remove|get))|100 ?% (success|guaranteed))\b/;

/** Help that costs nothing: a person's own request, legal aid, a friend. */
const FREE_ZH = /(不想|怕|担心|以免|免得|避免|防止)被.{0,6}(坑|骗|套路)|法律援助|法援|免费|不收(我)?(钱|费)|没收(我)?(钱|费)|没要(我)?钱|不要钱|12348|(我)?自己.{0,3}(去|来|跟|和|给|打|申请|联系|协商|谈|办)|不(想|要|用|找|需要)(交钱|付钱|给钱|花钱|找?中介|代理|别人)|(手续费|费率|fee|rate).{0,8}\d+(\.\d+)?\s?%/;
const FREE_EN = /\b((can|could|should|may|how do|how can) i (just )?(ask|apply|request|call|ring|phone)|legal aid|for free|free of charge|no fee|no charge|not charging|without (a |any )?(fee|charge|paying)|(by|for) myself|on my own|myself with|myself\b|never pay|(do not|not going to|will not) (pay|hire) (an?y? )?(agent|middleman|company|agency|anyone)|fee of \d+(\.\d+)? ?%|\d+(\.\d+)? ?% (one-time |monthly |handling )?fee)\b/;

/** A price actually asked ("先交三千律师费", "代理费4800"): whatever the agent calls itself, it is not free help. */
const PRICE_ASKED =
  /(交|付|收|转|给|花|要)(了)?.{0,6}(\d|[一二两三四五六七八九十百千万几]).{0,4}(律师费|代理费|服务费|咨询费|评估费|前期费|定金|押金|保证金)|(律师费|代理费|服务费|咨询费|评估费|前期费用?|定金|押金|保证金).{0,4}(\d|[一二两三四五六七八九十百千万几])/;
/** The lender's own charges ("银行说分期要收手续费", "the lender's own service charge"): not an agent's fee. */
const LENDER_FEE_ZH = /(银行|平台|花呗|借呗|支付宝|京东|美团|月付|金条|白条|微粒贷|微众|招联|客服|官方|信用卡中心|信用卡|发卡行).{0,24}(手续费|服务费|利息|费用|收费|违约金|分期费|费率)/;
const LENDER_FEE_EN = /\b((the )?(lender|bank|card cent(er|re)|alipay|platform)('s)? (own )?(service |handling |instal?ment |restructuring )?(charge|fee)s?|(lender|bank|card cent(er|re)|alipay|platform) (says|said|charges|charged|will charge) (a |an )?)|\b(staff|lender|bank|card cent(er|re)|alipay|platform)\b.{0,40}\b(fee|fees|charge|charges|interest)\b/;

/**
 * A fee the person says is the lender's own ("这个是银行收的", "这钱是交给平台的", "that's the bank's own charge"): even
 * with its amount, not an agent's price, unless an agent is named in earnest (not "不是中介", "not some middleman").
 */
const OWN_LENDER_FEE_ZH = /(是|算|问的是)(交给)?(银行|平台|官方|他们官方|信用卡中心|发卡行|花呗|借呗|美团|京东)(那边)?(自己)?(收|的)/;
const OWN_LENDER_FEE_EN = /\b((the )?(bank|lender|card company|issuer|platform)'?s own (charge|fee|admin fee)|from the (bank|lender|card company) itself)\b/;
const NOT_AN_AGENT_ZH = /(不是|并非|又不是|不找|没找|不用找?|不想找?)$/;
const NOT_AN_AGENT_EN = /\b(not|no|never|without)( (a|an|any|some))?\s?$/;

/** Someone who is plainly not the lender: with one named, a fee in the message may be theirs. */
const NAMED_AGENT = /中介|代理|代办|机构|团队|工作室|律所|事务所|律师|法务|公司|老师|导师|大师|专家|顾问|群|上岸|协会|联盟/;
const NAMED_AGENT_EN = /\b(agency|agencies|agent|agents|consultants?|firm|lawyers?|negotiators?|middle ?man|company|companies|guy|someone|somebody)\b/;

/** "不想找中介", "without a middleman": an agent named only to be refused. */
const REFUSED_ZH = /(不|别|没|不想|不要|不用|不需要|别劝我|拒绝|不愿意?)(去|再)?(找|请|用|通过|花钱找|交钱给|给)?(任何|什么|那些|这些|那种)?(的)?$/;
const REFUSED_EN = /\b(no|not|without|never|do not|don't|rather not)( (a|an|any|going|through|using|hiring|paying|via|to|use|hire|pay|want|wanna|need|like|one|of|those|these|the))*\s?$/;

/** The paid-agent reading of a text, or null. */
/** The lender's own staff ("customer service agent") are not a third party. */
const LENDER_STAFF_EN = /\b((customer service|service|bank'?s?|lender'?s?|alipay'?s?|support|the platform'?s?) (agent|rep|representative|staff)s?|(agent|rep|representative)s? on the (phone|line|call)|(credit )?card (company|companies|issuer))\b/g;
/** Deleting, washing or repairing a record: a service only agents sell, so any price for it is an agent's. */
const RECORD_ERASED_ZH = /(删|消|抹|洗|修复|清除|撤销|去掉).{0,4}(逾期|征信|不良|记录|黑名单|污点)|(逾期|征信|不良|记录|纪录|黑名单|污点).{0,4}(删|消|抹|洗白|清除|撤销|去掉)/;
const RECORD_ERASED_EN = /\b(delet|eras|remov|wip|clean|wash|scrub|fix|repair)\w* .{0,20}(record|history|report|blacklist|overdue)/;

export const readAgent = remembered(readAgentOnce);

function readAgentOnce(text: string): AgentReading | null {
  if (isPlainAnswer(text)) return null;
  const forms = normalise(text);
  const { dense } = forms;
  const en = forms.en.replace(LENDER_STAFF_EN, 'staff');
  const only = firstUnnegated(AGENT_ONLY_ZH, dense, REFUSED_ZH) ?? firstUnnegated(AGENT_ONLY_EN, en, REFUSED_EN);
  if (only) return { rule: 'a service only agents sell', matched: only[0] };
  // The lender's own fee is not an agent's, unless an agent is named in the same message.
  const lenderFee = (LENDER_FEE_ZH.test(dense) && !NAMED_AGENT.test(dense)) || (LENDER_FEE_EN.test(en) && !NAMED_AGENT_EN.test(en));
  const ownLenderFee =
    (OWN_LENDER_FEE_ZH.test(dense) && !firstUnnegated(NAMED_AGENT, dense, NOT_AN_AGENT_ZH)) || (OWN_LENDER_FEE_EN.test(en) && !firstUnnegated(NAMED_AGENT_EN, en, NOT_AN_AGENT_EN));
  const free = ((FREE_ZH.test(dense) || FREE_EN.test(en) || lenderFee) && !PRICE_ASKED.test(dense)) || ownLenderFee;
  // Help that costs nothing is no agent's: only a share of what is waived is still read (below), so nothing else is.
  if (free) return shareOfWhatIsWaived(dense, en);
  const fee = AGENT_FEE_ZH.exec(dense) ?? AGENT_FEE_EN.exec(en);
  const service = SERVICE_ZH.exec(dense) ?? SERVICE_EN.exec(en);
  if (fee && service) return { rule: "an agent's fee for a service", matched: `${fee[0]} … ${service[0]}` };
  const third = firstUnnegated(THIRD_ZH, dense, REFUSED_ZH) ?? firstUnnegated(THIRD_EN, en, REFUSED_EN);
  // Thinking of hiring one ("想找个中介", "找人替我谈"): warned before any money changes hands.
  const tempted = /(想|要|打算|准备|考虑|不如|干脆)(找|请|雇|委托)(个|一个|家)?(代理|代办|中介|人替我|人帮我谈|人代我)/.exec(dense);
  if (tempted) return { rule: 'thinking of hiring an agent', matched: tempted[0] };
  // "客服说…", "the bank's rep said they…": the lender speaking, not someone selling.
  const onlyPronoun = third !== null && /^(他|她|他们|对方|they|them|he|she|people|person)$/.test(third[0]);
  const lenderSpeaking = /(客服|银行|平台|花呗|借呗|支付宝|官方|信用卡中心)(说|讲|告诉|同意|答应|表示|要我|让我|叫我)/.test(dense) || /\b(staff|bank|lender|card cent(er|re)|card issuer|issuer|alipay|huabei|jiebei|customer service|the platform)\b/.test(en);
  // "我付了2000元，能减免吗": money the person paid with nobody named to receive it is a repayment, to the lender, and
  // "they" then is the lender.
  const repaying = /我(已经|刚刚?|先|都)?(还|付)了(\d|[一二两三四五六七八九十百千万几])/.test(dense) || /\bi('ve| have)? (already )?(paid|repaid|paid back) (\$|¥|rmb )?\d/.test(en);
  const erased = RECORD_ERASED_ZH.exec(dense) ?? RECORD_ERASED_EN.exec(en);
  // A price is only read beside someone and a service, or beside a record to erase.
  const price = (third && service) || erased ? (PRICE_ZH.exec(dense) ?? PRICE_EN.exec(en)) : null;
  if (third && service && price && !(onlyPronoun && (lenderSpeaking || repaying))) return { rule: 'someone selling a service', matched: `${third[0]} … ${service[0]} … ${price[0]}` };
  if (service && !lenderSpeaking) {
    // "交3000就能停息", "pay them $300 and they freeze the interest": money as the price of the promise.
    const asPrice =
      /(交|付|给|转|花|打钱|打款)(了)?.{0,8}(\d|[一二两三四五六七八九十百千万几]|钱|费).{0,8}(就|才|便)(能|可以|帮|给|包|会|行)/.exec(dense) ??
      /\b(pay|paid|paying|give|send)\b.{0,30}\b(and|then|so) (they|he|she|you|we|it)\b|\bif (i|you) pay\b/.exec(en);
    if (asPrice) return { rule: 'money as the price of a promise', matched: `${asPrice[0]} … ${service[0]}` };
    // "一个上岸导师说能帮我全部减免", "a debt specialist can settle it for me": someone offering to do it.
    const named = third !== null && !onlyPronoun && !/朋友|熟人|哥们|大哥/.test(third[0]);
    const offer = named && (/帮|代|包|保证|能|可以|替|给你|办/.test(dense) || /\b(can|could|will|would|for me|on my behalf|guarantee)\b/.test(en));
    if (offer) return { rule: 'someone offering to do it', matched: `${third[0]} … ${service[0]}` };
  }
  if (erased && price) return { rule: 'a price to erase a record', matched: `${erased[0]} … ${price[0]}` };
  const share = shareOfWhatIsWaived(dense, en);
  if (share) return share;
  // Last, the model trained on the corpus, where nothing says the person is asking the lender themselves.
  const paidToSomeone = () => /(给|转|交|付|打)(了)?(给)?(他|她|他们|对方|中介|那人|这人|那个人)/.test(dense) || /\b(pay|paid|send|sent) (him|her|them)\b/.test(en);
  // The model is not asked where only the lender is named ("can the lender remove a wrong record?"), nor where the
  // person only says what they repaid.
  if (((third && !(onlyPronoun && repaying)) || fee || (!lenderSpeaking && !repaying) || paidToSomeone()) && predicts(models.agent, forms)) return { rule: 'like the paid-agent lines', matched: explainScore(models.agent, forms, 3).map(([f]) => f).join(' ') };
  return null;
}

/** A share of what is waived is how agents are paid, whoever says it. */
function shareOfWhatIsWaived(dense: string, en: string): AgentReading | null {
  const share =
    /(减免|省下|免掉|少还|退回|退下来).{0,12}(百分之|\d+%|[一二两三四五六七八九\d]成|提成|抽成|分成|比例)|(百分之|\d+%|[一二两三四五六七八九\d]成|提成|抽成|分成).{0,8}(减免|省下|免掉|少还|退回)/.exec(dense) ??
    /\b(percent|%|cut|share|commission) of (what|the amount|whatever|everything) (is |gets |they )?(waived|saved|reduced|cut|get waived|get off)/.exec(en);
  return share ? { rule: 'a share of what is waived', matched: share[0] } : null;
}
