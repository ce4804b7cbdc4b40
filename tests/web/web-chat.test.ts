import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWebKey, WEB_KEYS_FROM } from '../../src/engine/ports.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { keyOf, newConversationId } from '../../src/web/identity.js';
import { pressOn, startWebChat, textsOf, webClient } from '../support/web.js';

const store = createMemoryStore({ ttlSeconds: 3600 });
let chat: Awaited<ReturnType<typeof startWebChat>>;
beforeAll(async () => {
  chat = await startWebChat(store);
});
afterAll(() => chat.close());

const idOf = (cookie: string) => decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';

describe('who is who, without accounts', () => {
  it('gives a first visit a random conversation id in a signed, HttpOnly, SameSite=Lax cookie, and the page in its language', async () => {
    const zh = webClient(chat.origin);
    const res = await zh.open();
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^xs_chat=[A-Za-z0-9_-]{22}\.[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    // 22 base64url characters: 128 random bits.
    expect(idOf(zh.cookie)).toHaveLength(22);
    expect(await res.text()).toContain('<html lang="zh-CN">');

    const en = webClient(chat.origin, 'en-US,en;q=0.9');
    expect(await (await en.open()).text()).toContain('<html lang="en">');
    expect(idOf(en.cookie)).not.toBe(idOf(zh.cookie));
  });

  it('marks the cookie Secure, with the __Host- prefix, behind TLS', async () => {
    const res = await webClient(chat.origin).request('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-xs_chat=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('keys a conversation where no Telegram chat can be (Telegram ids have at most 52 bits)', () => {
    for (let i = 0; i < 1000; i++) {
      const key = keyOf(newConversationId());
      expect(key).toBeGreaterThanOrEqual(WEB_KEYS_FROM);
      expect(Number.isSafeInteger(key)).toBe(true);
    }
    expect(isWebKey(2 ** 52 - 1)).toBe(false);
    expect(isWebKey(-(2 ** 52))).toBe(false);
  });

  it('refuses a cookie whose signature does not match (a guessed or edited id)', async () => {
    const c = webClient(chat.origin);
    await c.open();
    c.cookie = `xs_chat=${newConversationId()}.forged`;
    expect((await c.say('你好')).status).toBe(401);
  });
});

describe('the transport: POST in, server-sent events out', () => {
  it('answers /start on the event stream and stores the case under the conversation key', async () => {
    const c = webClient(chat.origin);
    await c.open();
    const res = await c.say('/start');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: 'handled', lang: 'zh-CN', seq: 1 });
    const [first] = await c.events();
    expect(first).toMatchObject({ seq: 1, kind: 'msg' });
    expect(first?.html).toContain('协商助手');
    expect(first?.buttons?.flat().map((b) => b.label)).toContain('开始 →');
    expect(await store.load(keyOf(idOf(c.cookie)))).not.toBeNull();
  });

  it('applies a retried POST once (same id), and a reconnect with Last-Event-ID gets only what it missed', async () => {
    const c = webClient(chat.origin);
    await c.open();
    await c.say('/start');
    await pressOn(c, '开始');
    const before = await c.events();
    const id = c.nextId();
    await pressOn(c, '同意，开始');
    const afterConsent = await c.events();
    const missed = await c.events(before.at(-1)!.seq);
    expect(missed.map((e) => e.seq)).toEqual(afterConsent.slice(before.length).map((e) => e.seq));
    expect(missed.some((e) => e.html?.includes('是哪个产品逾期了'))).toBe(true);

    // The same input sent twice (a retry after a lost answer) is applied once.
    const first = await c.say('5500', id + 100);
    const again = await c.say('5500', id + 100);
    expect(((await first.json()) as { outcome: string }).outcome).toBe('handled');
    expect(((await again.json()) as { outcome: string }).outcome).toBe('duplicate');
  });

  it('turns away a stream without a conversation (204: the browser stops retrying)', async () => {
    const res = await fetch(`${chat.origin}/chat/events`);
    expect(res.status).toBe(204);
  });
});

