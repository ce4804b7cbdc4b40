import { Cluster, type Redis } from 'ioredis';
import {
  LEASE_MS,
  OWED_ATTEMPTS,
  OWED_TTL_SECONDS,
  SEEN_KEEP,
  StoreUnavailableError,
  WAITER_LIVE_MS,
  type BeginResult,
  type CaseStore,
  type CommitResult,
  type KeptRecord,
  type UserPrefs,
} from './case-store.js';
import { keys, WAKE_CHANNEL } from './keys.js';
import { COMMAND_TIMEOUT_MS, waitUntilReady, type RedisClient } from './redis-client.js';
import { createWakes } from './wakes.js';

/*
 * Every script touches one chat's keys only (one hash tag, one Cluster slot), takes the time from Redis itself,
 * and is safe to run twice: ioredis sends a command again when its reply was lost with the connection.
 * Versions are strings in Lua: they are microsecond-based and exceed what Lua prints exactly by default.
 */

/**
 * The ids already applied, as a set of integers: Redis keeps up to 512 of them as a packed sorted array (intset),
 * about 4 bytes an id, so 64 of them cost a few hundred bytes where a sorted set costs three times as much.
 * `seenHas` also carries over, once, a record written by an older version as a sorted set (an error reply, caught
 * with pcall, is how it shows, so the steady path pays no extra command). `seenAdd` drops the lowest ids past `keep`.
 */
const SEEN = `
local function seenHas(key, id)
  local r = redis.pcall('SISMEMBER', key, id)
  if type(r) == 'table' and r.err then
    local ids = redis.call('ZRANGE', key, 0, -1)
    local ttl = redis.call('PTTL', key)
    redis.call('DEL', key)
    if #ids > 0 then
      redis.call('SADD', key, unpack(ids))
      if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
    end
    r = redis.call('SISMEMBER', key, id)
  end
  return r == 1
end
local function seenAdd(key, id, keep, ttl)
  redis.call('SADD', key, id)
  while redis.call('SCARD', key) > keep do
    local ids = redis.call('SMEMBERS', key)
    local low = tonumber(ids[1])
    for i = 2, #ids do
      local n = tonumber(ids[i])
      if n < low then low = n end
    end
    redis.call('SREM', key, string.format('%.0f', low))
  end
  redis.call('EXPIRE', key, ttl)
end
`;

/**
 * A command Redis runs after its client stopped waiting for it (Redis was frozen, or the network held it back) must
 * change nothing: the person was told to send again, and a late begin would spend their owed replies' attempts, a
 * late commit apply an answer they have since sent again. The client sends the latest time (Redis' clock, ms) it
 * still waits; '0' = not known yet (no check).
 */
const LATE = `
local function late(deadline)
  if deadline == '0' then return false end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(deadline)
end
`;

/**
 * begin. KEYS: case, seen, lock, queue, outbox, flood. ARGV: token, update id ('0' = the start-up sweep), cached
 * version, flood limit ('0' = not counted), flood window ms, version sent by the lane's previous turn (''), lease
 * ms, waiter live ms, owed attempts, wake channel, chat id, whether the lane has a next update ('1'/'0'), deadline.
 * Returns {'late'} | {'flood', over} | {'dup'} | {'wait', ms} | {'go', version, schema, snap, owed version, owed, dup}.
 */
