import { createEngine, type Engine } from '../../src/engine/engine.js';
import { frontsOutbox } from '../../src/engine/ports.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/observability/logger.js';
import type { CaseStore } from '../../src/store/case-store.js';
import type { RedisClient } from '../../src/store/redis-client.js';
import { createHttpServer } from '../../src/telegram/http-server.js';
import type { WebChatDeps } from '../../src/web/app.js';
import { createWebChatFront } from '../../src/web/index.js';

/**
 * The web chat as `npm start` serves it without a token, in this process: the real engine, flow, texts and HTTP
 * server on a free loopback port, over the store the test gives (memory, or a real redis-server).
 */
export async function startWebChat(store: CaseStore, opts: { redis?: RedisClient | null; limits?: WebChatDeps['limits'] } = {}) {
  const i18n = createI18n({ ttlDays: 90 });
  const logger = createLogger('silent');
  // A test walks faster than a person taps: the limits are the test's to set (their own test sets them low).
  const limits = opts.limits ?? { perConversation: { limit: 1000, windowMs: 1000 }, perAddress: { limit: 1000, windowMs: 1000 }, newPerAddress: { limit: 1000, windowMs: 1000 } };
  const web = await createWebChatFront({ redis: opts.redis ?? null, ttlSeconds: 3600, limits });
  const engine: Engine = createEngine({ store, outbox: frontsOutbox([web.front!]), i18n, clock: { now: () => Date.now() }, logger });
  const server = createHttpServer({ port: 0, host: '127.0.0.1', ready: () => store.ping(), logger, fallback: web.listener({ engine, store, i18n, logger }) });
  const { port } = await server.listen();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    engine,
    async close() {
      await engine.idle(2_000);
      await server.close();
    },
  };
}

/** A browser without a browser: keeps the conversation's cookie and posts inputs as the page does. */
export function webClient(origin: string, acceptLanguage = 'zh-CN,zh;q=0.9') {
  let cookie = '';
  let ids = Date.now() * 1000;
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${origin}${path}`, { ...init, headers: { 'accept-language': acceptLanguage, ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) } });
    const set = res.headers.getSetCookie();
    for (const line of set) {
      const pair = line.split(';')[0] ?? '';
      cookie = /Max-Age=0/i.test(line) ? '' : pair;
    }
    return res;
  };
  return {
    request,
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    nextId: () => ++ids,
    /** Opens the page: the first visit gets the conversation's cookie. */
    open: () => request('/'),
    post: (body: unknown, headers: Record<string, string> = {}) =>
      request('/chat/input', { method: 'POST', headers: { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin', ...headers }, body: JSON.stringify(body) }),
    say(text: string, id = ++ids) {
      return this.post({ id, text });
    },
    /** The event stream's backlog after `lastEventId`, read until its "ready" mark. */
    async events(lastEventId?: number): Promise<Array<{ seq: number; kind: string; html?: string; filename?: string; text?: string; buttons?: Array<Array<{ label: string; data: string }>> }>> {
      const controller = new AbortController();
      const res = await request('/chat/events', { signal: controller.signal, headers: lastEventId ? { 'last-event-id': String(lastEventId) } : {} });
      if (res.status !== 200 || !res.body) return [];
      const reader = res.body.getReader();
      let text = '';
      while (!text.includes('event: ready')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      controller.abort();
      return text
        .split('\n\n')
        .map((block) => block.split('\n').find((l) => l.startsWith('data: {'))?.slice('data: '.length))
        .filter((d): d is string => d !== undefined)
        .map((d) => JSON.parse(d) as never);
    },
  };
}

type Client = ReturnType<typeof webClient>;

/** Presses the newest button whose label contains `label`, as a tap on the page does. */
export async function pressOn(client: Client, label: string) {
  const withButtons = (await client.events()).filter((e) => e.buttons && e.buttons.length > 0);
  const button = withButtons.reverse().flatMap((e) => e.buttons!.flat()).find((b) => b.label.includes(label));
  if (!button) throw new Error(`no button "${label}"`);
  const res = await client.post({ id: client.nextId(), button: button.data });
  if (res.status !== 200) throw new Error(`press "${label}": ${res.status}`);
}

/** The conversation's bot messages as plain text, oldest first. */
export const textsOf = async (client: Client) =>
  (await client.events()).filter((e) => e.kind === 'msg').map((e) => (e.html ?? '').replace(/<[^>]+>/g, ''));
