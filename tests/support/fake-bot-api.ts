import { afterEach } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { botApiTextError } from './telegram-html.js';

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** For sendDocument: the uploaded file. */
  file?: { filename: string; bytes: Uint8Array };
  /** When the request arrived (Date.now()). */
  at: number;
}

type ApiError = { error_code: number; description: string; parameters?: Record<string, unknown> };
type Answer = { ok: true; result: unknown } | ({ ok: false } & ApiError);

interface Parked {
  call: ApiCall;
  res: ServerResponse;
}

/**
 * A fake Telegram Bot API on loopback, for end-to-end tests of the real bot process. It behaves like Telegram where
 * the bot's correctness depends on it:
 * - getUpdates hands out pending updates from `offset` on (at most `limit`, long polling honoured, at most 2 s here)
 *   and forgets an update only when a later getUpdates sends a higher offset, so unconfirmed updates are delivered
 *   again, also to a restarted process; a second concurrent getUpdates ends the first with 409, as Telegram does;
 * - it refuses what Telegram refuses: HTML it cannot parse (400 "can't parse entities"), texts over 4,096
 *   characters, malformed UTF-16, button data over 64 bytes, "message is not modified";
 * - tests can make it answer 429 (per method, or for a whole chat for a while), delay or hold a method's answers
 *   (to kill the bot between its commit and its reply), and go down and come back up on the same port.
 * Every call Telegram accepted is kept in `calls`, 400s in `refused`, and every call as it arrived in `received`.
 */
