import { PosError } from '../errors.js';
import { toTime } from '../liquid/time-parse.js';

/** A piece of SQL with its positional parameters. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

export interface StringFilter {
  value?: string | null;
  value_in?: string[] | null;
  not_value?: string | null;
  not_value_in?: string[] | null;
  contains?: string | null;
  starts_with?: string | null;
  ends_with?: string | null;
  exists?: boolean | null;
}

export interface IdFilter {
  value?: string | null;
  value_in?: string[] | null;
  not_value?: string | null;
  not_value_in?: string[] | null;
  exists?: boolean | null;
  lt?: string | null;
  lte?: string | null;
  gt?: string | null;
  gte?: string | null;
  range?: RangeFilter | null;
}

export interface DateFilter {
  value?: string | null;
  lt?: string | null;
  lte?: string | null;
  gt?: string | null;
  gte?: string | null;
  exists?: boolean | null;
}

export interface RangeFilter {
  gt?: string | null;
  gte?: string | null;
  lt?: string | null;
  lte?: string | null;
}

/** PropertyFilterInput, the operators posemu implements (platformOS names). */
export interface PropertyFilter {
  name: string;
  value?: string | null;
  not_value?: string | null;
  value_int?: number | null;
  not_value_int?: number | null;
  value_float?: number | null;
  not_value_float?: number | null;
  value_boolean?: boolean | null;
  not_value_boolean?: boolean | null;
  value_in?: string[] | null;
  not_value_in?: string[] | null;
  value_array?: string[] | null;
  not_value_array?: string[] | null;
  array_contains?: string[] | null;
  not_array_contains?: string[] | null;
  array_overlaps?: string[] | null;
  not_array_overlaps?: string[] | null;
  contains?: string | null;
  not_contains?: string | null;
  starts_with?: string | null;
  not_starts_with?: string | null;
  ends_with?: string | null;
  not_ends_with?: string | null;
  case_sensitive?: boolean | null;
  exists?: boolean | null;
  range?: RangeFilter | null;
}

/** RecordsFilterInput. */
export interface RecordsFilter {
  table?: StringFilter | null;
  table_id?: IdFilter | null;
  id?: IdFilter | null;
  user_id?: IdFilter | null;
  external_id?: StringFilter | null;
  created_at?: DateFilter | null;
  updated_at?: DateFilter | null;
  deleted_at?: DateFilter | null;
  properties?: PropertyFilter[] | null;
  or?: RecordsFilter[] | null;
}

export interface PropertySort {
  name: string;
  order: 'ASC' | 'DESC';
}

/** RecordsSortInput: each key is one sort criterion, applied in the order written. */
export interface RecordsSort {
  created_at?: { order?: string | null } | null;
  updated_at?: { order?: string | null } | null;
  deleted_at?: { order?: string | null } | null;
  id?: { order?: string | null } | null;
  external_id?: { order?: string | null } | null;
  table_id?: { order?: string | null } | null;
  properties?: PropertySort[] | null;
  random_sort?: boolean | null;
}

const TRUE: SqlPart = { sql: '1', params: [] };

// A condition given as null (an unset GraphQL variable: `id: { value: $id }`) is no condition,
// so one query file serves both the list (no $id) and the detail page, as on platformOS.

/**
 * RecordsFilterInput -> SQL WHERE. Deleted records are left out unless the filter asks about
 * deleted_at (as platformOS does: `deleted_at: { exists: true }` finds them).
 */
export function compileFilter(filter: RecordsFilter | null | undefined, opts: { includeDeleted?: boolean } = {}): SqlPart {
  const where = compileOne(filter ?? {});
  if (opts.includeDeleted || mentionsDeleted(filter)) return where;
  return and([{ sql: 'deleted_at IS NULL', params: [] }, where]);
}

function mentionsDeleted(filter: RecordsFilter | null | undefined): boolean {
  if (!filter) return false;
  return Boolean(filter.deleted_at) || (filter.or ?? []).some(mentionsDeleted);
}

