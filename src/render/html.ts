import { cutGraphemes } from '../domain/text.js';
import { MAX_MESSAGE_CHARS } from './reply.js';

export { escapeHtml } from '../i18n/index.js';

/**
 * Splits HTML into messages under Telegram's limit, at paragraph, then line, then word boundaries, never inside a
 * tag or an entity. Our templates open and close tags within one line, so a line boundary is always safe.
 */
export function splitHtml(html: string, limit = MAX_MESSAGE_CHARS): string[] {
  const parts: string[] = [];
  let rest = html.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = Math.max(window.lastIndexOf('\n\n'), 0);
    if (cut < limit / 2) cut = Math.max(window.lastIndexOf('\n'), cut);
    if (cut < limit / 2) cut = Math.max(window.lastIndexOf(' '), cut);
    if (cut < limit / 2) cut = safeHardCut(rest, limit);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/** Backs off from the limit so the cut lands outside `<…>` and `&…;`, and between two whole characters. */
function safeHardCut(text: string, limit: number): number {
  const window = text.slice(0, limit);
  let cut = window.length;
  const lastLt = window.lastIndexOf('<');
  if (lastLt > window.lastIndexOf('>')) cut = lastLt;
  const lastAmp = window.lastIndexOf('&', cut - 1);
  if (lastAmp >= 0 && window.indexOf(';', lastAmp) === -1) cut = Math.min(cut, lastAmp);
  // Segment the whole text: a character the window's edge cuts through must not count as whole. A single character
  // longer than a message (hundreds of combining marks) is cut between code points rather than never.
  const whole = cutGraphemes(text, cut).length;
  if (whole > 0) return whole;
  const high = text.charCodeAt(cut - 1);
  return high >= 0xd800 && high <= 0xdbff ? cut - 1 : cut;
}

/** For the terminal and documents: the same text without Telegram's markup. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
