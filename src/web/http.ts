import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Asset } from './page.js';

/** What the web chat and the Mini App serve alike: the content policy, the origin check, the address, the assets. */

export const CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

/** Behind TLS (directly or at a proxy that says so): the cookie is Secure and takes the __Host- prefix. */
export const isSecure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/**
 * A state-changing request must come from our own page. Browsers send Sec-Fetch-Site and Origin on every POST made
 * by script; hono's csrf() only looks at form content types, so JSON is checked here. No browser, no cookie attack.
 */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  const proto = isSecure(c) ? 'https' : 'http';
  return origin === `${proto}://${host}`;
}

/** The person's address: the socket's, or, from a proxy on this machine, the last hop it forwarded. */
export function addressOf(c: Context): string {
  const socket = getConnInfo(c).remote.address ?? 'unknown';
  const forwarded = c.req.header('x-forwarded-for');
  const loopback = socket === '127.0.0.1' || socket === '::1' || socket === '::ffff:127.0.0.1';
  return loopback && forwarded ? (forwarded.split(',').at(-1)?.trim() ?? socket) : socket;
}

/** A file in the encoding the browser takes best; named by version, so cached for good unless told otherwise. */
export function serveAsset(c: Context, a: Asset, cacheControl = 'public, max-age=31536000, immutable') {
  const accept = c.req.header('accept-encoding') ?? '';
  const [body, encoding] = /\bbr\b/.test(accept) ? [a.br, 'br'] : /\bgzip\b/.test(accept) ? [a.gzip, 'gzip'] : [a.identity, null];
  c.header('content-type', a.type);
  c.header('vary', 'accept-encoding');
  c.header('cache-control', cacheControl);
  if (encoding) c.header('content-encoding', encoding);
  return c.body(new Uint8Array(body));
}

