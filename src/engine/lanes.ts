/**
 * One chat's updates one at a time, lowest update id first when several wait; different chats run concurrently
 * (grammY runner's `sequentialize`, ordered). A task may hand what it holds (the chat's lease) to the next task of
 * its lane. When the lane runs dry, what it holds is kept for `lingerMs` more: an update of the chat arriving
 * meanwhile (a person answering at once, messages sent in a burst) is handed it, so its turn skips a round of
 * giving the lease back and taking it again; after that `settle` gets it to give back.
 */
export function createLanes<Carry>(
  settle: (key: number, carry: Carry) => void,
  /** `onLinger` is told when a lane starts to linger, with a promise that ends with the linger. */
  opts: { lingerMs: number; onLinger?: (ended: Promise<void>) => void },
) {
  interface Job {
    order: number;
    task(carry: Carry | null, more: () => boolean): Promise<{ value: unknown; carry: Carry | null }>;
    resolve(value: unknown): void;
    reject(err: unknown): void;
  }
  const lanes = new Map<number, Job[]>();
  const lingering = new Map<number, { carry: Carry; timer: NodeJS.Timeout; done: () => void }>();

  function linger(key: number, carry: Carry): Promise<void> {
    return new Promise<void>((done) => {
      const timer = setTimeout(() => {
        lingering.delete(key);
        settle(key, carry);
        done();
      }, opts.lingerMs);
      lingering.set(key, { carry, timer, done });
    });
  }

  /** What the lane of `key` still holds from its last task, taken back from its linger. */
  function takeBack(key: number): Carry | null {
    const l = lingering.get(key);
    if (!l) return null;
    clearTimeout(l.timer);
    lingering.delete(key);
    l.done();
    return l.carry;
  }

  async function pump(key: number, waiting: Job[], held: Carry | null) {
    // Updates dispatched together (one polling batch, concurrent requests) all arrive before the first one runs.
    await new Promise<void>((r) => setImmediate(r));
    let carry = held;
    const more = () => waiting.length > 0;
    for (let job = waiting.shift(); job; job = waiting.shift()) {
      let outcome: { ok: true; value: unknown } | { ok: false; err: unknown };
      try {
        const out = await job.task(carry, more);
        carry = out.carry;
        outcome = { ok: true, value: out.value };
      } catch (err) {
        carry = null;
        outcome = { ok: false, err };
      }
      // The lane's end is settled before its last task's caller hears back, so whoever waits for quiet sees the linger.
      if (waiting.length === 0) {
        lanes.delete(key);
        if (carry !== null && opts.lingerMs > 0) {
          const ended = linger(key, carry);
          opts.onLinger?.(ended);
        } else if (carry !== null) settle(key, carry);
      }
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.err);
    }
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
        const job: Job = { order, task, resolve: resolve as (value: unknown) => void, reject };
        let waiting = lanes.get(key);
        if (!waiting) {
          waiting = [];
          lanes.set(key, waiting);
          void pump(key, waiting, takeBack(key));
        }
        let at = waiting.length;
        while (at > 0 && waiting[at - 1]!.order > order) at--;
        waiting.splice(at, 0, job);
      });
    },
    /** Ends every linger now, each lane's holding given to `settle` (shutting down, or waiting for quiet). */
    settleAll(): void {
      for (const key of [...lingering.keys()]) {
        const carry = takeBack(key);
        if (carry !== null) settle(key, carry);
      }
    },
  };
}
