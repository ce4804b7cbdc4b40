import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPlain } from '../../src/render/html.js';
import { launchChromium, personIn } from '../support/browser.js';
import { TOKEN, useE2eRig } from '../support/e2e-rig.js';
import { nowSeconds, signInitData, telegramUser } from '../support/init-data.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api.js';
import { person, round, toTwoDebts, until, type Person } from '../support/people.js';
import { freePort } from '../support/ports.js';
import { ROOT, startBotProcess, type BotProcess } from '../support/process.js';
import { asCase } from '../support/stored.js';

/*
 * The Telegram Mini App against the real bot process, a real redis-server and the fake Bot API, in Chromium: the
 * page opened with launch data the test signs with the bot's token, Telegram's bridge stubbed in the page.
 */

const rig = useE2eRig();
let browser: Browser;
let api: FakeBotApi;
let bot: BotProcess;
let port: number;
const PUBLIC_URL = 'https://app.example.org';
const DARK = { bg_color: '#17212b', text_color: '#f5f5f5', secondary_bg_color: '#232e3c', hint_color: '#708499', button_color: '#5288c1', button_text_color: '#ffffff' };

/** One person per test, each with a case of their own. */
const people: Person[] = [];
let used = 0;

/**
 * One real process with the Mini App on for the file, and, walked through the chat together (one update each per
 * round, paced under the flood limit), people whose chats each have two debts and the checklist posted.
 */
beforeAll(async () => {
  browser = await launchChromium();
  api = await startFakeBotApi({ token: TOKEN });
  port = await freePort();
  bot = startBotProcess({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, REDIS_URL: rig.redis().url, PORT: String(port), PUBLIC_URL, LOG_LEVEL: 'info' });
  await bot.waitForOutput('bot started');
  for (let i = 0; i < 10; i++) people.push(person(api, 97_000 + i));
  const step = async (update: (p: Person) => Record<string, unknown>, next: string) => {
    await round(api, people, update, next);
    // A person answers no faster than the flood limit allows (8 in 5 s).
    await new Promise((r) => setTimeout(r, 700));
  };
  await toTwoDebts(step);
  await step((p) => p.message('/checklist'), '你的协商清单');
  // The checklist's message id is stored just after it is sent.
  for (const p of people) await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).checklistMessageId !== null);
}, 120_000);
afterAll(async () => {
  bot?.signal('SIGKILL');
  await api?.stop();
  await browser?.close();
});

/** The next person's case, untouched by the other tests. */
const withCase = async () => ({ api, port, p: people[used++]! });

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A tab of the Mini App as Telegram opens it: signed launch data in the fragment, the bridge stubbed. */
async function openApp(port: number, p: Person, opts: { dark?: boolean; initData?: string } = {}): Promise<Page> {
  const context = await personIn(browser, { dark: opts.dark ?? false });
  const page = await context.newPage();
  await page.addInitScript("window.TelegramWebviewProxy = { postEvent: (t, d) => (window.__tg ??= []).push([t, d]) };");
  const initData = opts.initData ?? signInitData(TOKEN, { user: telegramUser(p.id), authDate: nowSeconds() });
  const theme = opts.dark ? DARK : { bg_color: '#ffffff', text_color: '#000000', secondary_bg_color: '#f1f1f1' };
  const hash = new URLSearchParams({ tgWebAppData: initData, tgWebAppVersion: '8.0', tgWebAppPlatform: 'android', tgWebAppThemeParams: JSON.stringify(theme) });
  await page.goto(`http://127.0.0.1:${port}/app#${hash.toString()}`);
  return page;
}

/** The calls the page made to Telegram (the stubbed bridge kept them). */
const bridgeCalls = (page: Page) => page.evaluate<Array<[string, string]>>('window.__tg ?? []');

const checklistEdits = (api: FakeBotApi, p: Person) => api.calls.filter((c) => c.method === 'editMessageText' && Number(c.payload.chat_id) === p.id);
const lastChecklist = (api: FakeBotApi, p: Person) =>
  htmlToPlain(String([...api.sentTo(p.id)].reverse().find((c) => String(c.payload.text).includes('你的协商清单'))?.payload.text ?? ''));