const BEGIN = `${SEEN}${LATE}
if late(ARGV[13]) then return {'late'} end
local token, upd = ARGV[1], ARGV[2]
local id = tonumber(upd)
local prefix = token .. ':'
local holder = redis.call('GET', KEYS[3])
local mine = holder == token
-- Takes this lane's place out of the queue (one per token; other replicas may wait with the same update id) and
-- returns the update id it stood for.
local function unqueue()
  local was = nil
  local all = redis.call('ZRANGE', KEYS[4], 0, -1, 'WITHSCORES')
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, #prefix) == prefix then
      redis.call('ZREM', KEYS[4], all[i])
      was = tonumber(all[i + 1])
    end
  end
  return was
end
-- An update that ends here without the lease: its lane keeps its place while its next update follows at once.
local function leave()
  if ARGV[12] == '0' and unqueue() ~= nil and not holder then redis.call('PUBLISH', ARGV[10], ARGV[11]) end
end
if ARGV[6] ~= '' and mine and redis.call('HGET', KEYS[5], 'v') == ARGV[6] then redis.call('DEL', KEYS[5]) end
local dup = upd ~= '0' and seenHas(KEYS[2], upd)
if not dup and ARGV[4] ~= '0' then
  local n = redis.call('INCR', KEYS[6])
  if redis.call('PTTL', KEYS[6]) < 0 then redis.call('PEXPIRE', KEYS[6], ARGV[5]) end
  local over = n - tonumber(ARGV[4])
  if over > 0 then
    leave()
    return {'flood', over}
  end
end
local attempts = redis.call('HGET', KEYS[5], 'a')
if attempts and tonumber(attempts) >= tonumber(ARGV[9]) then
  redis.call('DEL', KEYS[5])
  attempts = false
end
if dup and not attempts then
  leave()
  return {'dup'}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local was = unqueue()
local head, headDeadline = nil, 0
while true do
  local first = redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')
  if #first == 0 then break end
  local deadline = tonumber(string.match(first[1], ':(%d+)$'))
  if deadline >= now then head, headDeadline = tonumber(first[2]), deadline break end
  redis.call('ZREM', KEYS[4], first[1])
end
if (holder and not mine) or (head ~= nil and head < id) then
  local wait
  if holder and not mine then wait = redis.call('PTTL', KEYS[3]) else wait = headDeadline - now end
  if mine then
    -- Steps aside for an older update waiting on another replica.
    redis.call('DEL', KEYS[3])
    redis.call('PUBLISH', ARGV[10], ARGV[11])
  elseif not holder and was ~= nil and was < id then
    -- This lane moved back in the queue: whoever is first now may go.
    redis.call('PUBLISH', ARGV[10], ARGV[11])
  end
  redis.call('ZADD', KEYS[4], id, prefix .. string.format('%.0f', now + tonumber(ARGV[8])))
  redis.call('PEXPIRE', KEYS[4], ARGV[8])
  return {'wait', math.max(5, math.min(wait, tonumber(ARGV[7])))}
end
redis.call('SET', KEYS[3], token, 'PX', ARGV[7])
local v = redis.call('HGET', KEYS[1], 'v') or '0'
local schema, snap = '', ''
if v ~= '0' and v ~= ARGV[3] then
  local h = redis.call('HMGET', KEYS[1], 'schema', 'snap')
  schema, snap = h[1], h[2]
end
local ov, op = '', ''
if attempts then
  redis.call('HINCRBY', KEYS[5], 'a', 1)
  local o = redis.call('HMGET', KEYS[5], 'v', 'p')
  ov, op = o[1], o[2]
end
return {'go', v, schema, snap, ov, op, dup and 1 or 0}
`;

/**
 * commit. KEYS: case, seen, lock, outbox. ARGV: token, expected version, update id, schema, snapshot ('' = record
 * the id only), owed replies (''), ttl s, seen kept, owed ttl s, lease ms, keep the case's expiry ('1'/'0'), deadline.
 * A repeated id is a duplicate, unless this very commit already ran with the same token (its reply was lost).
 */
const COMMIT = `${SEEN}${LATE}
if late(ARGV[12]) then return {'late'} end
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return {'lost'} end
local v = redis.call('HGET', KEYS[1], 'v') or '0'
if seenHas(KEYS[2], ARGV[3]) then
  local last = redis.call('HMGET', KEYS[1], 'u', 't')
  if last[1] == ARGV[3] and last[2] == ARGV[1] then return {'ok', v} end
  return {'dup'}
end
if v ~= ARGV[2] then return {'conflict'} end
if ARGV[5] ~= '' then
  if v == '0' then
    local t = redis.call('TIME')
    v = string.format('%.0f', tonumber(t[1]) * 1000000 + tonumber(t[2]))
  else
    v = string.format('%.0f', redis.call('HINCRBY', KEYS[1], 'v', 1))
  end
  redis.call('HSET', KEYS[1], 'v', v, 'snap', ARGV[5], 'schema', ARGV[4], 'u', ARGV[3], 't', ARGV[1])
  if ARGV[11] ~= '1' then redis.call('EXPIRE', KEYS[1], ARGV[7]) end
end
seenAdd(KEYS[2], ARGV[3], tonumber(ARGV[8]), ARGV[7])
if ARGV[6] ~= '' then
  redis.call('DEL', KEYS[4])
  redis.call('HSET', KEYS[4], 'v', v, 'p', ARGV[6], 'a', 0)
  redis.call('EXPIRE', KEYS[4], ARGV[9])
end
redis.call('PEXPIRE', KEYS[3], ARGV[10])
return {'ok', v}
`;

/**
 * finish. KEYS: case, lock, outbox, queue. ARGV: token, version sent (''), release ('1'/'0'), follow-up snapshot
 * (''), its expected version, schema, wake channel, chat id. Returns the follow-up's version or ''. A follow-up keeps
 * the expiry its turn's commit set.
 */
