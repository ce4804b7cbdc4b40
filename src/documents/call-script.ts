import type { LenderCase } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { budget } from '../domain/budget.js';
import { formatDate } from '../domain/dates.js';
import { daysOverdue } from '../domain/debts.js';
import { BANK_HOTLINES, getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import type { Translate } from '../i18n/index.js';
import { cardBank, productName } from './names.js';
import { causeSentence } from './sentences.js';

/**
 * The call to the lender, in the person's words to say: the script on the contact screen and the crib card kept by
 * the phone are written from these same parts. Beside the documents, so a document needs nothing from the renderer.
 */

/** What a month leaves the person, from the budget they gave; null until income and essentials are known. */
export const surplusOf = (ctx: LenderCase) =>
  budget({ incomeFen: ctx.facts.incomeFen, essentialsFen: ctx.facts.essentialsFen, otherDebtsFen: ctx.facts.otherDebtsFen ?? 0 });

/** How this lender's share is said in the call script: in proportion, its chosen minimum, or short of it. */
const SCRIPT_SHARE = {
  ratio: 'contact.script.canPayShare',
  minimum: 'contact.script.canPayMinimum',
  short: 'contact.script.canPayShort',
  full: 'contact.script.canPayFull',
} as const;

/**
 * What to say on the phone, assembled only from what the user told us; unknown parts are left out, not guessed.
 * In three parts, as the crib card lays them out: who you are and what is owed, why and what you can pay, the asks.
 */
export function callScriptParts(ctx: LenderCase, t: Translate, today: IsoDate): { opening: string; situation: string; asks: string[]; extension: boolean } {
  const f = ctx.facts;
  const days = daysOverdue(ctx.facts, today);
  const b = surplusOf(ctx);
  // A card's holder says so ("招商银行信用卡的持卡人"); a lender the list cannot name is called by the name given.
  const card = f.product === 'credit_card';
  const hello = card ? 'contact.script.helloCard' : 'contact.script.hello';
  const unnamed = card ? cardBank(f, t) === null : f.product === 'other' && f.lenderName === null;
  const opening = [f.product === null || unnamed ? t('contact.script.helloUnknown') : t(hello, { product: productName(ctx, t) })];
  if (f.amountFen !== null && f.dueDate !== null && f.dueDate >= today) {
    // Not overdue yet: the call is about the coming due date.
    opening.push(t('contact.script.dueSoon', { amount: formatFen(f.amountFen, ctx.lang), due: formatDate(f.dueDate, ctx.lang) }));
  } else if (f.amountFen !== null && days !== null) {
    opening.push(t('contact.script.debt', { amount: formatFen(f.amountFen, ctx.lang), count: days }));
  }
  const situation: string[] = [];
  const cause = causeSentence('contact.script', ctx, t, today);
  if (cause !== null) situation.push(cause);
  situation.push(
    ctx.share
      ? t(SCRIPT_SHARE[ctx.share.basis], {
          amount: formatFen(ctx.share.ofFen, ctx.lang),
          share: formatFen(ctx.share.fen, ctx.lang),
          minimum: formatFen(ctx.share.minimumFen ?? 0, ctx.lang),
          debts: ctx.share.debts,
        })
      : b && b.surplusFen > 0
      ? t('contact.script.canPay', { amount: formatFen(b.surplusFen, ctx.lang) })
      : b
        ? t('contact.script.cannotPayNow')
        : t('contact.script.willing'),
  );
  const beforeDue = f.dueDate !== null && f.dueDate >= today;
  // Before the due date nothing overdue is charged yet, so there are no overdue fees to ask off.
  // A lender whose minimum cannot be met is asked for time (or a lower amount), as with nothing to spare.
  const extension = (b !== null && b.surplusFen <= 0) || ctx.share?.basis === 'short';
  const asks = [t(beforeDue ? 'contact.script.askBeforeDue' : extension ? 'contact.script.askExtension' : 'contact.script.askInstalments'), t('contact.script.askWritten')];
  return { opening: opening.join(''), situation: situation.join(''), asks, extension };
}

export function callScript(ctx: LenderCase, t: Translate, today: IsoDate): string {
  const p = callScriptParts(ctx, t, today);
  return [p.opening, p.situation, ...p.asks].join('');
}

/** Where to reach the lender itself, for a complaint as for a call: the numbers we can name, and its in-app service. */
export function lenderChannel(ctx: LenderCase, t: Translate): string {
  const { product, bank } = ctx.facts;
  const card = bank ? BANK_HOTLINES[bank] : undefined;
  const hotlines = product === null ? [] : product === 'credit_card' ? (card ? [card] : []) : getLender(product).hotlines;
  const numbers = hotlines.filter((h) => h.confidence === 'high' || h.confidence === 'medium').map((h) => h.number);
  return [...numbers, t('rehearsal.card.inApp')].join(' / ');
}

