import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/process.js';

describe('one engine for every front', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

  it('the web front reaches the flow and the texts only through the engine and the translator', () => {
    for (const file of files(join(ROOT, 'src/web'))) {
      for (const spec of importsOf(file)) expect(spec, file).not.toMatch(/flows\/|locales\//);
    }
  });

  it('the engine imports no front and no adapter (its ports live beside it)', () => {
    for (const file of files(join(ROOT, 'src/engine'))) {
      for (const spec of importsOf(file)) expect(spec, file).not.toMatch(/\/(telegram|web|console|reminders)\//);
    }
  });

  it('documents need no renderer (the renderer uses documents, never the other way round)', () => {
    for (const file of files(join(ROOT, 'src/documents'))) {
      for (const spec of importsOf(file)) expect(spec, file).not.toMatch(/render\//);
    }
  });

  it('the terminal builds the engine input itself, not Telegram updates', () => {
    for (const file of files(join(ROOT, 'src/console'))) {
      for (const spec of importsOf(file)) expect(spec, file).not.toMatch(/telegram|telegraf/);
    }
  });
});
