import type { Update } from 'telegraf/types';
import { cleanInput, cutGraphemes } from '../domain/text.js';
import { COMMANDS, type Command, type Inbound } from '../engine/inbound.js';

/** Longest text we read (UTF-16 units); anything longer is cut, on a character boundary, before it reaches the flow. */
export const MAX_INPUT_CHARS = 2000;

export type Routed =
  | { kind: 'private'; inbound: Inbound }
  /** A group, supergroup or channel: we say once that we only work in private, and keep nothing. */
  | { kind: 'not_private'; chatId: number; languageCode?: string | undefined; callbackId?: string | undefined }
  /** A button press we cannot place in a chat (inline message): answered and dropped. */
  | { kind: 'orphan_callback'; callbackId: string }
  /** Updates that need no answer (chat member changes, polls, edits in channels, …). */
  | { kind: 'ignored' };

function command(text: string): Command | 'unknown' | null {
  const m = /^\/([A-Za-z0-9_]+)(@\w+)?(\s|$)/.exec(text);
  if (!m) return null;
  const name = (m[1] ?? '').toLowerCase();
  return (COMMANDS as readonly string[]).includes(name) ? (name as Command) : 'unknown';
}

/** Telegram update → what it means to the engine. Pure: tests feed it raw update JSON. */
export function route(update: Update): Routed {
  if ('callback_query' in update) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (!chat) return { kind: 'orphan_callback', callbackId: q.id };
    if (chat.type !== 'private') {
      return { kind: 'not_private', chatId: chat.id, languageCode: q.from.language_code, callbackId: q.id };
    }
    // A private chat's id is its person's: a press by anyone else is not theirs to make (answered, dropped).
    if (q.from.id !== chat.id) return { kind: 'orphan_callback', callbackId: q.id };
    const data = 'data' in q && typeof q.data === 'string' ? q.data : '';
    return {
      kind: 'private',
      inbound: {
        chatId: chat.id,
        userId: q.from.id,
        updateId: update.update_id,
        languageCode: q.from.language_code,
        input: { kind: 'button', data, callbackId: q.id },
      },
    };
  }
  const message = 'message' in update ? update.message : 'edited_message' in update ? update.edited_message : null;
  if (!message) return { kind: 'ignored' };
  if (message.chat.type !== 'private') {
    // Someone wrote to us in a group: one polite line. Service notes, media and edits there need no reply.
    return 'text' in message && !('edited_message' in update)
      ? { kind: 'not_private', chatId: message.chat.id, languageCode: message.from?.language_code }
      : { kind: 'ignored' };
  }
  const from = message.from;
  // A private chat's id is its person's: an update that says otherwise is not from them, and must not reach their case.
  if (!from || from.id !== message.chat.id) return { kind: 'ignored' };
  const base = { chatId: message.chat.id, userId: from.id, updateId: update.update_id, languageCode: from.language_code };
  // Read the text as it is stored, not as it is displayed: no direction overrides, escape sequences or controls,
  // no half characters.
  const text = 'text' in message && typeof message.text === 'string' ? cutGraphemes(cleanInput(message.text), MAX_INPUT_CHARS) : null;
  if ('edited_message' in update) return { kind: 'private', inbound: { ...base, input: { kind: 'edited', text: text ?? '' } } };
  if (text !== null) {
    const cmd = command(text);
    if (cmd === 'unknown') return { kind: 'private', inbound: { ...base, input: { kind: 'command', command: 'help' } } };
    if (cmd) return { kind: 'private', inbound: { ...base, input: { kind: 'command', command: cmd } } };
    return { kind: 'private', inbound: { ...base, input: { kind: 'text', text } } };
  }
  return { kind: 'private', inbound: { ...base, input: { kind: 'unsupported' } } };
}
