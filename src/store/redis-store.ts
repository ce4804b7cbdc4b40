import { Cluster, type Redis } from 'ioredis';
import {
  APP_SESSION_SECONDS,
  LEASE_MS,
  OWED_ATTEMPTS,
  OWED_TTL_SECONDS,
  SEEN_KEEP,
  StoreUnavailableError,
  WAITER_LIVE_MS,
  type BeginResult,
  type CaseStore,
  type CommitInput,
  type CommitResult,
  type KeptRecord,
  type UserPrefs,
} from './case-store.js';
import { keys, WAKE_CHANNEL } from './keys.js';
import { packRecord, unpackRecord } from './record-packing.js';
import { applyPatch, diffRecord, type PatchOp } from './record-patch.js';
import { COMMAND_TIMEOUT_MS, waitUntilReady, type RedisClient } from './redis-client.js';
import { createWakes } from './wakes.js';

/*
 * One chat's turn touches one key, its case hash, under the chat's hash tag (one Cluster slot): the case (`v`,
 * `schema`, `snap`), the applied update ids, the lease, the flood count and the replies owed live in its fields, so
 * a begin is one read and one write of it, a commit one read, one write and its expiry. The waiting queue is a key
 * of its own, touched only while updates wait. Scripts take the time from Redis itself, are safe to run twice
 * (ioredis sends a command again when its reply was lost with the connection), and name every key in KEYS except
 * the queue's and the two records an older version kept beside the case (`seen`, `outbox`, read once to carry them
 * over): their names are made from the case key's, so they share its tag and slot, and a begin does not carry a
 * second key name it rarely uses.
 * Versions are strings in Lua: they are microsecond-based and exceed what Lua prints exactly by default.
 *
 * The case hash's fields: v, schema; snap (the whole record, packed or as JSON (record-packing.ts), then the changes
 * written since, one JSON list of writes a line) and n (the bytes of those changes); u (the update id and lease
 * token of the last commit); k and e (the lease's token and end, ms on Redis' clock); s (the applied update ids, 4
 * or 7 bytes each); o (the owed replies' version, hand-outs and end: "v:a:end") and p (their payload); f and w (the
 * flood count and its window's end); q ('1' while the queue may hold waiting updates). An empty field is an absent
 * one.
 */

/** Lua: Redis' clock (ms), and whether the client stopped waiting (its deadline, '0' = no check) before now. */
const CLOCK = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function late(deadline) return deadline ~= '0' and now > tonumber(deadline) end
local function val(x) if x == false or x == '' then return false end return x end
local function fmt(n) return string.format('%.0f', n) end
`;

/**
 * Lua: the applied ids, at most `keep`, the lowest dropped first, packed as signed integers after a digit saying
 * their width: 4 bytes while every id fits (Telegram's and reminders' do), 7 once one does not (web ids are above
 * 2^32; 7 bytes hold every safe integer).
 */
const SEEN = (keep: number) => `
local function seenIds(s)
  local ids = {}
  if not s then return ids end
  local w = tonumber(string.sub(s, 1, 1))
  local f = '<i' .. w
  for i = 2, #s, w do table.insert(ids, (struct.unpack(f, s, i))) end
  return ids
end
local function seenHas(s, id)
  if not s then return false end
  local w = tonumber(string.sub(s, 1, 1))
  local f = '<i' .. w
  for i = 2, #s, w do if struct.unpack(f, s, i) == id then return true end end
  return false
