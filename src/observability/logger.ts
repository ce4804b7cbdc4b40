import { createHmac, randomBytes } from 'node:crypto';
import pino, { type DestinationStream } from 'pino';
import { withoutSecrets } from './secrets.js';

export type Logger = pino.Logger;

/** Anything that could carry what a user typed is removed before a line is written. */
const REDACT = [
  'text', 'html', 'caption', 'data', 'first_name', 'last_name', 'username', 'phone', 'amount', 'name',
  '*.text', '*.html', '*.caption', '*.data', '*.first_name', '*.last_name', '*.username', '*.phone', '*.amount', '*.name',
  'update', 'payload', 'snapshot', 'context',
];

/**
 * pino to stdout (fd 1) or stderr (fd 2), or to a given stream (tests). Level 'silent' writes nothing.
 */
export function createLogger(level: string, destination: number | DestinationStream = 1): Logger {
  // minLength 1 writes each line as soon as it comes, as 0 does, but lets `flush` wait for the write in flight (with
  // 0, sonic-boom's flush answers at once).
  const stream = typeof destination === 'number' ? pino.destination({ fd: destination, sync: false, minLength: 1 }) : destination;
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT, remove: true },
      // A message can carry what Telegram or a proxy said, which can quote the bot token: it never reaches a line.
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? withoutSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

/**
 * Resolves once every line logged so far is written, or after `withinMs` (a reader that stopped reading must not hold
 * a shutdown up). Before `process.exit`: the asynchronous destination's exit hook writes what is buffered at once but
 * not the write still in flight, so a busy process printed its last two lines the wrong way round ("stopped" before
 * "shutting down").
 */
export const flushed = (logger: Logger, withinMs = 1_000): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, withinMs);
    timer.unref();
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** A per-process key: the same chat hashes the same within a run, and no one can reverse it to an id. */
const KEY = randomBytes(32);

/** Ids hashed lately: a chat's updates come together, and an HMAC per log line is most of a line's cost. */
const hashed = new Map<number | string, string>();
const REMEMBERED = 10_000;

/** A short keyed hash of a chat or user id, so logs can follow one conversation without holding its id. */
export function hashId(id: number | string): string {
  let h = hashed.get(id);
  if (h === undefined) {
    h = createHmac('sha256', KEY).update(String(id)).digest('hex').slice(0, 12);
    // Bounded: when full, start over rather than track recency on every call.
    if (hashed.size >= REMEMBERED) hashed.clear();
    hashed.set(id, h);
  }
  return h;
}
