/**
 * The load shapes: closed loop (N chats at once, each sending its next update when the last one is answered),
 * open loop (updates sent on a fixed schedule whatever happens, latency counted from the scheduled time so a
 * stalled bot cannot hide its queue), and long cases (one chat at a time, hundreds of updates each).
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import type { Update } from 'telegraf/types';
import { STEP_ONE, stepAt, toUpdate } from './script.js';

export interface Handler {
  handleUpdate(update: Update): Promise<void>;
}

export interface LoadResult {
  updates: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** This process's CPU time per update (the bot, telegraf, its Redis client, the driver). */
  cpuMicros: number;
  /** Garbage-collection pauses during the run: their sum and the longest, in ms. */
  gcMs: number;
  gcMaxMs: number;
  /** Bytes allocated on the JavaScript heap per update (the bot and the driver), from the heap before and after each GC. */
  allocatedBytes: number;
}

let nextUpdateId = 1;

/** Every GC pause since `watch()` was called. */
const pauses: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push(entry.duration);
}).observe({ entryTypes: ['gc'] });

/**
 * Bytes allocated since `start`: what the heap grew by between collections (each collection's "before" minus the
 * previous one's "after"), plus the growth since the last one.
 */
function allocations() {
  const profiler = new GCProfiler();
  const startUsed = getHeapStatistics().used_heap_size;
  profiler.start();
  return () => {
    const stats = profiler.stop()?.statistics ?? [];
    let after = startUsed;
    let allocated = 0;
    for (const gc of stats) {
      allocated += Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - after);
      after = gc.afterGC.heapStatistics.usedHeapSize;
    }
    return allocated + Math.max(0, getHeapStatistics().used_heap_size - after);
  };
}

function watch() {
  const cpu = process.cpuUsage();
  pauses.length = 0;
  const allocated = allocations();
  return (latencies: number[], seconds: number): LoadResult => {
    const used = process.cpuUsage(cpu);
    const bytes = allocated();
    const sorted = Float64Array.from(latencies).sort();
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    return {
      updates: sorted.length,
      seconds,
      perSecond: sorted.length / seconds,
      p50: at(50),
      p95: at(95),
      p99: at(99),
      max: sorted[sorted.length - 1] ?? 0,
      cpuMicros: (used.user + used.system) / Math.max(1, sorted.length),
      gcMs: pauses.reduce((a, b) => a + b, 0),
      gcMaxMs: Math.max(0, ...pauses),
      allocatedBytes: bytes / Math.max(1, sorted.length),
    };
  };
}

/** `chats` people go through step 1, `atOnce` of them at any moment. */
export async function closedLoop(bot: Handler, firstChat: number, chats: number, atOnce: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const done = watch();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      for (let i = next++; i < chats; i = next++) {
        for (const step of STEP_ONE) {
          const update = toUpdate(firstChat + i, step, nextUpdateId++);
          const t0 = performance.now();
          await bot.handleUpdate(update);
          latencies.push(performance.now() - t0);
        }
      }
    }),
  );
  return done(latencies, (performance.now() - started) / 1000);
}

/**
 * `atOnce` people going through step 1 for `seconds`, each starting a fresh chat (from `nextChat`) when done, the
 * way the closed loop does; the window counts the updates answered in it, so bots can take turns in equal windows.
 */
export async function closedWindow(bot: Handler, nextChat: () => number, atOnce: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const done = watch();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (performance.now() < deadline) {
        const chat = nextChat();
        for (const step of STEP_ONE) {
          if (performance.now() >= deadline) break;
          const update = toUpdate(chat, step, nextUpdateId++);
          const t0 = performance.now();
          await bot.handleUpdate(update);
          latencies.push(performance.now() - t0);
        }
      }
    }),
  );
  return done(latencies, (performance.now() - started) / 1000);
}

/**
 * `perSecond` updates a second for `seconds`, spread over enough chats that each chat's next update comes well after
 * its last one (as with people), each chat going through step 1.
 */
export async function openLoop(bot: Handler, firstChat: number, perSecond: number, seconds: number): Promise<LoadResult> {
  const total = Math.round(perSecond * seconds);
  const chats = Math.ceil(total / STEP_ONE.length);
  const latencies: number[] = [];
  const pending: Array<Promise<void>> = [];
  const interval = 1000 / perSecond;
  const done = watch();
  const start = performance.now() + 5;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) {
        const i = sent++;
        const scheduled = start + i * interval;
        const update = toUpdate(firstChat + (i % chats), STEP_ONE[Math.floor(i / chats)]!, nextUpdateId++);
        pending.push(bot.handleUpdate(update).then(() => void latencies.push(performance.now() - scheduled)));
      }
      // The sender wakes about every millisecond (a spinning sender would take the CPU the bot needs); an update
      // sent late still counts from its scheduled time.
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 1);
  });
  await Promise.all(pending);
  return done(latencies, (performance.now() - start) / 1000);
}

/**
 * `chats` long cases of `length` updates, one update at a time so each update's cost is its own. The chats are
 * staggered (chat c starts when chat c-1 is `length / chats` updates in), so early and late updates of the cases
 * are measured side by side, under the same conditions. Returns each position's latencies (index 0 = update #1).
 */
export async function longCases(bot: Handler, firstChat: number, chats: number, length: number): Promise<number[][]> {
  const byPosition: number[][] = Array.from({ length }, () => []);
  const offset = Math.floor(length / chats);
  for (let round = 0; round < length + (chats - 1) * offset; round++) {
    for (let c = 0; c < chats; c++) {
      const n = round - c * offset;
      if (n < 0 || n >= length) continue;
      const update = toUpdate(firstChat + c, stepAt(n), nextUpdateId++);
      const t0 = performance.now();
      await bot.handleUpdate(update);
      byPosition[n]!.push(performance.now() - t0);
    }
  }
  return byPosition;
}

export const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
