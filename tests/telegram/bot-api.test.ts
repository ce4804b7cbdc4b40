import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { createBotApi } from '../../src/telegram/bot-api.js';
import { createGateway } from '../../src/telegram/gateway.js';
import { fakeBotApiPerTest } from '../support/fake-bot-api.js';

const TOKEN = '123456:bot-api-test-token-bot-api-test';
const startApi = fakeBotApiPerTest(TOKEN);

/** The gateway on the direct client, as `src/main.ts` builds it, against the fake Bot API. */
async function setup() {
  const api = await startApi();
  const call = createBotApi({ token: TOKEN, apiRoot: api.apiRoot });
  const waits: number[] = [];
  const unused = {} as never;
  const gateway = createGateway(unused, { api: call, sleep: async (ms) => void waits.push(ms) });
  return { api, call, gateway, waits };
}

describe('the direct Bot API client', () => {
  it('sends a message with its buttons and no link preview, and returns its id', async () => {
    const { api, gateway } = await setup();
    const { messageId } = await gateway.sendText(7, '<b>你好</b>', [[{ label: '继续', data: '1~intro~continue' }]]);
    // The fake Bot API numbers its messages from 101.
    expect(messageId).toBe(101);
    expect(api.sentTo(7)[0]?.payload).toEqual({
      chat_id: 7,
      text: '<b>你好</b>',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: '继续', callback_data: '1~intro~continue' }]] },
    });
  });

  it('waits as long as Telegram says on 429, then delivers once', async () => {
    const { api, gateway, waits } = await setup();
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    await gateway.sendText(1, 'x');
    expect(waits).toEqual([3000]);
    expect(api.sentTo(1)).toHaveLength(1);
  });

  it("passes on Telegram's refusal of invalid HTML as a TelegramError, without retrying", async () => {
    const { api, gateway } = await setup();
    const refusal = gateway.sendText(1, '<b>unclosed');
    await expect(refusal).rejects.toBeInstanceOf(TelegramError);
    await expect(refusal).rejects.toMatchObject({ code: 400, description: expect.stringMatching(/can't parse entities/) });
    expect(api.received.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('treats "message is not modified" as done, and answers a button press with its text', async () => {
    const { api, gateway } = await setup();
    const { messageId } = await gateway.sendText(1, 'same');
    expect(await gateway.editText(1, messageId, 'same')).toBe('unchanged');
    expect(await gateway.editText(1, messageId, 'changed')).toBe('edited');
    await gateway.answerCallback('q1', '太快了');
    expect((await api.waitFor((c) => c.method === 'answerCallbackQuery')).payload).toEqual({ callback_query_id: 'q1', text: '太快了' });
  });

  it('turns a 5xx into a TelegramError of that status, which the gateway retries', async () => {
    const { api, gateway, waits } = await setup();
    api.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await gateway.sendText(1, 'x');
    expect(waits).toEqual([200]);
  });

  it('reports an unreachable Telegram as a network error with no token in its message', async () => {
    const { api, call } = await setup();
    await api.goDown();
    const err = (await call('sendMessage', { chat_id: 1, text: 'x' }).catch((e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.message).not.toContain(TOKEN);
  });
});
