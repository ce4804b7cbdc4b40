/**
 * npm run bench [-- --smoke] [-- --node <path to a node binary>] [-- --record]
 *
 * One run, one redis-server started here. Each bot (the floor: telegraf + ioredis GET/SET + a reply; the peer:
 * telegraf WizardScene + session() on Redis; this bot) runs in a warm process of its own on the chosen runtime
 * (`--node`, this one by default): the bots take turns in 2.5 s windows of the same closed-loop load (50 chats at
 * once) and the throughput ratio is taken per pair of windows; then each bot's Redis commands and bytes per update,
 * the open loop at 1,000 and 2,000 updates/s offered, and long cases of 500 updates. Then the built
 * `node dist/main.js` under load (its memory; and in webhook mode, updates POSTed to its HTTP server with replies to
 * a fake Bot API on loopback: its CPU per update), and the web chat's process. Prints the tables, the goals met or
 * not, and every figure compared with the last recorded run (docs/benchmarks.json): a figure worse by more than
 * its tolerance prints a REGRESSION line. `--record` (full runs only) writes this run's figures as the recorded ones.
 * `--smoke` is the same run made short (seconds), for CI: every bot and every mode still runs.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { readRecord } from '../src/store/redis-store.js';
import { startRedis } from '../tests/support/redis.js';
import type { BotName } from './bot-worker.js';
import { median, type LoadResult } from './load.js';
import { docxMillis, microCosts } from './micro.js';
import { pairedWindows } from './paired.js';
import { memoryLimit, type MemoryLimit } from './memory-limit.js';
import { build, runBuiltBot, runWebhookBot, type ProcessResult } from './process.js';
import { compareWithRecorded, record, type Figure } from './recorded.js';
import { bytesPerCase, commandCounts, perUpdate, redisCpuSeconds } from './redis-stats.js';
import { amountAnswers } from './script.js';
import { understandingReport } from './understanding-report.js';
import { miniAppBench } from './mini-app.js';
import { webBench } from './web.js';
import { startWorker, type Worker } from './workers.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const nodeAt = args.indexOf('--node');
const node = nodeAt < 0 ? process.execPath : (args[nodeAt + 1] ?? '');
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
/** V8's heap limit as `node` sets it at start, on this host or inside a memory limit (Node sizes it from the limit). */
function heapLimitMiB(limit?: MemoryLimit): number {
  const args = ['-p', "require('node:v8').getHeapStatistics().heap_size_limit"];
  const run = limit ? limit.wrap(node, args) : { command: node, args };
  return Number(spawnSync(run.command, run.args, { encoding: 'utf8' }).stdout) / 2 ** 20;
}
const hostHeapLimitMiB = heapLimitMiB();
// The real path is measured after 30 s of warm-up: after 10 s at 300 updates/s V8 was still optimising the bot's code (a
// quarter of the process's CPU in TurboFan, by `perf`), which a process serving for hours has long finished.
const SIZE = smoke
  ? { windowSeconds: 0.5, pairs: 2, warm: 1, openSeconds: 0.5, longChats: 2, longLength: 60, micro: 2_000, docx: 5, proc: { perSecond: 100, seconds: 2, chats: 200 }, hook: { perSecond: 100, seconds: 2, warmSeconds: 1 }, web: { active: 20, idle: 100, paceMs: 2_000 } }
  : { windowSeconds: 2.5, pairs: 12, warm: 2, openSeconds: 5, longChats: 20, longLength: 500, micro: 20_000, docx: 50, proc: { perSecond: 800, seconds: 15, chats: 10_000 }, hook: { perSecond: 300, seconds: 10, warmSeconds: 30 }, web: { active: 200, idle: 2_000, paceMs: 2_000 } };
const BOTS = ['floor', 'peer', 'xieshang'] as const satisfies readonly BotName[];
const AT_ONCE = 50;
/** The small instance the memory goal is about: 1 GiB, the larger of the usual small sizes (512 MiB, 1 GiB). */
const INSTANCE_MIB = 1024;

