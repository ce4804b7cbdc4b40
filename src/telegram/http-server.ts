import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger.js';

export interface WebhookOptions {
  path: string;
  secret: string;
  onUpdate: (update: unknown) => Promise<void>;
  /** Longest we keep Telegram waiting; the update goes on being handled after the reply. */
  timeoutMs?: number;
  maxBodyBytes?: number;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  ready: () => Promise<boolean>;
  metrics: () => Promise<{ contentType: string; body: string }>;
  webhook?: WebhookOptions;
  logger: Logger;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export const secretMatches = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Health, readiness and metrics in every Telegram mode, plus the webhook endpoint in webhook mode. */
export function createHttpServer(opts: HttpServerOptions) {
  const { logger, webhook } = opts;
  const send = (res: ServerResponse, status: number, body = '', type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };

  async function handleWebhook(req: IncomingMessage, res: ServerResponse, hook: WebhookOptions) {
    if (req.method !== 'POST') return send(res, 405, 'method not allowed');
    const given = req.headers['x-telegram-bot-api-secret-token'];
    if (typeof given !== 'string' || given.length === 0) return send(res, 401, 'unauthorized');
    if (!secretMatches(given, hook.secret)) return send(res, 403, 'forbidden');
    const limit = hook.maxBodyBytes ?? 1024 * 1024;
    // Refuse a declared oversize body before reading it; a body that lies about its size is cut off while read.
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      res.setHeader('connection', 'close');
      return send(res, 413, 'too large');
    }
    let update: unknown;
    try {
      update = JSON.parse((await readBody(req, limit)).toString('utf8'));
    } catch (err) {
      return err instanceof BodyTooLarge ? send(res, 413, 'too large') : send(res, 400, 'bad request');
    }
    // Answer 200 even when handling fails or runs long: the engine has told the user what it could, and a non-2xx
    // would make Telegram redeliver the same update (which the engine would then drop as a repeat anyway).
    const handling = hook.onUpdate(update).catch((err: unknown) => {
      logger.error({ err: err instanceof Error ? err.name : typeof err }, 'webhook update failed');
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), hook.timeoutMs ?? 10_000)));
    if ((await Promise.race([handling.then(() => 'done' as const), timedOut])) === 'timeout') {
      logger.warn({ timeoutMs: hook.timeoutMs ?? 10_000 }, 'webhook update still running; answered Telegram early');
    }
    clearTimeout(timer);
    send(res, 200, 'ok');
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      if (webhook && path === webhook.path) return handleWebhook(req, res, webhook);
      if (req.method !== 'GET') return send(res, 404, 'not found');
      if (path === '/healthz') return send(res, 200, 'ok');
      if (path === '/readyz') return (await opts.ready().catch(() => false)) ? send(res, 200, 'ready') : send(res, 503, 'not ready');
      if (path === '/metrics') {
        const m = await opts.metrics();
        return send(res, 200, m.body, m.contentType);
      }
      return send(res, 404, 'not found');
    })().catch((err: unknown) => {
      logger.error({ err: err instanceof Error ? err.name : typeof err }, 'http handler failed');
      if (!res.headersSent) send(res, 500, 'error');
    });
  });
  // Slow or idle clients cannot hold sockets open.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  return {
    listen: () =>
      new Promise<{ port: number }>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve({ port: (server.address() as { port: number }).port }));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
