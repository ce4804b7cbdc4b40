import { describe, expect, it } from 'vitest';
import { createSnapshotCache, heapBytes } from '../../src/engine/snapshot-cache.js';

/** A snapshot of `n` bytes, as the cache counts it. */
const sized = (n: number) => 'x'.repeat(n);
const byLength = { sizeOf: (s: string) => s.length };

describe('the snapshot cache', () => {
  it('keeps the most recently used chats within its bound in bytes', () => {
    const cache = createSnapshotCache<string>({ maxBytes: 250, ...byLength });
    cache.set(1, 10, sized(100));
    cache.set(2, 10, sized(100));
    cache.get(1);
    cache.set(3, 10, sized(100));
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toEqual({ version: 10, snapshot: sized(100) });
    expect(cache.get(3)).toEqual({ version: 10, snapshot: sized(100) });
  });

  it('holds many small cases where it holds few large ones', () => {
    const small = createSnapshotCache<string>({ maxBytes: 1_000, ...byLength });
    const large = createSnapshotCache<string>({ maxBytes: 1_000, ...byLength });
    for (let chat = 1; chat <= 20; chat++) {
      small.set(chat, 1, sized(50));
      large.set(chat, 1, sized(400));
    }
    const kept = (c: typeof small) => Array.from({ length: 20 }, (_, i) => i + 1).filter((chat) => c.get(chat)).length;
    expect(kept(small)).toBe(20);
    expect(kept(large)).toBe(2);
  });

  it('never replaces a newer version with an older one', () => {
    const cache = createSnapshotCache<string>({ maxBytes: 1_000, ...byLength });
    cache.set(1, 12, 'newer');
    cache.set(1, 11, 'older');
    expect(cache.get(1)).toEqual({ version: 12, snapshot: 'newer' });
  });

  it('counts a value by what it holds: longer texts and more entries weigh more', () => {
    expect(heapBytes({ a: 'x'.repeat(100) })).toBeGreaterThan(heapBytes({ a: 'x' }));
    expect(heapBytes([1, 2, 3, 4])).toBeGreaterThan(heapBytes([1]));
    expect(heapBytes({ debts: [{ calls: [{ date: '2026-12-01' }] }] })).toBeGreaterThan(heapBytes({ debts: [] }));
  });
});
