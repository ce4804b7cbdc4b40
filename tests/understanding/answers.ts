import { debtOf, newCaseContext, withDebt, type CaseContext } from '../../flows/case.js';
import { readTextAnswer, type TextQuestion } from '../../flows/questions.js';
import type { IsoDate } from '../../src/domain/catalog.js';
import { addDays } from '../../src/domain/dates.js';
import { buttonMeaning } from '../../src/domain/free-text.js';
import { readCause } from '../../src/domain/understanding/causes.js';
import type { AnswerLine } from './corpus.js';

/** The corpus's answers were written on this day (a Sunday). */
export const CORPUS_TODAY: IsoDate = '2026-12-06';

/** A case part-way through: a 20,000 元 debt and a 5,000 元 income, as the later questions see it. */
function caseSoFar(): CaseContext {
  const c = { ...newCaseContext('zh-CN'), consent: 'given' as const };
  const withFacts = { ...c, facts: { ...c.facts, incomeFen: 500_000 } };
  return { ...withFacts, ...withDebt(withFacts, { product: 'huabei', amountFen: 2_000_000 }) };
}

export interface AnswerReading {
  ok: boolean;
  /** A money question answered with money where the line names something else. */
  tookMoney: boolean;
  got: unknown;
}

/** What the flow makes of one answer line, compared with what the line says it means. */
export function readAnswerLine(line: AnswerLine): AnswerReading {
  const e = line.expect;
  if (line.question === 'button') {
    const got = buttonMeaning(line.text);
    return { ok: got === e.button, tookMoney: false, got };
  }
  if (line.question === 'cause') {
    const got = readCause(line.text, CORPUS_TODAY);
    // A day named inside the month the line gives ("国庆节以后" for "2026-10") is that month, said more closely.
    const ok = got !== null && got.cause === e.cause && (e.since === undefined || got.since?.slice(0, String(e.since).length) === e.since);
    return { ok, tookMoney: false, got };
  }
  const base = line.question === 'amount' ? { ...caseSoFar(), ...withDebt(caseSoFar(), { amountFen: null }) } : caseSoFar();
  const r = readTextAnswer(line.question as TextQuestion, line.text, CORPUS_TODAY, base);
  if (!r.ok) {
    const unsure = 'unsure' in r ? r.unsure : undefined;
    // An amount confirmed before it is kept counts as read when the right one is among the choices offered.
    if (unsure && typeof e.yuan === 'number') return { ok: unsure.options.includes(Math.round(e.yuan * 100)), tookMoney: false, got: unsure };
    const notYet = e.notYet === true && r.reason === 'overdue.not_yet';
    return { ok: typeof e.reject === 'string' || notYet, tookMoney: false, got: r.reason };
  }
  const after = { ...base, ...r.apply(base) } as CaseContext;
  const debt = debtOf(after);
  const got: Record<string, unknown> = {
    amount: debt.amountFen,
    income: after.facts.incomeFen,
    essentials: after.facts.essentialsFen,
    otherDebts: after.facts.otherDebtsFen,
    planMonthly: debt.plan.monthlyFen,
    overdue: debt.dueDate,
    planMonths: debt.plan.months,
    since: after.facts.causeSince,
    callDate: after.callDraft.date,
    callNext: after.callDraft.nextDate,
  };
  const value = got[line.question];
  const money = ['amount', 'income', 'essentials', 'otherDebts', 'planMonthly'].includes(line.question);
  if (money) {
    const expected = typeof e.yuan === 'number' ? Math.round(e.yuan * 100) : e.none === true ? 0 : undefined;
    return { ok: value === expected, tookMoney: expected === undefined, got: value };
  }
  if (line.question === 'overdue') {
    const expected = typeof e.days === 'number' ? addDays(CORPUS_TODAY, -e.days) : e.dueDate;
    const ok = value === expected || (e.notYet === true && typeof value === 'string' && value >= CORPUS_TODAY);
    return { ok, tookMoney: false, got: value };
  }
  if (line.question === 'planMonths') return { ok: value === e.months, tookMoney: false, got: value };
  if (line.question === 'since') return { ok: typeof value === 'string' && value.slice(0, 7) === e.month, tookMoney: false, got: value };
  return { ok: value === e.date, tookMoney: false, got: value };
}
