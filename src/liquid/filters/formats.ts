import { FilterError, type FilterThis } from './types.js';
import { toOutput } from '../escape.js';
import { parseCsv, writeCsv } from '../util/csv.js';
import { hashToXml, xmlToHash } from '../util/xml.js';
import { asArray, asHash, describe, isHash, unwrap, type Hash } from '../util/values.js';

/** Options from a positional hash and keyword arguments, keyword ones winning. */
function optionsOf(filter: string, self: FilterThis, positional: unknown): Hash {
  return { ...asHash(filter, positional, 'options (argument 1)'), ...self.named };
}

function textOption(filter: string, opts: Hash, name: string, fallback: string): string {
  const v = unwrap(opts[name]);
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' || v === '') throw new FilterError(filter, `option ${name} must be non-empty text, got ${describe(v)}`);
  return v;
}

/**
 * csv | parse_csv: convert_to_hash: true, col_sep:, row_sep:, quote_char:. Rows as arrays of
 * text (nil for empty fields, as Ruby's CSV); with convert_to_hash, the first row names the
 * fields and every other row becomes a hash.
 */
export function parse_csv(this: FilterThis, input: unknown, options?: unknown): unknown[] {
  const opts = optionsOf('parse_csv', this, options);
  const text = toOutput(input);
  let rows: (string | null)[][];
  try {
    rows = parseCsv(text, {
      colSep: textOption('parse_csv', opts, 'col_sep', ','),
      rowSep: unwrap(opts.row_sep) ? textOption('parse_csv', opts, 'row_sep', '\n') : undefined,
      quoteChar: textOption('parse_csv', opts, 'quote_char', '"'),
    });
  } catch (err) {
    throw new FilterError('parse_csv', `malformed CSV: ${(err as Error).message}`);
  }
  if (unwrap(opts.convert_to_hash) !== true && unwrap(opts.headers) !== true) return rows;
  const [headers = [], ...body] = rows;
  return body
    .filter((row) => row.length > 0)
    .map((row) => Object.fromEntries(headers.map((h, i) => [h ?? '', row[i] ?? null])));
}

export const parse_csv_rc = parse_csv;

/**
 * rows | to_csv: force_quotes:, quote_empty: (true), col_sep: (','), row_sep: ("\n"),
 * quote_char: ('"'), sanitize: (true: formula-like text gets a leading apostrophe),
 * headers: + write_headers: true to write a header row first.
 */
export function to_csv(this: FilterThis, input: unknown, options?: unknown): string {
  const opts = optionsOf('to_csv', this, options);
  const rows = asArray('to_csv', input).map((row, i) => {
    const r = unwrap(row);
    if (!Array.isArray(r)) throw new FilterError('to_csv', `row ${i} must be an array, got ${describe(r)}`);
    return r;
  });
  const headers = unwrap(opts.headers);
  if (unwrap(opts.write_headers) === true && Array.isArray(headers)) rows.unshift(headers);
  return writeCsv(rows, {
    colSep: textOption('to_csv', opts, 'col_sep', ','),
    rowSep: textOption('to_csv', opts, 'row_sep', '\n'),
    quoteChar: textOption('to_csv', opts, 'quote_char', '"'),
    forceQuotes: unwrap(opts.force_quotes) === true,
    quoteEmpty: unwrap(opts.quote_empty) !== false,
    sanitize: unwrap(opts.sanitize) !== false,
  });
}

/**
 * xml | parse_xml: attr_prefix: false, force_array: true. XML text -> hash keyed by the root
 * element (see util/xml.ts for the shape). Bad XML is an error with its line and column.
 */
export function parse_xml(this: FilterThis, input: unknown, options?: unknown): Hash {
  const opts = optionsOf('parse_xml', this, options);
  try {
    return xmlToHash(toOutput(input), {
      attrPrefix: unwrap(opts.attr_prefix) === true,
      forceArray: unwrap(opts.force_array) !== false,
    });
  } catch (err) {
    throw new FilterError('parse_xml', (err as Error).message);
  }
}

export const xml_to_hash = parse_xml;

/** hash | to_xml: attr_prefix: false. A hash (or array) written as indented XML. */
export function to_xml(this: FilterThis, input: unknown, options?: unknown): string {
  const opts = optionsOf('to_xml', this, options);
  const value = unwrap(input);
  if (!isHash(value) && !Array.isArray(value)) throw new FilterError('to_xml', `input must be a hash or an array, got ${describe(value)}`);
  return hashToXml(value, unwrap(opts.attr_prefix) === true);
}

export const to_xml_rc = to_xml;

/** text | is_json_valid. Whether the text parses as JSON; any other value is simply false. */
export function is_json_valid(input: unknown): boolean {
  const v = unwrap(input);
  if (typeof v !== 'string') return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
}
