import { renderHtml } from './html.js';
import { onEnterOutsideComposition } from './ime.js';

/** The page's own words, chosen by the server from locales/ for this person's language. */
interface Ui {
  lang: string;
  download: string;
  tooFast: string;
  retrying: string;
  offline: string;
  forgotten: string;
  startAgain: string;
  buttonsFor: string;
}
interface Button {
  label: string;
  data: string;
}
type WebEvent =
  | { seq: number; kind: 'msg'; html: string; buttons?: Button[][] }
  | { seq: number; kind: 'edit'; target: number; html: string; buttons?: Button[][] }
  | { seq: number; kind: 'doc'; filename: string }
  | { seq: number; kind: 'note'; text: string };

/** One input waiting to be applied: its id stays the same across retries, so the server applies it once. */
interface Pending {
  id: number;
  body: { id: number; text: string } | { id: number; button: string };
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = JSON.parse($('ui').textContent ?? '{}') as Ui;
const list = $<HTMLOListElement>('messages');
const log = $('log');
const input = $<HTMLInputElement>('input');
const form = $<HTMLFormElement>('composer');
const typing = $('typing');
const status = $('status');
const menu = $('menu');
const menuButton = $<HTMLButtonElement>('menu-button');

const bySeq = new Map<number, HTMLLIElement>();
/** The newest event shown, and the newest a finished turn is known to have written: "typing…" until both meet. */
let shown = 0;
let awaited = 0;
let asked = false;
let stopped = false;

/** Ids rise within a page and stay unique across pages and reloads: the time in ms, then a counter. */
let counter = 0;
const nextId = () => Date.now() * 1000 + (counter++ % 1000);

function scrollDown() {
  log.scrollTop = log.scrollHeight;
}

function buttonsOf(rows: Button[][] | undefined): HTMLElement | null {
  if (!rows || rows.length === 0) return null;
  const group = document.createElement('div');
  group.className = 'buttons';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', ui.buttonsFor);
  for (const row of rows) {
    const line = document.createElement('div');
    line.className = 'row';
    for (const b of row) {
      const el = document.createElement('button');
      el.type = 'button';
      el.textContent = b.label;
      el.addEventListener('click', () => send({ id: nextId(), button: b.data }, b.label));
      line.appendChild(el);
    }
    group.appendChild(line);
  }
  return group;
}

function fill(li: HTMLLIElement, html: string, buttons: Button[][] | undefined) {
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  bubble.appendChild(renderHtml(html));
  const keys = buttonsOf(buttons);
  li.replaceChildren(bubble, ...(keys ? [keys] : []));
}

function add(className: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = className;
  list.appendChild(li);
  return li;
}

function settle() {
  typing.hidden = !(sending || shown < awaited);
  log.dataset.shown = String(shown);
}

function show(e: WebEvent) {
  if (e.seq <= shown) return;
  if (e.kind !== 'edit') showMine(e.seq);
  shown = e.seq;
  settle();
  switch (e.kind) {
    case 'msg': {
      const li = add('bot');
      fill(li, e.html, e.buttons);
      bySeq.set(e.seq, li);
      break;
    }
    case 'edit': {
      // The checklist is edited in place, where it was posted.
      const li = bySeq.get(e.target);
      if (li) fill(li, e.html, e.buttons);
      break;
    }
    case 'doc': {
      const li = add('bot doc');
      const a = document.createElement('a');
      a.href = `/chat/doc/${e.seq}`;
      a.setAttribute('download', e.filename);
      a.textContent = ui.download.replace('{filename}', e.filename);
      li.appendChild(a);
      break;
    }
    case 'note':
      add('note').textContent = e.text;
      break;
  }
  scrollDown();
}

/**
 * The person's own words are not kept on the server; this tab keeps them (sessionStorage, gone with the tab), each
 * with the bot's last message before it, so a reload shows both sides in order.
 */
const MINE = 'xs-mine';
const mine: Array<{ after: number; text: string }> = (() => {
  try {
    return JSON.parse(sessionStorage.getItem(MINE) ?? '[]') as Array<{ after: number; text: string }>;
  } catch {
    return [];
  }
})();
let mineShown = 0;

function showMine(before: number) {
  while (mineShown < mine.length && mine[mineShown]!.after < before) add('me').textContent = mine[mineShown++]!.text;
}

function own(text: string) {
  mine.push({ after: shown, text });
  mineShown = mine.length;
  try {
    sessionStorage.setItem(MINE, JSON.stringify(mine.slice(-300)));
  } catch {
    // Storage full or off: the words stay on the page until it is reloaded.
  }
  add('me').textContent = text;
  scrollDown();
}

// Sending: one input at a time, in order; a retry sends the same id, so nothing is applied twice or lost.
const queue: Pending[] = [];
let sending = false;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(body: Pending['body'], echo: string) {
  if (stopped) return;
  asked = true;
  own(echo);
  queue.push({ id: body.id, body });
  void drain();
}

async function drain() {
  if (sending) return;
  sending = true;
  settle();
  let wait = 1000;
  while (queue.length > 0 && !stopped) {
    const next = queue[0]!;
    let res: Response | null = null;
    try {
      res = await fetch('/chat/input', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(next.body),
        credentials: 'same-origin',
      });
    } catch {
      res = null;
    }
    if (res?.ok) {
      queue.shift();
      status.textContent = '';
      wait = 1000;
      const reply = (await res.json()) as { outcome: string; lang: string; seq: number };
      awaited = Math.max(awaited, reply.seq);
      if (reply.outcome === 'deleted') forgotten();
      else if (reply.lang !== ui.lang) location.reload();
      continue;
    }
    if (res?.status === 429) {
      const seconds = Number(res.headers.get('retry-after') ?? '2') || 2;
      status.textContent = ui.tooFast.replace('{seconds}', String(seconds));
      await sleep(seconds * 1000);
      continue;
    }
    if (res && res.status >= 400 && res.status < 500) {
      // Refused for good (the conversation is gone): nothing to retry.
      queue.shift();
      continue;
    }
    status.textContent = ui.retrying;
    await sleep(wait);
    wait = Math.min(wait * 2, 15_000);
  }
  sending = false;
  settle();
}

