import { describe, expect, it } from 'vitest';
import { createLanes } from '../../src/engine/lanes.js';

describe('per-chat lanes', () => {
  it('runs one chat’s updates one at a time, lowest update id first, whatever order they arrived in', async () => {
    const lanes = createLanes<string>(() => {}, { lingerMs: 0 });
    const ran: number[] = [];
    let running = 0;
    const task = (id: number) => async () => {
      running += 1;
      expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      ran.push(id);
      running -= 1;
      return { value: id, carry: null };
    };
    await Promise.all([5, 3, 9, 4].map((id) => lanes.run(1, id, task(id))));
    expect(ran).toEqual([3, 4, 5, 9]);
  });

  it('hands what a task holds to the next task of its lane, and gives it back when the lane runs dry', async () => {
    const settled: Array<[number, string]> = [];
    const lanes = createLanes<string>((key, carry) => settled.push([key, carry]), { lingerMs: 0 });
    const seen: Array<string | null> = [];
    const more: boolean[] = [];
    await Promise.all(
      [1, 2, 3].map((id) =>
        lanes.run(7, id, async (carry, hasMore) => {
          seen.push(carry);
          more.push(hasMore());
          return { value: id, carry: `lease-after-${id}` };
        }),
      ),
    );
    expect(seen).toEqual([null, 'lease-after-1', 'lease-after-2']);
    expect(more).toEqual([true, true, false]);
    expect(settled).toEqual([[7, 'lease-after-3']]);
  });

  it('does not make one chat wait for another', async () => {
    const lanes = createLanes<string>(() => {}, { lingerMs: 0 });
    let release!: () => void;
    const slow = lanes.run(1, 1, () => new Promise<{ value: string; carry: null }>((r) => (release = () => r({ value: 'slow', carry: null }))));
    expect(await lanes.run(2, 2, async () => ({ value: 'fast', carry: null }))).toBe('fast');
    release();
    expect(await slow).toBe('slow');
  });

  describe('after the last update, what the lane holds is kept a moment for the next', () => {
    /** Lanes lingering `lingerMs`, with what they gave back, the lingers begun, and what each task was handed. */
    const holding = (lingerMs: number, listen = true) => {
      const settled: Array<[number, string]> = [];
      const lingers: Array<Promise<void>> = [];
      const seen: Array<string | null> = [];
      const lanes = createLanes<string>((key, carry) => settled.push([key, carry]), { lingerMs, ...(listen ? { onLinger: (ended: Promise<void>) => lingers.push(ended) } : {}) });
      const give = (id: number) => async (carry: string | null) => {
        seen.push(carry);
        return { value: id, carry: `lease-after-${id}` };
      };
      return { lanes, settled, lingers, seen, give };
    };

    it('hands it to an update of the chat that arrives meanwhile, and gives it back only after that one', async () => {
      const { lanes, settled, lingers, seen, give } = holding(50);
      await lanes.run(7, 1, give(1));
      await lanes.run(7, 2, give(2));
      expect(seen).toEqual([null, 'lease-after-1']);
      expect(settled).toEqual([]);
      await Promise.all(lingers);
      expect(settled).toEqual([[7, 'lease-after-2']]);
    });

    it('gives it back once the moment has passed with nothing new, and a later update starts afresh', async () => {
      const { lanes, settled, lingers, seen, give } = holding(5);
      await lanes.run(7, 1, give(1));
      await Promise.all(lingers);
      expect(settled).toEqual([[7, 'lease-after-1']]);
      await lanes.run(7, 2, give(2));
      expect(seen).toEqual([null, null]);
    });

    it('lingers and gives back with nobody listening for the linger', async () => {
      const { lanes, settled, give } = holding(5, false);
      await lanes.run(7, 1, give(1));
      expect(settled).toEqual([]);
      await new Promise((r) => setTimeout(r, 30));
      expect(settled).toEqual([[7, 'lease-after-1']]);
    });

    it('gives every lingering holding back at once when asked (shutting down)', async () => {
      const { lanes, settled, lingers, give } = holding(60_000);
      await lanes.run(7, 1, give(1));
      await lanes.run(8, 1, give(1));
      lanes.settleAll();
      await Promise.all(lingers);
      expect(settled).toEqual([
        [7, 'lease-after-1'],
        [8, 'lease-after-1'],
      ]);
    });
  });
});
