/**
 * What the simulated people send: step 1 of the flow (12 updates), and for long cases the same intake again after
 * "/start" → "clear and start again" (11 updates a round), so update #500 is the same answer, in the same state, as
 * update #5. Button data is written as the bot writes it (`1~<question>~<choice>`), so a driver never needs to
 * wait for a reply to know what to press.
 */
import type { Update } from 'telegraf/types';

export type Step = { text: string } | { press: string; at: string };

export const STEP_ONE: Step[] = [
  { text: '/start' },
  { press: 'continue', at: 'intro' },
  { press: 'agree', at: 'consent' },
  { press: 'huabei', at: 'status.product' },
  { text: '5,500元' },
  { text: '45天' },
  { press: 'job_loss', at: 'status.cause' },
  { text: '2026年8月' },
  { text: '3000' },
  { text: '2500' },
  { text: '0' },
  { text: '/checklist' },
];

export const AGAIN: Step[] = [
  { text: '/start' },
  { press: 'yes', at: 'confirmRestart' },
  ...STEP_ONE.slice(3),
];

/** The n-th step (0-based) of a case that goes through step 1 and then round after round of `AGAIN`. */
export const stepAt = (n: number): Step =>
  (n < STEP_ONE.length ? STEP_ONE[n] : AGAIN[(n - STEP_ONE.length) % AGAIN.length]) as Step;

/** 1-based positions of the amount answer: #5, then #16, #27, … (every round of `AGAIN`). */
export const isAmountAnswer = (position: number): boolean =>
  position === 5 || (position > STEP_ONE.length && (position - STEP_ONE.length - 4) % AGAIN.length === 0);

/** The first and the last `count` amount answers of a case of `length` updates (1-based positions). */
export function amountAnswers(length: number, count: number): { early: number[]; late: number[] } {
  const all = Array.from({ length }, (_, i) => i + 1).filter(isAmountAnswer);
  return { early: all.slice(0, count), late: all.slice(-count) };
}

export function toUpdate(chatId: number, step: Step, updateId: number): Update {
  const from = { id: chatId, is_bot: false, first_name: 'b', language_code: 'zh-hans' };
  const chat = { id: chatId, type: 'private' as const, first_name: 'b' };
  if ('text' in step) {
    const entities = step.text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: step.text.length }] : undefined;
    return {
      update_id: updateId,
      message: { message_id: updateId, date: 0, chat, from, text: step.text, ...(entities ? { entities } : {}) },
    } as Update;
  }
  return {
    update_id: updateId,
    callback_query: {
      id: String(updateId),
      from,
      chat_instance: 'b',
      data: `1~${step.at}~${step.press}`,
      message: { message_id: 1, date: 0, chat, text: '' },
    },
  } as Update;
}
