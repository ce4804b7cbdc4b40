import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../src/engine/clock.js';

const shanghai = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

/** 2026-11-24 00:00 in Shanghai is 2026-11-23 16:00 UTC. */
const MIDNIGHT = Date.UTC(2026, 10, 23, 16, 0, 0);

describe('the user’s calendar day', () => {
  it('turns over at midnight in Shanghai, whatever the server’s zone', () => {
    expect(todayIn(MIDNIGHT - 1)).toBe('2026-11-23');
    expect(todayIn(MIDNIGHT)).toBe('2026-11-24');
    expect(todayIn(MIDNIGHT - 1)).toBe('2026-11-23');
    expect(todayIn(MIDNIGHT + 86_400_000 - 1)).toBe('2026-11-24');
    expect(todayIn(MIDNIGHT + 86_400_000)).toBe('2026-11-25');
  });

  // China has kept UTC+8 without daylight saving since 1991.
  it('is the Shanghai date of any moment since 1992, asked in any order', () => {
    const around = fc.oneof(
      fc.integer({ min: -5_000, max: 5_000 }).map((d) => MIDNIGHT + d * 60_000 * 7),
      fc.integer({ min: Date.UTC(1992, 0, 1), max: 4_102_444_800_000 }),
    );
    fc.assert(
      fc.property(fc.array(around, { minLength: 1, maxLength: 20 }), (moments) => {
        for (const ms of moments) expect(todayIn(ms)).toBe(shanghai(ms));
      }),
      { numRuns: 300 },
    );
  });
});
