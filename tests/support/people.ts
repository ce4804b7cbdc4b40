/** People talking to the bot through the fake Bot API, for the end-to-end tests of the real process. */
import type { FakeBotApi } from './fake-bot-api.js';


/** A Telegram user as the fake Bot API would deliver them: messages and button presses as raw updates. */
export function person(api: FakeBotApi, id: number) {
  const from = { id, is_bot: false, first_name: 'U', language_code: 'zh-hans' };
  const chat = { id, type: 'private', first_name: 'U' };
  return {
    id,
    message: (text: string) => ({ message: { message_id: 1, date: 0, chat, from, text } }),
    /** A press of the newest button whose label contains `label`. */
    press(label: string) {
      const withKeyboard = [...api.sentTo(id)].reverse().find((c) => c.payload.reply_markup?.inline_keyboard);
      const buttons: Array<{ text: string; callback_data: string }> = withKeyboard?.payload.reply_markup.inline_keyboard.flat() ?? [];
      const button = [...buttons].reverse().find((b) => b.text.includes(label));
      if (!button) throw new Error(`chat ${id}: no button "${label}" in ${buttons.map((b) => b.text).join(' | ')}`);
      return { callback_query: { id: `cb-${id}-${Math.random()}`, from, chat_instance: 'c', data: button.callback_data, message: { message_id: 1, date: 0, chat } } };
    },
    lastText: () => String(api.sentTo(id).at(-1)?.payload.text ?? ''),
  };
}
export type Person = ReturnType<typeof person>;

export const until = async (what: string, check: () => boolean, timeoutMs = 20_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export const ASKS = { amount: '现在还欠多少没还', overdue: '逾期多少天了', cause: '还不上主要是因为什么' };

/** Pushes one update per person in one getUpdates batch, then waits until each has been asked `next`. */
export async function round(api: FakeBotApi, people: Person[], update: (p: Person) => Record<string, unknown>, next: string) {
  api.pushUpdates(people.map(update));
  await until(`everyone to be asked "${next}"`, () => people.every((p) => p.lastText().includes(next)));
}

/** One update per person, delivered however the test delivers them; resolves once each has been asked `next`. */
export type Step = (update: (p: Person) => Record<string, unknown>, next: string) => Promise<void>;

/** From /start to the amount question, everyone at once, one step after the other. */
export async function toAmountQuestion(step: Step) {
  await step((p) => p.message('/start'), '协商助手');
  await step((p) => p.press('开始'), '征得你的同意');
  await step((p) => p.press('同意，开始'), '是哪个产品逾期了');
  await step((p) => p.press('花呗'), ASKS.amount);
}

/**
 * From /start to a case of two debts (花呗 5,500 元 45 days overdue, 借呗 12,000 元 30 days; laid off, 6,000 in,
 * 3,500 essentials): everyone at once, one step after the other, until asked whether there is another debt.
 */
export async function toTwoDebts(step: Step) {
  await toAmountQuestion(step);
  await step((p) => p.message('5500'), ASKS.overdue);
  await step((p) => p.message('45天'), ASKS.cause);
  await step((p) => p.press('失业'), '什么时候开始');
  await step((p) => p.message('2026年8月'), '每月大概收入');
  await step((p) => p.message('6000'), '省不掉的开销');
  await step((p) => p.message('3500'), '还要还其他欠款');
  await step((p) => p.message('0'), '还有别的欠款吗');
  await step((p) => p.press('再加一笔欠款'), '是哪个产品逾期了');
  await step((p) => p.press('借呗'), ASKS.amount);
  await step((p) => p.message('12000'), ASKS.overdue);
  await step((p) => p.message('30天'), '日利率');
  await step((p) => p.press('跳过'), '还有别的欠款吗');
}

/** Today's date in Shanghai minus `days`, as the case stores a due date. */
export const daysAgo = (days: number) => {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
};


/** The 99th percentile of a list of latencies (ms). */
export const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.99) - 1] ?? 0;
