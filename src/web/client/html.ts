/**
 * The bot's messages are Telegram's HTML subset, escaped exactly as Telegram reads it. The page builds them into the
 * DOM element by element, never through innerHTML: a tag outside the subset, or anything a person typed, stays text.
 */
const TAGS: Record<string, string> = {
  b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', ins: 'u', s: 's', strike: 's', del: 's',
  a: 'a', code: 'code', pre: 'pre', blockquote: 'blockquote', 'tg-spoiler': 'span', span: 'span',
};

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export const decodeEntities = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? ''),
  );

/** Only links a person can follow safely: web pages, phone numbers (a hotline) and mail. */
const safeHref = (href: string): string | null => (/^(https?:|tel:|mailto:)/i.test(href) ? href : null);

export function renderHtml(html: string, doc: Document = document): DocumentFragment {
  const root = doc.createDocumentFragment();
  const stack: Array<{ name: string; node: Node }> = [{ name: '', node: root }];
  const top = () => stack[stack.length - 1]!.node;
  const token = /<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"]*")*)\s*>|[^<]+|</gi;
  for (const m of html.matchAll(token)) {
    const whole = m[0];
    const closing = m[1];
    const attrs = m[3];
    const name = m[2]?.toLowerCase();
    const tag = name ? TAGS[name] : undefined;
    if (!tag) {
      top().appendChild(doc.createTextNode(decodeEntities(whole)));
      continue;
    }
    if (closing) {
      const at = stack.map((s) => s.name).lastIndexOf(name!);
      if (at > 0) stack.length = at;
      continue;
    }
    const el = doc.createElement(tag);
    if (name === 'a') {
      const href = /\shref="([^"]*)"/.exec(attrs ?? '')?.[1];
      const safe = href ? safeHref(decodeEntities(href)) : null;
      if (safe) {
        el.setAttribute('href', safe);
        el.setAttribute('rel', 'noopener noreferrer');
        el.setAttribute('target', '_blank');
      }
    }
    if (name === 'tg-spoiler') el.className = 'spoiler';
    top().appendChild(el);
    stack.push({ name: name!, node: el });
  }
  return root;
}
