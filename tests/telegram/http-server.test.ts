import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { createHttpServer, createMetricsServer, secretMatches } from '../../src/telegram/http-server.js';

const post = (port: number, body = '{"update_id":1}') =>
  fetch(`http://127.0.0.1:${port}/hook`, {
    method: 'POST',
    headers: { 'x-telegram-bot-api-secret-token': 's3cret', 'content-type': 'application/json' },
    body,
  });

describe('the HTTP server', () => {
  it('answers Telegram within the timeout with a 503 (deliver again) when the update is not committed by then', async () => {
    let finished = false;
    const server = createHttpServer({
      port: 0,
      host: '127.0.0.1',
      ready: async () => false,
      logger: createLogger('silent'),
      webhook: {
        path: '/hook',
        secret: 's3cret',
        timeoutMs: 100,
        onUpdate: () => new Promise<void>((r) => setTimeout(() => ((finished = true), r()), 400)),
      },
    });
    const { port } = await server.listen();
    const res = await fetch(`http://127.0.0.1:${port}/hook`, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': 's3cret', 'content-type': 'application/json' },
      body: '{"update_id":1}',
    });
    // Answered while the update was still being handled, and not acknowledged: Telegram will deliver it again.
    expect(res.status).toBe(503);
    expect(finished).toBe(false);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': 's3cret' }, body: 'not json' })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 400));
    expect(finished).toBe(true);
    await server.close();
  });

  it('on a drain, answers the updates in flight, then refuses new ones with 503 so Telegram delivers them again', async () => {
    const finish: Array<() => void> = [];
    const server = createHttpServer({
      port: 0,
      host: '127.0.0.1',
      ready: async () => true,
      logger: createLogger('silent'),
      webhook: { path: '/hook', secret: 's3cret', onUpdate: () => new Promise<void>((r) => finish.push(r)) },
    });
    const { port } = await server.listen();
    const inFlight = [post(port), post(port)];
    while (finish.length < 2) await new Promise((r) => setTimeout(r, 10));
    const drained = server.drain(5_000);
    expect((await post(port)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    for (const f of finish) f();
    expect(await drained).toBe(true);
    expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual([200, 200]);
    expect(finish).toHaveLength(2);
    await server.close();
  });

  it('answers 503 to an update still running when the drain runs out of time', async () => {
    const server = createHttpServer({
      port: 0,
      host: '127.0.0.1',
      ready: async () => true,
      logger: createLogger('silent'),
      webhook: { path: '/hook', secret: 's3cret', onUpdate: () => new Promise<void>(() => {}) },
    });
    const { port } = await server.listen();
    const stuck = post(port);
    await new Promise((r) => setTimeout(r, 50));
    expect(await server.drain(50)).toBe(false);
    expect((await stuck).status).toBe(503);
    await server.close();
  });

  it('serves metrics only on the metrics server, never on the public one', async () => {
    const server = createHttpServer({ port: 0, host: '127.0.0.1', ready: async () => true, logger: createLogger('silent') });
    const metrics = createMetricsServer({
      port: 0,
      host: '127.0.0.1',
      metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'xs_updates_total 1\n' }),
      logger: createLogger('silent'),
    });
    const [pub, priv] = [await server.listen(), await metrics.listen()];
    expect((await fetch(`http://127.0.0.1:${pub.port}/metrics`)).status).toBe(404);
    const res = await fetch(`http://127.0.0.1:${priv.port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('xs_updates_total 1\n');
    expect((await fetch(`http://127.0.0.1:${priv.port}/healthz`)).status).toBe(404);
    await Promise.all([server.close(), metrics.close()]);
  });

  it('compares secrets whatever their lengths', () => {
    expect(secretMatches('abc', 'abc')).toBe(true);
    expect(secretMatches('abc', 'abcd')).toBe(false);
    expect(secretMatches('', 'abc')).toBe(false);
  });
});
