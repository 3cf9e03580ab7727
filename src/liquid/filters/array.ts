import { FilterError } from './types.js';

/** array | array_add: item. Returns a new array. */
export function array_add(input: unknown, item: unknown): unknown[] {
  if (input === null || input === undefined) return [item];
  if (!Array.isArray(input)) throw new FilterError('array_add', 'input must be an array');
  return [...input, item];
}

export const add_to_array = array_add;
