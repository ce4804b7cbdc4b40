/**
 * The least a webhook bot can do, run as the real path's floor (`bench/process.ts`): Node's HTTP server takes the
 * update (the secret header checked), one ioredis GET and SET count the chat's updates, the webhook is answered, and
 * one `sendMessage` goes to the Bot API over a kept-alive agent. No framework, no lock, no outbox: what any webhook
 * bot on this machine pays at the least for an update.
 */
import { Agent, createServer, request } from 'node:http';
import { Redis } from 'ioredis';

const env = (name: string) => process.env[name] ?? '';
const redis = new Redis(env('REDIS_URL'));
const agent = new Agent({ keepAlive: true });
const api = new URL(`${env('TELEGRAM_API_ROOT')}bot${env('TELEGRAM_BOT_TOKEN')}/`);

function call(method: string, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: api.hostname, port: api.port, path: `${api.pathname}${method}`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.headers['x-telegram-bot-api-secret-token'] !== env('WEBHOOK_SECRET')) {
      res.writeHead(401).end();
      return;
    }
    const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { message?: { chat: { id: number } }; callback_query?: { message: { chat: { id: number } } } };
    const chat = update.message?.chat.id ?? update.callback_query?.message.chat.id ?? 0;
    void (async () => {
      const n = Number(await redis.get(`floor:${chat}`)) + 1;
      await redis.set(`floor:${chat}`, String(n));
      return n;
    })().then(
      (n) => {
        res.end();
        // Answered already: a failed reply is the Bot API's to report, not the webhook's.
        call('sendMessage', { chat_id: chat, text: `ok ${n}` }).catch(() => {});
      },
      () => res.writeHead(500).end(),
    );
  });
});
server.listen(Number(env('PORT')), '127.0.0.1', () => void call('setWebhook', { url: env('WEBHOOK_URL'), secret_token: env('WEBHOOK_SECRET') }));
process.on('SIGTERM', () => {
  server.close();
  redis.disconnect();
  process.exit(0);
});