describe('safety', () => {
  it('refuses a state-changing request from another site, a form post and an oversize body, and applies nothing', async () => {
    const c = webClient(chat.origin);
    await c.open();
    expect((await c.post({ id: c.nextId(), text: '/start' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await c.post({ id: c.nextId(), text: '/start' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const form = await c.request('/chat/input', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: chat.origin }, body: 'text=/start' });
    expect(form.status).toBe(415);
    expect((await c.post({ id: c.nextId(), text: 'x'.repeat(20_000) })).status).toBe(413);
    expect((await c.post({ id: 12, text: '/start' })).status).toBe(400);
    expect(await c.events()).toEqual([]);
  });

  it('sends the security headers and a Content-Security-Policy that names no other origin', async () => {
    const res = await webClient(chat.origin).open();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await res.text();
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('answers too many inputs with 429 and Retry-After; the same input sent again later is applied, nothing lost', async () => {
    const limited = await startWebChat(createMemoryStore({ ttlSeconds: 3600 }), {
      limits: { perConversation: { limit: 2, windowMs: 1_000 }, perAddress: { limit: 100, windowMs: 1_000 }, newPerAddress: { limit: 100, windowMs: 1_000 } },
    });
    try {
      const c = webClient(limited.origin);
      await c.open();
      expect((await c.say('/start')).status).toBe(200);
      expect((await c.say('/help')).status).toBe(200);
      const id = c.nextId();
      const refused = await c.say('/privacy', id);
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, wait * 1000));
      expect((await c.say('/privacy', id)).status).toBe(200);
      expect((await textsOf(c)).some((t) => t.includes('90'))).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

/** A person who agreed, picked 花呗 and said how much is owed. */
async function withAmount(amount: string) {
  const c = webClient(chat.origin);
  await c.open();
  await c.say('/start');
  await pressOn(c, '开始');
  await pressOn(c, '同意，开始');
  await pressOn(c, '花呗');
  await c.say(amount);
  return c;
}

describe('documents and /delete', () => {
  it('offers the statement as a download that only its conversation can fetch; /delete forgets the case and the cookie', async () => {
    const c = await withAmount('5500');
    await c.say('45天');
    await pressOn(c, '失业');
    for (const answer of ['2026年8月', '3000', '2500', '0', '/statement']) await c.say(answer);
    await pressOn(c, '下一步：选择请求');
    await pressOn(c, '延期');
    await pressOn(c, '写说明');
    for (let i = 0; i < 3; i++) await pressOn(c, '跳过');
    const doc = (await c.events()).find((e) => e.kind === 'doc');
    expect(doc?.filename).toMatch(/\.docx$/);

    const mine = await c.request(`/chat/doc/${doc!.seq}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toContain('wordprocessingml');
    expect(mine.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect((await mine.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const stranger = webClient(chat.origin);
    await stranger.open();
    expect((await stranger.request(`/chat/doc/${doc!.seq}`)).status).toBe(404);
    expect(await stranger.events()).toEqual([]);

    const key = keyOf(idOf(c.cookie));
    await c.say('/delete');
    await pressOn(c, '删除');
    expect(await store.load(key)).toBeNull();
    expect(c.cookie).toBe('');
    expect((await c.request(`/chat/doc/${doc!.seq}`)).status).toBe(404);
  });

  it('"my data" (/export) sends the readable copy and the JSON as downloads of that conversation alone', async () => {
    const c = await withAmount('5500');
    await c.say('/export');
    const docs = (await c.events()).filter((e) => e.kind === 'doc');
    expect(docs.map((d) => d.filename)).toEqual([expect.stringMatching(/\.txt$/), expect.stringMatching(/\.json$/)]);
    const json = await c.request(`/chat/doc/${docs[1]!.seq}`);
    expect(json.headers.get('content-type')).toContain('application/json');
    const copy = JSON.parse(await json.text());
    expect(copy.schemaVersion).toBe(1);
    expect(JSON.stringify(copy)).toContain('"5500.00"');
    const text = await c.request(`/chat/doc/${docs[0]!.seq}`);
    expect(text.headers.get('content-type')).toContain('text/plain');
    const stranger = webClient(chat.origin);
    await stranger.open();
    expect((await stranger.request(`/chat/doc/${docs[1]!.seq}`)).status).toBe(404);
  });
});
