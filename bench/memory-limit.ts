/**
 * A process run as on an instance with a given amount of memory: inside a memory cgroup with that limit (and no swap
 * beyond it), which Node reads at start (`process.constrainedMemory()`) and sizes V8's heap from, as it does in a
 * container. On a large host with no limit V8 sizes the heap for the host (4 GiB on a 24 GB machine) and lets the old
 * generation grow far before its first full collection; a small instance does not. Needs a writable cgroup (v2 with
 * the memory controller already enabled for children, or v1's memory controller): as root on a machine the bench may
 * configure. Nothing of the system's configuration is changed; elsewhere `memoryLimit` says why it cannot.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MemoryLimit {
  mib: number;
  /** The command and arguments that run `command` inside the limit (the pid stays the command's own: `exec`). */
  wrap(command: string, args: string[]): { command: string; args: string[] };
  /** Removes the cgroup, once every process in it has exited. */
  remove(): void;
}

const ROOT = '/sys/fs/cgroup';

export function memoryLimit(mib: number): MemoryLimit | { unavailable: string } {
  const bytes = String(mib * 2 ** 20);
  const v2 = existsSync(join(ROOT, 'cgroup.controllers'));
  const parent = v2 ? ROOT : join(ROOT, 'memory');
  if (v2 && !readFileSync(join(ROOT, 'cgroup.subtree_control'), 'utf8').split(/\s+/).includes('memory')) {
    return { unavailable: 'the memory controller is not enabled for child cgroups here' };
  }
  if (!v2 && !existsSync(join(parent, 'memory.limit_in_bytes'))) return { unavailable: 'this machine has no memory cgroup' };
  const dir = join(parent, `xieshang-bench-${process.pid}-${mib}`);
  const remove = () => {
    try {
      rmdirSync(dir);
    } catch {
      // Still busy or already gone: an empty cgroup holds no memory either way.
    }
  };
  try {
    mkdirSync(dir);
  } catch (e) {
    return { unavailable: `no memory cgroup could be made here (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  try {
    writeFileSync(join(dir, v2 ? 'memory.max' : 'memory.limit_in_bytes'), bytes);
    // No swap beyond the limit, as a container without swap (the file exists only where swap is accounted).
    const swap = join(dir, v2 ? 'memory.swap.max' : 'memory.memsw.limit_in_bytes');
    if (existsSync(swap)) writeFileSync(swap, v2 ? '0' : bytes);
  } catch (e) {
    remove();
    return { unavailable: `the memory cgroup's limit could not be set (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const procs = join(dir, 'cgroup.procs');
  const wrap = (command: string, args: string[]) => ({ command: 'sh', args: ['-c', 'echo $$ > "$0" && exec "$@"', procs, command, ...args] });
  // A process must be able to move itself in (a cgroup namespace may allow making a cgroup but not joining it).
  const probe = wrap('true', []);
  if (spawnSync(probe.command, probe.args).status !== 0) {
    remove();
    return { unavailable: 'a process cannot be moved into a memory cgroup here' };
  }
  return { mib, wrap, remove };
}
