import type { i18n as I18n } from 'i18next';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Lang } from '../domain/catalog.js';
import type { Engine } from '../engine/engine.js';
import { todayIn } from '../engine/clock.js';
import { freshUpdateId, MAX_INPUT_CHARS, type Inbound } from '../engine/inbound.js';
import { langFromTelegram, translator } from '../i18n/index.js';
import type { Logger } from '../observability/logger.js';
import { caseView, storedLang } from '../render/case-view.js';
import type { CaseStore } from '../store/case-store.js';
import { createAppSessions } from './app-sessions.js';
import { CSP, addressOf, sameOrigin, serveAsset } from './http.js';
import { checkInitData } from './init-data.js';
import { createLimiter } from './limits.js';
import type { AppAssets } from './app-page.js';

export interface MiniAppDeps {
  engine: Engine;
  store: CaseStore;
  i18n: I18n;
  logger: Logger;
  /** HMAC("WebAppData", bot token): the key Telegram signs this bot's launch data with. */
  secret: Buffer;
  authMaxAgeSeconds: number;
  assets: () => Promise<AppAssets>;
  now?: () => number;
  /** Changes per person and session exchanges per address: over them a request is refused with 429. */
  limits?: { perUser: { limit: number; windowMs: number }; perAddress: { limit: number; windowMs: number } };
}

const DEFAULT_LIMITS = { perUser: { limit: 20, windowMs: 10_000 }, perAddress: { limit: 60, windowMs: 60_000 } };
/** Launch data is a few hundred bytes; an edit at most the longest answer read. */
const MAX_BODY_BYTES = 12 * 1024;

/**
 * Telegram's clients show a Mini App in their own web view, and Telegram Web in an iframe of web.telegram.org:
 * only there may the page be framed. Its style and script are inline, allowed by their hashes (known once built).
 */
const appCsp = (hashes: () => { css: string; js: string; early: string } | null) => {
  const source = (kind: 'css' | 'js' | 'early') => () => {
    const h = hashes();
    return h ? `'sha256-${h[kind]}'` : "'none'";
  };
  return { ...CSP, scriptSrc: ["'self'", source('early'), source('js')], styleSrc: ["'self'", source('css')], frameAncestors: ["'self'", 'https://web.telegram.org'] };
};

/**
 * The Telegram Mini App: one page over the person's own case. Who they are comes only from Telegram's signed
 * launch data, exchanged once for a session token; every change is an event the engine applies at the version the
 * page saw, exactly as an answer in the chat, and the chat's checklist follows.
 */
