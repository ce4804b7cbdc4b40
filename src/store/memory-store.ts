import { LRUCache } from 'lru-cache';
import {
  APP_SESSION_SECONDS,
  LEASE_MS,
  OWED_ATTEMPTS,
  OWED_TTL_SECONDS,
  SEEN_KEEP,
  WAITER_LIVE_MS,
  type BeginInput,
  type BeginResult,
  type CaseStore,
  type CommitInput,
  type CommitResult,
  type KeptRecord,
  type UserPrefs,
} from './case-store.js';
import { createWakes } from './wakes.js';

/** One chat's records, each with its own expiry as Redis keeps them (ms since the epoch; 0 = absent). */
interface Chat {
  case: { version: number; schema: number; json: string; lastUpdate: number; lastToken: string } | null;
  caseUntil: number;
  /** Ascending update ids, at most SEEN_KEEP. */
  seen: number[];
  seenUntil: number;
  lease: { token: string; until: number } | null;
  /** Waiting updates by lane token (other replicas may wait with the same update id). */
  queue: Map<string, { id: number; deadline: number }>;
  outbox: { version: number; payload: string; attempts: number; until: number } | null;
  flood: { count: number; until: number } | null;
  noticeUntil: number;
}

const emptyChat = (): Chat => ({
  case: null,
  caseUntil: 0,
  seen: [],
  seenUntil: 0,
  lease: null,
  queue: new Map(),
  outbox: null,
  flood: null,
  noticeUntil: 0,
});

/** How many users' Mini App sessions the process keeps at most. */
const APP_SESSION_USERS = 50_000;

/**
 * The store in process memory, for the terminal chat and tests: the same contract as Redis (the same suite runs
 * against both), including leases and the ordered wait, so several engines on one memory store behave like
 * replicas. Snapshots go through JSON so callers can never share or mutate stored state.
 */
