import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { freePort } from '../support/ports.js';
import { startBotProcess } from '../support/process.js';
import { webClient } from '../support/web.js';

const TOKEN = '123456:e2e-token-for-the-fake-bot-api';
const from = { id: 7301, is_bot: false, first_name: 'U', language_code: 'zh-hans' };
const chat = { id: 7301, type: 'private', first_name: 'U' };

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The bot with a token, on the fake Bot API: Telegram, and the web chat beside it unless WEB_CHAT=0. */
async function botWithToken(env: Record<string, string> = {}) {
  const api = await startFakeBotApi({ token: TOKEN });
  cleanups.push(() => api.stop());
  const port = await freePort();
  const bot = startBotProcess({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, PORT: String(port), ...env });
  cleanups.push(async () => {
    bot.child.kill('SIGTERM');
    await bot.exited;
  });
  await api.waitFor((c) => c.method === 'getUpdates');
  return { api, origin: `http://127.0.0.1:${port}` };
}

describe('Telegram and the web chat side by side, on one engine', () => {
  it('serves the web chat beside Telegram: each front answers its own people', async () => {
    const { api, origin } = await botWithToken();
    const web = webClient(origin);
    expect((await web.open()).status).toBe(200);
    expect((await web.say('/start')).status).toBe(200);
    expect((await web.events())[0]?.html).toContain('协商助手');

    api.pushUpdate({ message: { message_id: 1, date: 0, chat, from, text: '/start' } });
    const reply = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id);
    expect(reply.payload.text).toContain('协商助手');
    // The web conversation's replies never went to Telegram.
    expect(api.calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.chat_id)).toEqual([chat.id]);
  });

  it('WEB_CHAT=0 turns the web chat off; health and readiness stay', async () => {
    const { origin } = await botWithToken({ WEB_CHAT: '0' });
    expect((await fetch(`${origin}/`)).status).toBe(404);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });
});
