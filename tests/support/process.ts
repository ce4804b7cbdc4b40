import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bot process exactly as `npm start` runs it (tsx src/main.ts), with a clean, explicit environment. */
export function startBotProcess(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  errors: () => string;
  waitForOutput: (needle: string | RegExp, timeoutMs?: number) => Promise<string>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForOutput = (needle: string | RegExp, timeoutMs = 20_000) =>
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
  return { child, output: () => out, errors: () => err, waitForOutput, exited };
}
