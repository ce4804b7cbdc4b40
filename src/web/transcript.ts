import { EventEmitter } from 'node:events';
import { LRUCache } from 'lru-cache';
import type { ChatKey } from '../engine/ports.js';
import type { Keyboard } from '../render/reply.js';
import type { RedisClient } from '../store/redis-client.js';
import { chatTag } from '../store/keys.js';

/**
 * A web conversation's side of the outbox: what the bot said, in order, each with a number the page's event stream
 * resumes from (`Last-Event-ID`). Writing here is what "sent" means for the web, so a reply the engine marked sent
 * is never lost with a connection or a restart, and a reload shows the conversation again.
 */
export type WebEvent =
  | { seq: number; kind: 'msg'; html: string; buttons?: Keyboard }
  /** The checklist message `target` now reads like this (edited in place). */
  | { seq: number; kind: 'edit'; target: number; html: string; buttons?: Keyboard }
  /** A document that only this conversation can fetch, at /chat/doc/<seq>. */
  | { seq: number; kind: 'doc'; filename: string }
  /** A short answer to a button press ("this button is out of date"). */
  | { seq: number; kind: 'note'; text: string };

type Unnumbered<E> = E extends { seq: number } ? Omit<E, 'seq'> : never;
export type NewWebEvent = Unnumbered<WebEvent>;

export interface Transcript {
  /** Appends one event and returns its number (also the message id the engine keeps for an edit). */
  append(key: ChatKey, event: NewWebEvent, doc?: Uint8Array): Promise<number>;
  /** Every kept event after `seq`, oldest first. */
  since(key: ChatKey, seq: number): Promise<WebEvent[]>;
  doc(key: ChatKey, seq: number): Promise<Uint8Array | null>;
  /** The newest event's number (0 before the first). */
  last(key: ChatKey): Promise<number>;
  /** Calls `listener` with each event appended from now on (in this process); returns the unsubscribe. */
  subscribe(key: ChatKey, listener: (event: WebEvent) => void): () => void;
  /** Forgets the conversation (after /delete). */
  clear(key: ChatKey): Promise<void>;
}

/** Events kept per conversation: enough for a long walk and a reload; older ones only drop off the page's history. */
export const KEEP_EVENTS = 300;

function emitter() {
  const bus = new EventEmitter();
  // One listener per open page of a conversation; thousands of conversations each have their own event name.
  bus.setMaxListeners(0);
  return {
    emit: (key: ChatKey, event: WebEvent) => bus.emit(String(key), event),
    subscribe(key: ChatKey, listener: (event: WebEvent) => void) {
      bus.on(String(key), listener);
      return () => void bus.off(String(key), listener);
    },
  };
}

/** In process memory, for the embedded default without Redis: the cases live there too and end with the process. */
export function createMemoryTranscript(opts: { ttlSeconds: number; maxConversations?: number }): Transcript {
  interface Kept {
    seq: number;
    events: WebEvent[];
    docs: Map<number, Uint8Array>;
  }
  const all = new LRUCache<ChatKey, Kept>({ max: opts.maxConversations ?? 20_000, ttl: opts.ttlSeconds * 1000, updateAgeOnGet: false });
  const bus = emitter();
  return {
    async append(key, event, doc) {
      const kept: Kept = all.get(key) ?? { seq: 0, events: [], docs: new Map() };
      const full = { ...event, seq: ++kept.seq } as WebEvent;
      kept.events.push(full);
      if (doc) kept.docs.set(full.seq, doc);
      while (kept.events.length > KEEP_EVENTS) {
        const gone = kept.events.shift();
        if (gone) kept.docs.delete(gone.seq);
      }
      all.set(key, kept);
      bus.emit(key, full);
      return full.seq;
    },
    since: async (key, seq) => (all.get(key)?.events ?? []).filter((e) => e.seq > seq),
    doc: async (key, seq) => all.get(key)?.docs.get(seq) ?? null,
    last: async (key) => all.get(key)?.seq ?? 0,
    subscribe: bus.subscribe,
    async clear(key) {
      all.delete(key);
    },
  };
}

/**
 * Next number, the event, its document, trimmed to the newest KEEP_EVENTS, every key's expiry refreshed: one
 * script, so a crash leaves either all of it or none. KEYS: seq, events, doc. ARGV: event JSON (without seq),
 * keep, ttl s, document bytes ('' = none).
 */
const APPEND = `
local seq = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('RPUSH', KEYS[2], seq .. ' ' .. ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('EXPIRE', KEYS[2], ARGV[3])
if ARGV[4] ~= '' then
  redis.call('SET', KEYS[3] .. seq, ARGV[4], 'EX', ARGV[3])
end
return seq
`;

/** On the bot's Redis, under the conversation's hash tag: /delete's sweep of the chat's keys takes these too. */
export function createRedisTranscript(client: RedisClient, opts: { ttlSeconds: number }): Transcript {
  const k = (key: ChatKey) => ({ seq: `xs:${chatTag(key)}:webseq`, events: `xs:${chatTag(key)}:web`, doc: `xs:${chatTag(key)}:webdoc:` });
  const bus = emitter();
  const parse = (line: string): WebEvent => {
    const space = line.indexOf(' ');
    return { ...(JSON.parse(line.slice(space + 1)) as NewWebEvent), seq: Number(line.slice(0, space)) } as WebEvent;
  };
  return {
    async append(key, event, doc) {
      const { seq, events, doc: docPrefix } = k(key);
      const n = Number(
        await client.eval(APPEND, 3, seq, events, docPrefix, JSON.stringify(event), KEEP_EVENTS, opts.ttlSeconds, doc ? Buffer.from(doc) : ''),
      );
      bus.emit(key, { ...event, seq: n } as WebEvent);
      return n;
    },
    async since(key, seq) {
      const lines = await client.lrange(k(key).events, 0, -1);
      return lines.map(parse).filter((e) => e.seq > seq);
    },
    async doc(key, seq) {
      const bytes = await client.getBuffer(`${k(key).doc}${seq}`);
      return bytes ? new Uint8Array(bytes) : null;
    },
    last: async (key) => Number((await client.get(k(key).seq)) ?? 0),
    subscribe: bus.subscribe,
    async clear(key) {
      const { seq, events } = k(key);
      const docs = (await client.lrange(events, 0, -1)).map(parse).filter((e) => e.kind === 'doc').map((e) => `${k(key).doc}${e.seq}`);
      await client.del(seq, events, ...docs);
    },
  };
}
