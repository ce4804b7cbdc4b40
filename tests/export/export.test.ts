import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION, CaseContextSchema, type CaseContext } from '../../flows/case.js';
import { LANGS, type Lang } from '../../src/domain/catalog.js';
import { formatDate } from '../../src/domain/dates.js';
import { buildExport, decimalToFen, EXPORT_SCHEMA_VERSION, type ExportInput } from '../../src/export/export.js';
import { createI18n, translator } from '../../src/i18n/index.js';
import { htmlToPlain } from '../../src/render/html.js';
import { productName } from '../../src/documents/names.js';
import { KEPT_RECORDS } from '../../src/store/case-store.js';
import { fullCase, fullJobs } from './full-case.js';

const i18n = createI18n({ ttlDays: 90 });
/** 2026-11-24 12:00 in Shanghai. */
const AT = Date.UTC(2026, 10, 24, 4);
const DAY_MS = 86_400_000;
const CHAT = 880_123_456;

function exportOf(lang: Lang, context: CaseContext | null = { ...fullCase(), lang }) {
  const input: ExportInput = {
    chatId: CHAT,
    userId: CHAT,
    lang,
    at: AT,
    stored: context ? { schema: CASE_SCHEMA_VERSION, state: 'hub', context } : null,
    inventory: {
      caseTtlMs: 89 * DAY_MS,
      seenIds: [101, 102, 103],
      prefs: { lang },
      records: [
        { name: 'seen', ttlMs: 89 * DAY_MS, entries: 3 },
        { name: 'flood', ttlMs: 4_000, entries: 2 },
        { name: 'prefs', ttlMs: 80 * DAY_MS, entries: 1 },
      ],
    },
    reminders: context ? fullJobs(CHAT) : [],
    floodWindowMs: 5_000,
  };
  const made = buildExport(input, translator(i18n, lang));
  return { ...made, data: JSON.parse(made.json.text) as Record<string, any> };
}

/** Zod's description of a schema, whatever wraps it (nullable, default, optional, a refinement). */
type Def = { type: string; shape?: Record<string, { _zod: { def: Def } }>; innerType?: { _zod: { def: Def } }; element?: { _zod: { def: Def } } };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Every field path of the stored case's schema: `debts[].calls[].agentId`, … */
function schemaPaths(def: Def, prefix = ''): string[] {
  if (def.type === 'nullable' || def.type === 'default' || def.type === 'optional') return schemaPaths(defOf(def.innerType), prefix);
  if (def.type === 'array') return schemaPaths(defOf(def.element), `${prefix}[]`);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape!).flatMap(([key, child]) => [`${prefix}.${key}`, ...schemaPaths(defOf(child), `${prefix}.${key}`)]);
}

/** The export's name for a stored field: money loses `Fen` (it becomes an amount with its currency), rates `Bp`. */
const exportedName = (key: string) => (key.endsWith('Fen') ? key.slice(0, -3) : key.endsWith('Bp') ? `${key.slice(0, -2)}Percent` : key);

/** The values at a path of the exported data, in every element of every list on the way. */
function valuesAt(data: unknown, path: string): unknown[] {
  let here: unknown[] = [data];
  for (const part of path.split('.').slice(1)) {
    const key = exportedName(part.replace('[]', ''));
    here = here.flatMap((v) => {
      if (v === null || typeof v !== 'object' || !(key in v)) return [undefined];
      const next = (v as Record<string, unknown>)[key];
      return part.endsWith('[]') ? (Array.isArray(next) ? next : [undefined]) : [next];
    });
  }
  return here;
}

