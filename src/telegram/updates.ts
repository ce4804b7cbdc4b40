import type { Update } from 'telegraf/types';
import { edited, typed, type Inbound } from '../engine/inbound.js';

export type Routed =
  | { kind: 'private'; inbound: Inbound }
  /** A group, supergroup or channel: we say once that we only work in private, and keep nothing. */
  | { kind: 'not_private'; chatId: number; languageCode?: string | undefined; callbackId?: string | undefined }
  /** A button press we cannot place in a chat (inline message): answered and dropped. */
  | { kind: 'orphan_callback'; callbackId: string }
  /** Updates that need no answer (chat member changes, polls, edits in channels, …). */
  | { kind: 'ignored' };

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
  const text = 'text' in message && typeof message.text === 'string' ? message.text : null;
  if ('edited_message' in update) return { kind: 'private', inbound: { ...base, input: edited(text ?? '') } };
  if (text !== null) return { kind: 'private', inbound: { ...base, input: typed(text) } };
  return { kind: 'private', inbound: { ...base, input: { kind: 'unsupported' } } };
}
