import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The distribution's Chromium (no browser download): CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One Chromium for a test file. No browser is an error naming the install line, never a silent skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y --no-install-recommends chromium fonts-wqy-microhei) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A phone (390×844) or any viewport, in a language and a colour scheme; each context is a separate person. */
export function personIn(browser: Browser, opts: { locale?: string; dark?: boolean; width?: number; height?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: opts.width ?? 390, height: opts.height ?? 844 },
    locale: opts.locale ?? 'zh-CN',
    colorScheme: opts.dark ? 'dark' : 'light',
    acceptDownloads: true,
    hasTouch: true,
  });
}

/** What a person does on the chat page, each step waiting until the bot's answer is on screen. */
export function onPage(page: Page) {
  // Page-side code is given as text: these tests are typed for Node, not for the DOM.
  const shown = () => page.evaluate<number>("Number(document.getElementById('log').dataset.shown ?? 0)");
  /** Runs `action` and waits for the turn's replies: something new shown, and "typing…" gone. */
  const turn = async (action: () => Promise<void>) => {
    const before = await shown();
    await action();
    // A function, not a string: the page's CSP forbids eval, and playwright evaluates a string predicate with it.
    await page.waitForFunction((n) => {
      const doc = (globalThis as { document?: { getElementById(id: string): { dataset: Record<string, string>; hidden: boolean } | null } }).document;
      return Number(doc?.getElementById('log')?.dataset.shown ?? 0) > n && doc?.getElementById('typing')?.hidden === true;
    }, before);
  };
  return {
    shown,
    turn,
    /** Taps the newest button whose label contains `label`. */
    press: (label: string) => turn(() => page.locator('#messages li.bot .buttons button', { hasText: label }).last().click()),
    /** Types a line and presses Enter. */
    say: (text: string) =>
      turn(async () => {
        await page.fill('#input', text);
        await page.press('#input', 'Enter');
      }),
    /** The bot's messages as the person reads them. */
    texts: () => page.locator('#messages li.bot .bubble').allInnerTexts(),
    last: async () => (await page.locator('#messages li.bot .bubble').allInnerTexts()).at(-1) ?? '',
  };
}
