import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/engine/inbound.js';
import { createRedisClient, waitUntilReady, type RedisClient } from '../../src/store/redis-client.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { launchChromium, onPage, personIn } from '../support/browser.js';
import { ROOT } from '../support/process.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { startWebChat } from '../support/web.js';

let browser: Browser;
let redis: TestRedis;
let client: RedisClient;
let chat: Awaited<ReturnType<typeof startWebChat>>;

beforeAll(async () => {
  [browser, redis] = await Promise.all([launchChromium(), startRedis()]);
  client = createRedisClient({ url: redis.url, cluster: false });
  await waitUntilReady(client, 5_000);
  chat = await startWebChat(createRedisStore(client, { ttlSeconds: 3600 }), { redis: client });
});
afterAll(async () => {
  await chat?.close();
  await browser?.close();
  client?.disconnect();
  await redis?.stop();
});

/** axe-core on the page as it is: no serious or critical violation. */
async function accessible(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Nothing wider than the screen, and every button big enough for a thumb. */
async function fitsThePhone(page: Page) {
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  const small = await page.evaluate<string[]>(
    `[...document.querySelectorAll('button, .doc a')].filter((b) => b.offsetParent !== null).map((b) => { const r = b.getBoundingClientRect(); return r.height < 44 || r.width < 44 ? b.textContent : null; }).filter(Boolean)`,
  );
  expect(small).toEqual([]);
}

const LABELS = {
  zh: { start: '开始', agree: '同意，开始', product: '花呗', overdue: '45天', cause: '失业', skip: '跳过', next: '下一步：选择请求', request: '延期', write: '写说明', asked: '是哪个产品逾期了' },
  en: { start: 'Start', agree: 'I agree', product: 'Huabei', overdue: '45 days', cause: 'ob loss', skip: 'Skip', next: 'Next: choose your request', request: 'An extension', write: 'Write it', asked: 'Which product' },
} as const;

/** From the first screen to the statement's download, as a person taps and types it; the name typed is given. */
async function walkToStatement(page: Page, lang: 'zh' | 'en', name: string, shoot?: (name: string) => Promise<void>) {
  const L = LABELS[lang];
  const p = onPage(page);
  await p.press(L.start);
  await p.press(L.agree);
  await accessible(page, 'consent given');
  await p.press(L.product);
  await p.say('5500');
  await p.say(L.overdue);
  await p.press(L.cause);
  await p.press(L.skip);
  await p.say('3000');
  await p.say('2500');
  await p.say('0');
  await shoot?.('summary');
  await accessible(page, 'step 1 summary');
  await p.say('/statement');
  await p.press(L.next);
  await p.press(L.request);
  await p.press(L.write);
  await p.say(name);
  await p.press(L.skip);
  await p.press(L.skip);
  await accessible(page, 'statement written');
  return p;
}

/** A page of the chat, open once the bot's first message is shown. */
async function opened(context: Awaited<ReturnType<typeof personIn>>): Promise<Page> {
  const page = await context.newPage();
  await page.goto(chat.origin);
  await page.locator('#messages li.bot').first().waitFor();
  return page;
}

/** The screenshots go to docs/ (shown by the README) when asked for with SCREENSHOTS=docs; else to a scratch folder. */
const DOCS = process.env.SCREENSHOTS === 'docs' ? join(ROOT, 'docs') : mkdtempSync(join(tmpdir(), 'xs-shots-'));

describe('the web chat in a real browser', () => {
  it('zh-CN at 390×844: the full walk to the statement download, its text in the .docx, a name shown as text', async () => {
    const context = await personIn(browser, { locale: 'zh-CN' });
    const page = await opened(context);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await accessible(page, 'first screen');
    await fitsThePhone(page);
    mkdirSync(DOCS, { recursive: true });
    const shoot = async (what: string) => {
      if (what === 'summary') await page.screenshot({ path: join(DOCS, 'web-chat-light.png') });
    };
    const p = await walkToStatement(page, 'zh', '<img src=x onerror=alert(1)>', shoot);

    // The name is the person's words: shown as they typed them, never made into an element.
    const statement = (await p.texts()).find((t) => t.startsWith('还款困难情况说明'));
    expect(statement).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#messages img').count()).toBe(0);
    await fitsThePhone(page);

    const link = page.locator('#messages li.doc a').first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const { value } = await mammoth.extractRawText({ path: await download.path() });
    expect(value).toContain('还款困难情况说明');
    expect(value).toContain('5,500');
    expect(value).toContain('<img src=x onerror=alert(1)>');

    // The menu: the same commands as Telegram's, by keyboard.
    await page.locator('#menu-button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#menu button[data-command]').count()).toBe(COMMANDS.length);
    await accessible(page, 'menu open');
    await page.keyboard.press('Escape');
    expect(await page.locator('#menu').isHidden()).toBe(true);
    await context.close();
  });

  it('en: the same walk in English, from the browser language', async () => {
    const context = await personIn(browser, { locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${chat.origin}/chat`);
    await page.locator('#messages li.bot').first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await walkToStatement(page, 'en', 'Li Hua');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#messages li.doc a').first().click()]);
    const { value } = await mammoth.extractRawText({ path: await download.path() });
    expect(value).toContain('5,500');
    expect(value).toContain('Li Hua');
    await context.close();
  });

  it('dark, at 360×640 and at 1280×800: readable (AA), nothing off the side; a reload mid-flow resumes where it was', async () => {
    const context = await personIn(browser, { locale: 'zh-CN', dark: true });
    const page = await opened(context);
    const p = onPage(page);
    await p.press(LABELS.zh.start);
    await p.press(LABELS.zh.agree);
    await p.press(LABELS.zh.product);
    await page.screenshot({ path: join(DOCS, 'web-chat-dark.png') });
    await accessible(page, 'dark');
    for (const [width, height] of [[360, 640], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      await fitsThePhone(page);
    }
    await page.setViewportSize({ width: 390, height: 844 });

    const before = await page.locator('#messages li').allInnerTexts();
    await page.reload();
    await expect.poll(() => page.locator('#messages li').count()).toBe(before.length);
    // Both sides, in order: the person's own words come back from this tab, the bot's from the server.
    expect(await page.locator('#messages li').allInnerTexts()).toEqual(before);
    expect(await p.last()).toContain('现在还欠多少没还');
    await p.say('5500');
    expect(await p.last()).toContain('逾期多少天');
    await context.close();
  });

  it('a second person can neither read the first one’s case nor fetch their document', async () => {
    const first = await personIn(browser);
    const page = await opened(first);
    await walkToStatement(page, 'zh', '王芳');
    const href = await page.locator('#messages li.doc a').first().getAttribute('href');

    const second = await personIn(browser);
    const other = await opened(second);
    expect((await onPage(other).texts()).join('\n')).not.toContain('王芳');
    const stolen = await other.request.get(`${chat.origin}${href!}`);
    expect(stolen.status()).toBe(404);
    await Promise.all([first.close(), second.close()]);
  });

  it('sends nothing while an input method is composing: Enter picks the candidate, the committed words go', async () => {
    const context = await personIn(browser);
    const page = await opened(context);
    const p = onPage(page);
    await p.press(LABELS.zh.start);
    await p.press(LABELS.zh.agree);
    await p.press(LABELS.zh.product);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/chat/input')) posts.push(r.postData() ?? '');
    });
    await page.focus('#input');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'wu', selectionStart: 2, selectionEnd: 2 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);
    expect(await page.locator('#messages li.me').last().innerText()).not.toBe('wu');
    await cdp.send('Input.insertText', { text: '五千五' });
    expect(await page.inputValue('#input')).toBe('五千五');
    await p.turn(() => page.keyboard.press('Enter'));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('五千五');
    expect(await p.last()).toContain('逾期多少天');
    await context.close();
  });

  it('a page on another origin cannot post into a conversation (forged Origin refused)', async () => {
    const context = await personIn(browser);
    const page = await opened(context);
    // localhost and 127.0.0.1 are different origins: a page on one posting to the other is a cross-site request.
    const elsewhere = chat.origin.replace('127.0.0.1', 'localhost');
    const evil = await context.newPage();
    await evil.goto(`${elsewhere}/chat/app.css`);
    await evil.evaluate(
      `fetch(${JSON.stringify(`${chat.origin}/chat/input`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ id: Date.now() * 1000, text: '/delete' }) }).catch(() => null)`,
    );
    // The same with the Origin header forged outright: refused, and nothing changed (no new message).
    const direct = await context.request.post(`${chat.origin}/chat/input`, {
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      data: { id: Date.now() * 1000, text: '/delete' },
    });
    expect(direct.status()).toBe(403);
    expect(await onPage(page).texts()).toHaveLength(1);
    await context.close();
  });
});
