/** What a bot costs Redis: commands per update (from `INFO commandstats`) and bytes per case (`MEMORY USAGE`). */
import type { Redis } from 'ioredis';

/** The benchmark's own bookkeeping and connection set-up, not the bots' work. */
const OWN = new Set(['info', 'memory', 'keys', 'scan', 'hello', 'client', 'select', 'ping', 'command', 'config', 'flushall', 'dbsize']);

export async function commandCounts(client: Redis): Promise<Map<string, number>> {
  const info = await client.info('commandstats');
  const counts = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!OWN.has(name)) counts.set(name, Number(m[2]));
  }
  return counts;
}

/** Commands per update between two `commandCounts`, the busiest first. */
export function perUpdate(before: Map<string, number>, after: Map<string, number>, updates: number) {
  const rows = [...after]
    .map(([name, n]) => [name, (n - (before.get(name) ?? 0)) / updates] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return { total: rows.reduce((s, [, n]) => s + n, 0), rows };
}

/** Every byte Redis holds for the given chats: the keys matching each chat's patterns. */
export async function bytesPerCase(client: Redis, chats: number[], patterns: (chat: number) => string[]): Promise<number> {
  let total = 0;
  for (const chat of chats) {
    for (const pattern of patterns(chat)) {
      for (const key of await client.keys(pattern)) total += Number(await client.memory('USAGE', key, 'SAMPLES', '0')) || 0;
    }
  }
  return chats.length === 0 ? 0 : total / chats.length;
}
