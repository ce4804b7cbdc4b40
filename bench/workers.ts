/**
 * The bots in processes of their own, on a runtime of the bench's choosing (`--node <path>`), driven over IPC:
 * `run` sends one job and resolves with its figures.
 */
import { spawn } from 'node:child_process';
import { ROOT } from '../tests/support/process.js';
import type { BotName, Job, JobResult } from './bot-worker.js';

export interface Worker {
  name: BotName;
  run<K extends Job['kind']>(job: Extract<Job, { kind: K }>): Promise<JobResult<K>>;
  stop(): Promise<void>;
}

export async function startWorker(name: BotName, redisUrl: string, node: string): Promise<Worker> {
  const child = spawn(node, ['--import', 'tsx', 'bench/bot-worker.ts', name, redisUrl], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the ${name} worker exited (${code}) before it was ready`)));
  });
  return {
    name,
    run: <K extends Job['kind']>(job: Extract<Job, { kind: K }>) =>
      new Promise<JobResult<K>>((resolve, reject) => {
        child.once('message', (m: { ok: true; result: JobResult<K> } | { ok: false; error: string }) =>
          m.ok ? resolve(m.result) : reject(new Error(`${name} worker: ${m.error}`)),
        );
        child.send(job);
      }),
    stop: async () => {
      child.send('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
