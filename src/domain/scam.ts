import { normaliseEn, normaliseZh } from './free-text.js';

/**
 * Talk of paid "debt help" agents (FACTS §6: the 2026 joint warning and the red flags it lists). An agent is
 * recognised by what it sells: a fee or deposit paid to someone in exchange for a promise (停息, 减免, 上岸,
 * 删逾期, 征信修复…), or by the names of services only agents sell. A person asking the lender themselves for
 * 停息挂账 or 减免 pays no one and is not warned (see `selfRequest` in free-text.ts).
 */

/** Services no lender sells: naming one is enough. */
const AGENT_SERVICE_ZH =
  /债务优化|优化债务|征信修复|修复征信|信用修复(机构|公司|服务)|征信洗白|洗白征信|洗征信|代理维权|债务清零|反催收|债务置换|全额退保|代理协商|协商代理|代协商|代(理|办)(停息|挂账|分期|减免)|(停息|分期|减免)代办|个性化分期代办|债务协商代理|停息挂账(中介|团队|机构|公司|服务)|上岸(团队|导师|老师|机构|计划)|债务重组(公司|机构|中介)|内部(渠道|关系)/;
const AGENT_SERVICE_EN =
  /\b(credit repair|repair (my|your) credit|clean(ing)? (up )?(my|your) credit|credit clean[- ]?up|wipe (my|your|the) (credit|record)|debt (relief|settlement|optimi[sz]ation|clearing|elimination|negotiation) (agent|agency|company|firm|service|program|team|expert|specialist)s?|(anti|stop)[- ]collection (service|team)|paid agent|inside (contact|channel)s?)\b/;

/** Fees only agents charge, or money taken by someone else: enough, with a promise, to warn. */
const AGENT_FEE_ZH =
  /服务费|咨询费|代理费|中介费|定金|订金|押金|保证金|前期费|佣金|好处费|提成|律师费|会员费|解冻费|工本费|(收费|付费)(就|帮|代|办|可以|能)|交钱|给钱|打款|先(交|付|转)|花钱(找|请|让)|收了?(我|你)?(\d+|[一二两三四五六七八九十百千万几]+)|(交|付|收)了?(手续费|费用|一笔钱)/;
const AGENT_FEE_EN =
  /\b((service|consulting|consultancy|agency|agent'?s?|membership|upfront|up-front|advance|unfreezing) fees?|deposit|retainer|commission|advance payment|upfront|up-front|(pay|paid|paying|charge|charges|charged|charging|take|takes|took|ask for|asks for|asked for|want|wants|wanted) (me |us )?(a |an |the )?(small |\d+ ?%? )?fee|(pay|paid|paying) (them|him|her|someone|an agent|a company)|charg(e|es|ed) me (\d|[$¥]))/;
/**
 * Paying an amount: repaying the lender looks the same ("我付了2000元"), so it only counts when paid to someone
 * else or as the price of the promise ("交5000块就能…", "pay 1500 yuan and they will…").
 */
const PAYMENT_ZH = /(交|付|给|转)(了|我|你|他|她|他们){0,2}(\d+|[一二两三四五六七八九十百千万几]+)(多)?(块|元|钱|万|千|百)/;
const PAYMENT_EN = /\b(pay|paid|paying) ([$¥]|rmb ?)?\d/;
const AS_PRICE_ZH = /他|她|对方|个人账户|私人账户|就(能|可以|帮|给|包)|才(能|可以)|保证|包(过|办|下来)/;
const AS_PRICE_EN = /\b(and (they|he|she)|to (them|him|her)|so (they|he|she)|for (them|him|her) to|if i pay)\b/;

/** What agents promise. */
const PROMISE_ZH =
  /停息|挂账|减免|免息|免除|上岸|清零|洗白|删(除|掉)?(逾期|记录|征信|不良)|消除(逾期|记录|不良)|修复|优化|只还本金|全额退|包(过|成功|办|下来)|保证(成功|下来|办|通过)|百分百|100%|协商(成功|下来)|代为协商|帮(我|你)?(协商|谈|处理|搞定|办)|延期/;
const PROMISE_EN =
  /\b((stop(s|ped|ping)?|freez(e|es|ing)|suspend(s|ed|ing)?) (the |all |my )?interest|interest (freeze|suspension|stopped|frozen|waived|reduced)|waive|waiver|reduc(e|tion)|write[- ]?off|wipe|erase|delet(e|ion)|remove|clean|clear (my |the )?(debt|record|credit)|debt[- ]free|settle|settlement|negotiate|guarantee(d|s)?|100 ?%)/;

/** Someone other than the lender. The lender's own staff ("客服", "customer service agent") is not a third party. */
const THIRD_PARTY_ZH =
  /中介|代理|代办|机构|团队|工作室|律所|律师团队|法务(公司|团队|机构)|老师|导师|大师|专家|有人|别人|陌生人|网上|抖音|快手|直播|视频|广告|群里|私信|加(我)?微信|(一|有|这|那)家公司|什么公司/;
const THIRD_PARTY_EN =
  /\b(agency|agencies|agents|an agent|debt agent|(a|some|this|that) company|companies|firm|consultant|someone|somebody|some guy|a guy|a man|a woman|stranger|tiktok|douyin|video|livestream|advert|an ad|wechat group|lawyer team|debt (expert|specialist|advisor))\b/;
const LENDER_STAFF_EN = /\b(customer service|service|bank'?s?|lender'?s?|alipay'?s?|support) agents?\b/g;
/** An offer to do it for the person, as agents phrase it. */
const OFFER_ZH = /帮|代|包|保证|能|可以|给你|替/;
const OFFER_EN = /\b(for me|for you|on my behalf|can|could|will|help|guarantee)/;

export function mentionsPaidAgent(text: string): boolean {
  const zh = normaliseZh(text);
  const en = normaliseEn(text).replace(LENDER_STAFF_EN, 'staff');
  if (AGENT_SERVICE_ZH.test(zh) || AGENT_SERVICE_EN.test(en)) return true;
  const promiseZh = PROMISE_ZH.test(zh);
  const promiseEn = PROMISE_EN.test(en);
  if ((AGENT_FEE_ZH.test(zh) && promiseZh) || (AGENT_FEE_EN.test(en) && promiseEn)) return true;
  if ((PAYMENT_ZH.test(zh) && promiseZh && AS_PRICE_ZH.test(zh)) || (PAYMENT_EN.test(en) && promiseEn && AS_PRICE_EN.test(en))) return true;
  return (THIRD_PARTY_ZH.test(zh) && promiseZh && OFFER_ZH.test(zh)) || (THIRD_PARTY_EN.test(en) && promiseEn && OFFER_EN.test(en));
}
