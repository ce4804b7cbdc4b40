import { parseDay, type DayDirection, type DayParse } from '../answers.js';
import type { IsoDate } from '../catalog.js';
import { addMonths, parseOverdue, parseSince, type OverdueParse, type SinceParse } from '../dates.js';
import { normalise } from './normalise.js';
import { englishNumbers, quantities } from './quantities.js';

/**
 * A day or a month said inside a sentence ("今天下午打的", "上个月公司裁员，我被辞退了", "they said they'd call back
 * next Tuesday"): the words that name it are found, then read as the answer alone would be.
 */
const MONTHS_EN = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY_EN = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const CN_N = '[一二三四五六七八九十]{1,3}';

const DAY_WORDS = new RegExp(
  [
    '大前天|前天|昨天|昨日|昨晚|昨儿|今天|今日|今早|今晚|今儿|明天|明日|明早|明晚|明儿|大后天|后天',
    'day after tomorrow|day before yesterday|today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow',
    `(?:上|下|这|本)?个?(?:周|星期|礼拜)[一二三四五六日天1-7]`,
    `(?:last|next|this|on)? ?${WEEKDAY_EN}\\b`,
    `(?:明年|今年|去年)?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?[日号]?`,
    `(?:明年|今年|去年)?${CN_N}月${CN_N}[日号]?`,
    `(?:上|下|这|本)个?月(?:初|底|末|\\d{1,2}[号日]|${CN_N}[号日])`,
    '月(?:底|末|初)',
    '\\d{4}\\s?[-/.年]\\s?\\d{1,2}\\s?[-/.月]\\s?\\d{1,2}\\s?日?',
    '\\d{1,2}[/.]\\d{1,2}',
    `\\d{1,2}\\s?[号日]|${CN_N}[号日]`,
    'in \\d+ days?|\\d+ days? (?:ago|later|from now)|\\d+\\s?天(?:后|以后|之后|前|以前|之前)',
    '(?:\\d+|[一二两三四五六七八九十])\\s?(?:周|星期|个星期|礼拜|个礼拜)(?:后|以后|之后|前|以前|之前)',
    `${MONTHS_EN} \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTHS_EN}`,
  ].join('|'),
);

/**
 * Days people name by their name (国庆, 双十一, 五一) or in English phrases ("the 20th of last month", "end of last
 * month", "last night"), to the forms the day question reads. Lunar holidays move every year and are left out.
 */
const DAY_ALIASES: Array<[RegExp, string]> = [
  [/国庆(节|那天)?/, '10月1日'],
  [/双十一|双11/, '11月11日'],
  [/双十二|双12/, '12月12日'],
  [/五一(劳动节|那天)?|劳动节/, '5月1日'],
  [/元旦/, '1月1日'],
  [/六一(儿童节|那天)?|儿童节/, '6月1日'],
  // Cantonese days (琴日, 听日), once the text is simplified.
  [/琴日|寻日/, '昨天'],
  [/听日/, '明天'],
  [/(?<![以之然最])后日(?![子期常])/, '后天'],
  [/(?<![目之以提])前日(?![子期])/, '前天'],
  [/圣诞(节)?|christmas/, '12月25日'],
  [/(?:on )?the (\d{1,2})(?:st|nd|rd|th) of last month/, '上个月$1号'],
  [/(?:on )?the (\d{1,2})(?:st|nd|rd|th) of next month/, '下个月$1号'],
  [/(?:on )?the (\d{1,2})(?:st|nd|rd|th)(?! of)/, '$1号'],
  [/(?:the )?end of last month/, '上个月月底'],
  [/(?:the )?(?:start|beginning) of last month/, '上个月月初'],
  [/(?:the )?end of (?:this|the) month/, '月底'],
  [/(?:the )?(?:start|beginning) of next month/, '下个月月初'],
  [/last night/, '昨天'],
  [/just now|earlier today|this (?:morning|afternoon|evening)|tonight|刚才|刚刚|早上|上午|中午|下午|傍晚|晚上/, '今天'],
  [/(\d+) weeks? (?:ago|back)/, '$1周前'],
  [/in (\d+) weeks?/, '$1周后'],
];

