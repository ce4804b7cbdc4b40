import type { IsoDate } from './catalog.js';
import { parseChineseNumber } from './numbers.js';
import { cutGraphemes, stripBidi } from './text.js';
import { quantities, quantityText } from './understanding/quantities.js';

/**
 * Small answers of the later steps: a calendar day (a call's date, the next call-back, a plan's first due date),
 * a number of months, an agent's ID and a short note. Pure: `today` is passed in.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDate | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
};
const shift = (day: IsoDate, days: number): IsoDate => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const RELATIVE: Record<string, number> = {
  今天: 0, 今日: 0, today: 0, 昨天: -1, 昨日: -1, yesterday: -1, 前天: -2, 大前天: -3, 'day before yesterday': -2,
  明天: 1, 明日: 1, tomorrow: 1, 后天: 2, 'day after tomorrow': 2, 大后天: 3,
};
const WEEKDAYS_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const WEEKDAYS_EN = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Monday 1 … Sunday 7. */
const weekdayOf = (day: IsoDate): number => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Days named from today's week or month: "上周五" (the week before this one, weeks starting on Monday), "周五" (the
 * nearest on the side the answer lies), "next Tuesday", "上个月月底", "月初"; null for anything else.
 */
function relativeDay(s: string, today: IsoDate, direction: DayDirection): IsoDate | null {
  const zh = /^(上|下|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])$/.exec(s);
  const en = /^(last|next|this)? ?(mon|tue|wed|thu|fri|sat|sun)[a-z]*$/.exec(s);
  if (zh || en) {
    const target = zh ? WEEKDAYS_ZH[zh[2]!]! : WEEKDAYS_EN.indexOf(en![2]!) + 1;
    const which = zh ? ({ 上: 'last', 下: 'next', 这: 'this', 本: 'this' } as Record<string, string>)[zh[1] ?? ''] : en![1];
    const monday = shift(today, 1 - weekdayOf(today));
    if (zh && which === 'last') return shift(monday, target - 8);
    if (zh && which === 'next') return shift(monday, target + 6);
    if (which === 'this') return shift(monday, target - 1);
    // English "last Friday" and "next Friday", and a weekday alone: the nearest one before or after today.
    const back = (weekdayOf(today) - target + 7) % 7;
    const ahead = (target - weekdayOf(today) + 7) % 7;
    if (which === 'last' || (which === undefined && direction === 'past')) return shift(today, -(back === 0 && which === 'last' ? 7 : back));
    return shift(today, ahead === 0 ? 7 : ahead);
  }
  const edge = /^(上|下|这|本)?个?月月?(初|底|末)$/.exec(s);
  if (edge) {
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    const named = edge[1];
    const dayIn = (k: number) => {
      const first = new Date(Date.UTC(y, m - 1 + k, 1));
      const last = new Date(Date.UTC(y, m + k, 0)).getUTCDate();
      return iso(first.getUTCFullYear(), first.getUTCMonth() + 1, edge[2] === '初' ? 1 : last)!;
    };
    if (named) return dayIn(named === '上' ? -1 : named === '下' ? 1 : 0);
    const thisMonth = dayIn(0);
    return direction === 'past' ? (thisMonth <= today ? thisMonth : dayIn(-1)) : thisMonth >= today ? thisMonth : dayIn(1);
  }
  return null;
}
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export type DayDirection = 'past' | 'future';

/** A day of the month, alone ("9号") or of last, this or next month ("下个月9号"); 号 is read as 日 first. */
const DAY_OF_MONTH = /^(上个?月|这个?月|本月|下个?月)?(\d{1,2}|[一二三四五六七八九十]{1,3})日$/;
/** A day answer as it is read: trimmed, lower case, single spaces, 号 as 日. */
const dayText = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[号號]$/, '日');
/** "9号", "二十日": a day of the month with no month named. */
export const isBareDayOfMonth = (text: string): boolean => {
  const m = DAY_OF_MONTH.exec(dayText(text));
  return m !== null && m[1] === undefined;
};
export type DayParse = { ok: true; day: IsoDate } | { ok: false; reason: 'unrecognised' | 'wrong_side' };

