import { parseChineseNumber } from '../numbers.js';
import { normalise, remembered } from './normalise.js';

/**
 * Every number in a message, read with what it counts: money, a length of time, a number of instalments, an
 * extension, a date, a count of cards or lenders, a percentage, a phone number, a time of day. "欠了3个月了" holds a
 * duration and no money; "一千八一个月" holds money paid each month (the month is a rate, not a duration);
 * "同意延期三个月再还" holds an extension. An answer is then taken only from a quantity of the kind its question asks.
 */
export type QuantityKind =
  | 'money'
  /** A number with no unit: money where money is asked, a count of months where months are asked. */
  | 'bare'
  | 'duration'
  | 'term'
  | 'extension'
  | 'date'
  | 'count'
  | 'percent'
  | 'phone'
  | 'time'
  | 'age'
  /** A credit score ("芝麻分才550", "credit score 620"): points, never money. */
  | 'score'
  /** A number with no unit right after words of being late ("逾期了300"): days late or the sum that is late. */
  | 'late';

export interface Quantity {
  kind: QuantityKind;
  value: number;
  /** For durations and extensions: what `value` counts. */
  unit?: 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
  /** Money said to be per month ("1800一个月", "每月1500", "1500 a month"). */
  monthly?: boolean;
  /** A term named by its place ("第1期"): which instalment, not how many. */
  ordinal?: boolean;
  /** Two numbers as a range ("一两万", "三到五千", "3-5k"): no single answer. */
  range?: boolean;
  /** A range written as one number ("三四千"): its lower end; `value` is the upper. */
  low?: number;
  /** Money whose number was written with "多", "出头", "几" after it: at least this much. */
  approximate?: boolean;
  /** Where it stands in `quantityText(text)`: the normal form with its numerals made readable. */
  at: number;
  text: string;
}

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_WORD = `(?:${[...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), 'hundred', 'thousand', 'grand', 'and', 'a', 'an', 'half', 'couple of'].join('|')})`;

/** "two thousand five hundred", "a couple of", "twenty-four", "half a" → digits; "a month" → "1 month". */
const EN_PHRASE = new RegExp(`\\b(${EN_WORD}(?:[\\s-]+${EN_WORD})*)\\b`, 'g');

