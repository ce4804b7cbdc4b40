import { namesNoLender, type LenderCase } from '../../flows/case.js';
import { EDITABLE_FACTS, IDENTITY_FIELDS } from '../../flows/questions.js';
import { REQUESTS, type IsoDate } from '../domain/catalog.js';
import { formatDate } from '../domain/dates.js';
import { HOTLINES } from '../domain/facts.js';
import { formatFen } from '../domain/money.js';
import { escapeHtml, type Translate } from '../i18n/index.js';
import { promptData } from './callback-data.js';
import { appButton } from './checklist.js';
import type { Button, Reply } from './reply.js';
import { productName, sinceText } from '../documents/names.js';
import { overdueDays } from './status-summary.js';
import { chunk, needConsentPrompt, type StepInput } from './steps.js';

const btn = (id: string, value: string, label: string): Button => ({ label, data: promptData(id, value) });
const hubRow = (id: string, t: Translate): Button[] => [btn(id, 'hub', t('common.button.hub'))];
/** A lender the product list cannot name ("其他平台", "其他银行"): its name is asked, shown and editable. */
const needsLenderName = (ctx: LenderCase): boolean => namesNoLender(ctx.facts);
export const isIdentity = (q: string): boolean => (IDENTITY_FIELDS as readonly string[]).includes(q);

/** The facts that will go into the statement, each with the words the user will see. */
function reviewLines(ctx: LenderCase, t: Translate, today: IsoDate): string[] {
  const f = ctx.facts;
  const lang = ctx.lang;
  const none = t('summary.notGiven');
  const days = overdueDays(ctx, today);
  // The line template inserts its values raw (the field names are ours); the value can be the user's own words.
  const row = (field: string, value: string) => t('caseSummary.line', { field, value: escapeHtml(value) });
  return [
    row(t('caseSummary.field.product'), productName(ctx, t, true)),
    ...(needsLenderName(ctx) ? [row(t('caseSummary.field.lenderName'), f.lenderName ?? none)] : []),
    row(t('caseSummary.field.amount'), f.amountFen === null ? none : formatFen(f.amountFen, lang)),
    row(
      t('statement.field.days'),
      f.dueDate === null || days === null
        ? none
        : f.dueDate >= today
          ? t('statement.notYetDue', { due: formatDate(f.dueDate, lang) })
          : t(f.dueDateGiven ? 'statement.days' : 'statement.daysAbout', { count: days }),
    ),
    row(t('caseSummary.field.cause'), f.cause === null ? none : t(`domain.cause.${f.cause}`)),
    row(t('caseSummary.field.since'), f.causeSince === null ? none : sinceText(f.causeSince, lang)),
    row(t('caseSummary.field.income'), f.incomeFen === null ? none : formatFen(f.incomeFen, lang)),
    row(t('caseSummary.field.essentials'), f.essentialsFen === null ? none : formatFen(f.essentialsFen, lang)),
    row(t('caseSummary.field.otherDebts'), f.otherDebtsFen === null ? none : formatFen(f.otherDebtsFen, lang)),
    row(t('statement.field.evidence'), t('statement.evidenceCount', { count: ctx.evidence.length })),
    row(t('statement.field.name'), ctx.statement.name ?? none),
    row(t('statement.field.phoneTail'), ctx.statement.phoneTail ?? none),
    row(t('statement.field.idTail'), ctx.statement.idTail ?? none),
  ];
}

export const STATEMENT_PROMPTS: Record<string, (p: StepInput) => Reply> = {
  'statement.needConsent': ({ id, t }) => needConsentPrompt(id, t),
  'statement.needFacts': ({ id, t }) => ({
    kind: 'text',
    html: `<b>${t('statement.title')}</b>\n\n${t('statement.needFacts')}`,
    buttons: [[btn(id, 'status', t('plan.button.toStatus'))], hubRow(id, t)],
  }),
  'statement.review': ({ id, ctx, t, today }) => {
    const fields = [...EDITABLE_FACTS.filter((q) => q !== 'rate' && q !== 'product'), ...(needsLenderName(ctx) ? ['lenderName'] : []), ...IDENTITY_FIELDS];
    return {
      kind: 'text',
      html: [`<b>${t('statement.title')}</b>`, '', t('statement.reviewIntro'), '', ...reviewLines(ctx, t, today), '', t('statement.reviewHint')].join('\n'),
      buttons: [
        ...chunk(
          fields.map((q) => btn(id, `edit:${q}`, `✏️ ${t(isIdentity(q) ? `statement.field.${q}` : `caseSummary.field.${q}`)}`)),
          3,
        ),
        [btn(id, 'requests', t('statement.button.toRequests'))],
        hubRow(id, t),
      ],
    };
  },
  'statement.requests': ({ id, ctx, t }) => ({
    kind: 'text',
    html: t('statement.requestsAsk'),
    buttons: [
      ...REQUESTS.map((r) => [btn(id, `req:${r}`, `${ctx.statement.requests.includes(r) ? '☑' : '☐'} ${t(`statement.request.${r}`)}`)]),
      [btn(id, 'continue', t('statement.button.write')), btn(id, 'back', t('common.button.back'))],
    ],
  }),
  'statement.ready': ({ id, ctx, t }) => ({
    kind: 'text',
    html: t('statement.readyNext'),
    buttons: [
      ...(ctx.lang === 'zh-CN' ? [] : [[btn(id, 'english', t('statement.button.english'))]]),
      [btn(id, 'confirmation', t('statement.button.confirmation'))],
      [btn(id, 'complaint', t('statement.button.complaint'))],
      [btn(id, 'edit', t('statement.button.edit')), btn(id, 'next', t('statement.button.next'))],
      [appButton(t)],
      hubRow(id, t),
    ],
  }),
  'statement.complaintReady': ({ id, t }) => ({
    kind: 'text',
    html: t('statement.complaintReady', { nfra: HOTLINES.nfraComplaints.number, pboc: HOTLINES.pbocConsumer.number }),
    buttons: [[btn(id, 'back', t('statement.button.backToStatement')), btn(id, 'again', t('statement.button.anotherComplaint'))], hubRow(id, t)],
  }),
};

