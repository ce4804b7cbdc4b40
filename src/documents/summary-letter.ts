import type { TFunction } from 'i18next';
import { forLender, type CaseContext } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { budget } from '../domain/budget.js';
import { dailyCharge, daysOverdue, priorityOrder } from '../domain/debts.js';
import { formatDate } from '../domain/dates.js';
import { HOTLINES } from '../domain/facts.js';
import { formatFen } from '../domain/money.js';
import { planTerms } from './compose.js';
import { lenderNames } from './lender-name.js';
import { sinceText } from './names.js';
import type { Block, DocLang, DocModel } from './model.js';

/** A lender's line in the split, as its call script and statement put it. */
const LETTER_SHARE = { ratio: 'share', minimum: 'shareMinimum', short: 'shareShort', full: 'shareFull' } as const;

/**
 * One document for the person's own records and for a legal-aid adviser (FACTS §8.5: 12348): who is owed what and
 * since when, what each costs a day, which to deal with first and why, what can be paid and how it is shared, and
 * for each lender what was agreed (and whether it is in writing) and every call. Only what the person told us;
 * whatever is unknown is said to be unknown, with why.
 */
export function composeSummaryLetter(c: CaseContext, lang: DocLang, t: TFunction, today: IsoDate): DocModel {
  const raw = (key: string, vars: Record<string, string | number> = {}) => t(key, { ...vars, interpolation: { escapeValue: false } });
  const tx = (key: string, vars: Record<string, string | number> = {}) => raw(`documents.summaryLetter.${key}`, vars);
  const td = raw as unknown as TFunction;
  const txDoc = (key: string, vars: Record<string, string | number> = {}) => raw(`documents.${key}`, vars);
  const money = (fen: number) => formatFen(fen, lang);
  const date = (iso: IsoDate) => formatDate(iso, lang);
  const total = c.debts.reduce((sum, d) => sum + (d.amountFen ?? 0), 0);
  const b = budget({ incomeFen: c.facts.incomeFen, essentialsFen: c.facts.essentialsFen, otherDebtsFen: c.facts.otherDebtsFen });
  const spare = b && b.surplusFen > 0 ? b.surplusFen : 0;
  const order = priorityOrder(c.debts, today, spare);
  const names = c.debts.map((_, i) => lenderNames(forLender(c, i).facts, td, txDoc));

  const situation: Block[] = [{ type: 'heading', text: tx('situationTitle') }];
  if (c.facts.cause !== null) {
    const cause = raw(`domain.cause.${c.facts.cause}`);
    situation.push({
      type: 'paragraph',
      text: c.facts.causeSince === null ? tx('cause', { cause }) : tx('causeSince', { cause, since: sinceText(c.facts.causeSince, lang) }),
    });
  }
  if (b && c.facts.incomeFen !== null && c.facts.essentialsFen !== null) {
    situation.push({
      type: 'paragraph',
      text:
        b.surplusFen > 0
          ? tx(c.debts.length > 1 && c.debts.some((d) => d.minimumFen !== null) ? 'budgetMinimums' : c.debts.length > 1 ? 'budget' : 'budgetOne', {
              income: money(c.facts.incomeFen),
              essentials: money(c.facts.essentialsFen),
              other: money(c.facts.otherDebtsFen ?? 0),
              surplus: money(b.surplusFen),
            })
          : tx('nothingToSpare', { income: money(c.facts.incomeFen), essentials: money(c.facts.essentialsFen) }),
    });
  } else situation.push({ type: 'paragraph', text: tx('budgetUnknown') });

  // The order the debts are best dealt with, each with why, and what each gets of the month's amount.
  const priorities: Block[] = [
    { type: 'heading', text: tx('orderTitle') },
    {
      type: 'list',
      items: order.map(({ index, reason }) => {
        const share = forLender(c, index).share;
        const split = share
          ? tx(LETTER_SHARE[share.basis], { share: money(share.fen), minimum: money(share.minimumFen ?? 0) })
          : spare > 0
            ? tx('share', { share: money(spare) })
            : '';
        return tx('orderLine', { name: names[index]!.name, reason: tx(`reason.${reason}`), split });
      }),
    },
  ];

  const lenders: Block[] = c.debts.flatMap((d, i) => {
    const lender = forLender(c, i);
    const n = names[i]!;
    const days = daysOverdue(d, today);
    const charge = dailyCharge(d, today);
    const terms = planTerms(lender, txDoc, money, date);
    const plan =
      terms !== null
        ? tx(d.agreement.confirmationReceived ? 'planAgreedWritten' : 'planAgreedNotWritten', {
            terms,
            first: d.plan.firstDue && d.plan.kind !== 'extension' ? tx('planFirst', { date: date(d.plan.firstDue) }) : '',
          })
        : tx(`plan.${d.plan.status === 'approved' ? 'submitted' : d.plan.status}`);
    const calls = d.calls.map((call) =>
      tx('callLine', {
        date: date(call.date),
        channel: raw(`contact.channel.${call.channel}`),
        outcome: raw(`contact.outcome.${call.outcome}`),
        agent: call.agentId ?? raw('documents.notGiven'),
        promise: call.promise ? tx('callPromise', { promise: call.promise }) : '',
      }),
    );
    return [
      { type: 'heading', text: tx('lenderTitle', { n: i + 1, name: n.name }) } as Block,
      {
        type: 'list',
        items: [
          tx('legalName', { name: n.addressee }),
          tx('amount', { amount: d.amountFen === null ? raw('documents.notGiven') : money(d.amountFen) }),
          days === null ? tx('overdueUnknown') : days > 0 ? tx('overdue', { count: days }) : tx('notOverdue'),
          charge.kind === 'estimate'
            ? tx(charge.upTo ? 'chargeUpTo' : 'charge', { amount: money(charge.perDayFen) })
            : tx(`chargeUnknown.${charge.reason}`),
          plan,
          ...(calls.length > 0 ? [tx('callsTitle', { count: calls.length })] : [tx('noCalls')]),
        ],
      } as Block,
      ...(calls.length > 0 ? [{ type: 'list', items: calls } as Block] : []),
    ];
  });

  const complaint = c.complaint;
  const complaints: Block[] =
    complaint.kind !== null && complaint.what !== null
      ? [
          { type: 'heading', text: tx('complaintTitle') },
          {
            type: 'paragraph',
            text: tx('complaint', {
              kind: raw(`statement.complaintKind.${complaint.kind}`),
              when: complaint.when ? date(complaint.when) : raw('documents.notGiven'),
              what: complaint.what,
            }),
          },
        ]
      : [];

  return {
    kind: 'summary',
    lang,
    title: tx('title'),
    filename: tx('filename'),
    lender: null,
    author: raw('documents.author'),
    blocks: [
      { type: 'paragraph', text: tx('intro', { today: date(today), count: c.debts.length, total: money(total) }) },
      { type: 'fields', rows: [{ label: raw('documents.field.name'), value: c.statement.name }, { label: raw('documents.field.phoneTail'), value: c.statement.phoneTail }] },
      ...situation,
      ...priorities,
      ...lenders,
      ...complaints,
      { type: 'paragraph', text: tx('adviser', { number: HOTLINES.legalAid.number }) },
      { type: 'signature', rows: [{ label: raw('documents.field.signature'), value: null }, { label: raw('documents.field.date'), value: date(today) }] },
    ],
  };
}
