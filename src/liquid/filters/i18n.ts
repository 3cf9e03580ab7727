import { FilterError, type FilterThis } from './types.js';
import { SafeString, escapeHtml, toOutput } from '../escape.js';
import { languageOf, lookupTranslation, translationsOf } from '../util/translations.js';
import { asHash, isNil, unwrap } from '../util/values.js';

/** Options that steer the lookup; every other option is an interpolation value. */
const RESERVED = new Set(['locale', 'default', 'fallback', 'scope']);

/**
 * The shared body of t and t_escape. Looks `key` (under `scope`) up in the language
 * (`locale:` or context.language), then in 'en' unless `fallback: false`, then takes
 * `default:`. A key found nowhere prints `translation missing: <lang>.<key>`, the text Rails'
 * I18n gives (platformOS's docs do not say; a visible marker beats an empty string).
 * `count:` picks zero/one/other (English rules) and, like any other option, fills `%{name}`.
 * Strings come back html_safe: translations are the app's own text.
 */
function translateKey(filter: string, ctx: FilterThis, key: unknown, options: unknown, escapeArgs: boolean): unknown {
  const opts: Record<string, unknown> = { ...asHash(filter, options, 'options (argument 1)'), ...ctx.named };
  const translations = translationsOf(ctx.context);
  const lang = isNil(opts.locale) || unwrap(opts.locale) === '' ? languageOf(ctx.context) : toOutput(opts.locale);
  const name = toOutput(key);
  const fullKey = isNil(opts.scope) || unwrap(opts.scope) === '' ? name : `${toOutput(opts.scope)}.${name}`;
  let value = lookupTranslation(translations, lang, fullKey);
  if (value === undefined && lang !== 'en' && unwrap(opts.fallback) !== false) value = lookupTranslation(translations, 'en', fullKey);
  if (value === undefined && !isNil(opts.default)) value = unwrap(opts.default);
  if (value === undefined || value === null) return new SafeString(`translation missing: ${lang}.${fullKey}`);
  if (!isNil(opts.count)) value = pluralForm(value, Number(unwrap(opts.count)));
  if (typeof value !== 'string') return value;
  return new SafeString(interpolate(filter, fullKey, value, opts, escapeArgs));
}

/** English plural rules, as platformOS applies by default: zero (if given), one, other. */
function pluralForm(value: unknown, count: number): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const forms = value as Record<string, unknown>;
  if (count === 0 && forms.zero !== undefined) return forms.zero;
  if (count === 1 && forms.one !== undefined) return forms.one;
  return forms.other ?? value;
}

/** `%{name}` -> the option's text (`%%{name}` stays literal); a missing value is an error, as in Rails. */
function interpolate(filter: string, key: string, text: string, opts: Record<string, unknown>, escapeArgs: boolean): string {
  return text.replace(/%(%?)\{([^}]+)\}/g, (whole, literal: string, name: string) => {
    if (literal) return whole.slice(1);
    if (RESERVED.has(name) || !(name in opts)) {
      throw new FilterError(filter, `missing interpolation argument ${JSON.stringify(name)} for translation ${JSON.stringify(key)}`);
    }
    const v = toOutput(opts[name]);
    return escapeArgs && !(opts[name] instanceof SafeString) ? escapeHtml(v) : v;
  });
}

/** key | t: options = {}, locale:, default:, fallback:, scope:, count:, name: value... */
export function t(this: FilterThis, key: unknown, options?: unknown): unknown {
  return translateKey('t', this, key, options, false);
}
export const translate = t;

/** Same as t, but interpolated values are HTML-escaped (the translation itself is trusted). */
export function t_escape(this: FilterThis, key: unknown, options?: unknown): unknown {
  return translateKey('t_escape', this, key, options, true);
}
export const translate_escape = t_escape;
