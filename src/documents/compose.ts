import type { TFunction } from 'i18next';
import type { CaseContext } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { budget } from '../domain/budget.js';
import { daysBetween, formatDate, formatMonth } from '../domain/dates.js';
import { getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import type { Block, DocLang, DocModel, DocumentKind, FieldRow } from './model.js';

/** The case fields each document cannot be written without; anything else is optional and left out or blank. */
const REQUIRED: Record<DocumentKind, Array<(c: CaseContext) => [string, unknown]>> = {
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

export function missingFor(kind: DocumentKind, ctx: CaseContext): string[] {
  return REQUIRED[kind].map((f) => f(ctx)).filter(([, v]) => v === null).map(([name]) => name);
}

type Vars = Record<string, string | number>;

/**
 * Documents are literal text (escaping for chat happens later), so interpolation never HTML-escapes here. Only
 * what the user told us goes in: every optional part is left out, never guessed.
 */
export function composeDocument(kind: DocumentKind, ctx: CaseContext, lang: DocLang, t: TFunction, today: IsoDate): DocModel {
  const tx = (key: string, vars: Vars = {}) => t(`documents.${key}`, { ...vars, interpolation: { escapeValue: false } });
  const td = (key: string) => t(key, { interpolation: { escapeValue: false } });
  const f = ctx.facts;
  const product = f.product ?? 'other';
  const productName = td(`domain.product.${product}.name`);
  const lenderName =
    product === 'credit_card'
      ? tx('cardCentre', { bank: f.bank && f.bank !== 'other_bank' ? td(`domain.bank.${f.bank}`) : tx('yourBank') })
      : getLender(product).company
        ? td(`domain.product.${product}.company`)
        : tx('serviceDept', { product: productName });
  const money = (fen: number) => formatFen(fen, lang);
  const date = (iso: IsoDate) => formatDate(iso, lang);
  const since = (s: string) => (s.length === 7 ? formatMonth(s, lang) : formatDate(s, lang));

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
    const last = ctx.calls.at(-1);
    const parts = [
      tx('confirmation.hello', { product: productName }),
      tx(last?.agentId ? 'confirmation.agreedWithAgent' : 'confirmation.agreed', { date: date(last?.date ?? today), agent: last?.agentId ?? '' }),
      tx('confirmation.plan', { count: ctx.plan.months ?? 0, monthly: money(ctx.plan.monthlyFen ?? 0) }),
      ...(ctx.plan.firstDue ? [tx('confirmation.firstDue', { date: date(ctx.plan.firstDue) })] : []),
      tx('confirmation.ask'),
    ];
    return { kind, lang, title: tx('confirmation.title'), filename: tx('confirmation.filename'), blocks: [{ type: 'paragraph', text: parts.join('') }] };
  }

  if (kind === 'complaint') {
    const c = ctx.complaint;
    const calls = ctx.calls.map((call) =>
      tx('complaint.callLine', {
        date: date(call.date),
        channel: td(`contact.channel.${call.channel}`),
        outcome: td(`contact.outcome.${call.outcome}`),
        agent: call.agentId ?? tx('notGiven'),
      }),
    );
    const evidence = [...ctx.evidence.map((e) => td(`domain.evidence.${e}.label`)), ...(calls.length > 0 ? [tx('complaint.callRecords')] : [])];
    return {
      kind,
      lang,
      title: tx('complaint.title'),
      filename: tx('complaint.filename'),
      blocks: [
        { type: 'addressee', text: tx('complaint.to', { lender: lenderName }) },
        identity,
        { type: 'paragraph', text: tx(`complaint.intro.${c.kind ?? 'refusal'}`, { product: productName }) },
        { type: 'heading', text: tx('complaint.whatTitle') },
        { type: 'paragraph', text: tx('complaint.what', { when: date(c.when ?? today), what: c.what ?? '' }) },
        ...(calls.length > 0 ? [{ type: 'heading', text: tx('complaint.callsTitle') } as Block, { type: 'list', items: calls } as Block] : []),
        ...(evidence.length > 0 ? [{ type: 'heading', text: tx('evidenceTitle') } as Block, { type: 'list', items: evidence } as Block] : []),
        { type: 'heading', text: tx('complaint.askTitle') },
        { type: 'paragraph', text: tx(`complaint.ask.${c.kind ?? 'refusal'}`) },
        { type: 'paragraph', text: tx('complaint.escalation') },
        signature,
      ],
    };
  }

  const days = f.dueDate ? Math.max(0, daysBetween(f.dueDate, today)) : 0;
  const b = budget({ incomeFen: f.incomeFen, essentialsFen: f.essentialsFen, otherDebtsFen: f.otherDebtsFen ?? 0 });
  const requests = ctx.statement.requests.map((r) => {
    if (r !== 'instalments') return tx(`statement.request.${r}`);
    const plan =
      ctx.plan.monthlyFen !== null && ctx.plan.months !== null
        ? tx('statement.request.instalmentsPlan', { count: ctx.plan.months, monthly: money(ctx.plan.monthlyFen) })
        : b && b.surplusFen > 0
          ? tx('statement.request.instalmentsMonthly', { monthly: money(b.surplusFen) })
          : tx('statement.request.instalments');
    return product === 'credit_card' ? `${plan}${tx('statement.request.cardArticle70')}` : plan;
  });
  const evidence = ctx.evidence.map((e) => td(`domain.evidence.${e}.label`));
  const blocks: Block[] = [
    { type: 'addressee', text: tx('statement.to', { lender: lenderName }) },
    identity,
    { type: 'paragraph', text: tx('statement.opening') },
    {
      type: 'paragraph',
      text: tx('statement.debt', { product: productName, amount: money(f.amountFen ?? 0), due: date(f.dueDate ?? today), today: date(today), count: days }),
    },
    {
      type: 'paragraph',
      text: f.causeSince
        ? tx('statement.causeSince', { cause: td(`domain.cause.${f.cause ?? 'other'}`), since: since(f.causeSince) })
        : tx('statement.cause', { cause: td(`domain.cause.${f.cause ?? 'other'}`) }),
    },
  ];
  if (b && f.incomeFen !== null && f.essentialsFen !== null) {
    const other = f.otherDebtsFen ? tx('statement.budgetOther', { other: money(f.otherDebtsFen) }) : '';
    blocks.push({
      type: 'paragraph',
      text:
        tx('statement.budget', { income: money(f.incomeFen), essentials: money(f.essentialsFen) }) +
        other +
        (b.surplusFen > 0 ? tx('statement.budgetSurplus', { surplus: money(b.surplusFen) }) : tx('statement.budgetGap', { gap: money(b.gapFen) })),
    });
  }
  if (requests.length > 0) blocks.push({ type: 'heading', text: tx('statement.requestTitle') }, { type: 'list', items: requests });
  if (evidence.length > 0) blocks.push({ type: 'heading', text: tx('evidenceTitle') }, { type: 'list', items: evidence });
  blocks.push({ type: 'paragraph', text: tx('statement.commitment') }, signature);
  return { kind, lang, title: tx('statement.title'), filename: tx('statement.filename'), blocks };
}
