import { Telegraf } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/telegram/gateway.js';
import { fakeBotApiPerTest } from '../support/fake-bot-api.js';

const TOKEN = '123:gateway-test-token';
const startApi = fakeBotApiPerTest(TOKEN);

async function setup() {
  const api = await startApi();
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot: api.apiRoot, webhookReply: false } });
  const waits: number[] = [];
  const gateway = createGateway(bot.telegram, { sleep: async (ms) => void waits.push(ms) });
  return { api, gateway, waits };
}

describe('the Telegram gateway', () => {
  it('waits as long as Telegram says on 429, then delivers', async () => {
    const { api, gateway, waits } = await setup();
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    const { messageId } = await gateway.sendText(1, '<b>你好</b>');
    expect(messageId).toBeGreaterThan(0);
    expect(waits).toEqual([3000]);
  });

  it('gives up on a ban longer than it will wait, and never retries other 4xx', async () => {
    const { api, gateway } = await setup();
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 73_414 } });
    await expect(gateway.sendText(1, 'x')).rejects.toThrow(/429/);
    api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(gateway.sendText(1, 'x')).rejects.toThrow(/403/);
  });

  it('treats "message is not modified" as done', async () => {
    const { gateway } = await setup();
    const { messageId } = await gateway.sendText(1, 'same');
    expect(await gateway.editText(1, messageId, 'same')).toBe('unchanged');
    expect(await gateway.editText(1, messageId, 'changed')).toBe('edited');
  });

  it('uploads a document with its filename and bytes intact', async () => {
    const { api, gateway } = await setup();
    const bytes = new Uint8Array([80, 75, 3, 4, 0, 255]);
    await gateway.sendDocument(1, { filename: '还款困难情况说明-2026-11-24.docx', bytes });
    const call = await api.waitFor((c) => c.method === 'sendDocument');
    expect(call.file?.filename).toBe('还款困难情况说明-2026-11-24.docx');
    expect([...(call.file?.bytes ?? [])]).toEqual([...bytes]);
  });

  it('refuses what Telegram would refuse, before sending', async () => {
    const { gateway } = await setup();
    await expect(gateway.sendText(1, 'x'.repeat(4097))).rejects.toThrow(/4096/);
    await expect(gateway.sendText(1, 'x', [[{ label: 'b', data: '字'.repeat(22) }]])).rejects.toThrow(/64 bytes/);
  });
});
