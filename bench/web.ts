/**
 * The web chat under load, as `npm start` serves it (no token, REDIS_URL set): the real process, its HTTP server and
 * the benchmark's Redis. Measures the first load (bytes on the wire, compressed), the time from an input's POST to its
 * reply arriving on the conversation's event stream with many conversations active, and the resident memory that
 * many idle event streams cost. Each simulated person comes from an address of their own (X-Forwarded-For, which the
 * server reads from a proxy on loopback), as real people do, so the per-address limits apply to each separately.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { freePort } from '../tests/support/ports.js';
import { ROOT } from '../tests/support/process.js';

const rssMiB = (pid: number) => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Sockets for everyone: the default agent would queue thousands of event streams behind a handful of sockets. */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function call(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One person: their address, their cookie, their event stream and the highest event number it has delivered. */
async function person(port: number, n: number) {
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const base = { 'x-forwarded-for': address, 'accept-language': 'zh-CN' };
  const page = await call(port, 'GET', '/', base);
  const cookie = String(page.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  let seen = 0;
  const waiters: Array<{ seq: number; done: () => void }> = [];
  const stream = request({ host: '127.0.0.1', port, path: '/chat/events', headers: { ...base, cookie }, agent });
  const open = new Promise<void>((resolve, reject) => {
    stream.on('response', (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: ready')) resolve();
          const id = /^id: (\d+)$/m.exec(block);
          if (id) seen = Math.max(seen, Number(id[1]));
          for (const w of waiters.filter((x) => x.seq <= seen)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.done();
          }
        }
      });
    });
    stream.on('error', reject);
  });
  stream.end();
  await open;
  let ids = Date.now() * 1000 + n;
  return {
    /** Posts one input and resolves, with the milliseconds taken, once its reply has arrived on the stream. */
    async say(text: string): Promise<number> {
      ids += 1;
      for (;;) {
        // Timed from the POST that is taken: a wait the rate limit asked for is the person's pace, not our speed.
        const started = performance.now();
        const res = await call(port, 'POST', '/chat/input', { ...base, cookie, 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` }, JSON.stringify({ id: ids, text }));
        if (res.status === 429) {
          await new Promise((r) => setTimeout(r, Number(res.headers['retry-after'] ?? 1) * 1000));
          continue;
        }
        if (res.status !== 200) throw new Error(`POST answered ${res.status}`);
        const { seq } = JSON.parse(res.body.toString('utf8')) as { seq: number };
        if (seq > seen) await new Promise<void>((done) => waiters.push({ seq, done }));
        return performance.now() - started;
      }
    },
    close: () => stream.destroy(),
  };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Commands as typed: each a full turn (the case loaded, the machine moved, the commit, the replies written). */
const INPUTS = ['/start', '/help', '/privacy', '/checklist', '/help', '/privacy', '/checklist', '/help'];

export interface WebResult {
  firstLoadBytes: number;
  requests: number;
  active: number;
  replies: number;
  p50: number;
  p95: number;
  p99: number;
  idle: number;
  idleExtraMiB: number;
}

export async function webBench(opts: { redisUrl: string; active: number; idle: number; paceMs: number; node: string }): Promise<WebResult> {
  const port = await freePort();
  const child = spawn(opts.node, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REDIS_URL: opts.redisUrl, PORT: String(port), METRICS_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('Web chat:')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`web chat exited with ${code}`)));
    });

    // First load, as a phone asks for it: the page, then its style and script, compressed.
    const accept = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN', 'x-forwarded-for': '10.255.255.254' };
    const page = await call(port, 'GET', '/', accept);
    const html = page.body.toString('utf8');
    const assets = [...html.matchAll(/(?:href|src)="(\/chat\/[^"]+)"/g)].map((m) => m[1]!);
    const loaded = await Promise.all(assets.map((a) => call(port, 'GET', a, accept)));
    const firstLoadBytes = page.body.length + loaded.reduce((sum, r) => sum + r.body.length, 0);

    // Active conversations: each sends its inputs about one per `paceMs` (a person reading and tapping), together.
    const people = await Promise.all(Array.from({ length: opts.active }, (_, i) => person(port, i + 1)));
    const latencies: number[] = [];
    await Promise.all(
      people.map(async (p) => {
        for (const text of INPUTS) {
          await new Promise((r) => setTimeout(r, Math.random() * opts.paceMs));
          latencies.push(await p.say(text));
        }
      }),
    );
    for (const p of people) p.close();
    await new Promise((r) => setTimeout(r, 1000));

    // Idle event streams: opened, then held, the process's resident memory read before and after.
    const before = rssMiB(child.pid!);
    const idle = [];
    for (let i = 0; i < opts.idle; i += 100) {
      idle.push(...(await Promise.all(Array.from({ length: Math.min(100, opts.idle - i) }, (_, j) => person(port, 100_000 + i + j)))));
    }
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssMiB(child.pid!);
    for (const p of idle) p.close();

    return {
      firstLoadBytes,
      requests: 1 + assets.length,
      active: opts.active,
      replies: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      idle: opts.idle,
      idleExtraMiB: after - before,
    };
  } finally {
    child.kill('SIGKILL');
    agent.destroy();
  }
}
