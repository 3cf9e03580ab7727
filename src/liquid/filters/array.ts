import { randomInt } from 'node:crypto';
import { FilterError, type FilterThis } from './types.js';
import { asArray, asHash, asInteger, describe, equalityKey, isBlank, isNil, readKey, rubyEqual, unwrap } from '../util/values.js';
import { compareForSort } from '../util/sort.js';
import { toOutput } from '../escape.js';

/*
 * platformOS array filters. Elements are compared with Ruby's `==` (deep, "1" is not 1).
 * They return new arrays, except array_delete and array_delete_at, which the docs describe
 * as changing "the initial array" (Ruby's delete / delete_at), so they change it in place.
 */

/** array | array_add: item. Returns a new array. */
export function array_add(input: unknown, item: unknown): unknown[] {
  return [...asArray('array_add', input), item];
}

export const add_to_array = array_add;

/** array | array_prepend: item. Returns a new array. */
export function array_prepend(input: unknown, item: unknown): unknown[] {
  return [item, ...asArray('array_prepend', input)];
}

export const prepend_to_array = array_prepend;

/** array | array_any: query = true. Whether any element equals the query. */
export function array_any(input: unknown, query: unknown = true): boolean {
  return asArray('array_any', input).some((el) => rubyEqual(el, query));
}

export const any = array_any;

/** array | array_include: el. Whether the array has an element equal to el. */
export function array_include(input: unknown, el: unknown): boolean {
  return asArray('array_include', input).some((item) => rubyEqual(item, el));
}

export const is_included_in_array = array_include;

/** array | array_index_of: object. Index of the first equal element, or nil. */
export function array_index_of(input: unknown, object: unknown): number | null {
  const i = asArray('array_index_of', input).findIndex((item) => rubyEqual(item, object));
  return i < 0 ? null : i;
}

/**
 * array | array_compact: property. Without property: the array without blank elements (nil,
 * false, empty text, empty arrays and hashes). With property: without the elements whose
 * value under that key is blank.
 */
export function array_compact(input: unknown, property?: unknown): unknown[] {
  const arr = asArray('array_compact', input);
  if (isNil(property)) return arr.filter((el) => !isBlank(el));
  return arr.filter((el) => !isBlank(readKey(el, property)));
}

export const compact = array_compact;

/** array | array_delete: element. Removes every equal element from the array; returns it. */
export function array_delete(input: unknown, element: unknown): unknown[] {
  const arr = asArray('array_delete', input);
  for (let i = arr.length - 1; i >= 0; i--) if (rubyEqual(arr[i], element)) arr.splice(i, 1);
  return arr;
}

/** array | array_delete_at: index. Removes the element at index (negative counts from the end). */
export function array_delete_at(input: unknown, index: unknown): unknown[] {
  const arr = asArray('array_delete_at', input);
  const i = asInteger('array_delete_at', index, 'index (argument 1)');
  const at = i < 0 ? arr.length + i : i;
  if (at < 0 || at >= arr.length) {
    throw new FilterError('array_delete_at', `index (argument 1) ${i} is outside the array (size ${arr.length})`);
  }
  arr.splice(at, 1);
  return arr;
}

/** Conditions come as a hash argument, keyword arguments (`foo: 2`), or both. */
function conditionsOf(filter: string, self: FilterThis, positional: unknown): [string, unknown][] {
  return Object.entries({ ...asHash(filter, positional, 'conditions (argument 1)'), ...self.named });
}

function matches(el: unknown, conditions: [string, unknown][]): boolean {
  return conditions.every(([field, value]) => rubyEqual(readKey(el, field), value));
}

/** objects | array_select: field: value, ... Every element matching all conditions. */
export function array_select(this: FilterThis, input: unknown, conditions?: unknown): unknown[] {
  const conds = conditionsOf('array_select', this, conditions);
  return asArray('array_select', input).filter((el) => matches(el, conds));
}

export const select = array_select;

/** objects | array_reject: field: value, ... Every element not matching all conditions. */
export function array_reject(this: FilterThis, input: unknown, conditions?: unknown): unknown[] {
  const conds = conditionsOf('array_reject', this, conditions);
  return asArray('array_reject', input).filter((el) => !matches(el, conds));
}

export const reject = array_reject;

/** objects | array_detect: field: value, ... The first element matching all conditions, or nil. */
export function array_detect(this: FilterThis, input: unknown, conditions?: unknown): unknown {
  const conds = conditionsOf('array_detect', this, conditions);
  return asArray('array_detect', input).find((el) => matches(el, conds)) ?? null;
}

export const detect = array_detect;

/** objects | array_find_index: field: value, ... Indexes of every matching element. */
export function array_find_index(this: FilterThis, input: unknown, conditions?: unknown): number[] {
  const conds = conditionsOf('array_find_index', this, conditions);
  if (conds.length === 0) throw new FilterError('array_find_index', 'conditions (argument 1) are missing, e.g. array_find_index: foo: 2');
  const out: number[] = [];
  asArray('array_find_index', input).forEach((el, i) => {
    if (matches(el, conds)) out.push(i);
  });
  return out;
}

/** array | array_flatten. Arrays inside arrays, at any depth, become one flat array. */
export function array_flatten(input: unknown): unknown[] {
  return asArray('array_flatten', input).flat(Infinity);
}

export const flatten = array_flatten;

/** objects | array_group_by: key. A hash: each value under key -> the elements with it. */
export function array_group_by(input: unknown, key: unknown): Record<string, unknown[]> {
  if (key === undefined) throw new FilterError('array_group_by', 'method_name (argument 1) is missing');
  const groups: Record<string, unknown[]> = {};
  for (const el of asArray('array_group_by', input)) {
    const name = toOutput(readKey(el, key));
    (groups[name] ??= []).push(el);
  }
  return groups;
}

