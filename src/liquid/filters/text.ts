import type MarkdownIt from 'markdown-it';
import { lazyModule } from '../util/lazy.js';
import Inflector from 'inflected';
import { FilterError, type FilterThis } from './types.js';
import { SafeString, escapeHtml, toOutput } from '../escape.js';
import { toPlain } from '../to-plain.js';
import { parseJsonText } from '../json-text.js';
import { SANITIZE_DEFAULT, mergeSanitizeConfig, sanitizeHtml, type SanitizeConfig } from '../util/sanitize.js';
import { SelectorError, htmlToText } from '../util/html-text.js';
import { encodingLabel, firstUnrepresentable, reinterpretUtf8 } from '../util/text-encoding.js';
import { asHash, describe, isNil, unwrap } from '../util/values.js';


/** 'foo bar_zoo-xx' | titleize -> 'Foo Bar Zoo Xx' (ActiveSupport's titleize). */
export function titleize(input: unknown): string {
  return Inflector.titleize(toOutput(input));
}

/** 'customer_id' | humanize -> 'Customer' (ActiveSupport's humanize). */
export function humanize(input: unknown): string {
  return Inflector.humanize(toOutput(input));
}

/**
 * 'John arrived_foo' | parameterize: separator = '-' -> 'john-arrived_foo' (ActiveSupport:
 * accents transliterated, anything but letters, digits, - and _ becomes the separator).
 */
export function parameterize(input: unknown, separator: unknown = '-'): string {
  const sep = isNil(separator) ? '' : toOutput(separator);
  let s = Inflector.transliterate(toOutput(input)).replace(/[^a-z0-9\-_]+/gi, sep);
  if (sep !== '') {
    const re = sep.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    s = s.replace(new RegExp(`(?:${re}){2,}`, 'g'), sep).replace(new RegExp(`^(?:${re})|(?:${re})$`, 'gi'), '');
  }
  return s.toLowerCase();
}

/** 'John arrived_foo' | slugify -> 'john-arrived-foo': parameterize with underscores as dashes too. */
export function slugify(input: unknown): string {
  return parameterize(toOutput(input).replace(/_/g, ' '));
}

/** 'dog' | pluralize: count = 2 -> 'dogs'; a count of 1 gives the singular. */
export function pluralize(input: unknown, count: unknown = 2): string {
  const n = Number(unwrap(count));
  if (!Number.isFinite(n)) throw new FilterError('pluralize', `count (argument 1) must be a number, got ${describe(count)}`);
  const word = toOutput(input);
  return n === 1 ? Inflector.singularize(word) : Inflector.pluralize(word);
}

const loadMarkdownIt = lazyModule<typeof MarkdownIt>('markdown-it');
let markdownRenderer: InstanceType<typeof MarkdownIt> | undefined;
const md = () => (markdownRenderer ??= new (loadMarkdownIt())({ html: true, linkify: false, typographer: false }));

