/**
 * The Mini App's first load as a phone on a slow network sees it: the built bot (`node dist/main.js`, PUBLIC_URL
 * set) with a case of two debts walked through its chat, and Chromium opening `/app` with launch data signed by the
 * bot's token, on Chrome's "Slow 4G" profile (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up) with the CPU slowed
 * 4×. Each load is a new browser context (nothing cached), timed from navigation start to the debts on screen.
 */
import type { CDPSession } from 'playwright-core';
import { launchChromium, personIn } from '../tests/support/browser.js';
import { nowSeconds, signInitData, telegramUser } from '../tests/support/init-data.js';
import { person, round, toTwoDebts, type Person } from '../tests/support/people.js';
import { startFakeBotApi } from '../tests/support/fake-bot-api.js';
import { TOKEN, startBuilt } from './process.js';

/** Chrome DevTools' "Slow 4G" preset, in CDP's units (bytes per second). */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.44e6 / 8) | 0, uploadThroughput: (0.675e6 / 8) | 0 };
const CPU_SLOWDOWN = 4;

export interface MiniAppLoad {
  /** Navigation start → the debts on screen, by the page's own clock, per load (ms). */
  loads: number[];
  /**
   * The same from the benchmark's side: from asking the browser to navigate until it reports the debts shown, so it
   * also counts starting the page's renderer and the driver's own round trips (ms).
   */
  walls: number[];
  /** Bytes on the wire (compressed) for one whole load: the page, then the session with the case. */
  wireBytes: number;
  requests: number;
}

export async function miniAppBench(opts: { redisUrl: string; node: string; loads: number }): Promise<MiniAppLoad> {
  const api = await startFakeBotApi({ token: TOKEN });
  const bot = await startBuilt({ node: opts.node, api, startedBy: 'getUpdates', redisUrl: opts.redisUrl, env: { PUBLIC_URL: 'https://bench.invalid' } });
  const browser = await launchChromium();
  try {
    const p = person(api, 990_001);
    const step = async (update: (p: Person) => Record<string, unknown>, next: string) => {
      await round(api, [p], update, next);
      // Under the chat's flood limit (8 updates in 5 s).
      await new Promise((r) => setTimeout(r, 700));
    };
    await toTwoDebts(step);

    const loads: number[] = [];
    const walls: number[] = [];
    let wireBytes = 0;
    let requests = 0;
    for (let i = 0; i < opts.loads; i++) {
      const context = await personIn(browser);
      const page = await context.newPage();
      await page.addInitScript('window.TelegramWebviewProxy = { postEvent: () => {} };');
      // The page's own clock (from navigation start, as the browser's paint timings count) when the debts appear.
      await page.addInitScript("new MutationObserver(() => { if (!window.__shown && document.querySelector('.card h3')) window.__shown = performance.now(); }).observe(document, { childList: true, subtree: true });");
      const cdp: CDPSession = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      let bytes = 0;
      let count = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        bytes += e.encodedDataLength;
        count++;
      });
      const hash = new URLSearchParams({
        tgWebAppData: signInitData(TOKEN, { user: telegramUser(p.id), authDate: nowSeconds() }),
        tgWebAppVersion: '8.0',
        tgWebAppPlatform: 'android',
        tgWebAppThemeParams: JSON.stringify({ bg_color: '#ffffff', text_color: '#000000' }),
      });
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${bot.port}/app#${hash.toString()}`, { waitUntil: 'commit' });
      await page.locator('.card h3').first().waitFor({ timeout: 30_000 });
      walls.push(Date.now() - started);
      loads.push(await page.evaluate<number>('window.__shown'));
      // Every response's bytes counted before they are read.
      await page.waitForLoadState('networkidle');
      wireBytes = bytes;
      requests = count;
      await context.close();
    }
    return { loads, walls, wireBytes, requests };
  } finally {
    await browser.close();
    await bot.stop();
    await api.stop();
  }
}