export const group_by = array_group_by;

/** array | array_in_groups_of: n. Groups of n elements; the last one is padded with nil. */
export function array_in_groups_of(input: unknown, size: unknown): unknown[][] {
  const arr = asArray('array_in_groups_of', input);
  const n = asInteger('array_in_groups_of', size, 'number_of_elements (argument 1)');
  if (n < 1) throw new FilterError('array_in_groups_of', `number_of_elements (argument 1) must be at least 1, got ${n}`);
  const out: unknown[][] = [];
  for (let i = 0; i < arr.length; i += n) {
    const group = arr.slice(i, i + n);
    while (group.length < n) group.push(null);
    out.push(group);
  }
  return out;
}

export const in_groups_of = array_in_groups_of;

/** array | array_intersect: other. Elements in both, once each, in the first array's order. */
export function array_intersect(input: unknown, other: unknown): unknown[] {
  const b = new Set(asArray('array_intersect', other, 'other_array (argument 1)').map(equalityKey));
  return uniqBy(asArray('array_intersect', input).filter((el) => b.has(equalityKey(el))), (el) => el);
}

export const intersection = array_intersect;

/** array | array_subtract: other. Elements of the first array that are not in the second. */
export function array_subtract(input: unknown, other: unknown): unknown[] {
  const b = new Set(asArray('array_subtract', other, 'other_array (argument 1)').map(equalityKey));
  return asArray('array_subtract', input).filter((el) => !b.has(equalityKey(el)));
}

export const subtract_array = array_subtract;

/** array | array_limit: n. The first n elements. */
export function array_limit(input: unknown, limit: unknown): unknown[] {
  const arr = asArray('array_limit', input);
  const n = asInteger('array_limit', limit, 'limit (argument 1)');
  if (n < 0) throw new FilterError('array_limit', `limit (argument 1) must be a positive integer, got ${n}`);
  return arr.slice(0, n);
}

export const limit = array_limit;

/**
 * objects | array_map: key, key... With one key, the value under it for every element; with
 * several, an array of values per element (ActiveSupport's pluck, which the docs' example
 * `array_map: 'id', 'name'` => [[1, 'foo'], [2, 'bar']] matches).
 */
export function array_map(input: unknown, ...keys: unknown[]): unknown[] {
  const arr = asArray('array_map', input);
  if (keys.length === 0) throw new FilterError('array_map', 'attributes (argument 1) are missing');
  if (keys.length === 1) return arr.map((el) => readKey(el, keys[0]));
  return arr.map((el) => keys.map((k) => readKey(el, k)));
}

export const map_attributes = array_map;

/**
 * objects | map: key. The value under key for every element. Nested arrays are walked into
 * (as Ruby Liquid does) and nil elements are skipped (platformOS's documented difference).
 */
export function map(input: unknown, key: unknown): unknown[] {
  if (key === undefined) throw new FilterError('map', 'key (argument 1) is missing');
  const value = unwrap(input);
  const arr = Array.isArray(value) ? value.flat(Infinity) : [value];
  return arr.filter((el) => el !== null && el !== undefined).map((el) => readKey(el, key));
}

/** array | array_rotate: count = 1. Rotated left by count (negative rotates right). */
export function array_rotate(input: unknown, count: unknown = 1): unknown[] {
  const arr = asArray('array_rotate', input);
  const n = asInteger('array_rotate', count, 'count (argument 1)');
  if (arr.length === 0) return [];
  const k = ((n % arr.length) + arr.length) % arr.length;
  return [...arr.slice(k), ...arr.slice(0, k)];
}

export const rotate = array_rotate;

/** array | array_shuffle. A new array in random order (Fisher-Yates, crypto randomness). */
export function array_shuffle(input: unknown): unknown[] {
  const arr = [...asArray('array_shuffle', input)];
  for (let i = arr.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

export const shuffle_array = array_shuffle;

/**
 * objects | array_sort_by: property. A new array sorted by the value under property.
 * Numbers, text and times sort; nil values go last; mixed kinds are an error.
 */
export function array_sort_by(input: unknown, property: unknown): unknown[] {
  if (property === undefined) throw new FilterError('array_sort_by', 'property (argument 1) is missing');
  const arr = asArray('array_sort_by', input);
  return arr
    .map((el) => ({ el, key: readKey(el, property) }))
    .sort((a, b) => compareForSort('array_sort_by', a.key, b.key))
    .map(({ el }) => el);
}

export const sort_by = array_sort_by;

/**
 * array | array_sum. The sum of the numbers. Numeric text counts as its number and nil as 0
 * (records often carry numbers as text); anything else is an error.
 */
export function array_sum(input: unknown): number {
  return asArray('array_sum', input).reduce((sum: number, raw, i) => {
    const v = unwrap(raw);
    if (v === null || v === undefined) return sum;
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || Number.isNaN(n)) throw new FilterError('array_sum', `element ${i} is not a number: ${describe(v)}`);
    return sum + n;
  }, 0);
}

export const sum_array = array_sum;

/**
 * input | array_uniq: property. Without duplicates (deep equality); with property, elements
 * are compared by their value under it. A single value is wrapped in an array first.
 */
export function array_uniq(input: unknown, property?: unknown): unknown[] {
  const value = unwrap(input);
  const arr = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (isNil(property)) return uniqBy(arr, (el) => el);
  return uniqBy(arr, (el) => readKey(el, property));
}

function uniqBy(arr: unknown[], keyOf: (el: unknown) => unknown): unknown[] {
  const seen = new Set<string>();
  return arr.filter((el) => {
    const key = equalityKey(keyOf(el));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
