import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { createHttpServer, secretMatches } from '../../src/telegram/http-server.js';

describe('the HTTP server', () => {
  it('answers Telegram within the timeout even when handling an update takes longer', async () => {
    let finished = false;
    const server = createHttpServer({
      port: 0,
      host: '127.0.0.1',
      ready: async () => false,
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      logger: createLogger('silent'),
      webhook: {
        path: '/hook',
        secret: 's3cret',
        timeoutMs: 100,
        onUpdate: () => new Promise<void>((r) => setTimeout(() => ((finished = true), r()), 400)),
      },
    });
    const { port } = await server.listen();
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}/hook`, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': 's3cret', 'content-type': 'application/json' },
      body: '{"update_id":1}',
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(400);
    expect(finished).toBe(false);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': 's3cret' }, body: 'not json' })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 400));
    expect(finished).toBe(true);
    await server.close();
  });

  it('compares secrets whatever their lengths', () => {
    expect(secretMatches('abc', 'abc')).toBe(true);
    expect(secretMatches('abc', 'abcd')).toBe(false);
    expect(secretMatches('', 'abc')).toBe(false);
  });
});
