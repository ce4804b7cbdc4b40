import type { CaseView, DebtView, RemindersView } from '../../render/case-view-shape.js';
import { renderHtml } from './html.js';
import { onEnterOutsideComposition } from './ime.js';
import { backButton, inTelegram, initData, launchTheme, mainButton, on, postEvent, type Theme } from './telegram.js';

/** The page's words (`app.ui.*` in the person's language) and the case as the server rendered it. */
type Ui = Record<string, string>;
type Route = { page: 'home' } | { page: 'budget' } | { page: 'debt'; id: number } | { page: 'statement'; id: number } | { page: 'reminders' } | { page: 'data' };
interface Answer {
  deleted?: boolean;
  lang?: string;
  view?: CaseView | null;
  message?: string;
  conflict?: boolean;
  refused?: boolean;
}

const main = document.getElementById('main')!;
const status = document.getElementById('status')!;
const title = document.getElementById('title')!;
const boot = JSON.parse(document.getElementById('boot')?.textContent ?? '{}') as { refused: string; failed: string };

/** Held in memory only: cookies do not reach a page framed by Telegram Web. */
let token = '';
let ui: Ui = {};
let view: CaseView | null = null;
let stack: Route[] = [{ page: 'home' }];
/** What was typed into a field whose change was not applied (refused, or the case moved): kept on re-render. */
const typed = new Map<string, string>();
let colors = { color: '#0b5cad', text_color: '#ffffff' };

function applyTheme(theme: Theme) {
  const root = document.documentElement.style;
  const set = (name: string, value: string | undefined) => (value && /^#[0-9a-f]{6}$/i.test(value) ? root.setProperty(name, value) : root.removeProperty(name));
  set('--tg-bg', theme.bg_color);
  set('--tg-text', theme.text_color);
  set('--tg-card', theme.secondary_bg_color);
  if (theme.bg_color && theme.text_color) {
    // Dark when the background is darker than the text: the error and success colours follow.
    const lum = (hex: string) => parseInt(hex.slice(1, 3), 16) * 0.299 + parseInt(hex.slice(3, 5), 16) * 0.587 + parseInt(hex.slice(5, 7), 16) * 0.114;
    document.documentElement.classList.toggle('dark', lum(theme.bg_color) < lum(theme.text_color));
    // The main button in the text colour on the background: the theme's own button colours can fail AA.
    colors = { color: theme.text_color, text_color: theme.bg_color };
  }
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
};

async function call(path: string, body?: unknown): Promise<{ status: number; answer: Answer }> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await res.json().catch(() => ({}))) as Answer;
  return { status: res.status, answer };
}

function say(text: string) {
  status.textContent = text;
}

const route = () => stack[stack.length - 1]!;
function go(r: Route) {
  stack.push(r);
  say('');
  render();
  window.scrollTo(0, 0);
}
function back() {
  if (stack.length > 1) stack.pop();
  say('');
  render();
}

function navButton(label: string, r: Route) {
  return el('button', { type: 'button', textContent: label, onclick: () => go(r) });
}

/** One editable field: its label, its input as typed, "save"; a refusal is said under it. */
function field(key: string, name: string, value: string, debt: number | null, opts: { decimal?: boolean; hint?: string } = {}) {
  const id = `f-${key}${debt === null ? '' : `-${debt}`}`;
  const input = el('input', { type: 'text', id, name: key, value: typed.get(id) ?? value, autocomplete: 'off' });
  input.setAttribute('enterkeyhint', 'done');
  if (opts.decimal) input.inputMode = 'decimal';
  const error = el('p', { className: 'error', id: `${id}-error` });
  error.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', `${id}-error`);
  const form = el('form', { className: 'field' }, el('label', { htmlFor: id, textContent: name }));
  if (opts.hint) {
    // Hints are written like the chat's texts: examples in <code>.
    const hint = el('p', { className: 'hint' });
    renderInto(hint, opts.hint);
    form.append(hint);
  }
  const save = el('button', { type: 'submit', textContent: ui.save ?? '' });
  form.append(el('div', { className: 'row' }, input, save), error);
  onEnterOutsideComposition(input, form, () => {
    void change('/app/api/edit', { field: key, debt, text: input.value }, { id, text: input.value, error, button: save });
  });
  return form;
}

