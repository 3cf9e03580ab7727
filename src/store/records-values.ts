import { PosError } from '../errors.js';
import type { AppDefinition, PropertyDef, TableDef } from '../app/types.js';
import { toTime } from '../liquid/time-parse.js';

/** PropertyInputType: one property change in record_create / record_update. */
export interface PropertyInput {
  name: string;
  value?: string | null;
  value_int?: number | null;
  value_float?: number | null;
  value_boolean?: boolean | null;
  value_array?: Array<string | null> | null;
  value_json?: unknown;
  array_append?: string | null;
  array_remove?: string | null;
  increment?: number | null;
  decrement?: number | null;
}

const VALUE_KEYS = ['value', 'value_int', 'value_float', 'value_boolean', 'value_array', 'value_json'] as const;

/** The table a record belongs to, or a clear error naming where tables come from. */
export function requireTable(app: AppDefinition, name: unknown, where: string): TableDef {
  if (typeof name !== 'string' || !name) throw new PosError('POS_ERR_MISSING_ARGUMENT', `${where}: table is required`);
  const table = app.tables.get(name);
  if (!table) {
    const known = [...app.tables.keys()].sort().join(', ') || 'none';
    throw new PosError('POS_ERR_UNKNOWN_TABLE', `${where}: ${JSON.stringify(name)} is not defined in app/schema (known tables: ${known})`);
  }
  return table;
}

export function requireProperty(table: TableDef, name: string, where: string): PropertyDef {
  const prop = table.properties.find((p) => p.name === name);
  if (!prop) {
    const known = table.properties.map((p) => p.name).join(', ') || 'none';
    throw new PosError('POS_ERR_INVALID_ARGUMENT', `${where}: table ${JSON.stringify(table.name)} has no property ${JSON.stringify(name)} (its properties: ${known}; see ${table.file})`);
  }
  return prop;
}

/**
 * Applies PropertyInputType changes to the current properties and returns the changed ones,
 * each stored as its schema type says (integer as a number, boolean as true/false...).
 */
export function applyPropertyInputs(table: TableDef, current: Record<string, unknown>, inputs: PropertyInput[], where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const now = (name: string) => (name in out ? out[name] : current[name]);
  for (const input of inputs) {
    const prop = requireProperty(table, input.name, where);
    const at = `${where}: property ${JSON.stringify(prop.name)} (${prop.type})`;
    if (input.array_append != null) out[prop.name] = [...asArray(now(prop.name)), input.array_append];
    else if (input.array_remove != null) out[prop.name] = asArray(now(prop.name)).filter((v) => String(v) !== input.array_remove);
    else if (input.increment != null || input.decrement != null) {
      const base = Number(now(prop.name) ?? 0);
      if (Number.isNaN(base)) throw new PosError('POS_ERR_INVALID_ARGUMENT', `${at}: cannot increment ${JSON.stringify(now(prop.name))}`);
      out[prop.name] = coerceValue(prop, base + Number(input.increment ?? 0) - Number(input.decrement ?? 0), at);
    } else {
      const key = VALUE_KEYS.find((k) => input[k] !== undefined);
      out[prop.name] = key ? coerceValue(prop, input[key], at) : null;
    }
  }
  return out;
}

/** Plain name -> value pairs (a form's properties) stored as the schema types say. */
export function coerceProperties(table: TableDef, values: Record<string, unknown>, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const prop = requireProperty(table, name, where);
    out[name] = coerceValue(prop, value, `${where}: property ${JSON.stringify(name)} (${prop.type})`);
  }
  return out;
}

function asArray(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined || v === '') return [];
  return [v];
}

const TRUE_WORDS = new Set(['true', '1', 't', 'on', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'f', 'off', 'no', '']);

/** One value stored as its property type; a value that cannot be is a clear error. */
export function coerceValue(prop: PropertyDef, value: unknown, at: string): unknown {
  if (value === null || value === undefined) return null;
  const fail = (): never => {
    throw new PosError('POS_ERR_INVALID_ARGUMENT', `${at}: ${JSON.stringify(value)} is not a valid ${prop.type}`);
  };
  switch (prop.type) {
    case 'integer':
    case 'float': {
      if (typeof value === 'string' && value.trim() === '') return null;
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
      if (!Number.isFinite(n)) return fail();
      return prop.type === 'integer' ? Math.trunc(n) : n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const word = String(value).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return fail();
    }
    case 'array':
      if (Array.isArray(value)) return value;
      if (typeof value === 'string') return parseArrayText(value);
      return [value];
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    case 'date':
    case 'datetime': {
      if (typeof value === 'string' && value.trim() === '') return null;
      const t = toTime(value);
      if (!t) return fail();
      return prop.type === 'date' ? t.toISOString().slice(0, 10) : t.toISOString();
    }
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

/** A JSON array written as text is that array; any other text is a one-element array. */
function parseArrayText(text: string): unknown[] {
  const t = text.trim();
  if (t === '') return [];
  if (t.startsWith('[')) {
    try {
      const parsed = JSON.parse(t) as unknown;
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: kept as one value below
    }
  }
  return [text];
}

/** How property(name:) shows a value: text, with booleans and numbers as written and objects as JSON. */
export function propertyText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function propertyInt(v: unknown): number | null {
  const n = propertyFloat(v);
  return n === null ? null : Math.trunc(n);
}

export function propertyFloat(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function propertyBoolean(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const word = v.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return null;
}

export function propertyArray(v: unknown): string[] | null {
  if (v === null || v === undefined) return null;
  const list = Array.isArray(v) ? v : typeof v === 'string' ? parseArrayText(v) : [v];
  return list.map((x) => propertyText(x) ?? '');
}

export function propertyObject(v: unknown): Record<string, unknown> | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v === 'string') {
    try {
      const parsed = JSON.parse(v) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return null;
}
