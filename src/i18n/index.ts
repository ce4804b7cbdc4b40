import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction, type i18n as I18n } from 'i18next';
import { LANGS, type Lang } from '../domain/catalog.js';
import { compileTranslator } from './compiled.js';

export type Translate = TFunction;

/** The project root is where package.json is, both when run from source and from the built dist/. */
function findLocalesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('locales/ not found: run from the project directory');
    dir = parent;
  }
  return join(dir, 'locales');
}

/** Each locales/<lang>/<file>.json holds one top-level key; together they form one `translation` namespace. */
export function loadLocale(lang: Lang, dir = findLocalesDir()): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json')).sort()) {
    Object.assign(merged, JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Record<string, unknown>);
  }
  return merged;
}

/** Telegram HTML knows &lt; &gt; &amp; &quot;: escape exactly those in every interpolated value. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function createI18n(defaults: { ttlDays: number }): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: loadLocale(l) }])),
    supportedLngs: [...LANGS],
    fallbackLng: 'zh-CN',
    initAsync: false,
    returnNull: false,
    // ttlDays is said in the privacy notice wherever it appears, so it is a default variable.
    interpolation: { escapeValue: true, escape: escapeHtml, defaultVariables: defaults },
  });
  return instance;
}

const translators = new WeakMap<I18n, Map<Lang, Translate>>();

/**
 * The fixed translator of a language: never `changeLanguage` on a shared instance (NOTES §6). Built and compiled
 * once per instance and language, so an update gets it for the cost of a lookup.
 */
export function translator(i18n: I18n, lang: Lang): Translate {
  let byLang = translators.get(i18n);
  if (byLang === undefined) {
    byLang = new Map();
    translators.set(i18n, byLang);
  }
  let t = byLang.get(lang);
  if (t === undefined) {
    t = compileTranslator(i18n, lang, i18n.getFixedT(lang));
    byLang.set(lang, t);
  }
  return t;
}

/** zh*, and nothing else, gets Chinese; everyone else gets English (DESIGN: Chinese first, English second). */
export const langFromTelegram = (code: string | undefined): Lang =>
  code === undefined || code.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
