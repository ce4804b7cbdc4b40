import { CaseContextSchema, LIMITS, emptyDebt, type CaseContext, type Debt } from '../../flows/case.js';
import { PRODUCTS } from '../../src/domain/catalog.js';
import type { ReminderJob } from '../../src/reminders/scheduler.js';

/**
 * A case with every field filled and every list at its cap: 8 debts of 20 calls each, plans, agreements, the
 * statement's details, a complaint draft, reminders on with marks, a call half logged. Amounts that catch any
 * rounding: 1 fen, odd fen, the largest amount kept.
 */
export function fullCase(): CaseContext {
  const amounts = [1, 765_432, 100_000_000_000, 550_050, 99, 12_345_678, 10, 2_000_001];
  const debts: Debt[] = amounts.map((amountFen, i) => ({
    ...emptyDebt(i * 2),
    product: i === 6 ? 'credit_card' : PRODUCTS[i % PRODUCTS.length]!,
    bank: i === 6 ? 'icbc' : null,
    amountFen,
    dueDate: `2026-0${(i % 9) + 1}-15`,
    dueDateGiven: i % 2 === 0,
    dailyRateBp: i === 3 ? 4.5 : 5,
    calls: Array.from({ length: LIMITS.calls }, (_, n) => ({
      date: `2026-10-${String(n + 1).padStart(2, '0')}`,
      channel: n % 2 === 0 ? ('phone' as const) : ('app_chat' as const),
      agentId: `A${i}${n}`,
      outcome: (['agreed', 'refused', 'callback', 'not_reached'] as const)[n % 4]!,
      promise: `承诺<${i}-${n}> & 回电`,
      nextDate: `2026-12-${String(n + 1).padStart(2, '0')}`,
    })),
    plan: { status: 'approved', monthlyFen: 45_001 + i, months: 12 + i, firstDue: '2026-12-15', kind: i === 5 ? ('extension' as const) : ('instalments' as const) },
    lenderName: i === 0 ? '某某消费金融' : null,
    requests: ['instalments', 'penalty_reduction'],
    idTail: i === 6 ? '543X' : null,
    statementWritten: true,
    minimumFen: 30_003 + i,
    agreement: { approvedOn: '2026-11-20', confirmationReceived: i % 2 === 1, paid: i },
    steps: { status: 'done', contact: 'in_progress', plan: 'done', statement: 'done', track: 'skipped' },
  }));
  return CaseContextSchema.parse({
    lang: 'zh-CN',
    consent: 'given',
    consentOn: '2026-11-01',
    facts: { cause: 'job_loss', causeSince: '2026-08', causeWords: { cause: 'job_loss', text: '八月公司裁员，我被辞退了' }, incomeFen: 600_001, essentialsFen: 350_099, otherDebtsFen: 80_000 },
    debts,
    current: 2,
    nextDebtId: 15,
    steps: { snowball: 'done', evidence: 'in_progress', rights: 'todo' },
    callDraft: { date: '2026-11-24', channel: 'phone', agentId: 'B77', outcome: 'callback', promise: '下周回电', nextDate: '2026-12-01' },
    evidence: ['termination_certificate', 'payslips', 'bank_statements'],
    snowballCut: 'eating_out',
    statement: { name: '欧阳独特', phoneTail: '9876', identityAsked: true },
    complaint: { kind: 'collector', what: '催收员给我家人打电话', when: '2026-11-10' },
    returnTo: 'summary',
    cameFrom: 'contact',
    checklistMessageId: 4321,
    pendingAnswer: { q: 'planMonthly', doubt: 'under_one_percent', options: [500, 500_000, 50_000] },
    rehearsal: { scenario: 'pay_today', turns: 3, shown: 'assessed', strengths: ['reason', 'plan'], tips: ['overBudget', 'askAgentId'], statedFen: 300_000, cardSaved: true },
    reminders: {
      choice: 'on',
      timeZone: 'Europe/London',
      since: '2026-11-02',
      cancelled: ['contact:2026-11-05:2'],
      snoozed: [{ key: 'bill:2026-11-10', until: '2026-11-17' }],
      sent: ['instalment:2026-11-12:4'],
      lastSentOn: '2026-11-12',
    },
  });
}

/** Scheduled reminder jobs of that case: one per kind, about different debts. */
export const fullJobs = (chatId: number): ReminderJob[] => [
  { chatId, kind: 'contact', debt: 0, date: '2026-12-01', at: Date.UTC(2026, 11, 1, 1) },
  { chatId, kind: 'confirmation', debt: 2, date: '2026-12-02', at: Date.UTC(2026, 11, 2, 1) },
  { chatId, kind: 'instalment', debt: 4, date: '2026-12-12', at: Date.UTC(2026, 11, 12, 1) },
  { chatId, kind: 'repayment', debt: 12, date: '2026-12-15', at: Date.UTC(2026, 11, 15, 1) },
  { chatId, kind: 'bill', debt: 14, date: '2027-01-10', at: Date.UTC(2027, 0, 10, 1) },
];
