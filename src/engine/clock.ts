import type { IsoDate } from '../domain/catalog.js';
import { DEFAULT_TIME_ZONE, localTime } from '../domain/reminders.js';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** The user's calendar day: lenders count overdue days in China time, whatever the server's zone. */
export const todayIn = (ms: number): IsoDate => localTime(ms, DEFAULT_TIME_ZONE).date;
