import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { freePort } from '../support/ports.js';
import { startBotProcess } from '../support/process.js';
import { startRedis } from '../support/redis.js';

const TOKEN = '123456:e2e-token-for-the-fake-bot-api';
const user = { id: 7001, is_bot: false, first_name: 'U', language_code: 'zh-hans' };
const chat = { id: 7001, type: 'private', first_name: 'U' };
const startMessage = { message: { message_id: 1, date: 0, chat, from: user, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } };

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the real bot process against a fake Bot API', () => {
  it('long polling: answers /start and registers its commands in both languages', async () => {
    const api = await startFakeBotApi({ token: TOKEN });
    cleanups.push(() => api.stop());
    const bot = startBotProcess({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, PORT: String(await freePort()) });
    cleanups.push(async () => {
      bot.child.kill('SIGTERM');
      await bot.exited;
    });
    api.pushUpdate(startMessage);
    const reply = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id);
    expect(reply.payload.text).toContain('协商助手');
    expect(reply.payload.parse_mode).toBe('HTML');
    const menus = api.calls.filter((c) => c.method === 'setMyCommands');
    expect(menus.map((c) => c.payload.language_code ?? 'default').sort()).toEqual(['default', 'en']);
    expect(menus[0]?.payload.commands.map((c: { command: string }) => c.command)).toEqual([
      'start', 'checklist', 'statement', 'language', 'privacy', 'reminders', 'export', 'delete', 'help',
    ]);
  });

  it('webhook: sets the webhook with its secret, refuses requests without it, answers with it', async () => {
    const api = await startFakeBotApi({ token: TOKEN });
    cleanups.push(() => api.stop());
    const port = await freePort();
    const metricsPort = await freePort();
    const bot = startBotProcess({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      WEBHOOK_SECRET: 'e2e_secret-123',
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
    });
    cleanups.push(async () => {
      bot.child.kill('SIGTERM');
      await bot.exited;
    });
    await api.waitFor((c) => c.method === 'setWebhook');
    expect(api.webhook).toEqual({ url: 'https://bot.example.org/telegram/hook', secret: 'e2e_secret-123' });
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const post = (headers: Record<string, string>, body = JSON.stringify(api.makeUpdate(startMessage))) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(403);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: 'POST' })).status).toBe(404);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'e2e_secret-123' }, 'x'.repeat(2 * 1024 * 1024))).status).toBe(413);
    expect(api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);

    expect((await post({ 'x-telegram-bot-api-secret-token': 'e2e_secret-123' })).status).toBe(200);
    const reply = await api.waitFor((c) => c.method === 'sendMessage');
    expect(reply.payload.text).toContain('协商助手');

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    // Metrics are not on the public port Telegram posts to, only on the loopback metrics port.
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toContain('xs_updates_total');
  });

  it('keeps a case across a restart of the bot process when Redis is used', async () => {
    const api = await startFakeBotApi({ token: TOKEN });
    cleanups.push(() => api.stop());
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const env = async () => ({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, REDIS_URL: redis.url, PORT: String(await freePort()) });
    const stop = async (bot: ReturnType<typeof startBotProcess>) => {
      bot.child.kill('SIGTERM');
      return bot.exited;
    };

    const first = startBotProcess(await env());
    api.pushUpdate(startMessage);
    const intro = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('协商助手'));
    const startButton = intro.payload.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text.includes('开始'));
    expect(await stop(first)).toBe(0);

    const second = startBotProcess(await env());
    cleanups.push(() => stop(second));
    api.pushUpdate({ callback_query: { id: 'cb1', from: user, chat_instance: 'c', data: startButton.callback_data, message: { message_id: 1, date: 0, chat } } });
    const consent = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('征得你的同意'));
    expect(consent.payload.chat_id).toBe(chat.id);
  });
});

