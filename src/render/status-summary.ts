import type { LenderCase } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { budget, standingAmount, standingOf } from '../domain/budget.js';
import { estimateCharges } from '../domain/charges.js';
import { daysBetween, formatDate } from '../domain/dates.js';
import { daysOverdue } from '../domain/debts.js';
import { HOTLINES, RATES } from '../domain/facts.js';
import { getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import { stageOf } from '../domain/stage.js';
import type { Translate } from '../i18n/index.js';
import { productName, sinceText } from '../documents/names.js';

/** 0.05 % from 5 basis points; trailing zeros dropped. */
export const formatBp = (bp: number): string => `${Number((bp / 100).toFixed(4))}%`;

/** Days overdue as of today, from the stored due date (it grows by itself as days pass). */
export const overdueDays = (ctx: LenderCase, today: IsoDate): number | null => daysOverdue(ctx.facts, today);

/** The step-1 result: where the user stands, what it costs per day, what it means, and one thing to do today. */
export function renderStatusSummary(ctx: LenderCase, t: Translate, today: IsoDate): string {
  const { facts, lang } = ctx;
  const days = overdueDays(ctx, today) ?? 0;
  const stage = stageOf(days);
  const lines: string[] = [`<b>${t('summary.title')}</b>`, ''];

  lines.push(t('summary.product', { product: productName(ctx, t) }));
  const ahead = facts.dueDate !== null && facts.dueDate >= today ? daysBetween(today, facts.dueDate) : null;
  if (facts.amountFen !== null && facts.dueDate !== null && ahead !== null) {
    const due = { amount: formatFen(facts.amountFen, lang), due: formatDate(facts.dueDate, lang) };
    lines.push(ahead === 0 ? t('summary.dueToday', due) : t('summary.dueSoon', { ...due, count: ahead }));
  } else if (facts.amountFen !== null && facts.dueDate !== null) {
    // A due date counted back from "30 days" is not a date anyone gave: only the days are said, as "about".
    lines.push(
      facts.dueDateGiven
        ? t('summary.debt', { amount: formatFen(facts.amountFen, lang), count: days, due: formatDate(facts.dueDate, lang) })
        : t('summary.debtAbout', { amount: formatFen(facts.amountFen, lang), count: days }),
    );
  }
  lines.push(t('summary.stage', { stage: t(`domain.stage.${stage}.name`), meaning: t(`domain.stage.${stage}.meaning`) }));

  // Not overdue yet: nothing is charged, so there is nothing to estimate.
  if (facts.product !== null && facts.amountFen !== null && stage !== 'not_overdue') {
    const rule = getLender(facts.product).penalty;
    const est = estimateCharges({
      product: facts.product,
      overdueFen: facts.amountFen,
      days,
      contractDailyRateBp: facts.dailyRateBp,
    });
    if (est && rule.kind === 'daily_rate') {
      lines.push(
        t('summary.charges.dailyRate', {
          rate: formatBp(rule.bpPerDay),
          perDay: formatFen(est.perDayFen, lang),
          perMonth: formatFen(est.per30DaysFen, lang),
          soFar: formatFen(est.soFarFen, lang),
        }),
      );
    } else if (est && rule.kind === 'contract_multiple' && facts.dailyRateBp !== null) {
      lines.push(
        t('summary.charges.multiple', {
          rate: formatBp(facts.dailyRateBp),
          multiple: rule.multiple,
          perDay: formatFen(est.perDayFen, lang),
          perMonth: formatFen(est.per30DaysFen, lang),
          soFar: formatFen(est.soFarFen, lang),
        }),
      );
    } else if (rule.kind === 'contract_multiple') {
      lines.push(t('summary.charges.needRate', { multiple: rule.multiple }));
    } else if (rule.kind === 'card_rate') {
      lines.push(
        est && facts.dailyRateBp !== null
          ? t('summary.charges.card', {
              rate: formatBp(facts.dailyRateBp),
              perDay: formatFen(est.perDayFen, lang),
              perMonth: formatFen(est.per30DaysFen, lang),
              soFar: formatFen(est.soFarFen, lang),
            })
          : t('summary.charges.cardNeedRate', { common: formatBp(rule.commonBpPerDay) }),
        t('summary.charges.cardLateFee', { share: formatBp(RATES.cardLateFee.bp) }),
      );
    } else {
      // 微粒贷 lives in WeChat: it has no app of its own to look in.
      lines.push(t(facts.product === 'weilidai' ? 'summary.charges.unknownWechat' : 'summary.charges.unknown'));
    }
  }

  const b = budget({ incomeFen: facts.incomeFen, essentialsFen: facts.essentialsFen, otherDebtsFen: facts.otherDebtsFen ?? 0 });
  if (b) {
    lines.push(t(`summary.budget.${standingOf(b)}`, { amount: formatFen(standingAmount(b), lang) }));
  }
  if (facts.cause !== null) {
    lines.push(
      facts.causeSince !== null
        ? t('summary.causeSince', { cause: t(`domain.cause.${facts.cause}`), since: sinceText(facts.causeSince, lang) })
        : t('summary.cause', { cause: t(`domain.cause.${facts.cause}`) }),
    );
  }
  // Lawyer's letters and "legal department" texts start to arrive after a month or so (FACTS §5).
  if (stage === 'm2' || stage === 'm3' || stage === 'm3plus') lines.push('', t('summary.lawyerLetter', { courts: HOTLINES.courts.number }));
  lines.push('', `<b>${t('summary.todayTitle')}</b>`, t(`summary.today.${stage}`));
  if (stage === 'not_overdue') lines.push('', ...beforeDue(facts.product, t));
  return lines.join('\n');
}

/**
 * What can still be done before the due date (FACTS §1.4 no grace period promised, §1.5 花呗 bill instalments up
 * to the repayment day, §1.6 in-app options hedged, §4.4 Art. 678 extension before the due date).
 */
function beforeDue(product: LenderCase['facts']['product'], t: Translate): string[] {
  return [
    `<b>${t('summary.beforeDue.title')}</b>`,
    ...(product === 'huabei' ? [t('summary.beforeDue.huabeiInstalments')] : []),
    ...(product === 'credit_card' ? [t('summary.beforeDue.cardInstalments')] : []),
    ...(product === 'huabei' || product === 'jiebei' ? [t('summary.beforeDue.alipayOptions')] : []),
    t('summary.beforeDue.extension'),
    t('summary.beforeDue.noGrace'),
  ];
}
