import type { CaseContext, LenderCase } from '../../flows/case.js';
import { formatDate, formatMonth } from '../domain/dates.js';
import { escapeHtml, type Translate } from '../i18n/index.js';

/**
 * How products and debts are named, in chat and in documents alike. Here, beside the documents, so a document's
 * sentences need nothing from the renderer (the renderer imports documents, never the other way round).
 */

/**
 * A card's bank: from the list, or as the person named one the list lacks ("宁波银行", "宁波银行信用卡", without
 * the card word the name adds itself); null where neither is known.
 */
export function cardBank(f: Pick<LenderCase['facts'], 'bank' | 'lenderName'>, t: Translate): string | null {
  if (f.bank === null) return null;
  if (f.bank !== 'other_bank') return t(`domain.bank.${f.bank}`);
  return f.lenderName === null ? null : f.lenderName.replace(/\s*(信用卡|credit card)$/i, '') || f.lenderName;
}

/**
 * A debt as people name it: 花呗, 招商银行信用卡, or the name given for a lender the list cannot name ("其他平台",
 * "其他银行" are buttons, not names; without a name given, the button's words are all there is to show).
 */
export function productName(
  ctx: { facts: Pick<LenderCase['facts'], 'product' | 'bank' | 'lenderName'> },
  t: Translate,
  /** For a document's plain text: the names are not HTML-escaped. */
  plain = false,
): string {
  const { product, bank, lenderName } = ctx.facts;
  if (product === null) return t('summary.unknown');
  const esc = (s: string) => (plain ? s : escapeHtml(s));
  if (product === 'other' && lenderName !== null) return esc(lenderName);
  const name = t(`domain.product.${product}.name`);
  const issuer = product === 'credit_card' ? cardBank({ bank, lenderName }, t) : null;
  if (issuer === null) return name;
  return t('summary.productWithBank', plain ? { bank: issuer, interpolation: { escapeValue: false } } : { bank: issuer });
}

/** When the hardship began: a month ('2026年8月') or a day. */
export const sinceText = (since: string, lang: LenderCase['lang']): string =>
  since.length === 7 ? formatMonth(since, lang) : formatDate(since, lang);

/** A debt's name in lists and buttons: its product (a card with its bank); `plain` for a document's text. */
export const debtName = (c: CaseContext, index: number, t: Translate, plain = false): string => {
  const debt = c.debts[index];
  return !debt || debt.product === null ? t('debts.unnamed') : productName({ facts: debt }, t, plain);
};