type From = { id: string; text: string; error: HTMLElement; button: HTMLButtonElement } | null;
/** Changes go one after another, each against the version the one before left: a quick second tap is no conflict. */
let queue: Promise<void> = Promise.resolve();
const change = (path: string, body: Record<string, unknown>, from: From): Promise<void> => (queue = queue.then(() => send(path, body, from)));

/** Sends one change made against the version shown; shows the case as it is after, and says what happened. */
async function send(path: string, body: Record<string, unknown>, from: From) {
  if (!view) return;
  if (from) from.button.disabled = true;
  try {
    // Not destructured: esbuild cannot lower that for Safari 14 here.
    const result = await call(path, { ...body, version: view.version });
    const code = result.status;
    const answer = result.answer;
    if (code === 401) return refusedHere();
    if (answer.view !== undefined) view = answer.view;
    if (code === 200) {
      if (from) typed.delete(from.id);
      render();
      say((path.endsWith('/send') ? ui.sent : path.endsWith('/reminder') ? ui.remindersSaved : ui.saved) ?? '');
      return;
    }
    if (from) typed.set(from.id, from.text);
    render();
    say(answer.message ?? ui.failed ?? boot.failed);
    if (code === 422 && from) {
      const error = document.getElementById(`${from.id}-error`);
      if (error) renderInto(error, answer.message ?? '');
    }
  } catch {
    say(ui.failed ?? boot.failed);
  } finally {
    if (from) from.button.disabled = false;
  }
}

function renderInto(node: HTMLElement, html: string) {
  node.replaceChildren(renderHtml(html));
}

function debtCard(d: DebtView) {
  const facts = el('dl');
  const row = (k: string, v: string) => facts.append(el('dt', { textContent: k }), el('dd', { textContent: v }));
  row(ui.owed ?? '', d.amount);
  row(ui.stage ?? '', d.stage);
  row(ui.charge ?? '', d.charge);
  if (d.share) row(ui.share ?? '', d.share);
  if (d.fields.minimum) row(ui.minimum ?? '', d.fields.minimum);
  row(ui.next ?? '', d.next);
  return el('li', { className: 'card' }, el('h3', { textContent: d.name }), facts, el('div', { className: 'row' }, navButton(ui.editDebt ?? '', { page: 'debt', id: d.id }), navButton(ui.statement ?? '', { page: 'statement', id: d.id })));
}

function home(v: CaseView) {
  const list = el('ul', { className: 'plain' }, ...v.debts.map(debtCard));
  return [
    el('h2', { textContent: v.total }),
    ...(v.spare ? [el('p', { textContent: v.spare })] : []),
    list,
    el('div', { className: 'nav' }, navButton(ui.budget ?? '', { page: 'budget' }), navButton(ui.reminders ?? '', { page: 'reminders' }), navButton(ui.data ?? '', { page: 'data' })),
  ];
}

function budgetPage(v: CaseView) {
  return [
    el('h2', { textContent: ui.budget ?? '' }),
    ...(v.spare ? [el('p', { textContent: v.spare })] : []),
    field('income', ui.income ?? '', v.budget.income, null, { decimal: true }),
    field('essentials', ui.essentials ?? '', v.budget.essentials, null, { decimal: true }),
    field('otherDebts', ui.otherDebts ?? '', v.budget.otherDebts, null, { decimal: true, hint: ui.otherDebtsHint ?? '' }),
  ];
}

