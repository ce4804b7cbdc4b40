import { debtIndex, forLender, type CaseContext, type LenderCase } from '../../flows/case.js';
import type { IsoDate } from '../domain/catalog.js';
import { daysBetween, formatDate } from '../domain/dates.js';
import { getLender } from '../domain/lenders.js';
import { formatFen } from '../domain/money.js';
import { TIME_ZONES, planProgress, reminderState, reminders, type Reminder, type ReminderAction } from '../domain/reminders.js';
import type { Translate } from '../i18n/index.js';
import { globalData } from './callback-data.js';
import type { Button, Keyboard, Reply } from './reply.js';
import { productName } from '../documents/names.js';

/** At most this many reminders are listed (with their buttons) in `/reminders`. */
const LISTED = 8;

const press = (label: string, action: ReminderAction, key = ''): Button => ({ label, data: globalData({ type: 'REMINDER', action, key }) });

/**
 * Who to call back: the product, with its hotline where the number is well sourced (FACTS §3). A reminder has no
 * room for a hedge, so a number of medium confidence (美团's general line) is left to the contact step, which says it.
 */
function whoToCall(ctx: LenderCase, t: Translate): string {
  const product = ctx.facts.product;
  const line = product && product !== 'credit_card' ? getLender(product).hotlines.find((h) => h.confidence === 'high') : undefined;
  const name = productName(ctx, t);
  return line ? t('reminders.who', { name, number: line.number }) : name;
}

/** With several debts, each reminder names its lender first. */
function item(x: Reminder, c: CaseContext, t: Translate, today: IsoDate): { html: string; buttons: Button[] } {
  // Rendered from the case it was computed from: its debt is in the list.
  const ctx = forLender(c, debtIndex(c, x.debt)!);
  const part = itemOf(x, ctx, t, today);
  return c.debts.length > 1 ? { ...part, html: `${t('reminders.lender', { name: productName(ctx, t) })}\n${part.html}` } : part;
}

/** One paragraph of the reminder message, and the buttons that answer it. */
function itemOf(x: Reminder, ctx: LenderCase, t: Translate, today: IsoDate): { html: string; buttons: Button[] } {
  const date = formatDate(x.about, ctx.lang);
  switch (x.kind) {
    case 'contact':
      return {
        html: t(x.about === today ? 'reminders.item.contactToday' : 'reminders.item.contactLate', { who: whoToCall(ctx, t), date }),
        buttons: [{ label: t('reminders.button.script'), data: globalData({ type: 'OPEN', step: 'contact' }) }],
      };
    case 'confirmation':
      return {
        html: t('reminders.item.confirmation', { date }),
        buttons: [press(t('reminders.button.doc'), 'doc', x.key), press(t('reminders.button.got'), 'got', x.key)],
      };
    case 'instalment': {
      const i = x.instalment!;
      return {
        html: t('reminders.item.instalment', { number: i.number, of: i.of, amount: formatFen(i.amountFen, ctx.lang), date, count: daysBetween(today, x.about) }),
        buttons: [press(t('reminders.button.paid'), 'paid', x.key), press(t('reminders.button.nope'), 'nope', x.key), press(t('reminders.button.cant'), 'cant', x.key)],
      };
    }
    case 'repayment':
      return { html: t(x.about === today ? 'reminders.item.repaymentToday' : 'reminders.item.repaymentLate', { date }), buttons: [] };
    case 'bill':
      return { html: t('reminders.item.bill'), buttons: [] };
  }
}

/** The day's one reminder message: everything due, combined; each part's buttons on its own row. */
export function renderReminder(items: readonly Reminder[], c: CaseContext, t: Translate, today: IsoDate): Reply {
  const parts = items.map((x) => item(x, c, t, today));
  return {
    kind: 'text',
    html: [`<b>${t('reminders.title')}</b>`, ...parts.map((p) => p.html), t('reminders.footer')].join('\n\n'),
    buttons: parts.map((p) => p.buttons).filter((row) => row.length > 0),
  };
}

/** What a listed reminder is about, in a few words. */
export function what(x: Reminder, lang: CaseContext['lang'], t: Translate): string {
  if (x.kind === 'instalment') return t('reminders.what.instalment', { number: x.instalment!.number, due: formatDate(x.about, lang) });
  return t(`reminders.what.${x.kind}`);
}

