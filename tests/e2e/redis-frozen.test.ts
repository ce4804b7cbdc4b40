import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ASKS, daysAgo, round, toAmountQuestion, until } from '../support/people.js';
import { freePort } from '../support/ports.js';
import { useE2eRig } from '../support/e2e-rig.js';

/*
 * Redis frozen under the real process (a redis-server stopped with SIGSTOP, not closed): the edge that takes longest
 * to meet, in a file of its own so that it runs beside the other whole-process files.
 */

const rig = useE2eRig();
const { fakeApi, launch, facts, cleanups, people } = rig;

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
