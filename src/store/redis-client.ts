import { Cluster, Redis } from 'ioredis';
import { batchWrites } from './tick-writes.js';

export type RedisClient = Redis | Cluster;

/** A command not answered in this long fails: a frozen Redis (stopped, or behind a network black hole) is a dead one. */
export const COMMAND_TIMEOUT_MS = 2_000;

/**
 * Fail fast: a handler must never wait on a dead connection while holding a chat, so commands are not queued
 * while disconnected, each is retried at most once across a reconnect (a command whose reply was lost is sent
 * again: every script is written to be safe to run twice), and none waits longer than COMMAND_TIMEOUT_MS on a
 * connection that stays open while Redis answers nothing (the person then hears "storage unavailable"). Commands issued in the same tick share one write
 * (`tick-writes.ts`, in place of ioredis' auto-pipelining). RESP2 keeps replies in the shapes the scripts expect
 * (ioredis 6 speaks RESP3 by default).
 */
const COMMON = {
  protocol: 2,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  enableAutoPipelining: false,
  connectTimeout: 5_000,
  commandTimeout: COMMAND_TIMEOUT_MS,
} as const;

/** `REDIS_URL` for a Cluster: `host:port` seeds separated by commas. */
export const clusterSeeds = (url: string): Array<{ host: string; port: number }> =>
  url.split(',').map((seed) => {
    const [host = '127.0.0.1', port = '6379'] = seed.trim().split(':');
    return { host, port: Number(port) };
  });

export function createRedisClient(opts: { url: string; cluster: boolean }): RedisClient {
  if (!opts.cluster) {
    const client = new Redis(opts.url, COMMON as never);
    batchWrites(client);
    return client;
  }
  const cluster = new Cluster(clusterSeeds(opts.url), { enableOfflineQueue: false, enableAutoPipelining: false, redisOptions: COMMON as never });
  cluster.on('+node', (node: Redis) => batchWrites(node));
  return cluster;
}

/**
 * Resolves once the client can take commands; rejects with the connection error after `timeoutMs`. A database
 * index the server refuses (`REDIS_URL=…/99`) is an error too: ioredis only reports it as an event and carries on
 * with database 0, which would silently mix data.
 */
export async function waitUntilReady(client: RedisClient, timeoutMs: number): Promise<void> {
  if (client.status !== 'ready') await connected(client, timeoutMs);
  const db = client instanceof Redis ? client.options.db : 0;
  if (db) {
    await client.select(db).catch((err: unknown) => {
      throw new Error(`Redis database ${db} cannot be selected: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

function connected(client: RedisClient, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let lastError: unknown = null;
    const onError = (err: unknown) => (lastError = err);
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      client.off('error', onError);
      reject(new Error(`Redis not reachable within ${timeoutMs} ms${lastError instanceof Error ? `: ${lastError.message}` : ''}`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      client.off('error', onError);
      resolve();
    };
    client.once('ready', onReady);
    client.on('error', onError);
  });
}
