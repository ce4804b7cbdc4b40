import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Generous: on a fresh clone of a busy two-core machine the real bot process can take a while to start; only a
    // hang should ever reach these.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Files run in parallel workers, each Redis-backed file with its own redis-server. One worker per core: vitest's
    // default in a run is one fewer, which on two cores ran one file at a time while most files wait on processes,
    // sockets and timers rather than the CPU.
    pool: 'forks',
    maxWorkers: '100%',
    reporters: ['default'],
  },
});
