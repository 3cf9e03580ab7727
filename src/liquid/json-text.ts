import { RubyFloat } from './util/ruby-number.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: '\u00a0' };

/** Replaces HTML entities (named ones platformOS escapes, and numeric ones) with characters. */
export function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+|#39);/g, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name];
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return whole;
  });
}

/**
 * JSON text -> value, as parse_json (filter and tag) does it. Errors say where the JSON
 * broke and quote the start of the text, so the author can find it. With `floats`, whole
 * numbers written as Floats become RubyFloat (parse_json values reach Liquid; GraphQL
 * variables and headers need plain numbers).
 */
export function parseJsonText(text: string, rawText: boolean, floats = false): unknown {
  const source = rawText ? text : unescapeHtml(text);
  if (source.trim() === '') return null;
  try {
    return floats ? parseKeepingFloats(source) : JSON.parse(source);
  } catch (err) {
    const snippet = source.trim().slice(0, 60).replace(/\s+/g, ' ');
    throw new Error(`invalid JSON (${(err as Error).message}) in: ${snippet}${source.length > 60 ? '...' : ''}`);
  }
}

// Marks a whole Float while JSON.parse reads the text; written as `\u0000` so it is valid JSON.
const FLOAT_MARK = '\u0000float:';
const JSON_TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * JSON.parse, except that whole numbers written as Floats (`10.0`, `1e2`) become RubyFloat,
 * as Ruby's JSON.parse gives a Float for them. A parse error is the one the text itself gives.
 */
function parseKeepingFloats(source: string): unknown {
  let found = false;
  const marked = source.replace(JSON_TOKENS, (token) => {
    if (token.startsWith('"') || !/[.eE]/.test(token) || !Number.isInteger(Number(token))) return token;
    found = true;
    return `"\\u0000float:${token}"`;
  });
  if (!found) return JSON.parse(source);
  try {
    return JSON.parse(marked, (_key, v: unknown) => (typeof v === 'string' && v.startsWith(FLOAT_MARK) ? new RubyFloat(Number(v.slice(FLOAT_MARK.length))) : v));
  } catch {
    return JSON.parse(source);
  }
}

/**
 * JSON.stringify that prints a RubyFloat as Ruby's to_json does (`10.0`). `convert` turns
 * other values first (the json filter passes toPlain for Drops).
 */
export function rubyJson(value: unknown, convert: (v: unknown) => unknown = (v) => v): string {
  const text = JSON.stringify(value ?? null, function replace(this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    return original instanceof RubyFloat ? `${FLOAT_MARK}${original.toString()}` : convert(v);
  });
  return text.includes('\\u0000float:') ? text.replace(/"\\u0000float:([^"]*)"/g, '$1') : text;
}
