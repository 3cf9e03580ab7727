// Standard Liquid filters where liquidjs differs from Ruby Liquid 5, which platformOS runs.
// Only filter functions are exported from a family file (see index.ts).
import { Drop } from 'liquidjs';
import { SafeString, escapeHtml, toOutput } from '../escape.js';
import { STATE, type RenderState } from '../state.js';
import { toPlain } from '../to-plain.js';
import { RubyFloat, decimalOp, isFloat, roundDecimal, toFloat, toInteger, toNumber } from '../util/ruby-number.js';
import { FilterError, type FilterThis } from './types.js';

// ---------- helpers ----------

function plain(value: unknown): unknown {
  return value instanceof Drop ? value.valueOf() : value;
}

/** Ruby's `input.to_s` as Liquid prints it (nil is ''). */
function text(value: unknown): string {
  return toOutput(value);
}

function isHash(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Drop) && !(value instanceof Date);
}

/** Liquid's InputIterator: arrays as they are, nil as [], a hash or anything else as one item. */
function items(value: unknown): unknown[] {
  const v = plain(value);
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  return [v];
}

function property(item: unknown, key: unknown): unknown {
  const v = plain(item);
  if (isHash(v)) return v[String(key)];
  if (v instanceof Drop) return (v as unknown as Record<string, unknown>)[String(key)];
  return undefined;
}

function truthy(value: unknown): boolean {
  const v = plain(value);
  return v !== null && v !== undefined && v !== false;
}

function isHtml(self: FilterThis): boolean {
  const state = (self.context.globals as Record<symbol, RenderState | undefined>)[STATE];
  return state?.format === 'html';
}

/** Escaped text is already HTML: in html output it must not be escaped a second time. */
function htmlText(self: FilterThis, html: string): string | SafeString {
  return isHtml(self) ? new SafeString(html) : html;
}

function sameValue(a: unknown, b: unknown): boolean {
  const x = plain(a);
  const y = plain(b);
  if (typeof x === 'number' && typeof y === 'number') return x === y;
  if (typeof x !== typeof y) return false;
  if (typeof x === 'object' && x !== null) return JSON.stringify(toPlain(x)) === JSON.stringify(toPlain(y));
  return x === y;
}

// ---------- math: Ruby numbers (integer division, floored modulo, exact decimals) ----------
// Ruby Liquid computes on Integer or BigDecimal (Floats and decimal strings) and turns a
// BigDecimal result into a Float: when either side is a Float the result is one (`10.0 |
// times: 2` is 20.0), Integer with Integer stays Integer (`7 | divided_by: 2` is 3).

/** The result as Ruby types it: a Float (whole ones wrapped in RubyFloat) or an Integer. */
function typed(n: number, float: boolean): number | RubyFloat {
  return float ? toFloat(n) : n;
}

export function abs(input: unknown): number | RubyFloat {
  return typed(Math.abs(toNumber(input)), isFloat(input));
}

/** The larger value, typed as the value chosen (`2 | at_least: 3.0` is 3.0, `5 | at_least: 3.0` is 5). */
export function at_least(input: unknown, n: unknown): number | RubyFloat {
  const a = toNumber(input);
  const b = toNumber(n);
  return b > a ? typed(b, isFloat(n)) : typed(a, isFloat(input));
}

export function at_most(input: unknown, n: unknown): number | RubyFloat {
  const a = toNumber(input);
  const b = toNumber(n);
  return b < a ? typed(b, isFloat(n)) : typed(a, isFloat(input));
}

/** Always an Integer (Liquid calls to_i), Float input or not. */
export function ceil(input: unknown): number {
  return Math.ceil(toNumber(input));
}

export function floor(input: unknown): number {
  return Math.floor(toNumber(input));
}

export function plus(input: unknown, n: unknown): number | RubyFloat {
  return typed(decimalOp('+', toNumber(input), toNumber(n)), isFloat(input) || isFloat(n));
}

export function minus(input: unknown, n: unknown): number | RubyFloat {
  return typed(decimalOp('-', toNumber(input), toNumber(n)), isFloat(input) || isFloat(n));
}

export function times(input: unknown, n: unknown): number | RubyFloat {
  return typed(decimalOp('*', toNumber(input), toNumber(n)), isFloat(input) || isFloat(n));
}

/** Integer / integer is integer division, rounded down, as in Ruby (`20 | divided_by: 7` is 2). */
export function divided_by(input: unknown, n: unknown): number | RubyFloat {
  const a = toNumber(input);
  const b = toNumber(n);
  if (b === 0) throw new FilterError('divided_by', 'divided by 0');
  return isFloat(input) || isFloat(n) ? toFloat(a / b) : Math.floor(a / b);
}

export function modulo(input: unknown, n: unknown): number | RubyFloat {
  const b = toNumber(n);
  if (b === 0) throw new FilterError('modulo', 'divided by 0');
  return typed(decimalOp('%', toNumber(input), b), isFloat(input) || isFloat(n));
}

