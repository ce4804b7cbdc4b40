import { forLender, monthlySplit, stepsOf, type CaseContext, type Debt } from '../../flows/case.js';
import { STEPS, type IsoDate } from '../domain/catalog.js';
import { budget } from '../domain/budget.js';
import { dailyCharge, daysOverdue, priorityOrder, type DailyCharge } from '../domain/debts.js';
import { formatFen } from '../domain/money.js';
import { stepsDone } from '../domain/progress.js';
import { stageOf } from '../domain/stage.js';
import type { Translate } from '../i18n/index.js';
import { globalData } from './callback-data.js';
import type { Button } from './reply.js';
import { debtName } from '../documents/names.js';

/** The debts on the checklist: each with its amount, how long overdue and what it costs a day; the totals. */

/** The label of the button that picks a debt: its place, its name, and a mark on the one the steps work on. */
export const debtPickLabel = (c: CaseContext, index: number, t: Translate): string =>
  t('debts.pick', { mark: index === c.current ? '▶ ' : '', n: index + 1, name: debtName(c, index, t) });

export function chargeText(charge: DailyCharge, lang: CaseContext['lang'], t: Translate): string {
  if (charge.kind === 'estimate') return t(charge.upTo ? 'debts.charge.estimateUpTo' : 'debts.charge.estimate', { amount: formatFen(charge.perDayFen, lang) });
  return t(`debts.charge.${charge.reason}`);
}

/** How far things have gone with this lender: the checklist's steps done for it, calls logged, the plan, the statement. */
function progressText(c: CaseContext, index: number, t: Translate): string {
  const debt = c.debts[index]!;
  const parts = [
    t('debts.progress.steps', { done: stepsDone(stepsOf(c, index)), total: STEPS.length }),
    ...(debt.calls.length > 0 ? [t('debts.progress.calls', { count: debt.calls.length })] : []),
    ...(debt.plan.status !== 'none' ? [t(`debts.progress.plan.${debt.plan.status}`)] : []),
    ...(debt.statementWritten ? [t('debts.progress.statement')] : []),
  ];
  return t('debts.progress.line', { parts: parts.join(t('debts.progress.separator')) });
}

export function stageText(debt: Debt, t: Translate, today: IsoDate): string {
  const days = daysOverdue(debt, today);
  if (days === null) return t('debts.stageUnknown');
  return stageOf(days) === 'not_overdue' ? t('debts.notOverdue') : t('debts.days', { count: days });
}

/** Shown once a debt has a product: before that there is nothing to list. */
export const hasDebtList = (c: CaseContext): boolean => c.debts.some((d) => d.product !== null);

export function debtLines(c: CaseContext, t: Translate, today: IsoDate): string[] {
  const { lang } = c;
  const several = c.debts.length > 1;
  const total = c.debts.reduce((sum, d) => sum + (d.amountFen ?? 0), 0);
  const charges = c.debts.map((d) => dailyCharge(d, today));
  const unknown = charges.filter((ch) => ch.kind === 'unknown').length;
  const perDay = charges.reduce((sum, ch) => sum + (ch.kind === 'estimate' ? ch.perDayFen : 0), 0);
  const lines = [
    t('debts.title', { count: c.debts.length, total: formatFen(total, lang) }),
    ...c.debts.map((d, i) =>
      t('debts.line', {
        mark: several && i === c.current ? '▶ ' : '',
        n: i + 1,
        name: debtName(c, i, t),
        amount: d.amountFen === null ? t('debts.amountUnknown') : formatFen(d.amountFen, lang),
        stage: stageText(d, t, today),
        charge: chargeText(charges[i]!, lang, t),
      }) + (several ? progressText(c, i, t) : ''),
    ),
  ];
  if (several && charges.some((ch) => ch.kind === 'estimate')) lines.push(t('debts.totalCharge', { amount: formatFen(perDay, lang) }));
  if (several && unknown > 0 && charges.some((ch) => ch.kind === 'estimate')) lines.push(t('debts.totalChargeSome', { count: unknown }));
  if (several) lines.push('', t('debts.working', { n: c.current + 1, name: debtName(c, c.current, t) }));
  return lines;
}

/** One button per debt, naming it by its id, to choose which one the steps work on; none while there is only one. */
export function debtButtons(c: CaseContext, t: Translate): Button[] {
  if (c.debts.length < 2) return [];
  return c.debts.map((d, i) => ({ label: debtPickLabel(c, i, t), data: globalData({ type: 'DEBT', id: d.id }) }));
}

/**
 * With several debts and the budget known: the order to deal with them, each with its reason, and the monthly
 * amount shared out (exact to the fen): in proportion to what each is owed, at least the minimum the person chose
 * for a lender. Minimums that cannot all be met are said plainly, with the lenders to ask for an extension.
 * Nothing to spare: an extension first, for all.
 */
const ROW_BY_BASIS = { ratio: 'debts.order.row', minimum: 'debts.order.rowMinimum', short: 'debts.order.rowShort', full: 'debts.order.rowFull' } as const;

export function orderLines(c: CaseContext, t: Translate, today: IsoDate): string[] {
  const b = budget({ incomeFen: c.facts.incomeFen, essentialsFen: c.facts.essentialsFen, otherDebtsFen: c.facts.otherDebtsFen });
  if (c.debts.length < 2 || b === null) return [];
  const split = monthlySplit(c);
  const monthly = split?.ofFen ?? 0;
  const order = priorityOrder(c.debts, today, monthly);
  const reason = (r: string) => t(`debts.order.reason.${r}`);
  const money = (fen: number) => formatFen(fen, c.lang);
  const rows = order.map(({ index, reason: r }, place) => {
    const vars = { n: place + 1, name: debtName(c, index, t), reason: reason(r) };
    const share = forLender(c, index).share;
    if (!share) return t('debts.order.rowNothing', vars);
    return t(ROW_BY_BASIS[share.basis], { ...vars, share: money(share.fen), minimum: money(share.minimumFen ?? 0) });
  });
  const anyMinimum = c.debts.some((d) => d.minimumFen !== null);
  const minimums = c.debts.reduce((sum, d) => sum + (d.minimumFen ?? 0), 0);
  const short =
    split && split.unmet.length > 0
      ? [t('debts.order.short', { amount: money(monthly), minimums: money(minimums), names: split.unmet.map((i) => debtName(c, i, t)).join(t('debts.order.separator')) })]
      : [];
  return [
    split ? t(anyMinimum ? 'debts.order.titleMinimums' : 'debts.order.title', { amount: money(monthly) }) : t('debts.order.nothingToSpare'),
    ...rows,
    ...short,
    // Where to set a minimum, until one is set.
    ...(split && !anyMinimum ? [t('debts.order.minimumHint')] : []),
    t('debts.order.noNewLoan'),
  ];
}