describe('the Mini App', () => {
  it('shows the debts as the chat lists them; an amount changed to "1.2万" edits the chat\'s checklist in place with the new total and split', async () => {
    const { api, port, p } = await withCase();
    const page = await openApp(port, p);
    await page.locator('.card h3').first().waitFor();
    // The launch data was exchanged by the page's head (its script allowed by the CSP), once.
    expect(await page.evaluate('window.xsSession instanceof Promise')).toBe(true);
    const cards = await page.locator('.card').allInnerTexts();
    const checklist = lastChecklist(api, p);
    // Each debt's name, amount, days overdue and charge a day read as in the chat's checklist.
    expect(checklist).toContain('1. 花呗 · 5,500 元 · 逾期 45 天 · 每天约 2.75 元');
    expect(cards[0]).toContain('花呗');
    expect(cards[0]).toContain('5,500 元');
    expect(cards[0]).toContain('逾期 45 天');
    expect(cards[0]).toContain('每天约 2.75 元');
    expect(cards[1]).toContain('借呗');
    expect(cards[1]).toContain('12,000 元');
    expect(await page.locator('h2').first().innerText()).toContain('一共 17,500 元');

    await page.locator('.card').first().getByRole('button', { name: '改这一笔' }).click();
    const bridge = await bridgeCalls(page);
    expect(bridge.some(([t, d]) => t === 'web_app_setup_back_button' && JSON.parse(d).is_visible === true)).toBe(true);
    await page.fill('#f-amount-0', '1.2万');
    await page.locator('form.field', { has: page.locator('#f-amount-0') }).getByRole('button', { name: '保存' }).click();
    await until('the checklist to be edited', () => checklistEdits(api, p).length > 0);
    const edited = htmlToPlain(String(checklistEdits(api, p).at(-1)!.payload.text));
    expect(edited).toContain('一共 24,000 元');
    // 2,500 a month to spare, in proportion to 12,000 and 12,000.
    expect(edited).toContain('每月 1,250 元');
    expect(asCase((await rig.store().load(p.id))?.snapshot).debts[0]!.amountFen).toBe(1_200_000);
    await expect.poll(() => page.locator('#status').innerText()).toContain('已保存');

    // Telegram's back button returns to the case, which shows the new amount.
    await page.evaluate("Telegram.WebView.receiveEvent('back_button_pressed')");
    await expect.poll(() => page.locator('.card').first().innerText()).toContain('12,000 元');
  });

  it('refuses what the chat refuses, says why under the field, and keeps what was typed', async () => {
    const { port, p } = await withCase();
    const page = await openApp(port, p);
    await page.getByRole('button', { name: '每月收支' }).click();
    await page.fill('#f-income', '不知道');
    await page.locator('form.field', { has: page.locator('#f-income') }).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#f-income-error').innerText()).toContain('没看懂是多少钱');
    expect(await page.inputValue('#f-income')).toBe('不知道');
    expect(asCase((await rig.store().load(p.id))?.snapshot).facts.incomeFen).toBe(600_000);
    await page.fill('#f-income', '五千五');
    await page.locator('form.field', { has: page.locator('#f-income') }).getByRole('button', { name: '保存' }).click();
    await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).facts.incomeFen === 550_000);
  });

  it('typed with a Chinese input method: Enter while pinyin is composed saves nothing; Enter after the words are in saves them', async () => {
    const { port, p } = await withCase();
    const page = await openApp(port, p);
    await page.getByRole('button', { name: '每月收支' }).click();
    const edits: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/app/api/edit')) edits.push(r.postData() ?? '');
    });
    await page.fill('#f-income', '');
    await page.focus('#f-income');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'wu', selectionStart: 2, selectionEnd: 2 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(edits).toEqual([]);
    await cdp.send('Input.insertText', { text: '五千五' });
    expect(await page.inputValue('#f-income')).toBe('五千五');
    await page.keyboard.press('Enter');
    await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).facts.incomeFen === 550_000);
    // The browser's report of the request can reach the test after the server has stored the edit (a loaded machine).
    await expect.poll(() => edits.length).toBe(1);
  });

  it('a name changed on the statement is in the .docx that "send to chat" (Telegram\'s main button) delivers', async () => {
    const { api, port, p } = await withCase();
    const page = await openApp(port, p);
    await page.locator('.card').nth(1).getByRole('button', { name: '情况说明' }).click();
    await page.fill('#f-name', '李小梅');
    await page.locator('form.field', { has: page.locator('#f-name') }).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#preview').innerText()).toContain('李小梅');
    await page.getByRole('checkbox', { name: '延期还款' }).check();
    await page.locator('fieldset').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#status').innerText()).toContain('已保存');
    const bridge = await bridgeCalls(page);
    expect(bridge.some(([t, d]) => t === 'web_app_setup_main_button' && JSON.parse(d).text === '发到聊天里')).toBe(true);

    await page.evaluate("Telegram.WebView.receiveEvent('main_button_pressed')");
    await expect.poll(() => page.locator('#status').innerText()).toContain('已经把说明');
    await until('the statement to be sent', () => api.calls.some((c) => c.method === 'sendDocument' && Number(c.payload.chat_id) === p.id));
    const doc = api.calls.find((c) => c.method === 'sendDocument' && Number(c.payload.chat_id) === p.id)!;
    expect(doc.file!.filename).toMatch(/\.docx$/);
    const xml = await (await JSZip.loadAsync(doc.file!.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('李小梅');
    expect(xml).toContain('借呗');
  });

  it('a second tab changing the same field meanwhile: a conflict is shown, the first change kept, the second still typed', async () => {
    const { port, p } = await withCase();
    const [a, b] = [await openApp(port, p), await openApp(port, p)];
    for (const page of [a, b]) await page.getByRole('button', { name: '每月收支' }).click();
    const save = (page: Page, text: string) =>
      page.fill('#f-essentials', text).then(() => page.locator('form.field', { has: page.locator('#f-essentials') }).getByRole('button', { name: '保存' }).click());
    await save(a, '3000');
    await expect.poll(() => a.locator('#status').innerText()).toContain('已保存');
    await save(b, '4000');
    await expect.poll(() => b.locator('#status').innerText()).toContain('刚才聊天里改过你的案件');
    expect(await b.inputValue('#f-essentials')).toBe('4000');
    expect(asCase((await rig.store().load(p.id))?.snapshot).facts.essentialsFen).toBe(300_000);
    // Saved again against the fresh case, it is applied.
    await save(b, '4000');
    await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).facts.essentialsFen === 400_000);
  });

  it('a debt\'s lender picked again from the chat\'s list: a card asks its bank, "other bank" its name, and the case and checklist follow', async () => {
    const { api, port, p } = await withCase();
    const page = await openApp(port, p);
    await page.locator('.card').nth(1).getByRole('button', { name: '改这一笔' }).click();
    const save = (id: string) => page.locator('form.field', { has: page.locator(id) }).getByRole('button', { name: '保存' }).click();
    await page.selectOption('#f-product-1', { label: '信用卡' });
    await save('#f-product-1');
    await page.locator('#f-bank-1').waitFor();
    await page.selectOption('#f-bank-1', { label: '其他银行' });
    await save('#f-bank-1');
    await page.locator('#f-lenderName-1').waitFor();
    await page.fill('#f-lenderName-1', '青岛银行');
    await save('#f-lenderName-1');
    await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).debts[1]!.lenderName === '青岛银行');
    expect(asCase((await rig.store().load(p.id))?.snapshot).debts[1]).toMatchObject({ product: 'credit_card', bank: 'other_bank', amountFen: 1_200_000 });
    await until('the checklist to name it', () => checklistEdits(api, p).some((c) => String(c.payload.text).includes('青岛银行')));
  });

  it('reminders: turned on, one cancelled and the zone picked on the page are stored as the chat\'s buttons store them; the chat is not told', async () => {
    const { api, port, p } = await withCase();
    const page = await openApp(port, p);
    await page.getByRole('button', { name: '提醒', exact: true }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('提醒现在是关着的');
    await page.getByRole('button', { name: '打开提醒' }).click();
    await page.locator('#reminders li').first().waitFor();
    expect(asCase((await rig.store().load(p.id))?.snapshot).reminders?.choice).toBe('on');
    // Quiet hours are said where the zone is chosen.
    expect(await page.locator('main').innerText()).toContain('晚上 9 点到早上 9 点之间不发');

    const items = page.locator('#reminders li');
    const count = await items.count();
    // The last: one due today may go out to the chat meanwhile (outside quiet hours), and is no conflict.
    await items.last().getByRole('button', { name: '取消' }).click();
    await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).reminders?.cancelled.length === 1);
    await expect.poll(() => items.count()).toBeLessThan(count);

    await page.selectOption('#f-zone', { label: '伦敦' });
    await page.locator('form.field', { has: page.locator('#f-zone') }).getByRole('button', { name: '保存' }).click();
    await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).reminders?.timeZone === 'Europe/London');
    await expect.poll(() => page.locator('main').innerText()).toContain('伦敦');
    // Said on the page only: the chat gets none of the chat buttons' answers.
    const chat = api.sentTo(p.id).map((c) => String(c.payload.text));
    for (const answer of ['提醒开好了', '这条提醒取消了', '时区改好了']) expect(chat.some((t) => t.includes(answer))).toBe(false);

    await page.getByRole('button', { name: '全部关掉' }).click();
    await waitFor(async () => asCase((await rig.store().load(p.id))?.snapshot).reminders?.choice === 'off');
    await expect.poll(() => page.locator('main').innerText()).toContain('提醒现在是关着的');
  });

  it('my data: the copy goes to the chat as two files; deleting is asked once more on the page, then everything is gone and the session with it', async () => {
    const { api, port, p } = await withCase();
    const page = await openApp(port, p);
    await page.getByRole('button', { name: '我的资料' }).click();
    await page.getByRole('button', { name: '把我的资料发给我' }).click();
    await expect.poll(() => page.locator('#status').innerText()).toContain('发好了');
    const files = api.calls.filter((c) => c.method === 'sendDocument' && Number(c.payload.chat_id) === p.id).map((c) => c.file!.filename);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    expect(files).toHaveLength(2);

    await page.getByRole('button', { name: '删除我的全部资料' }).click();
    await expect.poll(() => page.locator('#delete-confirm').innerText()).toContain('不能恢复');
    // Not yet: the question only.
    await page.getByRole('button', { name: '先不删' }).click();
    expect(await page.locator('#delete-confirm').isHidden()).toBe(true);
    expect(await rig.store().load(p.id)).not.toBeNull();

    const token = await page.evaluate<string>(`(async () => { const r = await fetch('/app/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ initData: new URLSearchParams(location.hash.slice(1)).get('tgWebAppData') }) }); return (await r.json()).token; })()`);
    await page.getByRole('button', { name: '删除我的全部资料' }).click();
    await page.getByRole('button', { name: '确定删除' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('已经全部删除');
    expect(await rig.store().load(p.id)).toBeNull();
    await until('the chat to say so', () => api.sentTo(p.id).some((c) => String(c.payload.text).includes('已删除')));
    // Every session of the person ended with the rest of their records.
    expect((await fetch(`http://127.0.0.1:${port}/app/api/case`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('passes axe-core with no serious violation, in light and dark themes (screenshots at 390×844 in docs/)', async () => {
    const { port, p } = await withCase();
    for (const dark of [false, true]) {
      const page = await openApp(port, p, { dark });
      await page.locator('.card h3').first().waitFor();
      for (const screen of ['home', 'statement', 'reminders', 'data'] as const) {
        if (screen === 'statement') await page.locator('.card').first().getByRole('button', { name: '情况说明' }).click();
        if (screen === 'reminders') await page.getByRole('button', { name: '提醒', exact: true }).click();
        if (screen === 'data') {
          await page.getByRole('button', { name: '我的资料' }).click();
          await page.getByRole('button', { name: '删除我的全部资料' }).click();
        }
        const { violations } = await new AxeBuilder({ page }).analyze();
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${screen} ${dark ? 'dark' : 'light'}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
        if (screen !== 'home') {
          await page.evaluate("Telegram.WebView.receiveEvent('back_button_pressed')");
          await page.locator('.card h3').first().waitFor();
        }
      }
      await page.screenshot({ path: join(ROOT, 'docs', `mini-app-${dark ? 'dark' : 'light'}.png`) });
    }
  });
});

describe('opening it from the chat', () => {
  it('the checklist offers the page as a web_app button at PUBLIC_URL, and the chat\'s menu button says 我的案件', async () => {
    const p = people[0]!;
    const checklist = [...api.sentTo(p.id)].reverse().find((c) => String(c.payload.text).includes('你的协商清单'))!;
    const buttons: Array<{ text: string; web_app?: { url: string }; callback_data?: string }> = checklist.payload.reply_markup.inline_keyboard.flat();
    expect(buttons.find((b) => b.web_app)).toEqual({ text: '📋 在页面里查看和修改', web_app: { url: `${PUBLIC_URL}/app` } });
    const menu = api.calls.filter((c) => c.method === 'setChatMenuButton' && Number(c.payload.chat_id) === p.id);
    expect(menu.map((c) => c.payload.menu_button)).toEqual([{ type: 'web_app', text: '我的案件', web_app: { url: `${PUBLIC_URL}/app` } }]);
  });
});

describe('who may open a case', () => {
  it('forged, stale, another bot\'s or tampered launch data is refused with 401, and nothing is opened or changed', async () => {
    const { port, p } = await withCase();
    const before = await rig.store().load(p.id);
    const session = (initData: string) =>
      fetch(`http://127.0.0.1:${port}/app/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ initData }) }).then((r) => r.status);
    const good = signInitData(TOKEN, { user: telegramUser(p.id), authDate: nowSeconds() });
    const forged = good.replace(/hash=[0-9a-f]{4}/, 'hash=0000');
    const stale = signInitData(TOKEN, { user: telegramUser(p.id), authDate: nowSeconds() - 2 * 3600 });
    const future = signInitData(TOKEN, { user: telegramUser(p.id), authDate: nowSeconds() + 3600 });
    const otherBot = signInitData('654321:another-bots-token-entirely-xx', { user: telegramUser(p.id), authDate: nowSeconds() });
    const tampered = good.replace(encodeURIComponent(`"id":${p.id}`), encodeURIComponent(`"id":${p.id + 1}`));
    expect(tampered).not.toBe(good);
    expect(await session(good)).toBe(200);
    for (const bad of [forged, stale, future, otherBot, tampered, '']) expect(await session(bad)).toBe(401);

    // Without a session nothing is read or changed.
    expect((await fetch(`http://127.0.0.1:${port}/app/api/case`)).status).toBe(401);
    const edit = await fetch(`http://127.0.0.1:${port}/app/api/edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer 1.AAAAAAAAAAAAAAAAAAAAAA' },
      body: JSON.stringify({ version: before!.version, field: 'amount', debt: 0, text: '1' }),
    });
    expect(edit.status).toBe(401);
    expect((await rig.store().load(p.id))!.version).toBe(before!.version);

    // The page's other calls: none without a session, none from another origin, none with a body that is not theirs.
    const token = ((await (await fetch(`http://127.0.0.1:${port}/app/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ initData: good }) })).json()) as { token: string }).token;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) }).then((r) => r.status);
    for (const path of ['/app/api/reminder', '/app/api/export', '/app/api/delete']) {
      expect(await post(path, { field: 'on', text: '' }, { authorization: 'Bearer 1.AAAAAAAAAAAAAAAAAAAAAA' })).toBe(401);
      expect(await post(path, { field: 'on', text: '' }, { origin: 'https://evil.example' })).toBe(403);
    }
    expect(await post('/app/api/reminder', { field: 'on' })).toBe(400);
    expect(await post('/app/api/edit', { field: 'amount', debt: 0, text: '1' })).toBe(400);
    expect((await rig.store().load(p.id))!.version).toBe(before!.version);
    // The case comes compressed.
    const viewed = await fetch(`http://127.0.0.1:${port}/app/api/case`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
    expect(viewed.headers.get('content-encoding')).toBe('gzip');

    // In the page: the refusal, and no case.
    const page = await openApp(port, p, { initData: stale });
    await expect.poll(() => page.locator('main').innerText()).toContain('从 Telegram 里打开');
  });
});
