import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { Outbox } from '../../src/engine/ports.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { htmlToPlain } from '../../src/render/html.js';
import type { Keyboard } from '../../src/render/reply.js';
import type { CaseStore } from '../../src/store/case-store.js';
import type { Command, Inbound, InboundInput } from '../../src/engine/inbound.js';
import { NOON_2026_11_24 } from './bot-harness.js';

export interface Sent {
  chatId: number;
  method: 'sendText' | 'editText' | 'sendDocument' | 'answerCallback';
  text: string;
  buttons: Keyboard;
}

/** Telegram's side as the engine sees it: every call kept in order, message ids as Telegram would give them. */
export function createRecorder() {
  const sent: Sent[] = [];
  let messageId = 5000;
  const outbox: Outbox = {
    async sendText(chatId, html, buttons) {
      sent.push({ chatId, method: 'sendText', text: htmlToPlain(html), buttons: buttons ?? [] });
      return { messageId: ++messageId };
    },
    async editText(chatId, _id, html, buttons) {
      sent.push({ chatId, method: 'editText', text: htmlToPlain(html), buttons: buttons ?? [] });
      return 'edited';
    },
    async sendDocument(chatId, file) {
      sent.push({ chatId, method: 'sendDocument', text: file.filename, buttons: [] });
      return { messageId: ++messageId };
    },
    async answerCallback() {},
  };
  return {
    outbox,
    sent,
    /** Texts sent to one chat, in order. */
    texts: (chatId: number) => sent.filter((s) => s.chatId === chatId && s.method === 'sendText').map((s) => s.text),
    /** The data of the newest button of one chat whose label contains `label`. */
    button(chatId: number, label: string): string {
      const mine = sent.filter((s) => s.chatId === chatId && s.buttons.length > 0);
      const b = mine.at(-1)?.buttons.flat().find((x) => x.label.includes(label));
      if (!b) throw new Error(`no button ${label}`);
      return b.data;
    },
  };
}

/** An engine as one replica runs it: the real flow and texts, a fixed clock, no flood limit unless asked. */
export function engineOn(store: CaseStore, outbox: Outbox, opts: { flood?: { limit: number; windowMs: number }; lingerMs?: number } = {}): Engine {
  return createEngine({
    store,
    outbox,
    i18n: createI18n({ ttlDays: 90 }),
    clock: { now: () => NOON_2026_11_24 },
    logger: createLogger('silent'),
    flood: opts.flood ?? null,
    ...(opts.lingerMs !== undefined ? { lingerMs: opts.lingerMs } : {}),
  });
}

export const inbound = (chatId: number, updateId: number, input: InboundInput): Inbound => ({
  chatId,
  userId: chatId,
  updateId,
  languageCode: 'zh-hans',
  input,
});

export const text = (t: string): InboundInput => ({ kind: 'text', text: t });
export const command = (c: Command): InboundInput => ({ kind: 'command', command: c });
export const press = (data: string, id = 'cb'): InboundInput => ({ kind: 'button', data, callbackId: id });
