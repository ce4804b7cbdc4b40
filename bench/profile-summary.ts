/**
 * tsx bench/profile-summary.ts <dir of .cpuprofile>
 *
 * A CPU profile's self time grouped by where the code lives (a package, or a folder of this project), plus the
 * heaviest functions, as shares of the sampled time.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const dir = process.argv[2] ?? '.';
// One profile per thread: the main thread's (the largest) is the bot's; the others are the TypeScript loader's.
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort((a, b) => statSync(join(dir, a)).size - statSync(join(dir, b)).size)
  .at(-1);
if (!file) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[]; samples: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

function groupOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(idle)' || name === '(program)') return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src\/[^/]+|flows|bench|tests)\//.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:') || url === '') return 'node internals';
  return url;
}

const groups = new Map<string, number>();
const functions = new Map<string, number>();
for (const id of profile.samples) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const group = groupOf(url, functionName);
  groups.set(group, (groups.get(group) ?? 0) + 1);
  const fn = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + 1);
}
const busy = profile.samples.filter((id) => !['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName)).length;
const pct = (n: number) => `${((100 * n) / busy).toFixed(1)} %`;
process.stdout.write(`${busy} busy samples of ${profile.samples.length}\n\n| where | share of busy time |\n| --- | --- |\n`);
for (const [g, n] of [...groups].filter(([g]) => !g.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  process.stdout.write(`| ${g} | ${pct(n)} |\n`);
}
process.stdout.write('\n| function | share |\n| --- | --- |\n');
for (const [fn, n] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`| ${fn} | ${pct(n)} |\n`);
