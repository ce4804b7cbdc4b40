/**
 * The built bot as it runs in production (`node dist/main.js`) against the project's fake Bot API on loopback, under
 * the benchmark's Redis: in long polling, updates offered at a steady rate while the process's resident memory is
 * sampled from /proc; in webhook mode, updates POSTed to its HTTP server as Telegram posts them, the replies going
 * out to the fake Bot API, with the process's own CPU time per update read from /proc.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startFakeBotApi, type FakeBotApi } from '../tests/support/fake-bot-api.js';
import { freePort } from '../tests/support/ports.js';
import { ROOT } from '../tests/support/process.js';
import type { MemoryLimit } from './memory-limit.js';
import { STEP_ONE, toUpdate } from './script.js';

export const TOKEN = '123456:bench-token-bench-token-bench';

/** VmRSS and VmHWM (peak) of a process, in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

export interface ProcessResult {
  updates: number;
  chats: number;
  seconds: number;
  rssMiB: number;
  peakMiB: number;
}

export function build(): void {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}


/**
 * `node dist/main.js` on `node`, talking to `api` as its Bot API, resolved once it has made the call `startedBy`;
 * `stop` ends it as a deploy does (SIGTERM). A port taken between choosing it and listening (other programs share the
 * machine) is retried on another.
 */
export async function startBuilt(opts: {
  node: string;
  nodeArgs?: string[] | undefined;
  /** What the process runs, after `nodeArgs`: the built bot unless given. */
  entry?: string[] | undefined;
  /** Runs it as on an instance with this much memory. */
  limit?: MemoryLimit | undefined;
  api: FakeBotApi;
  startedBy: string;
  redisUrl: string;
  env?: Record<string, string>;
}) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = [...(opts.nodeArgs ?? []), ...(opts.entry ?? ['dist/main.js'])];
    const run = opts.limit ? opts.limit.wrap(opts.node, args) : { command: opts.node, args };
    const child = spawn(run.command, run.args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: opts.api.apiRoot,
        REDIS_URL: opts.redisUrl,
        PORT: String(port),
        METRICS_PORT: '0',
        LOG_LEVEL: 'warn',
        ...opts.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (b: Buffer) => (errors += b.toString('utf8')));
    const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
    const started = opts.api.waitFor((c) => c.method === opts.startedBy, 30_000).then(
      () => 'started' as const,
      () => 'silent' as const,
    );
    const outcome = await Promise.race([started, exited]);
    if (outcome === 'started') {
      return {
        pid: child.pid!,
        port,
        errors: () => errors,
        async stop() {
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGKILL');
            await exited;
          }
        },
      };
    }
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    if (attempt === 3 || !errors.includes('EADDRINUSE')) throw new Error(`the built bot did not start (${outcome}):\n${errors}`);
  }
}

export async function runBuiltBot(
  redisUrl: string,
  opts: { perSecond: number; seconds: number; chats: number; firstChat: number; node: string; nodeArgs?: string[]; limit?: MemoryLimit },
): Promise<ProcessResult> {
  const api = await startFakeBotApi({ token: TOKEN });
  const child = await startBuilt({ node: opts.node, api, startedBy: 'getUpdates', redisUrl, nodeArgs: opts.nodeArgs, limit: opts.limit });
  try {
    const total = Math.round(opts.perSecond * opts.seconds);
    // Every chat started (each gets its first update before any gets its second): that many cases active at once.
    const chats = Math.max(opts.chats, Math.ceil(total / STEP_ONE.length));
    let peak = memoryOf(child.pid);
    const sample = setInterval(() => {
      const m = memoryOf(child.pid);
      if (m.rss > peak.rss) peak = m;
    }, 50);
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const { update_id: _, ...body } = toUpdate(opts.firstChat + (i % chats), STEP_ONE[Math.floor(i / chats)]!, 0);
      api.pushUpdate(body);
      const ahead = started + ((i + 1) * 1000) / opts.perSecond - performance.now();
      if (ahead > 1) await new Promise((r) => setTimeout(r, ahead));
    }
    // Drained: every update handed out and confirmed, and no Bot API call for a while.
    let calls = api.calls.length;
    let quietSince = performance.now();
    while (performance.now() - quietSince < 1_000) {
      await new Promise((r) => setTimeout(r, 100));
      if (api.calls.length !== calls) {
        calls = api.calls.length;
        quietSince = performance.now();
      }
      if (performance.now() - started > 120_000) throw new Error('the built bot did not drain its updates in 2 minutes');
    }
    clearInterval(sample);
    const end = memoryOf(child.pid);
    const answered = api.calls.filter((c) => c.method === 'sendMessage').length;
    if (answered < chats) throw new Error(`the built bot answered ${answered} messages for ${chats} chats:\n${child.errors()}`);
    return { updates: total, chats, seconds: (quietSince - started) / 1000, rssMiB: peak.rss, peakMiB: Math.max(end.peak, peak.peak) };
  } finally {
    await child.stop();
    await api.stop();
  }
}

