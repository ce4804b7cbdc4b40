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
  /中介|代理|代办|机构|团队|工作室|律所|事务所|律师(?!函)|(自称|冒充|号称)(?!.{0,6}(催收|法院|法官|警察|公安|法务部|银行|客服|平台))|法务(?!部)|(一|有|这|那|某|个|什么|家)(家|个)?公司|老师|导师|大师|专家|顾问|师傅|(?<!家里|家中|身边|你们|那边|平台|银行|所)有人(?!接|在|值班|回复?|管|理|生病|住院|病|去世|出事|冒用|盗用|(能|可以)帮(我|忙)[^。，,]{0,16}(吗|么|嘛))|别人|陌生人|网上|网友|抖音|快手|小红书|微博|b站|直播|视频|广告|群(里|主|友)?|私信|加(我)?(微信|v|vx|qq)|微信(上|里)|熟人|哥们|大哥|认识(的)?人|联盟|协会|上岸|朋友(介绍|推荐|说)|他们|对方|那人|这人|那个人|他(?!人)|她/;
const THIRD_EN =
  /\b(agency|agencies|agent|agents|company|companies|firm|consultant|consultants|(?<!(collections?|recovery|support|service|sales) )teams?|(relative|cousin|uncle|aunt|friend|colleague|neighbou?r)'?s? (friend|contact|connection|guy)|friend of (a|my) (friend|relative|cousin)|someone|somebody|some ?one|a guy|some guy|this guy|a man|a woman|a lady|stranger|tiktok|douyin|video|livestream|an ad|advert|advertisement|(wechat|telegram|whatsapp|facebook|qq) (group|contact|account)|group chat|lawyers?|legal team|law firm|debt (expert|specialist|advisor|adviser|consultant|coach|negotiator|company|agency|service)|they|them|he|she|people|person|dm(ed|'d)?|messaged me|texted me|reached out)\b/;

/** What agents sell. */
const SERVICE_ZH =
  /调解|停息|评估|替我|帮我|代我|整合|名额|谈|停止还款|停还|起诉|要回|挂账|个性化(分期|还款)|分期|延期|减免|免息|免除|罚息|降息|只还本金|协商|谈判|沟通|处理|搞定|上岸|清零|洗白|修复|删(除|掉)?|消除|抹(掉|除)|撤销|逾期(记录)?|征信|不良|黑名单|停催|催收|催款|不再(打|催)|(电话|催收).{0,3}(停|消失|不打)|屏蔽|拦截|置换|优化|退保|退(息|费|利息|钱)|宽限|债务/;
const SERVICE_EN =
  /\b((get|gets|got|getting) (you |me |us )?(a |an )?([\w-]+ )?(months?|years?) (plan|term|instal?ments?|to pay)?|stop(s|ped|ping)?|freez(e|es|ing)|suspend|pause|waiv(e|er|ed|ing)|reduc(e|ed|ing|tion)|cut|lower|write[- ]?off|negotiat(e|es|ed|ing|ion)|settle(ment)?|delet(e|ed|ing|ion)|eras(e|ed|ing)|remov(e|ed|al|ing)|wip(e|ed|ing)|clean(ed|ing|ses?)?|clear(ed|ing)?|repair(ed|ing)?|fix(ed|ing)?|restructur(e|ed|ing)|consolidat(e|ed|ing|ion)|relief|debt[- ]free|instal?ments?|payment plan|credit (record|report|history|score|file)|overdue record|blacklist|collect(ion|ions|ors?)|calls?|interest|penalt(y|ies)|late fees?|debt|loans?)\b/;

/** A price: money for the service, not the repayment itself (the lender's own 手续费 counts only with a third party). */
const PRICE_ZH =
  /(?<!免|消)费|定金|订金|押金|保证金|佣金|提成|分成|抽成|好处|红包|会员|入会|入群|(交|付|给|花|出|掏)了?钱|转账|转钱|打款|汇款|收钱|收费|付费|百分之|\d+%|(几|一|两|三|四|五|六|七|八|九|\d)成|比例|先(交|付|转|给|打)|先收(费|钱|.{0,3}(\d|[一二两三四五六七八九十百千万几]).{0,4}(块|元|钱|万|千|百|k|w|费))|(交|付|给|转|收|打)了?(我|他|她|他们|对方)?.{0,2}(\d|[一二两三四五六七八九十百千万几]).{0,3}(块|元|钱|万|千|百|k|w)/;
const PRICE_EN =
  /\b(ang ?pow|ang ?pao|hong ?bao|red (packet|envelope)|lai ?see|tea money|fees?|deposit|upfront|up-front|advance payment|retainer|commission|membership|percent|per ?cent|\d+ ?%|(a )?(cut|share|percentage) of|(pay|paid|paying|pays|transfer|transferred|send|sent|wire|wired) (them|him|her|a|an|the agent|the company|someone|first|upfront|\d|[$¥])|charg(e|es|ed|ing)|cost(s)? (me )?[$¥\d]|for [$¥]?\d|[$¥] ?\d|\d+ ?(yuan|rmb|kuai|dollars|bucks)|\d+k\b)/;

