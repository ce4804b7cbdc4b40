/**
 * Telegram's HTML parse mode, as strictly as Telegram applies it (core.telegram.org/bots/api#html-style): only its
 * tags, balanced; `<`, `>` and `&` escaped outside tags; only the four named entities and numeric ones; no entity
 * inside code or pre except code in pre; well-formed UTF-16. Used by the fake Bot API and the bot harness alike, so
 * any message Telegram would refuse fails the test that produced it.
 */

/** Tags Telegram accepts, each with the attribute it requires (if any). */
const TAGS: Record<string, { requires?: { name: string; value?: RegExp } }> = {
  b: {},
  strong: {},
  i: {},
  em: {},
  u: {},
  ins: {},
  s: {},
  strike: {},
  del: {},
  'tg-spoiler': {},
  span: { requires: { name: 'class', value: /^tg-spoiler$/ } },
  a: { requires: { name: 'href' } },
  code: {},
  pre: {},
  blockquote: {},
  'tg-emoji': { requires: { name: 'emoji-id', value: /^\d+$/ } },
};

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ENTITY = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/;
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/;
const ATTR = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

const MAX_TEXT_CHARS = 4096;

export interface ParsedHtml {
  /** The text the user sees, entities decoded. */
  plain: string;
}

/**
 * Telegram's verdict on one HTML text: null when it would be accepted, else the description Telegram answers with
 * (after "Bad Request: ").
 */
export function telegramHtmlError(html: string, opts: { maxChars?: number } = {}): string | null {
  const parsed = parseTelegramHtml(html);
  if (typeof parsed === 'string') return parsed;
  if (parsed.plain.trim().length === 0) return 'message text is empty';
  if (parsed.plain.length > (opts.maxChars ?? MAX_TEXT_CHARS)) return 'message is too long';
  return null;
}

/** Parses Telegram HTML; a string result is the error description Telegram would give. */
export function parseTelegramHtml(html: string): ParsedHtml | string {
  if (LONE_SURROGATE.test(html)) return 'text must be encoded in UTF-8';
  const at = (i: number) => `at byte offset ${Buffer.byteLength(html.slice(0, i), 'utf8')}`;
  const open: string[] = [];
  let plain = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '<') {
      const m = TAG.exec(html.slice(i));
      if (!m) return `can't parse entities: Unclosed start tag ${at(i)}`;
      const [whole, slash, rawName = '', attrs = ''] = m;
      const name = rawName.toLowerCase();
      if (slash) {
        const expected = open.pop();
        if (expected === undefined) return `can't parse entities: Unexpected end tag ${at(i)}`;
        if (expected !== name) {
          return `can't parse entities: Unmatched end tag ${at(i)}, expected "</${expected}>", found "</${name}>"`;
        }
      } else {
        const rule = TAGS[name];
        if (!rule) return `can't parse entities: Unsupported start tag "${name}" ${at(i)}`;
        const parent = open.at(-1);
        if (parent === 'code' || (parent === 'pre' && name !== 'code')) {
          return `can't parse entities: Can't nest "${name}" inside "${parent}" ${at(i)}`;
        }
        if (rule.requires) {
          const found = [...attrs.matchAll(ATTR)].find((a) => a[1]?.toLowerCase() === rule.requires?.name);
          const value = found ? (found[2] ?? found[3] ?? found[4] ?? '') : undefined;
          if (value === undefined || (rule.requires.value && !rule.requires.value.test(value))) {
            return `can't parse entities: Unsupported start tag "${name}" ${at(i)}`;
          }
        }
        open.push(name);
      }
      i += whole.length;
      continue;
    }
    if (ch === '&') {
      const m = ENTITY.exec(html.slice(i));
      if (!m) return `can't parse entities: Can't find end of the entity starting ${at(i)}`;
      const [whole, named, dec, hex] = m;
      if (named) plain += NAMED[named];
      else {
        const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          return `can't parse entities: Invalid character reference ${at(i)}`;
        }
        plain += String.fromCodePoint(code);
      }
      i += whole.length;
      continue;
    }
    if (ch === '>') return `can't parse entities: Character '>' is reserved and must be escaped ${at(i)}`;
    plain += ch;
    i += 1;
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) return `can't parse entities: Can't find end tag corresponding to start tag "${unclosed}"`;
  return { plain };
}

/** Plain-text fields Telegram still requires to be well-formed (callback answers, button labels). */
export function telegramPlainError(text: string): string | null {
  return LONE_SURROGATE.test(text) ? 'text must be encoded in UTF-8' : null;
}

/**
 * Every text in one Bot API call, checked as Telegram would: the message or caption in HTML parse mode, the
 * callback answer and the button labels as plain text. Null when Telegram would accept the call.
 */
export function botApiTextError(method: string, payload: Record<string, unknown>): string | null {
  const html = payload.parse_mode === 'HTML';
  const texts: Array<[string, boolean]> = [];
  if (typeof payload.text === 'string') texts.push([payload.text, html && method !== 'answerCallbackQuery']);
  if (typeof payload.caption === 'string') texts.push([payload.caption, html]);
  const keyboard = (payload.reply_markup as { inline_keyboard?: Array<Array<{ text?: unknown }>> } | undefined)?.inline_keyboard;
  for (const b of (keyboard ?? []).flat()) if (typeof b.text === 'string') texts.push([b.text, false]);
  for (const [text, isHtml] of texts) {
    const error = isHtml ? telegramHtmlError(text) : telegramPlainError(text);
    if (error) return error;
  }
  if (method === 'sendMessage' || method === 'editMessageText') {
    if (typeof payload.text !== 'string') return 'message text is empty';
    if (!html && payload.text.trim().length === 0) return 'message text is empty';
  }
  return null;
}