/** CPU seconds a process has used so far (user + system), from /proc/<pid>/stat. */
/** The process's CPU seconds in user and in system mode, and how often its event loop's thread slept and was woken. */
function cpuOf(pid: number): { user: number; system: number; sleeps: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  // utime and stime, in clock ticks (100 a second on Linux); the main thread's voluntary context switches.
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100, sleeps: Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0) };
}

export interface WebhookResult {
  updates: number;
  /** The bot process's CPU (user + system) per update, replies included. */
  cpuMicros: number;
  /** Of which in the kernel (system calls, sockets, waking up). */
  systemMicros: number;
  /** Times the event loop slept and was woken, per update: each a round trip through the kernel's scheduler. */
  sleeps: number;
  /** POST → 200 (the update committed), from the scheduled time. */
  p50: number;
  p99: number;
  /** Bot API calls the process made per update. */
  apiCalls: number;
  rssMiB: number;
}

/**
 * The real path: `node dist/main.js` in webhook mode, updates POSTed to its HTTP server at `perSecond` (Telegram's
 * way: a few kept-alive connections, the secret header), each reply a call to the fake Bot API on loopback. A warm-up
 * at the same rate comes first; the measured phase ends once every POST is answered and the replies have stopped.
 */
export async function runWebhookBot(
  redisUrl: string,
  opts: { perSecond: number; seconds: number; warmSeconds: number; firstChat: number; node: string; nodeArgs?: string[]; entry?: string[] },
): Promise<WebhookResult> {
  const api = await startFakeBotApi({ token: TOKEN });
  const secret = 'bench-webhook-secret';
  const path = '/telegram/bench-hook';
  const child = await startBuilt({
    node: opts.node,
    api,
    startedBy: 'setWebhook',
    redisUrl,
    nodeArgs: opts.nodeArgs,
    entry: opts.entry,
    env: { WEBHOOK_URL: `https://bench.invalid${path}`, WEBHOOK_SECRET: secret },
  });
  const { port } = child;
  // Telegram keeps up to 40 connections to a webhook open (setWebhook's max_connections default).
  const agent = new Agent({ keepAlive: true, maxSockets: 40 });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path,
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': secret },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  let updateId = 1;
  /** `seconds` of updates at the rate, spread over enough chats that each goes through step 1 at a person's pace. */
  async function offer(firstChat: number, seconds: number): Promise<number[]> {
    const total = Math.round(opts.perSecond * seconds);
    const chats = Math.ceil(total / STEP_ONE.length);
    const latencies: number[] = [];
    const answered: Array<Promise<void>> = [];
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const scheduled = started + (i * 1000) / opts.perSecond;
      const ahead = scheduled - performance.now();
      if (ahead > 1) await new Promise((r) => setTimeout(r, ahead));
      const body = JSON.stringify(toUpdate(firstChat + (i % chats), STEP_ONE[Math.floor(i / chats)]!, updateId++));
      answered.push(
        post(body).then((status) => {
          if (status !== 200) throw new Error(`the webhook answered ${status}`);
          latencies.push(performance.now() - scheduled);
        }),
      );
    }
    await Promise.all(answered);
    // The replies go out after the commit: wait until the Bot API has heard nothing for a while.
    let seen = api.received.length;
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((r) => setTimeout(r, 100));
      quiet = api.received.length === seen ? quiet + 1 : 0;
      seen = api.received.length;
    }
    return latencies;
  }
  try {
    await offer(opts.firstChat, opts.warmSeconds);
    const callsBefore = api.received.length;
    const before = cpuOf(child.pid);
    const latencies = await offer(opts.firstChat + 1_000_000 / 2, opts.seconds);
    // The 300 ms of quiet at the end cost the idle process next to nothing.
    const after = cpuOf(child.pid);
    const sorted = Float64Array.from(latencies).sort();
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    return {
      updates: sorted.length,
      cpuMicros: ((after.user + after.system - before.user - before.system) * 1e6) / sorted.length,
      systemMicros: ((after.system - before.system) * 1e6) / sorted.length,
      sleeps: (after.sleeps - before.sleeps) / sorted.length,
      p50: at(50),
      p99: at(99),
      apiCalls: (api.received.length - callsBefore) / sorted.length,
      rssMiB: memoryOf(child.pid).rss,
    };
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${child.errors()}`);
  } finally {
    agent.destroy();
    await child.stop();
    await api.stop();
  }
}
