import { FilterError } from '../filters/types.js';
import { describe, unwrap } from './values.js';

/**
 * Ruby's `<=>` for the values sort filters meet: numbers with numbers, text with text, times
 * with times. nil sorts last (as Liquid's own sort does) instead of raising. Anything else
 * cannot be ordered and is an error naming both values.
 */
export function compareForSort(filter: string, a: unknown, b: unknown): number {
  const x = unwrap(a);
  const y = unwrap(b);
  const xNil = x === null || x === undefined;
  const yNil = y === null || y === undefined;
  if (xNil || yNil) return xNil && yNil ? 0 : xNil ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  if (x instanceof Date && y instanceof Date) return x.getTime() - y.getTime();
  throw new FilterError(filter, `cannot compare ${describe(x)} with ${describe(y)}`);
}
