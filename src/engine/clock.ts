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

/** The user's calendar day: lenders count overdue days in China time, whatever the server's zone. */
export const todayIn = (ms: number): IsoDate => shanghaiDate.format(ms);
