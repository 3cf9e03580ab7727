import { Drop } from 'liquidjs';
import { CalendarDate, fromWallClock, inZone, wallClock } from './util/ruby-time.js';
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

export { addTime, timeUnit } from './util/time-units.js';