/**
 * A choice from a list: its label, the list, "save"; `save` sends it, and a refusal is said under it. With nothing
 * chosen yet the list says so, rather than showing its first entry as if it were the answer.
 */
function selectField(id: string, name: string, value: string, options: Array<{ value: string; label: string }>, save: (value: string, from: From) => void) {
  const chosen = typed.get(id) ?? value;
  const select = el('select', { id, name: id });
  if (chosen === '') select.append(el('option', { value: '', textContent: ui.choose ?? '', disabled: true, selected: true }));
  select.append(...options.map((o) => el('option', { value: o.value, textContent: o.label, selected: o.value === chosen })));
  const error = el('p', { className: 'error', id: `${id}-error` });
  error.setAttribute('role', 'alert');
  select.setAttribute('aria-describedby', `${id}-error`);
  const button = el('button', { type: 'submit', textContent: ui.save ?? '' });
  const form = el('form', { className: 'field' }, el('label', { htmlFor: id, textContent: name }), el('div', { className: 'row' }, select, button), error);
  form.onsubmit = (e) => {
    e.preventDefault();
    if (select.value !== '') save(select.value, { id, text: select.value, error, button });
  };
  return form;
}

/** A debt's fact chosen from the chat's own buttons (its product, its card's bank). */
const choiceField = (key: string, name: string, value: string, options: Array<{ value: string; label: string }>, debt: number) =>
  selectField(`f-${key}-${debt}`, name, value, options, (text, from) => void change('/app/api/edit', { field: key, debt, text }, from));

function debtPage(v: CaseView, d: DebtView) {
  return [
    el('h2', { textContent: d.name }),
    choiceField('product', ui.product ?? '', d.fields.product, v.products, d.id),
    ...(d.fields.product === 'credit_card' ? [choiceField('bank', ui.bank ?? '', d.fields.bank, v.banks, d.id)] : []),
    ...(d.asksLenderName ? [field('lenderName', ui.lenderName ?? '', d.fields.lenderName, d.id)] : []),
    field('amount', ui.amount ?? '', d.fields.amount, d.id, { decimal: true, hint: ui.amountHint ?? '' }),
    field('overdue', ui.overdue ?? '', d.fields.overdue, d.id, { hint: ui.overdueHint ?? '' }),
    field('rate', ui.rate ?? '', d.fields.rate, d.id, { hint: ui.rateHint ?? '' }),
    ...(v.debts.length > 1 ? [field('minimum', ui.minimum ?? '', d.fields.minimum, d.id, { decimal: true, hint: ui.minimumHint ?? '' })] : []),
  ];
}

function requestsField(v: CaseView, d: DebtView) {
  const box = el('fieldset', {}, el('legend', { textContent: ui.requests ?? '' }));
  const checks = v.requests.map((r) => {
    const input = el('input', { type: 'checkbox', value: r.value, checked: d.requests.includes(r.value) });
    box.append(el('label', {}, input, r.label));
    return input;
  });
  const save = el('button', { type: 'button', textContent: ui.save ?? '' });
  const error = el('p', { className: 'error', id: `f-requests-${d.id}-error` });
  save.onclick = () => {
    const text = checks.filter((c) => c.checked).map((c) => c.value).join(',');
    void change('/app/api/edit', { field: 'requests', debt: d.id, text }, { id: `f-requests-${d.id}`, text, error, button: save });
  };
  box.append(save, error);
  return box;
}

