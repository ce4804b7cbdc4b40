import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: files run in parallel workers, each Redis-backed file starts its own redis-server.
    pool: 'forks',
    reporters: ['default'],
  },
});
