/**
 * The three bots the benchmark compares, all over the real telegraf pipeline and one redis-server:
 * - floor: telegraf + one ioredis GET and SET + a reply, nothing else;
 * - peer: the bot a typical developer writes for the same intake: telegraf's `Scenes.WizardScene` and `session()`
 *   on a Redis store over ioredis (a GET and a SET of the session's JSON); no lock, no de-duplication, no version
 *   check; its texts are this project's compiled texts, so the texts cost both bots the same;
 * - xieshang: this project's engine, store and wiring as `src/main.ts` builds them.
 */
import type { i18n as I18n } from 'i18next';
import type { Redis } from 'ioredis';
import { Markup, Scenes, Telegraf, Telegram, session, type Context } from 'telegraf';
import { CAUSES, PRODUCTS } from '../src/domain/catalog.js';
import { parseOverdue, parseSince } from '../src/domain/dates.js';
import { parseMoney } from '../src/domain/money.js';
import { todayIn } from '../src/engine/clock.js';
import { createEngine } from '../src/engine/engine.js';
import { langFromTelegram, translator } from '../src/i18n/index.js';
import { createLogger } from '../src/observability/logger.js';
import { createRedisClient } from '../src/store/redis-client.js';
import { createRedisStore } from '../src/store/redis-store.js';
import { createTelegraf, wireBot } from '../src/telegram/bot.js';
import { createGateway } from '../src/telegram/gateway.js';
import { peerSessionStore } from './peer-session.js';

