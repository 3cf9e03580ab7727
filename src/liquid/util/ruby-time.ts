import { UTC, formatOffset, type Zone } from './time-zone.js';

/**
 * A time shown in a zone (Ruby's ActiveSupport::TimeWithZone). A Date, so every Date-aware
 * filter and comparison keeps working; the zone only changes how it is formatted.
 */
export class ZonedTime extends Date {
  constructor(ms: number, readonly zone: Zone) {
    super(ms);
  }
}

/** A calendar day without time of day (Ruby's Date), held as midnight UTC of that day. */
export class CalendarDate extends Date {
  constructor(year: number, month: number, day: number) {
    super(Date.UTC(year, month - 1, day));
  }
}

/** The wall clock of an instant in a zone. month is 1-12, wday 0 (Sunday)-6, yday 1-366. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  wday: number;
  yday: number;
  /** Minutes east of UTC. */
  offset: number;
}

export function zoneOf(date: Date): Zone {
  return date instanceof ZonedTime ? date.zone : UTC;
}

export function wallClock(date: Date, zone: Zone = zoneOf(date)): WallClock {
  const offset = zone.offsetAt(date);
  const d = new Date(date.getTime() + offset * 60_000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    wday: d.getUTCDay(),
    yday: Math.round((dayStart - startOfYear) / 86_400_000) + 1,
    offset,
  };
}

/** Wall clock fields in a zone -> the instant (months and days may overflow, as Date.UTC allows). */
export function fromWallClock(
  f: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number },
  zone: Zone,
): ZonedTime {
  const naive = Date.UTC(f.year, f.month - 1, f.day, f.hour ?? 0, f.minute ?? 0, f.second ?? 0, f.ms ?? 0);
  // The offset depends on the instant; two rounds settle it except inside a DST gap.
  let ms = naive - zone.offsetAt(new Date(naive)) * 60_000;
  ms = naive - zone.offsetAt(new Date(ms)) * 60_000;
  return new ZonedTime(ms, zone);
}

/** The same instant, shown in another zone. */
export function inZone(date: Date, zone: Zone): ZonedTime {
  return new ZonedTime(date.getTime(), zone);
}

/**
 * How Ruby prints a time or a date: `2017-04-15 15:21:00 UTC`, `2017-04-15 17:21:00 +0200`,
 * `2017-04-15` for a date. For the output of `{{ time }}`.
 */
export function rubyTimeString(date: Date): string {
  const w = wallClock(date);
  const pad = (n: number, len = 2) => String(n).padStart(len, '0');
  const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  if (date instanceof CalendarDate) return day;
  const zone = w.offset === 0 && zoneOf(date) === UTC ? 'UTC' : formatOffset(w.offset, false);
  return `${day} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${zone}`;
}
