import { CalendarDate, fromWallClock, inZone, wallClock, zoneOf } from './ruby-time.js';

/** Unit names add_to_time and relative time text accept -> the canonical unit. */
const UNITS: Record<string, string> = {
  y: 'years', year: 'years', years: 'years',
  mo: 'months', month: 'months', months: 'months',
  w: 'weeks', week: 'weeks', weeks: 'weeks',
  d: 'days', day: 'days', days: 'days',
  h: 'hours', hour: 'hours', hours: 'hours',
  m: 'minutes', min: 'minutes', minute: 'minutes', minutes: 'minutes',
  s: 'seconds', sec: 'seconds', second: 'seconds', seconds: 'seconds',
};

/** The canonical unit ('years' ... 'seconds') for a unit name, or null. */
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
