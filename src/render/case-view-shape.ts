/**
 * The shape of the case the Mini App receives as JSON: shared by the server that renders it (case-view.ts) and the
 * page that shows it (web/client/app.ts), so the two cannot drift. Types only: nothing here runs.
 */
/**
 * The case as the Mini App shows it, at one version: every word already in the person's language (the same
 * renderers as the chat's checklist), every editable field with the value the page puts in its input.
 */
export interface CaseView {
  version: number;
  lang: 'zh-CN' | 'en';
  /** Consent given: only then are details kept, shown and edited. */
  consent: boolean;
  total: string;
  /** What can be spared a month and how it is shared; null until the budget is known. */
  spare: string | null;
  debts: DebtView[];
  budget: { income: string; essentials: string; otherDebts: string; since: string; causeWords: string };
  statement: { name: string; phoneTail: string };
  requests: Array<{ value: string; label: string }>;
  /** The chat's own lists of lenders and card banks, for a debt's product and bank. */
  products: Array<{ value: string; label: string }>;
  banks: Array<{ value: string; label: string }>;
  reminders: RemindersView;
}

/** Reminders as the chat's /reminders lists them, each with its key for cancel and snooze; the zone for quiet hours. */
export interface RemindersView {
  on: boolean;
  /** When they go out and when never (quiet hours), or what turning them on would do. */
  when: string;
  items: Array<{ key: string; date: string; what: string; lender: string | null }>;
  /** The zone picked, as its index in `zones`; '' for the bot's default. */
  zone: string;
  zones: Array<{ value: string; label: string }>;
}

export interface DebtView {
  id: number;
  name: string;
  amount: string;
  stage: string;
  charge: string;
  share: string | null;
  next: string;
  /** Input values: as a person would type them back. */
  fields: { product: string; bank: string; amount: string; overdue: string; rate: string; lenderName: string; minimum: string; idTail: string };
  /** The product or bank chosen names nobody ("other"): the lender's own name is asked. */
  asksLenderName: boolean;
  requests: string[];
  /** The statement as the lender will read it (Telegram HTML), or what it still needs. */
  preview: string;
  ready: boolean;
}