export function createMiniApp(deps: MiniAppDeps) {
  const { engine, store, i18n, logger, assets } = deps;
  const sessions = createAppSessions(store);
  const now = deps.now ?? Date.now;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const perUser = createLimiter(limits.perUser);
  const perAddress = createLimiter(limits.perAddress);
  const app = new Hono();

  let built: AppAssets | null = null;
  const ready = async () => (built = await assets());
  const headers = secureHeaders({
    contentSecurityPolicy: appCsp(() => (built ? { css: built.css.sha256, js: built.js.sha256, early: built.early.sha256 } : null)),
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    xFrameOptions: false,
  });
  // The page's hashes are in its CSP, so the page is built before its headers are.
  app.use('/app', async (_c, next) => {
    await ready();
    await next();
  });
  app.use('/app', headers);
  app.use('/app/*', headers);
  // The case comes as JSON of several KB: compressed, it is fewer packets on a slow network.
  app.use('/app/api/*', compress());

  const tooMany = (c: Context, wait: number) => {
    c.header('retry-after', String(wait));
    return c.json({ error: 'too many requests' }, 429);
  };

  /** The person's case as stored now, in their language (no view: none yet, or one this version cannot read). */
  async function viewOf(userId: number, languageCode?: string) {
    const stored = await store.load(userId);
    const lang: Lang = storedLang(stored) ?? (await store.loadPrefs(userId))?.lang ?? langFromTelegram(languageCode);
    return { lang, view: caseView(stored, (l) => translator(i18n, l), todayIn(now())) };
  }

  // The same for everyone (who is looking is known only from the launch data): compressed once, checked each time.
  app.get('/app', async (c) => serveAsset(c, (await ready()).page, 'no-cache'));

  /** A JSON POST from our own page; anything else is refused before it is read. */
  const guardPost = (c: Context) => {
    if (!sameOrigin(c)) return c.json({ error: 'forbidden' }, 403);
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.json({ error: 'unsupported media type' }, 415);
    return null;
  };
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'too large' }, 413) });

  /** The user a request's bearer token is for, its session's expiry moved on; null: 401. */
  const userOf = async (c: Context): Promise<number | null> => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    return token ? sessions.resolve(token) : null;
  };

  app.post('/app/api/session', limit, async (c) => {
    const refused = guardPost(c);
    if (refused) return refused;
    const wait = perAddress.take(addressOf(c));
    if (wait > 0) return tooMany(c, wait);
    const body = await c.req.json<{ initData?: unknown }>().catch(() => null);
    const raw = typeof body?.initData === 'string' ? body.initData : '';
    const checked = checkInitData(raw, deps.secret, { maxAgeSeconds: deps.authMaxAgeSeconds, nowMs: now() });
    if (!checked.ok) {
      // Why, never what: the launch data names the person.
      logger.info({ event: 'app_auth_refused', reason: checked.reason }, 'mini app launch refused');
      return c.json({ error: 'unauthorized' }, 401);
    }
    const token = await sessions.open(checked.user.id);
    const { lang, view } = await viewOf(checked.user.id, checked.user.languageCode);
    return c.json({ token, lang, ui: uiStrings(i18n, lang), view });
  });

  app.get('/app/api/case', async (c) => {
    const userId = await userOf(c);
    if (userId === null) return c.json({ error: 'unauthorized' }, 401);
    c.header('cache-control', 'no-store');
    return c.json(await viewOf(userId));
  });

  /** One input to the engine for this person's own chat, made against `version` if given; then the case as it is now. */
  async function apply(c: Context, userId: number, version: number | undefined, input: Extract<Inbound['input'], { kind: 'pageEdit' | 'pageSend' | 'pageReminder' }>) {
    const { outcome, reason } = await engine.handlePage({ chatId: userId, userId, updateId: freshUpdateId(), paced: true, ...(version === undefined ? {} : { expectedVersion: version }), input });
    const { lang, view } = await viewOf(userId);
    if (outcome === 'handled') return c.json({ lang, view });
    // What the chat would say to this answer, under the field; the case as it is (unchanged).
    if (outcome === 'refused') return c.json({ refused: true, message: refusal(i18n, lang, reason ?? 'page.field'), lang, view }, 422);
    if (outcome === 'error') return c.json({ error: 'error', lang, view }, 500);
    // The chat moved meanwhile: the fresh case, and nothing of this change applied.
    if (outcome === 'conflict') return c.json({ conflict: true, message: translator(i18n, lang)('app.conflict'), lang, view }, 409);
    // The store is down, the chat busy, or it owed a reply first: nothing applied, and the same tap will do.
    return c.json({ error: 'unavailable', message: translator(i18n, lang)('app.retry'), lang, view }, 503, { 'retry-after': '5' });
  }

  /** A change's body: the field, what was typed, the debt it is about, and the version the page showed (if any). */
  const readChange = async (c: Context) => {
    const body = await c.req.json<Record<string, unknown>>().catch(() => null);
    if (body === null || typeof body !== 'object') return null;
    const version = body.version;
    if (version !== undefined && (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)) return null;
    const debt = body.debt === null || body.debt === undefined ? null : body.debt;
    if (debt !== null && (typeof debt !== 'number' || !Number.isSafeInteger(debt) || debt < 0)) return null;
    return { version: version as number | undefined, debt, field: body.field, text: body.text };
  };

  const authorised = async (c: Context) => {
    const refused = guardPost(c);
    if (refused) return { refused };
    const userId = await userOf(c);
    if (userId === null) return { refused: c.json({ error: 'unauthorized' }, 401) };
    const wait = perUser.take(String(userId));
    if (wait > 0) return { refused: tooMany(c, wait) };
    return { userId };
  };

  app.post('/app/api/edit', limit, async (c) => {
    const who = await authorised(c);
    if ('refused' in who) return who.refused;
    const change = await readChange(c);
    if (!change || change.version === undefined || typeof change.field !== 'string' || change.field.length > 32 || typeof change.text !== 'string' || change.text.length > MAX_INPUT_CHARS) {
      return c.json({ error: 'bad request' }, 400);
    }
    return apply(c, who.userId, change.version, { kind: 'pageEdit', field: change.field, debt: change.debt, text: change.text });
  });

  app.post('/app/api/send', limit, async (c) => {
    const who = await authorised(c);
    if ('refused' in who) return who.refused;
    const change = await readChange(c);
    if (!change || change.version === undefined || change.debt === null) return c.json({ error: 'bad request' }, 400);
    return apply(c, who.userId, change.version, { kind: 'pageSend', debt: change.debt });
  });

  app.post('/app/api/reminder', limit, async (c) => {
    const who = await authorised(c);
    if ('refused' in who) return who.refused;
    const change = await readChange(c);
    const key = change?.text;
    if (!change || typeof change.field !== 'string' || change.field.length > 4 || typeof key !== 'string' || key.length > 32) return c.json({ error: 'bad request' }, 400);
    // A choice names its reminder by key, so it means the same in any version of the case (a reminder sent meanwhile
    // is no conflict); one the case no longer calls for is refused.
    return apply(c, who.userId, undefined, { kind: 'pageReminder', action: change.field, key });
  });

  /** A copy of everything kept, as /export makes it: sent to the chat, where Telegram keeps the files. */
  app.post('/app/api/export', limit, async (c) => {
    const who = await authorised(c);
    if ('refused' in who) return who.refused;
    const outcome = await engine.handle({ chatId: who.userId, userId: who.userId, updateId: freshUpdateId(), paced: true, input: { kind: 'command', command: 'export' } });
    return outcome === 'exported' ? c.json({ ok: true }) : c.json({ error: outcome }, 503);
  });

  /**
   * Everything deleted, as /delete confirmed in the chat (the page asked first): whatever the page last saw, so no
   * version. The chat is told, and this session ends with the rest of the person's records.
   */
  app.post('/app/api/delete', limit, async (c) => {
    const who = await authorised(c);
    if ('refused' in who) return who.refused;
    const { outcome } = await engine.handlePage({ chatId: who.userId, userId: who.userId, updateId: freshUpdateId(), paced: true, input: { kind: 'pageDelete' } });
    return outcome === 'deleted' ? c.json({ deleted: true }) : c.json({ error: outcome }, 503, { 'retry-after': '5' });
  });

  app.onError((err, c) => {
    logger.error({ err: err.name }, 'mini app request failed');
    return c.json({ error: 'error' }, 500);
  });
  return app;
}

/** Why a change was refused, as the chat says it (`intake.reject.*`), or in the page's own words. */
function refusal(i18n: I18n, lang: Lang, reason: string): string {
  const own = `intake.reject.${reason}`;
  return translator(i18n, lang)(i18n.exists(own, { lng: lang }) ? own : `app.reject.${reason}`);
}

/** The page's own words in the person's language: everything under `app.ui`. */
function uiStrings(i18n: I18n, lang: Lang): Record<string, string> {
  const all = i18n.getResource(lang, 'translation', 'app.ui') as Record<string, string>;
  const t = translator(i18n, lang);
  return Object.fromEntries(Object.keys(all).map((k) => [k, t(`app.ui.${k}`)]));
}
