import type { TFunction, i18n as I18n } from 'i18next';

/**
 * Translations compiled once per language and key into literal parts and variable names, so a text costs a lookup
 * and a string concatenation instead of i18next's option copying and regex interpolation on every call.
 *
 * i18next stays the source and the fallback: texts are read from its store, resolved in its language order with its
 * plural rules, and anything this does not reproduce exactly (a missing key or variable, a non-string value,
 * nesting, formatting, or any i18next option in the call) goes to i18next's own `getFixedT`.
 */

/** Options i18next reads from a `t()` call; any of them in a call means i18next does the call. */
const I18NEXT_OPTIONS = new Set([
  'lng', 'lngs', 'ns', 'keyPrefix', 'scopeNs', 'ordinal', 'context', 'replace', 'fallbackLng', 'keySeparator',
  'nsSeparator', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'skipInterpolation',
  'nest', 'applyPostProcessor', 'appendNamespaceToCIMode', 'missingKeyNoValueFallbackToKey',
  'missingInterpolationHandler', 'ignoreJSONStructure', 'tDescription',
]);
const isI18nextOption = (name: string): boolean => I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue');

/** `{{name}}` (escaped) and `{{- name}}` (as is): the only placeholders compiled. */
const PLACEHOLDER = /\{\{(-?) *([A-Za-z_][A-Za-z0-9_]*) *\}\}/g;

interface Template {
  /** Literal text around the variables: one more than there are variables. */
  parts: string[];
  names: string[];
  escaped: boolean[];
}

/** What one key in one language resolves to: a template, or a value i18next must handle itself. */
type Slot = Template | 'i18next';

/** A key's forms in one language of the fallback order. */
interface Forms {
  base: Slot | undefined;
  zero: Slot | undefined;
  plural: Map<string, Slot | undefined>;
  category: (count: number) => string | undefined;
}

/** Counts this small are what texts count (calls, items, days): their plural category is remembered. */
const CACHED_COUNTS = 1024;

/** Every plural category CLDR has; a language uses some of them, and its rule only ever answers those. */
const PLURAL_CATEGORIES: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

type PluralResolver = { getRule(code: string): Intl.PluralRules | undefined };

/**
 * The plural category of a count under i18next's own rule for a language (undefined when it has none), remembered
 * for small whole counts. The rule is asked for on the first count: ICU's plural data stays out of memory until a
 * text counts something.
 */
function categoryOf(resolver: PluralResolver, code: string): (count: number) => string | undefined {
  let rule: Intl.PluralRules | undefined | null = null;
  const known: string[] = [];
  return (count) => {
    if (rule === null) rule = resolver.getRule(code);
    if (!rule) return undefined;
    if (!Number.isInteger(count) || count < 0 || count >= CACHED_COUNTS) return rule.select(count);
    return (known[count] ??= rule.select(count));
  };
}

type Vars = Record<string, unknown>;

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const makeString = (v: unknown): string => (v == null ? '' : String(v));

/** The interpolation settings the compiled path reproduces; anything else leaves every call to i18next. */
function compilable(i18n: I18n): boolean {
  const o = i18n.options;
  const ip = (o.interpolation ?? {}) as Record<string, unknown>;
  const defaultNS = o.defaultNS;
  return (
    i18n.isInitialized &&
    (typeof defaultNS === 'string' || (Array.isArray(defaultNS) && defaultNS.length === 1)) &&
    !o.fallbackNS &&
    !(o.postProcess && (o.postProcess as unknown as unknown[]).length !== 0) &&
    !(i18n.services as { i18nFormat?: unknown }).i18nFormat &&
    o.keySeparator === '.' &&
    o.pluralSeparator === '_' &&
    ip.prefix === '{{' &&
    ip.suffix === '}}' &&
    ip.unescapePrefix === '-' &&
    !ip.unescapeSuffix &&
    ip.nestingPrefix === '$t(' &&
    !ip.prefixEscaped &&
    !ip.suffixEscaped &&
    !ip.nestingPrefixEscaped &&
    ip.skipOnVariables === true &&
    !ip.alwaysFormat &&
    !ip.useRawValueToEscape
  );
}

/**
 * A text as literal parts and variables, or null when i18next's interpolation could read it differently: any brace
 * or nesting outside a simple placeholder, or a placeholder named like an i18next option (i18next fills those from
 * the call's own options).
 */
