import { PLAN_STATUSES, COMPLAINT_KINDS, CONSENTS, RETURN_TARGETS, type CaseContext, type Debt } from '../../flows/case.js';
import { BANKS, CALL_CHANNELS, CALL_OUTCOMES, CAUSES, CUTS, LANGS, PRODUCTS, REQUESTS, STEPS, STEP_STATUSES, type IsoDate, type Lang } from '../domain/catalog.js';
import { EVIDENCE_BY_CAUSE, evidenceItemsFor } from '../domain/evidence.js';
import { formatDate, formatMonth } from '../domain/dates.js';
import { formatFen } from '../domain/money.js';
import { DEFAULT_TIME_ZONE, REMINDER_CHOICES, REMINDER_KINDS, TIME_ZONES, debtOfKey, keyDay, localTime } from '../domain/reminders.js';
import type { Translate } from '../i18n/index.js';
import { htmlToPlain } from '../render/html.js';
import { productName } from '../documents/names.js';
import type { ReminderJob } from '../engine/ports.js';
import { APP_SESSION_SECONDS, KEPT_RECORDS, type Inventory, type KeptRecordName } from '../store/case-store.js';

/**
 * A copy of everything kept about one person (PIPL Art. 45): a JSON file a program can read and a text summary a
 * person can, both in their language. Pure and front-neutral: Telegram, the terminal and the web fronts hand it
 * what the store and the reminder queue hold at that moment and send the two files it returns.
 */

/** The version of the export's own JSON shape: bumped when a field of the file changes its meaning or place. */
export const EXPORT_SCHEMA_VERSION = 1;
export const CURRENCY = 'CNY';

export interface ExportInput {
  chatId: number;
  userId: number;
  /** The language the files are written in: the case's, else the person's chosen or Telegram's. */
  lang: Lang;
  /** When the copy is made (ms since the epoch, the bot's clock). */
  at: number;
  /**
   * The case as stored now, read with the store's schema version; `asStored` when it cannot be read (damaged, or
   * from a newer version): the person still gets it, as it is kept. Null when none is kept.
   */
  stored: { schema: number; state: unknown; context: CaseContext } | { schema: number; asStored: unknown } | null;
  inventory: Inventory;
  /** The chat's reminder jobs in the queue, soonest first (none where the front has no queue). */
  reminders: readonly ReminderJob[];
  /** The flood window (ms) the engine counts messages in: the flood counter's lifetime. */
  floodWindowMs: number;
}

export interface ExportFile {
  filename: string;
  text: string;
}

export interface Export {
  json: ExportFile;
  summary: ExportFile;
  /** When the case is deleted if nothing more is sent; null without a case. */
  deletesOn: IsoDate | null;
}

