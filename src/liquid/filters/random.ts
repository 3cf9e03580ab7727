import { randomBytes, randomUUID } from 'node:crypto';
import { asInteger, isNil } from '../util/values.js';
import { FilterError } from './types.js';

/** A random version 4 UUID; the input is ignored. */
export function uuid(): string {
  return randomUUID();
}

/**
 * length | random_string. `length` random lowercase hex characters (letters and digits, as
 * the docs' example shows), default 12.
 */
export function random_string(input: unknown): string {
  const n = isNil(input) || input === '' ? 12 : asInteger('random_string', input, 'length (input)');
  if (n < 0) throw new FilterError('random_string', `length (input) must not be negative, got ${n}`);
  return randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
}
