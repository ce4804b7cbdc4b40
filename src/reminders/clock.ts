import type { Clock } from '../engine/clock.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** '3d', '+36h', '90m', '1d12h' → milliseconds; null for anything else. For moving a developer's clock. */
export function parseDuration(text: string): number | null {
  const s = text.trim().replace(/^\+/, '');
  if (!/^(\d{1,4}[mhd])+$/.test(s)) return null;
  let ms = 0;
  for (const [, n, unit] of s.matchAll(/(\d{1,4})([mhd])/g)) ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return ms;
}

/**
 * The system clock shifted by an offset a developer controls (XS_CLOCK_OFFSET, `/clock` in the terminal), so
 * reminders due in days can be seen firing now. Only the terminal chat uses it.
 */
export function createOffsetClock(base: Clock, offsetMs = 0) {
  let offset = offsetMs;
  return {
    now: () => base.now() + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}

export type OffsetClock = ReturnType<typeof createOffsetClock>;
