import type { i18n as I18n } from 'i18next';
import { CASE_SCHEMA_VERSION, type CaseContext } from '../../flows/case.js';
import type { FlowEvent } from '../../flows/events.js';
import { isPageField, readPageChange } from '../../flows/page.js';
import { isReminderSetting } from '../../flows/reminders.js';
import type { CareSignal } from '../../flows/machine.js';
import { freshSnapshot, fromStored, toStored, transitionCase, type CaseSnapshot, type StoredRecord } from '../../flows/persistence.js';
import type { IsoDate, Lang } from '../domain/catalog.js';
import { langFromTelegram, translator, type Translate } from '../i18n/index.js';
import { hashId, type Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { decodeData } from '../render/callback-data.js';
import { renderChecklist } from '../render/checklist.js';
import { stateId } from '../render/state-id.js';
import { renderTurn, type FlowAction } from '../render/turn.js';
import { formatDate } from '../domain/dates.js';
import { toDocx } from '../documents/index.js';
import { buildExport } from '../export/export.js';
import {
  StoreUnavailableError,
  type BeginResult,
  type CaseStore,
  type CommitResult,
  type FloodLimit,
  type ForeseenCommit,
  type Written,
} from '../store/case-store.js';
import { todayIn, type Clock } from './clock.js';
import { freshUpdateId, type Inbound } from './inbound.js';
import { createLanes } from './lanes.js';
import { decodeOwed, encodeOwed, type TurnEffects } from './owed.js';
import { createSnapshotCache, heapBytes } from './snapshot-cache.js';
import type { ChatKey, Outbox, ReminderPort } from './ports.js';

export interface EngineDeps {
  store: CaseStore;
  outbox: Outbox;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  /** Per chat (a private chat's id is its user's): the first update over gets one kind answer, the rest are dropped. */
  flood?: FloodLimit | null;
  /** Bytes of snapshots kept in process memory (CACHE_BYTES unless given). */
  cacheBytes?: number;
  /** How long a lane keeps its chat's lease after its last update (LINGER_MS; 0: given back at once). */
  lingerMs?: number;
  /** The reminder queue, kept in step with each committed case; none = no reminders are scheduled. */
  reminders?: ReminderPort | undefined;
}

export type Outcome =
  | 'handled'
  | 'duplicate'
  | 'stale'
  | 'deleted'
  | 'unavailable'
  | 'busy'
  | 'error'
  /** Over the flood limit. */
  | 'flood'
  /** The person had not seen the last question (its reply was still owed): shown now, the update not applied. */
  | 'owed'
  /** A reminder job: the day's reminder message was committed and sent. */
  | 'reminded'
  /** A reminder job with nothing to say (off, nothing due, today's message already sent): nothing written. */
  | 'nothing'
  /** A reminder job for a chat that has no case (deleted, expired): nothing sent, nothing created. */
  | 'gone'
  /** A reminder Telegram refused with 403: the person blocked the bot; reminders are turned off in the case. */
  | 'blocked'
  /** A reminder job run in the person's quiet hours (21:00–09:00 their time): nothing done; it waits. */
  | 'quiet'
  /** /export: a copy of everything kept was sent; nothing in the case changed. */
  | 'exported'
  /** The input was made against a version the case has moved on from (`expectedVersion`): nothing applied. */
  | 'conflict'
  /** A page edit the chat would not take as an answer (the reason is `handlePage`'s): nothing applied. */
  | 'refused';

/** Per chat: at most FLOOD.limit updates in FLOOD.windowMs. */
export const FLOOD: FloodLimit = { limit: 8, windowMs: 5_000 };

/** Whether the checklist's marks moved: the shared steps' or any debt's own (unchanged ones keep their object). */
function progressChanged(a: CaseContext, b: CaseContext): boolean {
  if (a.steps === b.steps && a.debts.length === b.debts.length && a.debts.every((d, i) => d.steps === b.debts[i]?.steps)) return false;
  const marks = (c: CaseContext) => JSON.stringify([c.steps, c.debts.map((d) => d.steps)]);
  return marks(a) !== marks(b);
}

/**
 * Snapshots kept in memory: a case of step 1 is some 4 KB on the heap, so about 4,000 of the chats most recently
 * active, and a process serving many more keeps its footprint (a chat evicted costs one read of its case).
 */
export const CACHE_BYTES = 16 * 2 ** 20;
/** A snapshot's own object, its state nodes list and its children, besides the value and context it holds. */
const SNAPSHOT_SHELL_BYTES = 512;
/**
 * What this process knows of a chat's case at a version: its snapshot, and the record as the store holds it (what
 * the next commit is compared with, so only what changed is written); null when the store holds an older schema.
 */
interface Known {
  snapshot: CaseSnapshot;
  record: StoredRecord | null;
  /** How the store holds it, when known (a follow-up written right after a commit may then be written as changes). */
  written: Written | null;
}
const knownBytes = (k: Known) => SNAPSHOT_SHELL_BYTES + heapBytes(k.snapshot.value) + heapBytes(k.snapshot.context) + heapBytes(k.record);

/** A failed compare-and-set means another writer got in first: recompute from its state, at most this often. */
const MAX_ATTEMPTS = 3;
/** An update waiting longer than this for its chat (a live holder stuck on Telegram) is answered "busy". */
const MAX_WAIT_MS = 60_000;
const DAY_SECONDS = 86_400;
/**
 * How long a chat's lease is kept after its lane runs dry, for an update of the chat arriving at once (a reply
 * answered straight away, messages sent in a burst): that update's turn then neither waits for the lease to be given
 * back nor takes it again, and the replies just sent are marked so in its begin. Short, because another replica's
 * update of this chat waits for it, and replies sent but not yet marked are sent again if the process dies meanwhile.
 */
export const LINGER_MS = 5;

/**
 * What a lane passes from one update to the next: its token (its place in the chat's queue stays its own), whether
 * it holds the chat's lease, and the version whose replies it has just sent.
 */
interface Carry {
  token: string;
  held: boolean;
  sentVersion: number | null;
}
type Begun = Exclude<BeginResult, { kind: 'wait' }>;

/** A turn worked out from a case: what it leads to, the replies it owes, and what its commit writes. */
interface Worked {
  prev: CaseSnapshot;
  next: CaseSnapshot;
  actions: readonly FlowAction[];
  event: FlowEvent;
  effects: TurnEffects;
  record: StoredRecord;
  commit: ForeseenCommit;
}

type Decision =
  | { kind: 'stale' }
  /** /export reads the case and changes nothing in it, so it is not an event of the machine. */
  | { kind: 'export' }
  | { kind: 'event'; event: FlowEvent }
  /** A page's change of no field or choice the page has. */
  | { kind: 'refused'; reason: string };

function decide(input: Inbound['input'], snapshot: CaseSnapshot, today: IsoDate): Decision {
  switch (input.kind) {
    case 'text':
      return { kind: 'event', event: { type: 'TEXT', text: input.text, today } };
    case 'unsupported':
      return { kind: 'event', event: { type: 'UNSUPPORTED', today } };
    case 'edited':
      return { kind: 'event', event: { type: 'EDITED', text: input.text, today } };
    case 'reminder':
      return { kind: 'event', event: { type: 'REMIND', today } };
    case 'pageEdit':
      if (!isPageField(input.field)) return { kind: 'refused', reason: 'page.field' };
      return { kind: 'event', event: { type: 'PAGE_EDIT', field: input.field, debt: input.debt, text: input.text, today } };
    case 'pageSend':
      return { kind: 'event', event: { type: 'PAGE_SEND', debt: input.debt, today } };
    case 'pageReminder':
      if (!isReminderSetting(input.action)) return { kind: 'refused', reason: 'page.field' };
      return { kind: 'event', event: { type: 'PAGE_REMINDER', action: input.action, key: input.key, today } };
    case 'pageDelete':
      return { kind: 'event', event: { type: 'PAGE_DELETE', today } };
    case 'command': {
      if (input.command === 'export') return { kind: 'export' };
      const byCommand = {
        start: 'START',
        checklist: 'HUB',
        statement: 'STATEMENT',
        language: 'LANGUAGE',
        privacy: 'PRIVACY',
        reminders: 'REMINDERS',
        delete: 'DELETE',
        help: 'HELP',
      } as const;
      return { kind: 'event', event: { type: byCommand[input.command], today } };
    }
    case 'button': {
      const d = decodeData(input.data);
      if (d.kind === 'global') return { kind: 'event', event: { ...d.event, today } };
      if (d.kind === 'prompt' && d.tag === stateId(snapshot.value)) {
        return { kind: 'event', event: { type: 'CHOOSE', value: d.value, today } };
      }
      return { kind: 'stale' };
    }
  }
}

export function createEngine(deps: EngineDeps) {
  const { store, outbox, i18n, clock, logger, metrics } = deps;
  const flood = deps.flood === undefined ? FLOOD : deps.flood;
  const cache = createSnapshotCache<Known>({ maxBytes: deps.cacheBytes ?? CACHE_BYTES, sizeOf: knownBytes });
  /** Leases this process holds, each kept alive while its turn runs (a dead process's lease ends by itself). */
  const held = new Map<number, { token: string; timer: NodeJS.Timeout }>();
  /** Updates in flight and writes not awaited on the hot path: what `idle` waits for. */
  const inflight = new Set<Promise<unknown>>();
  const instance = Math.random().toString(36).slice(2, 10);
  /** Why a page edit was refused, for `handlePage` to return with the outcome. */
  const refusals = new WeakMap<Inbound, string>();
  let tokens = 0;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => {});
    return p;
  };

  const hold = (chatId: ChatKey, token: string) => {
    if (held.get(chatId)?.token === token) return;
    drop(chatId);
    const timer = setInterval(() => {
      store.renew(chatId, token).catch(() => {
        // The commit is fenced by the token: a lease lost here only makes that commit recompute.
      });
    }, store.leaseMs / 3);
    timer.unref();
    held.set(chatId, { token, timer });
  };
  const drop = (chatId: ChatKey) => {
    const h = held.get(chatId);
    if (h) clearInterval(h.timer);
    held.delete(chatId);
  };

  /** The cached case at `version`, with the record the store holds for it (and how, when known); else undefined. */
  const storedAt = (chatId: ChatKey, version: number) => {
    const known = cache.get(chatId);
    return known?.version === version && known.snapshot.record ? { snapshot: known.snapshot.snapshot, record: known.snapshot.record, written: known.snapshot.written } : undefined;
  };

  /** Not awaited: gives the lease back and marks the replies sent, or writes a follow-up and keeps the lease. */
  function finish(chatId: ChatKey, token: string, sentVersion: number | null, release: boolean, followUp: CaseSnapshot | null, version = 0) {
    if (release) drop(chatId);
    const base = followUp ? storedAt(chatId, version) : undefined;
    const record = followUp ? toStored(followUp, base) : null;
    const previous = base?.written ? { record: base.record, written: base.written } : undefined;
    const done = store.finish({
      chatId,
      token,
      sentVersion,
      release,
      followUp: followUp ? { expectedVersion: version, schema: CASE_SCHEMA_VERSION, snapshot: record, previous } : null,
    });
    void track(
      done.then(
        (r) => {
          if (followUp && r.version !== null) cache.set(chatId, r.version, { snapshot: followUp, record, written: null });
        },
        (err: unknown) => logger.warn({ err: errorName(err) }, 'finishing a turn failed; the lease expires by itself'),
      ),
    );
  }

  const lanes = createLanes<Carry>(
    (chatId, carry) => {
      if (carry.held) finish(chatId, carry.token, carry.sentVersion, true, null);
    },
    { lingerMs: deps.lingerMs ?? LINGER_MS, onLinger: (ended) => void track(ended) },
  );
  const newToken = () => `${instance}:${++tokens}`;

  /** begin, waiting in update-id order while another turn holds the chat. */
  async function acquire(
    chatId: ChatKey,
    updateId: number | null,
    token: string,
    sentVersion: number | null,
    countFlood: boolean,
    more: () => boolean,
    foreseen: Worked | null = null,
  ) {
    const giveUp = Date.now() + MAX_WAIT_MS;
    let sent = sentVersion;
    let counted = !countFlood;
    // Only the first begin carries the foreseen turn: after a wait the case has most likely moved on.
    let commit = foreseen?.commit;
    for (;;) {
      const cached = cache.get(chatId);
      const begun = await store.begin({
        chatId,
        updateId,
        token,
        cachedVersion: cached?.version ?? 0,
        flood: counted ? null : flood,
        sentVersion: sent,
        more: more(),
        commit,
      });
      sent = null;
      counted = true;
      commit = undefined;
      if (begun.kind !== 'wait') return { begun, cached };
      if (held.get(chatId)?.token === token) drop(chatId);
      if (Date.now() > giveUp) return { begun: null, cached };
      await store.released(chatId, begun.retryMs + Math.floor(Math.random() * 5));
    }
  }

  /** The case at the version `begin` reported: the cached snapshot when it is that version, else the stored one. */
  async function caseOf(
    chatId: ChatKey,
    msg: Inbound | null,
    begun: Extract<Begun, { kind: 'go' }>,
    cached: { version: number; snapshot: Known } | undefined,
  ) {
    if (begun.cached && cached?.version === begun.version) return cached.snapshot.snapshot;
    if (begun.stored) {
      const restored = fromStored(begun.stored.schema, begun.stored.snapshot);
      if (restored) {
        const current = begun.stored.schema === CASE_SCHEMA_VERSION;
        cache.set(chatId, begun.version, { snapshot: restored, record: current ? (begun.stored.snapshot as StoredRecord) : null, written: begun.written });
        return restored;
      }
      logger.warn({ chat: hashId(chatId), schema: begun.stored.schema }, 'unreadable case; starting afresh');
    }
    return msg ? freshSnapshot(await languageFor(msg)) : null;
  }

  /**
   * What a turn from `prev` (the case at `version`, held by the store as `written`) to `next` replies and writes: only
   * what changed when this process holds the record `prev` was stored as.
   */
  function worked(
    chatId: ChatKey,
    prev: CaseSnapshot,
    event: FlowEvent,
    [next, actions]: ReturnType<typeof transitionCase>,
    at: { version: number; written: Written; today: IsoDate },
  ): Worked {
    const { version, written, today } = at;
    const effects = effectsOf(prev, next, actions, translator(i18n, next.context.lang), today);
    const held = storedAt(chatId, version);
    const follows = held?.snapshot === prev ? held : undefined;
    const record = toStored(next, follows);
    const owed = effects.replies.length > 0 || effects.edit ? encodeOwed(actions, today, effects.edit !== null) : null;
    return { prev, next, actions, event, effects, record, commit: { schema: CASE_SCHEMA_VERSION, snapshot: record, owed, previous: follows ? { record: follows.record, written } : undefined } };
  }

  /**
   * The turn an update makes of the cached case, worked out before its begin so that the store can commit it in the
   * same step (one round trip) when the case is still that version. Only turns that do nothing else between begin and
   * commit: not a reminder's (its day and quiet hours are the person's), a page's (read at the version it saw),
   * /export or /delete; and only when the cache knows how the store holds its record.
   */
  function foresee(msg: Inbound, today: IsoDate): Worked | null {
    if (msg.input.kind === 'reminder' || msg.expectedVersion !== undefined) return null;
    const known = cache.get(msg.chatId);
    if (!known?.snapshot.record || !known.snapshot.written) return null;
    const prev = known.snapshot.snapshot;
    const decision = decide(msg.input, prev, today);
    if (decision.kind !== 'event' || readPageChange(prev.context, decision.event) !== null) return null;
    const transition = transitionCase(prev, decision.event);
    if (transition[1].some((a) => a.type === 'deleteEverything')) return null;
    return worked(msg.chatId, prev, decision.event, transition, { version: known.version, written: known.snapshot.written, today });
  }

  async function send(chatId: ChatKey, effects: TurnEffects): Promise<number | null> {
    let posted: number | null = null;
    for (const reply of effects.replies) {
      switch (reply.kind) {
        case 'text':
          await outbox.sendText(chatId, reply.html, reply.buttons);
          break;
        case 'checklist':
          posted = (await outbox.sendText(chatId, reply.html, reply.buttons)).messageId;
          break;
        case 'document':
          await outbox.sendDocument(chatId, { filename: reply.filename, bytes: await toDocx(reply.doc) });
          break;
        case 'file':
          await outbox.sendDocument(chatId, { filename: reply.filename, bytes: new TextEncoder().encode(reply.text) });
          break;
      }
    }
    if (effects.edit) await outbox.editText(chatId, effects.edit.messageId, effects.edit.html, effects.edit.buttons);
    return posted;
  }

  /** Remembers a newly posted checklist so later progress edits it in place; losing this race only costs an edit. */
  function rememberChecklist(chatId: ChatKey, token: string, snapshot: CaseSnapshot | null, version: number, posted: number | null, today: IsoDate) {
    if (posted === null || snapshot === null || posted === snapshot.context.checklistMessageId) return false;
    const [withId] = transitionCase(snapshot, { type: 'CHECKLIST_POSTED', messageId: posted, today });
    finish(chatId, token, version, false, withId, version);
    return true;
  }

  /** A new case speaks the language the user chose before, else the one their Telegram is set to. */
  async function languageFor(msg: Inbound): Promise<Lang> {
    return (await store.loadPrefs(msg.userId))?.lang ?? langFromTelegram(msg.languageCode);
  }

  const answer = async (msg: Inbound, text?: string) => {
    if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId, text);
  };

  /** One update in its chat's lane: begin → transition → commit → replies. Returns what the lane holds after it. */
  async function turn(msg: Inbound, carry: Carry | null, more: () => boolean, durable: () => void): Promise<{ value: Outcome; carry: Carry }> {
    const token = carry?.token ?? newToken();
    let holding = carry?.held ?? false;
    const keep = (sentVersion: number | null = null): Carry => ({ token, held: holding, sentVersion: holding ? sentVersion : null });
    let sent = carry?.sentVersion ?? null;
    let today = todayIn(clock.now());
    const fromReminder = msg.input.kind === 'reminder';
    /** A refused commit: a repeat is answered and ends the turn (returned); a lost lease or a conflict recomputes (null). */
    const refused = async (reason: Exclude<CommitResult, { ok: true }>['reason']): Promise<{ value: Outcome; carry: Carry } | null> => {
      if (reason === 'duplicate') {
        await answer(msg);
        return { value: 'duplicate', carry: keep() };
      }
      if (reason === 'lost' || reason === 'yield') {
        drop(msg.chatId);
        holding = false;
      }
      return null;
    };
    /** A committed turn: remembered, answered, its replies sent, the reminders kept in step. */
    const settled = async (turned: Worked, result: { version: number; written: Written }): Promise<{ value: Outcome; carry: Carry }> => {
      const { prev, next, actions, effects, record, event } = turned;
      cache.set(msg.chatId, result.version, { snapshot: next, record, written: result.written });
      // The turn is stored with the replies it owes: from here on nothing of it is lost if we stop.
      durable();
      await answer(msg);
      for (const action of actions) {
        if (action.type === 'rememberLanguage') await store.savePrefs(msg.userId, action.params as { lang: Lang });
        else if (action.type === 'careSignal') metrics?.careSignal((action.params as { kind: CareSignal }).kind);
      }
      let posted: number | null;
      try {
        posted = await send(msg.chatId, effects);
      } catch (err) {
        if (!fromReminder || !isBlocked(err)) throw err;
        // Blocked: the reminder cannot be delivered, so it is not owed; reminders are off in the case.
        const [off] = transitionCase(next, { type: 'REMINDERS_BLOCKED', today });
        finish(msg.chatId, token, result.version, false, off, result.version);
        return { value: 'blocked', carry: keep() };
      }
      const followed = rememberChecklist(msg.chatId, token, next, result.version, posted, today);
      const aboutReminders = fromReminder || event.type === 'REMINDERS' || event.type === 'REMINDER' || event.type === 'PAGE_REMINDER';
      await keepRemindersInStep(msg.chatId, prev, next, today, aboutReminders);
      return { value: fromReminder ? 'reminded' : 'handled', carry: keep(followed ? null : result.version) };
    };
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const foreseen = attempt === 1 ? foresee(msg, today) : null;
        const { begun, cached } = await acquire(msg.chatId, msg.updateId, token, sent, attempt === 1 && !fromReminder && !msg.paced, more, foreseen);
        sent = null;
        if (!begun) {
          holding = false;
          await apologise(msg, 'errors.busy');
          return { value: 'busy', carry: keep() };
        }
        if (begun.kind === 'flood') {
          if (begun.first) await tellTooFast(msg);
          return { value: 'flood', carry: keep() };
        }
        if (begun.kind === 'duplicate') {
          await answer(msg);
          return { value: 'duplicate', carry: keep() };
        }
        holding = true;
        hold(msg.chatId, token);
        // Only a begin given the foreseen turn commits it.
        if (begun.kind === 'committed') return await settled(foreseen!, begun);
        // The page showed an older case (the chat moved meanwhile): it shows the fresh one; nothing is overwritten.
        if (msg.expectedVersion !== undefined && begun.version !== msg.expectedVersion) return { value: 'conflict', carry: keep() };
        // A reminder never creates a case: one deleted (or expired) since the job was scheduled gets nothing.
        const prev = await caseOf(msg.chatId, fromReminder ? null : msg, begun, cached);
        if (prev === null) return { value: 'gone', carry: keep() };
        if (fromReminder && deps.reminders?.isQuiet(prev.context)) return { value: 'quiet', carry: keep() };
        // A reminder speaks of the person's own day, in their zone, not China's.
        if (fromReminder && deps.reminders) today = deps.reminders.today(prev.context);

        if (begun.owed) {
          // Replies a crash or a failed send left owed: shown first. Whatever this update says was typed without
          // them, so it is recorded as seen and not applied. Recorded before the replies go out: they stay owed
          // until sent, and the update is settled even while Telegram makes us wait.
          if (!begun.duplicate) {
            await store.commit({ chatId: msg.chatId, token, expectedVersion: begun.version, updateId: msg.updateId, schema: CASE_SCHEMA_VERSION, snapshot: null, owed: null });
          }
          durable();
          const posted = await send(msg.chatId, owedEffects(prev!, begun.owed.payload));
          await answer(msg);
          const followed = rememberChecklist(msg.chatId, token, prev, begun.version, posted, today);
          return { value: begun.duplicate ? 'duplicate' : 'owed', carry: keep(followed ? null : begun.owed.version) };
        }

        const lang = prev!.context.lang;
        const t = translator(i18n, lang);
        const decision = decide(msg.input, prev!, today);
        // A page's change is read here, under the lease (an edit at the version the page saw): refused, it says why.
        const reading = decision.kind === 'event' ? readPageChange(prev!.context, decision.event) : null;
        const refusal = decision.kind === 'refused' ? decision.reason : reading && !reading.ok ? reading.reason : null;
        if (refusal !== null) {
          refusals.set(msg, refusal);
          return { value: 'refused', carry: keep() };
        }
        if (decision.kind === 'stale') {
          await answer(msg, t('input.staleButton'));
          return { value: 'stale', carry: keep() };
        }
        if (decision.kind === 'refused') return { value: 'refused', carry: keep() };
        if (decision.kind === 'export') {
          // Made under the chat's lease, so it is the store at this moment. Only the update id is recorded: the
          // case is not written, so its expiry stays where the person's last message set it.
          const exists = begun.version !== 0;
          // A case this version cannot read (the turn would start afresh) is still the person's: sent as stored.
          const raw = begun.stored && fromStored(begun.stored.schema, begun.stored.snapshot) === null ? begun.stored : null;
          const made = await exportOf(msg, raw ? { schema: raw.schema, asStored: raw.snapshot } : exists ? prev : null, lang);
          const result = await store.commit({ chatId: msg.chatId, token, expectedVersion: begun.version, updateId: msg.updateId, schema: CASE_SCHEMA_VERSION, snapshot: null, owed: null });
          if (!result.ok) {
            const ended = await refused(result.reason);
            if (ended) return ended;
            continue;
          }
          await answer(msg);
          const when = formatDate(today, lang);
          const intro = exists && made.deletesOn ? t('export.sent', { date: when, deletes: formatDate(made.deletesOn, lang) }) : t('export.sentNoCase', { date: when });
          await send(msg.chatId, {
            replies: [
              { kind: 'text', html: intro },
              { kind: 'file', ...made.summary },
              { kind: 'file', ...made.json },
            ],
            edit: null,
          });
          metrics?.exported(exists);
          // That a copy was made, and its size: never what is in it.
          logger.info({ chat: hashId(msg.chatId), event: 'export', case: exists, bytes: made.json.text.length + made.summary.text.length }, 'export sent');
          return { value: 'exported', carry: keep() };
        }
        const transition = transitionCase(prev!, decision.event);
        const [, actions] = transition;
        if (fromReminder && actions.length === 0) return { value: 'nothing', carry: keep() };

        if (actions.some((a) => a.type === 'deleteEverything')) {
          // Jobs first: once the case is gone, nothing would say which jobs were this chat's.
          const jobs = deps.reminders ? await queueCall(deps.reminders.removeAll(msg.chatId)) : 0;
          const { removed } = await store.deleteAll(msg.chatId, msg.userId);
          durable();
          cache.delete(msg.chatId);
          drop(msg.chatId);
          holding = false;
          await answer(msg);
          const done = t('delete.done', { count: removed, date: formatDate(today, lang) });
          await outbox.sendText(msg.chatId, jobs > 0 ? `${done}\n${t('reminders.deleted', { count: jobs })}` : done);
          return { value: 'deleted', carry: keep() };
        }

        const turned = worked(msg.chatId, prev!, decision.event, transition, { version: begun.version, written: begun.written, today });
        const result = await store.commit({ ...turned.commit, chatId: msg.chatId, token, expectedVersion: begun.version, updateId: msg.updateId, keepExpiry: fromReminder });
        if (!result.ok) {
          const ended = await refused(result.reason);
          if (ended) return ended;
          continue;
        }
        return await settled(turned, result);
      }
      logger.warn({ event: 'commit_conflict_exhausted' }, 'gave up after repeated version conflicts');
      await apologise(msg, 'errors.busy');
      return { value: 'busy', carry: keep() };
    } catch (err) {
      // Replies the lane sent before this turn stay to be marked sent when its begin never got through.
      return { value: await failed(msg, err), carry: keep(sent) };
    }
  }

  /**
   * After the commit: the queue gets the jobs the case now needs and loses those it no longer does (idempotent by
   * job id); a reminder turn, /reminders or a reminder button re-adds every job. A failure here is logged, never
   * the user's problem: the next such turn mends it.
   */
  async function keepRemindersInStep(chatId: ChatKey, prev: CaseSnapshot, next: CaseSnapshot, today: IsoDate, refresh: boolean) {
    const r = deps.reminders;
    if (!r) return;
    try {
      // Reminders follow every debt: its call-backs, its plan, its repayment day.
      await queueCall(r.reconcile(chatId, prev.context, next.context, today, refresh));
    } catch (err) {
      logger.warn({ err: errorName(err), chat: hashId(chatId) }, 'could not update the reminder queue');
    }
  }

  /** A copy of everything kept for the chat and its user, read from the store and the reminder queue now. */
  async function exportOf(msg: Inbound, snapshot: CaseSnapshot | { schema: number; asStored: unknown } | null, lang: Lang) {
    const [inventory, jobs] = await Promise.all([store.inventory(msg.chatId, msg.userId), deps.reminders?.list(msg.chatId) ?? []]);
    return buildExport(
      {
        chatId: msg.chatId,
        userId: msg.userId,
        lang,
        at: clock.now(),
        stored: snapshot === null || 'asStored' in snapshot ? snapshot : { schema: CASE_SCHEMA_VERSION, state: snapshot.value, context: snapshot.context },
        inventory,
        reminders: jobs,
        floodWindowMs: (flood ?? FLOOD).windowMs,
      },
      translator(i18n, lang),
    );
  }

  /** The replies a turn owes, and the checklist edit when its progress changed without a new checklist. */
  function effectsOf(prev: CaseSnapshot, next: CaseSnapshot, actions: readonly FlowAction[], t: Translate, today: IsoDate): TurnEffects {
    const replies = renderTurn({ snapshot: next, actions, t, translatorFor: (lang) => translator(i18n, lang), today });
    // A change on the page moves the checklist's amounts and split, not only its marks: edited when it reads otherwise.
    const changed =
      progressChanged(prev.context, next.context) ||
      (actions.some((a) => a.type === 'fromPage') && prev.context !== next.context && renderChecklist(prev.context, t, today).html !== renderChecklist(next.context, t, today).html);
    return { replies, edit: changed && !replies.some((r) => r.kind === 'checklist') ? checklistEdit(next, t, today) : null };
  }

  function checklistEdit(snapshot: CaseSnapshot, t: Translate, today: IsoDate): TurnEffects['edit'] {
    const messageId = snapshot.context.checklistMessageId;
    if (messageId === null) return null;
    const view = renderChecklist(snapshot.context, t, today);
    return { messageId, html: view.html, buttons: view.buttons };
  }

  /** The owed replies, rendered again from the committed case and what the outbox kept of the turn. */
  function owedEffects(snapshot: CaseSnapshot, payload: string): TurnEffects {
    const owed = decodeOwed(payload);
    const t = translator(i18n, snapshot.context.lang);
    const replies = renderTurn({ snapshot, actions: owed.actions, t, translatorFor: (lang) => translator(i18n, lang), today: owed.today });
    return { replies, edit: owed.edit ? checklistEdit(snapshot, t, owed.today) : null };
  }

  async function tellTooFast(msg: Inbound) {
    const t = translator(i18n, langFromTelegram(msg.languageCode));
    if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId, t('flood.tooFast'));
    else await outbox.sendText(msg.chatId, t('flood.tooFast'));
  }

  async function failed(msg: Inbound, err: unknown): Promise<Outcome> {
    if (err instanceof StoreUnavailableError) {
      metrics?.storeError();
      logger.error({ err: errorName(err) }, 'store unavailable');
      await apologise(msg, 'errors.storeDown');
      return 'unavailable';
    }
    // A bug or a Telegram refusal: the user still hears something, and the error is counted and logged.
    logger.error({ err: errorName(err), chat: hashId(msg.chatId) }, 'update failed');
    await apologise(msg, 'errors.internal');
    return 'error';
  }

  /** Says "try again" in the user's language guess; nothing is lost because nothing moved. */
  async function apologise(msg: Inbound, key: string) {
    // A reminder job is retried by its queue; the person asked nothing, so hears nothing of it.
    if (msg.input.kind === 'reminder') return;
    const t = translator(i18n, langFromTelegram(msg.languageCode));
    try {
      if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId, t(key));
      else await outbox.sendText(msg.chatId, t(key));
    } catch (err) {
      logger.warn({ err: errorName(err) }, 'could not send the apology');
    }
  }

  /** The start-up sweep for one chat: sends what its last turn still owes, before any update of the chat. */
  async function sweep(chatId: ChatKey, carry: Carry | null, more: () => boolean): Promise<{ value: boolean; carry: Carry }> {
    const token = carry?.token ?? newToken();
    let holding = carry?.held ?? false;
    const keep = (sentVersion: number | null = null): Carry => ({ token, held: holding, sentVersion: holding ? sentVersion : null });
    try {
      const { begun, cached } = await acquire(chatId, null, token, carry?.sentVersion ?? null, false, more);
      if (begun?.kind !== 'go') return { value: false, carry: keep() };
      holding = true;
      hold(chatId, token);
      const snapshot = begun.owed ? await caseOf(chatId, null, begun, cached) : null;
      if (!begun.owed || !snapshot) return { value: false, carry: keep() };
      const posted = await send(chatId, owedEffects(snapshot, begun.owed.payload));
      const followed = rememberChecklist(chatId, token, snapshot, begun.version, posted, todayIn(clock.now()));
      return { value: true, carry: keep(followed ? null : begun.owed.version) };
    } catch (err) {
      logger.warn({ err: errorName(err), chat: hashId(chatId) }, 'could not send owed replies');
      return { value: false, carry: keep() };
    }
  }

  function run(msg: Inbound, durable: () => void): Promise<Outcome> {
    const started = performance.now();
    return track(
      lanes.run(msg.chatId, msg.updateId, (carry, more) => turn(msg, carry, more, durable)).then((outcome) => {
        const seconds = (performance.now() - started) / 1000;
        metrics?.updateHandled(outcome === 'handled' ? msg.input.kind : outcome, seconds);
        // Only a keyed hash of the chat: enough to follow one conversation in the logs, never its id or its words.
        if (logger.isLevelEnabled('debug')) {
          logger.debug({ chat: hashId(msg.chatId), kind: msg.input.kind, outcome, ms: Math.round(seconds * 1000) }, 'update');
        }
        return outcome;
      }),
    );
  }

  const api = {
    /** Handles one update of a private chat; resolves once its state is committed and its replies are sent. */
    handle: (msg: Inbound): Promise<Outcome> => run(msg, () => {}),

    /**
     * Handles one update like `handle`, but resolves as soon as Telegram may forget it: once the turn is committed
     * with the replies it owes (they are sent after, in its chat's lane, and by the start-up sweep after a crash),
     * or once the update is over without a commit (a repeat, an apology). A 429 on one chat's reply then holds up
     * neither the polling offset nor a webhook answer. `idle` still waits for the replies.
     */
    accept(msg: Inbound): Promise<Outcome | 'committed'> {
      let durable: () => void = () => {};
      const committed = new Promise<'committed'>((r) => (durable = () => r('committed')));
      return Promise.race([committed, run(msg, durable)]);
    },

    /** An input from the Mini App's page: its outcome, and for a refused edit the reason (an intake reject key). */
    async handlePage(msg: Inbound): Promise<{ outcome: Outcome; reason: string | null }> {
      const outcome = await api.handle(msg);
      return { outcome, reason: refusals.get(msg) ?? null };
    },

    /** Runs a reminder job as a turn of its chat: the machine decides what to say from the case as it is now. */
    remind(job: { chatId: ChatKey }): Promise<Outcome> {
      // A fresh id per run: a retried job is decided again by the case (which already knows what was said).
      return api.handle({ chatId: job.chatId, userId: job.chatId, updateId: freshUpdateId(), input: { kind: 'reminder' } });
    },

    /** A group or channel: one polite line per chat per day that we work in private chats only; nothing kept. */
    async notPrivate(input: { chatId: ChatKey; languageCode?: string | undefined; callbackId?: string | undefined }) {
      const t = translator(i18n, langFromTelegram(input.languageCode));
      try {
        if (input.callbackId) await outbox.answerCallback(input.callbackId, t('group.notPrivate'));
        else if (await store.claimNotice(input.chatId, DAY_SECONDS)) await outbox.sendText(input.chatId, t('group.notPrivate'));
      } catch (err) {
        logger.warn({ err: errorName(err) }, 'could not answer a group');
      }
    },

    /** At start-up: sends every chat's owed replies (a crash or deploy between a commit and its replies). */
    async resumeOwed(): Promise<number> {
      const chats = await store.owedChats();
      const sent = await Promise.all(chats.map((chatId) => track(lanes.run(chatId, 0, (carry, more) => sweep(chatId, carry, more)))));
      return sent.filter(Boolean).length;
    },

    /**
     * Resolves true once no update is in flight and every lease is given back, or false after `timeoutMs`; then
     * the leases still held are given back at once, so another replica can take those chats over (SIGTERM).
     */
    async idle(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      lanes.settleAll();
      while (inflight.size > 0 && Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inflight]),
          new Promise((r) => (timer = setTimeout(r, deadline - Date.now()))),
        ]);
        clearTimeout(timer);
        // Lanes that ran dry while we waited give their leases back now rather than after their linger.
        lanes.settleAll();
      }
      if (inflight.size === 0) return true;
      await Promise.allSettled(
        [...held].map(([chatId, h]) => {
          drop(chatId);
          return store.finish({ chatId, token: h.token, sentVersion: null, followUp: null, release: true });
        }),
      );
      return false;
    },
  };
  return api;
}

/**
 * The reminder queue's connection waits out a Redis that is down or frozen (BullMQ needs it so); a turn does not:
 * past this it goes on as if the store were down (the call itself finishes, or not, in the background).
 */
const QUEUE_WAIT_MS = 2_000;
function queueCall<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError('the reminder queue did not answer in time')), QUEUE_WAIT_MS);
  });
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}

/** Telegram's 403: the person blocked the bot (or deleted their account). */
const isBlocked = (err: unknown): boolean => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 403;

/** Only the error's class and code go to the logs: messages can quote user input. */
export const errorName = (err: unknown): string =>
  err instanceof Error ? `${err.name}${'code' in err ? `:${String((err as { code: unknown }).code)}` : ''}` : typeof err;

export type Engine = ReturnType<typeof createEngine>;
