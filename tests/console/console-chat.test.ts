import { describe, expect, it } from 'vitest';
import { startBotProcess } from '../support/process.js';

describe('the terminal chat (npm start -- --terminal)', () => {
  it('walks to the step-1 summary through stdin, buttons as numbered choices, and exits cleanly', async () => {
    const bot = startBotProcess({}, ['--terminal']);
    await bot.waitForOutput('[1] 开始 →');
    const say = async (line: string, expect: string | RegExp) => {
      bot.child.stdin.write(`${line}\n`);
      await bot.waitForOutput(expect);
    };
    await say('1', '同意，开始');
    await say('1', '哪个产品逾期了');
    await say('1', '现在还欠多少没还');
    await say('5500', '逾期多少天');
    await say('45天', '还不上主要是因为什么');
    await say('2', '什么时候开始的');
    await say('2', '每月大概收入');
    await say('3000', '省不掉的开销');
    await say('2500', '还要还其他欠款');
    await say('0', '今天先做这一件事');
    const out = bot.output();
    // The banner, in both languages, says how to answer and that nothing is kept without Redis.
    expect(out).toContain('输入按钮前的编号来点按钮');
    expect(out).toContain('in memory: nothing is kept after you quit');
    expect(out).toContain('5,500 元');
    expect(out).toContain('已逾期约 45 天');
    expect(out).not.toContain('<b>');
    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);
  });

  it('rehearses the call and shows the crib card, as in the other chats', async () => {
    const bot = startBotProcess({}, ['--terminal']);
    await bot.waitForOutput('[1] 开始 →');
    const say = async (line: string, expect: string | RegExp) => {
      bot.child.stdin.write(`${line}\n`);
      await bot.waitForOutput(expect);
    };
    for (const line of ['1', '1', '1', '5500', '45天', '2', '2', '3000', '2500']) bot.child.stdin.write(`${line}\n`);
    await say('0', '今天先做这一件事');
    await say('/checklist', '[2] ▶ 2. 联系平台');
    await say('2', '[3] 🎭 打电话前先练一练');
    await say('3', '选一句你最怕听到的');
    await say('1', '你会怎么回');
    await say('那我想办法今天全还', '别答应预算撑不住的事');
    await say('3', '提词卡：花呗');
    const out = bot.output();
    expect(out).toContain('每个月最多能拿出 500 元');
    expect(out).toContain('12378');
    expect(out).not.toContain('<b>');
    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);
  });

  it('stops on Ctrl-C (SIGINT) with exit code 0', async () => {
    const bot = startBotProcess({}, ['--terminal']);
    await bot.waitForOutput('[1] 开始 →');
    bot.child.kill('SIGINT');
    expect(await bot.exited).toBe(0);
  });

  it('refuses a bad configuration with one line naming the variable', async () => {
    const bot = startBotProcess({ TELEGRAM_BOT_TOKEN: '123456:abcdefghijklmnopqrstuvwxyz', WEBHOOK_URL: 'https://example.org/hook' });
    expect(await bot.exited).toBe(2);
    expect(bot.errors().trim()).toBe('Invalid configuration: WEBHOOK_SECRET is required when WEBHOOK_URL is set');
  });
});
