import type { i18n as I18n } from 'i18next';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { LANGS } from '../domain/catalog.js';
import { COMMANDS } from '../engine/inbound.js';
import type { Engine } from '../engine/engine.js';
import { isWebKey, type Front } from '../engine/ports.js';
import { translator } from '../i18n/index.js';
import type { Logger } from '../observability/logger.js';
import type { TelegramGateway } from './gateway.js';
import { route } from './updates.js';

export function createTelegraf(token: string, apiRoot: string | null): Telegraf {
  // webhookReply off: answers must be real API calls whose results we see (NOTES §2.3).
  return new Telegraf(token, {
    telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) },
    handlerTimeout: 60_000,
  });
}

/** The telegraf side stays thin: route the update, hand it to the engine, never decide anything here. */
export function wireBot(
  bot: Telegraf,
  deps: {
    engine: Engine;
    gateway: TelegramGateway;
    logger: Logger;
    /**
     * `handleUpdate` resolves once a private chat's update is committed (its replies owed, sent after), not once
     * they are sent: what polling and the webhook confirm to Telegram, so one chat's 429 holds up no one else.
     */
    settleAtCommit?: boolean;
  },
) {
  const { engine, gateway, logger } = deps;
  bot.use(async (ctx) => {
    const routed = route(ctx.update as Update);
    switch (routed.kind) {
      case 'private':
        await (deps.settleAtCommit ? engine.accept(routed.inbound) : engine.handle(routed.inbound));
        return;
      case 'not_private':
        await engine.notPrivate(routed);
        return;
      case 'orphan_callback':
        await gateway.answerCallback(routed.callbackId);
        return;
      case 'ignored':
        return;
    }
  });
  bot.catch((err) => {
    // The engine has already answered what it could; an error here must never stop polling.
    logger.error({ err: err instanceof Error ? err.name : typeof err }, 'update failed');
  });
}

/** The command menu in each language; a failure is logged, never fatal (Telegram may be briefly unreachable). */
export async function registerCommands(gateway: TelegramGateway, i18n: I18n, logger: Logger): Promise<void> {
  for (const lang of LANGS) {
    const t = translator(i18n, lang);
    const commands = COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
    try {
      // Chinese is the default menu; English users get theirs by language_code.
      await gateway.setCommands(commands, lang === 'zh-CN' ? undefined : 'en');
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.name : typeof err, lang }, 'setMyCommands failed; continuing');
    }
  }
}

/** Telegram's share of the conversations: every chat id Telegram can give, and its own button presses. */
export const telegramFront = (gateway: TelegramGateway): Front => ({
  owns: (chatId) => !isWebKey(chatId),
  ownsCallback: (id) => !id.startsWith('web:'),
  outbox: gateway,
});
