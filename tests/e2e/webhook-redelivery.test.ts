import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ASKS, daysAgo, toAmountQuestion, until, type Person } from '../support/people.js';
import type { FakeBotApi } from '../support/fake-bot-api.js';
import { freePort } from '../support/ports.js';
import { SECRET, useE2eRig } from '../support/e2e-rig.js';

/*
 * A webhook update is answered 200 only once its turn is committed, so a process stopped or killed while a chat waits
 * out a 429 loses nothing: Telegram delivers the update again to the next process.
 */

const rig = useE2eRig();
const { fakeApi, launch, facts, cleanups, people } = rig;

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
