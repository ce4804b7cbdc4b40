import type { LenderCase } from '../../flows/case.js';
import type { IsoDate, Lang } from '../domain/catalog.js';
import { formatDate, formatMonth } from '../domain/dates.js';
import type { Translate } from '../i18n/index.js';

/**
 * Sentences about the person's hardship that the letters and the call script share, so both say it the same way.
 */

/**
 * When the hardship began, as a sentence says it: 今年8月 / 去年12月3日, "Aug this year" (a letter carries its
 * own date); older years in full.
 */
export function sinceInSentence(since: string, lang: Lang, today: IsoDate, t: Translate): string {
  const full = since.length === 7 ? formatMonth(since, lang) : formatDate(since, lang);
  const year = since.slice(0, 4);
  const ago = Number(today.slice(0, 4)) - Number(year);
  if (ago !== 0 && ago !== 1) return full;
  const relative = t(ago === 0 ? 'summary.since.thisYear' : 'summary.since.lastYear');
  return lang === 'zh-CN' ? `${relative}${full.replace(`${year}年`, '')}` : `${full.replace(` ${year}`, '')} ${relative}`;
}

/** "本人今年8月失业…": one sentence for the cause, with when it began where the user said. */
export function causeSentence(keyPrefix: string, ctx: LenderCase, t: Translate, today: IsoDate): string | null {
  const { cause, causeSince } = ctx.facts;
  if (cause === null) return null;
  return causeSince === null
    ? t(`${keyPrefix}.cause.${cause}`)
    : t(`${keyPrefix}.causeSince.${cause}`, { since: sinceInSentence(causeSince, ctx.lang, today, t) });
}

/** The cause in the person's own words, quoted as said, while it is still the cause they gave; null otherwise. */
export function ownWordsSentence(keyPrefix: string, ctx: LenderCase, t: Translate): string | null {
  const { cause, causeWords } = ctx.facts;
  return causeWords !== null && causeWords.cause === cause ? t(`${keyPrefix}.ownWords`, { words: causeWords.text }) : null;
}
