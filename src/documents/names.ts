import type { CaseContext, LenderCase } from '../../flows/case.js';
import type { Translate } from '../i18n/index.js';

/**
 * How products and debts are named, in chat and in documents alike. Here, beside the documents, so a document's
 * sentences need nothing from the renderer (the renderer imports documents, never the other way round).
 */

export function productName(
  ctx: { facts: Pick<LenderCase['facts'], 'product' | 'bank'> },
  t: Translate,
  /** For a document's plain text: the names are not HTML-escaped. */
  plain = false,
): string {
  const { product, bank } = ctx.facts;
  if (product === null) return t('summary.unknown');
  const name = t(`domain.product.${product}.name`);
  if (product !== 'credit_card' || bank === null) return name;
  const vars = { product: name, bank: t(`domain.bank.${bank}`) };
  return t('summary.productWithBank', plain ? { ...vars, interpolation: { escapeValue: false } } : vars);
}

/** A debt's name in lists and buttons: its product (a card with its bank); `plain` for a document's text. */
export const debtName = (c: CaseContext, index: number, t: Translate, plain = false): string => {
  const debt = c.debts[index];
  return !debt || debt.product === null ? t('debts.unnamed') : productName({ facts: debt }, t, plain);
};
