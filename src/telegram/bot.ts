import type { i18n as I18n } from 'i18next';
import { limit } from '@grammyjs/ratelimiter';
import { Telegraf, type Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import { LANGS } from '../domain/catalog.js';
import { COMMANDS } from '../engine/inbound.js';
import type { Engine } from '../engine/engine.js';
import { langFromTelegram, translator } from '../i18n/index.js';
import type { Logger } from '../observability/logger.js';
import type { RedisClient } from '../store/redis-client.js';
import type { TelegramGateway } from './gateway.js';
import { route } from './updates.js';

export function createTelegraf(token: string, apiRoot: string | null): Telegraf {
  // webhookReply off: answers must be real API calls whose results we see (NOTES §2.3).
  return new Telegraf(token, {
    telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) },
    handlerTimeout: 60_000,
  });
}

/** Per user: at most FLOOD.limit updates in FLOOD.windowMs; the first one over gets one kind answer, the rest are dropped. */
export const FLOOD: { limit: number; windowMs: number } = { limit: 8, windowMs: 5_000 };

/**
 * The flood limit (@grammyjs/ratelimiter). With Redis its counter lives under the user's hash tag, so it is shared
 * by every replica, expires by itself and goes with /delete. If the counter cannot be reached the update goes
 * through: the engine then answers that the store is down.
 */
function floodLimit(deps: { gateway: TelegramGateway; i18n: I18n; redis: RedisClient | null; flood: typeof FLOOD }) {
  const limiter = limit<Context, RedisClient>({
    timeFrame: deps.flood.windowMs,
    limit: deps.flood.limit,
    storageClient: deps.redis ?? 'MEMORY_STORE',
    keyPrefix: 'xs:',
    keyGenerator: (ctx) => (ctx.from ? `{u:${ctx.from.id}}:flood` : undefined),
    onLimitExceeded: async (ctx) => {
      const t = translator(deps.i18n, langFromTelegram(ctx.from?.language_code));
      if (ctx.callbackQuery) await deps.gateway.answerCallback(ctx.callbackQuery.id, t('flood.tooFast'));
      else if (ctx.chat?.type === 'private') await deps.gateway.sendText(ctx.chat.id, t('flood.tooFast'));
    },
  });
  return async (ctx: Context, next: () => Promise<void>) => {
    let passed = false;
    try {
      await limiter(ctx, async () => {
        passed = true;
        await next();
      });
    } catch (err) {
      if (passed) throw err;
      await next();
    }
  };
}

/** The telegraf side stays thin: route the update, hand it to the engine, never decide anything here. */
export function wireBot(
  bot: Telegraf,
  deps: {
    engine: Engine;
    gateway: TelegramGateway;
    i18n: I18n;
    logger: Logger;
    redis?: RedisClient | null;
    /** null turns the limit off (tests that drive one user faster than any person could). */
    flood?: typeof FLOOD | null;
  },
) {
  const { engine, gateway, i18n, logger } = deps;
  const flood = deps.flood === undefined ? FLOOD : deps.flood;
  if (flood) bot.use(floodLimit({ gateway, i18n, redis: deps.redis ?? null, flood }));
  bot.use(async (ctx) => {
    const routed = route(ctx.update as Update);
    switch (routed.kind) {
      case 'private':
        await engine.handle(routed.inbound);
        return;
      case 'not_private': {
        const t = translator(i18n, langFromTelegram(routed.languageCode));
        if (routed.callbackId) await gateway.answerCallback(routed.callbackId, t('group.notPrivate'));
        else await gateway.sendText(routed.chatId, t('group.notPrivate'));
        return;
      }
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
