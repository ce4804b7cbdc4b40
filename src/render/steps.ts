import type { CaseContext } from '../../flows/case.js';
import { CUTS, RIGHTS_TOPICS, type IsoDate, type ProductId } from '../domain/catalog.js';
import { budget } from '../domain/budget.js';
import { formatDate } from '../domain/dates.js';
import { evidenceItemsFor } from '../domain/evidence.js';
import { BANK_HOTLINES, getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import { LONGEST_TERM_MONTHS, monthsToRepay, proposePlans } from '../domain/plan.js';
import type { Translate } from '../i18n/index.js';
import { promptData } from './callback-data.js';
import type { Button, Keyboard, Reply } from './reply.js';
import { formatBp, overdueDays, productName, sinceText } from './status-summary.js';

export interface StepInput {
  id: string;
  ctx: CaseContext;
  t: Translate;
  today: IsoDate;
}

const btn = (id: string, value: string, label: string): Button => ({ label, data: promptData(id, value) });
const hubRow = (id: string, t: Translate): Button[] => [btn(id, 'hub', t('common.button.hub'))];
const text = (html: string, buttons: Keyboard): Reply => ({ kind: 'text', html, buttons });
const lines = (...parts: Array<string | false | null | undefined>) => parts.filter((p): p is string => typeof p === 'string').join('\n');

const surplusOf = (ctx: CaseContext) =>
  budget({ incomeFen: ctx.facts.incomeFen, essentialsFen: ctx.facts.essentialsFen, otherDebtsFen: ctx.facts.otherDebtsFen ?? 0 });

/** Hotline lines for the product, each hedged by its confidence; none invented where none is verified. */
export function hotlineLines(ctx: CaseContext, t: Translate): string[] {
  const product = ctx.facts.product;
  if (product === null) return [t('contact.hotline.unknownProduct')];
  if (product === 'credit_card') {
    const bank = ctx.facts.bank;
    const line = bank ? BANK_HOTLINES[bank] : null;
    return [
      line ? t(`contact.hotline.${line.confidence === 'low' || line.confidence === 'unsourced' ? 'hedged' : 'known'}`, { number: line.number }) : t('contact.hotline.cardBack'),
      t('contact.hotline.cardBackAlways'),
    ];
  }
  const lender = getLender(product);
  const hotlines = lender.hotlines.map((h) =>
    t(`contact.hotline.${h.confidence === 'high' ? 'official' : h.confidence === 'medium' ? 'known' : 'hedged'}`, { number: h.number }),
  );
  return hotlines.length > 0 ? [...hotlines, ...(product === 'meituan_yuefu' ? [t('contact.hotline.meituanGeneral')] : [])] : [t('contact.hotline.none')];
}

const appRoute = (product: ProductId | null, t: Translate) =>
  product === null ? t('contact.route.unknown') : t(`domain.product.${product}.appRoute`);

/** What to say on the phone, assembled only from what the user told us; unknown parts are left out, not guessed. */
export function callScript(ctx: CaseContext, t: Translate, today: IsoDate): string {
  const f = ctx.facts;
  const days = overdueDays(ctx, today);
  const b = surplusOf(ctx);
  const parts = [t('contact.script.hello', { product: productName(ctx, t) })];
  if (f.amountFen !== null && days !== null) parts.push(t('contact.script.debt', { amount: formatFen(f.amountFen, ctx.lang), count: days }));
  if (f.cause !== null) {
    parts.push(
      f.causeSince
        ? t('contact.script.causeSince', { cause: t(`domain.cause.${f.cause}`), since: sinceText(f.causeSince, ctx.lang) })
        : t('contact.script.cause', { cause: t(`domain.cause.${f.cause}`) }),
    );
  }
  parts.push(
    b && b.surplusFen > 0
      ? t('contact.script.canPay', { amount: formatFen(b.surplusFen, ctx.lang) })
      : b
        ? t('contact.script.cannotPayNow')
        : t('contact.script.willing'),
  );
  parts.push(t(b && b.surplusFen <= 0 ? 'contact.script.askExtension' : 'contact.script.askInstalments'));
  parts.push(t('contact.script.askWritten'));
  return parts.join('');
}

export const STEP_PROMPTS: Record<string, (p: StepInput) => Reply> = {
  'contact.script': ({ id, ctx, t, today }) =>
    text(
      lines(
        `<b>${t('contact.title')}</b>`,
        '',
        t('contact.route.label', { route: appRoute(ctx.facts.product, t) }),
        ...hotlineLines(ctx, t),
        t('contact.fakeNumbers'),
        '',
        `<b>${t('contact.script.title')}</b>`,
        `「${callScript(ctx, t, today)}」`,
        '',
        t('contact.tips'),
      ),
      [
        [btn(id, 'log', t('contact.button.log')), btn(id, 'human', t('contact.button.human'))],
        [btn(id, 'next', t('contact.button.next'))],
        hubRow(id, t),
      ],
    ),
  'contact.logged': ({ id, ctx, t }) => {
    const last = ctx.calls.at(-1);
    const recent = ctx.calls.slice(-3).map((c) =>
      t('contact.logLine', {
        date: formatDate(c.date, ctx.lang),
        channel: t(`contact.channel.${c.channel}`),
        outcome: t(`contact.outcome.${c.outcome}`),
        agent: c.agentId ?? t('summary.notGiven'),
      }),
    );
    return text(
      lines(
        `<b>${t('contact.loggedTitle', { count: ctx.calls.length })}</b>`,
        ...recent,
        last?.promise ? t('contact.promiseLine', { promise: last.promise }) : null,
        last?.nextDate ? t('contact.nextLine', { date: formatDate(last.nextDate, ctx.lang) }) : null,
        '',
        last ? t(`contact.after.${last.outcome}`) : null,
      ),
      [
        [btn(id, 'again', t('contact.button.again'))],
        [btn(id, 'next', t('contact.button.next')), btn(id, 'done', t('common.button.done'))],
        hubRow(id, t),
      ],
    );
  },

  'plan.needConsent': ({ id, t }) => needConsentPrompt(id, t),
  'plan.needFacts': ({ id, t }) =>
    text(t('plan.needFacts'), [[btn(id, 'status', t('plan.button.toStatus'))], [btn(id, 'next', t('plan.button.skipToSnowball'))], hubRow(id, t)]),
  'plan.options': ({ id, ctx, t, today }) => {
    const f = ctx.facts;
    const b = surplusOf(ctx);
    const product = f.product ?? 'other';
    const options =
      f.amountFen !== null && b ? proposePlans({ debtFen: f.amountFen, surplusFen: b.surplusFen, product, today }) : [];
    const optionLines = options.map((o) =>
      t(o.feeFen !== null && o.aprBp !== null ? 'plan.optionWithFee' : 'plan.optionNoFee', {
        count: o.months,
        monthly: formatFen(o.monthlyFen, ctx.lang),
        fee: o.feeFen !== null ? formatFen(o.feeFen, ctx.lang) : '',
        apr: o.aprBp !== null ? formatBp(o.aprBp) : '',
        fits: o.fits ? '✅' : '⚠️',
      }),
    );
    const lender = getLender(product);
    return text(
      lines(
        `<b>${t('plan.title')}</b>`,
        '',
        f.amountFen !== null && b
          ? t(b.surplusFen > 0 ? 'plan.budgetSurplus' : 'plan.budgetGap', {
              debt: formatFen(f.amountFen, ctx.lang),
              amount: formatFen(b.surplusFen > 0 ? b.surplusFen : b.gapFen, ctx.lang),
            })
          : null,
        b && b.surplusFen <= 0 ? t('plan.gapAdvice') : null,
        '',
        `<b>${t('plan.optionsTitle')}</b>`,
        ...optionLines,
        t('plan.legend'),
        ...bySurplus(ctx, t),
        lender.instalmentFees ? t('plan.huabeiFees') : null,
        product === 'credit_card' ? t('plan.cardPersonalised') : null,
        '',
        `<b>${t('plan.howTitle')}</b>`,
        t('plan.how', { route: appRoute(f.product, t) }),
      ),
      [[btn(id, 'submitted', t('plan.button.submitted'))], [btn(id, 'next', t('plan.button.skipToSnowball'))], hubRow(id, t)],
    );
  },
  'plan.submitted': ({ id, t }) =>
    text(t('plan.submittedAsk'), [
      [btn(id, 'approved', t('plan.button.approved')), btn(id, 'refused', t('plan.button.refused'))],
      [btn(id, 'hub', t('plan.button.waiting'))],
      [btn(id, 'back', t('common.button.back'))],
    ]),
  'plan.approved': ({ id, ctx, t }) => {
    const p = ctx.plan;
    return text(
      lines(
        `<b>${t('plan.approvedTitle')}</b>`,
        p.monthlyFen !== null && p.months !== null
          ? t('plan.approvedPlan', { monthly: formatFen(p.monthlyFen, ctx.lang), count: p.months })
          : null,
        p.firstDue ? t('plan.approvedFirst', { date: formatDate(p.firstDue, ctx.lang) }) : null,
        '',
        t('plan.approvedAdvice'),
      ),
      [[btn(id, 'next', t('plan.button.toSnowball'))], [btn(id, 'change', t('plan.button.change')), btn(id, 'hub', t('common.button.hub'))]],
    );
  },
  'plan.refused': ({ id, ctx, t }) =>
    text(lines(`<b>${t('plan.refusedTitle')}</b>`, '', t('plan.refusedAdvice'), ctx.facts.product === 'credit_card' ? t('plan.refusedCard') : null), [
      [btn(id, 'retry', t('plan.button.retry')), btn(id, 'contact', t('plan.button.toContact'))],
      [btn(id, 'next', t('plan.button.skipToSnowball'))],
      hubRow(id, t),
    ]),

  'snowball.advice': ({ id, ctx, t }) => {
    const b = surplusOf(ctx);
    return text(
      lines(
        `<b>${t('snowball.title')}</b>`,
        '',
        b ? t(b.surplusFen > 0 ? 'snowball.surplus' : 'snowball.gap', { amount: formatFen(b.surplusFen > 0 ? b.surplusFen : b.gapFen, ctx.lang) }) : null,
        t('snowball.rules'),
        '',
        t('snowball.cutAsk'),
      ),
      [
        ...chunk(CUTS.map((c) => btn(id, c, t(`snowball.cut.${c}`))), 2),
        [btn(id, 'next', t('snowball.button.skip'))],
        hubRow(id, t),
      ],
    );
  },
  'snowball.committed': ({ id, ctx, t }) =>
    text(
      lines(
        `<b>${t('snowball.committedTitle')}</b>`,
        ctx.snowballCut ? t(`snowball.cutTip.${ctx.snowballCut}`) : null,
        '',
        t('snowball.committedAdvice'),
      ),
      [[btn(id, 'next', t('snowball.button.next'))], [btn(id, 'change', t('snowball.button.change')), btn(id, 'hub', t('common.button.hub'))]],
    ),

  'evidence.list': ({ id, ctx, t }) => {
    const items = evidenceItemsFor(ctx.facts.cause);
    const mark = (item: string) => (ctx.evidence.includes(item) ? '☑' : '☐');
    return text(
      lines(
        `<b>${t('evidence.title')}</b>`,
        ctx.facts.cause ? t('evidence.forCause', { cause: t(`domain.cause.${ctx.facts.cause}`) }) : t('evidence.general'),
        '',
        ...items.map((item) => `${mark(item)} <b>${t(`domain.evidence.${item}.label`)}</b>：${t(`domain.evidence.${item}.tip`)}`),
        '',
        t('evidence.advice'),
        t('evidence.progress', { done: ctx.evidence.filter((e) => items.includes(e)).length, total: items.length }),
      ),
      [
        ...chunk(items.map((item, i) => btn(id, `tick:${i}`, `${mark(item)} ${t(`domain.evidence.${item}.label`)}`)), 2),
        [btn(id, 'next', t('evidence.button.next')), btn(id, 'done', t('common.button.done'))],
        hubRow(id, t),
      ],
    );
  },

  'rights.menu': ({ id, t }) =>
    text(lines(`<b>${t('rights.title')}</b>`, '', t('rights.intro')), [
      ...chunk(RIGHTS_TOPICS.map((topic) => btn(id, `topic:${topic}`, t(`rights.button.${topic}`))), 2),
      [btn(id, 'next', t('rights.button.next')), btn(id, 'done', t('common.button.done'))],
      hubRow(id, t),
    ]),

  'track.guide': ({ id, ctx, t }) => {
    const p = ctx.plan;
    const rule = ctx.facts.product ? getLender(ctx.facts.product).penalty : null;
    return text(
      lines(
        `<b>${t('track.title')}</b>`,
        '',
        p.status === 'approved' && p.monthlyFen !== null && p.months !== null
          ? t('track.yourPlan', { monthly: formatFen(p.monthlyFen, ctx.lang), count: p.months })
          : t('track.noPlan'),
        '',
        t('track.billChecks'),
        '',
        rule?.kind === 'daily_rate'
          ? t('track.penaltyDaily', { rate: formatBp(rule.bpPerDay) })
          : rule?.kind === 'contract_multiple'
            ? t('track.penaltyMultiple', { multiple: rule.multiple })
            : t('track.penaltyUnknown'),
        '',
        t('track.creditReport'),
        t('track.ifTrouble'),
      ),
      [[btn(id, 'done', t('common.button.done'))], hubRow(id, t)],
    );
  },
};

/** "At what you can spare, it takes N months": the term to ask for when no standard one fits. */
function bySurplus(ctx: CaseContext, t: Translate): string[] {
  const b = surplusOf(ctx);
  const months = ctx.facts.amountFen !== null && b ? monthsToRepay(ctx.facts.amountFen, b.surplusFen) : null;
  if (months === null || !b) return [];
  return [
    '',
    t('plan.bySurplus', { monthly: formatFen(b.surplusFen, ctx.lang), count: months }),
    ...(months > LONGEST_TERM_MONTHS ? [t('plan.beyondFiveYears')] : []),
  ];
}

export function needConsentPrompt(id: string, t: Translate): Reply {
  return text(t('consent.neededForStep'), [[btn(id, 'agree', t('consent.agree'))], hubRow(id, t)]);
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
