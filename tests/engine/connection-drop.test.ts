import { connect, createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createRedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { createBotHarness } from '../support/bot-harness.js';
import { redisForThisFile } from '../support/redis-per-file.js';

const redis = redisForThisFile();

/**
 * A TCP proxy in front of redis-server that can let one command through and then drop its reply by closing the
 * connection, as a network failure would: the command ran, the client never heard, and ioredis sends it again.
 */
async function replyDroppingProxy(target: number) {
  let armed: ((command: string) => boolean) | null = null;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    let dropReply = false;
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      if (armed?.(chunk.toString('latin1'))) {
        armed = null;
        dropReply = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!dropReply) return void client.write(chunk);
      dropped += 1;
      client.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `redis://127.0.0.1:${(server.address() as { port: number }).port}`,
    /** The next command (chunk) for which `match` is true has its reply dropped. */
    dropReplyOf(match: (command: string) => boolean) {
      armed = match;
    },
    dropped: () => dropped,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}


/**
 * A command that carries a record: a commit's or a begin-and-commit's ('f' and the whole record, packed or as JSON;
 * 'p' and the changes).
 */
const recordIn = (c: string) => /\r\n(?:fz\d|f\{|p\[)/.test(c);
/**
 * Which of the store's scripts a command is: begin carries the flood window (and a begin-and-commit a record as well),
 * commit a record alone, finish (no follow-up) 3 arguments; a script's first call on a new connection goes as EVAL
 * with its text, later ones as EVALSHA.
 */
const is = {
  begin: (c: string) => c.includes('\r\n60000\r\n') && !recordIn(c),
  beginCommit: (c: string) => c.includes('\r\n60000\r\n') && recordIn(c),
  commit: (c: string) => recordIn(c) && !c.includes('\r\n60000\r\n'),
  finish: (c: string) => /^\*7\r\n\$(?:7\r\nevalsha|4\r\neval)\r\n/.test(c),
  prefs: (c: string) => c.includes(':prefs'),
};

describe('replies lost with the connection', () => {
  it('leave every key with its TTL and the person never silenced', async () => {
    const proxy = await replyDroppingProxy(redis.server.port);
    const client = createRedisClient({ url: proxy.url, cluster: false });
    client.on('error', () => {});
    const h = createBotHarness({ store: createRedisStore(client, { ttlSeconds: 86_400 }), flood: { limit: 30, windowMs: 60_000 } });
    const id = 7_500_001;
    const u = h.user(id, 'zh-hans');
    // A new chat (nothing cached): its begin, then its commit, each on its own.
    proxy.dropReplyOf(is.begin); // the flood counter is counted twice, and must still expire
    await u.send('/start');
    const v = h.user(id + 1, 'zh-hans');
    proxy.dropReplyOf(is.commit); // the commit runs again: the same turn, not a duplicate
    await v.send('/start');
    for (const who of [u, v]) {
      expect(who.texts()).toHaveLength(1);
      await who.press('开始');
      expect(who.last()).toContain('征得你的同意');
    }
    // A turn worked out from the cached case, committed with its begin: run again, it finds the update applied and
    // its replies owed, and they are shown.
    proxy.dropReplyOf(is.beginCommit);
    await u.press('同意，开始');
    expect(u.last()).toContain('哪个产品逾期了');
    proxy.dropReplyOf(is.finish);
    await u.press('花呗');
    expect(u.last()).toContain('现在还欠多少没还');
    await h.engine.idle(5_000);
    proxy.dropReplyOf(is.prefs);
    await u.send('/language');
    await u.pressData('1~g~lang:en');
    expect(u.last()).toContain('How much is still unpaid');
    expect(proxy.dropped()).toBe(5);

    // Calm messages after all that: each one answered.
    for (const [say, answer] of [['/help', 'What I can do'], ['/privacy', 'Privacy'], ['/checklist', 'checklist']] as const) {
      await u.send(say);
      expect(u.last()).toContain(answer);
    }
    await h.engine.idle(5_000);
    const found = await redis.raw.keys(`xs:*${id}}*`);
    expect(found.length).toBeGreaterThanOrEqual(2);
    found.push(...(await redis.raw.keys(`xs:*${id + 1}}*`)));
    for (const key of found) expect(await redis.raw.pttl(key), key).toBeGreaterThan(0);
    client.disconnect();
    await proxy.close();
  });
});
