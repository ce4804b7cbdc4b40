import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger.js';

export interface WebhookOptions {
  path: string;
  secret: string;
  /** Resolves once the update is committed (its replies may still be on their way), or handled without a commit. */
  onUpdate: (update: unknown) => Promise<void>;
  /**
   * Longest we keep Telegram waiting. An update not committed by then (waiting in its chat's lane behind a 429 or
   * another replica's lease) is answered 503 and goes on in the background: Telegram delivers it again, and the
   * redelivery is dropped as a repeat if it committed meanwhile, or applied if a stop or crash lost it.
   */
  timeoutMs?: number;
  maxBodyBytes?: number;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  ready: () => Promise<boolean>;
  webhook?: WebhookOptions;
  /** Every other path (the web chat): a node request listener. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => unknown;
  logger: Logger;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export const secretMatches = (given: string, expected: string): boolean => matchesDigest(given, digest(expected));

/** As `secretMatches`, with the expected secret's digest made once for the server's life, not per request. */
const matchesDigest = (given: string, expected: Buffer): boolean => timingSafeEqual(digest(given), expected);

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

const TEXT = { 'content-type': 'text/plain; charset=utf-8' } as const;

const send = (res: ServerResponse, status: number, body = '', headers?: Record<string, string>) => {
  res.writeHead(status, headers ? { ...TEXT, ...headers } : TEXT);
  res.end(body);
};

/** Listening and closing, the same for both servers; slow or idle clients cannot hold sockets open. */
function serve(server: Server, port: number, host: string) {
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  return {
    listen: () =>
      new Promise<{ port: number }>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve({ port: (server.address() as { port: number }).port }));
      }),
    /** Stops listening; answers already being written are flushed, and any connection left is cut after a second. */
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 1_000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/**
 * `/readyz` answers within this, whatever the store does: a probe that times out is a failed probe anyway, and a
 * frozen Redis must show as "not ready", not as a hung check (probes' own timeout is commonly 1 s).
 */
export const READY_TIMEOUT_MS = 800;

/** Whether `ready` said yes within `ms`; an error or no answer in time is a no. */
async function readyWithin(ready: () => Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([ready().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

const errName = (err: unknown) => (err instanceof Error ? err.name : typeof err);

/**
 * The public server in every Telegram mode: health and readiness, plus the webhook endpoint in webhook mode.
 * `drain` stops intake for a shutdown: new updates get 503 (Telegram delivers them again later, to whichever
 * replica is up), and the requests in flight are answered before the server closes.
 */
export function createHttpServer(opts: HttpServerOptions) {
  const { logger, webhook } = opts;
  const expectedSecret = webhook ? digest(webhook.secret) : null;
  let draining = false;
  /** Webhook requests not yet answered: each can be answered early, with a status, when a drain runs out of time. */
  const pending = new Map<Promise<void>, (status: number) => void>();

  async function handleWebhook(req: IncomingMessage, res: ServerResponse, hook: WebhookOptions) {
    if (req.method !== 'POST') return send(res, 405, 'method not allowed');
    const given = req.headers['x-telegram-bot-api-secret-token'];
    if (typeof given !== 'string' || given.length === 0) return send(res, 401, 'unauthorized');
    if (!matchesDigest(given, expectedSecret!)) return send(res, 403, 'forbidden');
    if (draining) return send(res, 503, 'shutting down', { 'retry-after': '5' });
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
    // 200 only once the update is committed, or over without one: a failure the engine has already told the user
    // about (a redelivery applied later would surprise them) is not delivered again.
    const handling = hook.onUpdate(update).catch((err: unknown) => {
      logger.error({ err: errName(err) }, 'webhook update failed');
    });
    const timeoutMs = hook.timeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    let answerEarly: (status: number) => void = () => {};
    pending.set(handling, (status) => answerEarly(status));
    const outcome = await Promise.race([
      handling.then(() => 200),
      new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs))),
      new Promise<number>((r) => (answerEarly = r)),
    ]);
    clearTimeout(timer);
    pending.delete(handling);
    // Past the timeout the update goes on in the background (a shutdown waits for it through the engine), and
    // Telegram is asked to deliver it again: never acknowledged before it is committed.
    if (outcome === 'timeout') {
      logger.warn({ timeoutMs }, 'webhook update not committed in time; answered 503 so Telegram delivers it again');
      return send(res, 503, 'not committed yet', { 'retry-after': '1' });
    }
    send(res, outcome);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      if (webhook && path === webhook.path) return handleWebhook(req, res, webhook);
      if (opts.fallback && path !== '/healthz' && path !== '/readyz') return opts.fallback(req, res);
      if (req.method !== 'GET') return send(res, 404, 'not found');
      if (path === '/healthz') return send(res, 200, 'ok');
      if (path === '/readyz') {
        const ready = !draining && (await readyWithin(opts.ready, READY_TIMEOUT_MS));
        return ready ? send(res, 200, 'ready') : send(res, 503, 'not ready');
      }
      return send(res, 404, 'not found');
    })().catch((err: unknown) => {
      logger.error({ err: errName(err) }, 'http handler failed');
      if (!res.headersSent) send(res, 500, 'error');
    });
  });
  const { listen, close } = serve(server, opts.port, opts.host ?? '0.0.0.0');

  return {
    listen,
    close,
    /**
     * Refuses new updates from now on and waits up to `graceMs` for the ones in flight to be answered; any still
     * running then are answered 503 so Telegram delivers them again. Resolves with whether all finished in time.
     */
    async drain(graceMs: number): Promise<boolean> {
      draining = true;
      let timer: NodeJS.Timeout | undefined;
      const all = Promise.allSettled([...pending.keys()]).then(() => true);
      const finished = await Promise.race([all, new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
      clearTimeout(timer);
      for (const answer of pending.values()) answer(503);
      return finished;
    },
  };
}

/**
 * Prometheus metrics on their own server (METRICS_HOST:METRICS_PORT, loopback by default), never on the public
 * port Telegram posts to.
 */
export function createMetricsServer(opts: {
  port: number;
  host: string;
  metrics: () => Promise<{ contentType: string; body: string }>;
  logger: Logger;
}) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') return send(res, 404, 'not found');
    opts
      .metrics()
      .then((m) => send(res, 200, m.body, { 'content-type': m.contentType }))
      .catch((err: unknown) => {
        opts.logger.error({ err: errName(err) }, 'metrics failed');
        send(res, 500, 'error');
      });
  });
  return serve(server, opts.port, opts.host);
}
