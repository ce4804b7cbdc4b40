import type { TFunction } from 'i18next';
import type { LenderCase, Complaint } from '../../flows/case.js';
import { causeSentence } from './sentences.js';
import type { IsoDate } from '../domain/catalog.js';
import { budget, standingOf } from '../domain/budget.js';
import { daysBetween, formatDate } from '../domain/dates.js';
import { HOTLINES } from '../domain/facts.js';
import { getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import type { Block, DocLang, DocModel, DocumentKind, FieldRow } from './model.js';

/** The case fields each document cannot be written without; anything else is optional and left out or blank. */
/** The documents about one lender; the summary letter is about every debt (`documentFor`). */
export type LenderDocumentKind = Exclude<DocumentKind, 'summary' | 'crib'>;

const REQUIRED: Record<LenderDocumentKind, Array<(c: LenderCase) => [string, unknown]>> = {
  statement: [
    (c) => ['facts.product', c.facts.product],
    (c) => ['facts.amountFen', c.facts.amountFen],
    (c) => ['facts.dueDate', c.facts.dueDate],
    (c) => ['facts.cause', c.facts.cause],
  ],
  confirmation: [
    (c) => ['facts.product', c.facts.product],
    (c) => ['plan.monthlyFen', c.plan.monthlyFen],
    (c) => ['plan.months', c.plan.months],
  ],
  complaint: [
    (c) => ['facts.product', c.facts.product],
    (c) => ['complaint.kind', c.complaint.kind],
    (c) => ['complaint.what', c.complaint.what],
    (c) => ['complaint.when', c.complaint.when],
  ],
};

/** How the statement asks this lender from its share: in proportion, its minimum, short of it, or paid off at once. */
const SHARE_REQUEST = {
  ratio: 'statement.request.instalmentsShare',
  minimum: 'statement.request.instalmentsShareMinimum',
  short: 'statement.request.instalmentsShareShort',
  full: 'statement.request.instalmentsShareFull',
} as const;

/** Evidence that fits a complaint: collection records for a collector, the hardship papers for a refusal. */
const COLLECTION_EVIDENCE = ['collection_records'];
const complaintEvidence = (kind: NonNullable<Complaint['kind']>, ticked: readonly string[]): string[] =>
  ticked.filter((e) => (kind === 'collector' ? COLLECTION_EVIDENCE.includes(e) : !COLLECTION_EVIDENCE.includes(e)));

/** A list of requests reads as one sentence: "；" between items, "。" after the last. */
const punctuate = (items: string[], tx: (key: string) => string): string[] =>
  items.map((item, i) => `${item}${tx(i === items.length - 1 ? 'list.end' : 'list.separator')}`);

/** An English copy is for the user to read; the lender gets the Chinese one. */
const referenceNote = (lang: DocLang, tx: (key: string) => string): Block[] =>
  lang === 'en' ? [{ type: 'paragraph', text: tx('referenceNote') }] : [];

/** The statement's budget sentence, by where a month leaves the person. */
const STATEMENT_BUDGET = { surplus: 'statement.budgetSurplus', even: 'statement.budgetEven', gap: 'statement.budgetGap' } as const;

export function missingFor(kind: LenderDocumentKind, ctx: LenderCase): string[] {
  return REQUIRED[kind].map((f) => f(ctx)).filter(([, v]) => v === null).map(([name]) => name);
}

type Vars = Record<string, string | number>;

/**
 * Documents are literal text (escaping for chat happens later), so interpolation never HTML-escapes here. Only
 * what the user told us goes in: every optional part is left out, never guessed.
 */
export function composeDocument(kind: LenderDocumentKind, ctx: LenderCase, lang: DocLang, t: TFunction, today: IsoDate): DocModel {
  const tx = (key: string, vars: Vars = {}) => t(`documents.${key}`, { ...vars, interpolation: { escapeValue: false } });
  // Outside `documents.*` (product names, causes); typed as a translator so shared sentence builders can use it.
  const td = ((key: string, vars: Vars = {}) => t(key, { ...vars, interpolation: { escapeValue: false } })) as TFunction;
  const f = ctx.facts;
  const product = f.product ?? 'other';
  const productName = td(`domain.product.${product}.name`);
  const lenderName =
    product === 'credit_card'
      ? tx('cardCentre', { bank: f.bank && f.bank !== 'other_bank' ? td(`domain.bank.${f.bank}`) : tx('yourBank') })
      : getLender(product).company
        ? td(`domain.product.${product}.company`)
        : tx('serviceDept', { product: productName });
  // 贵行 to a bank (a card centre, 微众银行), 贵司 to anyone else, the same word all through the letter.
  const you = tx(getLender(product).isBank ? 'address.bank' : 'address.company');
  const money = (fen: number) => formatFen(fen, lang);
  const date = (iso: IsoDate) => formatDate(iso, lang);

  const identity: Block = {
    type: 'fields',
    rows: [
      { label: tx('field.name'), value: ctx.statement.name },
      { label: tx('field.phoneTail'), value: ctx.statement.phoneTail },
      { label: tx('field.idTail'), value: ctx.statement.idTail },
    ],
  };
  const signature: Block = {
    type: 'signature',
    rows: [
      { label: tx('field.signature'), value: null },
      { label: tx('field.date'), value: date(today) },
    ] satisfies FieldRow[],
  };

  if (kind === 'confirmation') {
    // The last call that reached someone is when the plan was talked through; without one, no date is claimed.
    const last = ctx.calls.filter((c) => c.outcome !== 'not_reached').at(-1);
    const parts = [
      tx('confirmation.hello', { product: productName }),
      last
        ? tx(last.agentId ? 'confirmation.agreedWithAgent' : 'confirmation.agreed', { date: date(last.date), agent: last.agentId ?? '', you })
        : tx('confirmation.agreedNoDate', { you }),
      tx('confirmation.plan', { count: ctx.plan.months ?? 0, monthly: money(ctx.plan.monthlyFen ?? 0) }),
      ...(ctx.plan.firstDue ? [tx('confirmation.firstDue', { date: date(ctx.plan.firstDue) })] : []),
      tx('confirmation.ask'),
    ];
    return {
      kind,
      lang,
      title: tx('confirmation.title'),
      filename: tx('confirmation.filename'),
      blocks: [...referenceNote(lang, tx), { type: 'paragraph', text: parts.join('') }],
    };
  }

  if (kind === 'complaint') {
    const c = ctx.complaint;
    const complaintKind = c.kind ?? 'refusal';
    // A refusal letter shows the user's own attempts to reach the lender; a collector letter is about the collector.
    const refusal = complaintKind !== 'collector';
    const calls = refusal
      ? ctx.calls.map((call) =>
          tx('complaint.callLine', {
            date: date(call.date),
            channel: td(`contact.channel.${call.channel}`),
            outcome: td(`contact.outcome.${call.outcome}`),
            agent: call.agentId ?? tx('notGiven'),
          }),
        )
      : [];
    const evidence = [
      ...complaintEvidence(complaintKind, ctx.evidence).map((e) => td(`domain.evidence.${e}.label`)),
      ...(calls.length > 0 ? [tx('complaint.callRecords')] : []),
    ];
    return {
      kind,
      lang,
      title: tx('complaint.title'),
      filename: tx('complaint.filename'),
      blocks: [
        ...referenceNote(lang, tx),
        { type: 'addressee', text: tx('complaint.to', { lender: lenderName }) },
        identity,
        { type: 'paragraph', text: tx(`complaint.intro.${complaintKind}`, { product: productName, you }) },
        { type: 'heading', text: tx('complaint.whatTitle') },
        { type: 'paragraph', text: tx('complaint.what', { when: date(c.when ?? today), what: c.what ?? '' }) },
        ...(calls.length > 0 ? [{ type: 'heading', text: tx('complaint.callsTitle', { you }) } as Block, { type: 'list', items: calls } as Block] : []),
        ...(evidence.length > 0 ? [{ type: 'heading', text: tx('evidenceTitle') } as Block, { type: 'list', items: evidence } as Block] : []),
        { type: 'heading', text: tx('complaint.askTitle') },
        { type: 'paragraph', text: tx(`complaint.ask.${complaintKind}`, { you }) },
        {
          type: 'paragraph',
          text: tx('complaint.escalation', { you, nfra: HOTLINES.nfraComplaints.number, pboc: HOTLINES.pbocConsumer.number }),
        },
        signature,
      ],
    };
  }

  const days = f.dueDate ? Math.max(0, daysBetween(f.dueDate, today)) : 0;
  const b = budget({ incomeFen: f.incomeFen, essentialsFen: f.essentialsFen, otherDebtsFen: f.otherDebtsFen ?? 0 });
  // Not overdue yet: there are no overdue charges to ask to waive.
  const requests = ctx.statement.requests.filter((r) => r !== 'penalty_reduction' || days > 0).map((r) => {
    if (r !== 'instalments') return tx(`statement.request.${r}`);
    return ctx.plan.monthlyFen !== null && ctx.plan.months !== null
      ? tx('statement.request.instalmentsPlan', { count: ctx.plan.months, monthly: money(ctx.plan.monthlyFen) })
      : ctx.share
        ? tx(SHARE_REQUEST[ctx.share.basis], { you, monthly: money(ctx.share.ofFen), share: money(ctx.share.fen), minimum: money(ctx.share.minimumFen ?? 0) })
        : b && b.surplusFen > 0
        ? tx('statement.request.instalmentsMonthly', { monthly: money(b.surplusFen) })
        : tx('statement.request.instalments');
  });
  const evidence = ctx.evidence.map((e) => td(`domain.evidence.${e}.label`));
  function debtLine(): string {
    const due = f.dueDate ?? today;
    const vars = { product: productName, amount: money(f.amountFen ?? 0), due: date(due), today: date(today), count: days };
    // Not overdue yet: the letter asks ahead of the due date, in days where only days were given.
    if (due >= today) return f.dueDateGiven ? tx('statement.debtDue', vars) : tx('statement.debtDueIn', { ...vars, count: daysBetween(today, due) });
    // "30天" gives days, not a date: the letter then says "about N days" and names no due date.
    return tx(f.dueDateGiven ? 'statement.debt' : 'statement.debtAbout', vars);
  }
  const blocks: Block[] = [
    ...referenceNote(lang, tx),
    { type: 'addressee', text: tx('statement.to', { lender: lenderName }) },
    identity,
    { type: 'paragraph', text: tx('statement.opening', { you }) },
    { type: 'paragraph', text: debtLine() },
    { type: 'paragraph', text: causeSentence('documents.statement', { ...ctx, lang }, td, today) ?? '' },
  ];
  if (b && f.incomeFen !== null && f.essentialsFen !== null) {
    const other = f.otherDebtsFen ? tx('statement.budgetOther', { other: money(f.otherDebtsFen) }) : '';
    blocks.push({
      type: 'paragraph',
      text:
        (f.incomeFen === 0
          ? tx('statement.budgetNoIncome', { essentials: money(f.essentialsFen) })
          : tx('statement.budget', { income: money(f.incomeFen), essentials: money(f.essentialsFen) })) +
        other +
        tx(STATEMENT_BUDGET[standingOf(b)], { surplus: money(b.surplusFen), gap: money(b.gapFen) }),
    });
  }
  if (requests.length > 0) {
    blocks.push({ type: 'heading', text: tx('statement.requestTitle') }, { type: 'list', items: punctuate(requests, tx) });
    // Art. 70 is a request the bank MAY grant (FACTS §4.1), asked for once, after the list.
    if (product === 'credit_card' && ctx.statement.requests.includes('instalments')) {
      blocks.push({ type: 'paragraph', text: tx('statement.cardArticle70') });
    }
  }
  if (evidence.length > 0) blocks.push({ type: 'heading', text: tx('evidenceTitle') }, { type: 'list', items: evidence });
  blocks.push({ type: 'paragraph', text: tx('statement.commitment', { you }) }, signature);
  return { kind, lang, title: tx('statement.title'), filename: tx('statement.filename'), blocks };
}
