import { LRUCache } from 'lru-cache';
import { Input, TelegramError, type Telegram } from 'telegraf';
import { cutGraphemes } from '../domain/text.js';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { MAX_MESSAGE_CHARS, withoutApp, type Keyboard } from '../render/reply.js';
import type { BotApiCall } from './bot-api.js';

/** The only way out to Telegram (NOTES §2.5): HTML, retries on 429 and 5xx, and edits that tolerate "not modified". */
export interface TelegramGateway {
  sendText(chatId: number, html: string, buttons?: Keyboard): Promise<{ messageId: number }>;
  editText(chatId: number, messageId: number, html: string, buttons?: Keyboard): Promise<'edited' | 'unchanged' | 'gone'>;
  sendDocument(chatId: number, file: { filename: string; bytes: Uint8Array; caption?: string }): Promise<{ messageId: number }>;
  answerCallback(callbackQueryId: string, text?: string): Promise<void>;
  setCommands(commands: Array<{ command: string; description: string }>, languageCode?: string): Promise<void>;
}

const MAX_CALLBACK_DATA_BYTES = 64;
const MAX_CALLBACK_ANSWER_CHARS = 200;
/** The same for every message: no link previews (a lender's URL must not unfold into a card). */
const NO_PREVIEW = Object.freeze({ is_disabled: true });

/** The keyboard as Telegram takes it: a Mini App button opens `appUrl`, and is left out without one. */
const markup = (keyboard: Keyboard | undefined, appUrl: string | null): InlineKeyboardMarkup | undefined => {
  const buttons = appUrl ? keyboard : withoutApp(keyboard);
  if (!buttons || buttons.length === 0) return undefined;
  for (const b of buttons.flat()) {
    if (Buffer.byteLength(b.data, 'utf8') > MAX_CALLBACK_DATA_BYTES) throw new Error(`button data over 64 bytes: ${b.data}`);
  }
  return {
    inline_keyboard: buttons.map((row) => row.map((b) => (b.app && appUrl ? { text: b.label, web_app: { url: appUrl } } : { text: b.label, callback_data: b.data }))),
  };
};

const checkLength = (html: string) => {
  if (html.length === 0 || html.length > MAX_MESSAGE_CHARS) {
    throw new Error(`message text must be 1–${MAX_MESSAGE_CHARS} characters (got ${html.length}); split it first`);
  }
};

const isNetworkError = (err: unknown) =>
  err instanceof Error && /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|socket hang up|network/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`);

export function createGateway(
  telegram: Telegram,
  opts: {
    maxRetries?: number;
    maxRetryAfterSeconds?: number;
    sleep?: (ms: number) => Promise<void>;
    metrics?: Metrics;
    logger?: Logger;
    /** The Mini App's page (https), for its buttons and each chat's menu button; null: none is shown. */
    appUrl?: string | null;
    /**
     * The client for the calls every update makes (sendMessage, editMessageText, answerCallbackQuery); telegraf's
     * own `callApi` when not given. Documents and the command menu always go through telegraf.
     */
    api?: BotApiCall;
  } = {},
): TelegramGateway {
  const api: BotApiCall = opts.api ?? (<T>(method: string, payload: Record<string, unknown>) => telegram.callApi(method as never, payload as never) as Promise<T>);
  const appUrl = opts.appUrl ?? null;
  /** Each chat's menu button as last set by this process: set again only when its words change (the language). */
  const menus = new LRUCache<number, string>({ max: 100_000 });
  /**
   * A message offering the Mini App also makes it the chat's menu button, in the same language. Telegram keeps
   * it per chat; a failure costs only the shortcut, never the message.
   */
  async function menuFor(chatId: number, keyboard: Keyboard | undefined) {
    const menu = keyboard?.flat().find((b) => b.app)?.app?.menu;
    if (!appUrl || menu === undefined || menus.get(chatId) === menu) return;
    try {
      await call('setChatMenuButton', () => telegram.setChatMenuButton({ chatId, menuButton: { type: 'web_app', text: menu, web_app: { url: appUrl } } }));
      menus.set(chatId, menu);
    } catch (err) {
      opts.logger?.warn({ err: err instanceof Error ? err.name : typeof err }, 'setChatMenuButton failed; continuing');
    }
  }
  const maxRetries = opts.maxRetries ?? 3;
  const maxRetryAfter = opts.maxRetryAfterSeconds ?? 60;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  /** Retries what Telegram says to retry (429 with a short retry_after), 5xx and dropped connections; never other 4xx. */
  async function call<T>(method: string, run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await run();
        opts.metrics?.telegramCall(method, attempt === 0 ? 'ok' : 'retried');
        return result;
      } catch (err) {
        const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
        const retriable =
          attempt < maxRetries &&
          ((err instanceof TelegramError && err.code === 429 && (retryAfter ?? 0) <= maxRetryAfter) ||
            (err instanceof TelegramError && err.code >= 500) ||
            isNetworkError(err));
        if (!retriable) {
          opts.metrics?.telegramCall(method, 'failed');
          throw err;
        }
        await sleep(retryAfter !== undefined ? retryAfter * 1000 : 200 * 2 ** attempt);
      }
    }
  }

  return {
    async sendText(chatId, html, buttons) {
      checkLength(html);
      const payload = { chat_id: chatId, text: html, parse_mode: 'HTML', link_preview_options: NO_PREVIEW, reply_markup: markup(buttons, appUrl) };
      const m = await call('sendMessage', () => api<{ message_id: number }>('sendMessage', payload));
      await menuFor(chatId, buttons);
      return { messageId: m.message_id };
    },
    async editText(chatId, messageId, html, buttons) {
      checkLength(html);
      const payload = { chat_id: chatId, message_id: messageId, text: html, parse_mode: 'HTML', link_preview_options: NO_PREVIEW, reply_markup: markup(buttons, appUrl) };
      try {
        await call('editMessageText', () => api('editMessageText', payload));
        return 'edited';
      } catch (err) {
        const description = err instanceof TelegramError ? err.description : '';
        if (/message is not modified/i.test(description)) return 'unchanged';
        if (/message to edit not found|message can't be edited/i.test(description)) return 'gone';
        throw err;
      }
    },
    async sendDocument(chatId, file) {
      const m = await call('sendDocument', () =>
        telegram.sendDocument(chatId, Input.fromBuffer(Buffer.from(file.bytes), file.filename), {
          ...(file.caption ? { caption: file.caption, parse_mode: 'HTML' as const } : {}),
        }),
      );
      return { messageId: m.message_id };
    },
    async answerCallback(callbackQueryId, text) {
      try {
        const payload = { callback_query_id: callbackQueryId, text: text === undefined ? undefined : cutGraphemes(text, MAX_CALLBACK_ANSWER_CHARS) };
        await call('answerCallbackQuery', () => api('answerCallbackQuery', payload));
      } catch (err) {
        // A query older than Telegram keeps cannot be answered any more; the message itself still went out.
        const description = err instanceof TelegramError ? err.description : '';
        if (/query is too old|query ID is invalid/i.test(description)) {
          opts.logger?.debug({ method: 'answerCallbackQuery' }, 'callback query expired');
          return;
        }
        throw err;
      }
    },
    async setCommands(commands, languageCode) {
      await call('setMyCommands', () => telegram.setMyCommands(commands, languageCode ? { language_code: languageCode } : {}));
    },
  };
}
