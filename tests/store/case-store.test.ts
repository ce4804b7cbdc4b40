import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SESSION_SECONDS,
  OWED_ATTEMPTS,
  SEEN_KEEP,
  StoreUnavailableError,
  type BeginInput,
  type BeginResult,
  type CaseStore,
} from '../../src/store/case-store.js';
import { keys } from '../../src/store/keys.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createRedisClient, waitUntilReady } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { startRedis, startRedisCluster, type TestRedis } from '../support/redis.js';

const TTL = 3600;
let nextChat = Math.floor(Math.random() * 1e6) * 1000;
const chat = () => ++nextChat;
let nextToken = 0;
const token = () => `t${++nextToken}`;

const begin = (store: CaseStore, input: Partial<BeginInput> & { chatId: number; token: string }) =>
  store.begin({ updateId: 1, cachedVersion: 0, flood: null, sentVersion: null, more: false, ...input });

/** Begins and expects the lease: returns what `go` carries. */
async function go(store: CaseStore, input: Partial<BeginInput> & { chatId: number; token: string }) {
  const r = await begin(store, input);
  if (r.kind !== 'go') throw new Error(`expected go, got ${JSON.stringify(r)}`);
  return r;
}

/** One whole turn: begin, commit a snapshot (and owed replies), give the lease back. Returns the new version. */
async function turn(store: CaseStore, chatId: number, updateId: number, snapshot: unknown = { n: updateId }, owed: string | null = null) {
  const t = token();
  const b = await go(store, { chatId, token: t, updateId });
  const r = await store.commit({ chatId, token: t, expectedVersion: b.version, updateId, schema: 1, snapshot, owed });
  if (!r.ok) throw new Error(`commit refused: ${r.reason}`);
  await store.finish({ chatId, token: t, sentVersion: owed ? null : r.version, followUp: null, release: true });
  return r.version;
}

