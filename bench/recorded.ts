/**
 * The last full run's figures, kept beside docs/benchmarks.md in docs/benchmarks.json (one entry per Node major),
 * and the check of a new run against them: a figure worse than its recorded value by more than its tolerance is
 * printed as a REGRESSION line. Nothing fails on it (no time is asserted anywhere); a smoke run compares only the
 * figures that do not depend on the machine's speed (counts of commands and bytes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tests/support/process.js';

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  better: 'lower' | 'higher';
  /** How much worse than recorded is still noise, as a fraction (0.25 = 25 %). */
  tolerance: number;
  /** A count that does not move with the machine's load: compared in smoke runs too. */
  machineFree?: boolean;
}

interface Recorded {
  recorded: string;
  node: string;
  load: string;
  figures: Record<string, number>;
}

const FILE = join(ROOT, 'docs', 'benchmarks.json');
export const runtimeKey = (version = process.version) => `node${version.slice(1).split('.')[0]}`;

function readAll(): Record<string, Recorded> {
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Recorded>;
  } catch {
    return {};
  }
}

/** One line per figure compared; REGRESSION lines first. */
export function compareWithRecorded(figures: Figure[], node: string, smoke: boolean): string[] {
  const recorded = readAll()[runtimeKey(node)];
  if (!recorded) return [`no recorded figures for ${runtimeKey(node)} in docs/benchmarks.json: nothing compared`];
  const lines: Array<[boolean, string]> = [];
  for (const f of figures) {
    const before = recorded.figures[f.key];
    if (before === undefined || (smoke && !f.machineFree)) continue;
    const worse = f.better === 'lower' ? f.value / before - 1 : before / Math.max(f.value, Number.EPSILON) - 1;
    const regressed = worse > f.tolerance;
    const change = `${f.value.toFixed(2)} ${f.unit} against ${before.toFixed(2)} recorded (${worse >= 0 ? '+' : ''}${(worse * 100).toFixed(0)} % worse; tolerance ${(f.tolerance * 100).toFixed(0)} %)`;
    lines.push([regressed, `${regressed ? 'REGRESSION' : 'ok'}: ${f.label}: ${change}`]);
  }
  const header = `compared with the run recorded ${recorded.recorded} (${recorded.node}, load ${recorded.load})${smoke ? '; a smoke run compares only the machine-free counts' : ''}:`;
  return [header, ...lines.filter(([r]) => r).map(([, l]) => l), ...lines.filter(([r]) => !r).map(([, l]) => l)];
}

/** Writes this run's figures as the recorded ones for its runtime (`npm run bench -- --record`, full runs only). */
export function record(figures: Figure[], node: string, load: string): void {
  const all = readAll();
  all[runtimeKey(node)] = {
    recorded: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    node,
    load,
    figures: Object.fromEntries(figures.map((f) => [f.key, Number(f.value.toPrecision(4))])),
  };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
}
