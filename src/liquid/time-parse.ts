import { Drop } from 'liquidjs';

/**
 * Liquid input -> Date, as platformOS's time filters read it: 'now', 'today', epoch seconds
 * (number or digits), and any date text Date can parse (ISO 8601, RFC 2822). Returns null
 * when the input is not a time.
 */
export function toTime(input: unknown): Date | null {
  const v = input instanceof Drop ? input.valueOf() : input;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'number') return new Date(v * 1000);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (s === '' ) return null;
  if (s === 'now') return new Date();
  if (s === 'today') {
    const d = new Date();
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) return new Date(Number(s) * 1000);
  // A date without time or zone is midnight UTC, as platformOS (UTC instance) reads it.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  return Number.isNaN(d.getTime()) ? null : d;
}

const UNITS: Record<string, string> = {
  y: 'years', year: 'years', years: 'years',
  mo: 'months', month: 'months', months: 'months',
  w: 'weeks', week: 'weeks', weeks: 'weeks',
  d: 'days', day: 'days', days: 'days',
  h: 'hours', hour: 'hours', hours: 'hours',
  m: 'minutes', min: 'minutes', minute: 'minutes', minutes: 'minutes',
  s: 'seconds', sec: 'seconds', second: 'seconds', seconds: 'seconds',
};

export function timeUnit(unit: string): string | null {
  return UNITS[unit] ?? null;
}

/** Adds n units (calendar-aware for months and years, in UTC). */
export function addTime(date: Date, n: number, unit: string): Date {
  const d = new Date(date.getTime());
  switch (unit) {
    case 'years':
      d.setUTCFullYear(d.getUTCFullYear() + n);
      return d;
    case 'months':
      d.setUTCMonth(d.getUTCMonth() + n);
      return d;
    case 'weeks':
      return new Date(d.getTime() + n * 7 * 86_400_000);
    case 'days':
      return new Date(d.getTime() + n * 86_400_000);
    case 'hours':
      return new Date(d.getTime() + n * 3_600_000);
    case 'minutes':
      return new Date(d.getTime() + n * 60_000);
    default:
      return new Date(d.getTime() + n * 1000);
  }
}
