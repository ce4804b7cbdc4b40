import { randomBytes } from 'node:crypto';
import type { i18n as I18n } from 'i18next';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../observability/logger.js';
import type { CaseStore } from '../store/case-store.js';
import type { RedisClient } from '../store/redis-client.js';
import type { Front } from '../engine/ports.js';
import type { WebChatDeps } from './app.js';
import { initDataSecret } from './init-data.js';
import type { MiniAppDeps } from './mini-app.js';
import { translator } from '../i18n/index.js';
import { createWebFront } from './outbox.js';
import { loadAssets } from './page.js';
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

/** Made once, on first need: a bot that only ever serves Telegram never loads the bundler. */
const once = <A>(make: () => Promise<A>) => {
  let made: Promise<A> | null = null;
  return () => (made ??= make());
};

/**
 * The web fronts on PORT: the web chat (its outbox for the engine, unless `chat` is false) and the Telegram Mini
 * App (given the bot's token); then, given the engine, one request listener for the HTTP server.
 */
export async function createWebChatFront(opts: {
  redis: RedisClient | null;
  ttlSeconds: number;
  limits?: WebChatDeps['limits'];
  chat?: boolean;
  miniApp?: { token: string; authMaxAgeSeconds: number; limits?: MiniAppDeps['limits']; now?: () => number } | null;
}) {
  const chat = opts.chat ?? true;
  const transcript = opts.redis ? createRedisTranscript(opts.redis, { ttlSeconds: opts.ttlSeconds }) : createMemoryTranscript({ ttlSeconds: opts.ttlSeconds });
  const secret = await cookieSecret(opts.redis);
  const assets = once(loadAssets);
  const miniApp = opts.miniApp ?? null;
  return {
    front: (chat ? createWebFront(transcript) : null) as Front | null,
    listener(deps: { engine: Engine; store: CaseStore; i18n: I18n; logger: Logger }) {
      // The routes (and their framework) are loaded on the first web request: a bot that only serves Telegram keeps
      // them out of memory.
      let routes: Promise<(req: IncomingMessage, res: ServerResponse) => unknown> | null = null;
      const load = async () => {
        const [{ getRequestListener }, { createWebChat }, { createMiniApp }] = await Promise.all([
          import('@hono/node-server'),
          import('./app.js'),
          import('./mini-app.js'),
        ]);
        const appAssets = once(async () => (await import('./app-page.js')).loadAppAssets(translator(deps.i18n, 'zh-CN'), translator(deps.i18n, 'en')));
        const notFound = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        // Two apps, each with its own headers (the Mini App may be framed by Telegram Web; the chat never), by path.
        const app = miniApp
          ? getRequestListener(
              createMiniApp({ ...deps, secret: initDataSecret(miniApp.token), authMaxAgeSeconds: miniApp.authMaxAgeSeconds, assets: appAssets, ...(miniApp.limits ? { limits: miniApp.limits } : {}), ...(miniApp.now ? { now: miniApp.now } : {}) }).fetch,
            )
          : notFound;
        const chatApp = chat
          ? getRequestListener(createWebChat({ ...deps, transcript, assets, secret, ttlSeconds: opts.ttlSeconds, ...(opts.limits ? { limits: opts.limits } : {}) }).fetch)
          : notFound;
        return (req: IncomingMessage, res: ServerResponse) => (/^\/app(\/|$|\?)/.test(req.url ?? '') ? app : chatApp)(req, res);
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
