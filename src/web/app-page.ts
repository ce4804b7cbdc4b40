import type { Translate } from '../i18n/index.js';
import { asset, bundleClient, escapeText, jsonBlock, PHONE_HEAD, type Asset, type Assets } from './page.js';

/**
 * The Mini App's look: Telegram's theme colours where it gives them (set by the page from its theme parameters),
 * else light or dark from the system. Body text is always the theme's text colour on its background, and buttons
 * are outlined in it: Telegram's own hint and button colours fail AA contrast in common dark themes.
 */
const CSS = `
:root{color-scheme:light dark;--bg:var(--tg-bg,#fff);--fg:var(--tg-text,#1b1f24);--card:var(--tg-card,#f2f4f7);--line:#8a949e;--accent:var(--tg-text,#0b5cad);--bad:#b3261e;--good:#1e6b34}
@media (prefers-color-scheme:dark){:root{--bg:var(--tg-bg,#17212b);--fg:var(--tg-text,#f5f5f5);--card:var(--tg-card,#232e3c);--line:#6c7883;--accent:var(--tg-text,#9ccbff);--bad:#ffb4a9;--good:#9be7a8}}
:root.dark{--bad:#ffb4a9;--good:#9be7a8}
*{box-sizing:border-box}
html,body{margin:0}
body{background:var(--bg);color:var(--fg);font:16px/1.55 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif;-webkit-text-size-adjust:100%;padding:0 0 calc(1rem + env(safe-area-inset-bottom))}
header{position:sticky;top:0;display:flex;align-items:center;gap:.5rem;padding:.5rem 1rem;background:var(--bg);border-bottom:1px solid var(--line);z-index:1}
h1{font-size:1.15rem;margin:0;flex:1}
h2{font-size:1.05rem;margin:1rem 0 .5rem}
main{padding:0 1rem;max-width:40rem;margin:0 auto}
button{font:inherit;min-height:44px;min-width:44px;padding:.45rem .9rem;border-radius:.6rem;border:1px solid var(--fg);background:transparent;color:var(--fg);cursor:pointer}
button:disabled{opacity:.6}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.card{background:var(--card);border-radius:.8rem;padding:.75rem .9rem;margin:.6rem 0}
.card h3{margin:0 0 .25rem;font-size:1rem}
.card p{margin:.15rem 0}
.nav{display:grid;gap:.5rem;margin:.75rem 0}
.nav button{text-align:left;width:100%}
dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:.25rem 0}
dt{font-weight:600}dd{margin:0}
form.field{margin:.75rem 0}
form.field label,fieldset legend{display:block;font-weight:600;margin-bottom:.25rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem}
button.danger{border-color:var(--bad);color:var(--bad);font-weight:600}
.confirm{margin-top:.5rem}
ul.plain{list-style:none;padding:0;margin:0}
select{flex:1;min-width:0;font:inherit;min-height:44px;padding:.45rem .7rem;border:1px solid var(--line);border-radius:.6rem;background:var(--bg);color:var(--fg)}
input[type=text]{flex:1;min-width:0;font:inherit;min-height:44px;padding:.45rem .7rem;border:1px solid var(--line);border-radius:.6rem;background:var(--bg);color:var(--fg)}
fieldset{border:1px solid var(--line);border-radius:.6rem;margin:.75rem 0;padding:.5rem .75rem}
fieldset label{display:flex;align-items:center;gap:.5rem;min-height:44px}
input[type=checkbox]{width:22px;height:22px}
.error{color:var(--bad);margin:.25rem 0}
.hint{margin:.25rem 0;font-size:.95rem}
#status{position:sticky;bottom:0;margin:0;padding:.5rem 1rem;background:var(--card);max-width:40rem;margin:0 auto}
#status:empty{display:none}
.preview{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--line);border-radius:.6rem;padding:.75rem;font-size:.95rem}
pre,code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;white-space:pre-wrap}
[hidden]{display:none!important}
`;

/**
 * Run first, in the head: Telegram's launch data is exchanged while the rest of the page is parsed and its script
 * compiled, which on a slow phone is a good part of the wait. The page's script takes the answer from `xsSession`.
 */
const EARLY_SESSION = `window.xsSession=(function(d){return d?fetch('/app/api/session',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({initData:d})}):null})(new URLSearchParams(location.hash.slice(1)).get('tgWebAppData'))`;

/** The page with its style and scripts inside it, compressed once: one request before the launch data is checked. */
export interface AppAssets extends Assets {
  early: Asset;
  page: Asset;
}

export async function loadAppAssets(zh: Translate, en: Translate): Promise<AppAssets> {
  const css = asset('text/css; charset=utf-8', CSS.trim());
  const js = asset('text/javascript; charset=utf-8', await bundleClient('app.ts'));
  const early = asset('text/javascript; charset=utf-8', EARLY_SESSION);
  return { css, js, early, page: asset('text/html; charset=utf-8', renderAppPage({ css, js, early }, zh, en)) };
}

/**
 * The page before it knows who is looking: it says nothing in either language but "loading" (both), until
 * Telegram's signed launch data has been exchanged and the person's own words came with their case. Style and script
 * are inside it (allowed by their hashes in the CSP): on a slow network each request is a round trip.
 */
export function renderAppPage(assets: Assets & { early: Asset }, zh: Translate, en: Translate): string {
  // Translations are Telegram HTML; these are plain text, read back to text first.
  const both = (key: string) => [zh, en].map((t) => t(key).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join(' · ');
  const h = (key: string) => escapeText(both(key));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<script>${assets.early.identity.toString()}</script>
${PHONE_HEAD}
<title>${h('app.page.title')}</title>
<link rel="icon" href="data:,">
<style>${assets.css.identity.toString()}</style>
</head>
<body>
<header><h1 id="title">${h('app.page.title')}</h1></header>
<main id="main" aria-live="polite"><p id="loading">${h('app.page.opening')}</p></main>
<p id="status" role="status"></p>
<noscript><p>${h('app.page.noscript')}</p></noscript>
<script type="application/json" id="boot">${jsonBlock({ refused: both('app.page.refused'), failed: both('app.page.failed') })}</script>
<script>${assets.js.identity.toString().replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>`;
}