function statementPage(v: CaseView, d: DebtView) {
  const preview = el('div', { className: 'preview', id: 'preview' });
  preview.setAttribute('aria-label', ui.preview ?? '');
  renderInto(preview, d.preview);
  const send = el('button', { type: 'button', id: 'send', textContent: ui.sendToChat ?? '', disabled: !d.ready, onclick: () => void sendStatement(d) });
  return [
    el('h2', { textContent: `${ui.statement ?? ''} · ${d.name}` }),
    field('name', ui.name ?? '', v.statement.name, null, { hint: ui.nameHint ?? '' }),
    field('phoneTail', ui.phoneTail ?? '', v.statement.phoneTail, null),
    field('idTail', ui.idTail ?? '', d.fields.idTail, d.id),
    field('causeWords', ui.causeWords ?? '', v.budget.causeWords, null, { hint: ui.causeHint ?? '' }),
    requestsField(v, d),
    el('h2', { textContent: ui.preview ?? '' }),
    preview,
    // Inside Telegram its main button sends; elsewhere (and for keyboards) this one does.
    ...(inTelegram ? [] : [send]),
  ];
}

async function sendStatement(d: DebtView) {
  await change('/app/api/send', { debt: d.id }, null);
}

/** A choice about reminders, read by the engine as the chat's button; a refusal is said under the list. */
function reminderButton(label: string, action: string, key: string, error: HTMLElement, about?: string) {
  const button = el('button', { type: 'button', textContent: label });
  // Each reminder has the same three buttons: a screen reader hears which reminder each is for.
  if (about) button.setAttribute('aria-label', `${label}: ${about}`);
  button.onclick = () => void change('/app/api/reminder', { field: action, text: key }, { id: 'r', text: '', error, button });
  return button;
}

/** The reminders as /reminders lists them, each with cancel and snooze; on or off; the zone quiet hours are kept in. */
function remindersPage(r: RemindersView) {
  const error = el('p', { className: 'error', id: 'r-error' });
  error.setAttribute('role', 'alert');
  const items = r.items.map((x) => {
    const what = x.lender ? `${x.lender} · ${x.what}` : x.what;
    return el(
      'li',
      { className: 'card' },
      el('h3', { textContent: x.date }),
      el('p', { textContent: what }),
      el(
        'div',
        { className: 'row' },
        reminderButton(ui.cancelReminder ?? '', 'x', x.key, error, `${x.date} ${what}`),
        reminderButton(ui.snoozeDay ?? '', 's1', x.key, error, `${x.date} ${what}`),
        reminderButton(ui.snoozeWeek ?? '', 's7', x.key, error, `${x.date} ${what}`),
      ),
    );
  });
  const list = el('ul', { className: 'plain', id: 'reminders' }, ...items);
  const body: Node[] = [el('h2', { textContent: ui.reminders ?? '' }), el('p', { textContent: r.on ? (ui.remindersOn ?? '') : (ui.remindersOff ?? '') })];
  if (r.on) body.push(items.length > 0 ? list : el('p', { textContent: ui.remindersEmpty ?? '' }));
  body.push(el('p', { textContent: r.when }), error);
  if (r.on) {
    const form = selectField('f-zone', ui.zone ?? '', r.zone || '0', r.zones, (text, from) => void change('/app/api/reminder', { field: 'z', text }, from));
    body.push(form, el('div', { className: 'nav' }, reminderButton(ui.turnOff ?? '', 'off', '', error)));
  } else {
    body.push(el('div', { className: 'nav' }, reminderButton(ui.turnOn ?? '', 'on', '', error)));
  }
  return body;
}

