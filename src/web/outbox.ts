import { isWebKey, type ChatKey, type Front } from '../engine/ports.js';
import { withoutApp } from '../render/reply.js';
import type { Transcript } from './transcript.js';

/** A button press's id as the engine answers it: the front, the conversation, then the press's own id. */
export const callbackIdOf = (key: ChatKey, updateId: number): string => `web:${key}:${updateId}`;

/** The web front's outbox: every reply is appended to the conversation's transcript, which the page's event stream follows. */
export function createWebFront(transcript: Transcript): Front {
  const outbox: Front['outbox'] = {
    async sendText(key, html, keyboard) {
      // The Mini App is Telegram's: its button is not shown in the web chat.
      const buttons = withoutApp(keyboard);
      return { messageId: await transcript.append(key, { kind: 'msg', html, ...(buttons ? { buttons } : {}) }) };
    },
    async editText(key, messageId, html, keyboard) {
      const buttons = withoutApp(keyboard);
      await transcript.append(key, { kind: 'edit', target: messageId, html, ...(buttons ? { buttons } : {}) });
      return 'edited';
    },
    async sendDocument(key, file) {
      return { messageId: await transcript.append(key, { kind: 'doc', filename: file.filename }, file.bytes) };
    },
    async answerCallback(callbackId, text) {
      // Only a press that needs saying something leaves a trace (the out-of-date button, "too fast").
      if (!text) return;
      await transcript.append(Number(callbackId.split(':')[1]), { kind: 'note', text });
    },
  };
  return { owns: isWebKey, ownsCallback: (id) => id.startsWith('web:'), outbox };
}