/** The contract every store keeps, run against memory, a real redis-server and a real Redis Cluster alike. */
function contract(name: string, make: () => CaseStore) {
  describe(`${name}: the CaseStore contract`, () => {
    it('round-trips a case; each commit moves the version on by one', async () => {
      const store = make();
      const id = chat();
      expect(await store.load(id)).toBeNull();
      const first = await go(store, { chatId: id, token: 'a' });
      expect(first).toMatchObject({ version: 0, stored: null, cached: false, owed: null, duplicate: false });
      const r = await store.commit({ chatId: id, token: 'a', expectedVersion: 0, updateId: 1, schema: 1, snapshot: { a: '中文 & <b>' }, owed: null });
      expect(r.ok).toBe(true);
      const v1 = (r as { version: number }).version;
      expect(await store.load(id)).toEqual({ version: v1, schema: 1, snapshot: { a: '中文 & <b>' } });
      const again = await store.commit({ chatId: id, token: 'a', expectedVersion: v1, updateId: 2, schema: 1, snapshot: { a: 2 }, owed: null });
      expect(again).toMatchObject({ ok: true, version: v1 + 1 });
    });

    it('commits a turn given with its begin when the case is still the version it was worked out from', async () => {
      const store = make();
      const id = chat();
      const v = await turn(store, id, 1, { step: 1 });
      const r = await begin(store, { chatId: id, token: 'lane', updateId: 2, cachedVersion: v, commit: { schema: 1, snapshot: { step: 2 }, owed: 'replies' } });
      expect(r).toMatchObject({ kind: 'committed', version: v + 1 });
      expect(await store.load(id)).toEqual({ version: v + 1, schema: 1, snapshot: { step: 2 } });
      // The lease is held as after a commit, and the replies are owed until sent.
      expect((await begin(store, { chatId: id, token: 'other', updateId: 3, cachedVersion: v + 1 })).kind).toBe('wait');
      await store.finish({ chatId: id, token: 'lane', sentVersion: null, followUp: null, release: true });
      expect(await go(store, { chatId: id, token: 'next', updateId: 3, cachedVersion: v + 1 })).toMatchObject({ owed: { version: v + 1, payload: 'replies' } });
    });

    it('answers a begin as without its turn when the case moved on, replies are owed, or the update is a repeat', async () => {
      const store = make();
      const id = chat();
      const v1 = await turn(store, id, 1, { step: 1 });
      const v2 = await turn(store, id, 2, { step: 2 });
      const worked = { schema: 1, snapshot: { from: 'an older copy' }, owed: null };
      // Worked out from version v1: the case is at v2, sent back to be worked out again; nothing written.
      const moved = await begin(store, { chatId: id, token: 'a', updateId: 3, cachedVersion: v1, commit: worked });
      expect(moved).toMatchObject({ kind: 'go', version: v2, stored: { snapshot: { step: 2 } } });
      expect((await store.load(id))?.snapshot).toEqual({ step: 2 });
      await store.finish({ chatId: id, token: 'a', sentVersion: null, followUp: null, release: true });
      // Replies owed: shown first, the turn not applied.
      const v3 = await turn(store, id, 4, { step: 3 }, 'owed replies');
      const owing = await begin(store, { chatId: id, token: 'b', updateId: 5, cachedVersion: v3, commit: worked });
      expect(owing).toMatchObject({ kind: 'go', version: v3, owed: { version: v3, payload: 'owed replies' }, duplicate: false });
      await store.finish({ chatId: id, token: 'b', sentVersion: v3, followUp: null, release: true });
      // A repeat of an applied update: a duplicate, as without the turn.
      expect(await begin(store, { chatId: id, token: 'c', updateId: 4, cachedVersion: v3, commit: worked })).toEqual({ kind: 'duplicate' });
      expect((await store.load(id))?.snapshot).toEqual({ step: 3 });
    });

    it('run twice (its reply lost), a begin that committed hands out the replies owed again and writes nothing more', async () => {
      const store = make();
      const id = chat();
      const v = await turn(store, id, 1);
      const input = { chatId: id, token: 'lane', updateId: 2, cachedVersion: v, commit: { schema: 1, snapshot: { step: 2 }, owed: 'replies' } };
      expect(await begin(store, input)).toMatchObject({ kind: 'committed', version: v + 1 });
      expect(await begin(store, input)).toMatchObject({ kind: 'go', version: v + 1, duplicate: true, owed: { version: v + 1, payload: 'replies' } });
      expect(await store.load(id)).toEqual({ version: v + 1, schema: 1, snapshot: { step: 2 } });
      // With nothing owed, the second run is a plain duplicate.
      await store.finish({ chatId: id, token: 'lane', sentVersion: v + 1, followUp: null, release: true });
      const quiet = { ...input, updateId: 3, cachedVersion: v + 1, commit: { schema: 1, snapshot: { step: 3 }, owed: null } };
      expect(await begin(store, quiet)).toMatchObject({ kind: 'committed', version: v + 2 });
      await store.finish({ chatId: id, token: 'lane', sentVersion: null, followUp: null, release: true });
      expect(await begin(store, quiet)).toEqual({ kind: 'duplicate' });
      expect((await store.load(id))?.version).toBe(v + 2);
    });

    it('returns the snapshot only when the caller does not already hold that version', async () => {
      const store = make();
      const id = chat();
      const v = await turn(store, id, 1, { kept: true });
      expect(await go(store, { chatId: id, token: 'reader', updateId: 2, cachedVersion: v })).toMatchObject({
        version: v,
        stored: null,
        cached: true,
      });
      await store.finish({ chatId: id, token: 'reader', sentVersion: null, followUp: null, release: true });
      await turn(store, id, 3);
      const b = await go(store, { chatId: id, token: token(), updateId: 4, cachedVersion: v });
      expect(b).toMatchObject({ version: v + 1, cached: false, stored: { version: v + 1, snapshot: { n: 3 } } });
    });

    it('never reuses a version, not even for a case made again after deletion', async () => {
      const store = make();
      const id = chat();
      const old = await turn(store, id, 1);
      await store.deleteAll(id, id);
      expect(await turn(store, id, 2)).toBeGreaterThan(old);
    });

    it('drops a repeated update id without taking the lease', async () => {
      const store = make();
      const id = chat();
      await turn(store, id, 7);
      const holder = await go(store, { chatId: id, token: 'holder', updateId: 8 });
      expect(holder.kind).toBe('go');
      expect(await begin(store, { chatId: id, token: 'other', updateId: 7 })).toEqual({ kind: 'duplicate' });
    });

    it('refuses a stale version, a commit without the lease, and a second commit of an update id', async () => {
      const store = make();
      const id = chat();
      const v = await turn(store, id, 1);
      await go(store, { chatId: id, token: 'mine', updateId: 2 });
      const base = { chatId: id, token: 'mine', schema: 1, snapshot: {}, owed: null };
      expect(await store.commit({ ...base, expectedVersion: 0, updateId: 2 })).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.commit({ ...base, token: 'not-mine', expectedVersion: v, updateId: 2 })).toEqual({ ok: false, reason: 'lost' });
      expect(await store.commit({ ...base, expectedVersion: v, updateId: 1 })).toEqual({ ok: false, reason: 'duplicate' });
    });

    it('answers a commit sent again (its reply lost) with the same result, not as a duplicate', async () => {
      const store = make();
      const id = chat();
      await go(store, { chatId: id, token: 'mine', updateId: 5 });
      const input = { chatId: id, token: 'mine', expectedVersion: 0, updateId: 5, schema: 1, snapshot: { x: 1 }, owed: null };
      const first = await store.commit(input);
      expect(await store.commit(input)).toEqual(first);
    });

    it(`remembers the newest ${SEEN_KEEP} update ids, whatever the order they came in`, async () => {
      const store = make();
      const id = chat();
      const ids = Array.from({ length: SEEN_KEEP + 36 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
      for (const u of ids) await turn(store, id, u);
      expect(await begin(store, { chatId: id, token: token(), updateId: SEEN_KEEP + 36 })).toEqual({ kind: 'duplicate' });
      expect(await begin(store, { chatId: id, token: token(), updateId: 37 })).toEqual({ kind: 'duplicate' });
      expect((await begin(store, { chatId: id, token: token(), updateId: 36 })).kind).toBe('go');
    });

    it('records an update id without touching the case when the snapshot is null', async () => {
      const store = make();
      const id = chat();
      const v = await turn(store, id, 1, { same: true });
      await go(store, { chatId: id, token: 'x', updateId: 2 });
      expect(await store.commit({ chatId: id, token: 'x', expectedVersion: v, updateId: 2, schema: 1, snapshot: null, owed: null })).toMatchObject({ ok: true, version: v });
      expect(await store.load(id)).toEqual({ version: v, schema: 1, snapshot: { same: true } });
      expect(await begin(store, { chatId: id, token: 'y', updateId: 2 })).toEqual({ kind: 'duplicate' });
    });

    it('makes a second holder wait, and wakes it when the lease is given back', async () => {
      const store = make();
      const id = chat();
      await go(store, { chatId: id, token: 'first', updateId: 1 });
      const waiting = await begin(store, { chatId: id, token: 'second', updateId: 2 });
      expect(waiting.kind).toBe('wait');
      expect((waiting as { retryMs: number }).retryMs).toBeLessThanOrEqual(store.leaseMs);
      let woken = false;
      const wake = store.released(id, 60_000).then(() => (woken = true));
      await store.finish({ chatId: id, token: 'first', sentVersion: null, followUp: null, release: true });
      await wake;
      expect(woken).toBe(true);
      expect((await begin(store, { chatId: id, token: 'second', updateId: 2 })).kind).toBe('go');
    });

    it('lets only the oldest waiting update take a free lease', async () => {
      const store = make();
      const id = chat();
      await go(store, { chatId: id, token: 'holder', updateId: 1 });
      expect((await begin(store, { chatId: id, token: 'late', updateId: 9 })).kind).toBe('wait');
      expect((await begin(store, { chatId: id, token: 'early', updateId: 4 })).kind).toBe('wait');
      await store.finish({ chatId: id, token: 'holder', sentVersion: null, followUp: null, release: true });
      expect((await begin(store, { chatId: id, token: 'late', updateId: 9 })).kind).toBe('wait');
      expect((await begin(store, { chatId: id, token: 'early', updateId: 4 })).kind).toBe('go');
    });

    it('stops a waiting update from blocking others once it turns out to be a duplicate', async () => {
      const store = make();
      const id = chat();
      await go(store, { chatId: id, token: 'holder', updateId: 4 });
      expect((await begin(store, { chatId: id, token: 'copy', updateId: 5 })).kind).toBe('wait');
      expect((await begin(store, { chatId: id, token: 'next', updateId: 7 })).kind).toBe('wait');
      await store.commit({ chatId: id, token: 'holder', expectedVersion: 0, updateId: 5, schema: 1, snapshot: {}, owed: null });
      await store.finish({ chatId: id, token: 'holder', sentVersion: null, followUp: null, release: true });
      expect((await begin(store, { chatId: id, token: 'next', updateId: 7 })).kind).toBe('wait');
      expect(await begin(store, { chatId: id, token: 'copy', updateId: 5 })).toEqual({ kind: 'duplicate' });
      expect((await begin(store, { chatId: id, token: 'next', updateId: 7 })).kind).toBe('go');
    });

    it('keeps a lane’s place through a duplicate when the lane’s next update follows at once', async () => {
      const store = make();
      const id = chat();
      await go(store, { chatId: id, token: 'holder', updateId: 1 });
      expect((await begin(store, { chatId: id, token: 'lane', updateId: 3 })).kind).toBe('wait');
      await store.commit({ chatId: id, token: 'holder', expectedVersion: 0, updateId: 3, schema: 1, snapshot: {}, owed: null });
      await store.finish({ chatId: id, token: 'holder', sentVersion: null, followUp: null, release: true });
      expect(await begin(store, { chatId: id, token: 'lane', updateId: 3, more: true })).toEqual({ kind: 'duplicate' });
      expect((await begin(store, { chatId: id, token: 'other', updateId: 5 })).kind).toBe('wait');
      expect((await begin(store, { chatId: id, token: 'lane', updateId: 4 })).kind).toBe('go');
    });

    it('hands the lease to the holder’s next update, unless an older update waits elsewhere', async () => {
      const store = make();
      const id = chat();
      await go(store, { chatId: id, token: 'lane', updateId: 10 });
      expect((await begin(store, { chatId: id, token: 'lane', updateId: 11 })).kind).toBe('go');
      expect((await begin(store, { chatId: id, token: 'elsewhere', updateId: 12 })).kind).toBe('wait');
      expect((await begin(store, { chatId: id, token: 'lane', updateId: 13 })).kind).toBe('wait');
      expect((await begin(store, { chatId: id, token: 'elsewhere', updateId: 12 })).kind).toBe('go');
    });

    it('gives the lease to an older update that began while a newer one was being computed', async () => {
      const store = make();
      const id = chat();
      await turn(store, id, 1);
      const newer = await go(store, { chatId: id, token: 'newer', updateId: 3 });
      expect((await begin(store, { chatId: id, token: 'older', updateId: 2 })).kind).toBe('wait');
      const woken = store.released(id, 60_000);
      expect(await store.commit({ chatId: id, token: 'newer', expectedVersion: newer.version, updateId: 3, schema: 1, snapshot: { n: 3 }, owed: null })).toEqual({ ok: false, reason: 'yield' });
      await woken;
      const older = await go(store, { chatId: id, token: 'older', updateId: 2 });
      expect(await store.commit({ chatId: id, token: 'older', expectedVersion: older.version, updateId: 2, schema: 1, snapshot: { n: 2 }, owed: null })).toMatchObject({ ok: true });
      await store.finish({ chatId: id, token: 'older', sentVersion: null, followUp: null, release: true });
      expect((await begin(store, { chatId: id, token: 'newer', updateId: 3 })).kind).toBe('go');
    });

    it('keeps the replies a turn owes until they are marked sent', async () => {
      const store = make();
      const id = chat();
      const v = await turn(store, id, 1, { n: 1 }, 'the next question');
      expect(await store.owedChats()).toContain(id);
      const again = await go(store, { chatId: id, token: 'r', updateId: 1 });
      expect(again).toMatchObject({ duplicate: true, owed: { version: v, payload: 'the next question' } });
      // The lane's next begin tells the store they were sent: folded into the same round trip.
      const next = await go(store, { chatId: id, token: 'r', updateId: 2, sentVersion: v });
      expect(next.owed).toBeNull();
      expect(await store.owedChats()).not.toContain(id);
      expect(await begin(store, { chatId: id, token: 'z', updateId: 1 })).toEqual({ kind: 'duplicate' });
    });

    it(`gives up on owed replies after ${OWED_ATTEMPTS} attempts`, async () => {
      const store = make();
      const id = chat();
      await turn(store, id, 1, { n: 1 }, 'refused by Telegram every time');
      for (let i = 0; i < OWED_ATTEMPTS; i++) {
        const t = token();
        expect((await go(store, { chatId: id, token: t, updateId: 1 })).owed).not.toBeNull();
        await store.finish({ chatId: id, token: t, sentVersion: null, followUp: null, release: true });
      }
      expect(await begin(store, { chatId: id, token: token(), updateId: 1 })).toEqual({ kind: 'duplicate' });
    });

    it('writes a follow-up only under the lease and on the version it follows', async () => {
      const store = make();
      const id = chat();
      const v = await turn(store, id, 1);
      await go(store, { chatId: id, token: 'holder', updateId: 2 });
      const followUp = { expectedVersion: v, schema: 1, snapshot: { checklist: 55 } };
      expect(await store.finish({ chatId: id, token: 'intruder', sentVersion: null, followUp, release: false })).toEqual({ version: null });
      expect(await store.finish({ chatId: id, token: 'holder', sentVersion: null, followUp, release: true })).toEqual({ version: v + 1 });
      expect(await store.load(id)).toMatchObject({ version: v + 1, snapshot: { checklist: 55 } });
    });

    it('counts a flood once per update: the first over the limit is told, the rest dropped', async () => {
      const store = make();
      const id = chat();
      const flood = { limit: 3, windowMs: 60_000 };
      const kinds: string[] = [];
      for (let u = 1; u <= 6; u++) {
        const t = token();
        const r: BeginResult = await begin(store, { chatId: id, token: t, updateId: u, flood });
        kinds.push(r.kind === 'flood' ? `flood:${r.first}` : r.kind);
        if (r.kind === 'go') {
          await store.commit({ chatId: id, token: t, expectedVersion: r.version, updateId: u, schema: 1, snapshot: {}, owed: null });
          await store.finish({ chatId: id, token: t, sentVersion: null, followUp: null, release: true });
        }
      }
      expect(kinds).toEqual(['go', 'go', 'go', 'flood:true', 'flood:false', 'flood:false']);
      // A redelivered update that was applied is a duplicate, not one more message.
      expect(await begin(store, { chatId: id, token: token(), updateId: 1, flood })).toEqual({ kind: 'duplicate' });
    });

    it('gives a notice once per chat until it expires', async () => {
      const store = make();
      const id = -chat();
      expect(await store.claimNotice(id, 60)).toBe(true);
      expect(await store.claimNotice(id, 60)).toBe(false);
    });

    it('keeps language preferences per user', async () => {
      const store = make();
      const user = chat();
      expect(await store.loadPrefs(user)).toBeNull();
      await store.savePrefs(user, { lang: 'en' });
      expect(await store.loadPrefs(user)).toEqual({ lang: 'en' });
    });

    it('deletes everything of one chat and user, counting only the person’s records', async () => {
      const store = make();
      const mine = chat();
      const other = chat();
      await turn(store, mine, 1, { n: 1 }, 'owed');
      await begin(store, { chatId: mine, token: 'flooding', updateId: 2, flood: { limit: 100, windowMs: 60_000 } });
      await store.savePrefs(mine, { lang: 'en' });
      await turn(store, other, 1);
      expect(await store.deleteAll(mine, mine)).toEqual({ removed: 2 });
      expect(await store.load(mine)).toBeNull();
      expect(await store.loadPrefs(mine)).toBeNull();
      expect(await store.owedChats()).not.toContain(mine);
      expect(await go(store, { chatId: mine, token: token(), updateId: 1 })).toMatchObject({ version: 0, owed: null, duplicate: false });
      expect(await store.load(other)).not.toBeNull();
    });

    it('lists what it keeps beside the case, with how long each has left, and reading it moves no expiry', async () => {
      const store = make();
      const id = chat();
      expect(await store.inventory(id, id)).toEqual({ caseTtlMs: null, seenIds: [], prefs: null, records: [] });
      await turn(store, id, 7);
      await turn(store, id, 5);
      await store.savePrefs(id, { lang: 'en' });
      const t = token();
      await go(store, { chatId: id, token: t, updateId: 9, flood: { limit: 100, windowMs: 60_000 } });
      const kept = await store.inventory(id, id);
      expect(kept.caseTtlMs).toBeGreaterThan((TTL - 60) * 1000);
      expect(kept.caseTtlMs).toBeLessThanOrEqual(TTL * 1000);
      expect(kept.seenIds).toEqual([5, 7]);
      expect(kept.prefs).toEqual({ lang: 'en' });
      const byName = Object.fromEntries(kept.records.map((r) => [r.name, r]));
      expect(Object.keys(byName).sort()).toEqual(['flood', 'lock', 'prefs', 'seen']);
      expect(byName.seen).toMatchObject({ entries: 2 });
      expect(byName.flood).toMatchObject({ entries: 1 });
      expect(byName.flood!.ttlMs).toBeLessThanOrEqual(60_000);
      expect(byName.lock!.ttlMs).toBeLessThanOrEqual(store.leaseMs);
      for (const r of kept.records) expect(r.ttlMs, r.name).toBeGreaterThan(0);
      await store.finish({ chatId: id, token: t, sentVersion: null, followUp: null, release: true });
      const again = await store.inventory(id, id);
      expect(again.caseTtlMs).toBeLessThanOrEqual(kept.caseTtlMs!);
      expect(again.records.map((r) => r.name)).not.toContain('lock');
      await store.deleteAll(id, id);
      expect(await store.inventory(id, id)).toEqual({ caseTtlMs: null, seenIds: [], prefs: null, records: [] });
    });

    it('keeps Mini App sessions under their user: listed with how long the last has left, ended by deleteAll', async () => {
      const store = make();
      const id = chat();
      const other = chat();
      expect(await store.touchAppSession(id, 'never-opened')).toBe(false);
      await store.openAppSession(id, 'a');
      await store.openAppSession(id, 'b');
      await store.openAppSession(other, 'a');
      expect(await store.touchAppSession(id, 'a')).toBe(true);
      await store.closeAppSession(id, 'b');
      expect(await store.touchAppSession(id, 'b')).toBe(false);
      const listed = (await store.inventory(id, id)).records;
      expect(listed).toEqual([{ name: 'appSessions', ttlMs: expect.any(Number), entries: 1 }]);
      expect(listed[0]!.ttlMs).toBeGreaterThan((APP_SESSION_SECONDS - 60) * 1000);
      expect(listed[0]!.ttlMs).toBeLessThanOrEqual(APP_SESSION_SECONDS * 1000);
      // Sign-ins, not the person's records: not counted as removed.
      expect(await store.deleteAll(id, id)).toEqual({ removed: 0 });
      expect(await store.touchAppSession(id, 'a')).toBe(false);
      expect(await store.inventory(id, id)).toEqual({ caseTtlMs: null, seenIds: [], prefs: null, records: [] });
      expect(await store.touchAppSession(other, 'a')).toBe(true);
    });

    it('does not make different chats wait for each other', async () => {
      const store = make();
      const a = chat();
      const b = chat();
      await go(store, { chatId: a, token: 'a' });
      expect((await begin(store, { chatId: b, token: 'b' })).kind).toBe('go');
    });
  });
}

contract('memory', () => createMemoryStore({ ttlSeconds: TTL }));

describe('memory store: expiry', () => {
  it('forgets an idle case after the TTL', async () => {
    let t = 1_000_000;
    const store = createMemoryStore({ ttlSeconds: 10, now: () => t });
    await turn(store, 1, 1);
    t += 9_999;
    expect(await store.load(1)).not.toBeNull();
    t += 2;
    expect(await store.load(1)).toBeNull();
  });

  it('counts from the person\'s last message: a reminder\'s turn and a follow-up keep the expiry', async () => {
    let t = 1_000_000;
    const store = createMemoryStore({ ttlSeconds: 10, now: () => t });
    await turn(store, 1, 1);
    t += 9_000;
    await reminderTurn(store, 1, 2);
    t += 1_001;
    expect(await store.load(1)).toBeNull();
  });
});

/** A reminder's turn: committed keeping the case's expiry, then a follow-up write (the checklist's message id). */
async function reminderTurn(store: CaseStore, chatId: number, updateId: number) {
  const t = token();
  const b = await go(store, { chatId, token: t, updateId });
  const r = await store.commit({ chatId, token: t, expectedVersion: b.version, updateId, schema: 1, snapshot: { reminded: true }, owed: null, keepExpiry: true });
  if (!r.ok) throw new Error(`commit refused: ${r.reason}`);
  await store.finish({ chatId, token: t, sentVersion: null, followUp: { expectedVersion: r.version, schema: 1, snapshot: { reminded: 2 } }, release: true });
}

describe('redis store', () => {
  let redis: TestRedis;
  let raw: Redis;
  const clients: Array<ReturnType<typeof createRedisClient>> = [];
  const make = (leaseMs?: number) => {
    const client = createRedisClient({ url: redis.url, cluster: false });
    clients.push(client);
    return createRedisStore(client, { ttlSeconds: TTL, ...(leaseMs ? { leaseMs } : {}) });
  };

  beforeAll(async () => {
    redis = await startRedis({ persistent: true });
    raw = new Redis(redis.url, { protocol: 2 } as never);
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    raw.disconnect();
    await redis.stop();
  });

  contract('redis', () => make());

  it('gives every key it writes a TTL, and keeps a turn\'s bookkeeping in the case\'s own key', async () => {
    const store = make();
    const id = chat();
    await turn(store, id, 1, { n: 1 }, 'owed');
    await go(store, { chatId: id, token: 'holder', updateId: 2, flood: { limit: 10, windowMs: 60_000 } });
    await begin(store, { chatId: id, token: 'waiter', updateId: 3 });
    await store.savePrefs(id, { lang: 'zh-CN' });
    await store.claimNotice(id, 60);
    const found = await raw.keys(`*${id}*`);
    expect(found.sort()).toEqual([keys.case(id), keys.queue(id), keys.prefs(id), keys.notice(id)].sort());
    for (const key of found) {
      const ttl = await raw.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(TTL * 1000);
    }
    const lock = (await store.inventory(id, id)).records.find((r) => r.name === 'lock');
    expect(lock?.ttlMs).toBeLessThanOrEqual(store.leaseMs);
  });

  it('gives a key made by a turn that never commits a short life of its own', async () => {
    const store = make();
    const id = chat();
    await go(store, { chatId: id, token: 'dies-before-commit', updateId: 1, flood: { limit: 10, windowMs: 60_000 } });
    expect(await raw.pttl(keys.case(id))).toBeLessThanOrEqual(120_000);
    expect(await store.load(id)).toBeNull();
    expect(await store.deleteAll(id, id)).toEqual({ removed: 0 });
  });

  it('keeps the case\'s expiry through a reminder\'s turn and its follow-up; the person\'s next message renews it', async () => {
    const store = make();
    const id = chat();
    await turn(store, id, 1);
    await raw.pexpire(keys.case(id), 5_000);
    await reminderTurn(store, id, 2);
    expect(await raw.pttl(keys.case(id))).toBeLessThanOrEqual(5_000);
    expect(await store.load(id)).toMatchObject({ snapshot: { reminded: 2 } });
    await turn(store, id, 3);
    expect(await raw.pttl(keys.case(id))).toBeGreaterThan(5_000);
  });

  it(`keeps the newest ${SEEN_KEEP} applied ids in the case, a few hundred bytes`, async () => {
    const store = make();
    const id = chat();
    for (let u = 1; u <= 70; u++) await turn(store, id, 1_000_000_000 + u);
    const { seenIds } = await store.inventory(id, id);
    expect(seenIds).toHaveLength(SEEN_KEEP);
    expect(seenIds[0]).toBe(1_000_000_000 + 70 - SEEN_KEEP + 1);
    expect(await raw.hstrlen(keys.case(id), 's')).toBe(1 + 4 * SEEN_KEEP);
    expect((await begin(store, { chatId: id, token: 'late', updateId: 1_000_000_000 + 70 })).kind).toBe('duplicate');
    // Web ids are above 2^32, reminder ids below zero: each kept exactly.
    const other = chat();
    await turn(store, other, 2 ** 52 + 7);
    await turn(store, other, -2_000_000_001);
    expect((await begin(store, { chatId: other, token: 'web', updateId: 2 ** 52 + 7 })).kind).toBe('duplicate');
    expect((await begin(store, { chatId: other, token: 'reminder', updateId: -2_000_000_001 })).kind).toBe('duplicate');
  });

  it.each([
    ['set', (key: string) => raw.sadd(key, '41', '42')],
    ['sorted set', (key: string) => raw.zadd(key, 41, '41', 42, '42')],
  ])('carries the applied ids an older version kept as a %s into the case, once', async (_kind, write) => {
    const store = make();
    const id = chat();
    await turn(store, id, 40);
    // As an older version left it: the ids in a key of their own, the case without them.
    await raw.hdel(keys.case(id), 's');
    await write(keys.seen(id));
    await raw.expire(keys.seen(id), 600);
    expect((await begin(store, { chatId: id, token: 'a', updateId: 42 })).kind).toBe('duplicate');
    expect(await raw.exists(keys.seen(id))).toBe(0);
    expect((await store.inventory(id, id)).seenIds).toEqual([41, 42]);
  });

  it('sends at start-up the replies an older version kept owed in a key of its own', async () => {
    const store = make();
    const id = chat();
    const v = await turn(store, id, 1);
    await raw.hset(keys.outbox(id), 'v', v, 'p', 'the next question', 'a', 0);
    await raw.expire(keys.outbox(id), 600);
    expect(await store.owedChats()).toContain(id);
    const sweep = await go(store, { chatId: id, token: 'sweep', updateId: null });
    expect(sweep.owed).toEqual({ version: v, payload: 'the next question' });
    expect(await raw.exists(keys.outbox(id))).toBe(0);
    await store.finish({ chatId: id, token: 'sweep', sentVersion: v, followUp: null, release: true });
    expect(await store.owedChats()).not.toContain(id);
  });

  it('writes only what changed while it holds the record a turn follows, the whole record packed, and reads back the same case', async () => {
    const store = make();
    const other = make();
    const debts = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ['huabei', null, amount * i, '2026-10-23', false, null, [], ['none'], false]);
    const inBytes = async () => Number((await raw.info('stats')).match(/total_net_input_bytes:(\d+)/)![1]);
    /** 30 answers, each changing one fact or one debt's amount (a debt added at the 20th); the bytes Redis read. */
    async function answers(passPrevious: boolean) {
      const id = chat();
      let record: { value: unknown; context: Record<string, unknown> } = { value: 'intro', context: { lang: 'zh-CN', facts: { incomeFen: null }, debts: debts(2, 0) } };
      let v = 0;
      let sent = 0;
      let json = 0;
      let lines = 0;
      for (let u = 1; u <= 30; u++) {
        const t = token();
        const b = await go(store, { chatId: id, token: t, updateId: u, cachedVersion: v });
        const next = { value: { status: `q${u}` }, context: { ...record.context, facts: { incomeFen: u % 2 ? u * 100 : null }, debts: debts(u < 20 ? 2 : 3, u % 2 ? 100 : u) } };
        const before = await inBytes();
        const previous = passPrevious && v ? { record, written: b.written } : undefined;
        const r = await store.commit({ chatId: id, token: t, expectedVersion: b.version, updateId: u, schema: 1, snapshot: next, owed: null, previous });
        sent += (await inBytes()) - before;
        json += JSON.stringify(next).length;
        lines = Math.max(lines, ((await raw.hget(keys.case(id), 'snap')) ?? '').split('\n').length);
        if (!r.ok) throw new Error(r.reason);
        await store.finish({ chatId: id, token: t, sentVersion: null, followUp: null, release: true });
        record = next;
        v = r.version;
        expect(await store.load(id)).toEqual({ version: v, schema: 1, snapshot: next });
        // Another replica, holding no copy, reads the same case.
        const reader = token();
        expect((await go(other, { chatId: id, token: reader, updateId: 1000 + u })).stored?.snapshot).toEqual(next);
        await other.finish({ chatId: id, token: reader, sentVersion: null, followUp: null, release: true });
      }
      return { sent, json, lines, stored: await raw.hstrlen(keys.case(id), 'snap'), whole: JSON.stringify(record).length };
    }
    // A connection's first call of a script sends its text; from then on only its hash.
    await turn(store, chat(), 1);
    const changes = await answers(true);
    const whole = await answers(false);
    // Holding the record, a commit writes the changes after the last whole record; without it, the whole record.
    expect(changes.lines).toBeGreaterThan(1);
    expect(whole.lines).toBe(1);
    // The record is some 270 bytes of JSON here, a change about 95, the whole record packed about 110: either way at
    // least 100 bytes a commit under the record's JSON, on average (the command's own arguments are some 190).
    for (const r of [changes, whole]) expect(r.sent).toBeLessThan(r.json + 30 * (190 - 100));
    expect(changes.stored).toBeLessThan(changes.whole + 400);
  });

  it('ends a dead holder’s lease by itself', async () => {
    const store = make(150);
    const id = chat();
    await go(store, { chatId: id, token: 'dead', updateId: 1 });
    let r = await begin(store, { chatId: id, token: 'alive', updateId: 2 });
    expect(r.kind).toBe('wait');
    // As the engine does: wait for a release or the lease's end, then ask again.
    for (let round = 0; r.kind === 'wait' && round < 10; round++) {
      await store.released(id, r.retryMs + 20);
      r = await begin(store, { chatId: id, token: 'alive', updateId: 2 });
    }
    expect(r.kind).toBe('go');
  });

  it('leaves no key of a deleted user anywhere in Redis', async () => {
    const store = make();
    const id = chat();
    await turn(store, id, 1);
    await store.savePrefs(id, { lang: 'en' });
    await raw.set(`xs:{c:${id}}:reminder`, 'added by a later feature');
    await store.deleteAll(id, id);
    const everything = await raw.keys('*');
    expect(everything.filter((k) => k.includes(`:${id}}`))).toEqual([]);
  });

  it('keeps cases across a restart of redis-server and of the bot’s client', async () => {
    const id = chat();
    await turn(make(), id, 1, { kept: true });
    await redis.restart();
    const client = createRedisClient({ url: redis.url, cluster: false });
    clients.push(client);
    await waitUntilReady(client, 5000);
    expect(await createRedisStore(client, { ttlSeconds: TTL }).load(id)).toMatchObject({ snapshot: { kept: true } });
  });

  it('stops start-up with a clear error when the database index cannot be selected', async () => {
    const client = createRedisClient({ url: `${redis.url}/99`, cluster: false });
    clients.push(client);
    client.on('error', () => {});
    await expect(waitUntilReady(client, 5000)).rejects.toThrow(/database 99 cannot be selected.*DB index is out of range/);
  });

  it('reports Redis down quickly as StoreUnavailableError', async () => {
    const client = createRedisClient({ url: 'redis://127.0.0.1:1', cluster: false });
    clients.push(client);
    client.on('error', () => {});
    const store = createRedisStore(client, { ttlSeconds: TTL });
    await expect(store.load(1)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(begin(store, { chatId: 1, token: 'x' })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.ping()).toBe(false);
  });
});

describe('redis store on a Redis Cluster', () => {
  let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
  const clients: Array<ReturnType<typeof createRedisClient>> = [];
  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await cluster.stop();
  });
  const make = () => {
    const client = createRedisClient({ url: cluster.seeds, cluster: true });
    clients.push(client);
    return createRedisStore(client, { ttlSeconds: TTL });
  };

  // Every script touches keys of one hash tag only, so each runs on the node that owns the chat's slot; the wake
  // of a release reaches a waiter on any node.
  contract('redis cluster', () => make());
});