function compileText(text: string): Template | null {
  const parts: string[] = [];
  const names: string[] = [];
  const escaped: boolean[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[2] ?? '';
    if (isI18nextOption(name)) return null;
    parts.push(text.slice(last, m.index));
    names.push(name);
    escaped.push(m[1] !== '-');
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  if (parts.some((p) => p.includes('{') || p.includes('}') || p.includes('$t(')) || names.length >= 1000) return null;
  return { parts, names, escaped };
}

/**
 * One language's compiled translator. `fallback` is i18next's own fixed T for that language; every call it does not
 * reproduce exactly is passed to it unchanged.
 */
export function compileTranslator(i18n: I18n, lang: string, fallback: TFunction): TFunction {
  if (!compilable(i18n) || lang.toLowerCase() === 'cimode') return fallback;
  const ns = ([] as string[]).concat(i18n.options.defaultNS as string | string[])[0] as string;
  const interpolator = (i18n.services as unknown as { interpolator: { escape: (s: string) => unknown; escapeValue: boolean } })
    .interpolator;
  const escape = interpolator.escape;
  const escapeValue = interpolator.escapeValue;
  const defaults = (i18n.options.interpolation?.defaultVariables ?? {}) as Vars;
  const returnNull = i18n.options.returnNull === true;
  const returnEmptyString = i18n.options.returnEmptyString !== false;
  const pluralResolver = i18n.services.pluralResolver as unknown as PluralResolver;
  const codes: readonly string[] = i18n.services.languageUtils.toResolveHierarchy(lang);
  const texts = new Map<string, Template | null>();

  /** What i18next's store holds under a key, as i18next's lookup would accept it. */
  function slot(code: string, key: string): Slot | undefined {
    const value = i18n.getResource(code, ns, key) as unknown;
    if (value === undefined || (value === null && !returnNull) || (value === '' && !returnEmptyString)) return undefined;
    if (typeof value !== 'string') return 'i18next';
    let template = texts.get(value);
    if (template === undefined) {
      template = compileText(value);
      texts.set(value, template);
    }
    return template ?? 'i18next';
  }

  const categories = new Map(codes.map((code) => [code, categoryOf(pluralResolver, code)] as const));

  function formsOf(key: string): Forms[] | null {
    const all: Forms[] = [];
    let found = false;
    for (const code of codes) {
      const plural = new Map<string, Slot | undefined>();
      for (const category of PLURAL_CATEGORIES) plural.set(category, slot(code, `${key}_${category}`));
      const forms: Forms = { base: slot(code, key), zero: slot(code, `${key}_zero`), plural, category: categories.get(code)! };
      found ||= forms.base !== undefined || forms.zero !== undefined || [...plural.values()].some((s) => s !== undefined);
      all.push(forms);
    }
    return found ? all : null;
  }

  /** Keys that exist in the resources; a missing key is not remembered, so unknown keys cannot grow this. */
  const keys = new Map<string, Forms[]>();
  const invalidate = () => {
    keys.clear();
    texts.clear();
  };
  i18n.store.on('added', invalidate);
  i18n.store.on('removed', invalidate);

  /** The slot i18next would use: per language in fallback order, `_zero` for 0, then the plural form, then the key. */
  function resolve(forms: Forms[], count: number | undefined): Slot | undefined {
    for (const f of forms) {
      if (count !== undefined) {
        if (count === 0 && f.zero !== undefined) return f.zero;
        const category = f.category(count);
        // No rule for the language: i18next decides what a count means there.
        if (category === undefined) return 'i18next';
        const p = f.plural.get(category);
        if (p !== undefined) return p;
      }
      if (f.base !== undefined) return f.base;
    }
    return undefined;
  }

  function render(template: Template, vars: Vars | undefined): string | undefined {
    const { parts, names, escaped } = template;
    let out = parts[0] as string;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      let value = vars !== undefined && hasOwn(vars, name) ? vars[name] : undefined;
      if (value === undefined && hasOwn(defaults, name)) value = defaults[name];
      // i18next leaves a missing variable's placeholder (or blanks it): its own path decides.
      if (value === undefined) return undefined;
      const text = makeString(value);
      out += (escaped[i] && escapeValue ? makeString(escape(text)) : text) + (parts[i + 1] as string);
    }
    return out;
  }

  const viaI18next = fallback as unknown as (...args: unknown[]) => string;

  /** The template a call resolves to, or null when i18next must answer it. */
  function templateFor(key: unknown, vars: unknown): Template | null {
    if (typeof key !== 'string' || key.includes(':')) return null;
    let count: number | undefined;
    if (vars !== undefined) {
      if (typeof vars !== 'object' || vars === null || Array.isArray(vars)) return null;
      for (const name in vars) {
        if (name === 'count') {
          const c = (vars as Vars).count;
          if (c !== undefined && typeof c !== 'number') return null;
          count = c as number | undefined;
        } else if (isI18nextOption(name)) {
          return null;
        }
      }
    }
    let forms = keys.get(key);
    if (forms === undefined) {
      const compiled = formsOf(key);
      if (compiled === null) return null;
      keys.set(key, compiled);
      forms = compiled;
    }
    const found = resolve(forms, count);
    return found === undefined || found === 'i18next' ? null : found;
  }

  const t = (key: unknown, vars?: unknown, ...rest: unknown[]): string => {
    const template = rest.length === 0 ? templateFor(key, vars) : null;
    const text = template === null ? undefined : render(template, vars as Vars | undefined);
    return text ?? viaI18next(key, vars, ...rest);
  };
  return t as unknown as TFunction;
}
