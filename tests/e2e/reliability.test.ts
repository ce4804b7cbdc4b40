import { describe, expect, it } from 'vitest';
import { keys } from '../../src/store/keys.js';
import { LEASE_MS } from '../../src/store/case-store.js';
import type { ApiCall, FakeBotApi } from '../support/fake-bot-api.js';
import { ASKS, daysAgo, p99, round, toAmountQuestion, until, type Person } from '../support/people.js';
import { SECRET, useE2eRig } from '../support/e2e-rig.js';
import { freePort } from '../support/ports.js';

const rig = useE2eRig();
const { fakeApi, launch, facts, people } = rig;

describe('answers are applied in the order they were sent', () => {
  it('20 chats send "1111" then "22" in one getUpdates batch: every case stores ¥1,111 and 22 days', async () => {
    const api = await fakeApi();
    await launch(api);
    const group = people(api, 20);
    await toAmountQuestion((update, next) => round(api, group, update, next));
    api.pushUpdates(group.flatMap((p) => [p.message('1111'), p.message('22')]));
    await until('everyone to be asked the cause', () => group.every((p) => p.lastText().includes(ASKS.cause)));
    for (const p of group) expect(await facts(p.id)).toMatchObject({ amountFen: 111_100, dueDate: daysAgo(22) });
  });

  it('the same over two webhook replicas on one Redis, each chat\'s two answers overlapping on different replicas', async () => {
    const api = await fakeApi();
    const hook = { WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: SECRET };
    const ports = [await freePort(), await freePort()];
    await Promise.all(ports.map((port) => launch(api, { ...hook, PORT: String(port) })));
    const group = people(api, 20);
    let turn = 0;
    /** Webhook delivery: the update goes to one replica or the other, as a load balancer would. */
    const post = (update: Record<string, unknown>) =>
      fetch(`http://127.0.0.1:${ports[turn++ % 2] as number}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(api.makeUpdate(update)),
      });
    await toAmountQuestion(async (update, next) => {
      await Promise.all(group.map((p) => post(update(p))));
      await until(`everyone to be asked "${next}"`, () => group.every((p) => p.lastText().includes(next)));
    });
    // Each chat's "1111" goes to one replica; its "22" goes to the other while the first turn is still in flight
    // there (its reply is on its way, slowed down), as a redelivery or a second connection makes them overlap.
    api.delay('sendMessage', 300);
    const deliver = (port: number, update: Record<string, unknown>) =>
      fetch(`http://127.0.0.1:${port}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
    const replying = (chatId: number, after: number) => () =>
      api.received.some((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId && c.at >= after);
    const replies = await Promise.all(
      group.map(async (p, i) => {
        const [first, second] = [api.makeUpdate(p.message('1111')), api.makeUpdate(p.message('22'))];
        const postedAt = Date.now();
        const a = deliver(ports[i % 2] as number, first);
        await until('the first answer to be in flight', replying(p.id, postedAt));
        return Promise.all([a, deliver(ports[(i + 1) % 2] as number, second)]);
      }),
    );
    expect(replies.flat().every((r) => r.status === 200)).toBe(true);
    await until('everyone to be asked the cause', () => group.every((p) => p.lastText().includes(ASKS.cause)));
    for (const p of group) expect(await facts(p.id)).toMatchObject({ amountFen: 111_100, dueDate: daysAgo(22) });
  });
});

describe('never silent after a crash or a deploy', () => {
  /** 8 people answer the amount; the bot commits, and Telegram holds every reply unanswered. */
  async function answerWithRepliesHeld() {
    const api = await fakeApi();
    const first = await launch(api);
    const group = people(api, 8);
    await toAmountQuestion((update, next) => round(api, group, update, next));
    const held = api.hold('sendMessage');
    api.pushUpdates(group.map((p) => p.message('5500')));
    await until('8 replies to be on their way', () => held.count() === 8);
    return { api, first, group, held };
  }

  it('SIGKILL between the commit and the reply: after a restart everyone gets the next question', async () => {
    const { api, first, group, held } = await answerWithRepliesHeld();
    for (const p of group) expect(await facts(p.id)).toMatchObject({ amountFen: 550_000 });
    expect(await first.signal('SIGKILL')).toBeNull();
    held.drop();
    for (const p of group) expect(p.lastText()).toContain(ASKS.amount);

    await launch(api);
    await until('everyone to be asked how long overdue', () => group.every((p) => p.lastText().includes(ASKS.overdue)), 10_000);
    for (const p of group) expect(await facts(p.id)).toMatchObject({ amountFen: 550_000 });
  });

  it('SIGTERM with replies in flight: they are finished and confirmed before the exit, and nothing is lost', async () => {
    const { api, first, group, held } = await answerWithRepliesHeld();
    const exit = first.signal('SIGTERM');
    await first.waitForOutput('shutting down');
    await held.release();
    expect(await exit).toBe(0);
    for (const p of group) expect(p.lastText()).toContain(ASKS.overdue);
    expect(api.unconfirmed()).toEqual([]);

    await launch(api);
    const before = group.map((p) => api.sentTo(p.id).length);
    api.pushUpdates(group.map((p) => p.message('22')));
    await until('everyone to be asked the cause', () => group.every((p) => p.lastText().includes(ASKS.cause)));
    for (const p of group) expect(await facts(p.id)).toMatchObject({ amountFen: 550_000, dueDate: daysAgo(22) });
    // Nothing was owed after the clean stop: each person gets exactly the one new question.
    expect(group.map((p, i) => api.sentTo(p.id).length - (before[i] ?? 0))).toEqual(group.map(() => 1));
  });
});

describe('one slow chat stalls no other', () => {
  /** Each of `others` sends one message while `slow` (if any) waits; returns each one's wait for its reply, in ms. */
  async function latencies(api: FakeBotApi, others: Person[]) {
    const sentAt = Date.now();
    const before = others.map((p) => api.sentTo(p.id).length);
    api.pushUpdates(others.map((p) => p.message('/help')));
    await until('everyone answered', () => others.every((p, i) => api.sentTo(p.id).length > (before[i] ?? 0)));
    return others.map((p, i) => (api.sentTo(p.id)[before[i] ?? 0] as ApiCall).at - sentAt);
  }

  it('a chat under a 429 (retry_after 3 s) delays none of the others', async () => {
    const api = await fakeApi();
    await launch(api);
    const [slow, ...others] = people(api, 11) as [Person, ...Person[]];
    await round(api, [slow, ...others], (p) => p.message('/start'), '协商助手');
    const calm = await latencies(api, others);

    api.limitChat(slow.id, 3);
    const before = api.sentTo(slow.id).length;
    api.pushUpdate(slow.message('/help'));
    await until('the slow chat to be told to wait', () => api.received.some((c) => c.method === 'sendMessage' && c.payload.chat_id === slow.id && c.at > (api.sentTo(slow.id).at(-1)?.at ?? 0)));
    const stalled = await latencies(api, others);
    await until('the slow chat to be answered after its wait', () => api.sentTo(slow.id).length > before, 15_000);
    // Everyone else was answered while the slow chat was still waiting out its retry_after.
    const slowAnswer = api.sentTo(slow.id)[before] as ApiCall;
    for (const p of others) expect((api.sentTo(p.id).at(-1) as ApiCall).at).toBeLessThan(slowAnswer.at);
    process.stdout.write(`stall 429: others p99 ${p99(calm)} ms calm, ${p99(stalled)} ms with one chat under 429\n`);
  });

  it('a chat whose lease is held by a replica that died delays none of the others, and is taken over', async () => {
    const api = await fakeApi();
    await launch(api);
    const [slow, ...others] = people(api, 11) as [Person, ...Person[]];
    await round(api, [slow, ...others], (p) => p.message('/start'), '协商助手');
    const calm = await latencies(api, others);

    // A replica took the chat's lease and died: the lease runs out by itself, it is never given back.
    const [seconds, micros] = await rig.client().time();
    const leaseEnd = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + LEASE_MS;
    await rig.client().hset(keys.case(slow.id), 'k', 'a-replica-that-died', 'e', leaseEnd);
    const before = api.sentTo(slow.id).length;
    api.pushUpdate(slow.message('/help'));
    const stalled = await latencies(api, others);
    await until('the slow chat to be answered once the dead lease ran out', () => api.sentTo(slow.id).length > before, 15_000);
    const slowAnswer = api.sentTo(slow.id)[before] as ApiCall;
    for (const p of others) expect((api.sentTo(p.id).at(-1) as ApiCall).at).toBeLessThan(slowAnswer.at);
    expect(slowAnswer.payload.text).toContain('/checklist');
    process.stdout.write(`stall lease: others p99 ${p99(calm)} ms calm, ${p99(stalled)} ms with one chat behind a dead lease\n`);
  });
});

