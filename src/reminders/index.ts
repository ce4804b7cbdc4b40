import type { Registry } from 'prom-client';
import type { Clock } from '../engine/clock.js';
import type { Logger } from '../observability/logger.js';
import { createBullmqScheduler, createQueueConnection } from './bullmq-scheduler.js';
import { createMemoryScheduler } from './memory-scheduler.js';
import { createReminderMetrics } from './metrics.js';
import { createReminderService, type Remind } from './service.js';

/**
 * The reminder queue of one bot process: BullMQ on the bot's Redis when there is one (a worker in every process;
 * job ids make replicas agree), else in-process. `start` begins running due jobs through the engine.
 */
export function createReminders(opts: {
  redis: { url: string; cluster: boolean } | null;
  clock: Clock;
  logger: Logger;
  registry?: Registry | undefined;
}) {
  const memory = opts.redis ? null : createMemoryScheduler(opts.clock);
  const scheduler =
    memory ??
    createBullmqScheduler({
      connect: () => {
        const connection = createQueueConnection(opts.redis!);
        // ioredis reconnects by itself; the event only needs a listener (and a line in the log).
        connection.on('error', (err: Error) => opts.logger.warn({ err: err.name }, 'reminder queue connection error'));
        return connection;
      },
      clock: opts.clock,
    });
  const service = createReminderService({
    scheduler,
    clock: opts.clock,
    metrics: opts.registry ? createReminderMetrics(opts.registry) : undefined,
  });
  return {
    service,
    /** The in-process queue, when there is no Redis: the terminal runs its due jobs after moving the clock. */
    memory,
    start(remind: Remind) {
      scheduler.start(service.handler(remind));
    },
    /** Stops taking jobs and waits for the one running (graceful shutdown). */
    close: () => scheduler.close(),
  };
}
