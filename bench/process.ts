/**
 * The built bot as it runs in production (`node dist/main.js`, long polling) against the project's fake Bot API on
 * loopback, under the benchmark's Redis: updates are offered at a steady rate while the process's resident memory
 * is sampled from /proc.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startFakeBotApi } from '../tests/support/fake-bot-api.js';
import { ROOT } from '../tests/support/process.js';
import { STEP_ONE, toUpdate } from './script.js';

const TOKEN = '123456:bench-token-bench-token-bench';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** VmRSS and VmHWM (peak) of a process, in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

export interface ProcessResult {
  updates: number;
  seconds: number;
  rssMiB: number;
  peakMiB: number;
}

export function build(): void {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

export async function runBuiltBot(
  redisUrl: string,
  opts: { perSecond: number; seconds: number; firstChat: number; nodeOptions?: string },
): Promise<ProcessResult> {
  const api = await startFakeBotApi({ token: TOKEN });
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      REDIS_URL: redisUrl,
      PORT: String(await freePort()),
      METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
      ...(opts.nodeOptions ? { NODE_OPTIONS: opts.nodeOptions } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (b: Buffer) => (errors += b.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await api.waitFor((c) => c.method === 'getUpdates', 30_000);
    const total = Math.round(opts.perSecond * opts.seconds);
    const chats = Math.ceil(total / STEP_ONE.length);
    let peak = memoryOf(child.pid!);
    const sample = setInterval(() => {
      const m = memoryOf(child.pid!);
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
    const end = memoryOf(child.pid!);
    const answered = api.calls.filter((c) => c.method === 'sendMessage').length;
    if (answered < chats) throw new Error(`the built bot answered ${answered} messages for ${chats} chats:\n${errors}`);
    return { updates: total, seconds: (quietSince - started) / 1000, rssMiB: peak.rss, peakMiB: Math.max(end.peak, peak.peak) };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await api.stop();
  }
}
