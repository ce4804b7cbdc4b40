import type { TFunction } from 'i18next';
import { LIMITS, type LenderCase, type Complaint } from '../../flows/case.js';
import { causeSentence, ownWordsSentence } from './sentences.js';
import type { IsoDate } from '../domain/catalog.js';
import { budget, standingOf } from '../domain/budget.js';
import { daysBetween, formatDate } from '../domain/dates.js';
import { HOTLINES } from '../domain/facts.js';
import { getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import { lenderNames } from './lender-name.js';
import type { Block, DocLang, DocModel, DocumentKind, FieldRow } from './model.js';

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
    // An extension has no monthly amount: the day repayment starts again instead.
    (c) => (c.plan.kind === 'extension' ? ['plan.firstDue', c.plan.firstDue] : ['plan.monthlyFen', c.plan.monthlyFen]),
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

/**
 * Loans repaid in instalments (借呗, 微粒贷, 金条): what the person owes is the loan's balance, and only the
 * instalment that fell due is overdue (FACTS §1.3), so a letter states the balance, not "the overdue amount".
 */
const isInstalmentLoan = (product: LenderCase['facts']['product']): boolean => product !== null && getLender(product).planPricing === 'daily_interest';

/**
 * An agreed plan as a letter states it: "分 9 期偿还，每期约 2,222.23 元" (约 where the debt was divided and rounded), or
 * an extension: "延期 3 个月，自 2027年3月1日 起恢复还款".
 */
export function planTerms(
  ctx: LenderCase,
  tx: (key: string, vars?: Vars) => string,
  money: (fen: number) => string,
  date: (iso: IsoDate) => string,
): string | null {
  const { monthlyFen, months, firstDue } = ctx.plan;
  if (ctx.plan.status !== 'approved' || months === null) return null;
  if (ctx.plan.kind === 'extension') return firstDue === null ? null : tx('extensionTerms', { count: months, date: date(firstDue) });
  if (monthlyFen === null) return null;
  // The debt divided and rounded to the fen (9 × 2,222.23 is not 20,000): the instalments are "about" that much.
  const owed = ctx.facts.amountFen;
  const rounded = owed !== null && monthlyFen * months !== owed && Math.abs(monthlyFen * months - owed) <= months;
  return tx('planTerms', { count: months, monthly: money(monthlyFen), about: rounded ? tx('about') : '' });
}

/**
 * The person's own account of a complaint, after its date unless it names the date itself ("12月3日起…"); a text
 * cut at the length limit mid-sentence says so instead of stopping mid-word.
 */
function complaintAccount(what: string, when: IsoDate, lang: DocLang, tx: (key: string, vars?: Vars) => string): string {
  const [, m, d] = when.split('-').map(Number) as [number, number, number];
  const datedByUser = [`${m}月${d}日`, `${m}月${d}号`, when, `${m}/${d}`, `${m}.${d}`].some((s) => what.includes(s));
  const cut = what.length >= LIMITS.freeText && !/[。！？!?.…」』）)]$/.test(what);
  const text = cut ? `${what}${tx('complaint.whatCut')}` : what;
  return datedByUser ? text : tx('complaint.what', { when: formatDate(when, lang), what: text });
}

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
  const names = lenderNames(f, td, tx);
  const lenderName = names.addressee;
  // 贵行 to a bank (a card centre, 微众银行), 贵司 to anyone else, the same word all through the letter.
  const you = tx(getLender(product).isBank ? 'address.bank' : 'address.company');
  const money = (fen: number) => formatFen(fen, lang);
  const date = (iso: IsoDate) => formatDate(iso, lang);

  const about = { lender: names.file, author: tx('author') };
  // An agreed extension names its restart day in its own terms; instalments add their first day after.
  const extension = ctx.plan.kind === 'extension';
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
    // Only a call logged as an agreement is said to have agreed the plan; without one, no date is claimed.
    const agreedCall = ctx.calls.filter((c) => c.outcome === 'agreed').at(-1);
    const parts = [
      tx('confirmation.hello', { holder: names.holder }),
      agreedCall
        ? tx(agreedCall.agentId ? 'confirmation.agreedWithAgent' : 'confirmation.agreed', { date: date(agreedCall.date), agent: agreedCall.agentId ?? '', you })
        : tx('confirmation.agreedNoDate', { you }),
      tx('confirmation.plan', { terms: planTerms(ctx, tx, money, date) ?? '' }),
      ...(ctx.plan.firstDue && !extension ? [tx('confirmation.firstDue', { date: date(ctx.plan.firstDue) })] : []),
      tx('confirmation.ask'),
    ];
    return {
      kind,
      lang,
      title: tx('confirmation.title', { lender: names.name }),
      filename: tx('confirmation.filename'),
      ...about,
      blocks: [...referenceNote(lang, tx), identity, { type: 'paragraph', text: parts.join('') }, signature],
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
      ...about,
      blocks: [
        ...referenceNote(lang, tx),
        { type: 'addressee', text: tx('complaint.to', { lender: lenderName }) },
        identity,
        { type: 'paragraph', text: tx(`complaint.intro.${complaintKind}`, { holder: names.holder, you }) },
        { type: 'heading', text: tx('complaint.whatTitle') },
        { type: 'paragraph', text: complaintAccount(c.what ?? '', c.when ?? today, lang, tx) },
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
  // What this lender can be offered a month: its share where several debts split the amount, else all of it.
  const spare = ctx.share ? ctx.share.fen : b && b.surplusFen > 0 ? b.surplusFen : null;
  // A plan already agreed is confirmed, not asked for again; the other requests stand beside it.
  const agreed = planTerms(ctx, tx, money, date);
  const requests = ctx.statement.requests
    .filter((r) => (r !== 'penalty_reduction' || days > 0) && (agreed === null || r !== (extension ? 'extension' : 'instalments')))
    .map((r) => {
      if (r !== 'instalments') return tx(`statement.request.${r}`);
      return ctx.share
        ? tx(SHARE_REQUEST[ctx.share.basis], {
            you,
            monthly: money(ctx.share.ofFen),
            share: money(ctx.share.fen),
            minimum: money(ctx.share.minimumFen ?? 0),
            debts: ctx.share.debts,
          })
        : spare !== null
          ? tx('statement.request.instalmentsMonthly', { monthly: money(spare) })
          : tx('statement.request.instalments');
    });
  const evidence = ctx.evidence.map((e) => td(`domain.evidence.${e}.label`));
  function debtLine(): string {
    const due = f.dueDate ?? today;
    const vars = { product: names.name, amount: money(f.amountFen ?? 0), due: date(due), today: date(today), count: days };
    const key = (k: string) => `statement.${isInstalmentLoan(product) ? `loan${k[0]!.toUpperCase()}${k.slice(1)}` : k}`;
    // Not overdue yet: the letter asks ahead of the due date, in days where only days were given.
    if (due >= today) return f.dueDateGiven ? tx(key('debtDue'), vars) : tx(key('debtDueIn'), { ...vars, count: daysBetween(today, due) });
    // "30天" gives days, not a date: the letter then says "about N days" and names no due date.
    return tx(key(f.dueDateGiven ? 'debt' : 'debtAbout'), vars);
  }
  const blocks: Block[] = [
    ...referenceNote(lang, tx),
    { type: 'addressee', text: tx('statement.to', { lender: lenderName }) },
    identity,
    { type: 'paragraph', text: tx('statement.opening', { you }) },
    { type: 'paragraph', text: debtLine() },
    { type: 'paragraph', text: causeSentence('documents.statement', { ...ctx, lang }, td, today) ?? '' },
  ];
  const ownWords = ownWordsSentence('documents.statement', { ...ctx, lang }, td);
  if (ownWords !== null) blocks.push({ type: 'paragraph', text: ownWords });
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
  if (agreed !== null) {
    const first = ctx.plan.firstDue && !extension ? tx('statement.agreedFirst', { date: date(ctx.plan.firstDue) }) : '';
    // An agreed plan above what the letter says can be spared says why it is still the plan.
    const over = b !== null && (ctx.plan.monthlyFen ?? 0) > (spare ?? 0);
    blocks.push(
      { type: 'heading', text: tx('statement.agreedTitle') },
      {
        type: 'paragraph',
        text:
          tx('statement.agreed', { you, terms: agreed, first }) +
          (over
            ? ctx.share
              ? tx('statement.agreedOverShare', { you, spare: money(ctx.share.fen), monthly: money(ctx.share.ofFen), debts: ctx.share.debts })
              : tx(spare === null ? 'statement.agreedNoSpare' : 'statement.agreedOverBudget', { you, spare: money(spare ?? 0) })
            : ''),
      },
    );
  }
  if (requests.length > 0) {
    blocks.push({ type: 'heading', text: tx('statement.requestTitle') }, { type: 'list', items: punctuate(requests, tx) });
    // Art. 70 is a request the bank MAY grant (FACTS §4.1), asked for once, after the list.
    if (product === 'credit_card' && requests.length > 0 && ctx.statement.requests.includes('instalments') && (agreed === null || extension)) {
      blocks.push({ type: 'paragraph', text: tx('statement.cardArticle70') });
    }
  }
  if (evidence.length > 0) blocks.push({ type: 'heading', text: tx('evidenceTitle') }, { type: 'list', items: evidence });
  blocks.push({ type: 'paragraph', text: tx('statement.commitment', { you }) }, signature);
  return { kind, lang, title: tx('statement.title'), filename: tx('statement.filename'), ...about, blocks };
}
