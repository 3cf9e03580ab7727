import { Drop } from 'liquidjs';
import { CalendarDate, fromWallClock, inZone, wallClock, zoneOf } from './util/ruby-time.js';
import { parseTimeText } from './util/time-text.js';
import { strptime } from './util/strptime.js';
import { UTC, type Zone } from './util/time-zone.js';

/** How toTime reads its input. */
export interface TimeInputOptions {
  /** Zone for text without one, and the zone the result is shown in. @default UTC */
  zone?: Zone;
  /** Reference for 'now' and relative phrases. @default the current time */
  now?: Date;
  /**
   * Hour of a date written without a time: 0 (Ruby Time.parse, Liquid's `date`) or 12
   * (Chronic, which platformOS's own time filters use). @default 0
   */
  dateOnlyHour?: number;
  /** strptime format the text must follow (to_time's `format` argument). */
  format?: string;
}

/**
 * Liquid input -> Date, as platformOS's time filters read it: Dates and times as they are,
 * epoch seconds (number or digits), 'now', 'today', natural language ('3 days ago',
 * 'in 10 minutes', 'tomorrow'), and date texts (ISO 8601, RFC 2822, 'March 14, 2016',
 * '2021/2'). Text without a zone is read in opts.zone. Returns null when the input is not
 * a time; strptime format errors throw StrptimeFormatError.
 */
export function toTime(input: unknown, opts: TimeInputOptions = {}): Date | null {
  const v = input instanceof Drop ? input.valueOf() : input;
  const zone = opts.zone ?? UTC;
  if (v instanceof CalendarDate) {
    const w = wallClock(v, UTC);
    return fromWallClock({ year: w.year, month: w.month, day: w.day }, zone);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : opts.zone ? inZone(v, zone) : v;
  if (typeof v === 'number') return Number.isFinite(v) ? inZone(new Date(v * 1000), zone) : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (s === '') return null;
  if (opts.format) return strptime(s, opts.format, zone);
  if (/^-?\d+(\.\d+)?$/.test(s)) return inZone(new Date(Number(s) * 1000), zone);
  return parseTimeText(s, { zone, now: opts.now ?? new Date(), dateOnlyHour: opts.dateOnlyHour ?? 0 });
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

/**
 * Adds n units as ActiveSupport does: years, months, weeks and days move the calendar date
 * in the time's zone and keep the wall clock (Jan 31 + 1 month is the last day of February;
 * a day across a DST change is still the same hour); hours, minutes and seconds are exact.
 * A date (CalendarDate) stays a date for calendar units and becomes a time for clock units.
 */
export function addTime(date: Date, n: number, unit: string): Date {
  const calendar = unit === 'years' || unit === 'months' || ((unit === 'weeks' || unit === 'days') && Number.isInteger(n));
  if (!calendar) {
    const ms = n * (UNIT_MS[unit] ?? 1000);
    return inZone(new Date(date.getTime() + ms), zoneOf(date));
  }
  const w = wallClock(date);
  let { year, month, day } = w;
  if (unit === 'years' || unit === 'months') {
    const target = year * 12 + (month - 1) + Math.trunc(unit === 'years' ? n * 12 : n);
    year = Math.floor(target / 12);
    month = (target % 12) + 1;
    day = Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate());
  } else {
    day += unit === 'weeks' ? n * 7 : n;
  }
  if (date instanceof CalendarDate) {
    const d = new Date(Date.UTC(year, month - 1, day));
    return new CalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return fromWallClock({ year, month, day, hour: w.hour, minute: w.minute, second: w.second, ms: w.ms }, zoneOf(date));
}

const UNIT_MS: Record<string, number> = { weeks: 604_800_000, days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000 };