function compileOne(f: RecordsFilter): SqlPart {
  const parts: SqlPart[] = [];
  if (f.table) parts.push(stringFilter('table_name', f.table));
  if (f.table_id) parts.push(idFilter('table_name', f.table_id, false));
  if (f.id) parts.push(idFilter('id', f.id, true));
  if (f.user_id) parts.push(idFilter('user_id', f.user_id, false));
  if (f.external_id) parts.push(stringFilter('external_id', f.external_id));
  if (f.created_at) parts.push(dateFilter('created_at', f.created_at));
  if (f.updated_at) parts.push(dateFilter('updated_at', f.updated_at));
  if (f.deleted_at) parts.push(dateFilter('deleted_at', f.deleted_at));
  for (const p of f.properties ?? []) parts.push(propertyFilter(p));
  if (f.or && f.or.length) parts.push(or(f.or.map(compileOne)));
  return and(parts);
}

function and(parts: SqlPart[]): SqlPart {
  const real = parts.filter((p) => p !== TRUE);
  if (!real.length) return TRUE;
  return { sql: real.map((p) => `(${p.sql})`).join(' AND '), params: real.flatMap((p) => p.params) };
}

function or(parts: SqlPart[]): SqlPart {
  if (parts.some((p) => p === TRUE)) return TRUE;
  return { sql: parts.map((p) => `(${p.sql})`).join(' OR '), params: parts.flatMap((p) => p.params) };
}