/** '765432' fen → '7654.32': exact, never through floating point. */
export const fenToDecimal = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
/** '7654.32' → 765432 (what a reader of the JSON does to get the stored number back). */
export const decimalToFen = (s: string): number => {
  const m = /^(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an amount: ${s}`);
  return Number(m[1]) * 100 + Number(m[2]);
};

const money = (fen: number) => ({ amount: fenToDecimal(fen), currency: CURRENCY });
/** Basis points of a percent as a decimal percent: 4 → '0.04'. */
const bpToPercent = (bp: number): string => String(Number((bp / 100).toPrecision(12)));

/**
 * The case's data as the JSON shows it: the stored shape, field for field, except that money (`…Fen`, integer fen)
 * becomes `{ amount, currency }` under the name without `Fen`, and a rate in basis points (`…Bp`) a decimal
 * percent under `…Percent`. Walked generically, so a field added to the case is exported without a change here.
 */
function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readable);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.endsWith('Fen')) out[key.slice(0, -3)] = typeof v === 'number' ? money(v) : v;
    else if (key.endsWith('Bp')) out[`${key.slice(0, -2)}Percent`] = typeof v === 'number' ? bpToPercent(v) : v;
    else out[key] = readable(v);
  }
  return out;
}

const isoTime = (ms: number) => new Date(ms).toISOString();
/** The calendar day in China of an instant: the day the case's deletion falls on for the person. */
const chinaDay = (ms: number): IsoDate => localTime(ms, DEFAULT_TIME_ZONE).date;

const EVIDENCE_IDS = [...new Set([...Object.values(EVIDENCE_BY_CAUSE).flat(), ...evidenceItemsFor(null)])];

/** Every code the case can hold, with what it means in the person's language. */
function codes(tp: (key: string, vars?: Record<string, unknown>) => string) {
  const table = <C extends string>(list: readonly C[], key: (c: C, i: number) => string) =>
    Object.fromEntries(list.map((c, i) => [c, tp(key(c, i))]));
  return {
    lang: table(LANGS, (l) => `export.codes.lang.${l === 'zh-CN' ? 'zh' : 'en'}`),
    consent: table(CONSENTS, (c) => `export.codes.consent.${c}`),
    product: table(PRODUCTS, (p) => `domain.product.${p}.name`),
    bank: table(BANKS, (b) => `domain.bank.${b}`),
    cause: table(CAUSES, (c) => `domain.cause.${c}`),
    step: table(STEPS, (s) => `hub.step.${s}`),
    stepStatus: table(STEP_STATUSES, (s) => `export.codes.stepStatus.${s}`),
    channel: table(CALL_CHANNELS, (c) => `contact.channel.${c}`),
    outcome: table(CALL_OUTCOMES, (o) => `contact.outcome.${o}`),
    planStatus: table(PLAN_STATUSES, (s) => `export.codes.planStatus.${s}`),
    request: table(REQUESTS, (r) => `statement.request.${r}`),
    snowballCut: table(CUTS, (c) => `snowball.cut.${c}`),
    evidence: table(EVIDENCE_IDS, (e) => `domain.evidence.${e}.label`),
    complaintKind: table(COMPLAINT_KINDS, (k) => `statement.complaintKind.${k}`),
    returnTo: table(RETURN_TARGETS, (r) => `export.codes.returnTo.${r}`),
    reminderChoice: table(REMINDER_CHOICES, (c) => `export.codes.reminderChoice.${c}`),
    reminderKind: table(REMINDER_KINDS, (k) => `export.codes.reminderKind.${k}`),
    timeZone: table(TIME_ZONES, (_z, i) => `reminders.zones.${i}`),
  };
}

export function buildExport(input: ExportInput, t: Translate): Export {
  const { lang, at, stored, inventory } = input;
  /** Plain text: the locales are Telegram HTML, and the files are not. */
  const tp = (key: string, vars: Record<string, unknown> = {}) => htmlToPlain(t(key, vars));
  const c = stored && 'context' in stored ? stored.context : null;
  const deletesAt = inventory.caseTtlMs === null || !stored ? null : at + inventory.caseTtlMs;
  const deletesOn = deletesAt === null ? null : chinaDay(deletesAt);
  const debtName = (id: number) => {
    const d = c?.debts.find((x) => x.id === id);
    return d ? (d.product === null ? tp('debts.unnamed') : htmlToPlain(productName({ facts: d }, t, true))) : tp('export.text.removedDebt');
  };

  const kept = KEPT_RECORDS.map((name) => {
    const r = inventory.records.find((x) => x.name === name);
    return {
      name,
      what: tp(`export.kept.${name}.what`),
      lifetime: lifetimeOf(name, tp, input.floodWindowMs),
      present: r !== undefined,
      entries: r?.entries ?? 0,
      expiresAt: r?.ttlMs == null ? null : isoTime(at + r.ttlMs),
      ...(name === 'seen' ? { updateIds: inventory.seenIds } : {}),
      ...(name === 'prefs' ? { value: inventory.prefs } : {}),
    };
  });
  const jobs = input.reminders.map((j) => ({
    kind: j.kind,
    meaning: tp(`export.codes.reminderKind.${j.kind}`),
    debtId: j.debt,
    debt: debtName(j.debt),
    date: j.date,
    sendsAt: isoTime(j.at),
  }));

  const json = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: isoTime(at),
    language: lang,
    chatId: input.chatId,
    userId: input.userId,
    about: {
      purpose: tp('export.about.purpose'),
      amounts: tp('export.about.amounts', { currency: CURRENCY }),
      dates: tp('export.about.dates'),
      reminderKeys: tp('export.about.reminderKeys'),
      state: tp('export.about.state'),
    },
    case: stored
      ? {
          storedSchemaVersion: stored.schema,
          deletesAt: deletesAt === null ? null : isoTime(deletesAt),
          deletesOn,
          ...('context' in stored ? { state: stored.state, data: readable(stored.context) } : { unreadable: true, asStored: stored.asStored }),
        }
      : null,
    scheduledReminders: jobs,
    keptOutsideCase: [
      ...kept,
      {
        name: 'reminderJobs',
        what: tp('export.kept.reminderJobs.what'),
        lifetime: tp('export.kept.reminderJobs.lifetime'),
        present: jobs.length > 0,
        entries: jobs.length,
        expiresAt: null,
      },
      {
        // Shared by every chat and trimmed by count, not per chat: named, not counted (present is not known).
        name: 'reminderEvents',
        what: tp('export.kept.reminderEvents.what'),
        lifetime: tp('export.kept.reminderEvents.lifetime'),
        present: null,
        entries: null,
        expiresAt: null,
      },
    ],
    codes: codes(tp),
  };
  const day = chinaDay(at);
  const text = summaryText({ c, unreadable: stored !== null && !c, lang, tp, day, deletesOn, jobs, kept, debtName, prefs: inventory.prefs });
  return {
    json: { filename: `xieshang-export-${day}.json`, text: `${JSON.stringify(json, null, 2)}\n` },
    summary: { filename: `xieshang-export-${day}.txt`, text },
    deletesOn,
  };
}

function lifetimeOf(name: KeptRecordName, tp: (key: string, vars?: Record<string, unknown>) => string, floodWindowMs: number): string {
  if (name === 'flood') return tp('export.kept.flood.lifetime', { seconds: Math.round(floodWindowMs / 1000) });
  if (name === 'appSessions') return tp('export.kept.appSessions.lifetime', { minutes: APP_SESSION_SECONDS / 60 });
  return tp(`export.kept.${name}.lifetime`);
}

type Tp = (key: string, vars?: Record<string, unknown>) => string;

/** The readable summary: every section of the case in the person's words, then what is kept beside it. */
function summaryText(s: {
  c: CaseContext | null;
  /** A case is kept that this version cannot read: the JSON holds it as stored. */
  unreadable: boolean;
  lang: Lang;
  tp: Tp;
  day: IsoDate;
  deletesOn: IsoDate | null;
  jobs: ReadonlyArray<{ kind: string; meaning: string; debtId: number; debt: string; date: IsoDate; sendsAt: string }>;
  kept: ReadonlyArray<{ name: string; what: string; lifetime: string; present: boolean; entries: number; expiresAt: string | null }>;
  debtName: (id: number) => string;
  prefs: Inventory['prefs'];
}): string {
  const { c, lang, tp } = s;
  const out: string[] = [tp('export.text.title'), tp('export.text.made', { date: formatDate(s.day, lang) }), ''];
  const field = (label: string, value: string) => out.push(tp('export.text.field', { label: tp(label), value }));
  const notGiven = tp('export.text.notGiven');
  const fen = (v: number | null) => (v === null ? notGiven : formatFen(v, lang));
  const date = (v: IsoDate | null) => (v === null ? notGiven : formatDate(v, lang));
  const text = (v: string | null) => (v === null || v === '' ? notGiven : v);
  const code = (key: string, v: string | null) => (v === null ? notGiven : tp(`${key}.${v}`));
  const heading = (key: string, vars?: Record<string, unknown>) => out.push('', tp(key, vars));

  if (s.unreadable) {
    out.push(s.deletesOn ? tp('export.text.deletesOn', { date: formatDate(s.deletesOn, lang) }) : tp('export.text.noExpiry'), tp('export.text.unreadable'));
  } else if (!c) {
    out.push(tp('export.text.noCase'));
  } else {
    out.push(s.deletesOn ? tp('export.text.deletesOn', { date: formatDate(s.deletesOn, lang) }) : tp('export.text.noExpiry'));
    heading('export.text.section.consent');
    field('export.text.label.consent', code('export.codes.consent', c.consent));
    field('export.text.label.consentOn', date(c.consentOn));
    field('export.text.label.language', tp(`export.codes.lang.${c.lang === 'zh-CN' ? 'zh' : 'en'}`));

    heading('export.text.section.budget');
    field('export.text.label.cause', code('domain.cause', c.facts.cause));
    field('export.text.label.causeSince', c.facts.causeSince === null ? notGiven : c.facts.causeSince.length === 7 ? formatMonth(c.facts.causeSince, lang) : formatDate(c.facts.causeSince, lang));
    field('export.text.label.causeWords', c.facts.causeWords === null ? notGiven : c.facts.causeWords.text);
    field('export.text.label.income', fen(c.facts.incomeFen));
    field('export.text.label.essentials', fen(c.facts.essentialsFen));
    field('export.text.label.otherDebts', fen(c.facts.otherDebtsFen));

    heading('export.text.section.debts', { n: c.debts.length });
    c.debts.forEach((d, i) => debtSection(d, i, s, field, out, { fen, date, text, code }));

    heading('export.text.section.shared');
    for (const step of ['snowball', 'evidence', 'rights'] as const) out.push(tp('export.text.step', { step: tp(`hub.step.${step}`), status: tp(`export.codes.stepStatus.${c.steps[step]}`) }));
    field('export.text.label.snowballCut', code('snowball.cut', c.snowballCut));
    field('export.text.label.evidence', c.evidence.length === 0 ? tp('export.text.none') : c.evidence.map((e) => (EVIDENCE_IDS.includes(e) ? tp(`domain.evidence.${e}.label`) : e)).join(tp('export.text.separator')));

    heading('export.text.section.statement');
    field('export.text.label.name', text(c.statement.name));
    field('export.text.label.phoneTail', text(c.statement.phoneTail));
    field('export.text.label.identityAsked', tp(c.statement.identityAsked ? 'export.text.yes' : 'export.text.no'));

    heading('export.text.section.complaint');
    field('export.text.label.complaintKind', code('statement.complaintKind', c.complaint.kind));
    field('export.text.label.complaintWhat', text(c.complaint.what));
    field('export.text.label.complaintWhen', date(c.complaint.when));

    heading('export.text.section.reminders');
    const r = c.reminders;
    field('export.text.label.reminderChoice', code('export.codes.reminderChoice', r?.choice ?? 'unasked'));
    field('export.text.label.timeZone', r?.timeZone ? tp(`reminders.zones.${TIME_ZONES.indexOf(r.timeZone)}`) : tp('reminders.list.defaultZone'));
    field('export.text.label.remindersSince', date(r?.since ?? null));
    field('export.text.label.lastSentOn', date(r?.lastSentOn ?? null));
    const mark = (key: string) => tp('export.text.mark', { what: tp(`export.codes.reminderKind.${key.split(':')[0]}`), date: formatDate(keyDay(key), lang), debt: s.debtName(debtOfKey(key)) });
    field('export.text.label.cancelled', r && r.cancelled.length > 0 ? r.cancelled.map(mark).join(tp('export.text.separator')) : tp('export.text.none'));
    field('export.text.label.snoozed', r && r.snoozed.length > 0 ? r.snoozed.map((z) => tp('export.text.snooze', { mark: mark(z.key), until: formatDate(z.until, lang) })).join(tp('export.text.separator')) : tp('export.text.none'));
    field('export.text.label.sent', r && r.sent.length > 0 ? r.sent.map(mark).join(tp('export.text.separator')) : tp('export.text.none'));

    heading('export.text.section.technical');
    field('export.text.label.current', tp('export.text.debtNumber', { n: c.current + 1 }));
    field('export.text.label.nextDebtId', String(c.nextDebtId));
    field('export.text.label.callDraft', Object.keys(c.callDraft).length === 0 ? tp('export.text.none') : callLine(tp, c.callDraft, 0, { fen, date, text, code }));
    field('export.text.label.returnTo', code('export.codes.returnTo', c.returnTo));
    field('export.text.label.cameFrom', code('hub.step', c.cameFrom));
    const rehearsal = c.rehearsal;
    field(
      'export.text.label.rehearsal',
      rehearsal.scenario === null && !rehearsal.cardSaved
        ? tp('export.text.none')
        : tp('export.text.rehearsal', {
            scenario: rehearsal.scenario === null ? notGiven : tp(`rehearsal.scenario.${rehearsal.scenario}`),
            count: rehearsal.turns,
            card: tp(rehearsal.cardSaved ? 'export.text.yes' : 'export.text.no'),
          }),
    );
    field('export.text.label.checklistMessageId', c.checklistMessageId === null ? notGiven : String(c.checklistMessageId));
  }

  heading('export.text.section.scheduled', { n: s.jobs.length });
  if (s.jobs.length === 0) out.push(tp('export.text.none'));
  s.jobs.forEach((j, i) => out.push(tp('export.text.job', { n: i + 1, date: formatDate(j.date, lang), what: j.meaning, debt: j.debt })));

  heading('export.text.section.kept');
  for (const k of s.kept) {
    out.push(tp('export.text.kept', { what: k.what, lifetime: k.lifetime }));
    out.push(k.present ? tp('export.text.keptNow', { count: k.entries }) : tp('export.text.keptNone'));
  }
  out.push(tp('export.text.keptJobs', { lifetime: tp('export.kept.reminderJobs.lifetime') }));
  out.push(tp('export.text.keptEvents', { what: tp('export.kept.reminderEvents.what'), lifetime: tp('export.kept.reminderEvents.lifetime') }));
  if (s.prefs?.lang) field('export.text.label.prefsLang', tp(`export.codes.lang.${s.prefs.lang === 'zh-CN' ? 'zh' : 'en'}`));

  out.push('', tp('export.text.footer'));
  return `${out.join('\n')}\n`;
}

function debtSection(
  d: Debt,
  i: number,
  s: { tp: Tp; lang: Lang; debtName: (id: number) => string },
  field: (label: string, value: string) => void,
  out: string[],
  f: Formats,
) {
  const { tp, lang } = s;
  out.push('', tp('export.text.debt', { n: i + 1, name: s.debtName(d.id), id: d.id }));
  field('export.text.label.amount', f.fen(d.amountFen));
  field('export.text.label.dueDate', d.dueDate === null ? f.date(null) : tp(d.dueDateGiven === false ? 'export.text.dueCounted' : 'export.text.dueGiven', { date: formatDate(d.dueDate, lang) }));
  field('export.text.label.dailyRate', d.dailyRateBp === null ? f.text(null) : `${bpToPercent(d.dailyRateBp)}%`);
  field('export.text.label.minimum', d.minimumFen === null ? tp('debts.minimum.none') : f.fen(d.minimumFen));
  field('export.text.label.lenderName', f.text(d.lenderName));
  field('export.text.label.idTail', f.text(d.idTail));
  field('export.text.label.requests', d.requests.length === 0 ? tp('export.text.none') : d.requests.map((r) => tp(`statement.request.${r}`)).join(tp('export.text.separator')));
  field('export.text.label.plan', tp('export.text.plan', { status: tp(`export.codes.planStatus.${d.plan.status}`), monthly: f.fen(d.plan.monthlyFen), months: d.plan.months ?? f.text(null), first: f.date(d.plan.firstDue) }));
  field('export.text.label.agreement', tp('export.text.agreement', { approved: f.date(d.agreement.approvedOn), confirmation: tp(d.agreement.confirmationReceived ? 'export.text.yes' : 'export.text.no'), paid: d.agreement.paid }));
  field('export.text.label.statementWritten', tp(d.statementWritten ? 'export.text.yes' : 'export.text.no'));
  out.push(tp('export.text.steps', { steps: (Object.keys(d.steps) as Array<keyof Debt['steps']>).map((k) => tp('export.text.step', { step: tp(`hub.step.${k}`), status: tp(`export.codes.stepStatus.${d.steps[k]}`) })).join(tp('export.text.separator')) }));
  out.push(tp('export.text.calls', { count: d.calls.length }));
  d.calls.forEach((call, n) => out.push(callLine(tp, call, n + 1, f)));
}

type Formats = { fen: (v: number | null) => string; date: (v: IsoDate | null) => string; text: (v: string | null) => string; code: (key: string, v: string | null) => string };

/** One logged call (or the one being logged, numbered 0): every part of it, "not given" where it is missing. */
const callLine = (tp: Tp, call: CaseContext['callDraft'], n: number, f: Formats) =>
  tp(n === 0 ? 'export.text.draft' : 'export.text.call', {
    n,
    date: f.date(call.date ?? null),
    channel: f.code('contact.channel', call.channel ?? null),
    outcome: f.code('contact.outcome', call.outcome ?? null),
    agent: f.text(call.agentId ?? null),
    promise: f.text(call.promise ?? null),
    next: f.date(call.nextDate ?? null),
  });
