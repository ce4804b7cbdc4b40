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
