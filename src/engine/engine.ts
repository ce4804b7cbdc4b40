import type { i18n as I18n } from 'i18next';
import { CASE_SCHEMA_VERSION } from '../../flows/case.js';
import type { FlowEvent } from '../../flows/events.js';
import { freshSnapshot, fromStored, toStored, transitionCase, type CaseSnapshot } from '../../flows/persistence.js';
import type { IsoDate, Lang } from '../domain/catalog.js';
import { langFromTelegram, translator, type Translate } from '../i18n/index.js';
import { hashId, type Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { decodeData } from '../render/callback-data.js';
import { renderChecklist } from '../render/checklist.js';
import type { Keyboard, Reply } from '../render/reply.js';
import { stateId } from '../render/state-id.js';
import { renderTurn, type FlowAction } from '../render/turn.js';
import { formatDate } from '../domain/dates.js';
import { toDocx } from '../documents/index.js';
import { LockTimeoutError, StoreUnavailableError, type CaseStore } from '../store/case-store.js';
import { todayIn, type Clock } from './clock.js';
import type { Inbound } from './inbound.js';

/** Where replies go: the Telegram gateway, or the terminal. */
export interface Outbox {
  sendText(chatId: number, html: string, buttons?: Keyboard): Promise<{ messageId: number }>;
  editText(chatId: number, messageId: number, html: string, buttons?: Keyboard): Promise<'edited' | 'unchanged' | 'gone'>;
  sendDocument(chatId: number, file: { filename: string; bytes: Uint8Array; caption?: string }): Promise<{ messageId: number }>;
  answerCallback(callbackQueryId: string, text?: string): Promise<void>;
}

export interface EngineDeps {
  store: CaseStore;
  outbox: Outbox;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
}

export type Outcome = 'handled' | 'duplicate' | 'stale' | 'deleted' | 'unavailable' | 'busy' | 'error';

/** A failed compare-and-set means another writer got in first: recompute from its state, at most this often. */
const MAX_ATTEMPTS = 3;

/**
 * The commit marker for the engine's own follow-up write (the checklist's message id). Telegram's update ids are
 * positive, so the negated id never collides with a real one.
 */
const followUpId = (updateId: number): number => -Math.abs(updateId) - 1;

type Decision =
  | { kind: 'stale' }
  | { kind: 'event'; event: FlowEvent };

function decide(input: Inbound['input'], snapshot: CaseSnapshot, today: IsoDate): Decision {
  switch (input.kind) {
    case 'text':
      return { kind: 'event', event: { type: 'TEXT', text: input.text, today } };
    case 'unsupported':
      return { kind: 'event', event: { type: 'UNSUPPORTED', today } };
    case 'edited':
      return { kind: 'event', event: { type: 'EDITED', today } };
    case 'command': {
      const byCommand = {
        start: 'START',
        checklist: 'HUB',
        statement: 'STATEMENT',
        language: 'LANGUAGE',
        privacy: 'PRIVACY',
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

  async function send(chatId: number, reply: Reply): Promise<number | null> {
    switch (reply.kind) {
      case 'text':
        return (await outbox.sendText(chatId, reply.html, reply.buttons)).messageId;
      case 'checklist':
        return (await outbox.sendText(chatId, reply.html, reply.buttons)).messageId;
      case 'document':
        return (await outbox.sendDocument(chatId, { filename: reply.filename, bytes: await toDocx(reply.doc) })).messageId;
    }
  }

  /** A new case speaks the language the user chose before, else the one their Telegram is set to. */
  async function languageFor(msg: Inbound): Promise<Lang> {
    return (await store.loadPrefs(msg.userId))?.lang ?? langFromTelegram(msg.languageCode);
  }

  /** Performs one turn's effects, in order, after its state is committed. */
  async function perform(
    msg: Inbound,
    t: Translate,
    prev: CaseSnapshot,
    next: CaseSnapshot,
    actions: readonly FlowAction[],
    replies: Reply[],
    version: number,
    today: IsoDate,
  ) {
    for (const action of actions) {
      if (action.type === 'rememberLanguage') await store.savePrefs(msg.userId, action.params as { lang: Lang });
    }
    let posted: number | null = null;
    for (const reply of replies) {
      const id = await send(msg.chatId, reply);
      if (reply.kind === 'checklist') posted = id;
    }
    const checklistId = next.context.checklistMessageId;
    const stepsChanged = JSON.stringify(prev.context.steps) !== JSON.stringify(next.context.steps);
    if (posted === null && stepsChanged && checklistId !== null) {
      const view = renderChecklist(next.context, t);
      await outbox.editText(msg.chatId, checklistId, view.html, view.buttons);
    }
    if (posted !== null && posted !== checklistId) {
      // Remember the new checklist so later progress edits it in place; losing this race only costs an edit.
      const [withId] = transitionCase(next, { type: 'CHECKLIST_POSTED', messageId: posted, today });
      await store.commit({
        chatId: msg.chatId,
        expectedVersion: version,
        updateId: followUpId(msg.updateId),
        schema: CASE_SCHEMA_VERSION,
        snapshot: toStored(withId),
        now: clock.now(),
      });
    }
  }

  async function turn(msg: Inbound): Promise<Outcome> {
    const today = todayIn(clock.now());
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await store.load(msg.chatId);
      const restored = stored ? fromStored(stored.schema, stored.snapshot) : null;
      if (stored && !restored) logger.warn({ chat: hashId(msg.chatId), schema: stored.schema }, 'unreadable case; starting afresh');
      const prev = restored ?? freshSnapshot(await languageFor(msg));
      const t = translator(i18n, prev.context.lang);
      const decision = decide(msg.input, prev, today);
      if (decision.kind === 'stale') {
        if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId, t('input.staleButton'));
        return 'stale';
      }
      const [next, actions] = transitionCase(prev, decision.event);
      const nextT = translator(i18n, next.context.lang);

      if (actions.some((a) => a.type === 'deleteEverything')) {
        const { removed } = await store.deleteAll(msg.chatId, msg.userId);
        if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId);
        await outbox.sendText(
          msg.chatId,
          t('delete.done', { count: removed, date: formatDate(today, prev.context.lang) }),
        );
        return 'deleted';
      }

      const replies = renderTurn({
        snapshot: next,
        actions,
        t: nextT,
        translatorFor: (lang) => translator(i18n, lang),
        today,
      });
      const result = await store.commit({
        chatId: msg.chatId,
        expectedVersion: stored?.version ?? 0,
        updateId: msg.updateId,
        schema: CASE_SCHEMA_VERSION,
        snapshot: toStored(next),
        now: clock.now(),
      });
      if (!result.ok && result.reason === 'duplicate') {
        if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId);
        return 'duplicate';
      }
      if (!result.ok) continue;
      if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId);
      await perform(msg, nextT, prev, next, actions, replies, result.version, today);
      return 'handled';
    }
    logger.warn({ event: 'commit_conflict_exhausted' }, 'gave up after repeated version conflicts');
    return 'busy';
  }

  /** Says "try again" in the user's language guess when the store is down; nothing is lost because nothing moved. */
  async function apologise(msg: Inbound, key: string) {
    const t = translator(i18n, langFromTelegram(msg.languageCode));
    try {
      if (msg.input.kind === 'button') await outbox.answerCallback(msg.input.callbackId, t(key));
      else await outbox.sendText(msg.chatId, t(key));
    } catch (err) {
      logger.warn({ err: errorName(err) }, 'could not send the apology');
    }
  }

  /** Updates being handled now: shutdown waits for them. */
  const inFlight = new Set<Promise<Outcome>>();

  async function handle(msg: Inbound): Promise<Outcome> {
      const started = performance.now();
      let outcome: Outcome;
      try {
        if (await store.seen(msg.chatId, msg.updateId)) {
          outcome = 'duplicate';
        } else {
          outcome = await store.withChatLock(msg.chatId, () => turn(msg));
        }
      } catch (err) {
        if (err instanceof StoreUnavailableError) {
          metrics?.storeError();
          logger.error({ err: errorName(err) }, 'store unavailable');
          await apologise(msg, 'errors.storeDown');
          outcome = 'unavailable';
        } else if (err instanceof LockTimeoutError) {
          await apologise(msg, 'errors.busy');
          outcome = 'busy';
        } else {
          // A bug or a Telegram refusal: the user still hears something, and the error is counted and logged.
          logger.error({ err: errorName(err), chat: hashId(msg.chatId) }, 'update failed');
          await apologise(msg, 'errors.internal');
          outcome = 'error';
        }
      }
      const seconds = (performance.now() - started) / 1000;
      metrics?.updateHandled(outcome === 'handled' ? msg.input.kind : outcome, seconds);
      // Only a keyed hash of the chat: enough to follow one conversation in the logs, never its id or its words.
      logger.debug({ chat: hashId(msg.chatId), kind: msg.input.kind, outcome, ms: Math.round(seconds * 1000) }, 'update');
      return outcome;
  }

  return {
    handle(msg: Inbound): Promise<Outcome> {
      const running = handle(msg);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
      return running;
    },
    /** Resolves true once every update in flight has finished, false if `timeoutMs` passed first. */
    async idle(timeoutMs: number): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
      const done = Promise.allSettled([...inFlight]).then(() => true as const);
      const result = await Promise.race([done, timedOut]);
      clearTimeout(timer);
      return result;
    },
  };
}

/** Only the error's class and code go to the logs: messages can quote user input. */
export const errorName = (err: unknown): string =>
  err instanceof Error ? `${err.name}${'code' in err ? `:${String((err as { code: unknown }).code)}` : ''}` : typeof err;

export type Engine = ReturnType<typeof createEngine>;
