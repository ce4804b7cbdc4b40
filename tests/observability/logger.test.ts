import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, flushed, hashId } from '../../src/observability/logger.js';

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

describe('the last lines before the process exits', () => {
  it('are all written, in order, once flushed resolves, even behind a long write still in flight', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xs-log-')), 'out.log');
    const fd = openSync(file, 'w');
    const logger = createLogger('info', fd);
    logger.info({ detail: 'x'.repeat(200_000) }, 'shutting down');
    logger.info('stopped');
    await flushed(logger);
    const messages = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { msg: string }).msg);
    closeSync(fd);
    expect(messages).toEqual(['shutting down', 'stopped']);
  });
});
