import type { IsoDate } from '../domain/catalog.js';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Every zone's offset is a multiple of 15 minutes, so a calendar day never changes inside one such slot. */
const SLOT_MS = 15 * 60 * 1000;
let cachedSlot = Number.NaN;
let cachedDay = '' as IsoDate;

/**
 * The user's calendar day: lenders count overdue days in China time, whatever the server's zone. Formatted once
 * per quarter hour, not once per update.
 */
export function todayIn(ms: number): IsoDate {
  const slot = Math.floor(ms / SLOT_MS);
  if (slot !== cachedSlot) {
    cachedDay = shanghaiDate.format(ms);
    cachedSlot = slot;
  }
  return cachedDay;
}
