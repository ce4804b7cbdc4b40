/**
 * The per-call cost of the pure pieces every update runs: one machine transition, restoring a stored case, one
 * translated text, the calendar day and a log id. Each is timed over many calls after a warm-up, so the figure is
 * the steady state the hot path sees.
 */
import { performance } from 'node:perf_hooks';
import { CASE_SCHEMA_VERSION, forLender } from '../flows/case.js';
import { median } from './load.js';
import type { FlowEvent } from '../flows/events.js';
import { freshSnapshot, fromStored, toStored, transitionCase, type CaseSnapshot } from '../flows/persistence.js';
import { composeDocument, toDocx } from '../src/documents/index.js';
import { todayIn } from '../src/engine/clock.js';
import { createI18n, translator } from '../src/i18n/index.js';
import { hashId } from '../src/observability/logger.js';

const TODAY = '2026-11-24';

export interface MicroRow {
  what: string;
  microseconds: number;
}

function time(what: string, calls: number, fn: (i: number) => unknown): MicroRow {
  let sink: unknown;
  for (let i = 0; i < Math.min(calls, 2_000); i++) sink = fn(i);
  const started = performance.now();
  for (let i = 0; i < calls; i++) sink = fn(i);
  const microseconds = ((performance.now() - started) * 1000) / calls;
  if (sink === Symbol.for('never')) process.stdout.write('');
  return { what, microseconds };
}

/** A case part-way through step 1: the state most updates start from. */
function midIntake(): CaseSnapshot {
  const steps: FlowEvent[] = [
    { type: 'CHOOSE', value: 'continue', today: TODAY },
    { type: 'CHOOSE', value: 'agree', today: TODAY },
    { type: 'CHOOSE', value: 'huabei', today: TODAY },
  ];
  return steps.reduce((s, e) => transitionCase(s, e)[0], freshSnapshot('zh-CN'));
}

export function microCosts(calls: number): MicroRow[] {
  const snapshot = midIntake();
  const stored = JSON.parse(JSON.stringify(toStored(snapshot))) as unknown;
  const amount: FlowEvent = { type: 'TEXT', text: '5,500元', today: TODAY };
  const i18n = createI18n({ ttlDays: 90 });
  const t = translator(i18n, 'zh-CN');
  const en = translator(i18n, 'en');
  const now = Date.now();
  return [
    time('transitionCase (answer the amount question)', calls, () => transitionCase(snapshot, amount)),
    time('freshSnapshot', calls, () => freshSnapshot('zh-CN')),
    time('fromStored (validate + resolve a stored case)', calls, () => fromStored(CASE_SCHEMA_VERSION, stored)),
    time('translator(i18n, lang)', calls, () => translator(i18n, 'en')),
    time('t() plain text', calls, () => t('intake.q.amount')),
    time('t() with variables', calls, () => en('caseSummary.line', { field: 'Amount', value: '¥5,500 <b>' })),
    time('t() plural', calls, (i) => en('caseSummary.calls', { count: i % 3 })),
    time('todayIn', calls, (i) => todayIn(now + i)),
    time('hashId', calls, (i) => hashId(1_000_000 + (i % 200))),
  ];
}

/** A case with step 1 answered: enough for a hardship statement. */
function stepOneDone(): CaseSnapshot {
  const answers: FlowEvent[] = [
    { type: 'TEXT', text: '5,500元', today: TODAY },
    { type: 'TEXT', text: '45天', today: TODAY },
    { type: 'CHOOSE', value: 'job_loss', today: TODAY },
    { type: 'TEXT', text: '2026年8月', today: TODAY },
    { type: 'TEXT', text: '3000', today: TODAY },
    { type: 'TEXT', text: '2500', today: TODAY },
    { type: 'TEXT', text: '0', today: TODAY },
  ];
  return answers.reduce((s, e) => transitionCase(s, e)[0], midIntake());
}

/** Milliseconds to compose the statement and build its .docx, the median of `samples` after a warm-up. */
export async function docxMillis(samples: number): Promise<number> {
  const context = forLender(stepOneDone().context);
  const t = translator(createI18n({ ttlDays: 90 }), 'zh-CN');
  const once = async () => {
    const started = performance.now();
    const bytes = await toDocx(composeDocument('statement', context, 'zh-CN', t, TODAY));
    if (bytes.length === 0) throw new Error('empty .docx');
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await once());
  return median(times);
}
