import { FilterError, type FilterThis } from './types.js';
import { toPlain } from '../to-plain.js';

function asHash(filter: string, v: unknown, what = 'input'): Record<string, unknown> {
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new FilterError(filter, `${what} must be a hash, got ${JSON.stringify(toPlain(v))}`);
  return v as Record<string, unknown>;
}

/** a | hash_merge: b, or keyword form a | hash_merge: b: 2, c: 3. Returns a new hash. */
export function hash_merge(this: FilterThis, input: unknown, other?: unknown): Record<string, unknown> {
  return { ...asHash('hash_merge', input), ...asHash('hash_merge', other, 'argument 1'), ...this.named };
}

/** hash | hash_add_key: key, value. Returns a new hash. */
export function hash_add_key(input: unknown, key: unknown, value: unknown): Record<string, unknown> {
  return { ...asHash('hash_add_key', input), [String(key)]: value };
}

export const add_hash_key = hash_add_key;
export const assign_to_hash_key = hash_add_key;
