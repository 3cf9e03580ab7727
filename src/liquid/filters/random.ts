import { randomBytes, randomUUID } from 'node:crypto';

/** A random version 4 UUID; the input is ignored. */
export function uuid(): string {
  return randomUUID();
}

/** length | random_string: random lowercase hex-like characters, default length 12. */
export function random_string(input: unknown): string {
  const n = input === null || input === undefined || input === '' ? 12 : Number(input);
  if (!Number.isInteger(n) || n < 0) throw new Error(`random_string: length must be a positive integer, got ${String(input)}`);
  return randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
}
