import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type BotProcess = ReturnType<typeof startBotProcess>;

/**
 * The bot process exactly as `npm start` runs it (tsx src/main.ts), with a clean, explicit environment. Metrics are
 * off unless the test sets METRICS_PORT, so processes running side by side never fight over the default port.
 */
export function startBotProcess(env: Record<string, string>, args: string[] = []) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', METRICS_PORT: '0', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  // 'close', not 'exit': only then has everything the process wrote to its pipes been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitForOutput = (needle: string | RegExp, timeoutMs = 45_000) =>
    new Promise<string>((resolve, reject) => {
      const found = () => (typeof needle === 'string' ? out.includes(needle) : needle.test(out));
      if (found()) return resolve(out);
      const timer = setTimeout(() => {
        child.stdout.off('data', check);
        reject(new Error(`timed out waiting for ${String(needle)}\n--- stdout ---\n${out}\n--- stderr ---\n${err}`));
      }, timeoutMs);
      const check = () => {
        if (found()) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve(out);
        }
      };
      child.stdout.on('data', check);
    });
  /** The `msg` of every JSON log line so far, in order. */
  const messages = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => String((JSON.parse(l) as { msg?: unknown }).msg));
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    return exited;
  };
  return { child, output: () => out, errors: () => err, messages, waitForOutput, exited, signal };
}