/** Fees no lender charges for its own hardship help: with a service, enough without naming anyone. */
const AGENT_FEE_ZH = /(?<!消|手续|滞纳|违约|罚|年|分期|逾期|延期|服务|生活|学|医药|医疗|房|水电|电|话|交通|物业|油|燃气|网|管理|取暖|停车|伙食|餐|住宿|保险|利|本|资|押|奖|工|薪|公积|养老|退休|救助|补助|补贴|抚恤|失业|免)(费|金)(?!额|融|钱|条|卡|管)|会费|入会|签约|合同.{0,4}(签|交)|定金|订金|押金|保证金|佣金|提成|好处费|前期费|解冻费|入群费|会员费|加盟费|代理费|中介费|服务费|咨询费|律师费|办理费|操作费|渠道费|打点/;
const AGENT_FEE_EN = /\b(deposit|retainer|commission|membership fee|service fee|consult(ing|ancy|ation) fee|agency fee|agent'?s? fee|upfront fee|advance fee|processing fee to (them|him|her)|success fee)\b/;

/** Services no lender sells: naming one is enough. */
const AGENT_ONLY_ZH =
  /(?<!客服的?|银行的?|行的|平台的?|官方的?)(停息挂账|停息|挂账|协商|债务|征信|上岸|反催收?|延期|分期|减免|法律咨询|调解|财务)(的)?(中介|团队|机构|公司|工作室|专员|顾问|老师|导师|服务商|调解员)|(帮(忙|人|你)?|代)(协商|谈|处理|停息|上岸|还款)的(人|那种|那些|公司|机构)?|(停息挂账|债务优化|征信修复|上岸)(的|那些|那帮)(人|公司|又|打|说|来|电话)|互助会|(国家|政府)?纾困(政策|名单|名额)|新政策.{0,8}(减免|停息|免除)|花(了)?(钱|\d+|[一二两三四五六七八九十百千万几]+(块|元)?).{0,2}(找|请|雇)(了)?(个)?(人|中介|代理|律师|法务)|(交钱|付钱|花钱|给钱)给(代理|中介|他们)|(只有|只能)(找|通过)(他们|我们|对方|中介|代理).{0,6}(才能|才可以|才办得)|(必须|只能|只有)(走|通过|找)(他们|我们|对方)(的)?(渠道|通道|关系|路子|流程)|(出售|卖|售卖|打包卖|收费)[^。]{0,10}(话术|模板|协商电话|录音样本)|(?<!(银行|行里|招行|建行|工行|农行|中行|交行|平台|客服)(的|自己的|推出的)?.{0,6})(过桥|过渡)(的)?(资金|贷款|垫资|钱)|先借(我|你)钱.{0,8}(还清|还上|还掉)|加急费|纾困名额|(国家|政府)(政策|名额|新规|通道).{0,6}(名额|通道|申请|办理)|债务(整合|重组)(公司|机构|中介|服务)|授权(委托)?(书|视频)|委托书|(录|拍)(一段|个)?视频.{0,6}(授权|委托|自愿)|不成功不收费|成功(后|了)?(再)?收费|(不成|不成功|办不(下来|成)|减不下来|谈不下来|没办成)(就)?(不要钱|不收钱|不收费|全额?退)|(成了|办成了?|办下来|谈下来|减下来)(再|才)(给钱|收钱|收费|给他钱|给他们钱|付他|给他)|(负债|债务)上岸|停催停诉|停诉停催|债务管理(公司|机构|服务)?|统一还款|代(看|查|办|打|写|交|投诉)(征信|投诉|材料|证明|电话)|代投诉|(假|伪造|造|编|做一份假|做个假).{0,4}(病历|诊断书|诊断证明|医院证明|失业证明|收入证明|困难证明|流水)|(全|都|全部)(交|委托)给(他们|我们|对方|他|她)|(别|不要|不用)自己(打|去|谈|联系|协商)|窗口期|名额有限|征信修复|修复征信|信用修复|征信洗白|洗白|洗征信|征信(可以|能)?(洗|修)|反催收|反催|代理维权|维权(团队|机构|公司|律师)|债务优化|优化债务|债务置换|置换债务|代协商|代理协商|协商代理|代理.{0,2}(停息|挂账|分期|减免|协商|延期|谈判)|代(办|为)(停息|挂账|分期|减免|协商|延期|谈判)|(停息|挂账|分期|减免|协商|延期)代(办|理)|债务清零|清零(计划|政策|试点)|上岸(团队|导师|老师|计划|营|课|群)|征信(优化|美化|包装)|(优化|美化|包装)征信|(银行|平台)(里|内部)有(人(?!工)|熟人|关系)|认识(银行|平台|支付宝|花呗|借呗|京东|美团|微众|法院)(里|内部)?(的)?(人|领导|熟人|关系)|(密码|验证码).{0,4}(给|发|告诉)(他们|对方|那个人|中介|这个人)|密码.{0,4}给(他|她).{0,10}(登录|操作|办)|(中介|对方|那个人|他们|团队|老师|法务|导师)(要|问我要|让我(给|发|提供)).{0,8}(密码|验证码)|转(到|给|进)?(个人|私人)(账户|账号|支付宝|微信|卡)|前期(零|0|不收|免)费用?|零前期|(协商|上岸|停息|债务|反催收|谈判|征信)(的)?(课程?|训练营|学院)|内部.{0,4}(渠道|关系|人|名额|通道)|(对接|直通).{0,6}后台|绿色通道|特殊(通道|渠道)|(有|跟|和).{0,8}合作.{0,6}(通道|渠道)|全额退保|代理退保|停催(服务|套餐)|屏蔽催收|拦截催收|(保证|包)(成功|下来|办成|办好|通过|上岸)|百分百(成功|下来|通过|上岸)|(交|付|给)了.{0,8}(定金|押金|服务费|会员费|咨询费|前期费|律师费|代理费|审核费).{0,12}(又|还)(要|让我|叫我|得)(再)?(交|付|补)(一笔|个)?.{0,6}(?<!手续|分期)(费|金)(?!额)|(银行|平台)(不会|不|不肯|不愿意?)(跟|和|与)个人(谈|协商|沟通)/;
const AGENT_ONLY_EN =
  /\b(middle ?man|\b(they|he|she|agent|company|planner|specialist|consultant|someone|guy|caller|person|team)\b[^.]{0,25}(asked|asks|wants?|wanted|needs?) (for )?(my )?[a-z ,]{0,60}(login|password|passcode)|(paid|pay|transfer(red)?|send|sent) (in)?to (her|his|their|a) (own|personal|private) (bank )?(account|wechat|alipay)|(pay|hire|paying|hiring) (anyone|someone|somebody|a guy|people).{0,20} to (deal|talk|negotiate|handle|call)|(mentor|coach|guru)s?\b.{0,40}(course|debt[- ]free|program)|(buy|bought|sell|sells) (his|her|their) course|authori[sz]e them|power of attorney|fix(es|ing)? (my |your |the )?credit (records?|report|history|score)|debt consolidation (company|agency|firm|service)|no (success|win),? no fee|(debt|credit) (manager|management (company|agency|firm|service|program|plan))|(paid|hire|hired|hiring) (a |an )?(debt )?(negotiator|agent|middleman|company|agency|consultant)|(dispute|negotiation|settlement) services?|handle everything|never have to talk to the bank|(make|made|forge|fake|provide) (me )?(a |an )?(hospital|medical|doctor'?s?|sick|unemployment|income) (certificate|note|letter|proof)|(certificate|note|proof) (that )?they('ll| will| would)? make|(the )?window (for .{0,30})?(closes|is closing)|pay today or|give (me|you) a quote|file complaints? (against|for)|credit repair|repair (my|your|the) credit|fix (my|your|the) credit (record|report|history|score)|(clean|wipe|erase|delete|remove|wash|scrub) (my|your|the|an?) (credit|record|overdue|history|blacklist)|anti[- ]collection|(stop|block) (the )?collect(ion|ors?) (calls )?for (a |the )?(fee|deposit|price|\d)|debt (relief|settlement|optimi[sz]ation|negotiation|clearing|elimination|reduction) (company|companies|agency|agencies|firms?|services?|programs?|programmes?|teams?|plan|outfits?|mob)|(?<!\b(own|its|their|official|alipay'?s|bank'?s|lender'?s) )debt (relief|settlement|negotiation) (platforms?|apps?|sites?|websites?)|inside (contact|connection|channel|man)|(sells?|selling|sold) [^.]{0,24}(templates?|scripts?)\b|(?<!\b(bank|banks|lender|issuer|card company|alipay)\b[^.]{0,30})bridge loan|(urgent|rush|expedited?|express|priority) (processing )?(payment|fee|charge)|add (his|her|their|a|my) (wechat|whatsapp|telegram|qq|line)\b[^.]{0,30}(plan|negotiat|settle|instal|deal)|(waiver|relief|freeze|settlement|instal\w*|negotiat\w*)\b[^.]{0,80}\badd (us |me )?(on )?(wechat|whatsapp|telegram|qq|line)\b|(has|have|got) connections|insider|guarantee(d|s)? (success|approval|to (stop|waive|delete|remove|get))|100 ?% (success|guaranteed)|(paid|already paid) (the|a|their|his|her) (first|initial) (fee|deposit)[^.]{0,60}\b((another|second|extra|more) (fee|charge|deposit)|fees? (too|as well))\b|(banks?|lenders?) (won'?t|will not|do not|don'?t|never) (talk|negotiate|deal) (to|with) individuals)\b/;

/** Help that costs nothing: a person's own request, legal aid, a friend. */
const FREE_ZH = /(只想|只要|就想|我想|想|要)走(银行|平台|官方|正规)(的)?(官方|正规)?(的)?(渠道|途径|流程|路子|路)?|(不想|怕|担心|以免|免得|避免|防止)被.{0,6}(坑|骗|套路|收)|法律援助|法援|社区(的)?律师|工会|(?<!(首次|第一次|初次|头一?次|前期|前两次|第一回)(咨询|评估|沟通|面谈)?)免费(?!咨询|评估|测评|诊断|分析|体验|领取)|不收(我)?(钱|费)|没收(我)?(钱|费)|没要(我)?钱|(?<!不成|不成功|办不下来|减不下来|谈不下来|没办成|失败)不要钱|12348|(?<!要)不(想|要|用|找|需要)(交钱|付钱|给钱|花钱|(交|付|给)(中介|代理)费|找?中介|代理|别人|pay|hire)|我(就|也|可|真|实在|是)?不(想|愿意?)(交|付|给)(这个|那个|这笔)?(钱|费)?(?![给了])|(手续费|费率|分期费|利率)(是|为)?.{0,6}\d+(\.\d+)?\s?%/;
const FREE_EN = /\b((only|just) want (to (go|do it) through )?(the )?(bank'?s?|lender'?s?|official)( own)? (option|way|route|process|channel|plan)|(can|could|should|may|how do|how can) i (just )?(ask|apply|request|call|ring|phone)(?! (him|her|that guy|this guy|that company|this company|those|these)\b)|legal aid|for free|free of charge|no fees?|no charge|not charging|without (a |any )?(fee|charge|paying)|(by|for) myself|on my own|myself with|myself\b|never pay|(do not|not going to|will not|rather not)( want to)? (pay|hire) (an?y? )?((debt|credit|settlement|relief|repair) )*(agent|middleman|company|agency|anyone|firm|lawyer)s?)\b/;
/** A fee quoted as a rate ("a one-time handling fee of 3%"): the lender's, where no seller is named (a share of the debt is never). */
const LENDER_RATE_EN = /\b(fee|rate) (of |is )?\d+([. ]\d+)? ?%(?! of)|\b\d+([. ]\d+)? ?% (one time |monthly |handling )?fee\b/;

/** A price an agent asks, said in English ("wants 3000 upfront", "pay his team a 500 dollar fee"). */
const PRICE_ASKED_EN =
  /\b(wants?|wanted|asked for|asks for|charges?|charging|pay (him|her|them|his team|their team)( a)?)\b[^.]{0,20}(\$|¥|rmb |usd )?\d[\d,.]*k?\b|\b(paid|lost|gave|sent|transferred) (\$|¥|rmb )?\d[\d,.]*k? (yuan |rmb |dollars |bucks |pesos )?to (a|an|the|this|that|some|their|his|her|them|him)\b(?! (bank|lender|card|issuer|platform|alipay|creditor)\b)/;
/** A price actually asked ("先交三千律师费", "代理费4800"): whatever the agent calls itself, it is not free help. */
const PRICE_ASKED =
  /先(交|付|转)(一笔|点|些)?.{0,4}(款|费|钱|金)|(钱|费用?)(也|都)?(不退|不给退|没退)|(每|一|按)(个)?(小时|次)(收|要|交|付)(费|钱)?.{0,2}(\d|[一二两三四五六七八九十百千万几])|(交|付|收|转|给|花|要)(了)?.{0,6}(\d|[一二两三四五六七八九十百千万几]).{0,4}(律师费|代理费|服务费|咨询费|评估费|前期费|定金|押金|保证金)|(律师费|代理费|服务费|咨询费|评估费|前期费用?|定金|押金|保证金).{0,4}(\d|[一二两三四五六七八九十百千万几])/;
/** The lenders, by the names people use for them. */
const LENDER_ZH = '(银行|招行|工行|建行|农行|中行|交行|浦发|中信|广发|兴业|民生|光大|平台|花呗|借呗|支付宝|京东|美团|月付|金条|白条|微粒贷|微众|招联|客服|官方|信用卡中心|信用卡|发卡行)';
/** The lender's own charges ("银行说分期要收手续费", "the lender's own service charge"): not an agent's fee. */
const LENDER_FEE_ZH = new RegExp(
  `${LENDER_ZH}.{0,24}(手续费|服务费|利息(?!.{0,3}(免|减|停|没了|清零))|费用|违约金|分期费|费率)|(手续费|服务费|分期费|费用).{0,6}是${LENDER_ZH}(收|的)|${LENDER_ZH}.{0,4}(正常|自己|官方|合理)的?收费`,
);
/** Words after doing it oneself that say it failed, or that an agent says it would. */
const FAILED = '(?!.{0,12}(?<!会不会|能不能|是不是|会|怕)((?<!行)不行|不理|没用|搞砸|不到|不了|不下来|不会成|不可能|被拒|没戏|太难|打枪|碰壁|没人理|成功率(很)?低|没(有)?效果|(讲|说)不出(口)?|开不了口|不敢(打|讲|说|开口)|没同意|不同意|拒绝|没给|不给))';
/**
 * Doing it oneself ("我自己去谈"), unless it is what an agent spares the person or belittles ("不用我自己跟催收说话",
 * "比我自己申请成功率高", "教你自己去谈"), or that failed; or talking with the lender oneself ("今天跟招行客服谈了").
 */
const SELF_DOING_ZH = new RegExp(
  `(我)?自己.{0,3}(去|来|跟|和|给|打|申请|联系|协商|谈|办|问|试|弄|搞|动手|negotiate|call|apply|talk|contact)${FAILED}|(我(已经|刚刚?|今天|昨天|自己|想|要|打算|准备|直接|能不能|可以|可不可以|该|得)*|今天|昨天|刚才|刚刚|已经)(去|来)?(跟|和|给|联系|打给)${LENDER_ZH}(的)?(客服|人工|经理|工作人员)?.{0,3}(谈|聊|打|沟通|协商|说|问|申请)${FAILED}|直接(跟|和|同|找|联系|打给)(${LENDER_ZH}|财务公司|贷款公司).{0,6}(谈|讲|说|问|申请|协商)`,
);
const SELF_DISMISSED_ZH = /(学完(了)?(就|以后|之后)?(能|可以|会)?|(不用|不要|别|不必|无需|不需要|用不着|不想|不敢|怕|不让|不许|让|叫|比|帮|替|代|(?<!能不能|可不可以|可以|请你?|能否|麻烦你?)教)(你|我)?|说你|(中介|代理|他们|(?<!理|找|给|问|告诉|跟|和|骂|拉黑|删)(他|她)|对方|律师|法务|团队|公司)(已经|都|也)?|(中介|代理|他们|对方|律师|法务|团队|公司|那人|那个人)(说|讲|告诉我|吓唬我|跟我说)(我|你)?(要是|如果|若)?)$/;
const SELF_DOING_EN =
  /\b(rather not pay anyone|(try|trying) (calling|to call|ringing|to ring|contacting|to contact) (the )?(bank|lender|issuer|card company)|(call|ring|contact|ask) (the )?(bank|lender|issuer|card company|them) (myself|yourself|directly)|ask (them|the bank|the lender) yourself|(by|on) (my|your) own|do it myself|diy|(can|could|should) i do (it |this |that )?myself|something i can do myself|do i (really |even )?need (to (pay|hire) )?(a |an )?(lawyer|agent|agency|company|middleman|debt|someone|anyone))\b/;
const SELF_DISMISSED_EN =
  /\b(can not|cannot|can't|never|not|no need to|won't let you|(energy|strength|time|courage|guts|able|unable) to|too \w+ to|(they|the agent|the agency|the company|the guy|the consultant|the planner|the team) (said|say|says|claim|claims|claimed|told me|tell me)( that)?)\s?$/;
/** The lender or its staff saying, agreeing or doing something ("建行说", "广发的催收专员说", "等银行把减免谈下来"). */
const LENDER_SPEAKING_ZH = new RegExp(`等${LENDER_ZH}(把|给我)|${LENDER_ZH}(那边|的)?(客服|人|工作人员|客户经理|催收专员|催收人员|专员|经理)?(说|讲|告诉|同意|答应|表示|要我|让我|叫我|给我)`);
/** Lenders people name in English, where they speak or charge ("Barclaycard offered me a plan", "the fee DBS charges"). */
const LENDER_NAMES_EN = 'barclaycard|amex|american express|citi|citibank|chase|capital one|hsbc|dbs|posb|ocbc|uob|maybank|cimb|standard chartered|klarna|afterpay|atome|natwest|lloyds|santander|monzo';
const LENDER_NAMED_EN = new RegExp(`\\b(${LENDER_NAMES_EN}) (offered|said|says|told|agreed|charges?|charged|wants?|called)\\b`);
/** Money no lender takes for its own help: with one of these named, a fee near a lender's name is an agent's. */
const AGENTS_OWN_FEE_ZH = /定金|订金|押金|保证金|会员费|入会|中介费|代理费|咨询费|律师费|好处费|茶水费|提成|抽成|前期费/;
const LENDER_FEE_EN =
  /\b((the )?(lender|bank|card cent(er|re)|alipay|platform|staff)('s)? (own )?((service|handling|instal?ment|restructuring|set-?up|admin|late|annual) )?(charge|fee)s?|(?<!\b(at|from|with|in|for|through) (a |an |the )?)(lender|bank|card cent(er|re)|alipay|platform|staff) ([a-z']+ ){0,6}?(charg(e|es|ed|ing)|wants?|asked for|asks for|requires?) (a |an |me |us )?(\$|¥|rmb )?(\d|fee|charge|service|handling|set-?up|admin))|\b(staff|lender|bank|card cent(er|re)|alipay|platform)\b.{0,40}\b(fee|fees|charge|charges)\b/;

/**
 * A fee the person says is the lender's own ("这个是银行收的", "这钱是交给平台的", "that's the bank's own charge"): even
 * with its amount, not an agent's price, unless an agent is named in earnest (not "不是中介", "not some middleman").
 */
const OWN_LENDER_FEE_ZH =
  /(?<!说|称|号称|说的)(是|算|问的是)(交给)?(他们)?(银行|平台|信用卡中心|发卡行|花呗|借呗|美团|京东)(那边)?(自己)?(收|的)|(?<!说|称|号称|说的)(是|算)(他们)?官方(那边)?(自己)?(收|的)(?!吗|么|嘛)/;
const OWN_LENDER_FEE_EN =
  /\b((the )?(bank|lender|card company|issuer|platform)'?s own (charge|fee|admin fee)|from the (bank|lender|card company) itself|(in|on|through|via) (the )?(bank|lender|issuer|card company|platform|alipay)'?s? (own |official )+(app|website|site|hotline|branch))\b/;
const NOT_AN_AGENT_ZH = /(不是|并非|又不是|不找|没找|不用找?|不想找?)$/;
const NOT_AN_AGENT_EN = /\b(not|no|never|without)( (a|an|any|some))?\s?$/;

/**
 * Titles that name someone selling debt help: a go-between for debts, a "team" of lawyers, a negotiator, a fixer; and
 * (below) titles that do only beside the debt itself. Not a lawyer alone (a person sued may hire one), nor the lender's
 * staff.
 */
const SELLER_ZH = /代办|律师团队|法务团队|反催收?|上岸(团队|老师|导师|机构)|(协商|停息|征信|债务)(专员|顾问|公司|机构)/;
const SELLER_EN = /\b(negotiators?|fixers?|middle ?m[ae]n|(debt|credit) (\w+ )?(planners?|specialists?|advis[eo]rs?|mediators?|companies|company|firms?|services?|relief|settlement)|recovery (guy|agent|service|company))\b/;
/** Titles that mean a seller of debt help only beside the debt itself (a child's 老师, an estate 中介, a mortgage broker). */
const SELLER_BESIDE_DEBT_ZH = /(?<!我(在|是|做)[^，。]{0,8})(中介|代理(?!人)|(?<!银行|平台|客服)(老师|导师)|群主)/;
const SELLER_BESIDE_DEBT_EN = /\b(brokers?|agenc(y|ies)|consultanc(y|ies)|mentors?|gurus?|outfits?)\b/;

/** Cheated already ("被中介骗了三千", "lost 2000 to a scammer agency"): the person is no longer being sold to. */
const CHEATED_ZH = /被.{0,8}(骗|坑)|骗(了|走)(我)?/;
const CHEATED_EN = /\b(lost|scammed|ripped off|conned|cheated)\b/;
/** The person reporting their own call to the lender ("卡背后的号码打过去，对方说…", "I rang the card centre and they…"). */
const CALLED_LENDER_ZH = new RegExp(`^(跟|和|给|打给)${LENDER_ZH}(的)?(客服|人工|经理|工作人员)?(说|谈|聊|讲|沟通|协商|申请)(了|过)|(卡(背后|背面|后面)|官方|客服)(的|那个)?(号码|电话)(我)?(打过去|打了|拨了|打通了)`);
const CALLED_LENDER_EN =
  /\bi (called|rang|phoned|contacted|spoke to|talked to|emailed|messaged|wrote to) (the |my )?(bank|lender|issuer|card cent(er|re)|card company|customer service|hotline|ant|alipay|huabei|jiebei|webank|weilidai|citi|hsbc|dbs|ocbc|uob|maybank|barclaycard|amex|capital one|credit union)\b|^(called|rang|phoned|contacted) (the |my )?(bank|lender|card cent(er|re)|card company|customer service|hotline|credit union)\b/;

/** 一 as "a" or "the same", not a sum: "收一笔费", "是一回事", "一点手续费". */
const ONE_AS_A = /一(回事|笔|点|些|下|次|部分|起|样|般|直|定|共|切|个月|年)/g;
/** Being sued: a summons, a hearing, the court's case against the person. */
const DEFENDED = /(起诉|告)(了)?我|传票|应诉|被告|开庭|出庭|被.{0,6}(起诉|告)/;
const DEFENDED_EN = /\b((got|been|being|was|am|i'?m) sued|su(ed|ing) me|summons|court (date|hearing)|taking me to court|took me to court|lawsuit)\b/;
/** Mediation by the court itself (诉前调解, "法院调解员说…"): the court's, not an agent's. */
const COURT_MEDIATION = /法院(的)?(组织)?(调解|调解员)|诉前调解|诉调/;
/** How an agent finds the person: a stranger, a message, a group, a stream (not a lawyer the person goes to). */
const SOLICITED = /自称|号称|有个|有人|私信|加(我)?(微信|好友)|群|主播|直播|视频|打电话(给我|来)|找上门/;
/** What an agent promises where a court is named. */
const AGENTS_PROMISE = /停息|挂账|减免|征信|上岸|协商|撤诉|销案|不用还|免还|保证|包(赢|过|胜)/;
const AGENTS_PROMISE_EN = /\b(freez|stop|waiv|delet|eras|wip|clean|repair|guarantee|drop the (case|suit))\w*/;
const SOLICITED_EN = /\b(claim(s|ed|ing)? to|dm(ed|'d)?|messaged me|texted me|reached out|called me|added me|ad|advert|livestream|group)\b/;

/** The debt itself, named: a seller's title means debt help only beside it ("孩子的老师说要交三百资料费" is school). */
const DEBT_ZH = /欠|逾期|网贷|贷款|借款|信用卡|卡债|花呗|借呗|白条|金条|微粒贷|月付|债|还款|还钱|征信|催收|上岸|协商|停息|挂账|分期|减免|利息|罚息|黑名单/;
const DEBT_EN = /\b(debts?|loans?|credit|overdue|owe|owing|collectors?|collections?|lenders?|banks?|instal?ments?|repay\w*|interest|arrears|ccj|ccris|huabei|jiebei|klarna|afterpay|atome)\b/;
/** What a seller asks, in English: a share, money up front, a deposit or a retainer (not any "fee" talked about). */
const SELLERS_TERMS_EN = /\b(\d+ ?(%|percent|per cent)|deposit|upfront|up-front|retainer|commission|\d[\d,.]*k? down)\b/;

/** Someone who is plainly not the lender: with one named, a fee in the message may be theirs. */
const NAMED_AGENT = /中介|代理|代办|机构|团队|工作室|律所|事务所|律师|法务|公司|老师|导师|大师|专家|顾问|群|上岸|协会|联盟|那人|这人|那个人|主播|博主|私信|私讯|第三方|自称|冒充|号称|假装|有个(人|大哥|老师|哥们)|(有人|别人|网上|他|她|他们|对方)(说)?(能|可以|会)帮(我|你|人)|(有人|别人|对方)(说)?(能|可以|会)?帮(我|你|人)(办|弄|搞|处理|申请|谈|协商|做)|(转|交|付|打)(钱)?给(他们|他|她|对方)|个人(账户|账号|支付宝|微信|卡)|找(他们|他|她)(处理|办|帮|弄|做|搞)|认识(的)?人|扫码加|找了?(个|一个)人/;
const NAMED_AGENT_EN = /\b(agency|agencies|agent|agents|consultants?|firm|lawyers?|negotiators?|middle ?man|company|companies|guy|someone|somebody|cent(re|er)|planners?|mentors?|coach(es)?|gurus?|woman|man|(pay|paid|through|to) (him|her)|knows? (how to|a way))\b/;

/** "不想找中介", "without a middleman": an agent named only to be refused. */
const REFUSED_ZH = /(不|别|没|不想|不要|不用|不需要|别劝我|拒绝|不愿意?|不是|并非)(去|再)?(找|请|用|通过|花钱找|交钱给|给)?(任何|什么|那些|这些|那种)?(的)?$/;
const REFUSED_EN = /\b(no|not|without|never|do not|don't|rather not)( (a|an|any|some|going|through|using|hiring|paying|via|to|use|hire|pay|want|wanna|need|like|one|of|those|these|the))*\s?$/;

/** The lender's own staff ("customer service agent") are not a third party. */
const LENDER_STAFF_EN = /\b((person|officer|staff) (at|from) the (bank|lender|credit card cent(er|re)|card cent(er|re))|(customer service|(?<!(debt|settlement|relief|negotiation|repair|credit) )service|bank'?s?|lender'?s?|alipay'?s?|support|the platform'?s?) (own )?(debt |collections? )?(agent|rep|representative|staff|advis[eo]r|officer|specialist|team)s?|(agent|rep|representative)s? on the (phone|line|call)|(credit )?card (company|companies|issuer))\b/g;
/** Deleting, washing or repairing a record: a service only agents sell, so any price for it is an agent's. */
const RECORD_ERASED_ZH = /(删|消|抹|洗|修复|清除|撤销|去掉).{0,4}(逾期|征信|不良|记录|黑名单|污点)|(逾期|征信|不良|记录|纪录|黑名单|污点).{0,4}(删|消|抹|洗白|清除|撤销|去掉)/;
const RECORD_ERASED_EN = /\b(delet|eras|remov|wip|clean|wash|scrub|fix|repair)\w* .{0,20}(record|history|report|blacklist|overdue)/;

/** A friend or relative who happens to know the law ("我有个律师朋友说"): their word is advice, not an offer for sale. */
const FRIEND_WHO_KNOWS = /(律师|法务|做法律的|学法律的)(的)?(朋友|同学|亲戚|表哥|表姐|堂哥|堂姐)|(朋友|同学|亲戚|表哥|表姐|堂哥|堂姐)(是|当|做)(律师|法务)/;
const FRIEND_WHO_KNOWS_EN = /\b(lawyer|attorney|paralegal) (friend|cousin|mate)|(friend|cousin|mate|uncle|aunt|sister|brother) (who is|who's|is) an? (lawyer|attorney|paralegal)\b/;
/** A friend offering to act, or rewarded for it: no longer only advice. */
const FRIEND_ACTS = /帮我|替我|代我|给我(办|谈|弄|搞|处理)|(他|她)(来|去)(谈|办|处理|起诉|搞定)|他们(所|律所)|辛苦(钱|费)|意思一下|红包|利是|一半|好处|熟人价|包(个|一个)/;
const FRIEND_ACTS_EN = /\b(for me|on my behalf|(can|could|will|would) (get|negotiate|handle|sort|deal)|her time|his time|expenses|up ?front|grand|fee|cut|share)\b/;

/** The person reporting an agent (not 投诉: agents sell complaints, 代投诉): no customer of theirs. */
const REPORTING_ZH = /(?<![帮替代])(我(已经)?|我们|怎么|如何|想|要|去|能|可以|哪里)(去)?(哪(里|儿)?)?(举报|检举|告发|报警抓)(了)?[^\d]{0,16}(中介|代理|代办|机构|公司|团队|工作室|律所|骗子|这些人|那些人|这帮人|那帮人|他们|对方)/;
const REPORTING_EN = /\b(i|we|how (do|can|should) i|i want to|i'd like to|where (do|can) i|can i)( already)? report(ed)? (an?|the|this|that|these|those|them|him|her)\b ?([\w"'-]+ ){0,6}(agenc(y|ies)|agents?|company|companies|firms?|scam|scammers?|outfit|guys?|team)\b/;
/** A fee the lender asked for itself ("银行让我先还一笔诚意金，这个是银行要的"): the lender speaking, no money to a person. */
const LENDER_ASKED_ZH = /(是|算)(银行|平台|信用卡中心|发卡行|花呗|借呗|美团|京东)(那边)?(自己)?要的/;
/** An agent said to have nothing to do with it ("跟中介没关系", "和中介不是一回事"): believed only where the lender itself asked. */
const NO_AGENT_ZH = /(跟|和|与|同)(中介|代理|第三方)(都|可)?((没|无|没有|毫无)(任何|啥|什么)?(关系|关)|不是一回事)/g;
const MONEY_TO_A_PERSON = /(转|汇|打|交)(过去|给)(他|她|他们|对方|个人|私人)|指定(的)?(账户|账号)|私(聊|下)|微信(转|付)|个人(账户|账号|卡)/;

/** An offer turned down ("我没理", "我拒绝了", "i said no"). */
const REFUSED_OFFER = /我(都|也)?(没|没有)(给|交|付|理|答应|信)|拒绝了|(?<!没)不理(他|她|他们)|(\bi |^)(said no|refused|declined|turned down|rejected|(didn'?t|did not|never) (pay|reply|answer))\b/;
/** The person reporting it themselves, or asking for the official way instead (not 帮我投诉: agents sell complaints). */
const REPORTED_BY_THEM = /(?<!帮我|帮你|替我|代)(想|要|去|怎么|如何|该|应该|哪里|哪儿|可以|能)(去)?(哪(里|儿)?)?(举报|投诉)(他们|他|她|对方|这个|那个|这家|那家|这些|那些)?|(正规|官方|自己)的?.{0,4}(异议|流程|渠道|办法|途径|申请)|\breport (them|him|her|it|this|the (scam|company|agency|agent|guy))\b|\bofficial (dispute|process|way|channel|route)\b/;
/** Another agent after the refused one ("另一个", "这次", "又打电话"), or the person tempted after all. */
const ANOTHER_AGENT = /另一个|另外一?个|又有|第二个|这次|这个我|上一个|上次|又(打|来|找|说|联系)|想(试试|答应)|要不要试|\b(another|second|new one|this one|next one|the other)\b/;

const TEMPTED = /(想|要|打算|准备|考虑|不如|干脆)(找|请|雇|委托)(个|一个|家)?(代理|代办|中介|人替我|人帮我谈|人代我)/;

/** The paid-agent reading of a text, or null. */
export const readAgent = remembered(readAgentOnce);

function readAgentOnce(text: string): AgentReading | null {
  if (isPlainAnswer(text)) return null;
  const forms = normalise(text);
  const { dense } = forms;
  const en = forms.en.replace(LENDER_STAFF_EN, 'staff');
  const selfMatch = firstUnnegated(SELF_DOING_ZH, dense, SELF_DISMISSED_ZH);
  const selfDoing = (selfMatch ?? firstUnnegated(SELF_DOING_EN, en, SELF_DISMISSED_EN)) !== null;
  // "客服说…", "the bank's rep said they…": the lender speaking, not someone selling.
  const lenderSpeaking =
    LENDER_SPEAKING_ZH.test(dense) || /\b(staff|banks?|lenders?|card cent(er|re)|card issuers?|issuers?|alipay|huabei|jiebei|webank|weilidai|jd|jingdong|jintiao|baitiao|meituan|customer service|the platform)\b/.test(en) || LENDER_NAMED_EN.test(en);
  // A price actually asked: a sum ("服务费3000"), not the rate of a lender's fee ("每月服务费0.5%").
  const asked = PRICE_ASKED.exec(dense.replace(ONE_AS_A, (m) => '_'.repeat(m.length)));
  const askedEn = PRICE_ASKED_EN.test(en);
  const sumAsked = (asked !== null && !/^\.?\d*%/.test(dense.slice(asked.index + asked[0].length))) || askedEn;
  // A person reporting an agent buys nothing from them; an offer priced after the report is someone new selling.
  const reportedZh = REPORTING_ZH.exec(dense);
  const reportedEn = REPORTING_EN.exec(en);
  // An offer refused and then reported by the person (or the official way asked for), with no price asked and no other
  // agent after it.
  const both = `${en} ${dense}`;
  const refusedOffer = REFUSED_OFFER.test(both);
  const refusedAndReporting = refusedOffer && REPORTED_BY_THEM.test(both) && !sumAsked && !ANOTHER_AGENT.test(both);
  const reporting =
    refusedAndReporting ||
    ((reportedZh !== null || reportedEn !== null) &&
    asked === null &&
    !askedEn &&
    !(reportedZh && PRICE_ZH.test(dense.slice(reportedZh.index + reportedZh[0].length))) &&
    !(reportedEn && PRICE_EN.test(en.slice(reportedEn.index + reportedEn[0].length))));
  // A lawyer hired to answer a suit ("法院起诉我了，请律师要多少律师费"), or the court's own mediation, is a defence, not an
  // agent's price: unless what is promised is what agents sell (停息, 减免, 撤诉…), or a seller found the person.
  const defence =
    ((/律师|律所/.test(dense) || COURT_MEDIATION.test(dense)) && DEFENDED.test(dense) && !AGENTS_PROMISE.test(dense) && !SELLER_ZH.test(dense) && !SOLICITED.test(dense)) ||
    (/\b(lawyer|attorney|solicitor)s?\b/.test(en) && DEFENDED_EN.test(en) && !AGENTS_PROMISE_EN.test(en) && !SELLER_EN.test(en) && !SOLICITED_EN.test(en));
  // "网上都说要找代理才能停息，我不信，我自己去谈": agents named by someone doing it themselves, who pays no one.
  const only = firstUnnegated(AGENT_ONLY_ZH, dense, REFUSED_ZH) ?? firstUnnegated(AGENT_ONLY_EN, en, REFUSED_EN);
  const courtsOwn = COURT_MEDIATION.test(dense) && !SOLICITED.test(dense) && !PRICE_ASKED.test(dense);
  if (only && !reporting && !(defence && COURT_MEDIATION.test(dense)) && !courtsOwn && !(selfDoing && (refusesToPay(dense, en) || refusedOffer || (!PRICE_ZH.test(dense) && !PRICE_EN.test(en))))) return { rule: 'a service only agents sell', matched: only[0] };
  // "他们叫我先停止还款": agents tell people to stop paying the lender; the lender itself may pause payments while a plan is weighed.
  const stopPaying = /(叫|让|要)我(先)?(停止|停|别|不要)(晒)?(还款|供款|还钱|还了|供)/.exec(dense);
  if (stopPaying && !lenderSpeaking) return { rule: 'told to stop paying the lender', matched: stopPaying[0] };
  // Thinking of hiring one ("想找个中介", "找人替我谈"): warned before any money changes hands, unless the person goes on
  // to do it themselves.
  const tempted = firstUnnegated(TEMPTED, dense, /(不|没|别|不再|需|一定|必须|非得|非要)$/);
  if (tempted && !((selfMatch?.index ?? -1) > tempted.index) && !/(后来|最后|还是)(算了|自己)/.test(dense)) return { rule: 'thinking of hiring an agent', matched: tempted[0] };
  // The lender's own fee is not an agent's, unless an agent is named in the same message.
  const lenderFee = (LENDER_FEE_ZH.test(dense) && !NAMED_AGENT.test(dense) && !AGENTS_OWN_FEE_ZH.test(dense)) || ((LENDER_FEE_EN.test(en) || LENDER_RATE_EN.test(en) || (LENDER_NAMED_EN.test(en) && /\b(fees?|charges?)\b/.test(en))) && !NAMED_AGENT_EN.test(en));
  // The lender asking in its own voice, where an agent is named only to say it has nothing to do with it.
  const lenderAsked = LENDER_ASKED_ZH.test(dense) && LENDER_SPEAKING_ZH.test(dense);
  const ownLenderFee =
    ((OWN_LENDER_FEE_ZH.test(dense) || lenderAsked) && !MONEY_TO_A_PERSON.test(dense) && !firstUnnegated(NAMED_AGENT, lenderAsked ? dense.replace(NO_AGENT_ZH, '') : dense, NOT_AN_AGENT_ZH)) || (OWN_LENDER_FEE_EN.test(en) && !firstUnnegated(NAMED_AGENT_EN, en, NOT_AN_AGENT_EN));
  // A friend who knows the law and only says what they know ("我表姐是律师，她说…"): advice. Not once they offer to act,
  // or anything is given them for it.
  const friendAdvises =
    ((FRIEND_WHO_KNOWS.test(dense) && /说|建议|告诉|讲/.test(dense)) || (FRIEND_WHO_KNOWS_EN.test(en) && /\b(says|said|told me|suggests?|suggested|advises?|advised)\b/.test(en))) &&
    !FRIEND_ACTS.test(dense) &&
    !FRIEND_ACTS_EN.test(en) &&
    !PRICE_ZH.test(dense) &&
    !PRICE_EN.test(en) &&
    !/\d+(\.\d+)?\s?(块|元|千|万|百|k|w|%)|[一二两三四五六七八九十百千万]+(块|元|千|万|百)/.test(dense);
  // Their own call to the lender, with nobody else named after it ("…然后有个中介加我微信" is someone new selling).
  const called = CALLED_LENDER_ZH.exec(dense) ?? CALLED_LENDER_EN.exec(en);
  const afterCall = called === null ? '' : called.input.slice(called.index + called[0].length);
  const calledLender = called !== null && !NAMED_AGENT.test(afterCall) && !NAMED_AGENT_EN.test(afterCall);
  // A turn-down, one's own attempt or a past cheat does not speak for a seller who comes after it ("…可是有个代办说转他三千").
  const sellerAfter = /(但是?|可是|不过|然后|结果|后来)(又)?(有个|有人|那个|他们)|\bbut (the|a|some|this|then)\b|\bthen (a|some|the)\b/.test(both);
  // The price a turned-down agent asked is no price the person pays ("拒绝了那个要三成的中介，自己怎么谈").
  const turnedDownBefore = refusedOffer && !sellerAfter && !ANOTHER_AGENT.test(both);
  const free = ((FREE_ZH.test(dense) || FREE_EN.test(en) || (selfDoing && !sellerAfter) || friendAdvises || calledLender) && (!sumAsked || turnedDownBefore)) || (lenderFee && !sumAsked) || ownLenderFee || reporting;
  // Help that costs nothing is no agent's: only a share of what is waived is still read (below), so nothing else is.
  if (free) return shareOfWhatIsWaived(dense, en);
  if (defence || courtsOwn) return null;
  const fee = AGENT_FEE_ZH.exec(dense) ?? AGENT_FEE_EN.exec(en);
  const service = SERVICE_ZH.exec(dense) ?? SERVICE_EN.exec(en);
  if (fee && service) return { rule: "an agent's fee for a service", matched: `${fee[0]} … ${service[0]}` };
  const third = firstUnnegated(THIRD_ZH, dense, REFUSED_ZH) ?? firstUnnegated(THIRD_EN, en, REFUSED_EN);
  const onlyPronoun = third !== null && /^(他|她|他们|对方|they|them|he|she|people|person)$/.test(third[0]);
  // "我付了2000元，能减免吗": money the person paid with nobody named to receive it is a repayment, to the lender, and
  // "they" then is the lender.
  const repaying = /我(已经|刚刚?|先|都)?(还|付)了(\d|[一二两三四五六七八九十百千万几])/.test(dense) || /\bi('ve| have)? (already )?(paid|repaid|paid back) (\$|¥|rmb )?\d+(?!\S* for (their|his|her|a|an|the|this|that)\b)/.test(en);
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
  // Someone whose very title, beside a debt, is selling help with it ("快手老师要会员费", "律师团队说抽两成", "the
  // negotiator wants a deposit"), with a price: no service need be named. Not where the person turned it down, does it themselves, reports
  // one or was cheated by one already.
  const seller =
    firstUnnegated(SELLER_ZH, dense, REFUSED_ZH) ??
    firstUnnegated(SELLER_EN, en, REFUSED_EN) ??
    (DEBT_ZH.test(dense) || DEBT_EN.test(en) ? (firstUnnegated(SELLER_BESIDE_DEBT_ZH, dense, REFUSED_ZH) ?? firstUnnegated(SELLER_BESIDE_DEBT_EN, en, REFUSED_EN)) : null);
  // A share of a class's costs ("每人交50块班费") is no price for debt help.
  const sellersPrice = seller && !/每人(交|出|摊)/.test(dense) ? (PRICE_ZH.exec(dense) ?? PRICE_ASKED.exec(dense) ?? PRICE_ASKED_EN.exec(en) ?? SELLERS_TERMS_EN.exec(en)) : null;
  const turnedDown = !sellerAfter && (refusedOffer || REPORTED_BY_THEM.test(both) || refusesToPay(dense, en) || selfDoing || CHEATED_ZH.test(dense) || CHEATED_EN.test(en));
  if (seller && sellersPrice && !lenderSpeaking && !turnedDown) return { rule: 'a seller of debt help, with a price', matched: `${seller[0]} … ${sellersPrice[0]}` };
  const share = shareOfWhatIsWaived(dense, en);
  if (share) return share;
  // Last, the model trained on the corpus, where nothing says the person is asking the lender themselves.
  const paidToSomeone = () => /(给|转|交|付|打)(了)?(给)?(他|她|他们|对方|中介|那人|这人|那个人)/.test(dense) || /\b(pay|paid|send|sent) (him|her|them)\b/.test(en);
  // The model is not asked where only the lender is named ("can the lender remove a wrong record?"), nor where the
  // person only says what they repaid.
  if (((third && !(onlyPronoun && repaying)) || fee || (!lenderSpeaking && !repaying) || paidToSomeone()) && predicts(models.agent, forms)) return { rule: 'like the paid-agent lines', matched: explainScore(models.agent, forms, 3).map(([f]) => f).join(' ') };
  return null;
}

/** The person refusing an agent's price, or asking whether paying anyone is needed at all. */
const refusesToPay = (dense: string, en: string): boolean =>
  /我(就|也|可|真|实在|是)?不(想|愿意?|用|需要)(交|付|给|花)|没答应(他|她|他们|对方|中介)?|拒绝了(他|她|他们|对方|中介)|不信|不相信|太贵|不划算|(收|charge)(得|的)?(很多|好多|太多|很贵|好贵)/.test(dense) ||
  /\b((rather not|do not want to|will not|not going to) pay|do i (really |even )?need to (pay|hire)|(charge|cost)s? (so much|a lot|too much)|too expensive)\b/.test(en);

/** A share of what is waived is how agents are paid, whoever says it. */
function shareOfWhatIsWaived(dense: string, en: string): AgentReading | null {
  const zh = /(减免|省下|免掉|少还|退回|退下来|减下来|谈下来)(的|下来的)?(钱|部分|金额|数|额度)?.{0,8}(抽|提|收|拿|给|分|付)(取|走)?.{0,3}(百分之|\d+%|[一二两三四五六七八九\d]成)|(减免|省下|免掉|少还|退回|退下来|减下来|谈下来).{0,12}(提成|抽成)|(提成|抽成).{0,8}(减免|省下|免掉|少还|退回)|按(照)?.{0,4}(减免|省下|减下来|谈下来|免掉)(的)?(金额|部分|钱|数)?的?(百分之|\d+%|[一二两三四五六七八九\d]成)|(百分之|\d+%|[一二两三四五六七八九\d]成).{0,6}(给|归|作为|当)(他们|他|她|对方|中介|服务费|报酬|提成)/.exec(dense);
  // A rate of the lender's own fee after it ("减免只收2%分期手续费") is no share of what is waived.
  const share =
    (zh && !/^.{0,4}(分期(手续)?费|利息|费率|年化)/.test(dense.slice(zh.index + zh[0].length)) ? zh : null) ??
    /\b(percent|%|cut|share|commission) of (what|the amount|whatever|everything) (is |gets |they )?(waived|saved|reduced|cut|get waived|get off)/.exec(en);
  return share ? { rule: 'a share of what is waived', matched: share[0] } : null;
}
