import { createServer, type IncomingMessage } from 'node:http';

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** For sendDocument: the uploaded file. */
  file?: { filename: string; bytes: Uint8Array };
}

/**
 * A fake Telegram Bot API on loopback, for end-to-end tests of the real bot process: it hands out queued updates
 * to getUpdates (long polling honoured), records every call, and is as strict as Telegram where it matters
 * (4096-character texts, 64-byte button data, "message is not modified").
 */
export async function startFakeBotApi(opts: { token: string }) {
  const calls: ApiCall[] = [];
  const queue: unknown[] = [];
  const waiters: Array<() => void> = [];
  let nextUpdateId = 1;
  let messageId = 100;
  const texts = new Map<string, string>();
  const webhook: { url?: string; secret?: string } = {};
  const failures = new Map<string, Array<Record<string, unknown>>>();

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

  const ok = (result: unknown) => ({ ok: true, result });
  const bad = (description: string) => ({ ok: false, error_code: 400, description: `Bad Request: ${description}` });

  function answer(method: string, p: Record<string, any>): Promise<unknown> | unknown {
    const tooLong = typeof p.text === 'string' && p.text.length > 4096;
    const badData = (p.reply_markup?.inline_keyboard ?? []).flat().some((b: { callback_data: string }) => Buffer.byteLength(b.callback_data) > 64);
    if (tooLong) return bad('message is too long');
    if (badData) return bad('BUTTON_DATA_INVALID');
    switch (method) {
      case 'getMe':
        return ok({ id: 42, is_bot: true, first_name: 'Xieshang', username: 'xieshang_test_bot' });
      case 'deleteWebhook':
      case 'setMyCommands':
      case 'answerCallbackQuery':
      case 'sendChatAction':
        return ok(true);
      case 'setWebhook':
        webhook.url = p.url;
        webhook.secret = p.secret_token;
        return ok(true);
      case 'getUpdates':
        return new Promise((resolve) => {
          const offset = Number(p.offset ?? 0);
          const deliver = () => {
            const batch = queue.filter((u) => (u as { update_id: number }).update_id >= offset);
            queue.splice(0, queue.length, ...batch);
            resolve(ok(batch));
          };
          if (queue.some((u) => (u as { update_id: number }).update_id >= offset)) return deliver();
          const timer = setTimeout(deliver, Math.min(Number(p.timeout ?? 0), 2) * 1000);
          waiters.push(() => {
            clearTimeout(timer);
            deliver();
          });
        });
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

  const server = createServer((req, res) => {
    void (async () => {
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      if (!match || match[1] !== opts.token) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      }
      const method = match[2] ?? '';
      const { payload, file } = await parse(req, await readBody(req));
      calls.push({ method, payload, ...(file ? { file } : {}) });
      const failure = failures.get(method)?.shift();
      const result = (failure ? { ok: false, ...failure } : await answer(method, payload)) as { ok: boolean; error_code?: number };
      res.writeHead(result.ok ? 200 : (result.error_code ?? 400), { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;

  return {
    apiRoot: `http://127.0.0.1:${port}/`,
    calls,
    webhook,
    /** Makes the next call of `method` fail with this Bot API error (e.g. a 429 with retry_after). */
    failNext(method: string, error: { error_code: number; description: string; parameters?: Record<string, unknown> }) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    pushUpdate(update: Record<string, unknown>) {
      queue.push({ update_id: nextUpdateId++, ...update });
      for (const w of waiters.splice(0)) w();
    },
    /** The next update as the bot would receive it (for posting to a webhook). */
    makeUpdate: (update: Record<string, unknown>) => ({ update_id: nextUpdateId++, ...update }),
    async waitFor(predicate: (c: ApiCall) => boolean, timeoutMs = 15_000): Promise<ApiCall> {
      const started = Date.now();
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() - started > timeoutMs) throw new Error(`no matching call; got ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const w of waiters.splice(0)) w();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
