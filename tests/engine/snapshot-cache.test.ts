import { describe, expect, it } from 'vitest';
import { createSnapshotCache } from '../../src/engine/snapshot-cache.js';

describe('the snapshot cache', () => {
  it('keeps the most recently used chats within its bound', () => {
    const cache = createSnapshotCache<string>(2);
    cache.set(1, 10, 'a');
    cache.set(2, 10, 'b');
    cache.get(1);
    cache.set(3, 10, 'c');
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toEqual({ version: 10, snapshot: 'a' });
    expect(cache.get(3)).toEqual({ version: 10, snapshot: 'c' });
  });

  it('never replaces a newer version with an older one', () => {
    const cache = createSnapshotCache<string>(10);
    cache.set(1, 12, 'newer');
    cache.set(1, 11, 'older');
    expect(cache.get(1)).toEqual({ version: 12, snapshot: 'newer' });
  });
});
