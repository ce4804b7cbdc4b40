/**
 * One chat's updates one at a time, lowest update id first when several wait; different chats run concurrently
 * (grammY runner's `sequentialize`, ordered). A task may hand what it holds (the chat's lease) to the next task of
 * its lane; when the lane runs dry, `settle` gets it to give back.
 */
export function createLanes<Carry>(settle: (key: number, carry: Carry) => void) {
  interface Job {
    order: number;
    run(carry: Carry | null, more: () => boolean): Promise<Carry | null>;
  }
  const lanes = new Map<number, Job[]>();

  async function pump(key: number, waiting: Job[]) {
    // Updates dispatched together (one polling batch, concurrent requests) all arrive before the first one runs.
    await new Promise<void>((r) => setImmediate(r));
    let carry: Carry | null = null;
    const more = () => waiting.length > 0;
    for (let job = waiting.shift(); job; job = waiting.shift()) carry = await job.run(carry, more);
    lanes.delete(key);
    if (carry !== null) settle(key, carry);
  }

  return {
    /**
     * Runs `task` in the lane of `key` at its place by `order`; its result resolves the returned promise. `more`
     * tells the task whether another update waits behind it in this lane.
     */
    run<T>(
      key: number,
      order: number,
      task: (carry: Carry | null, more: () => boolean) => Promise<{ value: T; carry: Carry | null }>,
    ): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const job: Job = {
          order,
          run: (carry, more) =>
            task(carry, more).then(
              (out) => {
                resolve(out.value);
                return out.carry;
              },
              (err: unknown) => {
                reject(err);
                return null;
              },
            ),
        };
        let waiting = lanes.get(key);
        if (!waiting) {
          waiting = [];
          lanes.set(key, waiting);
          void pump(key, waiting);
        }
        let at = waiting.length;
        while (at > 0 && waiting[at - 1]!.order > order) at--;
        waiting.splice(at, 0, job);
      });
    },
  };
}
