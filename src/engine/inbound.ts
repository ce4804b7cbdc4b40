import { cleanInput, cutGraphemes } from '../domain/text.js';
import type { ChatKey } from './ports.js';

/** The engine's input, the same from every front: each front builds it from what it received. */
export const COMMANDS = ['start', 'checklist', 'statement', 'language', 'privacy', 'reminders', 'export', 'delete', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export type InboundInput =
  | { kind: 'command'; command: Command }
  | { kind: 'text'; text: string }
  | { kind: 'button'; data: string; callbackId: string }
  /** A message we cannot read: sticker, photo, voice, location, … */
  | { kind: 'unsupported' }
  /**
   * An earlier message was edited: the edit does not change an answer already given, but its words are still read
   * for what must never go unanswered (despair).
   */
  | { kind: 'edited'; text: string }
  /** Not from Telegram: a reminder job ran for this chat (its update id is a fresh negative number). */
  | { kind: 'reminder' }
  /**
   * From the Mini App's page (update ids as a reminder's): a field edited, read as the chat reads that field's
   * answer (`debt`: the debt's id, for a field about one debt); a lender's statement to send to the chat; a choice
   * about reminders (`key`: the reminder's, or the zone's index); everything deleted, confirmed on the page.
   */
  | { kind: 'pageEdit'; field: string; debt: number | null; text: string }
  | { kind: 'pageSend'; debt: number }
  | { kind: 'pageReminder'; action: string; key: string }
  | { kind: 'pageDelete' };

export interface Inbound {
  chatId: ChatKey;
  /** Whose language preference it is (a private Telegram chat's user; a web conversation is its own). */
  userId: ChatKey;
  /** Unique within the conversation, in the order the person sent them (Telegram's update_id, a web POST's id). */
  updateId: number;
  /** The person's language as their app or browser reports it, the default language for a new case. */
  languageCode?: string | undefined;
  /**
   * The front has already limited the rate (the web answers 429 and the page sends the same input again): the
   * engine's flood limit, which drops the excess with a kind word, does not count this input.
   */
  paced?: boolean;
  /**
   * The case version the input was made against (the page showed that version): applied only if the case is
   * still at it, else the turn ends as a conflict and nothing changes.
   */
  expectedVersion?: number;
  input: InboundInput;
}

/** Longest text we read (UTF-16 units); anything longer is cut, on a character boundary, before it reaches the flow. */
export const MAX_INPUT_CHARS = 2000;

function command(text: string): Command | 'unknown' | null {
  const m = /^\/([A-Za-z0-9_]+)(@\w+)?(\s|$)/.exec(text);
  if (!m) return null;
  const name = (m[1] ?? '').toLowerCase();
  return (COMMANDS as readonly string[]).includes(name) ? (name as Command) : 'unknown';
}

/**
 * What a typed line means, whichever front it came from: a command (an unknown one gets the help), or text read as
 * it is stored, not as it is displayed (no direction overrides, escape sequences or controls, no half characters).
 */
export function typed(raw: string): InboundInput {
  const text = cutGraphemes(cleanInput(raw), MAX_INPUT_CHARS);
  const cmd = command(text);
  if (cmd === 'unknown') return { kind: 'command', command: 'help' };
  if (cmd) return { kind: 'command', command: cmd };
  return { kind: 'text', text };
}

/** An edited message's words, read the same way. */
export const edited = (raw: string): InboundInput => ({ kind: 'edited', text: cutGraphemes(cleanInput(raw), MAX_INPUT_CHARS) });

/**
 * An update id for an input that is not Telegram's (a reminder job, a page edit): a fresh negative number, below
 * every Telegram update id (it goes first), never taken for a repeat of an earlier one, and within 32 bits so the
 * chat's packed set of applied ids keeps its small integers.
 */
export const freshUpdateId = (): number => -1 - Math.floor(Math.random() * 0x7ffffffe);
