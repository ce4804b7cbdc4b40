import { defineConfig } from 'vitest/config';

/**
 * Files that start the real bot process or a browser measure what a person would meet (a reply within seconds of a
 * 429 ending, a process killed mid-turn): they run after the rest, so that no CPU-bound unit file slows the processes
 * they watch. Three at a time: they spend most of their time waiting (a 429 window, a frozen Redis, a restart), and
 * each waits on processes of its own (bot, redis-server, fake Bot API, browser). The rest run one worker per core
 * (vitest's default in a run is one fewer, which on two cores ran one file at a time while most files wait on
 * processes, sockets and timers rather than the CPU).
 */
const WHOLE_PROCESS = ['tests/e2e/**/*.test.ts', 'tests/web/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Generous: on a fresh clone of a busy two-core machine the real bot process can take a while to start; only a
    // hang should ever reach these.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Each Redis-backed file starts its own redis-server.
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'units', include: ['tests/**/*.test.ts'], exclude: WHOLE_PROCESS, maxWorkers: '100%', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'whole process', include: WHOLE_PROCESS, maxWorkers: 3, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