let events: EventSource | null = null;

function forgotten() {
  stopped = true;
  sessionStorage.removeItem(MINE);
  events?.close();
  queue.length = 0;
  status.textContent = ui.forgotten;
  input.disabled = true;
  const again = document.createElement('button');
  again.type = 'button';
  again.className = 'again';
  again.textContent = ui.startAgain;
  again.addEventListener('click', () => location.reload());
  status.after(again);
  again.focus();
}

function connect() {
  events = new EventSource('/chat/events');
  events.addEventListener('message', (m) => {
    status.textContent = '';
    show(JSON.parse(m.data) as WebEvent);
  });
  // After the backlog: a new conversation starts as Telegram's does, with /start.
  events.addEventListener('ready', () => {
    // What the person wrote after the last reply (or, in a conversation with nothing in it, words from another).
    if (shown === 0) {
      mine.length = 0;
      sessionStorage.removeItem(MINE);
    }
    showMine(Infinity);
    if (shown === 0 && !asked) send({ id: nextId(), text: '/start' }, '/start');
  });
  events.addEventListener('error', () => {
    if (!stopped) status.textContent = ui.offline;
  });
}

onEnterOutsideComposition(input, form, submit);

function submit() {
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  send({ id: nextId(), text }, text);
  input.focus();
}

menuButton.addEventListener('click', () => {
  const open = menu.hidden;
  menu.hidden = !open;
  menuButton.setAttribute('aria-expanded', String(open));
  if (open) menu.querySelector('button')?.focus();
});
menu.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  menu.hidden = true;
  menuButton.setAttribute('aria-expanded', 'false');
  menuButton.focus();
});
for (const b of menu.querySelectorAll<HTMLButtonElement>('button[data-command]')) {
  b.addEventListener('click', () => {
    menu.hidden = true;
    menuButton.setAttribute('aria-expanded', 'false');
    const command = `/${b.dataset.command ?? 'help'}`;
    send({ id: nextId(), text: command }, command);
    input.focus();
  });
}

connect();
