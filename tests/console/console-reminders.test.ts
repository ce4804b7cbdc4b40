import { describe, expect, it } from 'vitest';
import { startBotProcess } from '../support/process.js';

/** Minutes from now to the next noon in Shanghai, so the terminal's clock starts in the day, outside quiet hours. */
function toNextShanghaiNoon(): string {
  const now = Date.now();
  const noon = new Date(now);
  noon.setUTCHours(4, 0, 0, 0);
  if (noon.getTime() <= now) noon.setUTCDate(noon.getUTCDate() + 1);
  return `${Math.round((noon.getTime() - now) / 60_000)}m`;
}

describe('reminders in the terminal chat (in-process queue, movable clock)', () => {
  it('turns reminders on, lists them with dates, and /clock moves time so the call-back reminder fires', async () => {
    const bot = startBotProcess({ XS_CLOCK_OFFSET: toNextShanghaiNoon() }, ['--terminal']);
    await bot.waitForOutput('[1] 开始 →');
    const say = async (line: string, expect: string | RegExp) => {
      bot.child.stdin.write(`${line}\n`);
      await bot.waitForOutput(expect);
    };
    for (const [line, next] of [
      ['1', '同意，开始'],
      ['1', '是哪个产品逾期了'],
      ['1', '还欠多少没还'],
      ['5500', '比如 45天'],
      ['45天', '还不上主要是因为什么'],
      ['2', '从什么时候开始'],
      ['2', '每月大概收入'],
      ['3000', '省不掉的开销'],
      ['2500', '还要还其他欠款'],
      ['0', '还有别的欠款吗'],
      ['2', '记一通电话'],
      ['1', '这次是怎么联系的'],
      ['1', '哪天联系的'],
      ['1', '结果怎么样'],
      ['1', '工号'],
      ['A1234', '对方答应了什么'],
      ['可以分12期', '下次什么时候再联系'],
      ['明天', '要不要我到时候提醒你'],
      ['1', '已安排的提醒'],
    ] as const) {
      await say(line, next);
    }
    expect(bot.output()).toMatch(/1\. \d{4}年\d{1,2}月\d{1,2}日：再联系平台/);
    await say('/clock 1d', /\[1\] 📞 看通话提纲/);
    expect(bot.output()).toContain('今天的提醒');
    expect(bot.output()).toContain('今天该再联系花呗（95188）了');
    await say('/clock nonsense', '用法：/clock');
    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);
  });
});
