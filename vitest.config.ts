import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Generous: on a fresh clone of a busy two-core machine the real bot process can take a while to start; only a
    // hang should ever reach these.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Two cores: files run in parallel workers, each Redis-backed file starts its own redis-server.
    pool: 'forks',
    reporters: ['default'],
  },
});
