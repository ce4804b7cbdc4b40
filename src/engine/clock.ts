import type { IsoDate } from '../domain/catalog.js';
import { DEFAULT_TIME_ZONE, localTime } from '../domain/reminders.js';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** Every zone's offset is a multiple of 15 minutes, so a calendar day never changes inside one such slot. */
const SLOT_MS = 15 * 60 * 1000;
let cachedSlot = Number.NaN;
let cachedDay = '' as IsoDate;

/**
 * The user's calendar day: lenders count overdue days in China time, whatever the server's zone. Worked out once
 * per quarter hour, not once per update.
 */
export function todayIn(ms: number): IsoDate {
  const slot = Math.floor(ms / SLOT_MS);
  if (slot !== cachedSlot) {
    cachedDay = localTime(ms, DEFAULT_TIME_ZONE).date;
    cachedSlot = slot;
  }
  return cachedDay;
}
