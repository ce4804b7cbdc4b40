import { ConfigError, loadConfig, type Config } from './config.js';
import { createConsoleOutbox, runConsoleChat } from './console/console-chat.js';
import { systemClock } from './engine/clock.js';
import { createEngine } from './engine/engine.js';
import { frontsOutbox } from './engine/ports.js';
import { createI18n } from './i18n/index.js';
import { createLogger, flushed, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { withoutSecrets } from './observability/secrets.js';
import type { CaseStore } from './store/case-store.js';
import { createMemoryStore } from './store/memory-store.js';
import { createRedisClient, waitUntilReady, type RedisClient } from './store/redis-client.js';
import { createRedisStore } from './store/redis-store.js';
import type { Opts, Telegram } from 'telegraf/types';
import { createTelegraf, registerCommands, telegramFront, wireBot } from './telegram/bot.js';
import { createBotApi } from './telegram/bot-api.js';
import { createGateway } from './telegram/gateway.js';
import { untilReachable } from './telegram/backoff.js';
import { createHttpServer, createMetricsServer } from './telegram/http-server.js';
import { createOffsetClock, parseDuration } from './reminders/clock.js';
import { createReminders } from './reminders/index.js';
import { DEFAULT_TIME_ZONE } from './domain/reminders.js';
import { translator } from './i18n/index.js';
import { createPollingRunner } from './telegram/polling.js';
import { createWebChatFront } from './web/index.js';

const DAY_SECONDS = 86_400;

async function openStore(config: Config, logger: Logger): Promise<{ store: CaseStore; redis: RedisClient | null }> {
  const ttlSeconds = config.ttlDays * DAY_SECONDS;
  if (!config.redis) return { store: createMemoryStore({ ttlSeconds }), redis: null };
  const redis = createRedisClient(config.redis);
  // Connection errors are reported through commands (StoreUnavailableError); the event itself only needs a listener.
  redis.on('error', (err: Error) => logger.warn({ err: err.name }, 'redis connection error'));
  await waitUntilReady(redis, 10_000);
  logger.info({ cluster: config.redis.cluster }, 'redis connected');
  return { store: createRedisStore(redis, { ttlSeconds }), redis };
}

async function runConsole(config: Config, logger: Logger) {
  const { store } = await openStore(config, logger);
  const terminal = createConsoleOutbox(process.stdout, process.cwd());
  // A clock a developer can move forward (XS_CLOCK_OFFSET, --clock, /clock), to watch reminders fire.
  const clock = createOffsetClock(systemClock, config.clockOffsetMs);
  const reminders = createReminders({ redis: config.redis, clock, logger });
  const i18n = createI18n({ ttlDays: config.ttlDays });
  // The terminal has one person at the keyboard: no flood limit.
  const engine = createEngine({ store, outbox: terminal.outbox, i18n, clock, logger, flood: null, reminders: reminders.service });
  reminders.start((job) => engine.remind(job));
  const english = process.env.LANG?.startsWith('en') ?? false;
  const [zh, en] = [translator(i18n, 'zh-CN'), translator(i18n, 'en')];
  const t = english ? en : zh;
  const storeKey = config.redis ? 'console.store.redis' : 'console.store.memory';
  /** `/clock` shows the simulated time; `/clock 1d` moves it forward and runs what became due. */
  const local = async (line: string) => {
    const m = /^\/clock(?:\s+(\S+))?$/.exec(line);
    if (!m) return false;
    const ms = m[1] === undefined ? 0 : parseDuration(m[1]);
    if (ms === null || !reminders.memory) {
      process.stdout.write(`\n${t(reminders.memory ? 'reminders.clock.usage' : 'reminders.clock.redis')}\n`);
      return true;
    }
    clock.advance(ms);
    const time = new Date(clock.now()).toLocaleString('zh-CN', { timeZone: DEFAULT_TIME_ZONE, hour12: false });
    process.stdout.write(`\n${t('reminders.clock.now', { time, zone: DEFAULT_TIME_ZONE })}\n`);
    terminal.newTurn();
    await reminders.memory.runDue();
    return true;
  };
  const stop = async () => {
    await reminders.close();
    // A turn half-way through finishes first, so its replies are not left owed.
    await engine.idle(2_000);
    await store.close();
    await flushed(logger);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  await runConsoleChat({
    engine,
    console: terminal,
    input: process.stdin,
    output: process.stdout,
    // Both languages: the language is only chosen in the chat itself.
    banner: [`${zh('console.title')} / ${en('console.title')}`, zh('console.howTo'), en('console.howTo'), `${zh(storeKey)} ${en(storeKey)}`].join('\n'),
    languageCode: english ? 'en' : undefined,
    firstUpdateId: Date.now(),
    local,
  });
  await reminders.close();
  await store.close();
}

/** How long a shutdown waits for updates in flight before it stops anyway (Telegram then delivers them again). */
const SHUTDOWN_GRACE_MS = 10_000;

/** The fronts on PORT: Telegram (with a token) and the web chat (without one, or beside Telegram), on one engine. */
async function runServer(config: Config, logger: Logger) {
  const metrics = createMetrics();
  const { store, redis } = await openStore(config, logger);
  const bot = config.token ? createTelegraf(config.token, config.apiRoot) : null;
  const gateway =
    bot && config.token
      ? createGateway(bot.telegram, {
          metrics,
          logger,
          appUrl: config.miniApp ? `${config.miniApp.origin}/app` : null,
          api: createBotApi({ token: config.token, apiRoot: config.apiRoot }),
        })
      : null;
  const web =
    config.webChat || config.miniApp
      ? await createWebChatFront({
          redis,
          ttlSeconds: config.ttlDays * DAY_SECONDS,
          chat: config.webChat,
          miniApp: config.miniApp && config.token ? { token: config.token, authMaxAgeSeconds: config.miniApp.authMaxAgeSeconds } : null,
        })
      : null;
  const i18n = createI18n({ ttlDays: config.ttlDays });
  const reminders = createReminders({ redis: config.redis, clock: systemClock, logger, registry: metrics.registry });
  const outbox = frontsOutbox([...(gateway ? [telegramFront(gateway)] : []), ...(web?.front ? [web.front] : [])]);
  const engine = createEngine({ store, outbox, i18n, clock: systemClock, logger, metrics, reminders: reminders.service });
  if (bot && gateway) wireBot(bot, { engine, gateway, logger, settleAtCommit: true });

  const server = createHttpServer({
    port: config.port,
    ready: () => store.ping(),
    logger,
    ...(web ? { fallback: web.listener({ engine, store, i18n, logger }) } : {}),
    ...(bot && config.webhook
      ? { webhook: { path: config.webhook.path, secret: config.webhook.secret, onUpdate: (u) => bot.handleUpdate(u as never) } }
      : {}),
  });
  const metricsServer = config.metrics ? createMetricsServer({ ...config.metrics, metrics: () => metrics.render(), logger }) : null;
  const { port } = await server.listen();
  logger.info({ port, mode: config.mode }, 'http server listening');
  if (web?.front) process.stdout.write(`Web chat: http://localhost:${port}\n`);
  if (config.miniApp) process.stdout.write(`Mini App: ${config.miniApp.origin}/app\n`);
  if (metricsServer && config.metrics) {
    const m = await metricsServer.listen();
    logger.info({ host: config.metrics.host, port: m.port }, 'metrics listening');
  }

  /** Aborted by a shutdown: start-up stops retrying, polling stops fetching. */
  const intake = new AbortController();
  let runner: ReturnType<typeof createPollingRunner> | null = null;
  let stopping: Promise<never> | null = null;

  /** Stop intake, finish what is in flight (bounded), confirm it to Telegram, close everything, exit. */
  const stop = (reason: string, code: number): Promise<never> =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'shutting down');
      intake.abort();
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      const left = () => Math.max(0, deadline - Date.now());
      // From now on /readyz says 503 (polling too) and new webhook requests are refused.
      const drained = server.drain(left());
      if (runner) await runner.stop(left());
      await drained;
      // The reminder worker takes no new job and finishes the one running; unfinished jobs stay queued.
      await reminders.close();
      if (!(await engine.idle(left()))) logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'updates still running at shutdown; Telegram will deliver them again');
      await Promise.all([server.close(), metricsServer?.close()]);
      await store.close();
      logger.info({ reason }, 'stopped');
      await flushed(logger);
      process.exit(code);
    })());
  /**
   * The first signal stops; another while draining (a second Ctrl-C, an impatient supervisor) is logged and
   * ignored, so the updates in flight finish and the leases are given back. SIGKILL still ends it at once.
   */
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stopping) logger.warn({ signal }, 'already shutting down; signal ignored');
    void stop(signal, 0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const reach = <T>(what: string, call: (signal: AbortSignal) => Promise<T>) =>
    untilReachable(what, call, { logger, signal: intake.signal });
  // Telegram: who the bot is, then the webhook set or long polling started, each retried until reachable.
  if (bot) {
    // telegraf types `signal` with an old shim; at run time it is handed to node-fetch, which takes Node's own.
    const api = <M extends keyof Telegram>(method: M, payload: Opts<M>, signal: AbortSignal) =>
      bot.telegram.callApi(method, payload, { signal: signal as never });
    try {
      bot.botInfo = await reach('getMe', (signal) => api('getMe', {}, signal));
      if (config.webhook) {
        const { url, secret } = config.webhook;
        await reach('setWebhook', (signal) =>
          api('setWebhook', { url, secret_token: secret, drop_pending_updates: false }, signal),
        );
      } else {
        // A webhook left set would make every getUpdates fail with 409.
        await reach('deleteWebhook', (signal) => api('deleteWebhook', { drop_pending_updates: false }, signal));
        runner = createPollingRunner({
          getUpdates: (params, signal) => api('getUpdates', params, signal),
          handle: (update) => bot.handleUpdate(update),
          logger,
        });
        const { started, stopped } = runner.start();
        // A failure before the first answer is a start-up failure (reported once, below main); one after it stops the bot.
        await started;
        void stopped.catch((err: unknown) => {
          logger.fatal({ err: err instanceof Error ? err.name : typeof err }, 'polling stopped');
          process.stderr.write(`Polling stopped: ${withoutSecrets(err instanceof Error ? err.message : String(err))}\n`);
          void stop('polling stopped', 1);
        });
      }
    } catch (err) {
      // A shutdown during start-up ends the retries; it exits by itself.
      if (intake.signal.aborted) return;
      throw err;
    }
  }
  if (intake.signal.aborted) return;
  logger.info({ mode: config.mode }, 'bot started');
  reminders.start((job) => engine.remind(job));
  // Replies a crash or deploy left owed (committed, never sent) go out now; the engine keeps each chat in order.
  void engine
    .resumeOwed()
    .then((chats) => chats > 0 && logger.info({ chats }, 'owed replies sent'))
    .catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.name : typeof err }, 'could not send owed replies'));
  if (gateway) await registerCommands(gateway, i18n, logger);
}

async function main() {
  let config: Config;
  try {
    // `npm start -- --clock=3d` is XS_CLOCK_OFFSET=3d.
    const clockArg = process.argv.find((a) => a.startsWith('--clock='));
    const env = clockArg ? { ...process.env, XS_CLOCK_OFFSET: clockArg.slice('--clock='.length) } : process.env;
    config = loadConfig(env, { terminal: process.argv.includes('--terminal') });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // In the terminal the conversation owns stdout; logs go to stderr there.
  const logger = createLogger(config.logLevel, config.mode === 'console' ? 2 : 1);
  if (config.mode === 'console') await runConsole(config, logger);
  else await runServer(config, logger);
}

main().catch((err: unknown) => {
  process.stderr.write(`Start-up failed: ${withoutSecrets(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(1);
});
