import type { i18n as I18n } from 'i18next';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getSignedCookie, setSignedCookie, deleteCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import type { Lang } from '../domain/catalog.js';
import type { Engine, Outcome } from '../engine/engine.js';
import { typed, type Inbound } from '../engine/inbound.js';
import type { ChatKey } from '../engine/ports.js';
import { langFromTelegram, translator } from '../i18n/index.js';
import type { Logger } from '../observability/logger.js';
import type { CaseStore } from '../store/case-store.js';
import { isConversationId, keyOf, newConversationId } from './identity.js';
import { CSP, addressOf, isSecure, sameOrigin, serveAsset } from './http.js';
import { createLimiter } from './limits.js';
import { callbackIdOf } from './outbox.js';
import { renderPage, type Assets } from './page.js';
import type { Transcript, WebEvent } from './transcript.js';

export interface WebChatDeps {
  engine: Engine;
  store: CaseStore;
  transcript: Transcript;
  i18n: I18n;
  logger: Logger;
  /** The page's style and script, made on first need. */
  assets: () => Promise<Assets>;
  /** Signs the conversation cookie. */
  secret: string;
  /** How long an idle conversation is kept (the case's TTL): the cookie lives as long. */
  ttlSeconds: number;
  /** A comment line on each open event stream this often, so proxies and phones keep it open. */
  heartbeatMs?: number;
  /** Inputs per conversation and per address: over them a POST is refused with 429 before the engine sees it. */
  limits?: { perConversation: { limit: number; windowMs: number }; perAddress: { limit: number; windowMs: number }; newPerAddress: { limit: number; windowMs: number } };
}

const DEFAULT_LIMITS = {
  perConversation: { limit: 6, windowMs: 5_000 },
  perAddress: { limit: 120, windowMs: 60_000 },
  newPerAddress: { limit: 30, windowMs: 600_000 },
};

/** Enough for the longest answer we read (2,000 characters of CJK in UTF-8) and the JSON around it. */
export const MAX_BODY_BYTES = 8 * 1024;
/** Client ids: the page's clock in ms times 1000 plus a counter; anything else is refused. */
const MIN_INPUT_ID = 1e15;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A document's type by its name: the statement and letters are .docx; the copy of one's data (/export) .txt and .json. */
const typeOfFile = (filename: string): string =>
  filename.endsWith('.json') ? 'application/json; charset=utf-8' : filename.endsWith('.txt') ? 'text/plain; charset=utf-8' : DOCX;

const cookieName = (secure: boolean) => (secure ? '__Host-xs_chat' : 'xs_chat');

/** The browser's first language: zh* gets Chinese, anything else English, as Telegram's language_code does. */
const browserLang = (c: Context): string | undefined => c.req.header('accept-language')?.split(',')[0]?.split(';')[0]?.trim() || undefined;

/** "Statement.docx" as a download name, with an ASCII fallback for old browsers. */
const disposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * The web chat: the page, its event stream and its inputs, on the bot's own HTTP server. It builds the engine's
 * input from a POST and reads replies from the transcript the web outbox writes; the flow and the texts come only
 * through the engine and the translator.
 */
