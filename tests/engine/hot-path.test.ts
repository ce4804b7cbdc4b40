import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOOD } from '../../src/engine/engine.js';
import { SEEN_KEEP, type CaseStore } from '../../src/store/case-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createBotHarness } from '../support/bot-harness.js';
import { command, createRecorder, engineOn, inbound, press, text } from '../support/engine-harness.js';
import { redisForThisFile } from '../support/redis-per-file.js';
import { walk } from '../support/walks.js';

const redis = redisForThisFile();

let monitor: Redis;
/** Every command the server ran for a chat, as MONITOR shows it (commands run inside scripts left out). */
const commands: string[][] = [];


beforeAll(async () => {
  monitor = await new Redis(redis.server.url, { protocol: 2 } as never).monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source !== 'lua') commands.push(args);
  });
});
afterAll(() => monitor.disconnect());

/** The commands that reached the server for `chat`, up to a marker sent after everything else. */
async function commandsFor(chat: number, run: () => Promise<unknown>): Promise<string[]> {
  await settled();
  commands.length = 0;
  await run();
  await settled();
  return commands.filter((c) => c.some((a) => a.includes(`{c:${chat}}`))).map((c) => c[0]!.toLowerCase());
}

/** Waits until the monitor has shown everything the server ran so far. */
async function settled() {
  const marker = `marker-${Math.random()}`;
  await redis.raw.echo(marker);
  while (!commands.some((c) => c.includes(marker))) await new Promise((r) => setTimeout(r, 5));
}

describe('the hot path', () => {
  it('costs one awaited Redis round trip per update on a case this process holds; giving the lease back is not awaited', async () => {
    const store = redis.replica().store;
    /** The store with `finish` held back: an update that awaited it would never complete. */
    let holdFinish = false;
    const held: Array<() => void> = [];
    const gated: CaseStore = {
      ...store,
      leaseMs: store.leaseMs,
      finish: (input) =>
        holdFinish ? new Promise((r) => held.push(() => void store.finish(input).then(r))) : store.finish(input),
    };
    const rec = createRecorder();
    // A linger long enough that a loaded machine's wait for the monitor cannot outlast it before the check below.
    const lingerMs = 1_000;
    const engine = engineOn(gated, rec.outbox, { lingerMs });
    const chat = 7_400_001;
    await engine.handle(inbound(chat, 1, command('start')));
    await engine.handle(inbound(chat, 2, press(rec.button(chat, '开始'))));
    await engine.handle(inbound(chat, 3, press(rec.button(chat, '同意，开始'))));
    await engine.handle(inbound(chat, 4, press(rec.button(chat, '花呗'))));
    expect(await engine.idle(5_000)).toBe(true);

    // An ordinary answer on a case this process already holds: the turn worked out from it goes with the begin, which
    // commits it; nothing else on the way.
    holdFinish = true;
    const sent = await commandsFor(chat, async () => expect(await engine.handle(inbound(chat, 5, text('5500')))).toBe('handled'));
    expect(sent).toEqual(['evalsha']);
    expect(rec.texts(chat).at(-1)).toContain('逾期多少天');
    // Kept a moment for an update of the chat that might follow at once, then given back.
    expect(held).toHaveLength(0);
    await new Promise((r) => setTimeout(r, lingerMs + 30));
    expect(held).toHaveLength(1);

    // Given back in one more command that nothing waited for.
    holdFinish = false;
    const after = await commandsFor(chat, async () => {
      for (const go of held) go();
      await engine.idle(5_000);
    });
    expect(after).toEqual(['evalsha']);
  });

  it('begins and commits in two round trips when the case moved on in another process, and applies the turn to that case', async () => {
    const rec = createRecorder();
    // The lease given back only after the commands are counted: with the usual linger (5 ms), a loaded machine's wait
    // for the monitor could count the give-back too (a clean-clone run under load did).
    const here = engineOn(redis.replica().store, rec.outbox, { lingerMs: 1_000 });
    const there = engineOn(redis.replica().store, rec.outbox);
    const chat = 7_400_004;
    await here.handle(inbound(chat, 1, command('start')));
    await here.handle(inbound(chat, 2, press(rec.button(chat, '开始'))));
    await here.idle(5_000);
    await there.handle(inbound(chat, 3, press(rec.button(chat, '同意，开始'))));
    await there.idle(5_000);

    // `here` holds the case as it was before update 3 (at the consent question): the turn it works out from that copy
    // is not committed; the product typed is read at the product question the case is at now.
    const sent = await commandsFor(chat, async () => expect(await here.handle(inbound(chat, 4, text('花呗')))).toBe('handled'));
    expect(sent).toEqual(['evalsha', 'evalsha']);
    expect(rec.texts(chat).at(-1)).toContain('现在还欠多少没还');
    expect(await here.idle(5_000)).toBe(true);
  });

  /** Three updates of one chat sent together, or each once the last one's reply is out (a person answering at once). */
  const together = (send: (id: number) => Promise<unknown>) => Promise.all([2, 3, 4].map(send));
  const oneAfterAnother = async (send: (id: number) => Promise<unknown>) => {
    for (const id of [2, 3, 4]) await send(id);
  };

  it.each([
    ['sent together: handed from one update to the next', 7_400_002, together],
    ['sent each once the last reply is out: kept a moment for the next', 7_400_003, oneAfterAnother],
  ] as const)('hands the lease on without giving it back in between, updates %s', async (_name, chat, sendAll) => {
    const rec = createRecorder();
    const engine = engineOn(redis.replica().store, rec.outbox);
    await engine.handle(inbound(chat, 1, command('start')));
    await engine.idle(5_000);
    const sent = await commandsFor(chat, async () => {
      await sendAll((id) => engine.handle(inbound(chat, id, command('help'))));
      await engine.idle(5_000);
    });
    // Three updates: a begin that commits each, and one finish at the end.
    expect(sent).toHaveLength(4);
    expect(rec.texts(chat)).toHaveLength(4);
  });
});