/** How far a debt's recorded plan is paid, when there is one. */
function progressLine(c: CaseContext, debt: number, t: Translate): string[] {
  const d = c.debts[debt]!;
  const progress = planProgress(d);
  return progress
    ? [t('reminders.list.plan', { paid: d.plan.months! - progress.left, of: d.plan.months!, count: progress.left, amount: formatFen(progress.remainingFen, c.lang) })]
    : [];
}

/**
 * The listed reminders and plan progress: as one list with one debt; with several, under each lender's name (in
 * the order of the list), numbered across, so the buttons below match.
 */
function listBody(c: CaseContext, list: readonly Reminder[], on: boolean, t: Translate, today: IsoDate): string[] {
  const line = (x: Reminder) => t('reminders.list.line', { n: list.indexOf(x) + 1, date: listedDate(x, c, today), what: what(x, c.lang, t) });
  const empty = on ? t('reminders.list.empty') : t('reminders.list.off');
  if (c.debts.length < 2) {
    return [...progressLine(c, 0, t), on && list.length > 0 ? list.map(line).join('\n') : empty];
  }
  const blocks = c.debts.flatMap(({ id }, debt) => {
    const own = list.filter((x) => x.debt === id);
    const progress = progressLine(c, debt, t);
    if (own.length === 0 && progress.length === 0) return [];
    return [[`<b>${t('reminders.list.lender', { name: productName(forLender(c, debt), t) })}</b>`, ...progress, ...own.map(line)].join('\n')];
  });
  return on && list.length > 0 ? blocks : [...blocks, empty];
}

/** The day a listed reminder goes out: one already late goes out today. */
export const listedDate = (x: Reminder, c: CaseContext, today: IsoDate): string => formatDate(x.date < today ? today : x.date, c.lang);

/** The reminders listed while they are on, numbered in the order shown: by lender (in the order of the list), then by day. */
export function listedReminders(c: CaseContext, today: IsoDate): Reminder[] {
  if (reminderState(c).choice !== 'on') return [];
  const all = reminders(c, today).slice(0, LISTED);
  return c.debts.length > 1 ? [...all].sort((a, b) => debtIndex(c, a.debt)! - debtIndex(c, b.debt)!) : all;
}

/** When reminders go out (while on), or what turning them on would do. */
export function reminderTimes(c: CaseContext, t: Translate): string {
  if (reminderState(c).choice !== 'on') return t('reminders.list.offer');
  const zone = reminderState(c).timeZone;
  return t('reminders.list.when', { zone: zone ? t(`reminders.zones.${TIME_ZONES.indexOf(zone)}`) : t('reminders.list.defaultZone') });
}

/** `/reminders`: what is scheduled, by lender and day; each with cancel and snooze; all can be turned off (or on). */
export function renderReminderList(c: CaseContext, t: Translate, today: IsoDate): Extract<Reply, { kind: 'text' }> {
  const on = reminderState(c).choice === 'on';
  const list = listedReminders(c, today);
  const html = [`<b>${t('reminders.list.title')}</b>`, ...listBody(c, list, on, t, today), reminderTimes(c, t)].join('\n\n');
  const rows: Keyboard = list.map((x, i) => [
    press(t('reminders.button.cancel', { n: i + 1 }), 'x', x.key),
    press(t('reminders.button.day', { n: i + 1 }), 's1', x.key),
    press(t('reminders.button.week', { n: i + 1 }), 's7', x.key),
  ]);
  rows.push(on ? [press(t('reminders.button.zone'), 'tz'), press(t('reminders.button.off'), 'off')] : [press(t('reminders.button.on'), 'on')]);
  return { kind: 'text', html, buttons: rows };
}

/** The zones to keep quiet hours in, two to a row. */
export function renderTimeZonePicker(t: Translate): Reply {
  const buttons = TIME_ZONES.map((_, i) => press(t(`reminders.zones.${i}`), 'z', String(i)));
  return { kind: 'text', html: t('reminders.zonePick'), buttons: Array.from({ length: Math.ceil(buttons.length / 2) }, (_, r) => buttons.slice(r * 2, r * 2 + 2)) };
}

/** The one-time offer, in the manner of the consent question: what it does, and a free choice. */
export function renderReminderOffer(t: Translate): Reply {
  return {
    kind: 'text',
    html: t('reminders.offer'),
    buttons: [[press(t('reminders.button.yes'), 'on'), press(t('reminders.button.no'), 'off')]],
  };
}
