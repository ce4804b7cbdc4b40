/** What one Telegram update (or one terminal line) means to the engine, stripped of the platform. */
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
  | { kind: 'reminder' };

export interface Inbound {
  chatId: number;
  userId: number;
  updateId: number;
  /** Telegram's `from.language_code`, the default language for a new user. */
  languageCode?: string | undefined;
  input: InboundInput;
}