describe('the copy of a person\'s data (/export)', () => {
  const paths = schemaPaths(defOf(CaseContextSchema));

  it('walks the whole schema of the stored case (a field added there is checked here)', () => {
    expect(paths).toEqual(expect.arrayContaining(['.consentOn', '.debts[].calls[].agentId', '.debts[].agreement.paid', '.reminders.snoozed[].until', '.statement.identityAsked', '.callDraft.nextDate']));
    expect(paths.length).toBeGreaterThan(60);
  });

  it.each(LANGS)('has every field of the stored case in the JSON (%s)', (lang) => {
    const { data } = exportOf(lang);
    expect(data.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    for (const path of paths) {
      const values = valuesAt(data.case.data, path);
      expect(values.length, path).toBeGreaterThan(0);
      for (const v of values) expect(v, `${path} is missing from the export`).not.toBeUndefined();
    }
    // And a field the export dropped would be seen: the walk reads the data, not the schema.
    const { facts: _dropped, ...withoutFacts } = data.case.data;
    expect(valuesAt(withoutFacts, '.facts.incomeFen')).toEqual([undefined]);
  });

  it.each(LANGS)('round-trips every amount exactly, to the fen, as a decimal string with its currency (%s)', (lang) => {
    const c = fullCase();
    const { data, json } = exportOf(lang);
    const again = JSON.parse(json.text) as typeof data;
    const d = again.case.data;
    expect(d.facts.income).toEqual({ amount: '6000.01', currency: 'CNY' });
    expect(decimalToFen(d.facts.essentials.amount)).toBe(c.facts.essentialsFen);
    expect(decimalToFen(d.facts.otherDebts.amount)).toBe(c.facts.otherDebtsFen);
    expect(d.debts).toHaveLength(8);
    c.debts.forEach((debt, i) => {
      expect(decimalToFen(d.debts[i].amount.amount), `debt ${i}`).toBe(debt.amountFen);
      expect(d.debts[i].amount.currency).toBe('CNY');
      expect(decimalToFen(d.debts[i].plan.monthly.amount)).toBe(debt.plan.monthlyFen);
      expect(decimalToFen(d.debts[i].minimum.amount)).toBe(debt.minimumFen);
      expect(d.debts[i].calls).toHaveLength(20);
    });
    expect(d.debts[0].amount.amount).toBe('0.01');
    expect(d.debts[2].amount.amount).toBe('1000000000.00');
    expect(d.debts[3].dailyRatePercent).toBe('0.045');
    // Dates stay ISO dates; the free text is kept exactly as typed, markup-looking characters and all.
    expect(d.debts[0].calls[0]).toMatchObject({ date: '2026-10-01', promise: '承诺<0-0> & 回电', nextDate: '2026-12-01' });
    expect(d.consentOn).toBe('2026-11-01');
  });

  it('explains every code the case holds, in the person\'s language', () => {
    for (const lang of LANGS) {
      const { data } = exportOf(lang);
      const d = data.case.data;
      for (const debt of d.debts) {
        expect(data.codes.product[debt.product], debt.product).toBeTruthy();
        for (const call of debt.calls) expect(data.codes.outcome[call.outcome]).toBeTruthy();
        for (const s of Object.values(debt.steps)) expect(data.codes.stepStatus[s as string]).toBeTruthy();
        expect(data.codes.planStatus[debt.plan.status]).toBeTruthy();
      }
      for (const e of d.evidence) expect(data.codes.evidence[e]).toBeTruthy();
      expect(data.codes.timeZone[d.reminders.timeZone]).toBeTruthy();
      expect(data.codes.consent[d.consent]).toBeTruthy();
    }
    // A code whose words are missing would show its locale key instead.
    for (const lang of LANGS) {
      for (const [field, table] of Object.entries(exportOf(lang).data.codes as Record<string, Record<string, string>>)) {
        for (const [code, meaning] of Object.entries(table)) expect(meaning, `${field}.${code}`).not.toMatch(/^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/);
      }
      expect(exportOf(lang).summary.text).not.toMatch(/\b(export|contact|snowball|domain|hub|statement|reminders|debts)\.[a-z]/);
    }
    expect(exportOf('zh-CN').data.codes.product.huabei).toBe('花呗');
    expect(exportOf('en').data.codes.outcome.agreed).toBe('Agreed');
  });

  it('says when the case is deleted, and names what is kept outside it with its lifetime', () => {
    const { data, deletesOn } = exportOf('en');
    expect(deletesOn).toBe('2027-02-21');
    expect(data.case).toMatchObject({ deletesOn: '2027-02-21', deletesAt: '2027-02-21T04:00:00.000Z', storedSchemaVersion: CASE_SCHEMA_VERSION, state: 'hub' });
    const kept = data.keptOutsideCase as Array<Record<string, any>>;
    expect(kept.map((k) => k.name)).toEqual([...KEPT_RECORDS, 'reminderJobs', 'reminderEvents']);
    for (const k of kept) {
      expect(k.what, k.name).not.toBe('');
      expect(k.lifetime, k.name).not.toBe('');
    }
    expect(kept.find((k) => k.name === 'seen')).toMatchObject({ present: true, entries: 3, updateIds: [101, 102, 103], expiresAt: '2027-02-21T04:00:00.000Z' });
    expect(kept.find((k) => k.name === 'flood')).toMatchObject({ present: true, entries: 2, lifetime: '5 seconds', expiresAt: '2026-11-24T04:00:04.000Z' });
    expect(kept.find((k) => k.name === 'lock')).toMatchObject({ present: false, entries: 0, expiresAt: null });
    expect(kept.find((k) => k.name === 'prefs')).toMatchObject({ present: true, value: { lang: 'en' } });
    expect(data.scheduledReminders).toHaveLength(5);
    expect(data.scheduledReminders[3]).toMatchObject({ kind: 'repayment', debtId: 12, debt: 'ICBC credit card', date: '2026-12-15', sendsAt: '2026-12-15T01:00:00.000Z' });
  });

  it.each(LANGS)('names every debt, call and scheduled reminder in the readable summary (%s)', (lang) => {
    const c = { ...fullCase(), lang };
    const { summary } = exportOf(lang, c);
    const t = translator(i18n, lang);
    expect(summary.filename).toBe('xieshang-export-2026-11-24.txt');
    c.debts.forEach((d, i) => {
      expect(summary.text).toContain(t('export.text.debt', { n: i + 1, name: htmlToPlain(productName({ facts: d }, t, true)), id: d.id }));
      for (const call of d.calls) expect(summary.text).toContain(call.promise!);
    });
    for (const job of fullJobs(CHAT)) {
      expect(summary.text).toContain(`${formatDate(job.date, lang)}${lang === 'zh-CN' ? '：' : ': '}${htmlToPlain(t(`export.codes.reminderKind.${job.kind}`))}`);
    }
    for (const typed of ['欧阳独特', '9876', '543X', '催收员给我家人打电话', '下周回电', 'B77']) expect(summary.text).toContain(typed);
    expect(summary.text).toContain(formatDate('2027-02-21', lang));
    expect(summary.text).not.toMatch(/&amp;|&lt;|<b>|\{\{/);
    expect(summary.text).toContain('承诺<0-0> & 回电');
  });

  it('reads in the person\'s language', () => {
    expect(exportOf('zh-CN').summary.text).toContain('协商助手：保存的关于你的全部信息');
    expect(exportOf('zh-CN').summary.text).toContain('第 3 笔（编号 4）：微粒贷');
    expect(exportOf('zh-CN').summary.text).toContain('【欠款：8 笔】');
    expect(exportOf('en').summary.text).toContain('Debt 3 (number 4): Weilidai (微粒贷)');
    expect(exportOf('en').summary.text).toContain('[Scheduled reminders: 5]');
    expect(exportOf('en').summary.text).toContain('Consent: agreed to keep your details');
  });

  it('says plainly when no case is kept, and still lists what runs the chat', () => {
    const { data, summary, deletesOn } = exportOf('en', null);
    expect(data.case).toBeNull();
    expect(deletesOn).toBeNull();
    expect(summary.text).toContain('No case is kept for this chat.');
    expect(summary.text).toContain('Language kept with your account: English');
    expect(data.keptOutsideCase.find((k: { name: string }) => k.name === 'prefs').present).toBe(true);
  });

  it('exports only a case the schema accepts (the full case is a valid stored case)', () => {
    expect(CaseContextSchema.safeParse(fullCase()).success).toBe(true);
  });
});
