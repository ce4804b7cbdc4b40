import { debtIndex, forLender, monthlySplit, namesNoLender, stepsOf, type CaseContext } from '../../flows/case.js';
import { fromStored } from '../../flows/persistence.js';
import { BANKS, PRODUCTS, REQUESTS, type IsoDate } from '../domain/catalog.js';
import { budget } from '../domain/budget.js';
import { dailyCharge } from '../domain/debts.js';
import { daysBetween, formatDate } from '../domain/dates.js';
import { formatFen } from '../domain/money.js';
import { suggestedStep } from '../domain/progress.js';
import { documentFor, toTelegramHtml } from '../documents/index.js';
import { debtName } from '../documents/names.js';
import type { Translate } from '../i18n/index.js';
import type { StoredCase } from '../store/case-store.js';
import type { CaseView, DebtView, RemindersView } from './case-view-shape.js';
import { listedDate, listedReminders, reminderTimes, what } from './reminders.js';
import { TIME_ZONES, reminderState } from '../domain/reminders.js';
import { chargeText, stageText } from './debts.js';

export type { CaseView, DebtView } from './case-view-shape.js';

function remindersView(c: CaseContext, t: Translate, today: IsoDate): RemindersView {
  const zone = reminderState(c).timeZone;
  return {
    on: reminderState(c).choice === 'on',
    when: reminderTimes(c, t),
    items: listedReminders(c, today).map((x) => ({
      key: x.key,
      date: listedDate(x, c, today),
      what: what(x, c.lang, t),
      lender: c.debts.length > 1 ? debtName(c, debtIndex(c, x.debt)!, t, true) : null,
    })),
    zone: zone === null ? '' : String(TIME_ZONES.indexOf(zone)),
    zones: TIME_ZONES.map((_, i) => ({ value: String(i), label: t(`reminders.zones.${i}`) })),
  };
}

/** An amount as typed into an input: yuan, no grouping, fen only when there are any. */
const typedAmount = (fen: number | null): string => (fen === null ? '' : fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** The case's language as stored; null when there is no case this version can read. */
export const storedLang = (stored: StoredCase | null): CaseContext['lang'] | null => (stored ? (fromStored(stored.schema, stored.snapshot)?.context.lang ?? null) : null);

/** `translatorFor` gives the words of the case's language; the statement's preview is in Chinese, as it is sent. */
export function caseView(stored: StoredCase | null, translatorFor: (lang: CaseContext['lang']) => Translate, today: IsoDate): CaseView | null {
  const snapshot = stored ? fromStored(stored.schema, stored.snapshot) : null;
  if (!stored || !snapshot) return null;
  const { version } = stored;
  const c = snapshot.context;
  const t = translatorFor(c.lang);
  const zh = translatorFor('zh-CN');
  const { lang } = c;
  const money = (fen: number) => formatFen(fen, lang);
  const b = budget({ incomeFen: c.facts.incomeFen, essentialsFen: c.facts.essentialsFen, otherDebtsFen: c.facts.otherDebtsFen });
  const split = monthlySplit(c);
  const debts = c.debts.map((d, i): DebtView => {
    const share = forLender(c, i).share;
    const next = suggestedStep(stepsOf(c, i));
    const made = documentFor('statement', i === c.current ? c : { ...c, current: i }, 'zh-CN', zh, today, zh);
    return {
      id: d.id,
      // Plain text: the page puts words in as text, never as HTML.
      name: debtName(c, i, t, true),
      amount: d.amountFen === null ? t('debts.amountUnknown') : money(d.amountFen),
      stage: stageText(d, t, today),
      charge: chargeText(dailyCharge(d, today), lang, t),
      share: share ? t('app.share', { share: money(share.fen), of: money(share.ofFen) }) : null,
      next: next ? t(`hub.step.${next}`) : t('hub.allDone'),
      fields: {
        product: d.product ?? '',
        bank: d.bank ?? '',
        amount: typedAmount(d.amountFen),
        // As the person gave it (days overdue, counted to today, or the missed date), as the chat reads it back.
        overdue: d.dueDate === null ? '' : d.dueDateGiven === false ? t('app.overdueDays', { count: daysBetween(d.dueDate, today) }) : formatDate(d.dueDate, lang),
        rate: d.dailyRateBp === null ? '' : `${d.dailyRateBp / 100}%`,
        lenderName: d.lenderName ?? '',
        minimum: typedAmount(d.minimumFen),
        idTail: d.idTail ?? '',
      },
      asksLenderName: namesNoLender(d),
      requests: d.requests,
      preview: 'missing' in made ? t('app.previewMissing', { fields: made.missing.map((m) => t(`statement.missingField.${m.replace('.', '_')}`)).join(t('statement.listSeparator')) }) : toTelegramHtml(made.doc),
      ready: !('missing' in made),
    };
  });
  return {
    version,
    lang,
    consent: c.consent === 'given',
    total: t('app.total', { count: c.debts.length, total: money(c.debts.reduce((sum, d) => sum + (d.amountFen ?? 0), 0)) }),
    spare: b === null ? null : b.surplusFen > 0 ? t(split ? 'app.spareSplit' : 'app.spare', { amount: money(b.surplusFen) }) : t('app.spareNone', { gap: money(b.gapFen) }),
    debts,
    budget: {
      income: typedAmount(c.facts.incomeFen),
      essentials: typedAmount(c.facts.essentialsFen),
      otherDebts: typedAmount(c.facts.otherDebtsFen),
      since: c.facts.causeSince ?? '',
      causeWords: c.facts.causeWords?.text ?? (c.facts.cause ? t(`domain.cause.${c.facts.cause}`) : ''),
    },
    statement: { name: c.statement.name ?? '', phoneTail: c.statement.phoneTail ?? '' },
    requests: REQUESTS.map((r) => ({ value: r, label: t(`statement.request.${r}`) })),
    products: PRODUCTS.map((p) => ({ value: p, label: t(`domain.product.${p}.name`) })),
    banks: BANKS.map((b) => ({ value: b, label: t(`domain.bank.${b}`) })),
    reminders: remindersView(c, t, today),
  };
}