describe('people answering each reply at once, one after another', () => {
  /** The store, counting every time an update was told to wait for its chat. */
  const counting = (store: CaseStore) => {
    const waits: number[] = [];
    const counted: CaseStore = {
      ...store,
      leaseMs: store.leaseMs,
      begin: async (input) => {
        const r = await store.begin(input);
        if (r.kind === 'wait') waits.push(input.chatId);
        return r;
      },
    };
    return { counted, waits };
  };

  it.each([
    ['Redis', () => redis.replica().store],
    ['memory', () => createMemoryStore({ ttlSeconds: 86_400 })],
  ])('never make an update wait for a chat nobody else holds (%s store)', async (_name, makeStore) => {
    const { counted, waits } = counting(makeStore());
    // As in production: the flood check runs in every begin (its limit raised above the 12 updates sent here in
    // a moment), and the lease is given back without being awaited.
    const h = createBotHarness({ store: counted, flood: { ...FLOOD, limit: 100 } });
    for (const id of [7_400_201, 7_400_202, 7_400_203]) {
      const u = h.user(id, 'zh-hans');
      await walk.toStepOneResult(u, { product: '花呗', amount: '5,500元', overdue: '45天', cause: '失业', since: '2026年8月', income: '3000', essentials: '2500', otherDebts: '0' });
      await u.send('/checklist');
      expect(u.last()).toContain('你的协商清单');
    }
    expect(waits).toEqual([]);
    expect(await h.engine.idle(5_000)).toBe(true);
  });
});

describe('Redis memory per case', () => {
  /** Every key of one person, as Redis accounts for it. */
  const bytes = async (id: number) => {
    let total = 0;
    // SAMPLES 0: every field counted (the default samples five and scales them up).
    for (const key of await redis.raw.keys(`xs:*${id}}*`)) total += Number(await redis.raw.memory('USAGE', key, 'SAMPLES', '0'));
    return total;
  };

  it('stays within 2 KiB after 12 updates and after 500', async () => {
    const h = createBotHarness({ store: redis.replica().store });
    const u = h.user(7_400_100, 'zh-hans');
    await walk.toStepOneResult(u, { product: '花呗', amount: '5,500元', overdue: '45天', cause: '失业', since: '2026年8月', income: '3000', essentials: '2500', otherDebts: '0' });
    await u.send('/checklist');
    await h.engine.idle(5_000);
    const after12 = await bytes(u.id);
    for (let i = 12; i < 500; i++) await u.send(i % 2 ? '/help' : '/checklist');
    await h.engine.idle(5_000);
    const after500 = await bytes(u.id);
    console.info(`Redis bytes per case: ${after12} after 12 updates, ${after500} after 500`);
    expect(after12).toBeLessThanOrEqual(2048);
    expect(after500).toBeLessThanOrEqual(2048);
    expect((await h.store.inventory(u.id, u.id)).seenIds).toHaveLength(SEEN_KEEP);
  }, 60_000);
});
