import { agentLine, isCommonlyReported, SCENARIOS, spareFor, suggestedScenario, type ScenarioId, type Tip } from '../domain/rehearsal.js';
import type { Lang } from '../domain/catalog.js';
import { LAWS } from '../domain/facts.js';
import { formatFen } from '../domain/money.js';
import { composeCribCard, toTelegramHtml } from '../documents/index.js';
import { causeSentence } from '../documents/sentences.js';
import type { Translate } from '../i18n/index.js';
import { promptData } from './callback-data.js';
import type { Button, Reply } from './reply.js';
import { overdueDays } from './status-summary.js';
import { chunk, type StepInput } from './steps.js';

const btn = (id: string, value: string, label: string): Button => ({ label, data: promptData(id, value) });
const lines = (...parts: Array<string | false | null | undefined>) => parts.filter((p): p is string => typeof p === 'string').join('\n');

/** Tips whose model sentence names a monthly amount: with nothing to spare it asks for time instead. */
const AMOUNT_TIPS: ReadonlySet<Tip> = new Set(['concede', 'overBudget', 'holdRequest', 'askPlan', 'sayAmount']);

/** The figures every model sentence is built from: this lender's monthly amount and the person's own reason. */
function figures({ ctx, today }: Pick<StepInput, 'ctx' | 'today'>, t: Translate, lang: Lang) {
  const spare = spareFor(ctx);
  return {
    spare,
    amount: spare !== null && spare > 0 ? formatFen(spare, lang) : t('rehearsal.amountBlank'),
    stated: ctx.rehearsal.statedFen === null ? '' : formatFen(ctx.rehearsal.statedFen, lang),
    reason: causeSentence('contact.script', { ...ctx, lang }, t, today) ?? t('rehearsal.reasonGeneric'),
  };
}

/** With nothing to spare no amount is offered: the honest line asks for time. */
const askForTime = (t: Translate) => t('contact.script.cannotPayNow') + t('contact.script.askExtension');

function modelSentence(tip: Tip, p: StepInput, t: Translate, lang: Lang): string {
  const f = figures(p, t, lang);
  if (f.spare === 0 && AMOUNT_TIPS.has(tip)) return askForTime(t);
  return t(`rehearsal.model.${tip}`, f);
}

function goodAnswer(scenario: ScenarioId, p: StepInput, t: Translate, lang: Lang): string {
  const f = figures(p, t, lang);
  return f.spare === 0 ? askForTime(t) + t('contact.script.askWritten') : t(`rehearsal.good.${scenario}`, f);
}

/** A sentence to say, and in English its Chinese, since the agent speaks Chinese. */
function spoken(p: StepInput, make: (t: Translate, lang: Lang) => string): string {
  const own = `「${make(p.t, p.ctx.lang)}」`;
  if (p.ctx.lang === 'zh-CN') return own;
  return lines(own, `${p.t('rehearsal.inChinese')}「${make(p.translatorFor('zh-CN'), 'zh-CN')}」`);
}

function agentSays(scenario: ScenarioId, p: StepInput): string {
  const line = agentLine(scenario, p.ctx.facts.product);
  const say = (t: Translate) => t(`rehearsal.line.${line.key}`, { months: LAWS.cardPersonalisedInstalments.months });
  const zh = p.ctx.lang === 'zh-CN' ? null : `「${say(p.translatorFor('zh-CN'))}」`;
  return lines(`${p.t('rehearsal.agentSays')}「${say(p.t)}」`, zh, isCommonlyReported(line) ? p.t('rehearsal.commonly') : null);
}

export const REHEARSAL_PROMPTS: Record<string, (p: StepInput) => Reply> = {
  'contact.rehearse': ({ id, ctx, t, today }) => {
    const current = ctx.rehearsal.scenario;
    const suggested = suggestedScenario({
      daysOverdue: overdueDays(ctx, today),
      surplusFen: spareFor(ctx),
      lastOutcome: ctx.calls.at(-1)?.outcome ?? null,
    });
    return {
      kind: 'text',
      html: lines(
        `<b>${t('rehearsal.pick.title')}</b>`,
        '',
        t('rehearsal.pick.intro'),
        '',
        t('rehearsal.pick.suggested', { scenario: t(`rehearsal.scenario.${suggested}`) }),
        current ? t('rehearsal.pick.resume', { scenario: t(`rehearsal.scenario.${current}`) }) : null,
      ),
      buttons: [
        ...(current ? [[btn(id, 'resume', t('rehearsal.button.resume'))]] : []),
        // The suggested line first, then the others in their usual order.
        ...chunk([suggested, ...SCENARIOS.filter((s) => s !== suggested)].map((s) => btn(id, `scenario:${s}`, t(`rehearsal.scenario.${s}`))), 1),
        [btn(id, 'back', t('rehearsal.button.backToScript')), btn(id, 'hub', t('common.button.hub'))],
      ],
    };
  },
  'contact.practise': (p) => {
    const { id, ctx, t } = p;
    const r = ctx.rehearsal;
    const scenario = r.scenario ?? 'full_only';
    const feedback =
      r.shown === 'assessed'
        ? [
            ...(r.strengths.length > 0 ? ['', t('rehearsal.did.title'), ...r.strengths.map((s) => `· ${t(`rehearsal.did.${s}`)}`)] : []),
            ...(r.tips.length > 0
              ? [
                  '',
                  t('rehearsal.tip.title'),
                  ...r.tips.flatMap((tip) => [
                    `· ${t(`rehearsal.tip.${tip}`, { stated: figures(p, t, ctx.lang).stated })}`,
                    `${t('rehearsal.model.title')}${spoken(p, (tr, lang) => modelSentence(tip, p, tr, lang))}`,
                  ]),
                ]
              : ['', t('rehearsal.allGood')]),
          ]
        : r.shown === 'model'
          ? ['', t('rehearsal.good.title'), spoken(p, (tr, lang) => goodAnswer(scenario, p, tr, lang))]
          : [];
    return {
      kind: 'text',
      html: lines(
        `<b>${t('rehearsal.practiseTitle', { scenario: t(`rehearsal.scenario.${scenario}`) })}</b>`,
        '',
        agentSays(scenario, p),
        ...feedback,
        '',
        r.shown === 'none' ? t('rehearsal.yourTurn') : t('rehearsal.again'),
      ),
      buttons: [
        [btn(id, 'model', t('rehearsal.button.model'))],
        [btn(id, 'another', t('rehearsal.button.another'))],
        [btn(id, 'card', t('rehearsal.button.toCard'))],
        [btn(id, 'back', t('rehearsal.button.backToScript')), btn(id, 'hub', t('common.button.hub'))],
      ],
    };
  },
  'contact.card': ({ id, ctx, t, today, translatorFor }) => {
    const doc = composeCribCard(ctx, ctx.lang, t, today, translatorFor('zh-CN'));
    return {
      kind: 'text',
      html: lines(toTelegramHtml(doc), '', t('rehearsal.card.saved')),
      buttons: [
        [btn(id, 'send', t('rehearsal.button.send'))],
        [btn(id, 'rehearse', t('rehearsal.button.again'))],
        [btn(id, 'back', t('rehearsal.button.backToScript')), btn(id, 'hub', t('common.button.hub'))],
      ],
    };
  },
};
