import { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOf } from '../../src/web/identity.js';
import { launchChromium, onPage, personIn } from '../support/browser.js';
import { freePort } from '../support/ports.js';
import { startBotProcess, type BotProcess } from '../support/process.js';
import { startRedis, type TestRedis } from '../support/redis.js';

let browser: Browser;
let redis: TestRedis;
let raw: Redis;
const running: BotProcess[] = [];

beforeAll(async () => {
  [browser, redis] = await Promise.all([launchChromium(), startRedis()]);
  raw = new Redis(redis.url, { protocol: 2 } as never);
});
afterAll(async () => {
  for (const bot of running) await bot.signal('SIGKILL');
  await browser?.close();
  raw?.disconnect();
  await redis?.stop();
});

/** `npm start` with no token: the web chat on `port`, over the test's redis-server. */
async function serve(port: number) {
  const bot = startBotProcess({ REDIS_URL: redis.url, PORT: String(port) });
  running.push(bot);
  await bot.waitForOutput(`Web chat: http://localhost:${port}`);
  return bot;
}

describe('the web chat across a crash', () => {
  it('SIGKILL between a commit and its reply: after a restart the open page shows the owed question', async () => {
    const port = await freePort();
    const first = await serve(port);
    const context = await personIn(browser);
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/`);
    const p = onPage(page);
    await page.locator('#messages li.bot').first().waitFor();
    await p.press('开始');
    await p.press('同意，开始');

    // The conversation's reply cannot be written (its event list is made a string): the next turn commits, then
    // fails to reply, and the reply stays owed in the store. Then the process dies without a word.
    const cookie = (await context.cookies()).find((c) => c.name === 'xs_chat')!;
    const key = keyOf(decodeURIComponent(cookie.value).split('.')[0]!);
    await raw.set(`xs:{c:${key}}:web`, 'unwritable');
    await page.locator('#messages li.bot .buttons button', { hasText: '花呗' }).last().click();
    // The case records the version whose replies are owed.
    await expect.poll(async () => Boolean(await raw.hget(`xs:{c:${key}}:case`, 'o'))).toBe(true);
    await first.signal('SIGKILL');
    await raw.del(`xs:{c:${key}}:web`);

    // The same page, never reloaded: its event stream reconnects to the new process, which sends what was owed.
    await serve(port);
    await page.waitForFunction(
      (asked) => ((globalThis as { document?: { body: { innerText: string } } }).document?.body.innerText ?? '').includes(asked),
      '现在还欠多少没还',
      { timeout: 30_000 },
    );
    expect(await p.last()).toContain('现在还欠多少没还');
    await p.say('5500');
    expect(await p.last()).toContain('逾期多少天');
    await context.close();
  });
});
