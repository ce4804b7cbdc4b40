import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/observability/logger.js';

/** A real logger at `level` whose lines are kept in memory: what tests read to check what reaches the logs. */
export function capturedLogs(level: string): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    text: () => lines.join(''),
  };
}
