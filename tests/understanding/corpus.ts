import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The labelled corpus of what people type (tests/understanding/corpus/*.jsonl; docs/understanding.md says how it was
 * written). Each line falls in the tuning part or the held-out part by a hash of its text, so the split never
 * changes when lines are added, and nobody can choose it: the held-out 30 % is only ever counted, never shown.
 */
const STATEMENTS = ['crisis', 'crisis_ambiguous', 'hyperbole', 'paid_agent', 'own_request', 'threat', 'neutral'] as const;

const Statement = z.object({
  text: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  label: z.enum(STATEMENTS),
  topic: z.enum(['collectors', 'letters', 'complaints']).optional(),
  script: z.literal('traditional').optional(),
  note: z.string().optional(),
});
const Answer = z.object({
  text: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  label: z.literal('answer'),
  question: z.string(),
  expect: z.record(z.string(), z.unknown()),
  note: z.string().optional(),
});
export const CorpusLine = z.union([Statement, Answer]);
export type CorpusLine = z.infer<typeof CorpusLine> & { file: string; heldOut: boolean };
export type StatementLine = z.infer<typeof Statement> & { file: string; heldOut: boolean };
export type AnswerLine = z.infer<typeof Answer> & { file: string; heldOut: boolean };

/** FNV-1a over the text's UTF-16 units: stable across runs, machines and Node versions. */
export function heldOut(text: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 10 < 3;
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadCorpus(dir = join(here, 'corpus')): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (raw.trim() === '') return;
        const parsed = CorpusLine.safeParse(JSON.parse(raw));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
        lines.push({ ...parsed.data, file, heldOut: heldOut(parsed.data.text) });
      });
  }
  return lines;
}

/**
 * Lines by writers whose words are never learned from nor tuned on (tests/understanding/writers-apart): how the bot
 * reads people whose way of speaking it has never met. Every line counts; the hash split does not apply.
 */
export function loadWritersApart(): CorpusLine[] {
  return loadCorpus(join(here, 'writers-apart'));
}

/**
 * Lines by writers whose lines the models do not learn from (tests/understanding/answers-apart: answers to the money
 * questions, then causes, days, terms and typed buttons, then collectors' threats, then paid agents beside people's own
 * requests in the same words, then despair beside hard lines that share its words): learned, they move the despair
 * and agent models (the despair writers' hard lines raised the model's threshold and cost recall), so they measure
 * the readings and the models as they are. The hash split applies: only their tuning part is ever read line by line.
 */
export function loadAnswersApart(): CorpusLine[] {
  return loadCorpus(join(here, 'answers-apart'));
}
