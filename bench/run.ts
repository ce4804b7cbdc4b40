/**
 * npm run bench [-- --smoke]
 *
 * One run, one redis-server started here: the floor (telegraf + ioredis GET/SET + reply), the peer (telegraf
 * WizardScene + session() on Redis) and this bot, at 50 and 200 chats at once (closed loop, median of 3 rounds),
 * at 1,000 and 2,000 updates/s offered (open loop), and in long cases of 500 updates; then the built
 * `node dist/main.js` under load against the fake Bot API, and the web chat's process under its own load (first
 * load, reply latency with many conversations active, memory of idle event streams). Prints the tables and the
 * goals, met or not.
 * `--smoke` is the same run made short (seconds), for CI: every bot and every mode still runs.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Telegraf } from 'telegraf';
import { createI18n } from '../src/i18n/index.js';
import { startRedis } from '../tests/support/redis.js';
import { floorBot, peerBot, stubTelegram, xieshangBot } from './bots.js';
import { closedLoop, longCases, median, openLoop, type Handler, type LoadResult } from './load.js';
import { docxMillis, microCosts } from './micro.js';
import { build, runBuiltBot } from './process.js';
import { bytesPerCase, commandCounts, perUpdate, redisCpuSeconds } from './redis-stats.js';
import { amountAnswers } from './script.js';
import { understandingReport } from './understanding-report.js';
import { webBench } from './web.js';

const smoke = process.argv.includes('--smoke');
const SIZE = smoke
  ? { rounds: 1, chats50: 60, chats200: 200, openSeconds: 0.5, longChats: 2, longLength: 60, micro: 2_000, docx: 5, proc: { perSecond: 100, seconds: 2 }, web: { active: 20, idle: 100, paceMs: 2_000 } }
  : { rounds: 3, chats50: 1_000, chats200: 1_000, openSeconds: 5, longChats: 20, longLength: 500, micro: 20_000, docx: 50, proc: { perSecond: 500, seconds: 10 }, web: { active: 200, idle: 2_000, paceMs: 2_000 } };
const BOTS = ['floor', 'peer', 'xieshang'] as const;
type BotName = (typeof BOTS)[number];

const f = (n: number, digits = 2) => n.toFixed(digits);
const mib = () => process.memoryUsage().rss / 2 ** 20;
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const out = (s = '') => process.stdout.write(`${s}\n`);
type Bytes = Awaited<ReturnType<typeof bytesPerCase>>;
const kinds = (b: Bytes) => b.kinds.map(([kind, n]) => `${kind} ${f(n, 0)}`).join(', ');

/**
 * What a case keeps once its update is done: the lock's release and the outbox's clean-up are not awaited on the
 * hot path, so the bytes are read after they have landed.
 */
const settled = () => new Promise((r) => setTimeout(r, 500));

/** Chat ids: each bot and phase has its own range, so no case is shared. */
let chatBase = 10_000_000;
const freshChats = () => (chatBase += 1_000_000);

/** Redis keys that belong to one chat of each bot (its user id is the chat id). */
const KEYS: Record<BotName, (chat: number) => string[]> = {
  floor: (c) => [`floor:${c}`],
  peer: (c) => [`telegraf:${c}:${c}`],
  xieshang: (c) => [`xs:{c:${c}}:*`, `xs:{u:${c}}:*`],
};

/** Each bot must really have gone through the intake: its stored record holds the last answer. */
async function checkFinished(client: Redis, name: BotName, chat: number) {
  const stored =
    name === 'floor'
      ? await client.get(`floor:${chat}`)
      : name === 'peer'
        ? await client.get(`telegraf:${chat}:${chat}`)
        : await client.hget(`xs:{c:${chat}}:case`, 'snap');
  const finished = name === 'floor' ? stored === '12' : /"otherDebtsFen":0\b/.test(stored ?? '');
  if (!finished) throw new Error(`${name} did not finish the intake for chat ${chat}: ${stored}`);
}

