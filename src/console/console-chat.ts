import { writeFile } from 'node:fs/promises';
import { parse, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../engine/engine.js';
import { typed, type Inbound } from '../engine/inbound.js';
import type { Outbox } from '../engine/ports.js';
import { htmlToPlain } from '../render/html.js';
import { withoutApp, type Button, type Keyboard } from '../render/reply.js';

/** The one person at the keyboard. */
const CHAT_ID = 1;

/**
 * The terminal as a chat: the same engine, flow and texts as Telegram. Buttons print as numbered choices; typing
 * the number presses the button, anything else is a message.
 */
export function createConsoleOutbox(out: Writable, cwd: string) {
  let buttons: Button[] = [];
  let messageId = 0;
  const write = (s: string) => out.write(`${s}\n`);
  /** Numbers run on across the messages of one turn, so a message before the question (an offer) stays pressable. */
  let fresh = true;
  const show = (html: string, keyboard?: Keyboard) => {
    write(`\n${htmlToPlain(html)}`);
    if (fresh) buttons = [];
    fresh = false;
    const first = buttons.length;
    // The Mini App is Telegram's: its button is not offered in the terminal.
    const added = withoutApp(keyboard)?.flat() ?? [];
    buttons.push(...added);
    if (added.length > 0) write(added.map((b, i) => `  [${first + i + 1}] ${b.label}`).join('\n'));
  };
  const outbox: Outbox = {
    async sendText(_chat, html, keyboard) {
      show(html, keyboard);
      return { messageId: ++messageId };
    },
    // A terminal cannot change what it already printed; the checklist is shown afresh when it is opened.
    async editText() {
      return 'edited';
    },
    async sendDocument(_chat, file) {
      const path = await writeNew(cwd, file.filename, file.bytes);
      write(`\n📄 ${path}${file.caption ? `\n${htmlToPlain(file.caption)}` : ''}`);
      return { messageId: ++messageId };
    },
    async answerCallback(_id, text) {
      if (text) write(`(${htmlToPlain(text)})`);
    },
  };
  return {
    outbox,
    buttonAt: (n: number): Button | undefined => buttons[n - 1],
    /** The next message starts a new set of numbered buttons. */
    newTurn: () => {
      fresh = true;
    },
  };
}

/**
 * A document is written beside the others, never over one: the same letter made twice in a day (after an edit)
 * becomes `还款困难情况说明-花呗-2026-12-07-2.docx`. The `wx` flag makes the check and the write one step.
 */
async function writeNew(dir: string, filename: string, bytes: Uint8Array): Promise<string> {
  const { name, ext } = parse(filename);
  for (let n = 1; ; n++) {
    const path = resolve(dir, n === 1 ? filename : `${name}-${n}${ext}`);
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

export async function runConsoleChat(opts: {
  engine: Engine;
  console: ReturnType<typeof createConsoleOutbox>;
  input: Readable;
  output: Writable;
  banner: string;
  languageCode?: string | undefined;
  /** Unique across restarts, so a Redis-backed case never mistakes a new line for a repeat. */
  firstUpdateId: number;
  /** A line the terminal answers itself (the developer's `/clock`): true when it did. */
  local?: (line: string) => Promise<boolean>;
}): Promise<void> {
  const { engine, input, output } = opts;
  let updateId = opts.firstUpdateId;

  /** A number presses that button of the last turn; anything else is typed text or a command. */
  const toInbound = (line: string): Inbound => {
    const pressed = /^\d{1,2}$/.test(line) ? opts.console.buttonAt(Number(line)) : undefined;
    updateId += 1;
    const input = pressed ? { kind: 'button' as const, data: pressed.data, callbackId: String(updateId) } : typed(line);
    return { chatId: CHAT_ID, userId: CHAT_ID, updateId, languageCode: opts.languageCode, input };
  };

  const handleLine = async (line: string) => {
    if (await opts.local?.(line)) return;
    const inbound = toInbound(line);
    opts.console.newTurn();
    await engine.handle(inbound);
  };

  output.write(`${opts.banner}\n`);
  await handleLine('/start');
  const rl = createInterface({ input, terminal: false });
  // Lines are handled one at a time, in order, exactly as one Telegram chat would be.
  let queue = Promise.resolve();
  rl.on('line', (raw) => {
    const line = raw.trim();
    if (line) queue = queue.then(() => handleLine(line));
  });
  await new Promise<void>((done) => rl.once('close', done));
  await queue;
}
