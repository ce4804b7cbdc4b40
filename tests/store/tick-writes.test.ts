import type { Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, waitUntilReady } from '../../src/store/redis-client.js';
import { startRedis, type TestRedis } from '../support/redis.js';

/** Counts the socket's writes as Node hands them to the operating system (one `writev` for a corked batch). */
function countWrites(socket: Socket): () => number {
  const s = socket as Socket & { _write: (...a: unknown[]) => void; _writev?: (...a: unknown[]) => void };
  let writes = 0;
  const write = s._write.bind(s);
  s._write = (...a) => {
    writes += 1;
    write(...a);
  };
  const writev = s._writev?.bind(s);
  if (writev) {
    s._writev = (...a) => {
      writes += 1;
      writev(...a);
    };
  }
  return () => writes;
}

describe('the Redis connection: one write per tick', () => {
  let redis: TestRedis;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis.stop();
  });
  const connect = async () => {
    const client = createRedisClient({ url: redis.url, cluster: false }) as Redis;
    client.on('error', () => {});
    clients.push(client);
    await waitUntilReady(client, 5_000);
    return client;
  };

  it('sends every command issued in one tick in a single write, and each gets its own reply', async () => {
    const client = await connect();
    const writes = countWrites(client.stream as Socket);
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => client.set(`k${i}`, String(i)).then(() => client.get(`k${i}`))));
    expect(replies).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    // The 20 SETs leave together; the GETs follow their replies, which arrive in one or a few reads.
    expect(writes()).toBeLessThan(20);
    const before = writes();
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.get(`k${i}`)));
    expect(writes() - before).toBe(1);
  });

  it('does not hold a lone command back: commands awaited one after another each leave at once', async () => {
    const client = await connect();
    const writes = countWrites(client.stream as Socket);
    for (let i = 0; i < 5; i++) expect(await client.incr('counter')).toBe(i + 1);
    expect(writes()).toBe(5);
  });

  it('keeps batching on the new socket after a reconnect', async () => {
    const client = await connect();
    const first = client.stream;
    client.disconnect(true);
    await new Promise<void>((resolve) => client.once('ready', () => resolve()));
    expect(client.stream).not.toBe(first);
    const writes = countWrites(client.stream as Socket);
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.set(`r${i}`, 'x')));
    expect(writes()).toBe(1);
    expect(await client.mget('r0', 'r9')).toEqual(['x', 'x']);
  });
});
