import { debtIndex, forLender, type CaseContext, type DebtFacts } from '../../flows/case.js';
import type { CaseSnapshot } from '../../flows/persistence.js';
import type { RemindParams } from '../../flows/reminders.js';
import type { IsoDate, Lang } from '../domain/catalog.js';
import { documentFilename, documentFor, toTelegramHtml, type DocumentKind } from '../documents/index.js';
import type { Translate } from '../i18n/index.js';
import { splitHtml } from './html.js';
import { languageButtons, renderPrompt } from './prompts.js';
import { renderReminder, renderReminderList, renderReminderOffer, renderTimeZonePicker } from './reminders.js';
import type { Reply } from './reply.js';
import { stateId } from './state-id.js';
import { renderStatusSummary } from './status-summary.js';

export interface FlowAction {
  type: string;
  params?: unknown;
}

type NoticeParams = { key: string; vars?: Record<string, string | number>; alone?: boolean; also?: Lang };
type ProductView = { product: DebtFacts['product']; bank: DebtFacts['bank'] };

/** The case as seen with the steps on the debt with this id (a document the page asked for another lender). */
const aboutDebt = (c: CaseContext, id: number | undefined): CaseContext => {
  const index = id === undefined ? null : debtIndex(c, id);
  return index === null || index === c.current ? c : { ...c, current: index };
};

/** Long texts become several messages; the buttons go with the last one, where the thumb is. */
function splitReply(reply: Reply): Reply[] {
  if (reply.kind !== 'text') return [reply];
  const parts = splitHtml(reply.html);
  return parts.map((html, i) =>
    i === parts.length - 1 && reply.buttons ? { kind: 'text', html, buttons: reply.buttons } : { kind: 'text', html },
  );
}

/**
 * One turn's messages: the machine's notices, then the current question. Notices are folded into the question's
 * message so a phone shows one calm message, not three; a notice marked `alone` (the reply to despair) is its
 * own message, so it is never read as a footnote to a question.
 */
export function renderTurn(input: {
  snapshot: CaseSnapshot;
  actions: readonly FlowAction[];
  t: Translate;
  /** Documents may be in another language than the chat (the statement is always written in Chinese). */
  translatorFor: (lang: Lang) => Translate;
  today: IsoDate;
}): Reply[] {
  const { snapshot, actions, t, today } = input;
  const notices: string[] = [];
  const out: Reply[] = [];
  const lender = forLender(snapshot.context);
  /** A change made on the Mini App: the chat gets what it made (a document), not its current question again. */
  const fromPage = actions.some((a) => a.type === 'fromPage');
  /** The reminder list: the turn's notices (about reminders) join it rather than the question. */
  let list: Extract<Reply, { kind: 'text' }> | null = null;
  for (const action of actions) {
    if (action.type === 'notice') {
      const p = action.params as NoticeParams;
      // Words of despair written in the other language are answered in that language as well.
      const also = p.also ? `\n\n${input.translatorFor(p.also)(p.key, p.vars ?? {})}` : '';
      if (p.alone) out.push({ kind: 'text', html: t(p.key, p.vars ?? {}) + also });
      else notices.push(t(p.key, p.vars ?? {}));
    } else if (action.type === 'showLanguagePicker') {
      out.push({ kind: 'text', html: t('language.pick'), buttons: languageButtons() });
    } else if (action.type === 'deliverDocument') {
      const { kind, lang, debt } = action.params as { kind: DocumentKind; lang: Lang; debt?: number };
      const made = documentFor(kind, aboutDebt(snapshot.context, debt), lang, input.translatorFor(lang), today, input.translatorFor('zh-CN'));
      if ('missing' in made) {
        notices.push(t('statement.missing', { fields: made.missing.map((m) => t(`statement.missingField.${m.replace('.', '_')}`)).join(t('statement.listSeparator')) }));
        continue;
      }
      const { doc } = made;
      if (!fromPage) out.push({ kind: 'text', html: toTelegramHtml(doc) });
      out.push({ kind: 'document', filename: documentFilename(doc, today), doc });
    } else if (action.type === 'remind') {
      out.push(renderReminder((action.params as RemindParams).items, snapshot.context, t, today));
    } else if (action.type === 'showReminders') {
      list = renderReminderList(snapshot.context, t, today);
    } else if (action.type === 'showTimeZones') {
      out.push(renderTimeZonePicker(t));
    } else if (action.type === 'showStatusResult') {
      out.push({ kind: 'text', html: renderStatusSummary(lender, t, today) });
    } else if (action.type === 'offerReminders') {
      // Its own message before the question, so the question stays last, where the thumb is.
      out.push(renderReminderOffer(t));
    }
  }
  if (list) out.push({ ...list, html: [...notices.splice(0), list.html].join('\n\n') });
  // A reminder job's message stands alone, and so does what the page made: the conversation is not asked again.
  if (fromPage || actions.some((a) => a.type === 'remind')) {
    if (notices.length > 0) out.push({ kind: 'text', html: notices.join('\n\n') });
    return out.flatMap(splitReply);
  }
  // A product picked without consent shapes this reply only; the stored case never holds it.
  const view = actions.find((a) => a.type === 'viewProduct')?.params as ProductView | undefined;
  const ctx = view ? { ...lender, facts: { ...lender.facts, ...view } } : lender;
  const prompt = renderPrompt({ id: stateId(snapshot.value), ctx, whole: snapshot.context, t, today, translatorFor: input.translatorFor });
  if (prompt?.kind === 'text') {
    out.push({ ...prompt, html: [...notices, prompt.html].join('\n\n') });
  } else {
    if (notices.length > 0) out.push({ kind: 'text', html: notices.join('\n\n') });
    if (prompt) out.push(prompt);
  }
  return out.flatMap(splitReply);
}
