import type { parse as Parse } from 'csv-parse/sync';
import { lazyModule } from './lazy.js';

const loadCsv = lazyModule<{ parse: typeof Parse }>('csv-parse/sync');
import { toOutput } from '../escape.js';
import { unwrap } from './values.js';

/** Ruby CSV options that parse_csv and to_csv read (the ones a template can pass). */
export interface CsvOptions {
  colSep: string;
  rowSep: string | undefined;
  quoteChar: string;
}

/**
 * CSV text -> rows, as Ruby's CSV.parse returns them: an empty unquoted field is nil, a
 * quoted empty one is "", a blank line is an empty row. Throws on malformed quoting.
 */
export function parseCsv(text: string, opts: CsvOptions): (string | null)[][] {
  const rows = loadCsv().parse(text, {
    delimiter: opts.colSep,
    quote: opts.quoteChar,
    record_delimiter: opts.rowSep,
    relax_column_count: true,
    skip_empty_lines: false,
    cast: (value, ctx) => (value === '' && !ctx.quoting ? null : value),
  }) as (string | null)[][];
  return rows.map((row) => (row.length === 1 && row[0] === null ? [] : row));
}

export interface CsvWriteOptions extends CsvOptions {
  rowSep: string;
  forceQuotes: boolean;
  quoteEmpty: boolean;
  sanitize: boolean;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
// Spreadsheet formula leaders (CSV injection); such text gets a leading apostrophe.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * Rows -> CSV text the way platformOS writes it: text is quoted, numbers (and text that reads
 * as a number) are not, nil is an empty field (the docs' example writes
 * `"id","header1"` then `1,"example"`). Every row ends with the row separator, as Ruby's does.
 */
export function writeCsv(rows: unknown[][], opts: CsvWriteOptions): string {
  const q = opts.quoteChar;
  const field = (raw: unknown): string => {
    const v = unwrap(raw);
    if (v === null || v === undefined) return opts.forceQuotes ? q + q : '';
    let text = typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : toOutput(v);
    const numeric = typeof v === 'number' || NUMERIC.test(text);
    if (opts.sanitize && !numeric && FORMULA.test(text)) text = `'${text}`;
    if (text === '' && !opts.quoteEmpty && !opts.forceQuotes) return '';
    const needsQuotes = opts.forceQuotes || !numeric || text.includes(opts.colSep) || text.includes(q) || /[\r\n]/.test(text);
    return needsQuotes ? q + text.split(q).join(q + q) + q : text;
  };
  return rows.map((row) => row.map(field).join(opts.colSep) + opts.rowSep).join('');
}