const FINISH = `
local mine = redis.call('GET', KEYS[2]) == ARGV[1]
if ARGV[2] ~= '' and redis.call('HGET', KEYS[3], 'v') == ARGV[2] then redis.call('DEL', KEYS[3]) end
local nv = ''
if ARGV[4] ~= '' and mine and redis.call('HGET', KEYS[1], 'v') == ARGV[5] then
  nv = string.format('%.0f', redis.call('HINCRBY', KEYS[1], 'v', 1))
  redis.call('HSET', KEYS[1], 'snap', ARGV[4], 'schema', ARGV[6])
end
if ARGV[3] == '1' and mine then
  redis.call('DEL', KEYS[2])
  if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('PUBLISH', ARGV[7], ARGV[8]) end
end
return nv
`;

/** renew. KEYS: lock. ARGV: token, lease ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

/** prefs. KEYS: prefs. ARGV: lang, ttl s. One step, so the key can never be left without its TTL. */
const SAVE_PREFS = `
redis.call('HSET', KEYS[1], 'lang', ARGV[1])
return redis.call('EXPIRE', KEYS[1], ARGV[2])
`;

/**
 * inventory. KEYS: case, seen, lock, queue, outbox, flood, notice. Reads only (PTTL moves no expiry). Returns, per
 * record after the case: its PTTL (-2 absent, -1 no expiry) and its number of entries; then the applied ids.
 */
const INVENTORY = `
local out = {redis.call('PTTL', KEYS[1])}
local function size(key)
  local t = redis.call('TYPE', key).ok
  if t == 'set' then return redis.call('SCARD', key) end
  if t == 'zset' then return redis.call('ZCARD', key) end
  if t == 'string' then return tonumber(redis.call('GET', key)) or 1 end
  if t == 'none' then return 0 end
  return 1
end
for i = 2, #KEYS do
  table.insert(out, redis.call('PTTL', KEYS[i]))
  table.insert(out, size(KEYS[i]))
end
local ids
if redis.call('TYPE', KEYS[2]).ok == 'zset' then ids = redis.call('ZRANGE', KEYS[2], 0, -1) else ids = redis.call('SMEMBERS', KEYS[2]) end
for _, id in ipairs(ids) do table.insert(out, id) end
return out
`;

type Reply = Array<string | number | null>;
interface Scripts {
  xsBegin(...args: Array<string | number>): Promise<Reply>;
  xsCommit(...args: Array<string | number>): Promise<Reply>;
  xsFinish(...args: Array<string | number>): Promise<string>;
  xsRenew(...args: Array<string | number>): Promise<number>;
  xsSavePrefs(...args: Array<string | number>): Promise<number>;
  xsInventory(...args: Array<string | number>): Promise<Reply>;
}

/** How long an operation waits for a (re)connecting client before the store is reported unavailable. */
const CONNECT_WAIT_MS = 2_000;
/** How often the offset between our clock and Redis' is measured, and the longest round trip a measurement may take. */
const CLOCK_EVERY_MS = 30_000;
const CLOCK_MAX_RTT_MS = 100;

/**
 * The latest time, on Redis' clock, a command sent now may still run: a little before the client gives up on it, so
 * the two can never disagree (a command refused as late is one the client still waits for, and reports as
 * unavailable). Our clock's offset from Redis' is measured with TIME, and kept only from quick round trips.
 */
function createDeadlines(client: RedisClient) {
  let offset: number | null = null;
  let measuring = false;
  const measure = () => {
    if (measuring || client.status !== 'ready') return;
    measuring = true;
    const sent = Date.now();
    client
      .time()
      .then(([s, us]) => {
        const back = Date.now();
        if (back - sent <= CLOCK_MAX_RTT_MS) offset = Number(s) * 1000 + Math.floor(Number(us) / 1000) - (sent + back) / 2;
      })
      .catch(() => {})
      .finally(() => (measuring = false));
  };
  const timer = setInterval(measure, CLOCK_EVERY_MS);
  timer.unref();
  return {
    /** '0' (no check) until the first measurement, which the first command sets off. */
    next: () => {
      if (offset === null) measure();
      return offset === null ? '0' : String(Math.floor(Date.now() + offset + COMMAND_TIMEOUT_MS - CLOCK_MAX_RTT_MS));
    },
    stop: () => clearInterval(timer),
  };
}