/** A day, read in the direction it must lie: a call already made is not in the future, a call-back is not past. */
export function parseDay(text: string, today: IsoDate, direction: DayDirection): DayParse {
  const s = dayText(text);
  const rel = RELATIVE[s];
  if (rel !== undefined) return checkSide(shift(today, rel), today, direction);
  const named = relativeDay(s, today, direction);
  if (named !== null) return checkSide(named, today, direction);
  // "明年三月十号", "去年12月5日": the year said, the rest read as a month and day of that year.
  const yearSaid = /^(明年|今年|去年)(.+)$/.exec(s);
  if (yearSaid) {
    const y = Number(today.slice(0, 4)) + (yearSaid[1] === '明年' ? 1 : yearSaid[1] === '去年' ? -1 : 0);
    const md = /^(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日?$/.exec(yearSaid[2]!.trim());
    const day = md ? iso(y, Number(md[1]) || parseChineseNumber(md[1]!) || 0, Number(md[2]) || parseChineseNumber(md[2]!) || 0) : null;
    return day ? checkSide(day, today, direction) : { ok: false, reason: 'unrecognised' };
  }
  const weeks = /^(\d{1,2}|[一二两三四五六七八九十])\s*(?:周|星期|个星期|礼拜|个礼拜|weeks?)\s*(后|以后|之后|前|以前|之前|later|ago|from now)?$/.exec(s) ?? /^in (\d{1,2}) weeks?$/.exec(s);
  if (weeks) {
    const n = (Number(weeks[1]) || CN_DIGITS[weeks[1] ?? ''] || 0) * 7;
    const sign = /前|ago/.test(weeks[2] ?? '') ? -1 : /后|later|from now|^in/.test(weeks[2] ?? s) ? 1 : direction === 'past' ? -1 : 1;
    return checkSide(shift(today, sign * n), today, direction);
  }
  const offset = /^(\d{1,3}|[一二两三四五六七八九十])\s*(?:天|days?)\s*(后|以后|之后|前|以前|之前|later|ago)?$/.exec(s) ??
    /^in (\d{1,3}) days?$/.exec(s);
  if (offset) {
    const n = Number(offset[1]) || CN_DIGITS[offset[1] ?? ''] || 0;
    const sign = /前|ago/.test(offset[2] ?? '') ? -1 : /后|later|^in/.test(offset[2] ?? s) ? 1 : direction === 'past' ? -1 : 1;
    return checkSide(shift(today, sign * n), today, direction);
  }
  const ty = Number(today.slice(0, 4));
  // A day of the month alone ("9号"), or of last, this or next month: the nearest such day on the side it must lie.
  const dayOfMonth = DAY_OF_MONTH.exec(s);
  if (dayOfMonth) {
    const d = Number(dayOfMonth[2]) || parseChineseNumber(dayOfMonth[2] ?? '') || 0;
    const month = (k: number) => {
      const first = new Date(Date.UTC(ty, Number(today.slice(5, 7)) - 1 + k, 1));
      return iso(first.getUTCFullYear(), first.getUTCMonth() + 1, d);
    };
    const named = dayOfMonth[1];
    if (named) {
      const day = month(/上/.test(named) ? -1 : /下/.test(named) ? 1 : 0);
      return day ? checkSide(day, today, direction) : { ok: false, reason: 'unrecognised' };
    }
    const thisMonth = month(0);
    const day = direction === 'past' ? (thisMonth && thisMonth <= today ? thisMonth : month(-1)) : thisMonth && thisMonth >= today ? thisMonth : month(1);
    return day ? checkSide(day, today, direction) : { ok: false, reason: 'unrecognised' };
  }
  let y: number | null = null;
  let m: number | null = null;
  let d: number | null = null;
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  const md = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日?$/.exec(s);
  const en = /^([a-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?$/.exec(s) ?? /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3})[a-z]*$/.exec(s);
  if (full) [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
  else if (md) [m, d] = [Number(md[1]) || parseChineseNumber(md[1] ?? '') || 0, Number(md[2]) || parseChineseNumber(md[2] ?? '') || 0];
  else if (en) {
    const [a, b] = /^\d/.test(en[1] ?? '') ? [en[2], en[1]] : [en[1], en[2]];
    const idx = MONTHS_EN.indexOf(a ?? '');
    if (idx >= 0) [m, d] = [idx + 1, Number(b)];
  }
  if (m === null || d === null) return { ok: false, reason: 'unrecognised' };
  if (y === null) {
    // A bare month and day means the nearest such day on the side the answer must lie.
    const thisYear = iso(ty, m, d);
    if (!thisYear) return { ok: false, reason: 'unrecognised' };
    y = direction === 'past' ? (thisYear > today ? ty - 1 : ty) : thisYear < today ? ty + 1 : ty;
  }
  const day = iso(y, m, d);
  return day ? checkSide(day, today, direction) : { ok: false, reason: 'unrecognised' };
}

function checkSide(day: IsoDate, today: IsoDate, direction: DayDirection): DayParse {
  const wrong = direction === 'past' ? day > today : day < today;
  const tooFar = Math.abs(Date.parse(day) - Date.parse(today)) > 5 * 366 * 86_400_000;
  return wrong || tooFar ? { ok: false, reason: 'wrong_side' } : { ok: true, day };
}

/** "12", "12个月", "十二期", "一年", "一年半", "半年", "24 months" → 12, 18, 6 or 24; 1–120. */
export function parseMonthsCount(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, '');
  const inRange = (n: number) => (Number.isInteger(n) && n >= 1 && n <= 120 ? n : null);
  if (/^半年$|^halfayear$/.test(s)) return 6;
  const years = /^(\d{1,2}|[一二两三四五六七八九十])年(半)?$/.exec(s) ?? /^(\d{1,2})years?$/.exec(s);
  if (years) return inRange((Number(years[1]) || CN_DIGITS[years[1] ?? ''] || 0) * 12 + (years[2] ? 6 : 0));
  const months = /^(\d{1,3}|[一二两三四五六七八九十百]+)(个月|個月|月|期|months?|mo)?$/.exec(s);
  if (!months) return null;
  return inRange(Number(months[1]) || parseChineseNumber(months[1] ?? '') || 0);
}

/** Words before a term that make it a fallback: "实在不行", "不行的话", "大不了", "or at worst". */
const FALLBACK_BEFORE = /(实在不行|不行的话|不行就|大不了|要不然?|再不行|\bor at (worst|most)|\bif not,?|\bfailing that,?)[^0-9一二两三四五六七八九十]{0,4}$/;

export type MonthsParse = { ok: true; months: number } | { ok: false; reason: 'invalid' | 'money' | 'extension' };

/**
 * The number of months or instalments, alone or in a sentence ("分成6个月还", "over two years", "12期每期1800"): a
 * term or a length of time; an amount or an extension is named back rather than read as months.
 */
export function readMonthsCount(text: string, opts: { extension?: boolean } = {}): MonthsParse {
  const alone = parseMonthsCount(text);
  if (alone !== null) return { ok: true, months: alone };
  const qs = quantities(text).filter((q) => !q.range);
  const lengths = (q: (typeof qs)[number]) => q.kind === 'duration' || (opts.extension === true && q.kind === 'extension');
  const terms = qs.filter((q) => (q.kind === 'term' && !q.ordinal) || (lengths(q) && (q.unit === 'month' || q.unit === 'year')));
  // A term said as a fallback ("我想分24期，实在不行36期也行") is not the one asked for, where another is.
  const plain = quantityText(text);
  const wanted = terms.filter((q) => !FALLBACK_BEFORE.test(plain.slice(Math.max(0, q.at - 12), q.at)));
  const months = [...new Set((wanted.length > 0 ? wanted : terms).map((q) => (q.unit === 'year' ? q.value * 12 : q.value)))];
  if (months.length === 1 && Number.isInteger(months[0]) && months[0]! >= 1 && months[0]! <= 120) return { ok: true, months: months[0]! };
  if (qs.some((q) => q.kind === 'extension')) return { ok: false, reason: 'extension' };
  if (terms.length === 0 && qs.some((q) => q.kind === 'money' || (q.kind === 'bare' && q.value > 120))) return { ok: false, reason: 'money' };
  return { ok: false, reason: 'invalid' };
}

/** An agent's ID as the user heard it: letters, digits and dashes, up to 20; anything else is not an ID. */
export function parseAgentId(text: string): string | null {
  const s = text.trim().replace(/^(工号|编号|客服|id|no\.?)[:：\s]*/i, '');
  return /^[A-Za-z0-9-]{1,20}$/.test(s) ? s : null;
}

/** A short free note (what was promised): trimmed, whitespace folded, capped on a character boundary. */
export function cleanNote(text: string, max: number): string | null {
  const s = stripBidi(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  return s.length === 0 ? null : cutGraphemes(s, max);
}

export type TailParse = { ok: true; tail: string } | { ok: false; reason: 'only_four' | 'unrecognised' };

/**
 * The last four characters of a phone number or an ID/account number. A longer number is refused rather than
 * trimmed, so a full ID number is never stored, and the user learns not to send one.
 */
export function parseTail(text: string, kind: 'phone' | 'id'): TailParse {
  const s = text.replace(/[\s-]/g, '');
  const pattern = kind === 'phone' ? /^\d+$/ : /^[0-9Xx]+$/;
  if (!pattern.test(s)) return { ok: false, reason: 'unrecognised' };
  if (s.length > 4) return { ok: false, reason: 'only_four' };
  return s.length === 4 ? { ok: true, tail: s.toUpperCase() } : { ok: false, reason: 'unrecognised' };
}