export async function startFakeBotApi(opts: { token: string }) {
  const calls: ApiCall[] = [];
  const received: ApiCall[] = [];
  const refused: Array<{ call: ApiCall; description: string }> = [];
  let queue: Array<{ update_id: number }> = [];
  /** The highest offset any getUpdates has sent: every update below it is confirmed and forgotten. */
  let confirmedOffset = 0;
  let waiting: { finish: (answer: Answer) => void; deliver: () => void } | null = null;
  let nextUpdateId = 1;
  let messageId = 100;
  const texts = new Map<string, string>();
  const webhook: { url?: string; secret?: string } = {};
  const failures = new Map<string, ApiError[]>();
  /** Per chat: how long its flood wait lasts, and when it ends once its first refused call has started it. */
  const chatLimits = new Map<number, { seconds: number; until: number | null }>();
  const delays = new Map<string, number>();
  const holds: Array<{ method: string; match: (p: Record<string, any>) => boolean; parked: Parked[] }> = [];

  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });

  async function parse(req: IncomingMessage, body: Buffer): Promise<{ payload: Record<string, any>; file?: ApiCall['file'] }> {
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
      const payload: Record<string, any> = {};
      let file: ApiCall['file'];
      for (const [k, v] of form.entries()) {
        if (typeof v === 'string') payload[k] = /^[{[]/.test(v) ? JSON.parse(v) : v;
        else file = { filename: v.name, bytes: new Uint8Array(await v.arrayBuffer()) };
      }
      return { payload, ...(file ? { file } : {}) };
    }
    const text = body.toString('utf8');
    return { payload: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }

  const ok = (result: unknown): Answer => ({ ok: true, result });
  const bad = (description: string): Answer => ({ ok: false, error_code: 400, description: `Bad Request: ${description}` });

  function getUpdates(p: Record<string, any>): Promise<Answer> {
    const offset = Number(p.offset ?? 0);
    confirmedOffset = Math.max(confirmedOffset, offset);
    queue = queue.filter((u) => u.update_id >= confirmedOffset);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const batch = () => queue.filter((u) => u.update_id >= offset).slice(0, limit);
    waiting?.finish({ ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    if (batch().length > 0 || Number(p.timeout ?? 0) === 0) return Promise.resolve(ok(batch()));
    return new Promise((resolve) => {
      const me = {
        finish: (answer: Answer) => {
          clearTimeout(timer);
          if (waiting === me) waiting = null;
          resolve(answer);
        },
        deliver: () => me.finish(ok(batch())),
      };
      const timer = setTimeout(me.deliver, Math.min(Number(p.timeout), 2) * 1000);
      waiting = me;
    });
  }

  function answer(method: string, p: Record<string, any>): Promise<Answer> | Answer {
    const textError = botApiTextError(method, p);
    if (textError) return bad(textError);
    if (typeof p.text === 'string' && p.text.length > 4096) return bad('message is too long');
    const buttons: Array<{ callback_data?: string; web_app?: { url?: string } }> = (p.reply_markup?.inline_keyboard ?? []).flat();
    if (buttons.some((b) => b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64)) return bad('BUTTON_DATA_INVALID');
    // A Mini App opens over https only.
    if (buttons.some((b) => b.web_app !== undefined && !/^https:\/\//.test(b.web_app.url ?? ''))) return bad('BUTTON_URL_INVALID');
    switch (method) {
      case 'getMe':
        return ok({ id: 42, is_bot: true, first_name: 'Xieshang', username: 'xieshang_test_bot' });
      case 'deleteWebhook':
        delete webhook.url;
        delete webhook.secret;
        return ok(true);
      case 'setChatMenuButton':
        if (p.menu_button?.type === 'web_app' && !/^https:\/\//.test(p.menu_button.web_app?.url ?? '')) return bad('BUTTON_URL_INVALID');
        return ok(true);
      case 'setMyCommands':
      case 'answerCallbackQuery':
      case 'sendChatAction':
        return ok(true);
      case 'setWebhook':
        webhook.url = p.url;
        webhook.secret = p.secret_token;
        return ok(true);
      case 'getUpdates':
        if (webhook.url) return { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" };
        return getUpdates(p);
      case 'sendMessage':
      case 'sendDocument': {
        const id = ++messageId;
        if (p.text) texts.set(`${p.chat_id}:${id}`, p.text);
        return ok({ message_id: id, date: 0, chat: { id: Number(p.chat_id), type: 'private' }, ...(p.text ? { text: p.text } : {}) });
      }
      case 'editMessageText': {
        const key = `${p.chat_id}:${p.message_id}`;
        if (texts.get(key) === p.text) return bad('message is not modified: specified new message content and reply markup are exactly the same');
        texts.set(key, p.text);
        return ok(true);
      }
      default:
        return { ok: false, error_code: 404, description: 'Not Found: method not found' };
    }
  }

  /** The answer Telegram gives a call, 429s and injected failures first; accepted calls are recorded. */
  async function respond(call: ApiCall, res: ServerResponse) {
    const { method, payload } = call;
    const delay = delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const chatId = Number(payload.chat_id);
    const limit = chatLimits.get(chatId);
    if (limit && limit.until === null) limit.until = Date.now() + limit.seconds * 1000;
    const limitedUntil = limit?.until ?? 0;
    let result: Answer;
    if (limitedUntil > Date.now()) {
      const retryAfter = Math.ceil((limitedUntil - Date.now()) / 1000);
      result = { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } };
    } else {
      const failure = failures.get(method)?.shift();
      result = failure ? { ok: false, ...failure } : await answer(method, payload);
    }
    if (result.ok) calls.push(call);
    else if (result.error_code === 400) refused.push({ call, description: result.description });
    if (res.destroyed) return;
    res.writeHead(result.ok ? 200 : result.error_code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      if (!match || match[1] !== opts.token) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      }
      const method = match[2] ?? '';
      const { payload, file } = await parse(req, await readBody(req));
      const call: ApiCall = { method, payload, at: Date.now(), ...(file ? { file } : {}) };
      received.push(call);
      const hold = holds.find((h) => h.method === method && h.match(payload));
      if (hold) {
        hold.parked.push({ call, res });
        return;
      }
      await respond(call, res);
    })();
  };

  /** Queues updates so that one getUpdates returns them together, in this order. */
  function pushUpdates(updates: Array<Record<string, unknown>>): number[] {
    const ids = updates.map((u) => {
      const id = nextUpdateId++;
      queue.push({ update_id: id, ...u });
      return id;
    });
    waiting?.deliver();
    return ids;
  }

  let server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;

  const closeServer = () =>
    new Promise<void>((resolve) => {
      waiting?.finish(ok([]));
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return {
    apiRoot: `http://127.0.0.1:${port}/`,
    port,
    calls,
    /** Every call as it arrived, whatever the answer (429s, refusals and held calls included). */
    received,
    refused,
    webhook,
    /** Makes the next call of `method` fail with this Bot API error (e.g. a 429 with retry_after). */
    failNext(method: string, error: ApiError) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    /** The next `times` calls of `method` are answered 429 with `retry_after` = `seconds`. */
    limitMethod(method: string, seconds: number, times = 1) {
      const error = { error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } };
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => error)]);
    },
    /**
     * Telegram's flood wait for one chat: from its next call on, every call for it is answered 429 for `seconds` (0
     * lifts it). The wait starts at that call, not now, so a bot slow to make it still meets the whole wait.
     */
    limitChat(chatId: number, seconds: number) {
      if (seconds > 0) chatLimits.set(chatId, { seconds, until: null });
      else chatLimits.delete(chatId);
    },
    /** Every answer to `method` comes `ms` late (0 to stop). */
    delay(method: string, ms: number) {
      delays.set(method, ms);
    },
    /**
     * Holds calls of `method` (matching `match`) unanswered and unrecorded until `release` (answered as usual) or
     * `drop` (never answered, never recorded: as if the bot died before Telegram received them).
     */
    hold(method: string, match: (payload: Record<string, any>) => boolean = () => true) {
      const h = { method, match, parked: [] as Parked[] };
      holds.push(h);
      const unhold = () => holds.splice(holds.indexOf(h), 1);
      return {
        count: () => h.parked.length,
        payloads: () => h.parked.map((p) => p.call.payload),
        async release() {
          unhold();
          for (const p of h.parked.splice(0)) await respond(p.call, p.res);
        },
        drop() {
          unhold();
          for (const p of h.parked.splice(0)) p.res.destroy();
        },
      };
    },
    /** Queues one update for getUpdates. */
    pushUpdate: (update: Record<string, unknown>): number => pushUpdates([update])[0] as number,
    pushUpdates,
    /** The next update as the bot would receive it (for posting to a webhook). */
    makeUpdate: (update: Record<string, unknown>) => ({ update_id: nextUpdateId++, ...update }),
    /** Update ids Telegram still holds: delivered again until a getUpdates confirms them. */
    unconfirmed: () => queue.filter((u) => u.update_id >= confirmedOffset).map((u) => u.update_id),
    /** Messages sent to one chat (accepted by Telegram), oldest first. */
    sentTo: (chatId: number) => calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId),
    async waitFor(predicate: (c: ApiCall) => boolean, timeoutMs = 45_000): Promise<ApiCall> {
      const started = Date.now();
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() - started > timeoutMs) throw new Error(`no matching call; got ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    /** Stops answering: connections are refused, as when Telegram is unreachable. */
    goDown: closeServer,
    /** Answers again, on the same port. */
    async comeUp() {
      server = createServer(handler);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    stop: closeServer,
  };
}

export type FakeBotApi = Awaited<ReturnType<typeof startFakeBotApi>>;

/** For a file whose tests each start their own fake Bot API: `start()` starts one, stopped after that test. */
export function fakeBotApiPerTest(token: string) {
  const started: FakeBotApi[] = [];
  afterEach(async () => {
    for (const api of started.splice(0)) await api.stop();
  });
  return async (): Promise<FakeBotApi> => {
    const api = await startFakeBotApi({ token });
    started.push(api);
    return api;
  };
}
