import { isBareDayOfMonth, parseDay } from './answers.js';
import type { IsoDate, Lang } from './catalog.js';
import { toHalfWidth } from './money.js';
import { parseChineseNumber } from './numbers.js';

/** Calendar arithmetic on ISO dates (UTC midnight stands for the Shanghai calendar day: no time zone enters). */
const toDate = (iso: string) => new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
const toIso = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function addDays(iso: IsoDate, n: number): IsoDate {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return toIso(d);
}

/** Adds months, clamping to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  const d = toDate(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return toIso(d);
}

export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026年11月23日' / '23 Nov 2026'. */
export function formatDate(iso: IsoDate, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'zh-CN' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** '2026年8月' / 'Aug 2026'. */
export function formatMonth(ym: string, lang: Lang): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return lang === 'zh-CN' ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`;
}

const numberOf = (s: string): number | null => {
  if (/^(a|an|one)$/.test(s)) return 1;
  return parseChineseNumber(s);
};

/** '45', '45天', '两个月', '3周', '半个月', '2 months' → days (a month counts as 30). */
function durationDays(s: string): number | null {
  if (/^半个?月$|^half a month$/.test(s)) return 15;
  if (/^一个半月$/.test(s)) return 45;
  if (/^半年$|^half a year$/.test(s)) return 180;
  if (/^一年半$/.test(s)) return 545;
  const m = /^([0-9.]+|[零〇一二两三四五六七八九十百]+|a|an|one)(天|日|days?|周|星期|个?礼拜|weeks?|个月|個月|months?|年|years?)?$/.exec(s);
  if (!m) return null;
  const n = numberOf(m[1] ?? '');
  if (n === null || !Number.isInteger(n)) return null;
  const unit = m[2] ?? '天';
  if (/周|星期|礼拜|week/.test(unit)) return n * 7;
  if (/年|year/.test(unit)) return n * 365;
  if (/月|month/.test(unit)) return n * 30;
  return n;
}

/** `given`: the user named the due date itself; otherwise it was counted back from a number of days. */
export type OverdueParse =
  /** `days` overdue: 0 when the due date is today or still ahead. */
  | { ok: true; dueDate: IsoDate; days: number; given: boolean }
  | { ok: false; reason: 'empty' | 'unrecognised' | 'not_yet' | 'too_far' | 'too_old' };

const MAX_OVERDUE_DAYS = 3650;
/** A due date further ahead than the next year's bills is a typo, not a plan. */
const MAX_AHEAD_DAYS = 366;
/** Bills come monthly: a day without a year is still ahead only when it is one of the next two bills. */
const NEXT_BILLS_DAYS = 62;

const NOT_YET = /^(还?没有?(逾期|到期|到还款日)|未逾期|还没逾期呢|not (yet )?(overdue|due|late)|not yet)$/;
/** "还有5天到期", "5天后还款", "in 5 days", "due in 5 days", "5 days left": the due date is still ahead. */
const DUE_IN =
  /^(?:还有|还剩|离还款日还有|距离还款日还有)([0-9]+|[一二两三四五六七八九十]+)(?:天|日)(?:后|以后)?(?:到期|还款)?$|^([0-9]+|[一二两三四五六七八九十]+)(?:天|日)(?:后|以后|之后)(?:到期|还款)?$|^(?:due )?in (\d+) days?$|^(\d+) days? (?:from now|left|to go)$/;

/**
 * How long overdue: a number of days (weeks, months) or the missed due date; or, for someone not overdue yet, the
 * coming due date. A day without a year ("12月9日") is the nearest such day, before or after today, unless that is
 * more than two months ahead: the question asks for a missed date, so "5月9日" said in November is this May's.
 */
export function parseOverdue(text: string, today: IsoDate): OverdueParse {
  const raw = toHalfWidth(text).toLowerCase().replace(/\s+/g, ' ').trim();
  if (NOT_YET.test(raw.replace(/[\s。.!！,，]/g, '')) || NOT_YET.test(raw.replace(/[.!]$/, ''))) return { ok: false, reason: 'not_yet' };
  const dueIn = DUE_IN.exec(raw.replace(/[\s。!！]/g, '')) ?? DUE_IN.exec(raw.replace(/[.!]$/, ''));
  if (dueIn) {
    const ahead = numberOf(dueIn.slice(1).find((g) => g !== undefined) ?? '');
    if (ahead === null || !Number.isInteger(ahead)) return { ok: false, reason: 'unrecognised' };
    return ahead > MAX_AHEAD_DAYS ? { ok: false, reason: 'too_far' } : { ok: true, dueDate: addDays(today, ahead), days: 0, given: false };
  }
  const s = raw
    .replace(/逾期|已经|大概|大约|差不多|左右|了|有|快|overdue|about|around|already|late|for/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length === 0) return { ok: false, reason: 'empty' };
  const days = durationDays(s.replace(/\s/g, ''));
  if (days !== null) {
    return days > MAX_OVERDUE_DAYS ? { ok: false, reason: 'too_old' } : { ok: true, dueDate: addDays(today, -days), days, given: false };
  }
  const monthDay = /^(上|下)个?月(\d{1,2})[号日]?$/.exec(s);
  const candidate = monthDay ? `${addMonths(today, monthDay[1] === '上' ? -1 : 1).slice(0, 7)}-${monthDay[2]!.padStart(2, '0')}` : s;
  const past = parseDay(candidate, today, 'past');
  // A day of the month alone ("9号") answers which due date was missed: the latest such day, not the next one.
  if (isBareDayOfMonth(candidate)) {
    return past.ok ? { ok: true, dueDate: past.day, days: daysBetween(past.day, today), given: true } : { ok: false, reason: 'unrecognised' };
  }
  const future = parseDay(candidate, today, 'future');
  const pastDays = past.ok ? daysBetween(past.day, today) : Infinity;
  const futureDays = future.ok ? daysBetween(today, future.day) : Infinity;
  if (past.ok && (pastDays <= futureDays || futureDays > NEXT_BILLS_DAYS)) {
    return pastDays > MAX_OVERDUE_DAYS ? { ok: false, reason: 'too_old' } : { ok: true, dueDate: past.day, days: pastDays, given: true };
  }
  if (future.ok) {
    return futureDays > MAX_AHEAD_DAYS ? { ok: false, reason: 'too_far' } : { ok: true, dueDate: future.day, days: 0, given: true };
  }
  return { ok: false, reason: 'unrecognised' };
}

export type SinceParse = { ok: true; since: string } | { ok: false; reason: 'empty' | 'unrecognised' | 'future' };

const EN_MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: (\d{4}))?$/;

/** When the hardship began: a month ('2026年8月', '上个月', '三个月前', 'Aug 2026') or a day ('8月15日'). */
export function parseSince(text: string, today: IsoDate): SinceParse {
  const s = toHalfWidth(text).toLowerCase().replace(/从|开始|起|大概|大约|左右|since|about|around/g, '').replace(/\s+/g, ' ').trim();
  if (s.length === 0) return { ok: false, reason: 'empty' };
  const thisMonth = today.slice(0, 7);
  const ty = Number(today.slice(0, 4));
  const month = (y: number, m: number): SinceParse => {
    if (m < 1 || m > 12) return { ok: false, reason: 'unrecognised' };
    const ym = `${y}-${String(m).padStart(2, '0')}`;
    return ym > thisMonth ? { ok: false, reason: 'future' } : { ok: true, since: ym };
  };
  const back = (n: number): SinceParse => ({ ok: true, since: addMonths(`${thisMonth}-01`, -n).slice(0, 7) });

  if (/^(这个月|本月|this month)$/.test(s)) return back(0);
  if (/^(上个?月|last month)$/.test(s)) return back(1);
  if (/^上上个?月$/.test(s)) return back(2);
  if (/^(今年初|年初|今年年初|start of (this|the) year|beginning of (this|the) year)$/.test(s)) return month(ty, 1);
  if (/^(去年底|去年年底|end of last year)$/.test(s)) return month(ty - 1, 12);
  if (/^(去年初|去年年初|start of last year|beginning of last year)$/.test(s)) return month(ty - 1, 1);
  // "三个月前", "半年前", "一年前", "2 years ago"; asked when it began, "半年" alone means as long ago.
  if (/^(半年|half a year)\s*(前|以前|之前|ago)?$/.test(s)) return back(6);
  const ago = /^([0-9]+|[一二两三四五六七八九十]+|a|an|one)\s*(个月|個月|months?|年|years?)\s*(前|以前|之前|ago|back)?$/.exec(s);
  if (ago) {
    const n = numberOf(ago[1] ?? '');
    const months = n === null ? null : /年|year/.test(ago[2] ?? '') ? n * 12 : n;
    return months === null || months > 600 ? { ok: false, reason: 'unrecognised' } : back(months);
  }
  const ym = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*月?份?$/.exec(s);
  if (ym) return month(Number(ym[1]), Number(ym[2]));
  const cnMonth = /^(去年|今年)?(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月份?$/.exec(s);
  if (cnMonth) {
    const m = numberOf(cnMonth[2] ?? '') ?? 0;
    const y = cnMonth[1] === '去年' ? ty - 1 : cnMonth[1] === '今年' ? ty : `${ty}-${String(m).padStart(2, '0')}` > thisMonth ? ty - 1 : ty;
    return month(y, m);
  }
  const lastYear = /^last (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/.exec(s);
  if (lastYear) {
    const m = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(lastYear[1] ?? '') + 1;
    // "last December" said in December is a year ago; said in March, it is the December just gone.
    return month(`${ty}-${String(m).padStart(2, '0')}` >= thisMonth ? ty - 1 : ty, m);
  }
  const en = EN_MONTH.exec(s);
  if (en) {
    const m = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(en[1] ?? '') + 1;
    const y = en[2] ? Number(en[2]) : `${ty}-${String(m).padStart(2, '0')}` > thisMonth ? ty - 1 : ty;
    return month(y, m);
  }
  const day = parseDay(s, today, 'past');
  if (day.ok) return { ok: true, since: day.day };
  return { ok: false, reason: day.reason === 'wrong_side' ? 'future' : 'unrecognised' };
}