export function createRedisStore(client: RedisClient, opts: { ttlSeconds: number; leaseMs?: number }): CaseStore {
  client.defineCommand('xsBegin', { numberOfKeys: 6, lua: BEGIN });
  client.defineCommand('xsCommit', { numberOfKeys: 4, lua: COMMIT });
  client.defineCommand('xsFinish', { numberOfKeys: 4, lua: FINISH });
  client.defineCommand('xsRenew', { numberOfKeys: 1, lua: RENEW });
  client.defineCommand('xsSavePrefs', { numberOfKeys: 1, lua: SAVE_PREFS });
  client.defineCommand('xsInventory', { numberOfKeys: 7, lua: INVENTORY });
  const scripts = client as unknown as Scripts;
  const ttl = opts.ttlSeconds;
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const owedTtl = Math.min(ttl, OWED_TTL_SECONDS);
  const deadlines = createDeadlines(client);

  /** One shared wait while (re)connecting, however many operations are waiting. */
  let connecting: Promise<void> | null = null;
  const connected = () =>
    (connecting ??= waitUntilReady(client, CONNECT_WAIT_MS).finally(() => {
      connecting = null;
    }));

  /** Connection trouble becomes StoreUnavailableError, so the engine can answer kindly instead of crashing. */
  async function guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      if (client.status !== 'ready') await connected();
      return await op();
    } catch (err) {
      throw new StoreUnavailableError(err instanceof Error ? err.message : String(err));
    }
  }

  /** Every key matching a pattern; on a Cluster each master is scanned. */
  async function scanAll(pattern: string): Promise<string[]> {
    const nodes: Redis[] = client instanceof Cluster ? client.nodes('master') : [client];
    const found: string[] = [];
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        found.push(...batch);
      } while (cursor !== '0');
    }
    return found;
  }

  /** Waiters per chat, woken by the release's PUBLISH on one subscriber connection opened at the first wait. */
  const wakes = createWakes();
  let subscriber: RedisClient | null = null;
  let subscribed: Promise<void> | null = null;
  let listening = false;
  const subscribe = () =>
    (subscribed ??= (async () => {
      const sub: RedisClient = client instanceof Cluster ? client.duplicate() : client.duplicate();
      subscriber = sub;
      sub.on('error', () => {
        // Reconnects by itself; a wake missed meanwhile costs a waiter at most its timer.
      });
      sub.on('message', (_channel: string, message: string) => wakes.wake(Number(message)));
      await waitUntilReady(sub, CONNECT_WAIT_MS);
      await sub.subscribe(WAKE_CHANNEL);
      listening = true;
    })().catch(() => {
      subscribed = null;
    }));

  const str = (v: string | number | null | undefined) => (v == null ? '' : String(v));

  return {
    leaseMs,
    begin: (input) =>
      guard(async (): Promise<BeginResult> => {
        const id = input.chatId;
        wakes.note(id);
        const r = await scripts.xsBegin(
          keys.case(id), keys.seen(id), keys.lock(id), keys.queue(id), keys.outbox(id), keys.flood(id),
          input.token,
          input.updateId ?? 0,
          input.cachedVersion,
          input.flood?.limit ?? 0,
          input.flood?.windowMs ?? 0,
          str(input.sentVersion),
          leaseMs,
          WAITER_LIVE_MS,
          OWED_ATTEMPTS,
          WAKE_CHANNEL,
          id,
          input.more ? '1' : '0',
          deadlines.next(),
        );
        if (r[0] !== 'wait') wakes.forget(id);
        switch (r[0]) {
          case 'late':
            throw new Error('Redis ran the command after we stopped waiting');
          case 'flood':
            return { kind: 'flood', first: Number(r[1]) === 1 };
          case 'dup':
            return { kind: 'duplicate' };
          case 'wait':
            return { kind: 'wait', retryMs: Number(r[1]) };
          default: {
            const [, v, schema, snap, ov, op, dup] = r.map(str);
            const version = Number(v);
            return {
              kind: 'go',
              version,
              stored: snap ? { version, schema: Number(schema), snapshot: JSON.parse(snap) as unknown } : null,
              cached: version !== 0 && !snap,
              owed: ov ? { version: Number(ov), payload: op ?? '' } : null,
              duplicate: dup === '1',
            };
          }
        }
      }),
    commit: (input) =>
      guard(async (): Promise<CommitResult> => {
        const id = input.chatId;
        const r = await scripts.xsCommit(
          keys.case(id), keys.seen(id), keys.lock(id), keys.outbox(id),
          input.token,
          input.expectedVersion,
          input.updateId,
          input.schema,
          input.snapshot === null ? '' : JSON.stringify(input.snapshot),
          input.owed ?? '',
          ttl,
          SEEN_KEEP,
          owedTtl,
          leaseMs,
          input.keepExpiry ? '1' : '0',
          deadlines.next(),
        );
        if (r[0] === 'late') throw new Error('Redis ran the command after we stopped waiting');
        if (r[0] === 'ok') return { ok: true, version: Number(r[1]) };
        return { ok: false, reason: r[0] === 'dup' ? 'duplicate' : r[0] === 'lost' ? 'lost' : 'conflict' };
      }),
    finish: (input) =>
      guard(async () => {
        const id = input.chatId;
        const v = await scripts.xsFinish(
          keys.case(id), keys.lock(id), keys.outbox(id), keys.queue(id),
          input.token,
          str(input.sentVersion),
          input.release ? '1' : '0',
          input.followUp ? JSON.stringify(input.followUp.snapshot) : '',
          str(input.followUp?.expectedVersion),
          str(input.followUp?.schema),
          WAKE_CHANNEL,
          id,
        );
        return { version: v ? Number(v) : null };
      }),
    renew: (chatId, token) => guard(async () => (await scripts.xsRenew(keys.lock(chatId), token, leaseMs)) === 1),
    async released(chatId, ms) {
      // A release published before the subscription was active is lost: waits begun before then return at once.
      if (!listening) return subscribe();
      return wakes.wait(chatId, ms);
    },
    owedChats: () => guard(async () => (await scanAll(keys.outboxPattern)).map(keys.chatOfOutbox).filter(Number.isFinite)),
    load: (chatId) =>
      guard(async () => {
        const [v, schema, snap] = await client.hmget(keys.case(chatId), 'v', 'schema', 'snap');
        if (v == null || snap == null) return null;
        return { version: Number(v), schema: Number(schema ?? 0), snapshot: JSON.parse(snap) as unknown };
      }),
    loadPrefs: (userId) =>
      guard(async () => {
        const lang = await client.hget(keys.prefs(userId), 'lang');
        return lang === 'zh-CN' || lang === 'en' ? ({ lang } satisfies UserPrefs) : null;
      }),
    savePrefs: (userId, prefs) =>
      guard(async () => {
        if (prefs.lang) await scripts.xsSavePrefs(keys.prefs(userId), prefs.lang, ttl);
      }),
    claimNotice: (chatId, ttlSeconds) =>
      guard(async () => (await client.set(keys.notice(chatId), '1', 'EX', ttlSeconds, 'NX')) === 'OK'),
    deleteAll: (chatId, userId) =>
      guard(async () => {
        const own = new Set([keys.case(chatId), keys.prefs(userId)]);
        let removed = 0;
        // One DEL per tag: a tag's keys share a slot, so this is valid on a Cluster too.
        for (const pattern of [keys.chatPattern(chatId), keys.userPattern(userId)]) {
          const found = await scanAll(pattern);
          if (found.length === 0) continue;
          await client.del(...found);
          removed += found.filter((k) => own.has(k)).length;
        }
        return { removed };
      }),
    inventory: (chatId, userId) =>
      guard(async () => {
        const id = chatId;
        const chatRecords = ['seen', 'lock', 'queue', 'outbox', 'flood', 'notice'] as const;
        const r = (await scripts.xsInventory(keys.case(id), keys.seen(id), keys.lock(id), keys.queue(id), keys.outbox(id), keys.flood(id), keys.notice(id))).map(Number);
        // The user's tag is another slot: its own reads.
        const [prefsTtl, lang] = await Promise.all([client.pttl(keys.prefs(userId)), client.hget(keys.prefs(userId), 'lang')]);
        const ttlOf = (pttl: number) => (pttl === -1 ? null : pttl);
        const records: KeptRecord[] = [];
        chatRecords.forEach((name, i) => {
          const [pttl, entries] = [r[1 + 2 * i]!, r[2 + 2 * i]!];
          if (pttl !== -2 && entries > 0) records.push({ name, ttlMs: ttlOf(pttl), entries });
        });
        const prefs = lang === 'zh-CN' || lang === 'en' ? ({ lang } satisfies UserPrefs) : null;
        if (prefsTtl !== -2) records.push({ name: 'prefs', ttlMs: ttlOf(prefsTtl), entries: 1 });
        return {
          caseTtlMs: r[0]! < 0 ? null : r[0]!,
          seenIds: r.slice(1 + 2 * chatRecords.length).sort((a, b) => a - b),
          prefs,
          records,
        };
      }),
    ping: async () => {
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      deadlines.stop();
      const sub = subscriber as RedisClient | null;
      sub?.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
