import { describe, expect, it } from 'vitest';
import { createBotHarness } from '../support/bot-harness.js';
import { botApiTextError, telegramHtmlError } from '../support/telegram-html.js';
import { asLender } from '../support/stored.js';
import { walk, type StepOneAnswers } from '../support/walks.js';

describe('the strict Telegram HTML check the fake Bot APIs share', () => {
  it.each([
    ['<b>粗体</b> <i>斜体</i> <u>u</u> <s>s</s> <code>x</code> <pre><code class="language-ts">y</code></pre>'],
    ['<a href="https://example.org/?a=1&amp;b=2">link</a> <span class="tg-spoiler">s</span> <tg-spoiler>t</tg-spoiler>'],
    ['<blockquote expandable>引用</blockquote> &lt;3 &amp; &gt; &quot; &#8364; &#x1F600; 😀'],
    ['<b>外<i>内</i></b>'],
  ])('accepts what Telegram accepts: %s', (html) => {
    expect(telegramHtmlError(html)).toBeNull();
  });

  it.each([
    ['<3 小明', "can't parse entities: Unclosed start tag at byte offset 0"],
    ['a <br> b', 'can\'t parse entities: Unsupported start tag "br" at byte offset 2'],
    ['<b>open', 'can\'t parse entities: Can\'t find end tag corresponding to start tag "b"'],
    ['<b><i>x</b></i>', 'can\'t parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['x</b>', "can't parse entities: Unexpected end tag at byte offset 1"],
    ['Tom & Jerry', "can't parse entities: Can't find end of the entity starting at byte offset 4"],
    ['&nbsp;', "can't parse entities: Can't find end of the entity starting at byte offset 0"],
    ['a > b', "can't parse entities: Character '>' is reserved and must be escaped at byte offset 2"],
    ['<span>x</span>', 'can\'t parse entities: Unsupported start tag "span" at byte offset 0'],
    ['<a>x</a>', 'can\'t parse entities: Unsupported start tag "a" at byte offset 0'],
    ['<code><b>x</b></code>', 'can\'t parse entities: Can\'t nest "b" inside "code" at byte offset 6'],
    ['&#xD800;', "can't parse entities: Invalid character reference at byte offset 0"],
    ['半个表情\ud83d', 'text must be encoded in UTF-8'],
    ['\ude00', 'text must be encoded in UTF-8'],
    ['<b> </b>', 'message text is empty'],
    ['字'.repeat(4097), 'message is too long'],
  ])('refuses what Telegram refuses: #%#', (html, error) => {
    expect(telegramHtmlError(html)).toBe(error);
  });

  it('counts the length after entities, as Telegram does', () => {
    expect(telegramHtmlError('&amp;'.repeat(4096))).toBeNull();
  });

  it('checks captions in HTML, and callback answers and button labels as plain text', () => {
    expect(botApiTextError('sendDocument', { caption: '<x>', parse_mode: 'HTML' })).toMatch(/Unsupported start tag "x"/);
    expect(botApiTextError('answerCallbackQuery', { text: '<3 ok' })).toBeNull();
    expect(botApiTextError('answerCallbackQuery', { text: 'cut\ud83d' })).toBe('text must be encoded in UTF-8');
    const keyboard = { inline_keyboard: [[{ text: 'a\udc00', callback_data: 'x' }]] };
    expect(botApiTextError('sendMessage', { text: 'ok', parse_mode: 'HTML', reply_markup: keyboard })).toBe('text must be encoded in UTF-8');
  });
});

describe('user text shown back to the user', () => {
  const facts: StepOneAnswers = { product: '花呗', amount: '5500', overdue: '45天', cause: '失业', since: '2026年8月', income: '3000', essentials: '2500', otherDebts: '0' };

  it('a name like "<3 小明" is shown on the review page, and the page can be reached again after it', async () => {
    const h = createBotHarness();
    const u = h.user(3301, 'zh-hans');
    await walk.toStepOneResult(u, facts);
    await walk.toStatementIdentity(u, '分期');
    await u.send('<3 小明 & 😀');
    await u.press('跳过');
    await u.press('跳过');
    await u.send('/statement');
    await u.press('改内容');
    expect(u.last()).toContain('<3 小明 & 😀');
    await u.press('✏️ 逾期金额');
    await u.send('6000');
    expect(u.last()).toContain('<3 小明 & 😀');
    expect(h.refused).toEqual([]);
  });

  it('a name cut at its length cap keeps whole emoji (no half of a surrogate pair reaches Telegram)', async () => {
    const h = createBotHarness();
    const u = h.user(3302, 'zh-hans');
    await walk.toStepOneResult(u, facts);
    await walk.toStatementIdentity(u, '分期');
    await u.send(`小${'👨‍👩‍👧'.repeat(30)}`);
    await u.press('跳过');
    await u.press('跳过');
    await u.send('/statement');
    await u.press('改内容');
    const stored = (await h.store.load(3302))?.snapshot as { context: { statement: { name: string } } };
    const name = stored.context.statement.name;
    expect(name.length).toBeLessThanOrEqual(40);
    expect(name).toMatch(/^小(👨‍👩‍👧)+$/u);
    expect(u.last()).toContain(name);
  });

  it('a right-to-left override cannot make "‮0003" mean one thing and show another', async () => {
    const h = createBotHarness();
    const u = h.user(3303, 'zh-hans');
    await walk.toAmountQuestion(u);
    await u.send('\u202e0003');
    // A debt of 3 元 is hard to believe, so it is asked back first; "是" keeps what was typed.
    await u.send('是');
    await u.send('45天');
    const stored = asLender((await h.store.load(3303))?.snapshot);
    expect(stored.context.facts.amountFen).toBe(300);
    expect(u.texts().join('\n')).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
  });
});
