import { FilterError, type FilterThis } from './types.js';
import { addTime, timeUnit, toTime, type TimeInputOptions } from '../time-parse.js';
import { CalendarDate, wallClock, zoneOf } from '../util/ruby-time.js';
import { strftime as formatTime } from '../util/strftime.js';
import { StrptimeFormatError } from '../util/strptime.js';
import { resolveZone, UTC, type Zone } from '../util/time-zone.js';
import { NAMED_DATE_FORMATS, namedTimeFormat, timeNames } from '../util/time-formats.js';
import { languageOf, translationsOf } from '../util/translations.js';
import { describe, isNil, unwrap } from '../util/values.js';

/*
 * platformOS's own time filters read text the way Ruby's Chronic does: natural language,
 * and a date without a time of day is noon (the to_time and localize examples in the docs
 * show 12:00). Liquid's `date` and to_date read such a date as midnight (Ruby Time.parse).
 * Nil and '' give nil; any other input that is not a time is an error naming the argument.
 */
const CHRONIC_HOUR = 12;

function isBlank(v: unknown): boolean {
  return isNil(v) || unwrap(v) === '';
}

/** Reads a time argument or throws a FilterError naming the filter and the argument. */
function readTime(filter: string, what: string, value: unknown, opts: TimeInputOptions): Date {
  let time: Date | null;
  try {
    time = toTime(value, { dateOnlyHour: CHRONIC_HOUR, ...opts });
  } catch (err) {
    if (err instanceof StrptimeFormatError) throw new FilterError(filter, `format: ${err.message}`);
    throw err;
  }
  if (!time) throw new FilterError(filter, `cannot read ${describe(value)} (${what}) as a time`);
  return time;
}

function readZone(filter: string, what: string, value: unknown): Zone {
  const zone = resolveZone(unwrap(value));
  if (!zone) throw new FilterError(filter, `unknown time zone ${describe(value)} (${what})`);
  return zone;
}

/** A time value given without a zone argument is shown in its own zone. */
function keepsZone(input: unknown, zoneArg: unknown): boolean {
  return isBlank(zoneArg) && unwrap(input) instanceof Date;
}

/** The `now` argument: the reference for relative text; nil or '' is the current time. */
function readNow(filter: string, value: unknown, zone: Zone): Date | undefined {
  return isBlank(value) ? undefined : readTime(filter, '`now` argument', value, { zone });
}

function readCount(filter: string, value: unknown, position: string): number {
  const n = Number(unwrap(value));
  if (isBlank(value) || !Number.isFinite(n)) {
    throw new FilterError(filter, `number (${position}) must be a number, got ${describe(value)}`);
  }
  return Math.trunc(n);
}

function readUnit(filter: string, value: unknown): string {
  const unit = timeUnit(isNil(value) ? 'd' : String(unwrap(value)));
  if (!unit) throw new FilterError(filter, `unknown unit ${describe(value)} (argument 2); use y, mo, w, d, h, m or s`);
  return unit;
}

/** time | add_to_time: number = 1, unit = 'd'. Units y, mo, w, d, h, m, s (and long names). */
export function add_to_time(input: unknown, number: unknown = 1, unit: unknown = 'd'): Date {
  const time = readTime('add_to_time', 'input', input, {});
  return addTime(time, readCount('add_to_time', number, 'argument 1'), readUnit('add_to_time', unit));
}

/**
 * time | date_add: number = 1, unit = 'd' -> a Date (the docs print '2010-01-02'). Clock units
 * (h, m, s) on a date give a time, as Ruby's Date + 1.hour does.
 */
export function date_add(input: unknown, number: unknown = 1, unit: unknown = 'd'): Date {
  const time = readTime('date_add', 'input', input, { dateOnlyHour: 0 });
  return addTime(toCalendarDate(time), readCount('date_add', number, 'argument 1'), readUnit('date_add', unit));
}
export const add_to_date = date_add;

function toCalendarDate(time: Date): CalendarDate {
  if (time instanceof CalendarDate) return time;
  const w = wallClock(time);
  return new CalendarDate(w.year, w.month, w.day);
}

/**
 * Liquid's date: Ruby strftime of the input ('now', 'today', epoch seconds, date text, a
 * time). As in Liquid, an empty format or an input that is not a time returns the input
 * unchanged. Text with an offset keeps it (Time.parse); `format: 'name'` takes a named
 * format (time.formats.<name> from the translations, or Liquid's abbreviated_date, ...).
 */
export function date(this: FilterThis, input: unknown, format?: unknown): unknown {
  let fmt = unwrap(format);
  const named = this.named.format;
  if ((fmt === undefined || fmt === null) && typeof named === 'string') {
    fmt = NAMED_DATE_FORMATS[named] ?? namedTimeFormat(translationsOf(this.context), languageOf(this.context), 'time', named) ?? named;
  }
  if (fmt === undefined || fmt === null || String(fmt) === '') return input;
  if (isBlank(input)) return input;
  const time = toTime(input, { dateOnlyHour: 0 });
  return time ? formatTime(time, String(fmt)) : input;
}