end
local function fits4(n) return n >= -2147483648 and n <= 2147483647 end
local function seenAdd(s, id)
  -- Most often the id is only appended: room left, and it fits the width in use.
  if not s then return fits4(id) and '4' .. struct.pack('<i4', id) or '7' .. struct.pack('<i7', id) end
  local w = tonumber(string.sub(s, 1, 1))
  if (#s - 1) / w < ${keep} and (w == 7 or fits4(id)) then return s .. struct.pack('<i' .. w, id) end
  local ids = seenIds(s)
  table.insert(ids, id)
  if #ids > ${keep} then
    local low = 1
    for i = 2, #ids do if ids[i] < ids[low] then low = i end end
    table.remove(ids, low)
  end
  w = 4
  for _, n in ipairs(ids) do if not fits4(n) then w = 7 end end
  local out = {tostring(w)}
  for _, n in ipairs(ids) do table.insert(out, struct.pack('<i' .. w, n)) end
  return table.concat(out)
end
local function carried(caseKey)
  local key = string.gsub(caseKey, ':case$', ':seen')
  local t = redis.call('TYPE', key).ok
  if t == 'none' then return '' end
  local ids
  if t == 'zset' then ids = redis.call('ZRANGE', key, 0, -1) else ids = redis.call('SMEMBERS', key) end
  redis.call('DEL', key)
  table.sort(ids, function(a, b) return tonumber(a) < tonumber(b) end)
  local s = false
  for _, id in ipairs(ids) do s = seenAdd(s, tonumber(id)) end
  return s or ''
end
`;

interface Limits {
  leaseMs: number;
  ttl: number;
  owedTtl: number;
}

/** Lua: the wake channel's message for this chat (its id, read from the case key). */
const WAKE = `
local function wake() redis.call('PUBLISH', '${WAKE_CHANNEL}', string.match(KEYS[1], '{c:(-?%d+)}')) end
`;

/** Lua: the owed replies' record "version:hand-outs:end" read into its parts. */
const OWED = `
local function owedOf(o)
  if not o then return nil end
  local v, a, ends = string.match(o, '^(%d+):(%d+):(%d+)$')
  return {v = v, a = tonumber(a), ends = tonumber(ends)}
end
`;

/**
 * begin, as a Lua function of its arguments A (the begin script's ARGV). KEYS: case (the queue's key is made from
 * it). A: token, update id ('0' = the start-up sweep), cached version, flood limit ('0' = not counted), flood window
 * ms, version the lane's previous turn sent (''), whether the lane has a next update ('1'/'0'), deadline. The queue is read only while `q` says someone may wait.
 * Returns {'late'} | {'flood', over} | {'dup'} | {'wait', ms} |
 * {'go', version, schema, snap, owed version, owed, dup, bytes of changes on the record}.
 */
const BEGIN_STEPS = (l: Limits) => `
local function begin(A)
  if late(A[8]) then return {'late'} end
  local token, upd = A[1], A[2]
  local id = tonumber(upd)
  local prefix = token .. ':'
  local queue = string.gsub(KEYS[1], ':case$', ':queue')
  local h = redis.call('HMGET', KEYS[1], 'v', 'k', 'e', 's', 'o', 'f', 'w', 'q', 'n', 'schema')
  local exists = false
  for i = 1, 10 do if h[i] then exists = true end end
  local v, holder, seen, owed, n, schema = val(h[1]) or '0', val(h[2]), val(h[4]), owedOf(val(h[5])), val(h[9]) or '0', val(h[10]) or ''
  if holder and tonumber(h[3] or 0) <= now then holder = false end
  local mine = holder == token
  local set = {}
  local function put(f, x) table.insert(set, f) table.insert(set, x) end
  local function write()
    if #set > 0 then redis.call('HSET', KEYS[1], unpack(set)) end
    if not exists and #set > 0 then redis.call('PEXPIRE', KEYS[1], ${Math.max(l.leaseMs, WAITER_LIVE_MS) * 30}) end
  end
  if h[4] == false and v ~= '0' then
    seen = val(carried(KEYS[1]))
    put('s', seen or '')
  end
  local carriedPayload = nil
  if upd == '0' and not owed then
    -- The start-up sweep carries over replies an older version kept owed in a key of their own.
    local key = string.gsub(KEYS[1], ':case$', ':outbox')
    if redis.call('TYPE', key).ok == 'hash' then
      local o = redis.call('HMGET', key, 'v', 'p', 'a')
      local ttl = redis.call('PTTL', key)
      redis.call('DEL', key)
      if o[1] and ttl > 0 then
        owed = {v = o[1], a = tonumber(o[3] or '0'), ends = now + ttl}
        carriedPayload = o[2] or ''
        put('p', carriedPayload)
      end
    end
  end
  if owed and ((A[6] ~= '' and mine and owed.v == A[6]) or owed.a >= ${OWED_ATTEMPTS} or owed.ends <= now) then
    owed = nil
    put('o', '')
    put('p', '')
  end
  local dup = upd ~= '0' and seenHas(seen, id)
  -- Takes this lane's place out of the queue (one per token; other replicas may wait with the same update id) and
  -- returns the update id it stood for.
  local function unqueue()
    local was = nil
    if not val(h[8]) then return nil end
    local all = redis.call('ZRANGE', queue, 0, -1, 'WITHSCORES')
    for i = 1, #all, 2 do
      if string.sub(all[i], 1, #prefix) == prefix then
        redis.call('ZREM', queue, all[i])
        was = tonumber(all[i + 1])
      end
    end
    return was
  end
  -- An update that ends here without the lease: its lane keeps its place while its next update follows at once.
  local function leave()
    if A[7] == '0' and unqueue() ~= nil and not holder then wake() end
  end
  if not dup and A[4] ~= '0' then
    local count = 1
    if val(h[7]) and tonumber(h[7]) > now then count = tonumber(h[6]) + 1 else put('w', fmt(now + tonumber(A[5]))) end
    put('f', count)
    local over = count - tonumber(A[4])
    if over > 0 then
      leave()
      write()
      return {'flood', over}
    end
  end
  if dup and not owed then
    leave()
    write()
    return {'dup'}
  end
  local was = unqueue()
  local head, headDeadline = nil, 0
  if val(h[8]) then
    while true do
      local first = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
      if #first == 0 then put('q', '') break end
      local deadline = tonumber(string.match(first[1], ':(%d+)$'))
      if deadline >= now then head, headDeadline = tonumber(first[2]), deadline break end
      redis.call('ZREM', queue, first[1])
    end
  end
  if holder and not mine or (head ~= nil and head < id) then
    local wait
    if holder and not mine then wait = tonumber(h[3] or 0) - now else wait = headDeadline - now end
    if mine then
      -- Steps aside for an older update waiting on another replica.
      put('k', '')
      wake()
    elseif not holder and was ~= nil and was < id then
      -- This lane moved back in the queue: whoever is first now may go.
      wake()
    end
    redis.call('ZADD', queue, id, prefix .. fmt(now + ${WAITER_LIVE_MS}))
    redis.call('PEXPIRE', queue, ${WAITER_LIVE_MS})
    put('q', '1')
    write()
    return {'wait', math.max(5, math.min(wait, ${l.leaseMs}))}
  end
  put('k', token)
  put('e', fmt(now + ${l.leaseMs}))
  local ov, op = '', ''
  if owed then
    put('o', owed.v .. ':' .. (owed.a + 1) .. ':' .. fmt(owed.ends))
    ov = owed.v
    op = carriedPayload or redis.call('HGET', KEYS[1], 'p') or ''
  end
  local snap = ''
  if v ~= '0' and v ~= A[3] then snap = redis.call('HGET', KEYS[1], 'snap') or '' end
  write()
  return {'go', v, schema, snap, ov, op, dup and 1 or 0, n}
end
`;
const BEGIN = (l: Limits) => `${CLOCK}${SEEN(SEEN_KEEP)}${WAKE}${OWED}${BEGIN_STEPS(l)}return begin(ARGV)
`;

/**
 * commit, as a Lua function of its arguments A (the commit script's ARGV). KEYS: case. A: token, expected version,
 * update id, schema, the record ('' = record the id only; 'f' and the whole record as JSON; 'p' and the writes since
 * the expected version), owed replies (''), keep the case's expiry ('1'/'0'), deadline ('0' = no check). A repeated id is a duplicate, unless this very commit already ran with the same token
 * (its reply was lost). A record is not written while an older update of the chat waits: the lease goes to it.
 */
const COMMIT_STEPS = (l: Limits) => `
local function commit(A)
  if late(A[8]) then return {'late'} end
  local kind = string.sub(A[5], 1, 1)
  local h
  if kind == 'p' then h = redis.call('HMGET', KEYS[1], 'k', 'e', 'v', 's', 'u', 'n', 'schema', 'q', 'snap')
  else h = redis.call('HMGET', KEYS[1], 'k', 'e', 'v', 's', 'u', 'n', 'schema', 'q') end
  if h[1] ~= A[1] or tonumber(h[2] or 0) <= now then return {'lost'} end
  local v = val(h[3]) or '0'
  local id = tonumber(A[3])
  if seenHas(val(h[4]), id) then
    if h[5] == A[3] .. ' ' .. A[1] then return {'ok', v, val(h[6]) or '0', val(h[7]) or ''} end
    return {'dup'}
  end
  if v ~= A[2] then return {'conflict'} end
  if kind ~= '' and val(h[8]) then
    -- An older update of the chat began on another replica while this one was computed: it goes first (this turn has
    -- changed nothing yet; it is computed again after it).
    local queue = string.gsub(KEYS[1], ':case$', ':queue')
    local first = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
    if #first > 0 and tonumber(first[2]) < id and tonumber(string.match(first[1], ':(%d+)$')) >= now then
      redis.call('HDEL', KEYS[1], 'k', 'e')
      wake()
      return {'yield'}
    end
  end
  local set = {'s', seenAdd(val(h[4]), id), 'e', fmt(now + ${l.leaseMs})}
  local n, schema = val(h[6]) or '0', A[4]
  if kind ~= '' then
    if v == '0' then v = fmt(tonumber(clock[1]) * 1000000 + tonumber(clock[2])) else v = fmt(tonumber(v) + 1) end
    local body = string.sub(A[5], 2)
    local snap = body
    n = 0
    if kind == 'p' then
      snap = (h[9] or '') .. '\\n' .. body
      n = tonumber(val(h[6]) or '0') + #body + 1
    end
    for _, x in ipairs({'v', v, 'snap', snap, 'n', n, 'schema', A[4], 'u', A[3] .. ' ' .. A[1]}) do table.insert(set, x) end
  end
  if A[6] ~= '' then
    for _, x in ipairs({'o', v .. ':0:' .. fmt(now + ${l.owedTtl * 1000}), 'p', A[6]}) do table.insert(set, x) end
  end
  redis.call('HSET', KEYS[1], unpack(set))
  if kind ~= '' and A[7] ~= '1' then redis.call('EXPIRE', KEYS[1], ${l.ttl}) end
  if kind == '' then schema = val(h[7]) or '' end
  return {'ok', v, n, schema}
end
`;
const COMMIT = (l: Limits) => `${CLOCK}${SEEN(SEEN_KEEP)}${WAKE}${COMMIT_STEPS(l)}return commit(ARGV)
`;

/**
 * begin, then commit in the same step the turn the caller worked out from its cached case, when begin goes ahead at
 * that very version with nothing owed and the update new (what commit needs then holds: the lease is this token's, the
 * update unseen, the version the expected one, no older update waiting). KEYS: case. ARGV: begin's, then the turn's
 * schema, record and owed replies (as commit's). Returns {'committed', version, bytes of changes, schema}, or begin's
 * answer. Run again after a lost reply, its begin finds the update applied: the replies it owes are handed out again
 * (at least once), and nothing is written twice.
 */
const BEGIN_COMMIT = (l: Limits) => `${CLOCK}${SEEN(SEEN_KEEP)}${WAKE}${OWED}${BEGIN_STEPS(l)}${COMMIT_STEPS(l)}
local b = begin(ARGV)
if b[1] == 'go' and b[2] ~= '0' and b[2] == ARGV[3] and b[5] == '' and b[7] == 0 then
  local c = commit({ARGV[1], b[2], ARGV[2], ARGV[9], ARGV[10], ARGV[11], '0', '0'})
  if c[1] == 'ok' then return {'committed', c[2], c[3], c[4]} end
end
return b
`;

/**
 * finish. KEYS: case. ARGV: token, version sent (''), release ('1'/'0'), and only with a follow-up: its record (as
 * commit's), its expected version, schema. Returns the follow-up's version or ''. A follow-up keeps the expiry its
 * turn's commit set.
 */
const FINISH = `${WAKE}${OWED}
local record = ARGV[4] or ''
local kind = string.sub(record, 1, 1)
local h
if kind == 'p' then h = redis.call('HMGET', KEYS[1], 'k', 'o', 'q', 'v', 'n', 'snap')
else h = redis.call('HMGET', KEYS[1], 'k', 'o', 'q', 'v') end
local mine = h[1] == ARGV[1]
local owed = owedOf(h[2] ~= '' and h[2])
local gone = {}
if ARGV[2] ~= '' and owed and owed.v == ARGV[2] then
  table.insert(gone, 'o')
  table.insert(gone, 'p')
end
local nv = ''
if kind ~= '' and mine and h[4] == ARGV[5] then
  nv = string.format('%.0f', tonumber(h[4]) + 1)
  local body, n = string.sub(record, 2), 0
  if kind == 'p' then
    n = tonumber(h[5] or '0') + #body + 1
    body = (h[6] or '') .. '\\n' .. body
  end
  redis.call('HSET', KEYS[1], 'v', nv, 'snap', body, 'n', n, 'schema', ARGV[6])
end
if ARGV[3] == '1' and mine then
  table.insert(gone, 'k')
  table.insert(gone, 'e')
end
if #gone > 0 then redis.call('HDEL', KEYS[1], unpack(gone)) end
if ARGV[3] == '1' and mine and h[3] == '1' then wake() end
return nv
`;

/** renew. KEYS: case. ARGV: token. */
const RENEW = (l: Limits) => `${CLOCK}
if redis.call('HGET', KEYS[1], 'k') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'e', fmt(now + ${l.leaseMs}))
return 1
`;

/** prefs. KEYS: prefs. ARGV: lang, ttl s. One step, so the key can never be left without its TTL. */
const SAVE_PREFS = `
redis.call('HSET', KEYS[1], 'lang', ARGV[1])
return redis.call('EXPIRE', KEYS[1], ARGV[2])
`;

/**
 * inventory. KEYS: case, queue, notice. Reads only (PTTL moves no expiry). Returns the case's PTTL, then per record
 * (seen, flood, lock, queue, outbox, notice) its ms left (-2 absent) and its number of entries, then the applied ids.
 */
const INVENTORY = `${CLOCK}${SEEN(SEEN_KEEP)}${OWED}
local pttl = redis.call('PTTL', KEYS[1])
local h = redis.call('HMGET', KEYS[1], 's', 'f', 'w', 'k', 'e', 'o', 'v')
local seen = val(h[1])
if not seen and val(h[7]) then
  local key = string.gsub(KEYS[1], ':case$', ':seen')
  local ids
  if redis.call('TYPE', key).ok == 'zset' then ids = redis.call('ZRANGE', key, 0, -1) else ids = redis.call('SMEMBERS', key) end
  seen = false
  for _, id in ipairs(ids) do seen = seenAdd(seen, tonumber(id)) end
end
local ids = seenIds(seen)
local out = {pttl}
local function add(left, entries) table.insert(out, left) table.insert(out, entries) end
add(#ids > 0 and pttl or -2, #ids)
if val(h[3]) and tonumber(h[3]) > now then add(tonumber(h[3]) - now, tonumber(h[2])) else add(-2, 0) end
if val(h[4]) and tonumber(h[5] or 0) > now then add(tonumber(h[5]) - now, 1) else add(-2, 0) end
add(redis.call('PTTL', KEYS[2]), redis.call('ZCARD', KEYS[2]))
local owed = owedOf(val(h[6]))
if owed and owed.ends > now then add(owed.ends - now, 1) else add(-2, 0) end
add(redis.call('PTTL', KEYS[3]), 1)
for _, id in ipairs(ids) do table.insert(out, string.format('%.0f', id)) end
return out
`;

/**
 * Writes past this many bytes of changes on a record, the next commit writes the whole record again: a case stays
 * within its memory budget, and a read applies a handful of changes at most.
 */
export const CHANGE_BYTES = 256;

/** A record as stored: the whole of it (record-packing.ts), then a line per commit since with its writes (record-patch.ts). */
export function readRecord(snap: string): unknown {
  const lines = snap.split('\n');
  let record = unpackRecord(lines[0]!);
  for (let i = 1; i < lines.length; i++) record = applyPatch(record, JSON.parse(lines[i]!) as PatchOp[]);
  return record;
}

/** What a commit sends for its record: only what changed when the store holds the record it follows, else all of it. */
function recordWrite(record: unknown, schema: number, previous: CommitInput['previous']): string {
  if (previous && previous.written.schema === schema && previous.written.changeBytes < CHANGE_BYTES) {
    const changes = JSON.stringify(diffRecord(previous.record, record));
    if (previous.written.changeBytes + changes.length < CHANGE_BYTES) return `p${changes}`;
  }
  return `f${packRecord(JSON.stringify(record))}`;
}

type Reply = Array<string | number | null>;
interface Scripts {
  xsBegin(...args: Array<string | number>): Promise<Reply>;
  xsCommit(...args: Array<string | number>): Promise<Reply>;
  xsBeginCommit(...args: Array<string | number>): Promise<Reply>;
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
  const ttl = opts.ttlSeconds;
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const limits: Limits = { leaseMs, ttl, owedTtl: Math.min(ttl, OWED_TTL_SECONDS) };
  client.defineCommand('xsBegin', { numberOfKeys: 1, lua: BEGIN(limits) });
  client.defineCommand('xsCommit', { numberOfKeys: 1, lua: COMMIT(limits) });
  client.defineCommand('xsBeginCommit', { numberOfKeys: 1, lua: BEGIN_COMMIT(limits) });
  client.defineCommand('xsFinish', { numberOfKeys: 1, lua: FINISH });
  client.defineCommand('xsRenew', { numberOfKeys: 1, lua: RENEW(limits) });
  client.defineCommand('xsSavePrefs', { numberOfKeys: 1, lua: SAVE_PREFS });
  client.defineCommand('xsInventory', { numberOfKeys: 3, lua: INVENTORY });
  const scripts = client as unknown as Scripts;
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
        const args = [
          keys.case(id),
          input.token,
          input.updateId ?? 0,
          input.cachedVersion,
          input.flood?.limit ?? 0,
          input.flood?.windowMs ?? 0,
          str(input.sentVersion),
          input.more ? '1' : '0',
          deadlines.next(),
        ];
        const turn = input.commit;
        const r = turn
          ? await scripts.xsBeginCommit(...args, turn.schema, turn.snapshot === null ? '' : recordWrite(turn.snapshot, turn.schema, turn.previous), turn.owed ?? '')
          : await scripts.xsBegin(...args);
        if (r[0] !== 'wait') wakes.forget(id);
        switch (r[0]) {
          case 'late':
            throw new Error('Redis ran the command after we stopped waiting');
          case 'committed':
            return { kind: 'committed', version: Number(r[1]), written: { schema: Number(r[3]), changeBytes: Number(r[2]) } };
          case 'flood':
            return { kind: 'flood', first: Number(r[1]) === 1 };
          case 'dup':
            return { kind: 'duplicate' };
          case 'wait':
            return { kind: 'wait', retryMs: Number(r[1]) };
          default: {
            const [, v, schema, snap, ov, op, dup, n] = r.map(str);
            const version = Number(v);
            return {
              kind: 'go',
              version,
              stored: snap ? { version, schema: Number(schema), snapshot: readRecord(snap) } : null,
              cached: version !== 0 && !snap,
              owed: ov ? { version: Number(ov), payload: op ?? '' } : null,
              duplicate: dup === '1',
              written: { schema: Number(schema), changeBytes: Number(n) },
            };
          }
        }
      }),
    commit: (input) =>
      guard(async (): Promise<CommitResult> => {
        const id = input.chatId;
        const r = await scripts.xsCommit(
          keys.case(id),
          input.token,
          input.expectedVersion,
          input.updateId,
          input.schema,
          input.snapshot === null ? '' : recordWrite(input.snapshot, input.schema, input.previous),
          input.owed ?? '',
          input.keepExpiry ? '1' : '0',
          deadlines.next(),
        );
        if (r[0] === 'late') throw new Error('Redis ran the command after we stopped waiting');
        if (r[0] === 'ok') return { ok: true, version: Number(r[1]), written: { schema: Number(r[3]), changeBytes: Number(r[2]) } };
        const reasons = { dup: 'duplicate', lost: 'lost', yield: 'yield', conflict: 'conflict' } as const;
        return { ok: false, reason: reasons[r[0] as keyof typeof reasons] ?? 'conflict' };
      }),
    finish: (input) =>
      guard(async () => {
        const id = input.chatId;
        const f = input.followUp;
        const followUp = f ? [recordWrite(f.snapshot, f.schema, f.previous), f.expectedVersion, f.schema] : [];
        const v = await scripts.xsFinish(keys.case(id), input.token, str(input.sentVersion), input.release ? '1' : '0', ...followUp);
        return { version: v ? Number(v) : null };
      }),
    renew: (chatId, token) => guard(async () => (await scripts.xsRenew(keys.case(chatId), token)) === 1),
    async released(chatId, ms) {
      // A release published before the subscription was active is lost: waits begun before then return at once.
      if (!listening) return subscribe();
      return wakes.wait(chatId, ms);
    },
    owedChats: () =>
      guard(async () => {
        // Start-up only: every chat's case is read for replies owed (and an older version's outbox keys found).
        const chats = new Set<number>();
        const cases: number[] = [];
        for (const key of await scanAll(keys.allChats)) {
          const chat = keys.chatOf(key);
          if (!Number.isFinite(chat)) continue;
          if (key === keys.outbox(chat)) chats.add(chat);
          else if (key === keys.case(chat)) cases.push(chat);
        }
        // A thousand reads at a time: a store of a million cases is read without a million promises at once.
        for (let at = 0; at < cases.length; at += 1_000) {
          const batch = cases.slice(at, at + 1_000);
          const owed = await Promise.all(batch.map((chat) => client.hget(keys.case(chat), 'o')));
          batch.forEach((chat, i) => owed[i] && chats.add(chat));
        }
        return [...chats];
      }),
    load: (chatId) =>
      guard(async () => {
        const [v, schema, snap] = await client.hmget(keys.case(chatId), 'v', 'schema', 'snap');
        if (!v || !snap) return null;
        return { version: Number(v), schema: Number(schema ?? 0), snapshot: readRecord(snap) };
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
    openAppSession: (userId, digest) =>
      guard(async () => {
        await client.set(keys.appSession(userId, digest), '1', 'EX', APP_SESSION_SECONDS);
      }),
    // EXPIRE answers whether the key exists and slides it, in one command.
    touchAppSession: (userId, digest) => guard(async () => (await client.expire(keys.appSession(userId, digest), APP_SESSION_SECONDS)) === 1),
    closeAppSession: (userId, digest) =>
      guard(async () => {
        await client.del(keys.appSession(userId, digest));
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
          // The case key holds the lease and counters too: it is the person's record only once a case is in it.
          const mine = await Promise.all(found.filter((k) => own.has(k)).map(async (k) => k !== keys.case(chatId) || (await client.hexists(k, 'v')) === 1));
          await client.del(...found);
          removed += mine.filter(Boolean).length;
        }
        return { removed };
      }),
    inventory: (chatId, userId) =>
      guard(async () => {
        const id = chatId;
        const chatRecords = ['seen', 'flood', 'lock', 'queue', 'outbox', 'notice'] as const;
        const r = (await scripts.xsInventory(keys.case(id), keys.queue(id), keys.notice(id))).map(Number);
        // The user's tag is another slot: its own reads. Its sessions are found as /delete finds them, by a scan (an
        // export is rare; a use of the Mini App then costs one command, not an index kept beside it).
        const [prefsTtl, lang, sessionTtls] = await Promise.all([
          client.pttl(keys.prefs(userId)),
          client.hget(keys.prefs(userId), 'lang'),
          scanAll(keys.appSessions(userId)).then((found) => Promise.all(found.map((k) => client.pttl(k)))),
        ]);
        const ttlOf = (pttl: number) => (pttl === -1 ? null : pttl);
        const records: KeptRecord[] = [];
        chatRecords.forEach((name, i) => {
          const [pttl, entries] = [r[1 + 2 * i]!, r[2 + 2 * i]!];
          if (pttl !== -2 && entries > 0) records.push({ name, ttlMs: ttlOf(pttl), entries });
        });
        const prefs = lang === 'zh-CN' || lang === 'en' ? ({ lang } satisfies UserPrefs) : null;
        if (prefsTtl !== -2) records.push({ name: 'prefs', ttlMs: ttlOf(prefsTtl), entries: 1 });
        // A session may end between the scan and its PTTL.
        const open = sessionTtls.filter((pttl) => pttl !== -2);
        if (open.length > 0) records.push({ name: 'appSessions', ttlMs: open.includes(-1) ? null : Math.max(...open), entries: open.length });
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
