import type { DocModel } from '../documents/index.js';

/** Platform-neutral output of one turn; the Telegram gateway and the terminal chat both speak it. */
export interface Button {
  label: string;
  /** callback_data: versioned, ≤ 64 bytes (see callback-data.ts). */
  data: string;
  /**
   * Opens the Telegram Mini App instead (`menu`: what the chat's menu button says, in the same language). A front
   * without the Mini App (the web chat, the terminal, Telegram without PUBLIC_URL) does not show it.
   */
  app?: { menu: string };
}
export type Keyboard = Button[][];

/** The keyboard without the buttons that open the Mini App, for the fronts that have none. */
export const withoutApp = (keyboard: Keyboard | undefined): Keyboard | undefined =>
  keyboard?.map((row) => row.filter((b) => b.app === undefined)).filter((row) => row.length > 0);

export type Reply =
  | { kind: 'text'; html: string; buttons?: Keyboard }
  /** The checklist: posted as a new message whose id the engine remembers, so later changes edit it in place. */
  | { kind: 'checklist'; html: string; buttons: Keyboard }
  /** A document; the engine packs it into a .docx just before sending (packing is the only async part). */
  | { kind: 'document'; filename: string; doc: DocModel }
  /** A file already made (the copy of a person's data): sent as a document as it is, UTF-8. */
  | { kind: 'file'; filename: string; text: string };

/** Telegram's limit for one message's text (FACTS §8.6). */
export const MAX_MESSAGE_CHARS = 4096;