async function main() {
  const started = performance.now();
  const redis = await startRedis();
  const client = new Redis(redis.url, { protocol: 2 } as never);
  const telegram = stubTelegram();
  const i18n = createI18n({ ttlDays: 90 });
  const peer = peerBot(i18n, redis.url);
  const ours = xieshangBot(redis.url, i18n);
  const bots: Record<BotName, Handler> = {
    floor: floorBot(client),
    peer: peer.bot as unknown as Telegraf,
    xieshang: ours.bot,
  };
  try {
    out(`# npm run bench${smoke ? ' -- --smoke' : ''}`);
    out(`node ${process.version}, ${(await client.info('server')).match(/redis_version:(\S+)/)?.[1] ?? '?'} redis, ${new Date().toISOString()}`);

    out('\n## Per call (µs, steady state)\n');
    out(table(['what', 'µs'], microCosts(SIZE.micro).map((r) => [r.what, f(r.microseconds)])));
    const docx = await docxMillis(SIZE.docx);
    out(`\nstatement .docx (compose + build), median of ${SIZE.docx}: ${f(docx)} ms`);

    // Closed loop: rounds × bots interleaved, so drift on a shared machine hits every bot alike.
    const closed: Record<string, LoadResult[]> = {};
    /** redis-server's CPU per update, from the last round. */
    const redisMicros: Record<string, number> = {};
    const commands = {} as Record<BotName, ReturnType<typeof perUpdate>>;
    const bytes12 = {} as Record<BotName, Bytes>;
    const rss = {} as Record<BotName, number>;
    for (let round = 0; round < SIZE.rounds; round++) {
      for (const name of BOTS) {
        for (const [atOnce, chats] of [[50, SIZE.chats50], [200, SIZE.chats200]] as const) {
          const first = freshChats();
          const before = await commandCounts(client);
          const redisCpu = await redisCpuSeconds(client);
          const r = await closedLoop(bots[name], first, chats, atOnce);
          redisMicros[`${name}@${atOnce}`] = ((await redisCpuSeconds(client)) - redisCpu) * 1e6 / r.updates;
          if (round === 0 && atOnce === 50) {
            commands[name] = perUpdate(before, await commandCounts(client), r.updates);
            await checkFinished(client, name, first);
            await settled();
            bytes12[name] = await bytesPerCase(client, Array.from({ length: 50 }, (_, i) => first + i), KEYS[name]);
          }
          (closed[`${name}@${atOnce}`] ??= []).push(r);
          rss[name] = Math.max(rss[name] ?? 0, mib());
        }
      }
    }
    const mid = (key: string) => {
      const runs = [...(closed[key] ?? [])].sort((a, b) => a.perSecond - b.perSecond);
      return runs[Math.floor(runs.length / 2)]!;
    };
    out(`\n## Closed loop: step 1 (12 updates a chat), median of ${SIZE.rounds} round(s)\n`);
    out(
      table(
        ['bot', 'chats at once', 'updates', 'updates/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU µs/update', 'Redis CPU µs/update', 'GC ms (longest)', 'vs peer', 'vs floor'],
        BOTS.flatMap((name) =>
          [50, 200].map((n) => {
            const r = mid(`${name}@${n}`);
            return [
              name, n, r.updates, f(r.perSecond, 0), f(r.p50), f(r.p95), f(r.p99), f(r.cpuMicros, 0), f(redisMicros[`${name}@${n}`] ?? 0, 0), `${f(r.gcMs, 0)} (${f(r.gcMaxMs, 1)})`,
              f(r.perSecond / mid(`peer@${n}`).perSecond), f(r.perSecond / mid(`floor@${n}`).perSecond),
            ];
          }),
        ),
      ),
    );

    out(`\n## Open loop: updates offered on a fixed schedule for ${SIZE.openSeconds} s, latency from the scheduled time\n`);
    const open: Array<Array<string | number>> = [];
    const openP99 = {} as Record<string, number>;
    for (const perSecond of [1_000, 2_000]) {
      for (const name of BOTS) {
        const redisCpu = await redisCpuSeconds(client);
        const r = await openLoop(bots[name], freshChats(), perSecond, SIZE.openSeconds);
        const redisPerUpdate = ((await redisCpuSeconds(client)) - redisCpu) * 1e6 / r.updates;
        openP99[`${name}@${perSecond}`] = r.p99;
        open.push([
          name, perSecond, r.updates, f(r.perSecond, 0), f(r.p50), f(r.p95), f(r.p99), f(r.max), f(r.cpuMicros, 0), f(redisPerUpdate, 0), `${f(r.gcMs, 0)} (${f(r.gcMaxMs, 1)})`,
        ]);
      }
    }
    out(table(['bot', 'offered /s', 'updates', 'done /s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU µs/update', 'Redis CPU µs/update', 'GC ms (longest)'], open));

    out(`\n## Long cases: ${SIZE.longChats} chats × ${SIZE.longLength} updates, one update at a time, the chats staggered\n`);
    // The amount answer, same state and same text, early in the case and late: medians of every chat's.
    const { early, late } = amountAnswers(SIZE.longLength, 3);
    const long = {} as Record<BotName, { first: number; last: number; early: number; late: number; bytes: Bytes }>;
    for (const name of BOTS) {
      const first = freshChats();
      const byPosition = await longCases(bots[name], first, SIZE.longChats, SIZE.longLength);
      await settled();
      const pooled = (positions: number[]) => median(positions.flatMap((p) => byPosition[p - 1]!));
      long[name] = {
        first: median(byPosition[early[0]! - 1]!),
        last: median(byPosition[late.at(-1)! - 1]!),
        early: pooled(early),
        late: pooled(late),
        bytes: await bytesPerCase(client, Array.from({ length: SIZE.longChats }, (_, i) => first + i), KEYS[name]),
      };
    }
    const lastAt = late.at(-1)!;
    out(
      table(
        ['bot', 'update #5 ms', `update #${lastAt} ms`, 'ratio', `#${early.join(', #')} ms`, `#${late.join(', #')} ms`, 'ratio', 'Redis bytes/case after 12', `after ${SIZE.longLength}`, 'commands/update', 'RSS MiB'],
        BOTS.map((name) => [
          name,
          f(long[name].first, 3),
          f(long[name].last, 3),
          f(long[name].last / long[name].first),
          f(long[name].early, 3),
          f(long[name].late, 3),
          f(long[name].late / long[name].early),
          f(bytes12[name].perCase, 0),
          f(long[name].bytes.perCase, 0),
          f(commands[name].total, 1),
          f(rss[name], 0),
        ]),
      ),
    );
    out(`\nRedis bytes per case of this bot, by key: after 12 updates ${kinds(bytes12.xieshang)}; after ${SIZE.longLength} ${kinds(long.xieshang.bytes)}`);
    out('\nRedis commands per update (commands run inside scripts included), at 50 chats at once:');
    for (const name of BOTS) {
      const c = commands[name];
      out(`- ${name}: ${c.rows.map(([cmd, n]) => `${cmd} ${f(n)}`).join(', ')}; bytes to Redis ${f(c.bytesIn, 0)}, from Redis ${f(c.bytesOut, 0)}`);
    }
    out(`\nclosed-loop answers that were not on the script's path (stale or refused buttons): ${telegram.staleAnswers()}`);

    build();
    const proc = await runBuiltBot(`${redis.url}/1`, { ...SIZE.proc, firstChat: freshChats() });
    out(`\n## node dist/main.js (long polling, fake Bot API on loopback)\n`);
    out(`${proc.updates} updates offered at ${SIZE.proc.perSecond}/s, drained in ${f(proc.seconds, 1)} s; RSS peak ${f(proc.rssMiB, 0)} MiB (VmHWM ${f(proc.peakMiB, 0)} MiB)`);
    if (!smoke) {
      // The same with V8's old space capped: how much of the peak is live data, and how much is the heap V8 lets
      // grow under a high allocation rate.
      const capped = await runBuiltBot(`${redis.url}/1`, { ...SIZE.proc, firstChat: freshChats(), nodeOptions: '--max-old-space-size=64' });
      out(`with NODE_OPTIONS=--max-old-space-size=64: drained in ${f(capped.seconds, 1)} s; RSS peak ${f(capped.rssMiB, 0)} MiB (VmHWM ${f(capped.peakMiB, 0)} MiB)`);
    }

    // The web chat, served by the real process on the same Redis (its own database).
    const web = await webBench({ redisUrl: `${redis.url}/2`, ...SIZE.web });
    out(`\n## The web chat (npm start without a token, REDIS_URL set): ${web.active} conversations active, ${web.idle} idle streams\n`);
    out(
      table(
        ['first load (compressed, all requests)', 'requests', 'replies', 'POST → reply on the stream p50', 'p95', 'p99', `RSS for ${web.idle} idle streams`],
        [[`${f(web.firstLoadBytes / 1024, 1)} KB`, web.requests, web.replies, `${f(web.p50)} ms`, `${f(web.p95)} ms`, `${f(web.p99)} ms`, `+${f(web.idleExtraMiB, 1)} MiB`]],
      ),
    );

    const ratio = mid('xieshang@50').perSecond / mid('peer@50').perSecond;
    const goals: Array<[string, string, boolean]> = [
      ['throughput at 50 chats ≥ 0.5× the peer', `${f(ratio)}×`, ratio >= 0.5],
      ['p99 ≤ 5 ms at 1,000 updates/s offered', `${f(openP99['xieshang@1000'] ?? 0)} ms`, (openP99['xieshang@1000'] ?? Infinity) <= 5],
      [
        `update #${lastAt} ≤ 1.1× update #5 (the same answer: medians of #${late.join(', #')} vs #${early.join(', #')})`,
        `${f(long.xieshang.late / long.xieshang.early)}× (#${lastAt} alone: ${f(long.xieshang.last / long.xieshang.first)}×)`,
        long.xieshang.late <= 1.1 * long.xieshang.early,
      ],
      [
        '≤ 2 KiB Redis per case at any length',
        `${f(bytes12.xieshang.perCase, 0)} B after 12, ${f(long.xieshang.bytes.perCase, 0)} B after ${SIZE.longLength}`,
        Math.max(bytes12.xieshang.perCase, long.xieshang.bytes.perCase) <= 2048,
      ],
      ['RSS of node dist/main.js ≤ 150 MiB', `${f(Math.max(proc.rssMiB, proc.peakMiB), 0)} MiB`, Math.max(proc.rssMiB, proc.peakMiB) <= 150],
      ['statement .docx ≤ 30 ms', `${f(docx)} ms`, docx <= 30],
      ['web chat first load ≤ 60 KB compressed', `${f(web.firstLoadBytes / 1024, 1)} KB`, web.firstLoadBytes <= 60 * 1024],
      [`web chat reply p95 ≤ 300 ms with ${web.active} conversations active`, `${f(web.p95)} ms`, web.p95 <= 300],
      [`${web.idle} idle event streams ≤ 100 MiB more RSS`, `+${f(web.idleExtraMiB, 1)} MiB`, web.idleExtraMiB <= 100],
    ];
    out(`\n## Free text understood (docs/understanding.md)\n\n${understandingReport({ smoke })}`);
    out('\n## Goals (this bot)\n');
    out(table(['goal', 'measured', 'met'], goals.map(([g, m, ok]) => [g, m, ok ? 'yes' : 'no'])));
    out(`\nbench took ${f((performance.now() - started) / 1000, 0)} s`);
    if (telegram.staleAnswers() > 0) throw new Error('some scripted updates went off the path: the figures would not be comparable');
  } finally {
    await peer.close();
    await ours.close();
    client.disconnect();
    await redis.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