export function createWebChat(deps: WebChatDeps) {
  const { engine, store, transcript, i18n, logger, assets, secret } = deps;
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const perConversation = createLimiter(limits.perConversation);
  const perAddress = createLimiter(limits.perAddress);
  const newPerAddress = createLimiter(limits.newPerAddress);
  const app = new Hono();

  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'no-referrer', crossOriginResourcePolicy: 'same-origin' }));

  const conversationOf = async (c: Context): Promise<ChatKey | null> => {
    for (const name of [cookieName(true), cookieName(false)]) {
      const id = await getSignedCookie(c, secret, name);
      if (typeof id === 'string' && isConversationId(id)) return keyOf(id);
    }
    return null;
  };

  const remember = (c: Context, id: string) => {
    const secure = isSecure(c);
    return setSignedCookie(c, cookieName(secure), id, secret, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: deps.ttlSeconds });
  };

  /** A new conversation whose key no case has (a 2^-52 chance per live case, checked all the same). */
  async function newConversation(): Promise<string> {
    for (;;) {
      const id = newConversationId();
      if ((await store.load(keyOf(id))) === null) return id;
    }
  }

  const langOf = async (c: Context, key: ChatKey | null): Promise<Lang> =>
    (key !== null ? (await store.loadPrefs(key))?.lang : undefined) ?? langFromTelegram(browserLang(c));

  const page = async (c: Context) => {
    let key = await conversationOf(c);
    if (key === null) {
      const wait = newPerAddress.take(addressOf(c));
      if (wait > 0) {
        c.header('retry-after', String(wait));
        return c.text('too many new conversations', 429);
      }
      const id = await newConversation();
      await remember(c, id);
      key = keyOf(id);
    }
    const lang = await langOf(c, key);
    c.header('cache-control', 'no-store');
    c.header('vary', 'cookie, accept-language');
    return c.html(renderPage(lang, translator(i18n, lang), await assets()));
  };
  app.get('/', page);
  app.get('/chat', page);
  app.get('/chat/', page);
  app.get('/chat/app.css', async (c) => serveAsset(c, (await assets()).css));
  app.get('/chat/app.js', async (c) => serveAsset(c, (await assets()).js));

  app.get('/chat/events', async (c) => {
    const key = await conversationOf(c);
    // 204 ends EventSource's reconnecting: without a conversation there is nothing to follow.
    if (key === null) return c.body(null, 204);
    const header = Number(c.req.header('last-event-id') ?? 0);
    let last = Number.isSafeInteger(header) && header > 0 ? header : 0;
    // Proxies (nginx) must pass each event through at once.
    c.header('x-accel-buffering', 'no');
    c.header('cache-control', 'no-cache, no-transform');
    return streamSSE(c, async (stream) => {
      const waiting: WebEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = transcript.subscribe(key, (e) => {
        waiting.push(e);
        wake?.();
      });
      stream.onAbort(() => wake?.());
      const write = async (e: WebEvent) => {
        if (e.seq <= last) return;
        last = e.seq;
        await stream.writeSSE({ id: String(e.seq), data: JSON.stringify(e) });
      };
      try {
        // Subscribed first, then the backlog: an event written in between arrives twice and is written once.
        for (const e of await transcript.since(key, last)) await write(e);
        await stream.writeSSE({ event: 'ready', data: '' });
        while (!stream.aborted) {
          while (waiting.length > 0) await write(waiting.shift()!);
          const beat = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = null;
          if (beat && !stream.aborted) await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });

  app.post('/chat/input', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('too large', 413) }), async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.text('unsupported media type', 415);
    const key = await conversationOf(c);
    if (key === null) return c.text('no conversation', 401);
    for (const [limiter, bucket] of [
      [perConversation, String(key)],
      [perAddress, addressOf(c)],
    ] as const) {
      const wait = limiter.take(bucket);
      if (wait > 0) {
        c.header('retry-after', String(wait));
        return c.text('too many requests', 429);
      }
    }
    const body = await c.req.json<unknown>().catch(() => null);
    const input = readInput(body, key);
    if (!input) return c.text('bad request', 400);
    const inbound: Inbound = { chatId: key, userId: key, updateId: input.id, languageCode: browserLang(c), input: input.input, paced: true };
    const outcome: Outcome = await engine.handle(inbound);
    // Nothing moved and nothing could be said: the page sends the same input again later.
    if (outcome === 'unavailable') return c.text('store unavailable', 503, { 'retry-after': '5' });
    if (outcome === 'deleted') {
      // The goodbye has reached any open page already; then the device forgets the conversation too.
      await transcript.clear(key);
      for (const secure of [true, false]) deleteCookie(c, cookieName(secure), { path: '/', secure });
      return c.json({ outcome, lang: langFromTelegram(browserLang(c)), seq: 0 });
    }
    // The page shows "typing…" until it has shown the turn's replies, up to `seq`.
    const [lang, seq] = await Promise.all([langOf(c, key), transcript.last(key)]);
    return c.json({ outcome, lang, seq });
  });

  app.get('/chat/doc/:seq', async (c) => {
    const key = await conversationOf(c);
    const seq = Number(c.req.param('seq'));
    if (key === null || !Number.isSafeInteger(seq) || seq < 1) return c.text('not found', 404);
    const [bytes, event] = await Promise.all([transcript.doc(key, seq), transcript.since(key, seq - 1).then((es) => es[0])]);
    if (!bytes || event?.kind !== 'doc') return c.text('not found', 404);
    c.header('content-type', typeOfFile(event.filename));
    c.header('content-disposition', disposition(event.filename));
    c.header('cache-control', 'private, no-store');
    return c.body(new Uint8Array(bytes));
  });

  app.onError((err, c) => {
    logger.error({ err: err.name }, 'web chat request failed');
    return c.text('error', 500);
  });

  return app;
}

/** `{ id, text }` or `{ id, button }`: a well-formed input, or null. */
function readInput(body: unknown, key: ChatKey): { id: number; input: Inbound['input'] } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { id, text, button } = body as { id?: unknown; text?: unknown; button?: unknown };
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < MIN_INPUT_ID) return null;
  if (typeof text === 'string' && button === undefined && text.trim().length > 0) return { id, input: typed(text.trim()) };
  if (typeof button === 'string' && text === undefined && button.length > 0 && button.length <= 64) {
    return { id, input: { kind: 'button', data: button, callbackId: callbackIdOf(key, id) } };
  }
  return null;
}
