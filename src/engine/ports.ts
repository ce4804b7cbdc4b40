import type { IsoDate } from '../domain/catalog.js';
import type { ReminderCase, ReminderKind } from '../domain/reminders.js';
import type { Keyboard } from '../render/reply.js';

/**
 * What the engine needs from the world, declared beside it (the clock is in clock.ts): each front (Telegram,
 * terminal, web) implements the outbox, the reminder queue implements the reminder port, and the engine imports none
 * of them.
 */

/**
 * A conversation's key. Telegram's chat ids have at most 52 significant bits; web conversations are keyed in
 * [2^52, 2^53), which no Telegram chat can have, so the two never share a case.
 */
export type ChatKey = number;

/** The first key no Telegram chat can have: web conversations are keyed from here up. */
export const WEB_KEYS_FROM = 2 ** 52;
export const isWebKey = (key: ChatKey): boolean => key >= WEB_KEYS_FROM;

/** Where replies go: the Telegram gateway, the terminal, or a web conversation's event stream. */
export interface Outbox {
  sendText(chatId: ChatKey, html: string, buttons?: Keyboard): Promise<{ messageId: number }>;
  editText(chatId: ChatKey, messageId: number, html: string, buttons?: Keyboard): Promise<'edited' | 'unchanged' | 'gone'>;
  sendDocument(chatId: ChatKey, file: { filename: string; bytes: Uint8Array; caption?: string }): Promise<{ messageId: number }>;
  answerCallback(callbackQueryId: string, text?: string): Promise<void>;
}

/**
 * One scheduled reminder job. It carries ids only, never words: the message is rendered from the case when the
 * job runs, so a case changed or deleted in between is respected (issue 12: jobs carry no personal text).
 */
export interface ReminderJob {
  chatId: number;
  kind: ReminderKind;
  /** The debt it is about: its id in the case (not its place in the list). */
  debt: number;
  /** The day the reminder is for. */
  date: IsoDate;
  /** Epoch ms it is due to run (09:00 in the person's zone, or later: quiet hours). */
  at: number;
}

/** The reminder queue as the engine sees it: kept in step with each committed case. */
export interface ReminderPort {
  reconcile(chatId: ChatKey, prev: ReminderCase | null, next: ReminderCase | null, today: IsoDate, refresh?: boolean): Promise<void>;
  removeAll(chatId: ChatKey): Promise<number>;
  /** The chat's jobs still to run, soonest first (for a copy of the person's data). */
  list(chatId: ChatKey): Promise<ReminderJob[]>;
  /** Whether it is the person's quiet hours now (a reminder then waits). */
  isQuiet(c: ReminderCase): boolean;
  /** The person's calendar day now, in their zone. */
  today(c: ReminderCase): IsoDate;
}

/** A front's outbox and which conversations (and button presses) are its own. */
export interface Front {
  owns(chatId: ChatKey): boolean;
  ownsCallback(callbackQueryId: string): boolean;
  outbox: Outbox;
}

/** One outbox for the engine over every front that runs: each reply goes to the front whose conversation it is. */
export function frontsOutbox(fronts: readonly Front[]): Outbox {
  const of = (chatId: ChatKey) => {
    const front = fronts.find((f) => f.owns(chatId));
    if (!front) throw new Error('no front serves this conversation');
    return front.outbox;
  };
  return {
    sendText: (chatId, html, buttons) => of(chatId).sendText(chatId, html, buttons),
    editText: (chatId, messageId, html, buttons) => of(chatId).editText(chatId, messageId, html, buttons),
    sendDocument: (chatId, file) => of(chatId).sendDocument(chatId, file),
    async answerCallback(id, text) {
      await fronts.find((f) => f.ownsCallback(id))?.outbox.answerCallback(id, text);
    },
  };
}
