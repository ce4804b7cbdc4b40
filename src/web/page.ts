import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Lang } from '../domain/catalog.js';
import { COMMANDS } from '../engine/inbound.js';
import type { Translate } from '../i18n/index.js';

/** A static file held ready in each encoding a browser may ask for; `version` changes with its content. */
export interface Asset {
  type: string;
  version: string;
  /** Its SHA-256, for a Content-Security-Policy source when it is inlined (`'sha256-…'`). */
  sha256: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export function asset(type: string, body: string | Buffer): Asset {
  const identity = Buffer.from(body);
  const digest = createHash('sha256').update(identity).digest();
  return {
    type,
    version: digest.toString('base64url').slice(0, 12),
    sha256: digest.toString('base64'),
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

/** A client is TypeScript under src/web/client/, bundled once, on the first visit (a few milliseconds with esbuild). */
export async function bundleClient(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const out = await build({
    entryPoints: [join(dir, 'src/web/client', entry)],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: ['es2020', 'chrome80', 'safari14'],
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

/**
 * Mobile first: one column the height of the screen (dvh, so the keyboard does not cover the input), system CJK
 * fonts (no outside font can load in China or past the CSP), 16 px text (iOS zooms into smaller inputs), 44 px
 * targets, and colours that keep AA contrast in light and dark.
 */
const CSS = `
:root{color-scheme:light dark;--bg:#f6f7f9;--fg:#1b1f24;--muted:#4f5963;--bot:#fff;--line:#c9d1d9;--me:#0b5cad;--on-me:#fff;--accent:#0b5cad;--focus:#b3261e}
@media (prefers-color-scheme:dark){:root{--bg:#0f1419;--fg:#e6edf3;--muted:#a5b1bd;--bot:#1c232b;--line:#3d4652;--me:#24558a;--on-me:#fff;--accent:#9ccbff;--focus:#ffb4a9}}
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;height:100dvh;background:var(--bg);color:var(--fg);font:16px/1.55 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif;-webkit-text-size-adjust:100%}
header{display:flex;align-items:center;gap:.75rem;padding:.5rem 1rem;border-bottom:1px solid var(--line)}
header div{flex:1;min-width:0}
h1{font-size:1.1rem;margin:0}
header p{margin:0;color:var(--muted);font-size:.875rem}
button{font:inherit;min-height:44px;min-width:44px;padding:.5rem .9rem;border-radius:.6rem;border:1px solid var(--accent);background:var(--bot);color:var(--accent);cursor:pointer}
button:disabled{opacity:.6}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
a{color:var(--accent)}
nav{padding:.5rem 1rem;border-bottom:1px solid var(--line);background:var(--bot)}
nav h2{font-size:1rem;margin:.25rem 0}
nav ul{list-style:none;margin:0;padding:0;display:grid;gap:.4rem}
nav li button{width:100%;text-align:left;border-color:var(--line);color:var(--fg)}
nav p{color:var(--muted);font-size:.875rem;margin:.25rem 0 .5rem}
#log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:.75rem}
ol{list-style:none;margin:0 auto;padding:0;max-width:42rem;display:flex;flex-direction:column;gap:.6rem}
li{max-width:min(100%,36rem)}
.bubble{background:var(--bot);border:1px solid var(--line);border-radius:.9rem;padding:.6rem .8rem;white-space:pre-wrap;overflow-wrap:anywhere}
.me{align-self:flex-end;background:var(--me);color:var(--on-me);border-radius:.9rem;padding:.5rem .8rem;white-space:pre-wrap;overflow-wrap:anywhere}
.note{align-self:center;color:var(--muted);font-size:.9rem}
.doc a{display:inline-flex;align-items:center;min-height:44px;padding:.5rem .9rem;border:1px solid var(--accent);border-radius:.6rem;background:var(--bot);text-decoration:none}
.buttons{display:grid;gap:.4rem;margin-top:.4rem}
.buttons .row{display:flex;flex-wrap:wrap;gap:.4rem}
.buttons button{flex:1 1 auto}
pre,code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;white-space:pre-wrap}
.spoiler{background:var(--fg);color:var(--fg)}
.spoiler:hover,.spoiler:focus{background:none}
#typing,#status{margin:0 auto;max-width:42rem;padding:0 .75rem;color:var(--muted);font-size:.9rem}
.again{display:block;margin:.5rem auto}
form{padding:.5rem .75rem calc(.5rem + env(safe-area-inset-bottom));border-top:1px solid var(--line)}
form label{display:block;font-size:.875rem;color:var(--muted)}
form .row{display:flex;gap:.5rem;max-width:42rem;margin:0 auto}
form label{max-width:42rem;margin:0 auto .25rem}
input{flex:1;min-width:0;font:inherit;min-height:44px;padding:.5rem .75rem;border:1px solid var(--line);border-radius:.6rem;background:var(--bot);color:var(--fg)}
form button{background:var(--me);color:var(--on-me);border-color:var(--me)}
[hidden]{display:none!important}
`;

export interface Assets {
  css: Asset;
  js: Asset;
}

export async function loadAssets(): Promise<Assets> {
  return { css: asset('text/css; charset=utf-8', CSS.trim()), js: asset('text/javascript; charset=utf-8', await bundleClient('main.ts')) };
}

export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A JSON block inside <script>: `<` escaped so no text can close the element. */
/** The head every page starts with: a phone's width, its own light or dark, no referrer sent anywhere. */
export const PHONE_HEAD = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, interactive-widget=resizes-content">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">`;

export const jsonBlock = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page, in the person's language; every word from locales/ through the translator. */
export function renderPage(lang: Lang, t: Translate, assets: Assets): string {
  // Translations are Telegram HTML; the page's own words are plain text, so they are read back to text first.
  const say = (key: string, vars?: Record<string, string>) => t(key, vars).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const h = (key: string) => escapeText(say(key));
  const ui = {
    lang,
    download: say('web.download', { filename: '{filename}' }),
    tooFast: say('web.tooFast', { seconds: '{seconds}' }),
    retrying: say('web.retrying'),
    offline: say('web.offline'),
    forgotten: say('web.forgotten'),
    startAgain: say('web.startAgain'),
    buttonsFor: say('web.buttonsFor'),
  };
  const commands = COMMANDS.filter((c) => c !== 'delete')
    .map((c) => `<li><button type="button" data-command="${c}">/${c} · ${escapeText(say(`commands.${c}`))}</button></li>`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
${PHONE_HEAD}
<title>${h('web.title')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/chat/app.css?v=${assets.css.version}">
<script defer src="/chat/app.js?v=${assets.js.version}"></script>
</head>
<body>
<header><div><h1>${h('web.title')}</h1><p>${h('web.tagline')}</p></div><button type="button" id="menu-button" aria-expanded="false" aria-controls="menu">${h('web.menu')}</button></header>
<nav id="menu" hidden aria-labelledby="menu-title"><h2 id="menu-title">${h('web.menuTitle')}</h2><ul>${commands}</ul><p>${h('web.forgetHint')}</p><button type="button" data-command="delete">${h('web.forget')}</button></nav>
<main id="log" aria-label="${h('web.log')}"><div role="log" aria-live="polite"><ol id="messages"></ol></div></main>
<p id="typing" hidden>${h('web.typing')}</p>
<p id="status" role="status"></p>
<form id="composer"><label for="input">${h('web.inputLabel')}</label><div class="row"><input id="input" type="text" autocomplete="off" enterkeyhint="send" placeholder="${h('web.placeholder')}" maxlength="2000"><button type="submit">${h('web.send')}</button></div></form>
<noscript><p>${h('web.noscript')}</p></noscript>
<script type="application/json" id="ui">${jsonBlock(ui)}</script>
</body>
</html>`;
}