const TOKEN = '1:bench-token-not-used-anywhere';
const BOT_INFO = {
  id: 1,
  is_bot: true,
  first_name: 'bench',
  username: 'bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as Telegraf['botInfo'];

/** Telegram replaced in-process: every Bot API call of every bot is answered at once, as Telegram would. */
export function stubTelegram() {
  const calls = new Map<string, number>();
  let staleAnswers = 0;
  let messageId = 0;
  const apiClient = Object.getPrototypeOf(Telegram.prototype) as { callApi: (m: string, p: any) => Promise<unknown> };
  apiClient.callApi = async (method, payload) => {
    calls.set(method, (calls.get(method) ?? 0) + 1);
    if (method === 'answerCallbackQuery' && typeof payload.text === 'string') staleAnswers += 1;
    if (method === 'sendMessage' || method === 'sendDocument') {
      return { message_id: ++messageId, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: '' };
    }
    return true;
  };
  return {
    calls,
    /** Callback answers with a text: out-of-date buttons or "too fast", i.e. the script went off its path. */
    staleAnswers: () => staleAnswers,
  };
}

export function floorBot(client: Redis): Telegraf {
  const bot = new Telegraf(TOKEN);
  bot.botInfo = BOT_INFO;
  bot.use(async (ctx) => {
    const key = `floor:${ctx.chat?.id}`;
    const n = Number(await client.get(key)) || 0;
    await client.set(key, String(n + 1));
    await ctx.telegram.sendMessage(ctx.chat!.id, 'ok');
  });
  return bot;
}

interface PeerFacts {
  consent?: boolean;
  product?: string;
  amountFen?: number;
  dueDate?: string;
  days?: number;
  cause?: string;
  since?: string;
  incomeFen?: number;
  essentialsFen?: number;
  otherDebtsFen?: number;
}
interface PeerSession extends Scenes.WizardSession {
  facts?: PeerFacts;
}
interface PeerContext extends Context {
  session: PeerSession;
  scene: Scenes.SceneContextScene<PeerContext, Scenes.WizardSessionData>;
  wizard: Scenes.WizardContextWizard<PeerContext>;
}

/** The peer: one wizard step per question, answers in the session, the session in Redis. */
export function peerBot(i18n: I18n, redisUrl: string): { bot: Telegraf<PeerContext>; close: () => Promise<void> } {
  const stores = peerSessionStore<PeerSession>(redisUrl);
  const tr = (ctx: Context) => translator(i18n, langFromTelegram(ctx.from?.language_code));
  const pressed = (ctx: Context): string | undefined =>
    ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data.split('~')[2] : undefined;
  const typed = (ctx: Context): string | undefined => (ctx.message && 'text' in ctx.message ? ctx.message.text : undefined);
  const buttons = (at: string, values: ReadonlyArray<[string, string]>) =>
    Markup.inlineKeyboard(values.map(([value, label]) => Markup.button.callback(label, `1~${at}~${value}`)), { columns: 2 });
  const facts = (ctx: PeerContext): PeerFacts => (ctx.session.facts ??= {});

  async function ask(ctx: PeerContext, key: string, keyboard?: ReturnType<typeof buttons>) {
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    await ctx.reply(tr(ctx)(key), { parse_mode: 'HTML', ...(keyboard ?? {}) });
  }
  const askProduct = (ctx: PeerContext) =>
    ask(ctx, 'intake.q.product', buttons('status.product', PRODUCTS.map((p) => [p, tr(ctx)(`domain.product.${p}.name`)])));

  /** A text answer: parsed and stored, or a kind rejection and the same question again. */
  const textStep = (
    read: (text: string, ctx: PeerContext) => { ok: true; apply: (f: PeerFacts) => void } | { ok: false; reject: string },
    next: (ctx: PeerContext) => Promise<unknown>,
  ) =>
    async (ctx: PeerContext) => {
      const text = typed(ctx);
      if (text === undefined) return ask(ctx, 'input.notAnAnswer');
      const r = read(text, ctx);
      if (!r.ok) return ask(ctx, r.reject);
      r.apply(facts(ctx));
      await next(ctx);
      return ctx.wizard.next();
    };
  const money = (field: 'amountFen' | 'incomeFen' | 'essentialsFen' | 'otherDebtsFen', allowZero: boolean) => (text: string) => {
    const r = parseMoney(text, { allowZero });
    return r.ok ? { ok: true as const, apply: (f: PeerFacts) => void (f[field] = r.fen) } : { ok: false as const, reject: `intake.reject.money.${r.reason}` };
  };

  const intake = new Scenes.WizardScene<PeerContext>(
    'intake',
    async (ctx) => {
      if ((ctx.scene.state as { again?: boolean }).again) {
        await askProduct(ctx);
        return ctx.wizard.selectStep(3);
      }
      await ask(ctx, 'start.intro', buttons('intro', [['continue', tr(ctx)('start.continue')]]));
      return ctx.wizard.next();
    },
    async (ctx) => {
      if (pressed(ctx) !== 'continue') return ask(ctx, 'input.useButtons');
      await ask(ctx, 'consent.ask', buttons('consent', [['agree', tr(ctx)('consent.agree')], ['decline', tr(ctx)('consent.decline')]]));
      return ctx.wizard.next();
    },
    async (ctx) => {
      if (pressed(ctx) !== 'agree') return ask(ctx, 'input.useButtons');
      facts(ctx).consent = true;
      await askProduct(ctx);
      return ctx.wizard.next();
    },
    async (ctx) => {
      const product = pressed(ctx);
      if (!product || !(PRODUCTS as readonly string[]).includes(product)) return ask(ctx, 'input.useButtons');
      facts(ctx).product = product;
      await ask(ctx, 'intake.q.amount');
      return ctx.wizard.next();
    },
    textStep(money('amountFen', false), (ctx) => ask(ctx, 'intake.q.overdue')),
    textStep(
      (text) => {
        const r = parseOverdue(text, todayIn(Date.now()));
        return r.ok
          ? { ok: true, apply: (f) => Object.assign(f, { dueDate: r.dueDate, days: r.days }) }
          : { ok: false, reject: `intake.reject.overdue.${r.reason}` };
      },
      (ctx) => ask(ctx, 'intake.q.cause', buttons('status.cause', CAUSES.map((c) => [c, tr(ctx)(`domain.cause.${c}`)]))),
    ),
    async (ctx) => {
      const cause = pressed(ctx);
      if (!cause || !(CAUSES as readonly string[]).includes(cause)) return ask(ctx, 'input.useButtons');
      facts(ctx).cause = cause;
      await ask(ctx, 'intake.q.since');
      return ctx.wizard.next();
    },
    textStep(
      (text) => {
        const r = parseSince(text, todayIn(Date.now()));
        return r.ok ? { ok: true, apply: (f) => void (f.since = r.since) } : { ok: false, reject: `intake.reject.since.${r.reason}` };
      },
      (ctx) => ask(ctx, 'intake.q.income'),
    ),
    textStep(money('incomeFen', true), (ctx) => ask(ctx, 'intake.q.essentials')),
    textStep(money('essentialsFen', true), (ctx) => ask(ctx, 'intake.q.otherDebts')),
    async (ctx) => {
      const r = money('otherDebtsFen', true)(typed(ctx) ?? '');
      if (!r.ok) return ask(ctx, r.reject);
      const f = facts(ctx);
      r.apply(f);
      const t = tr(ctx);
      const yuan = (fen = 0) => `¥${(fen / 100).toLocaleString('en-US')}`;
      const summary = [
        `<b>${t('summary.title')}</b>`,
        t('summary.product', { product: t(`domain.product.${f.product}.name`) }),
        t('summary.debt', { amount: yuan(f.amountFen), count: f.days, due: f.dueDate }),
        t('summary.causeSince', { cause: t(`domain.cause.${f.cause}`), since: f.since }),
      ].join('\n');
      await ctx.reply(summary, { parse_mode: 'HTML', ...buttons('status.result', [['next', t('summary.nextButton')]]) });
      return ctx.scene.leave();
    },
  );

  const bot = new Telegraf<PeerContext>(TOKEN);
  bot.botInfo = BOT_INFO;
  bot.use(session({ store: stores.store }));
  bot.use(new Scenes.Stage<PeerContext>([intake]).middleware());
  bot.command('start', async (ctx) => {
    if (ctx.session.facts?.amountFen === undefined) return ctx.scene.enter('intake');
    const t = tr(ctx);
    await ctx.reply(t('restart.ask'), buttons('confirmRestart', [['yes', t('restart.askYes')], ['no', t('restart.askNo')]]));
  });
  bot.action(/^1~confirmRestart~yes$/, async (ctx) => {
    ctx.session.facts = { consent: true };
    await ctx.answerCbQuery();
    await ctx.reply(tr(ctx)('restart.done'));
    return ctx.scene.enter('intake', { again: true });
  });
  bot.command('checklist', async (ctx) => {
    const t = tr(ctx);
    const done = ctx.session.facts?.otherDebtsFen === undefined ? 0 : 1;
    await ctx.reply(`<b>${t('hub.title')}</b>\n${t('hub.progress', { done, total: 8 })}`, { parse_mode: 'HTML' });
  });
  return { bot, close: stores.close };
}

/**
 * This project's bot as `src/main.ts` builds it: its own Redis client (a tick's commands in one socket write), the flood check in the
 * begin script (with a limit no simulated person reaches), logs off, Telegram stubbed.
 */
export function xieshangBot(redisUrl: string, i18n: I18n): { bot: Telegraf; close: () => Promise<void> } {
  const bot = createTelegraf(TOKEN, null);
  bot.botInfo = BOT_INFO;
  const logger = createLogger('silent');
  const redis = createRedisClient({ url: redisUrl, cluster: false });
  const store = createRedisStore(redis, { ttlSeconds: 86_400 });
  const gateway = createGateway(bot.telegram, { sleep: async () => {} });
  const flood = { limit: 1_000_000, windowMs: 5_000 };
  const engine = createEngine({ store, outbox: gateway, i18n, clock: { now: () => Date.now() }, logger, flood });
  wireBot(bot, { engine, gateway, logger });
  // As the process stops: the leases still kept for a next update are given back before the connection closes.
  const close = async () => {
    await engine.idle(2_000);
    await store.close();
  };
  return { bot, close };
}
