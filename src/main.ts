import { ConfigError, loadConfig, type Config } from './config.js';
import { createConsoleOutbox, runConsoleChat } from './console/console-chat.js';
import { systemClock } from './engine/clock.js';
import { createEngine, type Outbox } from './engine/engine.js';
import { createI18n } from './i18n/index.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import type { CaseStore } from './store/case-store.js';
import { createMemoryStore } from './store/memory-store.js';
import { createRedisClient, waitUntilReady, type RedisClient } from './store/redis-client.js';
import { createRedisStore } from './store/redis-store.js';
import { createTelegraf, registerCommands, wireBot } from './telegram/bot.js';
import { createGateway } from './telegram/gateway.js';
import { createHttpServer } from './telegram/http-server.js';

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

function engineFor(config: Config, store: CaseStore, outbox: Outbox, logger: Logger, metrics?: Metrics) {
  // The terminal has one person at the keyboard: no flood limit.
  return createEngine({ store, outbox, i18n: createI18n({ ttlDays: config.ttlDays }), clock: systemClock, logger, metrics, flood: null });
}

async function runConsole(config: Config, logger: Logger) {
  const { store } = await openStore(config, logger);
  const terminal = createConsoleOutbox(process.stdout, process.cwd());
  const engine = engineFor(config, store, terminal.outbox, logger);
  const stop = async () => {
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  await runConsoleChat({
    engine,
    console: terminal,
    input: process.stdin,
    output: process.stdout,
    banner: [
      '协商助手 · Xieshang — 终端对话 / terminal chat',
      '输入按钮前的编号来点按钮，其他内容就是你的回答；Ctrl-C 退出。',
      'Type a button’s number to press it; anything else is your answer. Ctrl-C quits.',
      config.redis ? '(Redis)' : '(内存存储，退出后不保留 / in-memory: nothing is kept after you quit)',
    ].join('\n'),
    languageCode: process.env.LANG?.startsWith('en') ? 'en' : undefined,
    firstUpdateId: Date.now(),
  });
  await store.close();
}

async function runTelegram(config: Config, logger: Logger) {
  const metrics = createMetrics();
  const { store, redis } = await openStore(config, logger);
  const bot = createTelegraf(config.token ?? '', config.apiRoot);
  const gateway = createGateway(bot.telegram, { metrics, logger });
  const i18n = createI18n({ ttlDays: config.ttlDays });
  const engine = createEngine({ store, outbox: gateway, i18n, clock: systemClock, logger, metrics });
  wireBot(bot, { engine, gateway, logger });

  const server = createHttpServer({
    port: config.port,
    ready: () => store.ping(),
    metrics: () => metrics.render(),
    logger,
    ...(config.webhook
      ? { webhook: { path: config.webhook.path, secret: config.webhook.secret, onUpdate: (u) => bot.handleUpdate(u as never) } }
      : {}),
  });
  const { port } = await server.listen();
  logger.info({ port, mode: config.mode }, 'http server listening');
  await registerCommands(gateway, i18n, logger);

  if (config.webhook) {
    bot.botInfo ??= await bot.telegram.getMe();
    await bot.telegram.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, drop_pending_updates: false });
  } else {
    // launch() resolves only when polling stops, so it is not awaited here.
    void bot.launch({ dropPendingUpdates: false }).catch((err: unknown) => {
      logger.fatal({ err: err instanceof Error ? err.name : typeof err }, 'polling stopped');
      process.exit(1);
    });
  }
  logger.info({ mode: config.mode }, 'bot started');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    if (!config.webhook) bot.stop(signal);
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function main() {
  let config: Config;
  try {
    config = loadConfig(process.env);
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
  else await runTelegram(config, logger);
}

main().catch((err: unknown) => {
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
