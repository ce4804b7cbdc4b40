/** What a bot costs Redis: commands per update (from `INFO commandstats`) and bytes per case (`MEMORY USAGE`). */
import type { Redis } from 'ioredis';

/** The benchmark's own bookkeeping and connection set-up, not the bots' work. */
const OWN = new Set(['info', 'memory', 'keys', 'scan', 'hello', 'client', 'select', 'ping', 'command', 'config', 'flushall', 'dbsize']);

/** Calls per command, and the bytes Redis has read (`net in`) and written (`net out`). */
export async function commandCounts(client: Redis): Promise<Map<string, number>> {
  const info = `${await client.info('commandstats')}\n${await client.info('stats')}`;
  const counts = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!OWN.has(name)) counts.set(name, Number(m[2]));
  }
  counts.set('net in', Number(/^total_net_input_bytes:(\d+)/m.exec(info)?.[1] ?? 0));
  counts.set('net out', Number(/^total_net_output_bytes:(\d+)/m.exec(info)?.[1] ?? 0));
  return counts;
}

/** Commands and network bytes per update between two `commandCounts`, the busiest commands first. */
export function perUpdate(before: Map<string, number>, after: Map<string, number>, updates: number) {
  const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) / updates;
  const rows = [...after.keys()]
    .filter((name) => !name.startsWith('net '))
    .map((name) => [name, delta(name)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return { total: rows.reduce((s, [, n]) => s + n, 0), rows, bytesIn: delta('net in'), bytesOut: delta('net out') };
}

/** Every byte Redis holds for the given chats (the keys matching each chat's patterns), per case and per kind of key. */
export async function bytesPerCase(client: Redis, chats: number[], patterns: (chat: number) => string[]) {
  const byKind = new Map<string, number>();
  for (const chat of chats) {
    for (const pattern of patterns(chat)) {
      for (const key of await client.keys(pattern)) {
        const bytes = Number(await client.memory('USAGE', key, 'SAMPLES', '0')) || 0;
        const kind = key.replace(/\d+/g, '#');
        byKind.set(kind, (byKind.get(kind) ?? 0) + bytes);
      }
    }
  }
  const n = Math.max(1, chats.length);
  const kinds = [...byKind].map(([kind, bytes]) => [kind, bytes / n] as const).sort((a, b) => b[1] - a[1]);
  return { perCase: kinds.reduce((s, [, b]) => s + b, 0), kinds };
}

/** CPU seconds redis-server has used so far (user + system). */
export async function redisCpuSeconds(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}
