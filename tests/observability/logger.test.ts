import { describe, expect, it } from 'vitest';
import { hashId } from '../../src/observability/logger.js';

describe('ids in the logs', () => {
  it('hash one id the same way all through a run, and never show it', () => {
    const first = hashId(880_001_234);
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(first).not.toContain('880001234');
    // More ids than are remembered: the same id still hashes the same.
    for (let id = 1; id <= 20_001; id++) hashId(id);
    expect(hashId(880_001_234)).toBe(first);
    expect(hashId('880001234')).toBe(first);
  });

  it('tell different chats apart', () => {
    const hashes = new Set(Array.from({ length: 2_000 }, (_, i) => hashId(1_000_000 + i)));
    expect(hashes.size).toBe(2_000);
  });
});
