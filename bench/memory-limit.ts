/**
 * A process run as on an instance with a given amount of memory: inside a memory cgroup with that limit, which Node
 * reads at start (`process.constrainedMemory()`) and sizes V8's heap from, as it does in a container. On a large host
 * with no limit V8 sizes the heap for the host (4 GiB on a 24 GB machine) and lets the old generation grow far
 * before its first full collection; a small instance does not. Needs a writable cgroup (v2, or v1's memory
 * controller), as root in a container or on a machine the bench may configure; elsewhere `memoryLimit` says why not.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MemoryLimit {
  mib: number;
  /** The command and arguments that run `command` inside the limit (the pid stays the command's own: `exec`). */
  wrap(command: string, args: string[]): { command: string; args: string[] };
  /** Removes the cgroup, once the process in it has exited. */
  remove(): void;
}

const ROOT = '/sys/fs/cgroup';

export function memoryLimit(mib: number): MemoryLimit | { unavailable: string } {
  const name = `xieshang-bench-${process.pid}-${mib}`;
  const bytes = String(mib * 2 ** 20);
  let dir = '';
  let limitFile: string;
  try {
    if (existsSync(join(ROOT, 'cgroup.controllers'))) {
      if (!readFileSync(join(ROOT, 'cgroup.subtree_control'), 'utf8').split(/\s+/).includes('memory')) {
        writeFileSync(join(ROOT, 'cgroup.subtree_control'), '+memory');
      }
      dir = join(ROOT, name);
      limitFile = 'memory.max';
    } else if (existsSync(join(ROOT, 'memory', 'memory.limit_in_bytes'))) {
      dir = join(ROOT, 'memory', name);
      limitFile = 'memory.limit_in_bytes';
    } else {
      return { unavailable: 'this machine has no memory cgroup' };
    }
    mkdirSync(dir);
    writeFileSync(join(dir, limitFile), bytes);
  } catch (e) {
    if (dir && existsSync(dir)) rmdirSync(dir);
    return { unavailable: `no memory cgroup could be made here (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const procs = join(dir, 'cgroup.procs');
  return {
    mib,
    wrap: (command, args) => ({ command: 'sh', args: ['-c', 'echo $$ > "$0" && exec "$@"', procs, command, ...args] }),
    remove() {
      try {
        rmdirSync(dir);
      } catch {
        // Still busy or already gone: the kernel frees an empty cgroup's memory either way.
      }
    },
  };
}
