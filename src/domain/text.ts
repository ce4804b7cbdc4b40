/**
 * Text bounds that never split what the user sees as one character: a cut lands on a grapheme boundary
 * (Intl.Segmenter), so no emoji, flag or combined character is halved and no lone surrogate is ever produced.
 */
let graphemes: Intl.Segmenter | undefined;

/** The longest prefix of `text` that is at most `maxUnits` UTF-16 code units and ends on a grapheme boundary. */
export function cutGraphemes(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let end = 0;
  // Made on first need: few texts are ever cut, and ICU's break rules stay out of memory until one is.
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > maxUnits) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * Bidirectional controls (embeddings, overrides, isolates and marks) make a text display in another order than it
 * is read: "\u202e0003" shows as 3000. They carry nothing a person means to say here, so input drops them; lone
 * surrogates (not text at all) go the same way.
 */
const INVISIBLE_ORDER = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const stripBidi = (text: string): string => text.replace(INVISIBLE_ORDER, '');

/**
 * Terminal escape sequences (ESC [ 3 1 m …) paste in from a terminal or a broken keyboard app: their digits are not
 * a number the person typed ("\x1b[31m" must not read as 31). Whole sequences go first, then any control
 * character left (C0 but tab and line breaks, DEL, C1), and the two non-characters U+FFFE and U+FFFF, which XML
 * (and so a .docx) cannot hold.
 */
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])?/g;
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** What the person typed as they meant it: no direction overrides, escape sequences, controls or non-characters. */
export const cleanInput = (text: string): string => stripBidi(text).replace(ESCAPES, '').replace(UNREADABLE, '');

/** Characters XML 1.0 cannot hold (controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A text a .docx can hold: whatever an older version stored, the document always opens. */
export const xmlSafe = (text: string): string => text.replace(NOT_XML, '');