export function englishNumbers(s: string): string {
  // Most messages have no Latin letters at all: nothing to do.
  if (!/[a-z]/.test(s)) return s;
  return s
    // "the next one", "one's in halls": "one" as a pronoun, not a number.
    .replace(/\b(next|last|first|this|that|the|which|each|every|no|some|any|another|other|new|old) one\b/g, '$1 item')
    .replace(/\bone's\b/g, "it's")
    .replace(/\bhalf an? (month|year)\b/g, '0.5 $1')
    // "a few hundred", "several thousand": no number said; left as words.
    .replace(/\b(few|several|some|many) (hundred|thousand)\b/g, '$1 $2s')
    .replace(/\ba couple of\b|\ba couple\b/g, '2')
    .replace(/\b(an?)\s+(day|week|month|year|fortnight)\b/g, '1 $2')
    .replace(EN_PHRASE, (phrase) => {
      const words = phrase.split(/[\s-]+/).filter((w) => w !== 'and');
      if (words.every((w) => w === 'a' || w === 'an' || w === 'half')) return phrase;
      let total = 0;
      let current = 0;
      for (const w of words) {
        if (w in EN_UNITS) current += EN_UNITS[w]!;
        else if (w in EN_TENS) current += EN_TENS[w]!;
        else if (w === 'hundred') current = (current || 1) * 100;
        else if (w === 'thousand' || w === 'grand') {
          total += (current || 1) * 1000;
          current = 0;
        } else return phrase;
      }
      return String(total + current);
    })
    .replace(/\b1 fortnight\b|\bfortnight\b/g, '2 weeks')
    .replace(/\bfortnightly\b/g, 'every 2 weeks')
    // "1.5 lakh": a hundred thousand.
    .replace(/\b(\d+(?:\.\d+)?) ?lakhs?\b/g, (_, n: string) => String(Math.round(Number(n) * 100_000)));
}

/** A number as written: digits (with grouping and decimals), Chinese numerals, and the 万/千/k/w after them. */
const NUMBER = /(\d{1,2}\/\d{1,2}(?!\d)|\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)(\s?(?:万|千|百|k|w)(?![a-z])\d?)*/g;
/** Chinese numerals that are words, not numbers: 一下, 一直, 千万 (by all means), 万一 (in case)… */
const NOT_A_NUMBER_AFTER = /^(下|直|定|起|样|般|切|些|点儿|会儿|边|面|旦|再|向|律|共|同|致|心|生|辈子|口气|时|阵|次性|了百了|死)/;
const NOT_A_NUMBER = /^(千万|万一|万万|一|十分)$/;
const APPROX_AFTER = /^(多一点|多点|多|来|几|余|出头|左右|上下|不到|以上|plus|\+|odd|ish|something)/;

/** `yearAndHalf`: "年半" after the number, so N is N and a half years. */
/** `upTo`: the unit holds only for a number from 1 to this (a day of the month, a school year, a place among siblings). */
type Unit = { kind: QuantityKind; unit?: Quantity['unit']; yearAndHalf?: boolean; year?: boolean; upTo?: number; length: number };

/** What the words right after a number make of it. */
function unitAfter(after: string): Unit | null {
  const u = (re: RegExp, kind: QuantityKind, unit?: Quantity['unit']): Unit | null => {
    const m = re.exec(after);
    return m ? { kind, ...(unit ? { unit } : {}), length: m[0].length } : null;
  };
  return (
    u(/^\s?(元|块钱|块|圆|rmb|yuan|kuai|cny|bucks|dollars|刀|pounds?\b|quid\b|euros?\b|rupees?\b|ringgit\b|pesos?\b|sgd\b|hkd\b|usd\b|twd\b)/, 'money') ??
    (/^\s?年半/.test(after) ? { kind: 'duration', unit: 'month', yearAndHalf: true, length: after.indexOf('半') + 1 } : null) ??
    u(/^\s?(个|個)?月份/, 'date') ??
    u(/^\s?(个|個)?月[初底末中]/, 'date') ??
    u(/^\s?月\s?\d{1,2}\s?[日号]?|^\s?月[一二三四五六七八九十]{1,3}[日号]?|^\s?月(?![份])/, 'date') ??
    u(/^\s?(个|個)\s?(多)?\s?(月|months?)|^[\s-]?months?\b|^[\s-]?(mos?|mths?|mons?)\b/, 'duration', 'month') ??
    u(/^\s?[号號]|^\s?(st|nd|rd|th)\b/, 'date') ??
    // "15 March 2023": a day of the month before its name ("may" left out: "3000 may be more").
    (/^\s(of )?(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/.test(after) ? { kind: 'date', upTo: 31, length: 0 } : null) ??
    u(/^\s?(天|日)|^[\s-]?days?\b/, 'duration', 'day') ??
    u(/^\s?(个|個)?(星期|礼拜|禮拜|周|週)|^[\s-]?weeks?\b|^[\s-]?wks?\b/, 'duration', 'week') ??
    u(/^\s?个?(小时|钟头)|^\s?个钟(?!点)|^[\s-]?(hours?|hrs?)\b/, 'duration', 'hour') ??
    u(/^\s?分钟|^[\s-]?(minutes?|mins?)\b/, 'duration', 'minute') ??
    // Not the 年 of 年化 / 年利率 / 年费 / 年薪 / 年终奖 that follows an amount.
    u(/^\s?年(?!化|利|息|费|費|薪|终|終)|^[\s-]?(years?\b|yrs?\b)/, 'duration', 'year') ??
    // 其 typed for 期 at a clause's end ("分了二十四其"), "18 more payments"; an EMI is an equated monthly instalment
    // (Indian English). "Period" and "other payments" count instalments only for a small number ("I owe 5000 period.").
    u(/^\s?(期|其(?=$|[，,。!！?？\s]|没|未|还没|要还|了)|(more |remaining |left )?(monthly |month )?(instal{0,2}ments?|payments|emis?)\b|(more|remaining|left) (monthly )?bills\b)/, 'term') ??
    (/^(\s|-)?(periods?|other payments)\b/.test(after) ? { kind: 'term', upTo: 60, length: /^(\s|-)?(periods?|other payments)/.exec(after)![0].length } : null) ??
    // 家 counts lenders ("三家"), not a home ("6500 家里还有两个娃").
    u(/^\s?(家(?![里人庭中务乡])|张|張|笔|筆|份|单|單|种|種|样|樣|口(?![气氣子袋])|位|个平台|個平台|个账户|个app|个网贷|张卡|个人|口人|个(孩子|娃|小孩|老人)|(more |other |extra |different )?(credit |bank |store |payday |personal |car |student |bnpl |buy now pay later )?(cards?|lenders?|platforms?|apps?|loans?|debts?|people|persons|kids|children|jobs)\b)/, 'count') ??
    // "两孩子" without its measure word: a number of children only where it can be one ("开销1800 孩子3岁" is money).
    (/^\s?(孩子|娃|小孩|老人)/.test(after) ? { kind: 'count', upTo: 10, length: /^\s?(孩子|娃|小孩|老人)/.exec(after)![0].length } : null) ??
    u(/^\s?(%|percent\b|per ?cent\b)/, 'percent') ??
    u(/^\s?(成|折)/, 'percent') ??
    u(/^\s?(点钟|点|點|:\d\d|am\b|pm\b|o'?clock\b)/, 'time') ??
    (/^\s?(tonight|this (morning|evening|afternoon)|in the (morning|evening|afternoon))\b/.test(after) ? { kind: 'time', upTo: 12, length: 0 } : null) ??
    u(/^\s?(岁|歲|years? old)/, 'age') ??
    // "1 in kindergarten", "two at uni": children counted by where they are.
    u(/^\s(in|at) (kindergarten|nursery|daycare|preschool|school|primary|secondary|high school|middle school|college|uni|university)\b/, 'count') ??
    u(/^\s?(of us|digits?|in the family|others|(more |other )?(accounts?|sons?|daughters?|boys|girls|lads|kids|grandkids|members|classes|batches|shifts|(room|flat|house)mates|siblings|brothers|sisters|parents|grandparents|dependants|dependents|mouths to feed|cats|dogs|pets|cars|houses|flats|rooms|bedrooms|phones|laptops|times))\b/, 'count') ??
    // A measure word says a number counts things: "三条狗", "两台车", "一间房". Where the same character also begins a
    // word after an amount ("只够", "本来", "双休", "套现", "头期", "次月", "所得"), it is not read as one; 只 and 间
    // count only what they usually count (animals; rooms and shops). The text is simplified Chinese by now.
    u(/^\s?(只(?=[猫狗鸡鸭鹅羊兔鸟宠])|条|头(?![期款])|台(?![币湾])|辆|部(?!分)|套(?![现路餐])|间(?=[房屋店铺])|栋|本(?![金息钱月期来身人])|件|双(?![休倍])|次(?![月日])|趟|顿|名(?!下)|户(?![头口])|所(?![以有得])|座|匹|盒|瓶|袋|箱)/, 'count') ??
    u(/^\s?个(?!月)/, 'count') ??
    // A floor, rooms in a flat: "住6楼", "两房一厅", "a 2-bedroom flat".
    u(/^\s?(楼(?![下上道梯盘市])|层(?![次面])|居室|室(?=[一两二三四\d]厅)|房(?=[一两二三四\d]厅|间)|[\s-]?bed(room)?s?\b|(st|nd|rd|th)? floor\b)/, 'count')
  );
}

/** Words before a number that say what it is: ¥, 百分之, 第, 星期, a month's name, "每月" (money per month). */
function unitBefore(before: string): Unit | null {
  if (/[¥$]\s?$|(rmb|cny|yuan)\s?$/.test(before)) return { kind: 'money', length: 0 };
  if (/百分之$/.test(before)) return { kind: 'percent', length: 0 };
  // "尾号2290", "ending in 8832": a card's or phone's last digits, never an amount.
  if (/(尾号|尾號|尾数|尾數|末四位|后四位|後四位|工号|编号|学号|订单号|合同号|单号|会员号)(是|为|為|係|系|:)?\s?$|\b((ending|ends)( in| with)?|last (four|4)( digits)?( are| is)?)\s?$/.test(before)) return { kind: 'phone', length: 0 };
  // A school year or a place in the family ("初二", "高三", "老三", "Year 11", "grade 5", "P5"): an ordinal.
  if (/(^|[^\u4e00-\u9fff]|读|上|念|是|在|孩子|儿子|女儿|娃)(初|高|大|研)$|(排行)?老$|排(行)?第$/.test(before) && !/低/.test(before)) return { kind: 'count', upTo: 10, length: 0 };
  if (/(?<!(per|this|last|every|a|next|each) )\b(year|grade|form|standard|primary|secondary|sec|p)\s?$/.test(before)) return { kind: 'count', upTo: 13, length: 0 };
  // "a family of six", "for the 3 of us": how many people.
  if (/\b(family|household) of\s?$/.test(before)) return { kind: 'count', length: 0 };
  if (/(周|星期|礼拜|週|禮拜)$/.test(before)) return { kind: 'date', length: 0 };
  // "paying it off in 12", "pay it back in 24": a number of instalments.
  if (/\b(off|back) in\s?$/.test(before)) return { kind: 'term', upTo: 72, length: 0 };
  // A lunar month ("正月十五"), and the day of a payday or a due date ("payday是每月15", "还款日每月8号").
  if (/(正月|腊月|冬月)$|(payday(?! loans?)|pay day|\bdue date|\bdue on)\s?(is|on|falls on)?\s?(every month|each month)?\s?(on( the)?)?\s?$|(发薪日|工资日|还款日|账单日|发工资|发薪|payday)(是|在)?(每月|每个月)?(的)?\s?$|(工资|薪水|薪资|工钱)(是|在)?(每月|每个月)的\s?$/.test(before)) return { kind: 'date', upTo: 31, length: 0 };
  // "March 15", and the year after it ("March 15, 2023", "15 March 2023"): a date.
  if (/\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s?((\d{1,2}(st|nd|rd|th)?,?)\s)?$/.test(before)) return { kind: 'date', length: 0 };
  // "年化36", "利率18": a rate, even without its % sign.
  if (/(年化|利率|费率|年利率|日息|月息|日利率|月利率)(是|为|约|大概|有|达到|涨到)?\s?$|\b(apr|interest rate)\b[a-z\s]{0,14}$/.test(before)) return { kind: 'percent', length: 0 };
  // "I'm 64", "aged 70", "my dad's 68", "she just turned 50": an age (kept only for a number a person can be, with
  // nothing after it that makes it an amount: "he's 100 short", "my wife's 80 a week").
  if (/\b((i'?m|i am)( only| just| nearly| almost| turning)?|aged?|turn(s|ed|ing)?|(my )?(dad|father|mum|mom|mother|husband|wife|son|daughter|brother|sister|grandma|grandpa|grandmother|grandfather|he|she)('s| is)( already| nearly| almost| only| just)?)\s?$/.test(before)) return { kind: 'age', length: 0 };
  // "since 2019", "back in 2021": a year (kept only for a number that can be one, below).
  if (/\b(since|in|from|back in)\s?$/.test(before)) return { kind: 'date', year: true, length: 0 };
  // "芝麻分才550", "征信分600多", "credit score is 620": points of a score.
  if (/(芝麻分|信用分|征信分|信用积分|信用评分|支付宝分|支付分|芝麻信用|小白信用|信用卡积分|积分|分数|评分)(是|才|只|只有|剩|就|还|有|为|掉到|降到|跌到|掉|到|了|大概|约|好像|差不多|也就|应该|貌似|现在|目前|:){0,4}\s?$|\b(credit score|sesame score|fico( score)?|score)('s| is| was| of| at| around| about| dropped to| fell to)?( only| just| around| about| like| roughly)?\s?$/.test(before)) return { kind: 'score', length: 0 };
  // "早九晚六", "朝九晚五": the hours of a working day.
  if (/(早|朝)(\d{1,2}|[一二三四五六七八九十]{1,2})点?\s?晚\s?$/.test(before) || (/(^|[^\u4e00-\u9fff]|上班|工作|班)(早|朝)$/.test(before))) return { kind: 'time', upTo: 12, length: 0 };
  // "晚上9", "knock off at 3": a time of day.
  if (/(上午|下午|晚上|早上|中午|凌晨|傍晚|半夜|\bat|\baround)\s?$/.test(before)) return { kind: 'time', length: 0 };
  return null;
}

const PER_MONTH_BEFORE = /(每个?月|每個月|一个月|一個月|月供|月入|月薪|月收入|月工资|月开销|月花|每期|一期|per month|a month|monthly|each month|every month)[^0-9]{0,8}$/;
const PER_MONTH_AFTER = /^\s?(多|左右)?\s?(\/|每)?\s?(一个月|一個月|每个?月|个月|一月|\/月|\/mo|月|per month|a month|\/month|monthly|each month|every month|一期|每期)/;
const EXTENSION_BEFORE = /(延期|推迟|推遲|延后|延後|缓|緩|宽限|寬限|延长|延長|往后推|晚|extend(ed)?|extension( of)?|postpone(d)?|defer(red)?|delay(ed)?|push(ed)? back|grace period( of)?)[^0-9零一二两三四五六七八九十]{0,4}$/;
/**
 * Words before a number that make it someone's age when nothing else follows it but 了: a person ("我爸65了",
 * "我妈都七十了"), or, at the start of what is said, words of reaching an age ("快50了找不到工作", "今年才二十二").
 * Not a person who is given or owes something ("给我50", "欠他80"), nor words of reaching after what costs it
 * ("滞纳金都80了", "水电也100"). The text is simplified Chinese by now.
 */
const PERSON = '(我|(?<!其)他|(?<!其)她|我爸|我妈|爸|妈|爸爸|妈妈|老爸|老妈|父亲|母亲|老公|老婆|丈夫|妻子|儿子|女儿|孩子|老大|老二|爷爷|奶奶|外公|外婆|姥姥|姥爷|婆婆|公公|岳父|岳母|老人|老人家|老两口|爸妈)';
const REACHING = '(今年|现在|都|已经|快|才|也|刚|满)';
const AGE_BEFORE = new RegExp(`((^|[，,。！!？?；;\\s])(${PERSON}的?)?${REACHING}+|(?<![给欠借帮让跟和找问向被替对还])${PERSON}的?${REACHING}*)\\s?$`);
/** Words of being late before a number with no unit that make it days: "拖了87", "逾期第40", "late by 30". */
const DAYS_LATE_BEFORE = /(拖了|逾期第|拖到第|\b(late|overdue) (for|by))\s?$/;
/** Words after which a number with no unit is as likely days as the sum that is late: "花呗逾期了300", "behind by 40". */
const LATE_BEFORE = /(逾期了?|晚了|拖欠了?|\bbehind( by)?)\s?$/;
/** "a 6-week grace period", "三个月的宽限期": the length named before what it extends. */
const EXTENSION_AFTER = /^\s?(的)?\s?(grace period|deferral|deferment|extension|payment holiday|宽限期|寬限期|延期|缓冲期)/;
/** "996的工作", "做二休一": a working week's pattern, and the days of one on or off. */
const WEEK_PATTERN = /^(996|955|007)$/;
const WEEK_PATTERN_AFTER = /^\s?(的)?(工作|工作制|福报|上班|公司|班)/;
const DAYS_OFF_AFTER = /^\s?休/;
const DAYS_ON_BEFORE = /(做|上|干)(\d|[一二三四五六七])休\s?$/;
const TERM_BEFORE = /(分|分成|拆成|over|in|into|split into)\s?$/;
const RANGE_JOIN = /^\s?(到|至|~|～|-|—|to)\s?$/;
const PHONE = /^(1\d{10}|95\d{3}|96\d{3}|400\d{7}|123\d{2})$/;

/** A number written like a date, but with a money sign before it or a money word after it ("2026.5元", "¥12.15"). */
const saidAsMoney = (s: string, at: number, end: number): boolean => /[¥$]\s?$/.test(s.slice(0, at)) || /^\s?(元|块|rmb|yuan|k|w|万|千)/.test(s.slice(end));

/** Numerals as people type them, to the ones read below: 仨 and 俩, the financial forms (壹万贰仟), "十来万", "过万", "3 grand". */
const NUMERAL_FORMS: Array<[RegExp, string]> = [
  // "个w", "个万": one ten-thousand, in shorthand.
  [/(?<![\d零〇一二两三四五六七八九十百千几])个(w|万)/g, '一万'],
  // 仨 and 俩 hold their measure word ("仨银行的卡" is three banks' cards), except before another numeral ("俩万").
  [/仨(?![\d零〇一二两三四五六七八九十百千万亿个個wk块元])/gi, '三个'],
  [/俩(?![\d零〇一二两三四五六七八九十百千万亿个個wk块元])/gi, '两个'],
  [/仨/g, '三'],
  [/俩/g, '两'],
  // Financial numerals only as numbers (伍佰, 壹万): "退伍" and "队伍" hold none.
  [/[壹贰叁肆伍陆柒捌玖拾佰仟](?=[壹贰叁肆伍陆柒捌玖拾佰仟元圆万千百十零〇])|(?<=[壹贰叁肆伍陆柒捌玖拾佰仟万千百十零〇])[壹贰叁肆伍陆柒捌玖拾佰仟]/g, ''],
  [/([十百千])[来多几余]+(万|千)/g, '$1$2'],
  [/(过|上|破|超)(万|千)(?![一二三四五六七八九\d])/g, '一$2'],
  [/(\d+(?:\.\d+)?) ?grand\b/g, '$1k'],
  // "加一块", "一块儿": together, not one 块 of money.
  // 零工 (odd jobs), 零钱 (change), 零食: no zero in them.
  [/零(工|花|钱|食|售|件|星|散|碎|用|头)/g, ' '],
  [/(加|合|算|凑|放)(在)?一块儿?|一块儿|五险一金|三险一金|一线|二线|三线|双十一|双十二|一下子|一辈子|一口气|一次性|统一|唯一|一切|一样|一起|一直|一定|(?<![一二两三四五六七八九十百千\\d])万一(?![千百十])|一点点|一些|一会儿/g, ' '],
  // "一般" (as a rule) kept as a word that says so, with no numeral in it.
  [/一般/g, '通常'],
  // "万二", "千五": the 一 before them left out.
  [/(?<![零〇一二两三四五六七八九十百千\d.])(万|千)(?=[一二两三四五六七八九](?![千百十万\d]))/g, '一$1'],
  // "两千半", "一万半": the half of the unit before it.
  [/千半/g, '千五百'],
  [/万半/g, '万五千'],
  // "百分之二十四点九", "年化十八点二五": a rate's decimals in Chinese numerals, which 点 would otherwise make a time.
  [/((百分之|年化|利率|费率|年利率|月息|日息)[零〇一二两三四五六七八九十]+)点[零〇一二三四五六七八九]+/g, '$1'],
  [/半年(?!前)/g, '6个月'],
  [/半个月/g, '0.5个月'],
  [/(\d+|[一二两三四五六七八九十]+)年零?(\d+|[一二两三四五六七八九十]+)个月/g, '$1年$2个月'],
];
const FINANCIAL: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千' };

/** Any of the forms above (plain /g patterns, none referring back to a group): most texts hold none. */
const ANY_NUMERAL_FORM = new RegExp(NUMERAL_FORMS.map(([re]) => re.source).join('|'));

function numeralForms(s: string): string {
  if (!ANY_NUMERAL_FORM.test(s)) return s;
  let out = s;
  for (const [re, to] of NUMERAL_FORMS) out = to === '' ? out.replace(re, (c) => FINANCIAL[c] ?? c) : out.replace(re, to);
  return out;
}

/**
 * Numbers typed in pinyin ("san wan duo", "yi qian wu kuai"), as Chinese numerals: a run of numeral syllables that
 * starts with a digit and holds a magnitude (十 百 千 万), so no lone "wu" or "er" is taken for a number.
 */
const PINYIN_NUMERAL: Record<string, string> = {
  ling: '零', yi: '一', er: '二', liang: '两', san: '三', si: '四', wu: '五', liu: '六', qi: '七', ba: '八', jiu: '九',
  shi: '十', bai: '百', qian: '千', wan: '万', duo: '多', kuai: '块', yuan: '元', 'ge yue': '个月', tian: '天', nian: '年',
};
const PY_DIGIT = '(?:yi|er|liang|san|si|wu|liu|qi|ba|jiu|shi)';
const PY_SYLLABLE = '(?:ling|yi|er|liang|san|si|wu|liu|qi|ba|jiu|shi|bai|qian|wan)';
const PINYIN_RUN = new RegExp(String.raw`\b${PY_DIGIT}(?: ${PY_SYLLABLE})+(?: duo)?(?: (?:kuai|yuan|ge yue|tian|nian))?\b`, 'g');
function pinyinNumbers(s: string): string {
  if (!/[a-z]/.test(s)) return s;
  return s.replace(PINYIN_RUN, (run) =>
    /\b(shi|bai|qian|wan)\b/.test(run) ? run.replace(/ge yue|[a-z]+/g, (w) => PINYIN_NUMERAL[w] ?? w).replace(/ /g, '') : run,
  );
}

/** The form of a text quantities are read in, and their places (`at`) refer to. */
export const quantityText = remembered((text: string): string => {
  const { plain } = normalise(text);
  return NUMERAL_OR_WORD.test(plain) ? englishNumbers(numeralForms(pinyinNumbers(plain.replace(/(\d),(?=\d{3}(\D|$))/g, '$1')))) : plain;
});

/** Quantities are read for each question's guards in turn: remembered, and never changed by a reader. */
export const quantities = remembered((text: string): readonly Quantity[] => quantitiesOf(text));

/**
 * What any quantity needs: a digit, a Chinese numeral, a Latin letter (English number words) or a character a
 * numeral form turns into one (仨, 俩, 壹…仟, 半). A text with none of them (a third of all) holds no quantity.
 */
const NUMERAL_OR_WORD = /[\d零〇一二两三四五六七八九十百千万亿仨俩壹贰叁肆伍陆柒捌玖拾佰仟半a-z]/;

/** A person's age, from 16 (a student with a card) to 110. */
const canBeAge = (n: number): boolean => Number.isInteger(n) && n >= 16 && n <= 110;
/** A year a debt or a job can have begun in. */
const canBeYear = (n: number): boolean => n >= 1900 && n <= 2100;

/** All quantities in a text, in order. */
function quantitiesOf(text: string): Quantity[] {
  const s = quantityText(text);
  if (!NUMERAL_OR_WORD.test(s)) return [];
  const out: Quantity[] = [];
  let lastEnd = -1;
  let skipTo = -1;
  // Every number is found first (with no copy of the pattern, as matchAll makes): one may be read on its own below.
  const numbers: RegExpExecArray[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(s); m; m = NUMBER.exec(s)) numbers.push(m);
  for (const m of numbers) {
    let raw = m[0];
    const at = m.index;
    // A number inside one read already ("2026-03": its month).
    if (at < skipTo) continue;
    // The minutes of a time ("10:30", "00:01") belong to its hour, read already.
    if (/\d\s?[:：]$/.test(s.slice(Math.max(0, at - 2), at))) {
      lastEnd = at + raw.length;
      continue;
    }
    // "2026.04", "2026-03", "2026-02-28": a year and its month (and day).
    const monthAfter = /^20\d\d$/.test(raw) ? /^[-/](0?[1-9]|1[0-2])([-/](0?[1-9]|[12]\d|3[01]))?(?!\d)/.exec(s.slice(at + raw.length)) : null;
    if ((monthAfter || /^20\d\d\.(0?[1-9]|1[0-2])$/.test(raw)) && !saidAsMoney(s, at, at + raw.length + (monthAfter?.[0].length ?? 0))) {
      out.push({ kind: 'date', value: Number(raw.slice(0, 4)), at, text: raw });
      lastEnd = skipTo = at + raw.length + (monthAfter?.[0].length ?? 0);
      continue;
    }
    // "12/15", "12.15" with no money word after it: a month and a day.
    const monthDay = /^(\d{1,2})([./])(\d{1,2})$/.exec(raw.trim());
    // Month first ("12/15"), or, where it can only be so, the day first ("25/01").
    const [first, second] = monthDay ? [Number(monthDay[1]), Number(monthDay[3])] : [0, 0];
    const isMonthDay = (first >= 1 && first <= 12 && second >= 1 && second <= 31) || (first > 12 && first <= 31 && second >= 1 && second <= 12);
    if (monthDay && isMonthDay &&
      (monthDay[2] === '/' ? !/[¥$]\s?$/.test(s.slice(0, at)) : !saidAsMoney(s, at, at + raw.length)) &&
      // "年化7.2" is a rate.
      unitBefore(s.slice(Math.max(0, at - 20), at))?.kind !== 'percent') {
      out.push({ kind: 'date', value: Number(monthDay[1]), at, text: raw });
      lastEnd = at + raw.length;
      continue;
    }
    // "一千八一个月": the numerals run on into the rate's 一; the amount ends before it.
    if (/[一两]$/.test(raw) && raw.length > 1 && /^(个|個)?月/.test(s.slice(at + raw.length)) && parseNumber(raw) === null) {
      raw = raw.slice(0, -1);
      // Unless the words before it say what it is ("朝九晚五一个月4500": the hours of a working day).
      const said = unitBefore(s.slice(Math.max(0, at - 20), at));
      if (said && said.kind !== 'money' && (said.upTo === undefined || (parseNumber(raw) ?? 0) <= said.upTo)) {
        out.push({ kind: said.kind, value: parseNumber(raw) ?? 0, at, text: raw });
        lastEnd = at + raw.length;
        continue;
      }
      out.push(...quantitiesOf(s.slice(at, at + raw.length)).map((q) => ({ ...q, kind: 'money' as const, monthly: true, at })));
      lastEnd = at + raw.length + 4;
      continue;
    }
    const before = s.slice(Math.max(0, at - 20), at);
    let after = s.slice(at + raw.length);
    const isChinese = /^[零〇一二两三四五六七八九十百千万亿]/.test(raw);
    if (isChinese && (NOT_A_NUMBER.test(raw) && !unitAfter(after)) ) continue;
    if (isChinese && NOT_A_NUMBER_AFTER.test(after) && !/[十百千万]/.test(raw)) continue;
    // A letter straight before a number is part of a word or code ("mp3", "a1"), not a quantity.
    if (/^\d/.test(raw) && /[a-z]/.test(s[at - 1] ?? '') && !/(rmb|cny|yuan|k)$/.test(before)) continue;
    // "一两万", "三五千", "七八个月": two neighbouring numerals are a range.
    const rangeInside = /^[一二两三四五六七八九]{2}(?=[十百千万个天月年期号]|$)/.test(raw) && !/^(一二|二三|一十)/.test(raw) ? raw.slice(1) : null;
    let value = parseNumber(rangeInside ?? raw);
    if (value === null) continue;
    const approx = APPROX_AFTER.exec(after);
    if (approx) after = after.slice(approx[0].length);
    // "一年半", "两个半月", "1.5个月": the half is part of the number.
    if (/^\s?(个|個)?半/.test(after) && !/^\s?(个|個)?半(年|月)?[前后]/.test(after)) {
      const half = /^\s?(个|個)?半/.exec(after)!;
      if (/^(年|个月|個月|月)/.test(after.slice(half[0].length)) || /^个半月/.test(after)) {
        value += 0.5;
        after = after.slice(half[0].length).replace(/^/, /^(年)/.test(after.slice(half[0].length)) ? '' : '个');
      }
    }
    const digits = raw.replace(/\s/g, '');
    let unit: Unit | null = unitAfter(after) ?? unitBefore(before);
    if (!unit && /^\d+$/.test(digits) && PHONE.test(digits)) unit = { kind: 'phone', length: 0 };
    if (unit?.kind === 'duration' && unit.unit === 'year' && canBeYear(value)) unit = { kind: 'date', length: unit.length };
    // "at 3" is a time of day; "at 5000", "around 3000" are not.
    if (unit?.kind === 'time' && unit.length === 0 && value > 24) unit = null;
    // "996的工作", "做二休一": a working week's pattern, not an amount.
    if (!unit && WEEK_PATTERN.test(digits) && WEEK_PATTERN_AFTER.test(after)) unit = { kind: 'time', length: 0 };
    if (!unit && value <= 7 && (DAYS_OFF_AFTER.test(after) || DAYS_ON_BEFORE.test(before))) unit = { kind: 'count', length: 0 };
    if (unit?.kind === 'age' && unit.length === 0 && (!canBeAge(value) || /^\s?(in (arrears|the red|debt|deficit)|behind|short|overdue|down)\b/.test(after) || !/^\s?($|[,.!?;]|(and|now|already|this|next|last|in|on|with|but|still|years?|yrs?|yo|lol|haha|lmao)\b)/.test(after))) unit = null;
    if (unit?.year && !canBeYear(value)) unit = null;
    if (unit?.upTo !== undefined && !(value >= 1 && value <= unit.upTo)) unit = null;
    // "我五十二了", "今年六十六", "都七十多了": an age, said of oneself.
    if (!unit && AGE_BEFORE.test(s.slice(0, at)) && /^\s?(了|$|[，,。！!？? ])/.test(after) && canBeAge(value)) unit = { kind: 'age', length: 0 };
    // "拖了87": late by a number of days, said without the 天; "逾期了300": days or a sum, asked where money is. Up
    // to a year's worth: beyond it, a sum.
    if (!unit && Number.isInteger(value) && value <= 365) {
      if (DAYS_LATE_BEFORE.test(before)) unit = { kind: 'duration', unit: 'day', length: 0 };
      else if (LATE_BEFORE.test(before)) unit = { kind: 'late', length: 0 };
    }
    let kind: QuantityKind = unit?.kind ?? 'bare';
    if (unit?.yearAndHalf) value = value * 12 + 6;
    const q: Quantity = { kind, value, at, text: raw };
    if (kind === 'term' && /第\s?$/.test(before)) q.ordinal = true;
    if (unit?.unit) q.unit = unit.unit;
    if (approx) q.approximate = true;
    if (rangeInside) {
      q.range = true;
      const low = parseNumber(raw[0]! + raw.slice(2));
      if (low !== null) q.low = (value * low) / parseNumber(rangeInside)!;
    }
    // A month next to money is a rate ("1800一个月", "每月1500"): the number is money, the month no duration.
    if ((kind === 'bare' || kind === 'money') && (PER_MONTH_BEFORE.test(before) || PER_MONTH_AFTER.test(after))) {
      q.kind = kind === 'bare' ? 'money' : kind;
      q.monthly = true;
    }
    if (kind === 'duration' && /^(一|1)$/.test(digits) && q.unit === 'month') {
      // "一个月两千一": the month right before an amount is that amount's rate (read as such from the words before it).
      if (/^\s?(要|得|还|交|付|大概|差不多|就|是)?\s?[\d一二两三四五六七八九十]/.test(after.slice(unit?.length ?? 0))) {
        lastEnd = at + raw.length + (unit?.length ?? 0);
        continue;
      }
      // "一个月" right after an amount ("一千八一个月") is that amount's rate.
      const prev = out[out.length - 1];
      if (prev && (prev.kind === 'bare' || prev.kind === 'money') && at - lastEnd <= 2) {
        prev.kind = 'money';
        prev.monthly = true;
        lastEnd = at + raw.length + (unit?.length ?? 0);
        continue;
      }
    }
    if ((kind === 'duration' || kind === 'term') && (EXTENSION_BEFORE.test(before) || EXTENSION_AFTER.test(after.slice(unit?.length ?? 0)))) q.kind = kind = 'extension';
    else if (kind === 'duration' && q.unit === 'month' && TERM_BEFORE.test(before.replace(/\s+$/, '')) && !/(in|over)\s?$/.test(before)) q.kind = kind = 'term';
    // "48 installments, 20 paid", "分24期 还剩12": instalments counted once their term is named.
    const term = out.find((o) => o.kind === 'term');
    if (kind === 'bare' && term && Number.isInteger(value) && value <= term.value && (/^\s?(paid|done|left|to go|remaining|made)\b/.test(after) || /(还了|已还|还剩|剩下?|已经还了|paid|made)\s?$/.test(before))) {
      q.kind = kind = 'term';
    }
    // "一年三个月", "1 year 2 months": one length of time.
    const last = out[out.length - 1];
    if (last && last.kind === 'duration' && last.unit === 'year' && kind === 'duration' && q.unit === 'month' && at - lastEnd <= 2) {
      last.value = last.value * 12 + q.value;
      last.unit = 'month';
      lastEnd = at + raw.length + (unit?.length ?? 0);
      continue;
    }
    // "3到5千", "5000 or 6000": a range joins two numbers; the first takes the second's magnitude.
    const prev = out[out.length - 1];
    if (prev && RANGE_JOIN.test(s.slice(lastEnd, at)) && (prev.kind === kind || prev.kind === 'bare')) {
      prev.range = true;
      q.range = true;
    }
    out.push(q);
    lastEnd = at + raw.length + (approx?.[0].length ?? 0) + (unit?.length ?? 0);
  }
  return out;
}

function parseNumber(raw: string): number | null {
  const s = raw.replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return parseChineseNumber(s);
}