function withAliases(s: string): string {
  for (const [re, to] of DAY_ALIASES) {
    if (re.test(s)) return s.replace(re, to);
  }
  return s;
}

/** Parts of a day that say nothing about which day it is. */
const TIME_OF_DAY: Record<string, string> = { 昨晚: '昨天', 昨儿: '昨天', 今早: '今天', 今晚: '今天', 今儿: '今天', 明早: '明天', 明晚: '明天', 明儿: '明天', tonight: 'today' };

const EVERY_DAY_WORD = new RegExp(DAY_WORDS.source, 'g');
/** Words that settle on a day after others were weighed ("元旦后好协商，那就1月4号", "so let's say Friday"). */
const SETTLED_ON = /(那就|就定|定在|改到|改成|\bmake it|\blet'?s say)\s?$/;

/**
 * The words of a sentence that name a day, as the day question would read them alone: the first named, or the one
 * settled on after it.
 */
function dayWords(text: string): string | null {
  const { plain } = normalise(text);
  const s = withAliases(englishNumbers(plain));
  const all = [...s.matchAll(EVERY_DAY_WORD)];
  const m = all.findLast((d) => SETTLED_ON.test(s.slice(Math.max(0, d.index - 12), d.index))) ?? all[0];
  if (!m) return null;
  const words = m[0].trim().replace(/^on /, '');
  return TIME_OF_DAY[words] ?? (/^this (morning|afternoon|evening)$/.test(words) ? 'today' : words);
}

/** A day named anywhere in the text, on the side it must lie. */
export function findDay(text: string, today: IsoDate, direction: DayDirection): DayParse {
  const alone = parseDay(text, today, direction);
  if (alone.ok) return alone;
  const words = dayWords(text);
  if (words === null || words === text.trim()) return alone;
  const found = parseDay(words, today, direction);
  return found.ok || found.reason === 'wrong_side' ? found : alone;
}

const SINCE_WORDS = new RegExp(
  [
    '上上个?月|上个?月|这个?月|本月|今年年?初|年初|去年年?底|去年年?末|年中',
    '去年年?初',
    `(?:去年|今年)?(?:\\d{1,2}|${CN_N})\\s?月份?(?![\\d一二三四五六七八九十])`,
    '\\d{4}\\s?[年\\-/.]\\s?\\d{1,2}\\s?月?',
    '(?:半年|[0-9]+|[一二两三四五六七八九十]+)\\s?(?:个多?月|個月|年)\\s?(?:前|以前|之前)',
    '半年(?:前|以前|之前)',
    'last month|this month|start of (?:this|the) year|beginning of (?:this|the) year|end of last year',
    `${MONTHS_EN}(?: \\d{4})?`,
    '\\d+ (?:months?|years?) (?:ago|back)',
  ].join('|'),
);

/** When a hardship began, named anywhere in the text ("今年7月开始降薪", "since August"), or counted back ("失业三个月了"). */
export function findSince(text: string, today: IsoDate): string | null {
  const alone = parseSince(text, today);
  if (alone.ok) return alone.since;
  const { plain } = normalise(text);
  const english = englishNumbers(plain);
  const m = SINCE_WORDS.exec(withAliases(english).replace(/(?<!\d)(\d{2})年(?=\d{1,2}月)/, '20$1年'));
  if (m) {
    const found = parseSince(m[0].replace(/个多月/, '个月'), today);
    if (found.ok) return found.since;
  }
  const day = dayWords(text);
  if (day !== null) {
    const found = parseDay(day, today, 'past');
    if (found.ok) return found.day;
  }
  // "失业三个月了", "for two months now": as long ago as it has lasted.
  const lasted = quantities(text).find((q) => q.kind === 'duration' && (q.unit === 'month' || q.unit === 'year'));
  if (lasted && /了|已经|for|now|since/.test(english)) {
    const months = lasted.unit === 'year' ? lasted.value * 12 : lasted.value;
    if (Number.isInteger(months) && months <= 600) return addMonths(`${today.slice(0, 7)}-01`, -months).slice(0, 7);
  }
  return null;
}

/** The since question: the month or day named, or the reason it could not be read. */
export function readSince(text: string, today: IsoDate): SinceParse {
  const alone = parseSince(text, today);
  if (alone.ok || alone.reason === 'future') return alone;
  // Asked since when, a length of time alone ("两个月", "half a year") is as long ago.
  const lasted = quantities(text).filter((q) => q.kind === 'duration' && !q.range);
  if (lasted.length === 1 && !/(\d|[一二三四五六七八九十])\s?月(?!份)/.test(normalise(text).plain.replace(/个月|個月/g, ''))) {
    const q = lasted[0]!;
    const months = q.unit === 'year' ? q.value * 12 : q.unit === 'month' ? q.value : 0;
    if (months > 0 && Number.isInteger(months) && months <= 600) return { ok: true, since: addMonths(`${today.slice(0, 7)}-01`, -months).slice(0, 7) };
  }
  const since = findSince(text, today);
  return since ? { ok: true, since } : alone;
}

/** Not overdue, in a sentence ("没有逾期，就是怕还不上", "haven't missed anything yet"). */
const NOT_YET = /(没有?|未|还没|尚未|不)(逾期|到期|到还款日|晚还|迟还)|还没到(期|日子|时间)|(目前|现在|一直)(还)?(正常|按时)还/;
const NOT_YET_EN = /\b(not (late|overdue|due)( yet)?|(have|has) not (missed|been late|fallen behind)|not missed|still on time|paying on time|will be (late|overdue) next)\b/;

/** How long overdue, from a sentence: a duration, a missed day; money is named back as money. */
export function readOverdue(text: string, today: IsoDate): OverdueParse | { ok: false; reason: 'money' } {
  const alone = parseOverdue(text, today);
  const qs = quantities(text);
  if (qs.length === 1 && qs[0]!.kind === 'bare' && qs[0]!.value >= 1000) return { ok: false, reason: 'money' };
  if (alone.ok || alone.reason === 'not_yet' || alone.reason === 'too_far') return alone;
  // Hours and minutes are not how long a debt is overdue ("每天通勤2小时"); asked how long, "逾期了40" is days.
  const lasted = qs.filter((q) => (q.kind === 'duration' || q.kind === 'late') && !q.range && q.unit !== 'hour' && q.unit !== 'minute');
  if (lasted.length === 1) {
    const q = lasted[0]!;
    const days = Math.round(q.value * (q.unit === 'week' ? 7 : q.unit === 'month' ? 30 : q.unit === 'year' ? 365 : 1));
    const r = parseOverdue(`${days}天`, today);
    if (r.ok || r.reason === 'too_old') return r;
  }
  // "没有逾期，就是怕还不上": said before any day, since "之前没逾期过，这次逾期5天" names one.
  if (lasted.length === 0 && (NOT_YET.test(normalise(text).dense) || NOT_YET_EN.test(normalise(text).en))) return { ok: false, reason: 'not_yet' };
  const words = dayWords(text);
  if (words !== null && words !== text.trim()) {
    const r = parseOverdue(words, today);
    if (r.ok) return r;
  }
  // A bare number in the thousands is money typed at the wrong question, not years overdue.
  if (qs.length === 1 && qs[0]!.kind === 'bare' && qs[0]!.value >= 1000) return { ok: false, reason: 'money' };
  if (alone.reason === 'too_old' && lasted.length === 0) {
    // A bare number over ten years is money typed at the wrong question more often than a decade overdue.
    if (qs.some((q) => q.kind === 'money')) return { ok: false, reason: 'money' };
    return alone;
  }
  if (qs.length > 0 && qs.every((q) => q.kind === 'money' || (q.kind === 'bare' && q.value >= 1000))) return { ok: false, reason: 'money' };
  return alone;
}
