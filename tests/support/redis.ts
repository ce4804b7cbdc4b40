import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './ports.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops and starts the same server (same port and data directory). */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open and nothing is answered, as in a network black hole. */
  freeze(): void;
  /** Lets a frozen server run again (SIGCONT): it then works through what it was sent meanwhile. */
  thaw(): void;
}

const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (b) => {
      socket.destroy();
      resolve(b.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });

async function waitForPing(port: number, child: ChildProcess, stderr: () => string) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}: ${stderr()}`);
    if (await answersPing(port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

/** Starts redis-server with `args` and waits until it answers PING; its last output goes into the error. */
async function spawnRedis(port: number, args: string[]): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-2000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitForPing(port, child, () => output.trim());
  return child;
}

/**
 * redis-server on a free port, chosen anew when the server cannot start on it: between choosing a port and
 * the server binding it, another process (a parallel test file) may have taken it.
 */
async function spawnOnFreePort(
  argsFor: (port: number) => string[],
  cluster = false,
): Promise<{ port: number; child: ChildProcess }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort({ bus: cluster });
    try {
      return { port, child: await spawnRedis(port, argsFor(port)) };
    } catch (e) {
      if (attempt === 5) throw e;
    }
  }
}

/**
 * A Redis for one test file: REDIS_URL when set (tests then keep to their own chat ids), otherwise a real
 * `redis-server` from PATH on a free loopback port. Neither available is an error, never a silent skip.
 */
export async function startRedis(opts: { persistent?: boolean } = {}): Promise<TestRedis> {
  const external = process.env.REDIS_URL;
  if (external) {
    const own = () => {
      throw new Error('an external Redis (REDIS_URL) cannot be frozen by a test');
    };
    return { url: external, port: Number(new URL(external).port || 6379), stop: async () => {}, restart: async () => {}, freeze: own, thaw: own };
  }
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(
      'redis-server not found on PATH and REDIS_URL not set: install redis-server (apt-get install redis-server) or set REDIS_URL',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'xs-redis-'));
  const argsFor = () => [
    '--dir', dir, '--save', '',
    ...(opts.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  const { port, child: first } = await spawnOnFreePort(argsFor);
  let child = first;
  const stopChild = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    restart: async () => {
      await stopChild();
      child = await spawnRedis(port, argsFor());
    },
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGCONT');
      await stopChild();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A three-master Redis Cluster on free loopback ports, made with `redis-cli --cluster create` (both from PATH).
 * Returns the seeds as REDIS_URL takes them with REDIS_CLUSTER=1.
 */
export async function startRedisCluster(): Promise<{ seeds: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'xs-cluster-'));
  const nodes: { port: number; child: ChildProcess }[] = [];
  for (let i = 0; i < 3; i++) {
    nodes.push(
      await spawnOnFreePort(
        (port) => ['--dir', dir, '--save', '', '--appendonly', 'no', '--cluster-enabled', 'yes',
          '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '2000'],
        true,
      ),
    );
  }
  const ports = nodes.map((n) => n.port);
  const create = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stderr || create.stdout}`);
  // Wait until every node agrees the cluster is up.
  for (let i = 0; i < 200; i++) {
    const states = ports.map((p) => spawnSync('redis-cli', ['-p', String(p), 'cluster', 'info'], { encoding: 'utf8' }).stdout);
    if (states.every((s) => s.includes('cluster_state:ok'))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    seeds: ports.map((p) => `127.0.0.1:${p}`).join(','),
    stop: async () => {
      await Promise.all(
        nodes.map(
          (n) =>
            new Promise((r) => {
              if (n.child.exitCode !== null) return r(null);
              n.child.once('exit', r);
              n.child.kill('SIGTERM');
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
