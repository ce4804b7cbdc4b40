import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { onTestFinished } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Clock } from '../../src/engine/clock.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger, type Logger } from '../../src/observability/logger.js';
import type { Metrics } from '../../src/observability/metrics.js';
import type { ReminderService } from '../../src/reminders/service.js';
import { htmlToPlain } from '../../src/render/html.js';
import type { CaseStore } from '../../src/store/case-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createTelegraf, wireBot } from '../../src/telegram/bot.js';
import { createGateway } from '../../src/telegram/gateway.js';
import { botApiTextError } from './telegram-html.js';

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
}
interface InlineButton {
  text: string;
  callback_data: string;
}

/** 2026-11-24 12:00 in Shanghai. */
export const NOON_2026_11_24 = Date.UTC(2026, 10, 24, 4);

/**
 * The real bot (telegraf + gateway + engine + store) with Telegram's servers replaced by a recorder: every
 * outgoing call is kept, and messages get increasing ids as Telegram would give them. Like Telegram, it refuses a
 * text it could not parse (400 "can't parse entities"); any such refusal fails the test that caused it, at the
 * update that caused it and again when the test ends. Create it inside a test.
 */
export function createBotHarness(
  opts: {
    store?: CaseStore;
    clock?: Clock;
    ttlDays?: number;
    flood?: { limit: number; windowMs: number } | null;
    logger?: Logger;
    metrics?: Metrics;
    reminders?: ReminderService;
  } = {},
) {
  const store = opts.store ?? createMemoryStore({ ttlSeconds: 90 * 86_400 });
  const bot = createTelegraf('123456:TEST-token-for-the-harness-only', null);
  bot.botInfo = { id: 1, is_bot: true, first_name: 'Xieshang', username: 'XieshangBot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } as typeof bot.botInfo;
  const calls: ApiCall[] = [];
  const refused: string[] = [];
  let messageId = 1000;
  const telegram = bot.telegram as unknown as { callApi: (method: string, payload: Record<string, any>) => Promise<unknown> };
  telegram.callApi = async (method, payload) => {
    const error = botApiTextError(method, payload);
    if (error) {
      refused.push(`${method}: ${error}\n${String(payload.text ?? payload.caption ?? '')}`);
      throw new TelegramError({ error_code: 400, description: `Bad Request: ${error}` }, { method, payload });
    }
    calls.push({ method, payload });
    if (method === 'sendMessage' || method === 'sendDocument') {
      return { message_id: ++messageId, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text };
    }
    return true;
  };
  const logger = opts.logger ?? createLogger('silent');
  const gateway = createGateway(bot.telegram, { sleep: async () => {} });
  const i18n = createI18n({ ttlDays: opts.ttlDays ?? 90 });
  const clock = opts.clock ?? { now: () => NOON_2026_11_24 };
  const engine = createEngine({
    store,
    outbox: gateway,
    i18n,
    clock,
    logger,
    flood: opts.flood ?? null,
    reminders: opts.reminders,
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
  });
  wireBot(bot, { engine, gateway, logger });
  let updateId = 0;

  const assertAccepted = () => {
    if (refused.length > 0) throw new Error(`Telegram would refuse ${refused.length} message(s):\n${refused.join('\n---\n')}`);
  };
  onTestFinished(assertAccepted);
  /** One update through the bot; a message Telegram would refuse fails here, where it was produced. */
  const handle = async (update: Record<string, unknown>) => {
    await bot.handleUpdate(update as unknown as Update);
    assertAccepted();
  };

  const sent = () => calls.filter((c) => c.method === 'sendMessage');

  function user(id: number, languageCode?: string) {
    const from = { id, is_bot: false, first_name: 'U', ...(languageCode ? { language_code: languageCode } : {}) };
    const chat = { id, type: 'private' as const, first_name: 'U' };
    const mine = () => sent().filter((c) => c.payload.chat_id === id);
    const api = {
      id,
      async send(text: string) {
        await handle({ update_id: ++updateId, message: { message_id: updateId, date: 0, chat, from, text } });
        return api;
      },
      async update(u: Record<string, unknown>) {
        await handle({ update_id: ++updateId, ...u });
        return api;
      },
      /** Presses the newest button whose label contains `label`. */
      async press(label: string | RegExp) {
        const button = api.findButton(label);
        if (!button) throw new Error(`no button ${String(label)} in: ${api.buttons().map((b) => b.text).join(' | ')}`);
        await api.pressData(button.callback_data);
        return api;
      },
      async pressData(data: string) {
        await handle({
          update_id: ++updateId,
          callback_query: { id: `cb${updateId}`, from, chat_instance: 'x', data, message: { message_id: 1, date: 0, chat } },
        });
        return api;
      },
      findButton(label: string | RegExp): InlineButton | undefined {
        return [...api.buttons()].reverse().find((b) => (typeof label === 'string' ? b.text.includes(label) : label.test(b.text)));
      },
      /** The buttons under the newest message that has any. */
      buttons(): InlineButton[] {
        const withKeyboard = [...mine()].reverse().find((c) => c.payload.reply_markup?.inline_keyboard);
        return (withKeyboard?.payload.reply_markup.inline_keyboard ?? []).flat();
      },
      /** Plain text of the newest message. */
      last(): string {
        const m = mine().at(-1);
        return m ? htmlToPlain(String(m.payload.text)) : '';
      },
      texts: () => mine().map((c) => htmlToPlain(String(c.payload.text))),
      answers: () => calls.filter((c) => c.method === 'answerCallbackQuery'),
    };
    return api;
  }

  return { bot, store, calls, user, engine, refused, i18n, clock };
}

/** A person in a chat with the harness bot. */
export type HarnessUser = ReturnType<ReturnType<typeof createBotHarness>['user']>;