/**
 * Half away from zero, on the exact decimal (Ruby BigDecimal#round). Without places (or 0)
 * the result is an Integer (Liquid calls to_i); with places a Float stays a Float
 * (`4.0 | round: 1` is 4.0) and an Integer an Integer.
 */
export function round(input: unknown, places?: unknown): number | RubyFloat {
  const n = toNumber(input);
  const p = places === undefined || places === null ? 0 : Math.trunc(toNumber(places));
  return p === 0 ? roundDecimal(n, 0) : typed(roundDecimal(n, p), isFloat(input));
}

// ---------- default ----------

/**
 * nil, false, '' and empty arrays and hashes take the default; with `allow_false: true`
 * a false stays. A blank string of spaces is not empty (Ruby's empty?).
 */
function defaultFilter(this: FilterThis, input: unknown, fallback: unknown = '', options?: unknown): unknown {
  const allowFalse = truthy(this.named.allow_false ?? property(options, 'allow_false'));
  const v = plain(input);
  const missing = allowFalse ? v === null || v === undefined : !truthy(v);
  const empty = v === '' || (Array.isArray(v) && v.length === 0) || (isHash(v) && Object.keys(v).length === 0);
  return missing || empty ? fallback : input;
}

// `default` is a reserved word: exported under its Liquid name this way.
export { defaultFilter as default };

// ---------- HTML and URLs ----------

/** CGI.escapeHTML. The result is HTML, so html pages do not escape it again. */
export function escape(this: FilterThis, input: unknown): unknown {
  if (plain(input) === null || plain(input) === undefined) return input;
  return htmlText(this, escapeHtml(text(input)));
}

export const h = escape;

