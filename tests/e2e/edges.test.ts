import { describe, expect, it } from 'vitest';
import { ASKS, daysAgo, person, round, toAmountQuestion, until, type Person } from '../support/people.js';
import type { FakeBotApi } from '../support/fake-bot-api.js';
import { freePort, startBotProcess } from '../support/process.js';
import { SECRET, TOKEN, useE2eRig } from '../support/e2e-rig.js';

/*
 * The edges a production bot meets every month, against the real process, a real redis-server and the strict fake
 * Bot API: Telegram slow for one chat, a stop in the middle, Redis frozen.
 */

const rig = useE2eRig();
const { fakeApi, launch, facts, cleanups } = rig;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let nextChat = 91_000;
const people = (api: FakeBotApi, n: number) => Array.from({ length: n }, () => person(api, nextChat++));

/**
 * Telegram's side of a webhook: each update is posted until it is answered 200, again and again (as Telegram
 * redelivers), to whichever process listens at the time. Every answer's status is kept.
 */
function webhookDelivery(api: FakeBotApi) {
  let port = 0;
  let paused = false;
  let stopped = false;
  cleanups.push(() => void (stopped = true));
  return {
    to: (p: number) => void (port = p),
    pause: (on: boolean) => void (paused = on),
    /** Starts delivering one update; `acknowledged` resolves at its first 200. */
    post(update: Record<string, unknown>) {
      const u = api.makeUpdate(update);
      const statuses: number[] = [];
      const acknowledged = (async () => {
        while (!stopped) {
          if (!paused && port) {
            const status = await fetch(`http://127.0.0.1:${port}/hook`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
              body: JSON.stringify(u),
            }).then((r) => r.status, () => 0);
            if (status !== 0) statuses.push(status);
            if (status === 200) return;
          }
          await sleep(300);
        }
      })();
      return { statuses, acknowledged };
    },
  };
}

describe('an update is acknowledged to Telegram only once it is committed (webhook)', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'an answer waiting behind a reply under a 429, then %s: Telegram delivers it again and it is applied after the restart',
    async (sig) => {
      const api = await fakeApi();
      const hook = { WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: SECRET };
      const telegram = webhookDelivery(api);
      const firstPort = await freePort();
      telegram.to(firstPort);
      const first = await launch(api, { ...hook, PORT: String(firstPort) });
      const [p] = people(api, 1) as [Person];
      const step = async (update: Record<string, unknown>, next: string) => {
        await telegram.post(update).acknowledged;
        await until(`"${next}"`, () => p.lastText().includes(next));
      };
      await toAmountQuestion((update, next) => step(update(p), next));
      await step(p.message('5500'), ASKS.overdue);

      // Telegram makes the chat wait 20 s: the reply to /help waits it out in the chat's lane, its turn committed.
      api.limitChat(p.id, 20);
      const limitedAt = Date.now();
      const help = telegram.post(p.message('/help'));
      await until('the reply to be refused with a 429', () => api.received.some((c) => c.method === 'sendMessage' && c.payload.chat_id === p.id && c.at >= limitedAt));
      await help.acknowledged;
      // The person answers the question they saw; the answer waits behind the reply, not committed.
      const answer = telegram.post(p.message('22'));
      await until('the answer to be answered once', () => answer.statuses.length > 0, 20_000);
      expect(answer.statuses[0]).not.toBe(200);
      expect(await first.signal(sig)).toBe(sig === 'SIGTERM' ? 0 : null);

      // Back up (Telegram's limit over): the reply owed to /help goes out first, then the redelivered answer.
      api.limitChat(p.id, 0);
      telegram.pause(true);
      const port = await freePort();
      telegram.to(port);
      await launch(api, { ...hook, PORT: String(port) });
      await until('the owed reply to /help', () => api.sentTo(p.id).some((c) => c.at >= limitedAt && String(c.payload.text).includes('/checklist')));
      telegram.pause(false);
      await answer.acknowledged;
      await until('the cause question', () => p.lastText().includes(ASKS.cause));
      expect(await facts(p.id)).toMatchObject({ amountFen: 550_000, dueDate: daysAgo(22) });
    },
  );
});

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
    expect(late.map((p) => ({ chat: p.id, answeredAfter: api.sentTo(p.id)[0]!.at - sentAt, calls: timeline(p.id) })), `slow chat answered ${slowAnswer.at - sentAt} ms after the others were sent`).toEqual([]);
    // Its update was confirmed to Telegram while its reply still waited.
    expect(api.unconfirmed()).toEqual([]);
    process.stdout.write(`429 window: 150 others behind a chat under a 429, slowest answered after ${Math.max(...waits)} ms\n`);
  });
});

describe('a frozen Redis is a dead Redis', () => {
  const STORE_DOWN = '暂时连不上存储';

  it.each([5, 20])('Redis frozen %i s: everyone hears "try again" while it is frozen, /readyz says 503, and no answer lands on the wrong question', async (seconds) => {
    const api = await fakeApi();
    const port = await freePort();
    await launch(api, { PORT: String(port) });
    const group = people(api, 10);
    await toAmountQuestion((update, next) => round(api, group, update, next));
    const readyz = () => fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status);
    expect(await readyz()).toBe(200);

    // Frozen while their answers are on their way: some turns are before their commit, some in the middle of it.
    const before = group.map((p) => api.sentTo(p.id).length);
    api.pushUpdates(group.map((p) => p.message('1010')));
    await sleep(Math.floor(Math.random() * 30));
    rig.redis().freeze();
    let frozen = true;
    cleanups.push(() => {
      if (frozen) rig.redis().thaw();
    });
    const frozenAt = Date.now();
    expect(await readyz()).toBe(503);
    await until('everyone to get an answer', () => group.every((p, i) => api.sentTo(p.id).length > (before[i] ?? 0)), seconds * 1000);
    const answeredIn = Date.now() - frozenAt;
    await sleep(Math.max(0, frozenAt + seconds * 1000 - Date.now()));
    rig.redis().thaw();
    frozen = false;
    process.stdout.write(`redis frozen ${seconds} s: everyone answered ${answeredIn} ms after the freeze\n`);

    // Whoever was told to try again sends the amount again; whoever was asked the next question answers it.
    const toldToRetry = group.filter((p) => p.lastText().includes(STORE_DOWN));
    expect(group.every((p) => p.lastText().includes(STORE_DOWN) || p.lastText().includes(ASKS.overdue))).toBe(true);
    for (const p of toldToRetry) {
      const sent = api.sentTo(p.id).length;
      api.pushUpdate(p.message('1010'));
      await until(`chat ${p.id} to be answered`, () => api.sentTo(p.id).length > sent);
    }
    await until('everyone to be asked how long overdue', () => group.every((p) => p.lastText().includes(ASKS.overdue)));
    for (const p of group) {
      const f = await facts(p.id);
      expect(f.amountFen).toBe(101_000);
      expect(f.dueDate ?? null).toBeNull();
    }
    await round(api, group, (p) => p.message('22'), ASKS.cause);
    for (const p of group) expect(await facts(p.id)).toMatchObject({ amountFen: 101_000, dueDate: daysAgo(22) });
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
