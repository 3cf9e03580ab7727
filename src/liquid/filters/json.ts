import { Drop } from 'liquidjs';
import { FilterError, type FilterThis } from './types.js';
import { parseJsonText, rubyJson } from '../json-text.js';
import { toPlain } from '../to-plain.js';

/** Serialises any value to JSON (hashes, arrays, strings, numbers, nil); a whole Float prints as `10.0`, as Ruby's to_json. */
export function json(input: unknown): string {
  return rubyJson(input, (v) => (v instanceof Drop ? toPlain(v) : v));
}

/**
 * String -> Hash/Array. HTML entities are unescaped first unless `raw_text: true`;
 * a Hash or Array input is returned as is.
 */
export function parse_json(this: FilterThis, input: unknown, options?: unknown): unknown {
  const value = input instanceof Drop ? input.valueOf() : input;
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return value;
  const opts = { ...(isRecord(options) ? options : {}), ...this.named };
  try {
    return parseJsonText(String(value), opts.raw_text === true, true);
  } catch (err) {
    throw new FilterError('parse_json', (err as Error).message);
  }
}

export const to_json = json;
export const to_hash = parse_json;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