/** Escapes, except entities already there (`&amp;` stays). */
export function escape_once(this: FilterThis, input: unknown): unknown {
  const escaped = text(input).replace(/["><']|&(?!([a-zA-Z]+|(#\d+));)/g, (c) => escapeHtml(c));
  return htmlText(this, escaped);
}

/**
 * Line breaks become `<br />`. In html pages the result is HTML (the text itself escaped,
 * unless already html_safe), so the breaks render instead of printing as `&lt;br /&gt;`.
 */
export function newline_to_br(this: FilterThis, input: unknown): unknown {
  const raw = text(input);
  if (!isHtml(this)) return raw.replace(/\r?\n/g, '<br />\n');
  const source = input instanceof SafeString ? raw : escapeHtml(raw);
  return new SafeString(source.replace(/\r?\n/g, '<br />\n'));
}

/** CGI.escape: everything but letters, digits and `_.-~` is %-encoded; spaces become `+`. */
export function url_encode(input: unknown): string | null {
  if (plain(input) === null || plain(input) === undefined) return null;
  return encodeURIComponent(text(input))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** CGI.unescape; a result that is not valid UTF-8 is an error, as in Ruby Liquid. */
export function url_decode(input: unknown): string | null {
  if (plain(input) === null || plain(input) === undefined) return null;
  const source = text(input).replace(/\+/g, ' ');
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(source[i]));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    throw new FilterError('url_decode', `invalid byte sequence in UTF-8 (${JSON.stringify(text(input))})`);
  }
}

// ---------- strings ----------

/** Cuts to `length` characters including the ellipsis (Ruby counts characters, not UTF-16 units). */
export function truncate(input: unknown, length: unknown = 50, ellipsis: unknown = '...'): unknown {
  if (plain(input) === null || plain(input) === undefined) return input;
  const chars = Array.from(text(input));
  const max = toInteger(length, 'truncate', 'length');
  const end = text(ellipsis);
  if (chars.length <= max) return text(input);
  return chars.slice(0, Math.max(max - Array.from(end).length, 0)).join('') + end;
}

/** Keeps `words` words (at least one); longer text gets the ellipsis. */
export function truncatewords(input: unknown, words: unknown = 15, ellipsis: unknown = '...'): unknown {
  if (plain(input) === null || plain(input) === undefined) return input;
  const source = text(input);
  let n = toInteger(words, 'truncatewords', 'words');
  if (n <= 0) n = 1;
  const list = splitWords(source, n + 1);
  if (list.length <= n) return source;
  list.pop();
  return list.join(' ') + text(ellipsis);
}

/** Ruby's `str.split(" ", limit)`: runs of whitespace separate, the last field keeps the rest. */
function splitWords(source: string, limit: number): string[] {
  const out: string[] = [];
  const ws = /[ \t\n\v\f\r]/;
  let i = 0;
  while (i < source.length && ws.test(source[i])) i++;
  while (i < source.length) {
    if (out.length === limit - 1) {
      out.push(source.slice(i));
      return out;
    }
    let j = i;
    while (j < source.length && !ws.test(source[j])) j++;
    out.push(source.slice(i, j));
    i = j;
    while (i < source.length && ws.test(source[i])) i++;
    if (i === source.length && j < source.length) out.push('');
  }
  return out;
}

/** Characters (or array items) from offset; a negative offset counts from the end. */
export function slice(input: unknown, offset: unknown, length?: unknown): unknown {
  const start = toInteger(offset, 'slice', 'offset');
  const count = length === undefined || length === null ? 1 : toInteger(length, 'slice', 'length');
  const v = plain(input);
  const list = Array.isArray(v) ? v : Array.from(text(input));
  const from = start < 0 ? list.length + start : start;
  const part = from < 0 || from > list.length || count < 0 ? [] : list.slice(from, from + count);
  return Array.isArray(v) ? part : part.join('');
}

// ---------- arrays ----------

/** Nested arrays are flattened and nil items print as nothing (Ruby Array#join). */
export function join(input: unknown, glue: unknown = ' '): string {
  const flat = (list: unknown[]): string[] => list.flatMap((x) => (Array.isArray(plain(x)) ? flat(plain(x) as unknown[]) : [text(x)]));
  return flat(items(input)).join(text(glue));
}

/** The first item of an array, the first [key, value] of a hash; nil for anything else (strings too). */
export function first(input: unknown): unknown {
  const v = plain(input);
  if (Array.isArray(v)) return v[0];
  if (isHash(v)) return Object.entries(v)[0];
  return null;
}

export function last(input: unknown): unknown {
  const v = plain(input);
  if (Array.isArray(v)) return v[v.length - 1];
  if (isHash(v)) return Object.entries(v).at(-1);
  return null;
}

/** Characters of a string, items of an array, keys of a hash; 0 for nil. */
export function size(input: unknown): number {
  const v = plain(input);
  if (typeof v === 'string') return Array.from(v).length;
  if (Array.isArray(v)) return v.length;
  if (isHash(v)) return Object.keys(v).length;
  return 0;
}

export function reverse(input: unknown): unknown[] {
  return [...items(input)].reverse();
}

export function concat(input: unknown, other: unknown): unknown[] {
  const v = plain(other);
  if (!Array.isArray(v)) throw new FilterError('concat', `requires an array argument, got ${JSON.stringify(toPlain(v) ?? null)}`);
  return [...items(input), ...v];
}

/** Unique items; hashes compare by content (Ruby), optionally by one property. */
export function uniq(input: unknown, prop?: unknown): unknown[] {
  const seen = new Set<string>();
  return items(input).filter((item) => {
    const key = JSON.stringify(toPlain(prop === undefined || prop === null ? item : property(item, prop)) ?? null);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Numbers added exactly; non-numbers count as Ruby's to_number makes them (0 mostly). A Float item makes a Float sum. */
export function sum(input: unknown, prop?: unknown): number | RubyFloat {
  const values = items(input).map((item) => (prop === undefined || prop === null ? item : property(item, prop)));
  return typed(
    values.reduce<number>((acc, v) => decimalOp('+', acc, toNumber(v)), 0),
    values.some((v) => isFloat(v)),
  );
}

type Comparator = (a: unknown, b: unknown) => number;

/** Ruby's <=> with nil last; values of different kinds cannot be ordered (Liquid raises). */
const rubyCompare: Comparator = (a, b) => {
  const x = plain(a);
  const y = plain(b);
  const xNil = x === null || x === undefined;
  const yNil = y === null || y === undefined;
  if (xNil || yNil) return xNil && yNil ? 0 : xNil ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  throw new FilterError('sort', 'cannot sort values of incompatible types');
};

const caseInsensitive: Comparator = (a, b) => {
  const x = plain(a);
  const y = plain(b);
  const xNil = x === null || x === undefined;
  const yNil = y === null || y === undefined;
  if (xNil || yNil) return xNil && yNil ? 0 : xNil ? 1 : -1;
  const l = text(x).toLowerCase();
  const r = text(y).toLowerCase();
  return l < r ? -1 : l > r ? 1 : 0;
};

function sortBy(input: unknown, prop: unknown, compare: Comparator): unknown[] {
  const list = [...items(input)];
  if (prop === undefined || prop === null) return list.sort(compare);
  return list.sort((a, b) => compare(property(a, prop), property(b, prop)));
}

export function sort(input: unknown, prop?: unknown): unknown[] {
  return sortBy(input, prop, rubyCompare);
}

export function sort_natural(input: unknown, prop?: unknown): unknown[] {
  return sortBy(input, prop, caseInsensitive);
}

/** Items whose property equals the value (Ruby ==: 1 and "1" differ), or is truthy without one. */
function matcher(prop: unknown, target: unknown): (item: unknown) => boolean {
  if (target === undefined || target === null) return (item) => truthy(property(item, prop));
  return (item) => sameValue(property(item, prop), target);
}

export function where(input: unknown, prop: unknown, target?: unknown): unknown[] {
  return items(input).filter(matcher(prop, target));
}

export function find(input: unknown, prop: unknown, target?: unknown): unknown {
  return items(input).find(matcher(prop, target)) ?? null;
}

export function find_index(input: unknown, prop: unknown, target?: unknown): number | null {
  const index = items(input).findIndex(matcher(prop, target));
  return index < 0 ? null : index;
}

export function has(input: unknown, prop: unknown, target?: unknown): boolean {
  return items(input).some(matcher(prop, target));
}
