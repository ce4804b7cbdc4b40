/**
 * npm run bench [-- --chats N --smoke]
 *
 * Pushes simulated chats through the whole step-1 flow over the real telegraf pipeline (stub transport, real
 * redis-server), then does the same for a floor bot: telegraf + one Redis GET and SET per update, no flow. Prints
 * updates/s, latency percentiles, Redis bytes per case and RSS for both, and the ratio.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { createEngine } from '../src/engine/engine.js';
import { createI18n } from '../src/i18n/index.js';
import { createLogger } from '../src/observability/logger.js';
import { createRedisStore } from '../src/store/redis-store.js';
import { createTelegraf, wireBot } from '../src/telegram/bot.js';
import { createGateway } from '../src/telegram/gateway.js';
import { startRedis } from '../tests/support/redis.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const chats = Number(args[args.indexOf('--chats') + 1]) || (smoke ? 20 : 500);
const concurrency = 50;

type Step = { text: string } | { press: string };
/** One person's step 1: /start to the summary (12 updates). */
const SCRIPT: Step[] = [
  { text: '/start' },
  { press: 'continue' },
  { press: 'agree' },
  { press: 'huabei' },
  { text: '5,500元' },
  { text: '45天' },
  { press: 'job_loss' },
  { text: '2026年8月' },
  { text: '3000' },
  { text: '2500' },
  { text: '0' },
  { text: '/checklist' },
];

const BOT_INFO = { id: 1, is_bot: true, first_name: 'bench', username: 'bench_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } as Telegraf['botInfo'];

/** The transport: answers like Telegram, remembers each chat's newest keyboard so the script can press it. */
function stubTransport(bot: Telegraf) {
  const keyboards = new Map<number, Array<{ callback_data: string }>>();
  let id = 0;
  (bot.telegram as unknown as { callApi: (m: string, p: any) => Promise<unknown> }).callApi = async (method, payload) => {
    if (method === 'sendMessage') {
      const kb = payload.reply_markup?.inline_keyboard;
      if (kb) keyboards.set(payload.chat_id, kb.flat());
      return { message_id: ++id, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: '' };
    }
    return true;
  };
  return keyboards;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function drive(name: string, bot: Telegraf, keyboards: Map<number, Array<{ callback_data: string }>>, firstChat: number) {
  const latencies: number[] = [];
  let updateId = 0;
  const runChat = async (chatId: number) => {
    const from = { id: chatId, is_bot: false, first_name: 'b', language_code: 'zh-hans' };
    const chat = { id: chatId, type: 'private', first_name: 'b' };
    for (const step of SCRIPT) {
      let update: Update;
      if ('text' in step) {
        update = { update_id: ++updateId, message: { message_id: updateId, date: 0, chat, from, text: step.text } } as Update;
      } else {
        const data = keyboards.get(chatId)?.find((b) => b.callback_data.endsWith(`~${step.press}`))?.callback_data ?? `1~x~${step.press}`;
        update = { update_id: ++updateId, callback_query: { id: String(updateId), from, chat_instance: 'b', data, message: { message_id: 1, date: 0, chat } } } as Update;
      }
      const t0 = performance.now();
      await bot.handleUpdate(update);
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  const ids = Array.from({ length: chats }, (_, i) => firstChat + i);
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    for (let i = w; i < ids.length; i += concurrency) await runChat(ids[i]!);
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    updates: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  };
}

async function bytesPerCase(client: Redis, pattern: string, sample: number) {
  let total = 0;
  let cases = 0;
  for (const key of (await client.keys(pattern)).slice(0, sample)) {
    total += Number(await client.memory('USAGE', key)) || 0;
    cases += 1;
  }
  return cases === 0 ? 0 : total / cases;
}

async function main() {
  const redis = await startRedis();
  const client = new Redis(redis.url, { protocol: 2 } as never);
  try {
    // The real bot: flow, engine, Redis store with locks and compare-and-set.
    const bot = createTelegraf('1:bench-token-not-used-anywhere', null);
    bot.botInfo = BOT_INFO;
    const keyboards = stubTransport(bot);
    const logger = createLogger('silent');
    const store = createRedisStore(client, { ttlSeconds: 86_400 });
    const gateway = createGateway(bot.telegram, { sleep: async () => {} });
    const i18n = createI18n({ ttlDays: 1 });
    const engine = createEngine({ store, outbox: gateway, i18n, clock: { now: () => Date.now() }, logger, flood: null });
    wireBot(bot, { engine, gateway, logger });
    const full = await drive('xieshang', bot, keyboards, 1_000_000);
    const caseBytes = await bytesPerCase(client, 'xs:{c:*}:case', 200);
    const seenBytes = await bytesPerCase(client, 'xs:{c:*}:seen', 200);

    // The floor: telegraf + one GET and SET per update, nothing else.
    const floor = new Telegraf('1:bench-token-not-used-anywhere');
    floor.botInfo = BOT_INFO;
    const floorKeyboards = stubTransport(floor);
    floor.use(async (ctx) => {
      const key = `floor:${ctx.chat?.id}`;
      const n = Number(await client.get(key)) || 0;
      await client.set(key, String(n + 1));
      await floor.telegram.sendMessage(ctx.chat!.id, 'ok');
    });
    const base = await drive('floor', floor, floorKeyboards, 2_000_000);

    const rows = [full, base].map(
      (r) => `| ${r.name} | ${r.updates} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.rssMiB.toFixed(0)} |`,
    );
    process.stdout.write(
      [
        `chats: ${chats}, concurrency: ${concurrency}, updates per chat: ${SCRIPT.length}`,
        '',
        '| bot | updates | updates/s | p50 ms | p95 ms | p99 ms | RSS MiB |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
        `throughput ratio (xieshang / floor): ${(full.perSecond / base.perSecond).toFixed(2)}`,
        `Redis bytes per case: ${caseBytes.toFixed(0)} (case hash) + ${seenBytes.toFixed(0)} (seen set)`,
        '',
      ].join('\n'),
    );
    if (full.updates !== chats * SCRIPT.length) throw new Error('not every update was handled');
  } finally {
    client.disconnect();
    await redis.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