const f = (n: number, digits = 2) => n.toFixed(digits);
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const out = (s = '') => process.stdout.write(`${s}\n`);
const section = (title: string) => out(`\n## ${title} (load average ${load()})\n`);
const range = (xs: number[], digits = 2) => `${f(median(xs), digits)} (${f(Math.min(...xs), digits)}–${f(Math.max(...xs), digits)})`;
type Bytes = Awaited<ReturnType<typeof bytesPerCase>>;
const kinds = (b: Bytes) => b.kinds.map(([kind, n]) => `${kind} ${f(n, 0)}`).join(', ');

/**
 * What a case keeps once its update is done: the lock's release and the outbox's clean-up are not awaited on the
 * hot path, so the bytes are read after they have landed.
 */
const settled = () => new Promise((r) => setTimeout(r, 500));

/** Chat ids: each bot, window and phase has its own range, so no case is shared. */
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
        : await client.hget(`xs:{c:${chat}}:case`, 'snap').then((snap) => (snap ? JSON.stringify(readRecord(snap)) : null));
  const finished = name === 'floor' ? stored === '12' : /"otherDebtsFen":0\b/.test(stored ?? '');
  if (!finished) throw new Error(`${name} did not finish the intake for chat ${chat}: ${stored}`);
}

async function main() {
  const started = performance.now();
  const loadAtStart = load();
  const redis = await startRedis();
  const client = new Redis(redis.url, { protocol: 2 } as never);
  const workers = {} as Record<BotName, Worker>;
  try {
    await Promise.all(BOTS.map(async (name) => (workers[name] = await startWorker(name, redis.url, node))));
    out(`# npm run bench${smoke ? ' -- --smoke' : ''}`);
    out(`bots on node ${nodeVersion} (driver on ${process.version}), redis ${(await client.info('server')).match(/redis_version:(\S+)/)?.[1] ?? '?'}, ${new Date().toISOString()}, load average ${loadAtStart}`);

    section('Per call (µs, steady state, on the driver\'s runtime)');
    out(table(['what', 'µs'], microCosts(SIZE.micro).map((r) => [r.what, f(r.microseconds)])));
    const docx = await docxMillis(SIZE.docx);
    out(`\nstatement .docx (compose + build), median of ${SIZE.docx}: ${f(docx)} ms`);

    section(`Paired windows: each bot in its own warm process, ${AT_ONCE} chats at once (closed loop, step 1), ${SIZE.windowSeconds} s windows in turn`);
    const paired = await pairedWindows(
      { ours: workers.xieshang, peer: workers.peer, floor: workers.floor, atOnce: AT_ONCE, seconds: SIZE.windowSeconds, pairs: SIZE.pairs, warm: SIZE.warm, floorEvery: 3 },
      freshChats,
    );
    const windowsOf = (name: BotName) => paired.windows[name] ?? [];
    const med = (name: BotName, pick: (r: LoadResult) => number) => median(windowsOf(name).map(pick));
    out(
      table(
        ['bot', 'windows', 'updates/s, median (range)', 'p50 ms', 'p99 ms', 'CPU µs/update', 'allocated KB/update', 'GC ms per window (longest)', 'vs peer', 'vs floor'],
        BOTS.map((name) => [
          name,
          windowsOf(name).length,
          range(windowsOf(name).map((r) => r.perSecond), 0),
          f(med(name, (r) => r.p50)),
          f(med(name, (r) => r.p99)),
          f(med(name, (r) => r.cpuMicros), 0),
          f(med(name, (r) => r.allocatedBytes / 1024), 1),
          `${f(med(name, (r) => r.gcMs), 0)} (${f(Math.max(...windowsOf(name).map((r) => r.gcMaxMs)), 1)})`,
          f(med(name, (r) => r.perSecond) / med('peer', (r) => r.perSecond)),
          f(med(name, (r) => r.perSecond) / med('floor', (r) => r.perSecond)),
        ]),
      ),
    );
    const ratio = median(paired.ratios);
    out(`\nthis bot ÷ the peer, per pair of adjacent windows: **${range(paired.ratios)}** over ${paired.ratios.length} pairs (${paired.ratios.map((r) => f(r)).join(', ')})`);

    section(`Redis per update: ${AT_ONCE} chats through step 1 at once, each bot alone`);
    const commands = {} as Record<BotName, ReturnType<typeof perUpdate>>;
    const bytes12 = {} as Record<BotName, Bytes>;
    const redisMicros = {} as Record<BotName, number>;
    for (const name of BOTS) {
      const first = freshChats();
      const before = await commandCounts(client);
      const redisCpu = await redisCpuSeconds(client);
      const r = await workers[name].run<'batch'>({ kind: 'batch', firstChat: first, chats: AT_ONCE, atOnce: AT_ONCE });
      redisMicros[name] = ((await redisCpuSeconds(client)) - redisCpu) * 1e6 / r.updates;
      await settled();
      commands[name] = perUpdate(before, await commandCounts(client), r.updates);
      await checkFinished(client, name, first);
      bytes12[name] = await bytesPerCase(client, Array.from({ length: AT_ONCE }, (_, i) => first + i), KEYS[name]);
    }
    out(
      table(
        ['bot', 'commands/update (inside scripts included)', 'bytes to Redis/update', 'bytes from Redis/update', 'Redis CPU µs/update', 'Redis bytes/case after 12'],
        BOTS.map((name) => [name, f(commands[name].total, 1), f(commands[name].bytesIn, 0), f(commands[name].bytesOut, 0), f(redisMicros[name], 0), f(bytes12[name].perCase, 0)]),
      ),
    );
    out('');
    for (const name of BOTS) out(`- ${name}: ${commands[name].rows.map(([cmd, n]) => `${cmd} ${f(n)}`).join(', ')}`);

    section(`Open loop: updates offered on a fixed schedule for ${SIZE.openSeconds} s, latency from the scheduled time`);
    const open: Array<Array<string | number>> = [];
    const openP99 = {} as Record<string, number>;
    for (const perSecond of [1_000, 2_000]) {
      for (const name of BOTS) {
        const redisCpu = await redisCpuSeconds(client);
        const r = await workers[name].run<'open'>({ kind: 'open', firstChat: freshChats(), perSecond, seconds: SIZE.openSeconds });
        const redisPerUpdate = ((await redisCpuSeconds(client)) - redisCpu) * 1e6 / r.updates;
        openP99[`${name}@${perSecond}`] = r.p99;
        open.push([
          name, perSecond, r.updates, f(r.perSecond, 0), f(r.p50), f(r.p95), f(r.p99), f(r.max), f(r.cpuMicros, 0), f(redisPerUpdate, 0), `${f(r.gcMs, 0)} (${f(r.gcMaxMs, 1)})`, load(),
        ]);
      }
    }
    out(table(['bot', 'offered /s', 'updates', 'done /s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU µs/update', 'Redis CPU µs/update', 'GC ms (longest)', 'load'], open));

    section(`Long cases: ${SIZE.longChats} chats × ${SIZE.longLength} updates, one update at a time, the chats staggered`);
    // The amount answer, same state and same text, early in the case and late: medians of every chat's.
    const { early, late } = amountAnswers(SIZE.longLength, 3);
    const long = {} as Record<BotName, { first: number; last: number; early: number; late: number; bytes: Bytes }>;
    const stale = {} as Record<BotName, number>;
    for (const name of BOTS) {
      const first = freshChats();
      const { byPosition, staleAnswers } = await workers[name].run<'long'>({ kind: 'long', firstChat: first, chats: SIZE.longChats, length: SIZE.longLength });
      // The count is the worker's since it started: after its last job, every run's.
      stale[name] = staleAnswers;
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
        ['bot', 'update #5 ms', `update #${lastAt} ms`, 'ratio', `#${early.join(', #')} ms`, `#${late.join(', #')} ms`, 'ratio', `Redis bytes/case after ${SIZE.longLength}`],
        BOTS.map((name) => [
          name,
          f(long[name].first, 3),
          f(long[name].last, 3),
          f(long[name].last / long[name].first),
          f(long[name].early, 3),
          f(long[name].late, 3),
          f(long[name].late / long[name].early),
          f(long[name].bytes.perCase, 0),
        ]),
      ),
    );
    out(`\nRedis bytes per case of this bot, by key: after 12 updates ${kinds(bytes12.xieshang)}; after ${SIZE.longLength} ${kinds(long.xieshang.bytes)}`);

    out(`\nanswers that were not on the script's path (stale or refused buttons): ${BOTS.map((n) => `${n} ${stale[n]}`).join(', ')}`);

    build();
    section(`node dist/main.js on node ${nodeVersion} (long polling, fake Bot API on loopback)`);
    const proc = await runBuiltBot(`${redis.url}/1`, { ...SIZE.proc, firstChat: freshChats(), node });
    out(`${proc.updates} updates offered at ${SIZE.proc.perSecond}/s to ${proc.chats} chats (every one started), drained in ${f(proc.seconds, 1)} s; on this host with no memory limit (V8's heap limit ${f(hostHeapLimitMiB, 0)} MiB): RSS peak ${f(proc.rssMiB, 0)} MiB (VmHWM ${f(proc.peakMiB, 0)} MiB)`);
    // The same on an instance of INSTANCE_MIB: Node sizes V8's heap from the limit, as it does in a container.
    const limit = memoryLimit(INSTANCE_MIB);
    let instance: ProcessResult | null = null;
    if ('unavailable' in limit) out(`on a ${INSTANCE_MIB} MiB instance: not measured, ${limit.unavailable}`);
    else {
      let heap: number;
      try {
        heap = heapLimitMiB(limit);
        instance = await runBuiltBot(`${redis.url}/1`, { ...SIZE.proc, firstChat: freshChats(), node, limit });
      } finally {
        limit.remove();
      }
      out(`on a ${INSTANCE_MIB} MiB instance (a memory cgroup; V8's heap limit there ${f(heap, 0)} MiB): drained in ${f(instance.seconds, 1)} s; RSS peak ${f(instance.rssMiB, 0)} MiB (VmHWM ${f(instance.peakMiB, 0)} MiB)`);
    }

    section(`The real path: node dist/main.js in webhook mode, ${SIZE.hook.perSecond} updates/s POSTed to its HTTP server, replies to a fake Bot API on loopback`);
    const hook = await runWebhookBot(`${redis.url}/3`, { ...SIZE.hook, firstChat: freshChats(), node });
    // The same load on the least a webhook bot can do (bench/webhook-floor.ts): what the machine asks of anyone.
    const hookFloor = await runWebhookBot(`${redis.url}/3`, { ...SIZE.hook, firstChat: freshChats(), node, entry: ['--import', 'tsx', 'bench/webhook-floor.ts'] });
    out(
      table(
        ['bot', 'updates', 'process CPU µs/update', 'of it in the kernel', 'wake-ups/update', 'POST → 200 p50 ms', 'p99 ms', 'Bot API calls/update', 'RSS MiB'],
        [
          ['this bot (node dist/main.js)', hook.updates, f(hook.cpuMicros, 0), f(hook.systemMicros, 0), f(hook.sleeps), f(hook.p50), f(hook.p99), f(hook.apiCalls), f(hook.rssMiB, 0)],
          ['floor (node:http, GET + SET, one sendMessage)', hookFloor.updates, f(hookFloor.cpuMicros, 0), f(hookFloor.systemMicros, 0), f(hookFloor.sleeps), f(hookFloor.p50), f(hookFloor.p99), f(hookFloor.apiCalls), f(hookFloor.rssMiB, 0)],
        ],
      ),
    );

    // The web chat, served by the real process on the same Redis (its own database).
    const web = await webBench({ redisUrl: `${redis.url}/2`, ...SIZE.web, node });
    section(`The web chat (npm start without a token, REDIS_URL set): ${web.active} conversations active, ${web.idle} idle streams`);
    out(
      table(
        ['first load (compressed, all requests)', 'requests', 'replies', 'POST → reply on the stream p50', 'p95', 'p99', `RSS for ${web.idle} idle streams`],
        [[`${f(web.firstLoadBytes / 1024, 1)} KB`, web.requests, web.replies, `${f(web.p50)} ms`, `${f(web.p95)} ms`, `${f(web.p99)} ms`, `+${f(web.idleExtraMiB, 1)} MiB`]],
      ),
    );

    // The Mini App's first load on a slow phone network, from the same built bot (its own database).
    const app = await miniAppBench({ redisUrl: `${redis.url}/3`, node, loads: smoke ? 1 : 7 });
    const appLoad = median(app.loads);
    section('The Mini App: first load on Chrome\'s "Slow 4G" (562.5 ms latency, 1.44 Mbit/s), CPU slowed 4×, a case of two debts');
    out(
      table(
        ['navigation start → debts on screen, median', 'slowest', 'seen from the driver, median', 'loads', 'on the wire (compressed, all requests)', 'requests'],
        [[`${f(appLoad, 0)} ms`, `${f(Math.max(...app.loads), 0)} ms`, `${f(median(app.walls), 0)} ms`, app.loads.length, `${f(app.wireBytes / 1024, 1)} KB`, app.requests]],
      ),
    );

    const ours = commands.xieshang;
    const allocated = med('xieshang', (r) => r.allocatedBytes);
    const rss = Math.max(proc.rssMiB, proc.peakMiB);
    const instanceRss = instance ? Math.max(instance.rssMiB, instance.peakMiB) : null;
    const p99at1000 = openP99['xieshang@1000'] ?? Infinity;
    const goals: Array<[string, string, boolean]> = [
      [`throughput at ${AT_ONCE} chats ≥ 0.5× the peer (paired windows, median)`, `${f(ratio)}× (${f(Math.min(...paired.ratios))}–${f(Math.max(...paired.ratios))})`, ratio >= 0.5],
      ['p99 ≤ 5 ms at 1,000 updates/s offered', `${f(p99at1000)} ms`, p99at1000 <= 5],
      ['Redis commands per update ≤ 10', f(ours.total, 1), ours.total <= 10],
      ['bytes written to Redis per update ≤ 600', f(ours.bytesIn, 0), ours.bytesIn <= 600],
      ['allocated per update ≤ 30 KB', `${f(allocated / 1024, 1)} KB`, allocated <= 30 * 1024],
      ['webhook: bot process CPU per update ≤ 300 µs', `${f(hook.cpuMicros, 0)} µs (the floor: ${f(hookFloor.cpuMicros, 0)} µs)`, hook.cpuMicros <= 300],
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
      instanceRss === null
        ? [`RSS of node dist/main.js ≤ 150 MiB with ${proc.chats} chats active, on this host with no memory limit (no ${INSTANCE_MIB} MiB instance could be made)`, `${f(rss, 0)} MiB`, rss <= 150]
        : [`RSS of node dist/main.js ≤ 150 MiB with ${proc.chats} chats active, on a ${INSTANCE_MIB} MiB instance`, `${f(instanceRss, 0)} MiB (this host, no limit: ${f(rss, 0)} MiB)`, instanceRss <= 150],
      ['statement .docx ≤ 30 ms', `${f(docx)} ms`, docx <= 30],
      ['web chat first load ≤ 60 KB compressed', `${f(web.firstLoadBytes / 1024, 1)} KB`, web.firstLoadBytes <= 60 * 1024],
      [`web chat reply p95 ≤ 300 ms with ${web.active} conversations active`, `${f(web.p95)} ms`, web.p95 <= 300],
      [`${web.idle} idle event streams ≤ 100 MiB more RSS`, `+${f(web.idleExtraMiB, 1)} MiB`, web.idleExtraMiB <= 100],
      ['Mini App first load ≤ 80 KB compressed', `${f(app.wireBytes / 1024, 1)} KB`, app.wireBytes <= 80 * 1024],
      ['Mini App shown ≤ 1.5 s on "Slow 4G" (median of loads)', `${f(appLoad, 0)} ms (slowest ${f(Math.max(...app.loads), 0)} ms)`, appLoad <= 1500],
    ];
    out(`\n## Free text understood (docs/understanding.md)\n\n${understandingReport({ smoke })}`);
    section(`Goals (this bot, on node ${nodeVersion})`);
    out(table(['goal', 'measured', 'met'], goals.map(([g, m, ok]) => [g, m, ok ? 'yes' : 'no'])));

    const figures: Figure[] = [
      { key: 'ratio50', label: 'throughput ÷ the peer at 50 chats', value: ratio, unit: '×', better: 'higher', tolerance: 0.15 },
      { key: 'p99at1000', label: 'p99 at 1,000 updates/s', value: p99at1000, unit: 'ms', better: 'lower', tolerance: 0.5 },
      { key: 'redisCommands', label: 'Redis commands per update', value: ours.total, unit: '', better: 'lower', tolerance: 0.05, machineFree: true },
      { key: 'redisBytesIn', label: 'bytes to Redis per update', value: ours.bytesIn, unit: 'B', better: 'lower', tolerance: 0.05, machineFree: true },
      { key: 'caseBytes12', label: 'Redis bytes per case after 12 updates', value: bytes12.xieshang.perCase, unit: 'B', better: 'lower', tolerance: 0.05, machineFree: true },
      { key: 'allocatedKB', label: 'allocated per update', value: allocated / 1024, unit: 'KB', better: 'lower', tolerance: 0.15 },
      { key: 'cpuPerUpdate', label: 'CPU per update, paired windows', value: med('xieshang', (r) => r.cpuMicros), unit: 'µs', better: 'lower', tolerance: 0.25 },
      { key: 'webhookCpu', label: 'webhook: bot process CPU per update', value: hook.cpuMicros, unit: 'µs', better: 'lower', tolerance: 0.25 },
      { key: 'longRatio', label: `update #${lastAt} ÷ #5`, value: long.xieshang.late / long.xieshang.early, unit: '×', better: 'lower', tolerance: 0.15 },
      { key: 'caseBytesLong', label: `Redis bytes per case after ${SIZE.longLength}`, value: long.xieshang.bytes.perCase, unit: 'B', better: 'lower', tolerance: 0.05 },
      { key: 'rss10kMiB', label: 'RSS of node dist/main.js with 10,000 chats active, no memory limit', value: rss, unit: 'MiB', better: 'lower', tolerance: 0.1 },
      ...(instanceRss === null
        ? []
        : [{ key: 'rss10kInstanceMiB', label: `RSS of node dist/main.js with 10,000 chats active, ${INSTANCE_MIB} MiB instance`, value: instanceRss, unit: 'MiB', better: 'lower' as const, tolerance: 0.1 }]),
      { key: 'docxMs', label: 'statement .docx', value: docx, unit: 'ms', better: 'lower', tolerance: 0.5 },
      { key: 'webFirstLoadKB', label: 'web chat first load', value: web.firstLoadBytes / 1024, unit: 'KB', better: 'lower', tolerance: 0.05, machineFree: true },
      { key: 'webP95', label: 'web chat reply p95', value: web.p95, unit: 'ms', better: 'lower', tolerance: 0.5 },
      { key: 'webIdleMiB', label: 'idle event streams, more RSS', value: web.idleExtraMiB, unit: 'MiB', better: 'lower', tolerance: 0.3 },
      { key: 'appLoadMs', label: 'Mini App shown on "Slow 4G"', value: appLoad, unit: 'ms', better: 'lower', tolerance: 0.15 },
    ];
    section('Against the recorded run');
    for (const line of compareWithRecorded(figures, nodeVersion, smoke)) out(line);
    if (args.includes('--record') && !smoke) {
      record(figures, nodeVersion, `${loadAtStart} at the start, ${load()} at the end`);
      out(`\nrecorded as the figures of ${nodeVersion} in docs/benchmarks.json`);
    }
    out(`\nbench took ${f((performance.now() - started) / 1000, 0)} s; load average at the end ${load()}`);
    if (Object.values(stale).some((n) => n > 0)) throw new Error('some scripted updates went off the path: the figures would not be comparable');
  } finally {
    for (const w of Object.values(workers)) await w.stop();
    client.disconnect();
    await redis.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
