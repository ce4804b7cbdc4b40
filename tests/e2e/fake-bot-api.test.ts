import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api.js';

/** The fake Bot API the end-to-end tests rely on behaves as Telegram does where the bot's correctness depends on it. */
const TOKEN = '123456:fake-api-self-test-token';
let api: FakeBotApi;
afterEach(async () => api.stop());

const call = async (method: string, payload: Record<string, unknown> = {}) => {
  const res = await fetch(`${api.apiRoot}bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; description?: string; parameters?: { retry_after: number } } };
};
const ids = (r: { body: { result?: Array<{ update_id: number }> } }) => (r.body.result ?? []).map((u) => u.update_id);

describe('the fake Bot API', () => {
  it('delivers updates again until a later getUpdates confirms them with a higher offset', async () => {
    api = await startFakeBotApi({ token: TOKEN });
    const [a, b, c] = api.pushUpdates([{ x: 1 }, { x: 2 }, { x: 3 }]) as [number, number, number];
    expect(ids(await call('getUpdates', { timeout: 0 }))).toEqual([a, b, c]);
    expect(ids(await call('getUpdates', { timeout: 0 }))).toEqual([a, b, c]);
    expect(ids(await call('getUpdates', { offset: b, timeout: 0, limit: 1 }))).toEqual([b]);
    expect(api.unconfirmed()).toEqual([b, c]);
    // A lower offset afterwards cannot bring back what was confirmed.
    expect(ids(await call('getUpdates', { offset: a, timeout: 0 }))).toEqual([b, c]);
  });

  it('ends a waiting getUpdates with 409 when another one arrives, as Telegram does', async () => {
    api = await startFakeBotApi({ token: TOKEN });
    const first = call('getUpdates', { timeout: 2 });
    await new Promise((r) => setTimeout(r, 50));
    const second = call('getUpdates', { timeout: 0 });
    expect((await first).status).toBe(409);
    expect((await second).status).toBe(200);
  });

  it('refuses HTML Telegram cannot parse with 400 "can\'t parse entities", and keeps it aside', async () => {
    api = await startFakeBotApi({ token: TOKEN });
    const r = await call('sendMessage', { chat_id: 1, text: '<3 小明', parse_mode: 'HTML' });
    expect(r).toEqual({ status: 400, body: { ok: false, error_code: 400, description: "Bad Request: can't parse entities: Unclosed start tag at byte offset 0" } });
    expect(api.calls).toEqual([]);
    expect(api.refused.map((x) => x.call.payload.text)).toEqual(['<3 小明']);
    expect((await call('sendMessage', { chat_id: 1, text: '&lt;3 小明', parse_mode: 'HTML' })).status).toBe(200);
  });

  it('answers 429 for a method a number of times, and for a chat for a while', async () => {
    api = await startFakeBotApi({ token: TOKEN });
    api.limitMethod('sendMessage', 5, 1);
    expect((await call('sendMessage', { chat_id: 1, text: 'a' })).body).toMatchObject({ ok: false, parameters: { retry_after: 5 } });
    expect((await call('sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
    api.limitChat(2, 30);
    expect((await call('sendMessage', { chat_id: 2, text: 'b' })).body).toMatchObject({ ok: false, parameters: { retry_after: 30 } });
    expect((await call('sendMessage', { chat_id: 3, text: 'c' })).status).toBe(200);
  });

  it('holds a method\'s answers until released, or drops them as if never received', async () => {
    api = await startFakeBotApi({ token: TOKEN });
    const held = api.hold('sendMessage', (p) => p.chat_id === 1);
    const pending = call('sendMessage', { chat_id: 1, text: 'held' });
    expect((await call('sendMessage', { chat_id: 2, text: 'free' })).status).toBe(200);
    while (held.count() === 0) await new Promise((r) => setTimeout(r, 10));
    expect(api.sentTo(1)).toEqual([]);
    await held.release();
    expect((await pending).status).toBe(200);
    expect(api.sentTo(1).map((c) => c.payload.text)).toEqual(['held']);

    const dropped = api.hold('sendMessage');
    const lost = call('sendMessage', { chat_id: 3, text: 'lost' }).catch((err: unknown) => err);
    while (dropped.count() === 0) await new Promise((r) => setTimeout(r, 10));
    dropped.drop();
    expect(await lost).toBeInstanceOf(Error);
    expect(api.sentTo(3)).toEqual([]);
  });

  it('goes down (connections refused) and comes back on the same port', async () => {
    api = await startFakeBotApi({ token: TOKEN });
    await api.goDown();
    await expect(call('getMe')).rejects.toThrow();
    await api.comeUp();
    expect((await call('getMe')).body.result.username).toBe('xieshang_test_bot');
  });
});
