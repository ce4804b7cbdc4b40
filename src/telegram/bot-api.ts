import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TelegramError } from 'telegraf';
import { withoutSecrets } from '../observability/secrets.js';

/** One Bot API method called with a JSON payload: its `result`, or a `TelegramError` as telegraf throws it. */
export type BotApiCall = <T>(method: string, payload: Record<string, unknown>) => Promise<T>;

/** telegraf's own ceiling for a call (its client's `timeout`), kept so a slow Telegram is treated alike. */
const CALL_TIMEOUT_MS = 500_000;
const IDLE_SOCKET_MS = 30_000;

/** telegraf leaves null and undefined fields out of a payload; so does this client. */
const withoutEmpty = (_key: string, value: unknown) => (value == null ? undefined : value);

/**
 * The Bot API's JSON methods over node's own HTTP client, for the calls every update makes (sendMessage,
 * editMessageText, answerCallbackQuery). telegraf's client goes through node-fetch (a URL parsed, a Headers object,
 * body streams and a `json()` round per call); this writes one request on a kept-alive connection and parses one
 * body, with what is constant per bot (the agent, the path prefix, the headers' shape) built once. Errors are
 * telegraf's: a `TelegramError` with the Bot API's `error_code`, `description` and `parameters` (a 429's
 * `retry_after`), a 5xx as a `TelegramError` of that status, and a network failure as node's error (its `code`),
 * with any token in its message replaced by `***`.
 */
export function createBotApi(opts: { token: string; apiRoot: string | null }): BotApiCall {
  const root = new URL(opts.apiRoot ?? 'https://api.telegram.org/');
  const secure = root.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  // Kept-alive sockets, as many as the calls in flight need (telegraf's own agent keeps them the same way); one left
  // idle for 30 s is closed by us, so a request rarely meets a connection the other side has just dropped.
  const keep = { keepAlive: true, keepAliveMsecs: 10_000, timeout: IDLE_SOCKET_MS };
  const agent = secure ? new HttpsAgent(keep) : new HttpAgent(keep);
  const prefix = `${root.pathname.replace(/\/?$/, '/')}bot${opts.token}/`;
  const host = root.hostname;
  const port = root.port === '' ? undefined : Number(root.port);

  return <T>(method: string, payload: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const body = JSON.stringify(payload, withoutEmpty);
      const req = request(
        {
          host,
          port,
          method: 'POST',
          path: prefix + method,
          agent,
          timeout: CALL_TIMEOUT_MS,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => readAnswer(res, method, payload).then(resolve as (v: unknown) => void, reject),
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error(`${method} timed out`), { code: 'ETIMEDOUT' })));
      req.on('error', (err: Error) => {
        err.message = withoutSecrets(err.message);
        reject(err);
      });
      req.end(body);
    });
}

function readAnswer(res: IncomingMessage, method: string, payload: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const status = res.statusCode ?? 0;
      if (status >= 500) {
        reject(new TelegramError({ error_code: status, description: res.statusMessage ?? '' }, { method, payload }));
        return;
      }
      let data: { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: object };
      try {
        data = JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8')) as typeof data;
      } catch (err) {
        reject(err);
        return;
      }
      if (data.ok) resolve(data.result);
      else reject(new TelegramError(data as never, { method, payload }));
    });
  });
}
