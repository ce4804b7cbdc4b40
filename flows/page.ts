import { REQUESTS, type IsoDate, type RequestKind } from '../src/domain/catalog.js';
import { cleanNote } from '../src/domain/answers.js';
import { isOptionLabel } from '../src/domain/free-text.js';
import { readCause } from '../src/domain/understanding/causes.js';
import { LIMITS, debtIndex, type CaseContext } from './case.js';
import type { FlowEvent } from './events.js';
import { CHOICES, SKIP_CLEARS, isChoiceOf, readTextAnswer, type TextQuestion } from './questions.js';
import { changeReminders, type ReminderRefusal, type ReminderSetting } from './reminders.js';

/**
 * A change made on the Mini App's page: one field and what the person typed into it. It is read by the same
 * readers, with the same limits, as the chat's answer to that field's question, so "1.2万" or "五千五" means on the
 * page what it means in the chat, and what the chat refuses the page cannot store.
 */
export const PAGE_FIELDS = [
  // About one debt (named by its id).
  'product',
  'bank',
  'amount',
  'overdue',
  'rate',
  'lenderName',
  'minimum',
  'idTail',
  'requests',
  // The budget, shared by every debt.
  'income',
  'essentials',
  'otherDebts',
  'since',
  'causeWords',
  // The person's own details on every letter.
  'name',
  'phoneTail',
] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

const DEBT_FIELDS: ReadonlySet<PageField> = new Set(['product', 'bank', 'amount', 'overdue', 'rate', 'lenderName', 'minimum', 'idTail', 'requests']);
export const isDebtField = (f: PageField): boolean => DEBT_FIELDS.has(f);
export const isPageField = (f: unknown): f is PageField => typeof f === 'string' && (PAGE_FIELDS as readonly string[]).includes(f);

export interface PageEdit {
  field: PageField;
  /** The debt's id for a field about one debt; null for the budget and the person's details. */
  debt: number | null;
  text: string;
}

export type PageReading = { ok: true; patch: Partial<CaseContext> } | { ok: false; reason: string };

/** Requests as the page sends them: the chosen kinds, comma-separated, in any order ("" = none). */
function readRequests(text: string): RequestKind[] | null {
  const chosen = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (!chosen.every((s) => (REQUESTS as readonly string[]).includes(s))) return null;
  return REQUESTS.filter((r) => chosen.includes(r));
}

/**
 * What an edit changes in the case, or why it is refused (an `intake.reject.*` reason, as the chat says it). Only
 * a case whose details may be kept (consent given) is edited. An empty field clears what the chat's "skip" clears.
 */
export function readPageEdit(c: CaseContext, edit: PageEdit, today: IsoDate): PageReading {
  if (!isPageField(edit.field)) return { ok: false, reason: 'page.field' };
  if (c.consent !== 'given') return { ok: false, reason: 'page.consent' };
  const index = isDebtField(edit.field) ? (edit.debt === null ? null : debtIndex(c, edit.debt)) : c.current;
  if (index === null) return { ok: false, reason: 'page.gone' };
  // The readers work on the debt the steps are on: seen here as if the edited one were.
  const at: CaseContext = index === c.current ? c : { ...c, current: index };
  const keep = (patch: Partial<CaseContext>): PageReading => ({ ok: true, patch: { ...patch, current: c.current } });
  const text = edit.text.trim();
  if (edit.field === 'requests') {
    const requests = readRequests(text);
    if (requests === null) return { ok: false, reason: 'page.requests' };
    return keep({ debts: c.debts.map((d, i) => (i === index ? { ...d, requests } : d)) });
  }
  if (edit.field === 'causeWords') {
    // The cause as the person says it: read for which cause it is (and since when), and quoted as written.
    const read = readCause(text, today);
    const words = cleanNote(text, LIMITS.freeText);
    if (!read || words === null) return { ok: false, reason: 'page.cause' };
    const quoted = isOptionLabel('cause', text) ? null : { cause: read.cause, text: words };
    return keep({ facts: { ...c.facts, cause: read.cause, causeWords: quoted, ...(read.since ? { causeSince: read.since } : {}) } });
  }
  if (edit.field === 'product' || edit.field === 'bank') {
    // Chosen from the chat's own list; a bank only for a credit card.
    const card = at.debts[index]!.product === 'credit_card';
    if (!isChoiceOf(edit.field, text) || (edit.field === 'bank' && !card)) return { ok: false, reason: 'page.choice' };
    return keep(CHOICES[edit.field].apply(text)(at));
  }
  const q: TextQuestion = edit.field;
  if (text.length === 0) {
    const clear = SKIP_CLEARS[q];
    return clear ? keep(clear(at)) : { ok: false, reason: 'note.empty' };
  }
  const r = readTextAnswer(q, text, today, at);
  if (r.ok) return keep(r.apply(at));
  return { ok: false, reason: r.reason };
}

/** Why a reminder choice made on the page changes nothing, in the page's words (`app.reject.page.*`). */
const REMINDER_REFUSALS: Record<ReminderRefusal, string> = { consent: 'page.consent', debtGone: 'page.gone', gone: 'page.reminderGone', notOnList: 'page.choice' };

/** A choice about reminders made on the page: read as the chat's button is, the page's reason when it changes nothing. */
export function readPageReminder(c: CaseContext, choice: { action: ReminderSetting; key: string }, today: IsoDate): PageReading {
  const change = changeReminders(c, choice.action, choice.key, today);
  return change.ok ? { ok: true, patch: { reminders: change.state } } : { ok: false, reason: REMINDER_REFUSALS[change.why] };
}

/**
 * What a change made on the page does to the case, or why it changes nothing; null for an event not of the page's
 * changes. The engine checks it before the turn (to say why on the page); the machine's guard applies it.
 */
export function readPageChange(c: CaseContext, event: FlowEvent): PageReading | null {
  if (event.type === 'PAGE_EDIT') return readPageEdit(c, event, event.today);
  if (event.type === 'PAGE_REMINDER') return readPageReminder(c, event, event.today);
  return null;
}
