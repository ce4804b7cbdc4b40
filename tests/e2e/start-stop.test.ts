import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { freePort } from '../support/ports.js';
import { startBotProcess, type BotProcess } from '../support/process.js';
import { startRedis } from '../support/redis.js';

const TOKEN = '123456:e2e-token-for-the-fake-bot-api';
const user = { id: 7101, is_bot: false, first_name: 'U', language_code: 'zh-hans' };
const chat = { id: 7101, type: 'private', first_name: 'U' };
const startMessage = { message: { message_id: 1, date: 0, chat, from: user, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } };

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const launch = async (env: Record<string, string>): Promise<BotProcess> => {
  const bot = startBotProcess({ PORT: String(await freePort()), LOG_LEVEL: 'info', ...env });
  cleanups.push(() => bot.signal('SIGKILL'));
  return bot;
};

describe('starting and stopping the real process', () => {
  it('starts polling with Telegram unreachable, retries with honest logs, and answers once Telegram is back', async () => {
    const api = await startFakeBotApi({ token: TOKEN });
    cleanups.push(() => api.stop());
    await api.goDown();
    const bot = await launch({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
    await bot.waitForOutput(/Telegram unreachable, retrying in \d+(\.\d)? s/);
    await bot.waitForOutput(/Telegram unreachable, retrying in \d+(\.\d)? s[\s\S]*Telegram unreachable, retrying in/);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.messages()).not.toContain('bot started');

    await api.comeUp();
    api.pushUpdate(startMessage);
    const reply = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id, 40_000);
    expect(reply.payload.text).toContain('协商助手');
    // The log comes through a pipe and the reply over HTTP: on a busy machine either can be read first.
    await bot.waitForOutput(/bot started/);
    const log = bot.messages();
    const lastRetry = log.findLastIndex((m) => m.startsWith('Telegram unreachable, retrying in'));
    expect(lastRetry).toBeGreaterThan(0);
    expect(log.indexOf('bot started')).toBeGreaterThan(lastRetry);
    expect(log).not.toContain('polling stopped');

    expect(await bot.signal('SIGTERM')).toBe(0);
    expect(bot.messages().slice(-2)).toEqual(['shutting down', 'stopped']);
    // Everything handled was confirmed on the way out: a restart would get nothing again.
    expect(api.unconfirmed()).toEqual([]);
  }, 60_000);

  it('stops with one clear line when Telegram refuses the token', async () => {
    const api = await startFakeBotApi({ token: TOKEN });
    cleanups.push(() => api.stop());
    const bot = await launch({ TELEGRAM_BOT_TOKEN: '999999:a-token-telegram-does-not-know', TELEGRAM_API_ROOT: api.apiRoot });
    expect(await bot.exited).toBe(1);
    expect(bot.errors().trim()).toBe('Start-up failed: Telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN');
    expect(bot.messages()).not.toContain('bot started');
  });

  it('a SIGTERM while Telegram is still unreachable ends the retries and exits cleanly', async () => {
    const api = await startFakeBotApi({ token: TOKEN });
    cleanups.push(() => api.stop());
    await api.goDown();
    const bot = await launch({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
    await bot.waitForOutput('Telegram unreachable, retrying in');
    expect(await bot.signal('SIGTERM')).toBe(0);
    expect(bot.messages()).not.toContain('bot started');
  });

  it('stops with one clear line when the Redis database in REDIS_URL cannot be selected', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const bot = await launch({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9/', REDIS_URL: `${redis.url}/99` });
    expect(await bot.exited).toBe(1);
    expect(bot.errors().trim().split('\n')).toEqual([expect.stringMatching(/^Start-up failed: Redis database 99 cannot be selected: .*DB index is out of range/)]);
  });

  it('webhook: a SIGTERM answers the requests in flight, refuses new ones with 503, and exits 0', async () => {
    const api = await startFakeBotApi({ token: TOKEN });
    cleanups.push(() => api.stop());
    const port = await freePort();
    const secret = 'e2e_secret-123';
    const bot = await launch({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: 'https://bot.example.org/hook',
      WEBHOOK_SECRET: secret,
      PORT: String(port),
    });
    await bot.waitForOutput('bot started');
    const post = (update: Record<string, unknown>) =>
      fetch(`http://127.0.0.1:${port}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(api.makeUpdate(update)),
      });
    const held = api.hold('sendMessage');
    const inFlight = [7201, 7202, 7203].map((id) =>
      post({ message: { message_id: 1, date: 0, chat: { id, type: 'private', first_name: 'U' }, from: { id, is_bot: false, first_name: 'U' }, text: '/help' } }),
    );
    while (held.count() < 3) await new Promise((r) => setTimeout(r, 20));

    const exit = bot.signal('SIGTERM');
    await bot.waitForOutput('shutting down');
    expect((await post(startMessage)).status).toBe(503);
    await held.release();
    expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await exit).toBe(0);
    expect(api.calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.chat_id).sort()).toEqual([7201, 7202, 7203]);
  });
});
