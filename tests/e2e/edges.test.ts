import { describe, expect, it } from 'vitest';
import { round, until, type Person } from '../support/people.js';
import { freePort } from '../support/ports.js';
import { startBotProcess } from '../support/process.js';
import { TOKEN, useE2eRig } from '../support/e2e-rig.js';

/*
 * The edges a production bot meets every month, against the real process, a real redis-server and the strict fake
 * Bot API: Telegram slow for one chat, the token in an error, a stop in the middle. The longer edges have files of their
 * own (webhook-redelivery, redis-frozen) so that they run beside the rest.
 */

const rig = useE2eRig();
const { fakeApi, launch, cleanups, people } = rig;

describe('no chat under a 429 stalls the polling window', () => {
  it('150 chats write behind one whose reply waits out retry_after 8 s: all of them are answered before it', async () => {
    const api = await fakeApi();
    await launch(api);
    const [slow] = people(api, 1) as [Person];
    await round(api, [slow], (p) => p.message('/start'), '协商助手');
    api.limitChat(slow.id, 8);
    const limitedAt = Date.now();
    api.pushUpdate(slow.message('/help'));
    await until('the slow chat to be told to wait', () => api.received.some((c) => c.method === 'sendMessage' && c.payload.chat_id === slow.id && c.at >= limitedAt));

    // More than a getUpdates batch (100) behind the slow chat's update.
    const others = people(api, 150);
    const sentAt = Date.now();
    api.pushUpdates(others.map((p) => p.message('/start')));
    await until('everyone else to be answered', () => others.every((p) => api.sentTo(p.id).length > 0));
    const waits = others.map((p) => (api.sentTo(p.id)[0]?.at ?? 0) - sentAt);
    await until('the slow chat to be answered after its wait', () => api.sentTo(slow.id).some((c) => c.at >= limitedAt), 20_000);
    const slowAnswer = api.sentTo(slow.id).find((c) => c.at >= limitedAt)!;
    // Where the time went for a chat answered late: when its update was handed out and each call for it arrived.
    const late = others.filter((p) => api.sentTo(p.id)[0]!.at >= slowAnswer.at);
    const timeline = (id: number) =>
      api.received
        .filter((c, i, all) => Number(c.payload.chat_id) === id || (c.method === 'getUpdates' && c.payload.offset !== all.slice(0, i).findLast((b) => b.method === 'getUpdates')?.payload.offset))
        .map((c) => `${c.at - sentAt} ms ${c.method}${c.method === 'getUpdates' ? ` offset ${c.payload.offset}` : ''}`);
    expect(late.map((p) => ({ chat: p.id, answeredAfter: api.sentTo(p.id)[0]!.at - sentAt, calls: timeline(p.id) })), `slow chat answered ${slowAnswer.at - sentAt} ms after the others were sent; its calls: ${timeline(slow.id).join(', ')}`).toEqual([]);
    // Its update was confirmed to Telegram while its reply still waited.
    expect(api.unconfirmed()).toEqual([]);
    process.stdout.write(`429 window: 150 others behind a chat under a 429, slowest answered after ${Math.max(...waits)} ms\n`);
  });
});

describe('the bot token never reaches a log line or the terminal', () => {
  const secret = TOKEN.split(':')[1]!;

  it('a proxy echoing the request path in its errors: the token is printed as ***', async () => {
    const api = await fakeApi();
    // A conflict while polling is logged and retried; its description quotes the path, token and all.
    api.failNext('getUpdates', { error_code: 409, description: `Conflict: another poller on /bot${TOKEN}/getUpdates` });
    const polling = await launch(api);
    await until('the conflict to be logged', () => polling.output().includes('Telegram reports a conflict'));
    expect(polling.output()).toContain('/bot***/getUpdates');
    expect(polling.output() + polling.errors()).not.toContain(secret);

    // A refusal at start-up is printed in one line, and the process stops.
    api.failNext('getMe', { error_code: 404, description: `Not Found: no route for /bot${TOKEN}/getMe` });
    const refused = startBotProcess({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, REDIS_URL: rig.redis().url, PORT: String(await freePort()), LOG_LEVEL: 'info' });
    cleanups.push(() => refused.signal('SIGKILL'));
    expect(await refused.exited).toBe(1);
    expect(refused.errors()).toContain('/bot***/getMe');
    expect(refused.output() + refused.errors()).not.toContain(secret);
  });
});

describe('stopping', () => {
  it('polling: /readyz is 503 while draining; a second SIGTERM is logged and ignored; it exits 0 once the replies are out', async () => {
    const api = await fakeApi();
    const port = await freePort();
    const bot = await launch(api, { PORT: String(port) });
    const group = people(api, 3);
    const held = api.hold('sendMessage');
    api.pushUpdates(group.map((p) => p.message('/help')));
    await until('3 replies to be on their way', () => held.count() === 3);

    const exit = bot.signal('SIGTERM');
    await bot.waitForOutput('shutting down');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    bot.child.kill('SIGTERM');
    await bot.waitForOutput('signal ignored');
    expect(bot.child.exitCode).toBeNull();
    await held.release();
    expect(await exit).toBe(0);
    for (const p of group) expect(p.lastText()).toContain('/checklist');
    expect(api.unconfirmed()).toEqual([]);
  });
});