export function createMemoryStore(opts: { ttlSeconds: number; now?: () => number; leaseMs?: number }): CaseStore {
  const now = opts.now ?? (() => Date.now());
  const ttl = opts.ttlSeconds * 1000;
  const owedTtl = Math.min(ttl, OWED_TTL_SECONDS * 1000);
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const chats = new Map<number, Chat>();
  const prefs = new Map<number, { value: UserPrefs; until: number }>();
  /**
   * Each user's open Mini App sessions: digest → when it ends. Bounded by users, least recently used out: a user who
   * never comes back is not kept for ever.
   */
  const appSessions = new LRUCache<number, Map<string, number>>({ max: APP_SESSION_USERS });
  const wakes = createWakes();
  /** Versions are never reused for a chat: a new case starts above any the process handed out before. */
  let lastBase = 0;

  /** The chat with everything expired cleared, as Redis would have dropped it. */
  const chat = (id: number): Chat => {
    const c = chats.get(id) ?? emptyChat();
    chats.set(id, c);
    const t = now();
    if (c.caseUntil <= t) c.case = null;
    if (c.seenUntil <= t) c.seen = [];
    if (c.lease && c.lease.until <= t) c.lease = null;
    if (c.outbox && c.outbox.until <= t) c.outbox = null;
    if (c.flood && c.flood.until <= t) c.flood = null;
    for (const [token, w] of c.queue) if (w.deadline < t) c.queue.delete(token);
    return c;
  };

  /** The user's open Mini App sessions, the ended ones dropped (and the user with the last of them). */
  const sessionsOf = (userId: number): Map<string, number> | null => {
    const mine = appSessions.get(userId);
    if (!mine) return null;
    const t = now();
    for (const [digest, until] of mine) if (until <= t) mine.delete(digest);
    if (mine.size > 0) return mine;
    appSessions.delete(userId);
    return null;
  };

  const release = (id: number, c: Chat) => {
    c.lease = null;
    if (c.queue.size > 0) wakes.wake(id);
  };

  function begin(input: BeginInput): BeginResult {
    const c = chat(input.chatId);
    const id = input.updateId ?? 0;
    const mine = c.lease?.token === input.token;
    /** Takes this lane's place out of the queue; returns the update id it stood for. */
    const unqueue = () => {
      const was = c.queue.get(input.token)?.id ?? null;
      c.queue.delete(input.token);
      return was;
    };
    /** An update that ends here without the lease: its lane keeps its place while its next update follows at once. */
    const leave = () => {
      if (!input.more && unqueue() !== null && !c.lease) wakes.wake(input.chatId);
    };
    if (input.sentVersion !== null && mine && c.outbox?.version === input.sentVersion) c.outbox = null;
    const dup = input.updateId !== null && c.seen.includes(input.updateId);
    if (!dup && input.flood) {
      c.flood ??= { count: 0, until: now() + input.flood.windowMs };
      c.flood.count += 1;
      const over = c.flood.count - input.flood.limit;
      if (over > 0) {
        leave();
        return { kind: 'flood', first: over === 1 };
      }
    }
    if (c.outbox && c.outbox.attempts >= OWED_ATTEMPTS) c.outbox = null;
    if (dup && !c.outbox) {
      leave();
      return { kind: 'duplicate' };
    }
    const was = unqueue();
    const head = [...c.queue.values()].reduce<{ id: number; deadline: number } | null>((h, w) => (h && h.id <= w.id ? h : w), null);
    const held = c.lease !== null && !mine;
    if (held || (head !== null && head.id < id)) {
      const retryMs = held ? c.lease!.until - now() : head!.deadline - now();
      if (mine) release(input.chatId, c);
      else if (!c.lease && was !== null && was < id) wakes.wake(input.chatId);
      c.queue.set(input.token, { id, deadline: now() + WAITER_LIVE_MS });
      return { kind: 'wait', retryMs: Math.max(5, Math.min(retryMs, leaseMs)) };
    }
    c.lease = { token: input.token, until: now() + leaseMs };
    const version = c.case?.version ?? 0;
    const fresh = c.case !== null && version !== input.cachedVersion;
    let owed = null;
    if (c.outbox) {
      c.outbox.attempts += 1;
      owed = { version: c.outbox.version, payload: c.outbox.payload };
    }
    return {
      kind: 'go',
      version,
      stored: fresh ? { version, schema: c.case!.schema, snapshot: JSON.parse(c.case!.json) as unknown } : null,
      cached: c.case !== null && !fresh,
      owed,
      duplicate: dup,
      written: { schema: c.case?.schema ?? 0, changeBytes: 0 },
    };
  }

  function commit(input: CommitInput): CommitResult {
    const c = chat(input.chatId);
    if (c.lease?.token !== input.token) return { ok: false, reason: 'lost' };
    let version = c.case?.version ?? 0;
    if (c.seen.includes(input.updateId)) {
      const resent = c.case?.lastUpdate === input.updateId && c.case.lastToken === input.token;
      return resent ? { ok: true, version, written: { schema: c.case!.schema, changeBytes: 0 } } : { ok: false, reason: 'duplicate' };
    }
    if (version !== input.expectedVersion) return { ok: false, reason: 'conflict' };
    const t = now();
    if (input.snapshot !== null && [...c.queue.values()].some((w) => w.id < input.updateId && w.deadline >= t)) {
      release(input.chatId, c);
      return { ok: false, reason: 'yield' };
    }
    if (input.snapshot !== null) {
      version = version === 0 ? (lastBase = Math.max(t * 1000, lastBase + 1)) : version + 1;
      c.case = { version, schema: input.schema, json: JSON.stringify(input.snapshot), lastUpdate: input.updateId, lastToken: input.token };
      if (!input.keepExpiry) c.caseUntil = t + ttl;
    }
    c.seen = [...c.seen, input.updateId].sort((a, b) => a - b).slice(-SEEN_KEEP);
    c.seenUntil = t + ttl;
    if (input.owed !== null) c.outbox = { version, payload: input.owed, attempts: 0, until: t + owedTtl };
    c.lease.until = t + leaseMs;
    return { ok: true, version, written: { schema: c.case?.schema ?? input.schema, changeBytes: 0 } };
  }

  return {
    leaseMs,
    async begin(input) {
      wakes.note(input.chatId);
      const r = begin(input);
      if (r.kind !== 'wait') wakes.forget(input.chatId);
      const turn = input.commit;
      if (turn && r.kind === 'go' && r.version !== 0 && r.version === input.cachedVersion && !r.owed && !r.duplicate) {
        const done = commit({ ...turn, chatId: input.chatId, token: input.token, expectedVersion: r.version, updateId: input.updateId ?? 0 });
        if (done.ok) return { kind: 'committed', version: done.version, written: done.written };
      }
      return r;
    },
    commit: async (input) => commit(input),
    async finish(input) {
      const c = chat(input.chatId);
      const mine = c.lease?.token === input.token;
      if (input.sentVersion !== null && c.outbox?.version === input.sentVersion) c.outbox = null;
      let version: number | null = null;
      if (input.followUp && mine && c.case?.version === input.followUp.expectedVersion) {
        version = c.case.version + 1;
        c.case = { ...c.case, version, schema: input.followUp.schema, json: JSON.stringify(input.followUp.snapshot) };
      }
      if (input.release && mine) release(input.chatId, c);
      return { version };
    },
    async renew(chatId, token) {
      const c = chat(chatId);
      if (c.lease?.token !== token) return false;
      c.lease.until = now() + leaseMs;
      return true;
    },
    released(chatId, ms) {
      return wakes.wait(chatId, ms);
    },
    async owedChats() {
      return [...chats.keys()].filter((id) => chat(id).outbox !== null);
    },
    async load(chatId) {
      const c = chat(chatId).case;
      return c ? { version: c.version, schema: c.schema, snapshot: JSON.parse(c.json) as unknown } : null;
    },
    async loadPrefs(userId) {
      const p = prefs.get(userId);
      return p && p.until > now() ? { ...p.value } : null;
    },
    async savePrefs(userId, value) {
      prefs.set(userId, { value: { ...value }, until: now() + ttl });
    },
    async openAppSession(userId, digest) {
      const mine = sessionsOf(userId) ?? new Map<string, number>();
      mine.set(digest, now() + APP_SESSION_SECONDS * 1000);
      appSessions.set(userId, mine);
    },
    async touchAppSession(userId, digest) {
      const mine = sessionsOf(userId);
      if (!mine?.has(digest)) return false;
      mine.set(digest, now() + APP_SESSION_SECONDS * 1000);
      return true;
    },
    async closeAppSession(userId, digest) {
      sessionsOf(userId)?.delete(digest);
    },
    async claimNotice(chatId, ttlSeconds) {
      const c = chat(chatId);
      if (c.noticeUntil > now()) return false;
      c.noticeUntil = now() + ttlSeconds * 1000;
      return true;
    },
    async deleteAll(chatId, userId) {
      const p = prefs.get(userId);
      const removed = (chat(chatId).case ? 1 : 0) + (p && p.until > now() ? 1 : 0);
      chats.delete(chatId);
      prefs.delete(userId);
      appSessions.delete(userId);
      return { removed };
    },
    async inventory(chatId, userId) {
      const c = chat(chatId);
      const t = now();
      const p = prefs.get(userId);
      const live = p && p.until > t ? p : null;
      const records: KeptRecord[] = [];
      const add = (name: KeptRecord['name'], until: number, entries: number) => {
        if (until > t && entries > 0) records.push({ name, ttlMs: until - t, entries });
      };
      add('seen', c.seenUntil, c.seen.length);
      add('flood', c.flood?.until ?? 0, c.flood?.count ?? 0);
      add('lock', c.lease?.until ?? 0, 1);
      add('queue', Math.max(0, ...[...c.queue.values()].map((w) => w.deadline)), c.queue.size);
      add('outbox', c.outbox?.until ?? 0, 1);
      add('notice', c.noticeUntil, 1);
      add('prefs', live?.until ?? 0, 1);
      const sessions = sessionsOf(userId);
      add('appSessions', Math.max(0, ...(sessions?.values() ?? [])), sessions?.size ?? 0);
      return { caseTtlMs: c.case ? c.caseUntil - t : null, seenIds: [...c.seen], prefs: live ? { ...live.value } : null, records };
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}
