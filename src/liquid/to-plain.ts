import { Drop } from 'liquidjs';

/**
 * Turns Liquid values into plain JSON-able data: Drops to their value, Dates to ISO text.
 * Used wherever a value leaves Liquid (json, GraphQL variables, JWT payloads, logs).
 */
export function toPlain(value: unknown): unknown {
  if (value instanceof Drop) {
    const v = value.valueOf();
    return v === value ? { ...value } : toPlain(v);
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
