/**
 * Throughput measured fairly on a shared machine: each bot in its own warm process, the bots taking turns in short
 * windows of the same closed-loop load against the same redis-server, and the ratio taken per pair of adjacent
 * windows (the order alternating), so drift in the machine's load hits both sides of every ratio alike.
 */
import type { JobResult } from './bot-worker.js';
import type { Worker } from './workers.js';

export interface Paired {
  /** Ours ÷ the peer's updates per second, one per pair of windows. */
  ratios: number[];
  /** Every measured window of each bot. */
  windows: Record<string, JobResult<'window'>[]>;
}

export async function pairedWindows(
  opts: { ours: Worker; peer: Worker; floor?: Worker; atOnce: number; seconds: number; pairs: number; warm: number; floorEvery: number },
  freshChats: () => number,
): Promise<Paired> {
  const { ours, peer, floor, atOnce, seconds } = opts;
  const window = (w: Worker) => w.run<'window'>({ kind: 'window', firstChat: freshChats(), atOnce, seconds });
  for (let i = 0; i < opts.warm; i++) for (const w of [peer, ours, ...(floor ? [floor] : [])]) await window(w);
  const windows: Record<string, JobResult<'window'>[]> = { [ours.name]: [], [peer.name]: [], ...(floor ? { [floor.name]: [] } : {}) };
  const ratios: number[] = [];
  for (let i = 0; i < opts.pairs; i++) {
    const [first, second] = i % 2 === 0 ? [peer, ours] : [ours, peer];
    const a = await window(first);
    const b = await window(second);
    windows[first.name]!.push(a);
    windows[second.name]!.push(b);
    const [o, p] = first === ours ? [a, b] : [b, a];
    ratios.push(o.perSecond / p.perSecond);
    if (floor && i % opts.floorEvery === 0) windows[floor.name]!.push(await window(floor));
  }
  return { ratios, windows };
}
