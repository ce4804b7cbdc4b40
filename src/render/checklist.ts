import { STEPS, type IsoDate } from '../domain/catalog.js';
import { stepsOf, type CaseContext } from '../../flows/case.js';
import { stepsDone, suggestedStep } from '../domain/progress.js';
import type { Translate } from '../i18n/index.js';
import { globalData } from './callback-data.js';
import { debtButtons, debtLines, hasDebtList, orderLines } from './debts.js';
import type { Button, Keyboard } from './reply.js';

/**
 * The button that opens the Mini App on the whole case, for a case whose details are kept. Its data (the
 * checklist) is what a press means where no Mini App is shown.
 */
export const appButton = (t: Translate): Button => ({ label: `📋 ${t('app.open')}`, data: globalData({ type: 'HUB' }), app: { menu: t('app.menu') } });

const MARK = { done: '✅', in_progress: '🔸', skipped: '⏭', todo: '⬜' } as const;

/** The eight steps as they stand for the debt being worked on (its own steps, and the shared ones), and what is next. */
export function renderChecklist(ctx: CaseContext, t: Translate, today: IsoDate): { html: string; buttons: Keyboard } {
  const steps = stepsOf(ctx);
  const done = stepsDone(steps);
  const next = suggestedStep(steps);
  const order = orderLines(ctx, t, today);
  const bar = '▰'.repeat(done) + '▱'.repeat(STEPS.length - done);
  const lines = STEPS.map((s, i) => {
    const mark = s === next ? '▶' : MARK[steps[s]];
    const title = t(`hub.step.${s}`);
    return `${mark} ${i + 1}. ${s === next ? `<b>${title}</b>` : title}`;
  });
  const html = [
    `<b>${t('hub.title')}</b>`,
    `${bar} ${t('hub.progress', { done, total: STEPS.length })}`,
    '',
    ...(hasDebtList(ctx) ? [...debtLines(ctx, t, today), ''] : []),
    ...(order.length > 0 ? [...order, ''] : []),
    ...lines,
    '',
    next ? t('hub.next', { step: t(`hub.step.${next}`) }) : t('hub.allDone'),
    ...(ctx.rehearsal.cardSaved ? [t('rehearsal.card.inChecklist')] : []),
    ...(ctx.consent === 'declined' ? ['', t('hub.declinedNote')] : []),
  ].join('\n');
  const stepButtons = STEPS.map((s, i) => ({
    label: `${s === next ? '▶ ' : ''}${i + 1}. ${t(`hub.short.${s}`)}`,
    data: globalData({ type: 'OPEN', step: s }),
  }));
  const rows: Keyboard = [];
  const debts = debtButtons(ctx, t);
  for (let i = 0; i < debts.length; i += 2) rows.push(debts.slice(i, i + 2));
  for (let i = 0; i < stepButtons.length; i += 2) rows.push(stepButtons.slice(i, i + 2));
  rows.push([{ label: t('hub.summaryButton'), data: globalData({ type: 'SUMMARY' }) }]);
  // The summary letter for an adviser, once there is a debt to put in it and consent to keep it.
  if (ctx.consent === 'given' && hasDebtList(ctx)) rows.push([{ label: t('debts.letter'), data: globalData({ type: 'LETTER' }) }]);
  if (ctx.consent === 'given' && hasDebtList(ctx)) rows.push([appButton(t)]);
  return { html, buttons: rows };
}
