import { Drop } from 'liquidjs';
import { FilterError } from '../filters/types.js';
import { toPlain } from '../to-plain.js';

/** A Liquid hash as filters see it. */
export type Hash = Record<string, unknown>;

/** Unwraps a Drop that stands for a plain value (SafeString, Bytes...). */
export function unwrap(value: unknown): unknown {
  if (value instanceof Drop) {
    const v = value.valueOf();
    return v === value ? value : v;
  }
  return value;
}

/** nil in any form: null, undefined, or liquidjs's nil literal (a Drop whose value is null). */
export function isNil(value: unknown): value is null | undefined {
  const v = unwrap(value);
  return v === null || v === undefined;
}

export function isHash(value: unknown): value is Hash {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Short JSON-ish rendering of a value for error messages. */
export function describe(value: unknown): string {
  const text = JSON.stringify(toPlain(value)) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The input or an argument as a hash; nil becomes {} (platformOS filters treat nil as empty). */
export function asHash(filter: string, value: unknown, what = 'input'): Hash {
  const v = unwrap(value);
  if (v === null || v === undefined) return {};
  if (!isHash(v)) throw new FilterError(filter, `${what} must be a hash, got ${describe(v)}`);
  return v;
}

/** The input or an argument as an array; nil becomes []. */
export function asArray(filter: string, value: unknown, what = 'input'): unknown[] {
  const v = unwrap(value);
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw new FilterError(filter, `${what} must be an array, got ${describe(v)}`);
  return v;
}

/** A whole number argument (numbers or numeric text, as Liquid passes them). */
export function asInteger(filter: string, value: unknown, what: string): number {
  const v = unwrap(value);
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new FilterError(filter, `${what} must be a whole number, got ${describe(v)}`);
  }
  return n;
}

/**
 * Reads `obj[key]` the way Ruby's `[]` does in platformOS filters: a hash by key, an array
 * by whole-number index (negative counts from the end), anything else gives nil.
 */
export function readKey(obj: unknown, key: unknown): unknown {
  const o = unwrap(obj);
  const k = unwrap(key);
  if (Array.isArray(o)) {
    if (typeof k !== 'number' || !Number.isInteger(k)) return null;
    return (k < 0 ? o[o.length + k] : o[k]) ?? null;
  }
  if (o instanceof Drop) {
    const name = String(k);
    const value = Object.prototype.hasOwnProperty.call(o, name)
      ? (o as unknown as Hash)[name]
      : o.liquidMethodMissing(name, undefined as never);
    return value ?? null;
  }
  if (isHash(o)) {
    const name = String(k);
    return Object.prototype.hasOwnProperty.call(o, name) ? (o[name] ?? null) : null;
  }
  return null;
}

/** Ruby's `blank?`: nil, false, whitespace-only text, empty arrays and hashes. */
export function isBlank(value: unknown): boolean {
  const v = unwrap(value);
  if (v === null || v === undefined || v === false) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isHash(v)) return Object.keys(v).length === 0;
  return false;
}

/**
 * Ruby's `==` between Liquid values: deep for arrays and hashes, no coercion between text
 * and numbers ("1" is not 1), so array filters behave as they do on platformOS.
 */
export function rubyEqual(a: unknown, b: unknown): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  if (x === y) return true;
  if ((x === null || x === undefined) && (y === null || y === undefined)) return true;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((item, i) => rubyEqual(item, y[i]));
  }
  if (isHash(x) && isHash(y)) {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => k in y && rubyEqual(x[k], y[k]));
  }
  return false;
}

/**
 * A text key that is equal for exactly the values rubyEqual calls equal (hash key order
 * ignored), so uniq, intersect and subtract can use a Set instead of comparing every pair.
 */
export function equalityKey(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    const x = unwrap(v);
    if (x === undefined) return null;
    if (x instanceof Date) return { $date: x.getTime() };
    if (Array.isArray(x)) return x.map(canonical);
    if (isHash(x)) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, canonical(x[k])]));
    return x;
  };
  return JSON.stringify(canonical(value)) ?? 'null';
}

/** Copies a value deeply: hashes and arrays are new, Dates are copied, everything else is shared. */
export function deepCopy<T>(value: T): T {
  const v = unwrap(value);
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isHash(v) && !(v instanceof Drop)) {
    const out: Hash = {};
    for (const [k, item] of Object.entries(v)) out[k] = deepCopy(item);
    return out as T;
  }
  return v as T;
}
