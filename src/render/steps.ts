import type { LenderCase } from '../../flows/case.js';
import { BANKS, CUTS, PRODUCTS, RIGHTS_TOPICS, type IsoDate, type Lang, type ProductId } from '../domain/catalog.js';
import { standingAmount, standingOf } from '../domain/budget.js';
import { formatDate } from '../domain/dates.js';
import { evidenceItemsFor } from '../domain/evidence.js';
import { BANK_HOTLINES, getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import { HOTLINES, LAWS } from '../domain/facts.js';
import { feeMultiple, proposePlans, suggestTerm, type PlanInput, type PlanOption } from '../domain/plan.js';
import type { Translate } from '../i18n/index.js';
import { promptData } from './callback-data.js';
import type { Button, Keyboard, Reply } from './reply.js';
import { callScript, surplusOf } from '../documents/call-script.js';
import { formatBp, overdueDays } from './status-summary.js';

export interface StepInput {
  id: string;
  ctx: LenderCase;
  t: Translate;
  today: IsoDate;
  translatorFor: (lang: Lang) => Translate;
}

const btn = (id: string, value: string, label: string): Button => ({ label, data: promptData(id, value) });
const hubRow = (id: string, t: Translate): Button[] => [btn(id, 'hub', t('common.button.hub'))];
const text = (html: string, buttons: Keyboard): Reply => ({ kind: 'text', html, buttons });
const lines = (...parts: Array<string | false | null | undefined>) => parts.filter((p): p is string => typeof p === 'string').join('\n');


/** Hotline lines for the product, each hedged by its confidence; none invented where none is verified. */
export function hotlineLines(ctx: LenderCase, product: ProductId, t: Translate): string[] {
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

/**
 * Which product (or, for a card, which bank) to pick on the contact screen when the case does not say: without
 * it the route, hotline and script cannot be right. Nothing when the case already knows.
 */
function productPicker(id: string, ctx: LenderCase, t: Translate): { ask: string | null; rows: Keyboard } {
  const { product, bank } = ctx.facts;
  const notKept = ctx.consent === 'given' ? null : t('contact.pick.notKept');
  if (product === null) {
    const rows = chunk(PRODUCTS.map((p) => btn(id, `view:${p}`, t(`domain.product.${p}.name`))), 3);
    return { ask: lines(t('contact.pick.product'), notKept), rows };
  }
  if (product === 'credit_card' && bank === null) {
    const rows = chunk(BANKS.map((b) => btn(id, `view:bank:${b}`, t(`domain.bank.${b}`))), 3);
    return { ask: lines(t('contact.pick.bank'), notKept), rows };
  }
  return { ask: null, rows: [] };
}

/** The "how to reach a person" button carries the product shown, which a case without consent does not keep. */
const humanValue = ({ facts: { product, bank } }: LenderCase): string =>
  product === null ? 'human' : product === 'credit_card' && bank !== null ? `human:bank:${bank}` : `human:${product}`;

/** The way into the call rehearsal, and to the crib card once one was made. */
function rehearsalRow(id: string, ctx: LenderCase, t: Translate, practise = true): Button[] {
  return [
    ...(practise ? [btn(id, 'rehearse', t('rehearsal.button.start'))] : []),
    ...(ctx.rehearsal.cardSaved ? [btn(id, 'card', t('rehearsal.button.card'))] : []),
  ];
}

export const STEP_PROMPTS: Record<string, (p: StepInput) => Reply> = {
  'contact.script': ({ id, ctx, t, today, translatorFor }) => {
    const product = ctx.facts.product;
    const picker = productPicker(id, ctx, t);
    // The agent speaks Chinese: an English reader gets the Chinese words to read out, too.
    const zhScript = ctx.lang === 'zh-CN' ? null : callScript({ ...ctx, lang: 'zh-CN' }, translatorFor('zh-CN'), today);
    return text(
      lines(
        `<b>${t('contact.title')}</b>`,
        '',
        ...(product === null
          ? [picker.ask]
          : [t('contact.route.label', { route: appRoute(product, t) }), ...hotlineLines(ctx, product, t), picker.ask]),
        t('contact.fakeNumbers'),
        '',
        `<b>${t('contact.script.title')}</b>`,
        `「${callScript(ctx, t, today)}」`,
        zhScript ? lines('', t('contact.script.inChinese'), `「${zhScript}」`) : null,
        '',
        t('contact.tips'),
      ),
      [
        ...picker.rows,
        [btn(id, 'log', t('contact.button.log')), btn(id, humanValue(ctx), t('contact.button.human'))],
        rehearsalRow(id, ctx, t),
        [btn(id, 'next', t('contact.button.next'))],
        hubRow(id, t),
      ],
    );
  },
  'contact.logged': ({ id, ctx, t }) => {
    const last = ctx.calls.at(-1);
    // A refusal is where practising the next call helps most.
    const refused = last?.outcome === 'refused';
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
        refused ? lines('', t('rehearsal.afterRefused')) : null,
      ),
      [
        [btn(id, 'again', t('contact.button.again'))],
        ...(refused || ctx.rehearsal.cardSaved ? [rehearsalRow(id, ctx, t, refused)] : []),
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
    const lender = getLender(product);
    const input = planInput(ctx);
    // With nothing to spare no instalment can fit: the table is left out and the extension leads.
    const options = input && input.surplusFen > 0 ? proposePlans(input) : [];
    const overdue = (overdueDays(ctx, today) ?? 0) > 0;
    const fees = lender.instalmentFees?.table;
    return text(
      lines(
        `<b>${t('plan.title')}</b>`,
        '',
        f.amountFen !== null && b
          ? f.incomeFen === 0
            ? t('plan.budgetNoIncome', { debt: formatFen(f.amountFen, ctx.lang) })
            : t(PLAN_BUDGET[standingOf(b)], {
                debt: formatFen(f.amountFen, ctx.lang),
                amount: formatFen(standingAmount(b), ctx.lang),
              })
          : null,
        ...(ctx.share ? [t(`plan.share.${ctx.share.basis}`, shareVars(ctx))] : []),
        ...(b && b.surplusFen <= 0 ? ['', t('plan.extensionFirst'), ...supportLines(ctx, t)] : []),
        ...(options.length > 0
          ? [
              '',
              fees && overdue ? t('plan.huabeiOverdue', { number: HOTLINES.alipay.number }) : null,
              `<b>${t('plan.optionsTitle')}</b>`,
              costNote(options[0], ctx, t),
              ...options.map((o) => optionLine(o, ctx, t)),
              t('plan.legend'),
              fees
                ? t('plan.huabeiFees', {
                    terms: fees.map((r) => r.months).join('/'),
                    fees: fees.map((r) => formatBp(r.feeBp)).join('/'),
                  })
                : null,
            ]
          : []),
        ...suggestion(input, ctx, t),
        product === 'credit_card' ? t('plan.cardPersonalised', { months: LAWS.cardPersonalisedInstalments.months }) : null,
        '',
        `<b>${t('plan.howTitle')}</b>`,
        t(b && b.surplusFen <= 0 ? 'plan.howExtension' : 'plan.how', { route: appRoute(f.product, t) }),
      ),
      [[btn(id, 'submitted', t('plan.button.submitted'))], [btn(id, 'next', t('plan.button.skipToSnowball'))], hubRow(id, t)],
    );
  },
  'plan.submitted': ({ id, t }) =>
    text(t('plan.submittedAsk'), [
      [btn(id, 'approved', t('plan.button.approved')), btn(id, 'extended', t('plan.button.extended'))],
      [btn(id, 'refused', t('plan.button.refused')), btn(id, 'hub', t('plan.button.waiting'))],
      [btn(id, 'back', t('common.button.back'))],
    ]),
  'plan.approved': ({ id, ctx, t }) => {
    const p = ctx.plan;
    const b = surplusOf(ctx);
    // An instalment above what the user can spare is the next missed payment: say so before they accept it.
    const tooHigh = p.monthlyFen !== null && b !== null && p.monthlyFen > Math.max(0, b.surplusFen);
    // With several lenders, more than this one's share is taken from what the others were to get.
    const aboveShare = !tooHigh && p.monthlyFen !== null && ctx.share !== null && p.monthlyFen > ctx.share.fen;
    return text(
      lines(
        `<b>${t('plan.approvedTitle')}</b>`,
        p.kind === 'extension' && p.months !== null && p.firstDue !== null
          ? t('plan.approvedExtension', { count: p.months, date: formatDate(p.firstDue, ctx.lang) })
          : null,
        p.kind !== 'extension' && p.monthlyFen !== null && p.months !== null
          ? t('plan.approvedPlan', { monthly: formatFen(p.monthlyFen, ctx.lang), count: p.months })
          : null,
        p.firstDue && p.kind !== 'extension' ? t('plan.approvedFirst', { date: formatDate(p.firstDue, ctx.lang) }) : null,
        ...(tooHigh && p.monthlyFen !== null && b
          ? [
              '',
              b.surplusFen > 0
                ? t('plan.approvedTooHigh', { monthly: formatFen(p.monthlyFen, ctx.lang), spare: formatFen(b.surplusFen, ctx.lang) })
                : t('plan.approvedNothingSpare', { monthly: formatFen(p.monthlyFen, ctx.lang) }),
            ]
          : []),
        ...(aboveShare && p.monthlyFen !== null && ctx.share
          ? ['', t('plan.approvedAboveShare', { monthly: formatFen(p.monthlyFen, ctx.lang), share: formatFen(ctx.share.fen, ctx.lang) })]
          : []),
        '',
        t('plan.approvedAdvice'),
      ),
      [[btn(id, 'next', t('plan.button.toSnowball'))], [btn(id, 'change', t('plan.button.change')), btn(id, 'hub', t('common.button.hub'))]],
    );
  },
  'plan.refused': ({ id, ctx, t }) =>
    text(lines(`<b>${t('plan.refusedTitle')}</b>`, '', t('plan.refusedAdvice', { nfra: HOTLINES.nfraComplaints.number, pboc: HOTLINES.pbocConsumer.number }), ctx.facts.product === 'credit_card' ? t('plan.refusedCard') : null), [
      [btn(id, 'retry', t('plan.button.retry')), btn(id, 'contact', t('plan.button.toContact'))],
      [btn(id, 'next', t('plan.button.skipToSnowball'))],
      hubRow(id, t),
    ]),

  'snowball.advice': ({ id, ctx, t }) => {
    const b = surplusOf(ctx);
    // With no income, cutting a subscription is not the first thing: keeping a roof and food, and support, are.
    const noIncome = ctx.facts.incomeFen === 0;
    return text(
      lines(
        `<b>${t('snowball.title')}</b>`,
        '',
        noIncome
          ? t('snowball.noIncome')
          : b
            ? t(`snowball.${standingOf(b)}`, { amount: formatFen(standingAmount(b), ctx.lang) })
            : null,
        ...(noIncome ? supportLines(ctx, t) : []),
        '',
        t('snowball.rules'),
        '',
        t(noIncome ? 'snowball.cutAskNoIncome' : 'snowball.cutAsk'),
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
            : rule?.kind === 'card_rate'
              ? t('track.penaltyCard', { rate: formatBp(rule.commonBpPerDay) })
              : t('track.penaltyUnknown'),
        '',
        t('track.creditReport'),
        t('track.ifTrouble'),
      ),
      [[btn(id, 'done', t('common.button.done'))], hubRow(id, t)],
    );
  },
};

/** The plan screen's budget line, by where a month leaves the person. */
const PLAN_BUDGET = { surplus: 'plan.budgetSurplus', even: 'plan.budgetEven', gap: 'plan.budgetGap' } as const;

const shareVars = (ctx: LenderCase) => ({
  share: formatFen(ctx.share?.fen ?? 0, ctx.lang),
  of: formatFen(ctx.share?.ofFen ?? 0, ctx.lang),
  minimum: formatFen(ctx.share?.minimumFen ?? 0, ctx.lang),
});

const planInput = (ctx: LenderCase): PlanInput | null => {
  const b = surplusOf(ctx);
  return ctx.facts.amountFen !== null && b
    ? // With several lenders, this one's plan is built from its share of what can be spared.
      { debtFen: ctx.facts.amountFen, surplusFen: ctx.share?.fen ?? b.surplusFen, product: ctx.facts.product ?? 'other', dailyRateBp: ctx.facts.dailyRateBp }
    : null;
};

/** One row of the table; the cost is called what it is: 手续费 for a fee, 利息 for interest. */
function optionLine(o: PlanOption, ctx: LenderCase, t: Translate): string {
  const vars = { count: o.months, monthly: formatFen(o.monthlyFen, ctx.lang), fits: o.fits === null ? '❔' : o.fits ? '✅' : '⚠️' };
  if (o.cost === 'fee' && o.costFen !== null && o.aprBp !== null && o.feeBp !== null) {
    return t('plan.option.fee', {
      ...vars,
      fee: formatFen(o.costFen, ctx.lang),
      listed: formatBp(o.feeBp),
      apr: formatBp(o.aprBp),
      multiple: feeMultiple(o.aprBp, o.feeBp),
    });
  }
  if (o.cost === 'interest' && o.costFen !== null) return t('plan.option.interest', { ...vars, interest: formatFen(o.costFen, ctx.lang) });
  return t(`plan.option.${o.cost === 'missing_rate' ? 'principalNoRate' : 'principal'}`, vars);
}

/** What the table's figures include, said once above it. */
function costNote(first: PlanOption | undefined, ctx: LenderCase, t: Translate): string | null {
  if (first?.cost === 'interest' && first.aprBp !== null && ctx.facts.dailyRateBp !== null) {
    return t('plan.interestAt', { rate: formatBp(ctx.facts.dailyRateBp), apr: formatBp(first.aprBp) });
  }
  return first?.cost === 'missing_rate' ? t('plan.rateMissing') : null;
}

const SUGGEST = { fee: 'plan.suggestWithFee', interest: 'plan.suggestWithInterest', missing_rate: 'plan.suggest', unknown: 'plan.suggest' } as const;

/** The term to ask for: the shortest one that fits, or an extension when none does. */
function suggestion(input: PlanInput | null, ctx: LenderCase, t: Translate): string[] {
  if (!input || input.surplusFen <= 0) return [];
  // What one month can repay needs no instalment, and no fee or interest on one.
  if (input.debtFen <= input.surplusFen) return ['', t('plan.payInFull', { spare: formatFen(input.surplusFen, ctx.lang) })];
  const term = suggestTerm(input);
  if (!term) return ['', t('plan.beyondFiveYears', { monthly: formatFen(input.surplusFen, ctx.lang) })];
  return [
    '',
    t(SUGGEST[term.cost], {
      spare: formatFen(input.surplusFen, ctx.lang),
      count: term.months,
      monthly: formatFen(term.monthlyFen, ctx.lang),
    }),
  ];
}

/** Where someone with no income or nothing to spare can turn (FACTS §9: eligibility is local, never promised). */
function supportLines(ctx: LenderCase, t: Translate): string[] {
  const jobless = ctx.facts.cause === 'job_loss' || ctx.facts.cause === null;
  return [
    '',
    `<b>${t('plan.support.title')}</b>`,
    ...(ctx.facts.incomeFen === 0 && jobless ? [t('plan.support.unemployment', { number: HOTLINES.socialSecurity.number })] : []),
    t('plan.support.assistance', { number: HOTLINES.localGovernment.number }),
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