function not(part: SqlPart): SqlPart {
  return { sql: `NOT COALESCE((${part.sql}), 0)`, params: part.params };
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

function bad(what: string, why: string): never {
  throw new PosError('POS_ERR_INVALID_ARGUMENT', `records filter ${what}: ${why}`);
}

function stringFilter(column: string, f: StringFilter): SqlPart {
  const parts: SqlPart[] = [];
  if (f.value != null) parts.push({ sql: `${column} = ?`, params: [f.value] });
  if (f.value_in) parts.push({ sql: `${column} IN (${placeholders(f.value_in.length)})`, params: f.value_in });
  if (f.not_value != null) parts.push({ sql: `${column} IS NOT ?`, params: [f.not_value] });
  if (f.not_value_in) parts.push(not({ sql: `${column} IN (${placeholders(f.not_value_in.length)})`, params: f.not_value_in }));
  if (f.contains != null) parts.push({ sql: `instr(lower(${column}), lower(?)) > 0`, params: [f.contains] });
  if (f.starts_with != null) parts.push({ sql: `substr(${column}, 1, length(?)) = ?`, params: [f.starts_with, f.starts_with] });
  if (f.ends_with != null) parts.push({ sql: `substr(${column}, -length(?)) = ?`, params: [f.ends_with, f.ends_with] });
  if (f.exists != null) parts.push({ sql: `${column} IS ${f.exists ? 'NOT ' : ''}NULL`, params: [] });
  return and(parts);
}

function idFilter(column: string, f: IdFilter, numeric: boolean): SqlPart {
  const id = (v: string) => (numeric ? (/^\d+$/.test(String(v)) ? Number(v) : -1) : String(v));
  const parts: SqlPart[] = [];
  if (f.value != null) parts.push({ sql: `${column} = ?`, params: [id(f.value)] });
  if (f.value_in) parts.push({ sql: `${column} IN (${placeholders(f.value_in.length)})`, params: f.value_in.map(id) });
  if (f.not_value != null) parts.push({ sql: `${column} IS NOT ?`, params: [id(f.not_value)] });
  if (f.not_value_in) parts.push(not({ sql: `${column} IN (${placeholders(f.not_value_in.length)})`, params: f.not_value_in.map(id) }));
  if (f.exists != null) parts.push({ sql: `${column} IS ${f.exists ? 'NOT ' : ''}NULL`, params: [] });
  const range = { gt: f.gt, gte: f.gte, lt: f.lt, lte: f.lte, ...(f.range ?? {}) };
  for (const [op, sym] of RANGE_OPS) {
    const bound = range[op];
    if (bound != null) parts.push({ sql: `${column} ${sym} ?`, params: [numeric ? Number(bound) : String(bound)] });
  }
  return and(parts);
}

const RANGE_OPS = [
  ['gt', '>'],
  ['gte', '>='],
  ['lt', '<'],
  ['lte', '<='],
] as const;

function isoBound(value: string, what: string): string {
  const t = toTime(value);
  if (!t) bad(what, `${JSON.stringify(value)} is not a date`);
  return t.toISOString();
}

function dateFilter(column: string, f: DateFilter): SqlPart {
  const parts: SqlPart[] = [];
  if (f.value != null) parts.push({ sql: `${column} = ?`, params: [isoBound(f.value, column)] });
  for (const [op, sym] of RANGE_OPS) {
    const bound = f[op];
    if (bound != null) parts.push({ sql: `${column} ${sym} ?`, params: [isoBound(bound, column)] });
  }
  if (f.exists != null) parts.push({ sql: `${column} IS ${f.exists ? 'NOT ' : ''}NULL`, params: [] });
  return and(parts);
}

/** SQL expressions reading one property out of the JSON column. */
interface PropertySql {
  /** The JSON path as an SQL string literal. */
  path: string;
  /** json_type: 'text', 'integer', 'real', 'true', 'false', 'null', 'array', 'object' or NULL when absent. */
  type: string;
  value: string;
  /** The value as text, as platformOS compares `value:` (booleans as 'true'/'false', arrays as JSON). */
  text: string;
  /** Elements (an array's items, or the scalar itself), for the array operators. */
  elements: string;
}

/** A JSON path for a property name; the name is quoted into SQL, so quotes are checked here. */
function propertySql(name: string): PropertySql {
  if (typeof name !== 'string' || !name || /["\\\u0000-\u001f]/.test(name)) {
    bad('properties', `invalid property name ${JSON.stringify(name)}`);
  }
  const path = `'$."${name.replace(/'/g, "''")}"'`;
  const type = `json_type(properties, ${path})`;
  const value = `json_extract(properties, ${path})`;
  return {
    path,
    type,
    value,
    text: `(CASE ${type} WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN NULL ELSE CAST(${value} AS TEXT) END)`,
    elements: `(SELECT CASE e.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(e.value AS TEXT) END AS v FROM json_each(properties, ${path}) AS e)`,
  };
}

/** Numeric value of a property, NULL when it is not a number (or numeric text). */
function numeric(p: PropertySql): string {
  return `(CASE WHEN ${p.type} IN ('integer', 'real') THEN ${p.value}
    WHEN ${p.type} = 'text' AND (CAST(CAST(${p.value} AS REAL) AS TEXT) = ${p.value} OR CAST(CAST(${p.value} AS INTEGER) AS TEXT) = ${p.value})
    THEN CAST(${p.value} AS REAL) END)`;
}

function propertyFilter(f: PropertyFilter): SqlPart {
  const p = propertySql(f.name);
  const what = `property ${JSON.stringify(f.name)}`;
  const parts: SqlPart[] = [];
  const cs = f.case_sensitive === true;
  const fold = (sql: string) => (cs ? sql : `lower(${sql})`);
  if (f.value != null) parts.push({ sql: `${p.text} = ?`, params: [f.value] });
  if (f.not_value != null) parts.push({ sql: `${p.text} IS NOT ?`, params: [f.not_value] });
  for (const key of ['value_int', 'value_float'] as const) {
    if (f[key] != null) parts.push({ sql: `${numeric(p)} = ?`, params: [f[key]] });
    const negated = f[`not_${key}`];
    if (negated != null) parts.push({ sql: `${numeric(p)} IS NOT ?`, params: [negated] });
  }
  if (f.value_boolean != null) parts.push({ sql: `${p.text} = ?`, params: [String(f.value_boolean)] });
  if (f.not_value_boolean != null) parts.push({ sql: `${p.text} IS NOT ?`, params: [String(f.not_value_boolean)] });
  if (f.value_in) parts.push(valueIn(p, f.value_in));
  if (f.not_value_in) parts.push(not(valueIn(p, f.not_value_in)));
  if (f.value_array) parts.push(valueArray(p, f.value_array));
  if (f.not_value_array) parts.push(not(valueArray(p, f.not_value_array)));
  if (f.array_contains) parts.push(arrayContains(p, f.array_contains));
  if (f.not_array_contains) parts.push(not(arrayContains(p, f.not_array_contains)));
  if (f.array_overlaps) parts.push(arrayOverlaps(p, f.array_overlaps));
  if (f.not_array_overlaps) parts.push(not(arrayOverlaps(p, f.not_array_overlaps)));
  if (f.contains != null) parts.push({ sql: `instr(${fold(p.text)}, ${fold('?')}) > 0`, params: [f.contains] });
  if (f.not_contains != null) parts.push(not({ sql: `instr(${fold(p.text)}, ${fold('?')}) > 0`, params: [f.not_contains] }));
  if (f.starts_with != null) parts.push(affix(p, f.starts_with, 'start', fold));
  if (f.not_starts_with != null) parts.push(not(affix(p, f.not_starts_with, 'start', fold)));
  if (f.ends_with != null) parts.push(affix(p, f.ends_with, 'end', fold));
  if (f.not_ends_with != null) parts.push(not(affix(p, f.not_ends_with, 'end', fold)));
  if (f.exists != null) {
    parts.push({ sql: f.exists ? `${p.type} IS NOT NULL AND ${p.type} != 'null'` : `${p.type} IS NULL OR ${p.type} = 'null'`, params: [] });
  }
  if (f.range) parts.push(range(p, f.range, what));
  return and(parts);
}

function valueIn(p: PropertySql, list: string[]): SqlPart {
  const ph = placeholders(list.length);
  // An array property matches when it is a sub-array of the list; a scalar when it is an element.
  return {
    sql: `CASE WHEN ${p.type} = 'array' THEN (json_array_length(properties, ${p.path}) > 0
      AND NOT EXISTS (SELECT 1 FROM ${p.elements} AS x WHERE x.v NOT IN (${ph}))) ELSE ${p.text} IN (${ph}) END`,
    params: [...list, ...list],
  };
}

function valueArray(p: PropertySql, list: string[]): SqlPart {
  return { sql: `${p.type} = 'array' AND (SELECT json_group_array(x.v) FROM ${p.elements} AS x) = ?`, params: [JSON.stringify(list.map(String))] };
}

function arrayContains(p: PropertySql, list: string[]): SqlPart {
  if (!list.length) return TRUE;
  return and(list.map((v) => ({ sql: `EXISTS (SELECT 1 FROM ${p.elements} AS x WHERE x.v = ?)`, params: [v] })));
}

function arrayOverlaps(p: PropertySql, list: string[]): SqlPart {
  if (!list.length) return { sql: '0', params: [] };
  return { sql: `EXISTS (SELECT 1 FROM ${p.elements} AS x WHERE x.v IN (${placeholders(list.length)}))`, params: list };
}

function affix(p: PropertySql, s: string, where: 'start' | 'end', fold: (sql: string) => string): SqlPart {
  const piece = where === 'start' ? `substr(${p.text}, 1, length(?))` : `substr(${p.text}, -length(?))`;
  return { sql: `${fold(piece)} = ${fold('?')}`, params: [s, s] };
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/**
 * range: numbers compare as numbers, everything else as text. Date-times are normalised to
 * ISO 8601 UTC (how datetime properties are stored), so "2019-10-02T08:13:00" works.
 */
function range(p: PropertySql, r: RangeFilter, what: string): SqlPart {
  const parts: SqlPart[] = [];
  for (const [op, sym] of RANGE_OPS) {
    const raw = r[op];
    if (raw == null) continue;
    const bound = String(raw).trim();
    if (NUMBER.test(bound)) parts.push({ sql: `${numeric(p)} ${sym} ?`, params: [Number(bound)] });
    else if (DATETIME.test(bound)) parts.push({ sql: `${p.text} ${sym} ?`, params: [isoBound(/[zZ]|[+-]\d{2}:?\d{2}$/.test(bound) ? bound : `${bound}Z`, what)] });
    else parts.push({ sql: `${p.text} ${sym} ?`, params: [bound] });
  }
  return and(parts);
}

const COLUMN_SORTS = ['created_at', 'updated_at', 'deleted_at', 'id', 'external_id', 'table_id'] as const;

/** RecordsSortInput list -> ORDER BY (id last, so pages are stable). Default: oldest first. */
export function compileSort(sort: RecordsSort[] | null | undefined): string {
  const terms: string[] = [];
  for (const s of sort ?? []) {
    for (const [key, spec] of Object.entries(s)) {
      if (spec == null) continue;
      if (key === 'random_sort') {
        if (spec === true) terms.push('RANDOM()');
      } else if (key === 'properties') {
        for (const ps of spec as PropertySort[]) terms.push(`${propertySql(ps.name).value} ${direction(ps.order)}`);
      } else if ((COLUMN_SORTS as readonly string[]).includes(key)) {
        const column = key === 'table_id' ? 'table_name' : key;
        terms.push(`${column} ${direction((spec as { order?: string }).order)}`);
      }
    }
  }
  terms.push('id ASC');
  return terms.join(', ');
}

function direction(order: string | null | undefined): string {
  return String(order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
}
