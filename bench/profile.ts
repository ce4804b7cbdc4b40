/**
 * node --cpu-prof --cpu-prof-dir=<dir> --import tsx bench/profile.ts [chats]
 *
 * This bot alone under the closed-loop load (50 chats at once, step 1), for a CPU profile of where an update's time
 * goes; `bench/profile-summary.ts <dir>` then groups the profile's self time by package and module.
 */
import { createI18n } from '../src/i18n/index.js';
import { startRedis } from '../tests/support/redis.js';
import { stubTelegram, xieshangBot } from './bots.js';
import { closedLoop } from './load.js';

const chats = Number(process.argv[2]) || 2_000;
const redis = await startRedis();
stubTelegram();
const ours = xieshangBot(redis.url, createI18n({ ttlDays: 90 }));
try {
  await closedLoop(ours.bot, 50_000_000, 200, 50);
  const r = await closedLoop(ours.bot, 60_000_000, chats, 50);
  process.stdout.write(`${r.updates} updates, ${r.perSecond.toFixed(0)}/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms\n`);
} finally {
  await ours.close();
  await redis.stop();
}
