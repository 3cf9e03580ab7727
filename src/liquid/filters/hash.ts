import { FilterError, type FilterThis } from './types.js';
import { asArray, asHash, deepCopy, describe, isHash, readKey, unwrap, type Hash } from '../util/values.js';
import { DEFAULT_DIFF_OPTIONS, hashDiff, type DiffOptions } from '../util/hash-diff.js';

/** a | hash_merge: b, or keyword form a | hash_merge: b: 2, c: 3. Returns a new hash. */
export function hash_merge(this: FilterThis, input: unknown, other?: unknown): Hash {
  return { ...asHash('hash_merge', input), ...asHash('hash_merge', other, 'argument 1'), ...this.named };
}

/** hash | hash_add_key: key, value. Returns a new hash. */
export function hash_add_key(input: unknown, key: unknown, value: unknown): Hash {
  return { ...asHash('hash_add_key', input), [String(unwrap(key))]: value };
}

export const add_hash_key = hash_add_key;
export const assign_to_hash_key = hash_add_key;

/**
 * hash | hash_delete_key: key. Removes the key from the hash itself (the docs show the hash
 * without it afterwards) and returns the value it held, or nil.
 */
export function hash_delete_key(input: unknown, key: unknown): unknown {
  const hash = asHash('hash_delete_key', input);
  const name = String(unwrap(key));
  if (!Object.prototype.hasOwnProperty.call(hash, name)) return null;
  const value = hash[name];
  delete hash[name];
  return value;
}

export const delete_hash_key = hash_delete_key;
export const remove_hash_key = hash_delete_key;

/**
 * hash | hash_dig: key, index, ... Follows keys into hashes and whole-number indexes into
 * arrays; nil as soon as a step is nil. Stepping into text or a number is an error, as
 * Ruby's dig raises there.
 */
export function hash_dig(input: unknown, ...keys: unknown[]): unknown {
  let value: unknown = unwrap(input);
  for (const [i, key] of keys.entries()) {
    if (value === null || value === undefined) return null;
    if (!Array.isArray(value) && !isHash(value)) {
      throw new FilterError('hash_dig', `cannot dig into ${describe(value)} with key ${i + 1} (${describe(key)})`);
    }
    value = unwrap(readKey(value, key));
  }
  return value ?? null;
}

export const dig = hash_dig;

/** hash | hash_except: keys. A new hash without the given keys (an array, or one key). */
export function hash_except(input: unknown, keys: unknown): Hash {
  const hash = asHash('hash_except', input);
  if (keys === undefined) throw new FilterError('hash_except', 'keys (argument 1) are missing');
  const k = unwrap(keys);
  const drop = new Set((Array.isArray(k) ? k : [k]).map((x) => String(unwrap(x))));
  return Object.fromEntries(Object.entries(hash).filter(([name]) => !drop.has(name)));
}

/**
 * hash | hash_fetch: key. The value under the key. A missing key gives nil rather than
 * Ruby's KeyError: the docs promise no error, and a template reads nil more usefully.
 */
export function hash_fetch(input: unknown, key: unknown): unknown {
  if (key === undefined) throw new FilterError('hash_fetch', 'key (argument 1) is missing');
  return readKey(asHash('hash_fetch', input), key);
}

export const fetch = hash_fetch;

export function hash_keys(input: unknown): string[] {
  return Object.keys(asHash('hash_keys', input));
}

export function hash_values(input: unknown): unknown[] {
  return Object.values(asHash('hash_values', input));
}

/** A new hash with the keys in sorted order (by character code, as Ruby sorts strings). */
export function hash_sort(input: unknown): Hash {
  const hash = asHash('hash_sort', input);
  return Object.fromEntries(Object.keys(hash).sort().map((k) => [k, hash[k]]));
}

/** A deep copy: nested hashes and arrays can then be changed without touching the original. */
export function deep_clone(input: unknown): unknown {
  return deepCopy(input);
}

/**
 * a | hash_diff: b, options. The list of changes from a to b: ['-', path, old],
 * ['+', path, new], ['~', path, old, new]. Options (a hash or keyword arguments):
 * similarity, strict, indifferent, strip, case_insensitive, numeric_tolerance, delimiter,
 * ignore_keys, array_path, use_lcs.
 */
export function hash_diff(this: FilterThis, input: unknown, other: unknown, options?: unknown): unknown[] {
  if (other === undefined) throw new FilterError('hash_diff', 'hash2 (argument 1) is missing');
  const a = unwrap(input);
  const b = unwrap(other);
  for (const [v, what] of [[a, 'input'], [b, 'hash2 (argument 1)']] as const) {
    if (v !== null && v !== undefined && !isHash(v) && !Array.isArray(v)) {
      throw new FilterError('hash_diff', `${what} must be a hash, got ${describe(v)}`);
    }
  }
  const opts = diffOptions({ ...asHash('hash_diff', options, 'options (argument 2)'), ...this.named });
  return hashDiff(deepCopy(a), deepCopy(b), opts);
}

const BOOLEAN_OPTIONS = { strict: 'strict', indifferent: 'indifferent', strip: 'strip', case_insensitive: 'caseInsensitive', array_path: 'arrayPath', use_lcs: 'useLcs' } as const;

function diffOptions(given: Hash): DiffOptions {
  const opts: DiffOptions = { ...DEFAULT_DIFF_OPTIONS };
  for (const [name, raw] of Object.entries(given)) {
    const value = unwrap(raw);
    if (name in BOOLEAN_OPTIONS) {
      opts[BOOLEAN_OPTIONS[name as keyof typeof BOOLEAN_OPTIONS]] = value === true;
    } else if (name === 'similarity' || name === 'numeric_tolerance') {
      if (typeof value !== 'number') throw new FilterError('hash_diff', `option ${name} must be a number, got ${describe(value)}`);
      opts[name === 'similarity' ? 'similarity' : 'numericTolerance'] = value;
    } else if (name === 'delimiter') {
      opts.delimiter = String(value);
    } else if (name === 'ignore_keys') {
      opts.ignoreKeys = asArray('hash_diff', Array.isArray(value) ? value : [value], 'option ignore_keys').map((k) => String(k));
    } else {
      throw new FilterError('hash_diff', `unknown option ${JSON.stringify(name)}; use similarity, strict, indifferent, strip, case_insensitive, numeric_tolerance, delimiter, ignore_keys, array_path or use_lcs`);
    }
  }
  return opts;
}