/** A copy of one's data (sent to the chat), and deleting everything, asked once more on the page first. */
function dataPage() {
  const exportButton = el('button', { type: 'button', textContent: ui.export ?? '' });
  exportButton.onclick = async () => {
    exportButton.disabled = true;
    const code = (await call('/app/api/export', {}).catch(() => ({ status: 0 }))).status;
    exportButton.disabled = false;
    if (code === 401) return refusedHere();
    say(code === 200 ? (ui.exported ?? '') : (ui.failed ?? boot.failed));
  };
  const confirm = el('div', { className: 'confirm', hidden: true, id: 'delete-confirm' });
  const deleteButton = el('button', { type: 'button', className: 'danger', textContent: ui.delete ?? '' });
  deleteButton.setAttribute('aria-expanded', 'false');
  deleteButton.setAttribute('aria-controls', 'delete-confirm');
  const showConfirm = (shown: boolean) => {
    confirm.hidden = !shown;
    deleteButton.setAttribute('aria-expanded', String(shown));
  };
  deleteButton.onclick = () => showConfirm(true);
  const yes = el('button', { type: 'button', className: 'danger', textContent: ui.deleteYes ?? '' });
  yes.onclick = async () => {
    yes.disabled = true;
    const result = await call('/app/api/delete', {}).catch(() => ({ status: 0, answer: {} as Answer }));
    yes.disabled = false;
    if (result.status === 401) return refusedHere();
    if (result.answer.deleted) return deletedHere();
    say(ui.failed ?? boot.failed);
  };
  confirm.append(el('p', { textContent: ui.deleteConfirm ?? '' }), el('div', { className: 'row' }, yes, el('button', { type: 'button', textContent: ui.deleteNo ?? '', onclick: () => showConfirm(false) })));
  return [
    el('h2', { textContent: ui.data ?? '' }),
    el('div', { className: 'card' }, el('p', { textContent: ui.exportHint ?? '' }), exportButton),
    el('div', { className: 'card' }, el('p', { textContent: ui.deleteHint ?? '' }), deleteButton, confirm),
  ];
}

/** Everything deleted: the session ended with it; nothing left to show or change. */
function deletedHere() {
  token = '';
  view = null;
  stack = [{ page: 'home' }];
  backButton(false);
  mainButton(null, colors);
  main.replaceChildren(el('p', { textContent: ui.deleted ?? '' }));
  say('');
}

function render() {
  const r = route();
  backButton(stack.length > 1);
  document.documentElement.lang = ui.lang ?? 'zh-CN';
  title.textContent = ui.title ?? title.textContent;
  let body: Node[];
  const debt = 'id' in r ? view?.debts.find((d) => d.id === r.id) : undefined;
  if (!view) body = [el('p', { textContent: ui.noCase ?? '' })];
  else if (!view.consent) body = [el('p', { textContent: ui.noConsent ?? '' })];
  else if (r.page === 'budget') body = budgetPage(view);
  else if (r.page === 'debt' && debt) body = debtPage(view, debt);
  else if (r.page === 'statement' && debt) body = statementPage(view, debt);
  else if (r.page === 'reminders') body = remindersPage(view.reminders);
  else if (r.page === 'data') body = dataPage();
  else {
    stack = [{ page: 'home' }];
    body = home(view);
  }
  main.replaceChildren(...body);
  const sendable = r.page === 'statement' && debt?.ready === true;
  mainButton(sendable ? (ui.sendToChat ?? null) : null, colors);
}

function refusedHere() {
  token = '';
  main.replaceChildren(el('p', { textContent: boot.refused }));
  mainButton(null, colors);
}

on('back_button_pressed', back);
on('main_button_pressed', () => {
  const r = route();
  const debt = r.page === 'statement' ? view?.debts.find((d) => d.id === r.id) : undefined;
  if (debt) void sendStatement(debt);
});
on('theme_changed', (data) => applyTheme((data as { theme_params?: Theme } | undefined)?.theme_params ?? {}));

async function start() {
  applyTheme(launchTheme());
  postEvent('web_app_ready');
  postEvent('web_app_expand');
  if (!initData) return refusedHere();
  try {
    // Begun by the page's head before this script was even compiled (app-page.ts).
    const early = (window as unknown as { xsSession?: Promise<Response> | null }).xsSession;
    const res = await (early ?? fetch('/app/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ initData }) }));
    if (res.status === 401) return refusedHere();
    const answer = (await res.json()) as { token: string; lang: string; ui: Ui; view: CaseView | null };
    token = answer.token;
    ui = { ...answer.ui, lang: answer.lang };
    view = answer.view;
    render();
  } catch {
    main.replaceChildren(el('p', { textContent: boot.failed }));
  }
}

void start();
