import { randomBytes } from 'node:crypto';
import type { i18n as I18n } from 'i18next';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../observability/logger.js';
import type { CaseStore } from '../store/case-store.js';
import type { RedisClient } from '../store/redis-client.js';
import type { WebChatDeps } from './app.js';
import { createWebFront } from './outbox.js';
import { loadAssets, type Assets } from './page.js';
import { createMemoryTranscript, createRedisTranscript } from './transcript.js';

/**
 * The cookie's signing key: kept in Redis, so every replica and every restart signs alike; without Redis the
 * conversations end with the process anyway, so a fresh key per process is enough.
 */
async function cookieSecret(redis: RedisClient | null): Promise<string> {
  const fresh = randomBytes(32).toString('base64url');
  if (!redis) return fresh;
  await redis.set('xs:web:secret', fresh, 'NX');
  return (await redis.get('xs:web:secret')) ?? fresh;
}

/** The web front: its outbox for the engine first, then (given the engine) the request listener for the HTTP server. */
export async function createWebChatFront(opts: { redis: RedisClient | null; ttlSeconds: number; limits?: WebChatDeps['limits'] }) {
  const transcript = opts.redis ? createRedisTranscript(opts.redis, { ttlSeconds: opts.ttlSeconds }) : createMemoryTranscript({ ttlSeconds: opts.ttlSeconds });
  const secret = await cookieSecret(opts.redis);
  // The page and its script are made on the first visit: a bot that only ever serves Telegram never loads the bundler.
  let made: Promise<Assets> | null = null;
  const assets = () => (made ??= loadAssets());
  return {
    front: createWebFront(transcript),
    listener(deps: { engine: Engine; store: CaseStore; i18n: I18n; logger: Logger }) {
      // The routes (and their framework) are loaded on the first web request: a bot that only serves Telegram keeps
      // them out of memory.
      let routes: Promise<(req: IncomingMessage, res: ServerResponse) => unknown> | null = null;
      const load = async () => {
        const [{ getRequestListener }, { createWebChat }] = await Promise.all([import('@hono/node-server'), import('./app.js')]);
        const app = createWebChat({ ...deps, transcript, assets, secret, ttlSeconds: opts.ttlSeconds, ...(opts.limits ? { limits: opts.limits } : {}) });
        return getRequestListener(app.fetch);
      };
      return (req: IncomingMessage, res: ServerResponse) => {
        routes ??= load();
        routes.then((handle) => handle(req, res)).catch((err: unknown) => {
          deps.logger.error({ err: err instanceof Error ? err.name : typeof err }, 'web chat could not start');
          routes = null;
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('error');
        });
      };
    },
  };
}