/**
 * time | strftime: format, zone = nil, now = nil. Text is read in `zone` and shown in it
 * (default UTC, the instance zone); a time value without a zone argument keeps its own zone.
 */
export function strftime(input: unknown, format: unknown, zoneArg?: unknown, nowArg?: unknown): string | null {
  if (isBlank(input)) return null;
  const fmt = unwrap(format);
  if (typeof fmt !== 'string') throw new FilterError('strftime', `format (argument 1) must be a string, got ${describe(format)}`);
  const zone = readZone('strftime', 'argument 2', zoneArg);
  const keep = keepsZone(input, zoneArg);
  const time = readTime('strftime', 'input', input, { zone: keep ? undefined : zone, now: readNow('strftime', nowArg, zone) });
  return formatTime(time, fmt, { zone: keep ? zoneOf(time) : zone });
}

/**
 * text | to_time: zone = nil, format = nil, now = nil -> a time. Natural language
 * ('3 days ago', 'in 10 minutes', '5 days from now', 'tomorrow'), epoch seconds, date text,
 * or text following the strptime `format`. Nil or '' gives nil.
 */
export function to_time(input: unknown, zoneArg?: unknown, format?: unknown, nowArg?: unknown): Date | null {
  if (isBlank(input)) return null;
  const zone = readZone('to_time', 'argument 1', zoneArg);
  const fmt = isBlank(format) ? undefined : String(unwrap(format));
  return readTime('to_time', 'input', input, { zone, format: fmt, now: readNow('to_time', nowArg, zone) });
}

/** time | to_date -> a Date (printed as 2010-01-01). */
export function to_date(input: unknown): Date | null {
  if (isBlank(input)) return null;
  return toCalendarDate(readTime('to_date', 'input', input, { dateOnlyHour: 0 }));
}

const DIFF_UNITS: Record<string, number> = {
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
};

/**
 * start | time_diff: finish, unit = 'ms', precision = 3 -> finish - start in the unit,
 * rounded half away from zero. An unknown unit means milliseconds, as the docs say.
 */
export function time_diff(input: unknown, finish: unknown, unit: unknown = 'ms', precision: unknown = 3): number {
  const start = readTime('time_diff', 'input', input, {});
  const end = readTime('time_diff', 'argument 1', finish, {});
  const digits = Number(unwrap(precision));
  if (!Number.isInteger(digits) || digits < 0) {
    throw new FilterError('time_diff', `precision (argument 3) must be a whole number, got ${describe(precision)}`);
  }
  const value = (end.getTime() - start.getTime()) / (DIFF_UNITS[String(unwrap(unit))] ?? 1);
  const scale = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
}

/** first | is_date_before: second -> true when first is earlier. */
export function is_date_before(input: unknown, other: unknown): boolean {
  const a = readTime('is_date_before', 'input', input, {});
  const b = readTime('is_date_before', 'argument 1', other, {});
  return a.getTime() < b.getTime();
}
export const date_before = is_date_before;

/** time | is_date_in_past -> true when the time is before now. */
export function is_date_in_past(input: unknown): boolean {
  return readTime('is_date_in_past', 'input', input, {}).getTime() < Date.now();
}

/**
 * value | is_parsable_date -> whether to_time would read it: times, epoch numbers, date
 * text and natural language are; anything else (hashes, '', 'foo') is not.
 */
export function is_parsable_date(input: unknown): boolean {
  try {
    return toTime(input, { dateOnlyHour: CHRONIC_HOUR }) !== null;
  } catch {
    return false;
  }
}

/**
 * time | localize: format = 'long', zone = nil. The format is `time.formats.<format>` (or
 * `date.formats.<format>` for a date) from the translations in the render's language, then
 * 'en', then platformOS's defaults; a format with '%' is used as written. Month and day
 * names come from the translations too. Nil gives nil; epoch seconds must be whole.
 */
export function localize(this: FilterThis, input: unknown, format: unknown = 'long', zoneArg?: unknown): string | null {
  if (isBlank(input)) return null;
  const raw = unwrap(input);
  if (typeof raw === 'number' && !Number.isInteger(raw)) {
    throw new FilterError('localize', `epoch seconds must be a whole number, got ${raw}`);
  }
  const zone = readZone('localize', 'argument 2', zoneArg);
  const isDate = raw instanceof CalendarDate;
  const keep = keepsZone(input, zoneArg);
  const time = isDate ? raw : readTime('localize', 'input', input, { zone: keep ? undefined : zone });
  const translations = translationsOf(this.context);
  const lang = languageOf(this.context);
  const scope = isDate ? 'date' : 'time';
  const name = isBlank(format) ? 'long' : String(unwrap(format));
  const fmt = namedTimeFormat(translations, lang, scope, name);
  if (fmt === null) throw new FilterError('localize', `unknown format ${JSON.stringify(name)} (argument 1): no translation ${lang}.${scope}.formats.${name}`);
  const shown = isDate ? UTC : keep ? zoneOf(time) : zone;
  return formatTime(time, fmt, { zone: shown, names: timeNames(translations, lang) });
}
export const l = localize;
