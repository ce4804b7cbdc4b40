import type { TFunction } from 'i18next';
import { forLender, type CaseContext } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { budget } from '../domain/budget.js';
import { daysOverdue } from '../domain/debts.js';
import { formatDate } from '../domain/dates.js';
import { HOTLINES } from '../domain/facts.js';
import { formatFen } from '../domain/money.js';
import { debtName } from './names.js';
import type { Block, DocLang, DocModel } from './model.js';

/** A lender's line in the split, as its call script and statement put it. */
const LETTER_SHARE = { ratio: 'share', minimum: 'shareMinimum', short: 'shareShort', full: 'shareFull' } as const;

/**
 * One page for the person's own records and for a legal-aid adviser (FACTS §8.5: 12348): every debt, what can be
 * paid each month and how it is shared, and what was agreed with each lender. Only what the person told us.
 */
export function composeSummaryLetter(c: CaseContext, lang: DocLang, t: TFunction, today: IsoDate): DocModel {
  const tx = (key: string, vars: Record<string, string | number> = {}) =>
    t(`documents.summaryLetter.${key}`, { ...vars, interpolation: { escapeValue: false } });
  const money = (fen: number) => formatFen(fen, lang);
  const nameOf = (i: number): string => debtName(c, i, t, true);
  const total = c.debts.reduce((sum, d) => sum + (d.amountFen ?? 0), 0);

  const debts = c.debts.map((d, i) => {
    const days = daysOverdue(d, today);
    if (d.amountFen === null || days === null) return tx('debtUnknown', { name: nameOf(i) });
    return tx('debt', { name: nameOf(i), amount: money(d.amountFen), overdue: days > 0 ? tx('overdue', { count: days }) : tx('notOverdue') });
  });

  const b = budget({ incomeFen: c.facts.incomeFen, essentialsFen: c.facts.essentialsFen, otherDebtsFen: c.facts.otherDebtsFen });
  const budgetBlocks: Block[] = [];
  if (b && c.facts.incomeFen !== null && c.facts.essentialsFen !== null) {
    budgetBlocks.push({ type: 'heading', text: tx('budgetTitle') });
    if (b.surplusFen > 0) {
      budgetBlocks.push(
        {
          type: 'paragraph',
          text: tx(c.debts.length > 1 && c.debts.some((d) => d.minimumFen !== null) ? 'budgetMinimums' : 'budget', {
            income: money(c.facts.incomeFen),
            essentials: money(c.facts.essentialsFen),
            surplus: money(b.surplusFen),
          }),
        },
        {
          type: 'list',
          items: c.debts.map((_, i) => {
            // Each lender's share as the call script and its statement say it.
            const share = forLender(c, i).share;
            const vars = { name: nameOf(i), share: money(share?.fen ?? b.surplusFen), minimum: money(share?.minimumFen ?? 0) };
            return tx(share ? LETTER_SHARE[share.basis] : 'share', vars);
          }),
        },
      );
    } else budgetBlocks.push({ type: 'paragraph', text: tx('nothingToSpare') });
  }

  const agreed = c.debts.map((_, i) => {
    const { plan, calls } = forLender(c, i);
    const name = nameOf(i);
    const line =
      plan.status === 'approved' && plan.monthlyFen !== null && plan.months !== null
        ? plan.firstDue !== null
          ? tx('plan.approvedFirst', { name, months: plan.months, monthly: money(plan.monthlyFen), first: formatDate(plan.firstDue, lang) })
          : tx('plan.approved', { name, months: plan.months, monthly: money(plan.monthlyFen) })
        : tx(`plan.${plan.status === 'approved' ? 'submitted' : plan.status}`, { name });
    const last = calls.at(-1);
    return last ? line + tx('calls', { count: calls.length, date: formatDate(last.date, lang) }) : line;
  });

  return {
    kind: 'summary',
    lang,
    title: tx('title'),
    filename: tx('filename'),
    blocks: [
      { type: 'paragraph', text: tx('intro', { today: formatDate(today, lang), count: c.debts.length, total: money(total) }) },
      { type: 'heading', text: tx('debtsTitle') },
      { type: 'list', items: debts },
      ...budgetBlocks,
      { type: 'heading', text: tx('agreedTitle') },
      { type: 'list', items: agreed },
      { type: 'paragraph', text: tx('adviser', { number: HOTLINES.legalAid.number }) },
    ],
  };
}
