import type { TFunction } from 'i18next';
import type { Facts } from '../../flows/case.js';
import { getLender } from '../domain/lenders.js';
import { cardBank, productName } from './names.js';

/** How a letter names the lender and the person's debt with it. */
export interface LenderNames {
  /** The debt as people name it: 花呗, 招商银行信用卡, 分期乐; a blank to fill in where no name was given. */
  name: string;
  /** Who the letter is addressed to: the company behind the product, a bank's card centre, a platform's service. */
  addressee: string;
  /** "招商银行信用卡持卡人" / "花呗用户": who the person is to this lender. */
  holder: string;
  /** The name for a file, or null where no name was given (a file is never named after a blank). */
  file: string | null;
}

type Tx = (key: string, vars?: Record<string, string | number>) => string;

/**
 * "其他平台" and "其他银行" are buttons, not names: a lender the list cannot name is called by the name the person
 * gave, or left blank for them to write in by hand. A card is its bank's card (招商银行信用卡), never the product
 * word with the bank in brackets.
 */
export function lenderNames(f: Pick<Facts, 'product' | 'bank' | 'lenderName'>, td: TFunction, tx: Tx): LenderNames {
  const product = f.product ?? 'other';
  if (product === 'credit_card') {
    const bank = cardBank(f, td);
    const name = tx('cardName', { bank: bank ?? tx('yourBank') });
    return { name, addressee: tx('cardCentre', { bank: bank ?? tx('yourBank') }), holder: tx('holder.card', { name }), file: bank === null ? null : name };
  }
  const named = product !== 'other' || f.lenderName !== null;
  const name = named ? productName({ facts: { product, bank: null, lenderName: f.lenderName } }, td, true) : tx('blankLender');
  const addressee = getLender(product).company ? td(`domain.product.${product}.company`) : tx('serviceDept', { product: name });
  return { name, addressee, holder: tx('holder.user', { name }), file: named ? name : null };
}