/** A sanitizer configuration argument: a hash or a string holding a JSON object. */
function configArg(filter: string, v: unknown, position: string, allowArray: boolean): Record<string, unknown> | null {
  if (isNil(v)) return null;
  const p = unwrap(v);
  let value: unknown = p;
  if (typeof p === 'string') {
    try {
      value = parseJsonText(p, true);
    } catch (err) {
      throw new FilterError(filter, `${position} is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (Array.isArray(value) && allowArray) return { ...SANITIZE_DEFAULT, elements: value.map((e) => toOutput(e)) };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FilterError(filter, `${position} must be a hash or a JSON object, got ${describe(v)}`);
  }
  return toPlain(value) as Record<string, unknown>;
}

/** options (replacing the default), then extra_options and keyword arguments merged over it. */
function sanitizeConfig(filter: string, ctx: FilterThis, options: unknown, extra: unknown, allowArray: boolean): SanitizeConfig {
  const base = configArg(filter, options, 'options (argument 1)', allowArray) ?? (SANITIZE_DEFAULT as Record<string, unknown>);
  const more = configArg(filter, extra, 'extra_options (argument 2)', false) ?? {};
  return mergeSanitizeConfig(mergeSanitizeConfig(base, more), toPlain(ctx.named) as Record<string, unknown>) as SanitizeConfig;
}

/**
 * text | markdown: options = SANITIZE_DEFAULT, extra_options = {} -> sanitized HTML
 * (CommonMark via markdown-it, then the sanitizer; links get rel="nofollow" by default).
 */
export function markdown(this: FilterThis, input: unknown, options?: unknown, extra?: unknown): SafeString {
  const config = sanitizeConfig('markdown', this, options, extra, false);
  return new SafeString(sanitizeHtml(md().render(toOutput(input)), config).trim());
}
export const markdownify = markdown;

/**
 * html | sanitize: options = SANITIZE_DEFAULT -> HTML with only allowed elements,
 * attributes and URL protocols left. An array is the deprecated list of element names.
 */
export function sanitize(this: FilterThis, input: unknown, options?: unknown, extra?: unknown): SafeString {
  const config = sanitizeConfig('sanitize', this, options, extra, true);
  return new SafeString(sanitizeHtml(toOutput(input), config));
}

/** html | html_to_text: root_element:, remove_nodes: 'script, link, style', replace_newline: ' '. */
export function html_to_text(this: FilterThis, input: unknown, options?: unknown): string {
  const o = { ...asHash('html_to_text', options, 'options (argument 1)'), ...this.named };
  try {
    return htmlToText(toOutput(input), {
      rootElement: isNil(o.root_element) ? null : toOutput(o.root_element),
      removeNodes: isNil(o.remove_nodes) ? undefined : toOutput(o.remove_nodes),
      replaceNewline: isNil(o.replace_newline) ? undefined : toOutput(o.replace_newline),
    });
  } catch (err) {
    if (err instanceof SelectorError) throw new FilterError('html_to_text', `invalid CSS selector in root_element or remove_nodes: ${err.message}`);
    throw err;
  }
}

/** Removes `{% tag %}` and `{{ output }}` markup, keeping the text between them. */
export function strip_liquid(input: unknown): string {
  return toOutput(input).replace(/\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g, '');
}

/** 'foo' | pad_left: 5, symbol = ' ' -> '  foo' (Ruby's rjust). */
export function pad_left(input: unknown, count: unknown, symbol: unknown = ' '): string {
  const n = Number(unwrap(count));
  if (isNil(count) || !Number.isInteger(n)) {
    throw new FilterError('pad_left', `count (argument 1) must be a whole number, got ${describe(count)}`);
  }
  const pad = toOutput(symbol);
  if (pad === '') throw new FilterError('pad_left', 'symbol (argument 2) must not be empty');
  return toOutput(input).padStart(n, pad);
}

function affixes(filter: string, v: unknown): string[] {
  const p = unwrap(v);
  if (isNil(p)) throw new FilterError(filter, 'argument 1 is required (a string or an array of strings)');
  return Array.isArray(p) ? p.map((x) => toOutput(x)) : [toOutput(p)];
}

/** 'my_example' | start_with: 'my' (or an array: any of them) -> true. */
export function start_with(input: unknown, prefixes: unknown): boolean {
  const s = toOutput(input);
  return affixes('start_with', prefixes).some((p) => s.startsWith(p));
}

/** 'my_example' | end_with: 'example' (or an array: any of them) -> true. */
export function end_with(input: unknown, suffixes: unknown): boolean {
  const s = toOutput(input);
  return affixes('end_with', suffixes).some((p) => s.endsWith(p));
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\', '</': '<\\/', '\r\n': '\\n', '\n': '\\n', '\r': '\\n', '"': '\\"', "'": "\\'", '`': '\\`', $: '\\$',
  '\u2028': '&#x2028;', '\u2029': '&#x2029;',
};

/** Rails' escape_javascript: backslashes, quotes, backticks, $, newlines and </ escaped. */
export function escape_javascript(input: unknown): string {
  return toOutput(input).replace(/\\|<\/|\r\n|[\n\r"'`$\u2028\u2029]/g, (m) => JS_ESCAPES[m]);
}

/** Undoes escape_javascript (line breaks come back as \n). */
export function unescape_javascript(input: unknown): string {
  return toOutput(input)
    .replace(/&#x(2028|2029);/g, (_m, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/\\([\\'"`$n/])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

/**
 * Every line break becomes `<br />`. The result is HTML, so the text around the breaks is
 * HTML-escaped first (unless it is html_safe already) and the result is html_safe.
 */
export function new_line_to_br(input: unknown = ''): SafeString {
  const text = input instanceof SafeString ? input.value : escapeHtml(toOutput(input));
  return new SafeString(text.replace(/\r?\n/g, '<br />'));
}
export const nl2br = new_line_to_br;

/** 'foo<b>bar</b>' | raw_escape_string -> 'foo&lt;b&gt;bar&lt;/b&gt;' (printed as is, not escaped twice). */
export function raw_escape_string(input: unknown): SafeString {
  return new SafeString(escapeHtml(toOutput(input)));
}

function readEncoding(filter: string, v: unknown, position: string, fallback?: string): string {
  const name = isNil(v) ? fallback : toOutput(v);
  if (name === undefined) throw new FilterError(filter, `${position} (an encoding name) is required`);
  const label = encodingLabel(name);
  if (!label) throw new FilterError(filter, `unknown encoding ${JSON.stringify(name)} (${position})`);
  return label;
}

/**
 * Removes what is not valid text: unpaired surrogates (the JavaScript form of invalid
 * UTF-8) and U+FFFD, the replacement character invalid bytes were already turned into
 * when the text was decoded (the docs' example expects it gone).
 */
export function scrub(input: unknown, source?: unknown, final?: unknown): string {
  readEncoding('scrub', source, 'source_encoding (argument 1)', 'UTF-8');
  readEncoding('scrub', final, 'final_encoding (argument 2)', 'UTF-8');
  return toOutput(input).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/g, '');
}

/**
 * text | encode: destination, source -> the same characters; an error when the destination
 * encoding cannot hold one of them (Ruby's UndefinedConversionError). Output is always
 * sent as UTF-8, so the characters are what matters.
 */
export function encode(input: unknown, destination: unknown, source: unknown): string {
  const to = readEncoding('encode', destination, 'destination_encoding (argument 1)');
  const from = readEncoding('encode', source, 'source_encoding (argument 2)');
  const text = toOutput(input);
  const bad = firstUnrepresentable(text, to);
  if (bad !== null) throw new FilterError('encode', `${JSON.stringify(bad)} cannot be converted from ${from.toUpperCase()} to ${to.toUpperCase()}`);
  return text;
}

/** Every Liquid string is UTF-8. */
export function encoding(input: unknown): string {
  toOutput(input);
  return 'UTF-8';
}

/** text | force_encoding: name -> the text's UTF-8 bytes read in that encoding. */
export function force_encoding(input: unknown, name: unknown): string {
  return reinterpretUtf8(toOutput(input), readEncoding('force_encoding', name, 'encoding (argument 1)'));
}

/**
 * Ruby's String#split: ' ' (or nil) splits on runs of whitespace, '' into characters, and
 * trailing empty strings are dropped. An array comes back unchanged; nil gives [].
 */
export function split(input: unknown, pattern?: unknown): unknown[] {
  const p = unwrap(input);
  if (Array.isArray(p)) return p;
  if (isNil(p)) return [];
  const s = toOutput(input);
  const sep = isNil(pattern) ? ' ' : toOutput(pattern);
  const parts = sep === ' ' ? s.trim().split(/\s+/) : sep === '' ? Array.from(s) : s.split(sep);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
