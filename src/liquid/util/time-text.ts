import { resolveZone, fixedZone, UTC, type Zone } from './time-zone.js';
import { fromWallClock, wallClock, inZone, type ZonedTime } from './ruby-time.js';
import { addTime, timeUnit } from './time-units.js';

/** How text is read: the zone for text without one, the reference for relative phrases. */
export interface TextParseOptions {
  zone: Zone;
  now: Date;
  /**
   * Hour given to a date without a time of day. platformOS's time filters read text the way
   * Ruby's Chronic does and put such a date at noon (the docs' to_time and localize examples
   * show 12:00); Liquid's `date` and to_date read it as midnight.
   */
  dateOnlyHour: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
/** Zone abbreviations Ruby's Time.parse knows. */
const ZONE_ABBREVIATIONS: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60, BST: 60, IST: 330, JST: 540,
};

const TIME = String.raw`(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?`;
const ZONE = String.raw`(Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}|[A-Za-z]+\/[A-Za-z_\/+-]+)`;
const TAIL = String.raw`(?:(?:[T\s]+|\s*,\s*|\s+at\s+)${TIME})?\s*${ZONE}?`;
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY_PREFIX = String.raw`(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+)?`;

interface Fields {
  year: number;
  month: number;
  day: number;
  time?: string[];
  zone?: string;
}

/** Absolute date formats, each giving year, month, day and the TIME/ZONE groups after them. */
const ABSOLUTE: Array<[RegExp, (m: RegExpExecArray, now: Date) => Fields]> = [
  // 2010-01-01, 2010/01/01 08:00, 2018-05-30T09:12:34.000-07:00, 2021/2
  [new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?${TAIL}$`, 'i'), (m) => ({ year: +m[1], month: +m[2], day: m[3] ? +m[3] : 1, time: m.slice(4, 9), zone: m[9] })],
  // 01/15/2010 (month first, as Chronic reads it)
  [new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})${TAIL}$`, 'i'), (m) => ({ year: fullYear(+m[3]), month: +m[1], day: +m[2], time: m.slice(4, 9), zone: m[9] })],
  // 15.01.2010 and 15-01-2010 (day first)
  [new RegExp(String.raw`^(\d{1,2})[.-](\d{1,2})[.-](\d{4})${TAIL}$`, 'i'), (m) => ({ year: +m[3], month: +m[2], day: +m[1], time: m.slice(4, 9), zone: m[9] })],
  // March 14, 2016 / Tue, Mar 14 2016 10:00
  [new RegExp(String.raw`^${WEEKDAY_PREFIX}${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?${TAIL}$`, 'i'), (m, now) => ({ year: m[3] ? +m[3] : now.getUTCFullYear(), month: monthIndex(m[1]), day: +m[2], time: m.slice(4, 9), zone: m[9] })],
  // 14 March 2016 / Tue, 14 Mar 2016 10:00:00 +0000 (RFC 2822)
  [new RegExp(String.raw`^${WEEKDAY_PREFIX}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH_NAME},?\s+(\d{4})${TAIL}$`, 'i'), (m) => ({ year: +m[3], month: monthIndex(m[2]), day: +m[1], time: m.slice(4, 9), zone: m[9] })],
  // March 2016
  [new RegExp(String.raw`^${MONTH_NAME}\s+(\d{4})$`, 'i'), (m) => ({ year: +m[2], month: monthIndex(m[1]), day: 1 })],
];

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 69 ? 2000 + y : 1900 + y;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Text -> time: absolute dates in the formats above, and the natural language platformOS
 * accepts ('now', 'today', 'tomorrow', '3 days ago', 'in 10 minutes', '5 days from now',
 * 'next week', 'last monday', '2 hours after 2020-01-01 10:00'). Returns null when the text
 * is none of these.
 */
export function parseTimeText(text: string, opts: TextParseOptions): ZonedTime | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  return parseAbsolute(s, opts) ?? parseRelative(s.toLowerCase(), opts) ?? parseWithExplicitZone(s, opts.zone);
}

function parseAbsolute(s: string, opts: TextParseOptions): ZonedTime | null {
  for (const [re, read] of ABSOLUTE) {
    const m = re.exec(s);
    if (m) return build(read(m, opts.now), opts);
  }
  return null;
}

function build(f: Fields, opts: TextParseOptions): ZonedTime | null {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month)) return null;
  const clock = f.time && f.time[0] !== undefined ? readClock(f.time) : { hour: opts.dateOnlyHour, minute: 0, second: 0, ms: 0 };
  if (!clock) return null;
  let zone = opts.zone;
  if (f.zone) {
    const z = readZone(f.zone);
    if (!z) return null;
    zone = z;
  }
  const t = fromWallClock({ year: f.year, month: f.month, day: f.day, ...clock }, zone);
  return zone === opts.zone ? t : inZone(t, zone);
}

/** TIME groups: hour, minute, second, fraction, meridian. */
function readClock(g: string[]): { hour: number; minute: number; second: number; ms: number } | null {
  let hour = Number(g[0]);
  const minute = g[1] ? Number(g[1]) : 0;
  const second = g[2] ? Number(g[2]) : 0;
  const ms = g[3] ? Math.floor(Number(`0.${g[3]}`) * 1000) : 0;
  const meridian = g[4]?.replace(/\./g, '').toLowerCase();
  if (meridian) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridian === 'pm' ? 12 : 0);
  }
  if (hour > 24 || minute > 59 || second > 60) return null;
  return { hour, minute, second, ms };
}

function readZone(text: string): Zone | null {
  const abbr = ZONE_ABBREVIATIONS[text.toUpperCase()];
  if (abbr !== undefined) return abbr === 0 ? UTC : fixedZone(abbr);
  const offset = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(text);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return fixedZone(offset[1] === '-' ? -minutes : minutes);
  }
  return text.includes('/') ? resolveZone(text) : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const AMOUNT = String.raw`(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)`;
const UNIT = String.raw`(years?|yrs?|months?|mos?|fortnights?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|[ymwdhs])`;
const RELATIVE: Array<[RegExp, (m: RegExpExecArray, opts: TextParseOptions) => ZonedTime | null]> = [
  [/^(now|right now|today)$/, (_m, o) => inZone(o.now, o.zone)],
  [new RegExp(String.raw`^(today|tomorrow|yesterday)(?:(?: at)? ${TIME})?$`), (m, o) => dayWord(m, o)],
  [new RegExp(String.raw`^(?:in|within) ${AMOUNT} ${UNIT}$`), (m, o) => shift(o.now, m[1], m[2], 1, o)],
  [new RegExp(String.raw`^${AMOUNT} ${UNIT} (ago|before now|from now|hence|later|after now)$`), (m, o) => shift(o.now, m[1], m[2], /ago|before/.test(m[3]) ? -1 : 1, o)],
  [new RegExp(String.raw`^${AMOUNT} ${UNIT} (before|after|from|since) (.+)$`), (m, o) => anchored(m, o)],
  [new RegExp(String.raw`^(next|last|previous|this) ${UNIT}$`), (m, o) => shift(o.now, '1', m[2], m[1] === 'next' ? 1 : m[1] === 'this' ? 0 : -1, o)],
  [/^(next|last|previous|this)? ?(sun|mon|tue|wed|thu|fri|sat)[a-z]*$/, (m, o) => weekday(m, o)],
];

function parseRelative(s: string, opts: TextParseOptions): ZonedTime | null {
  for (const [re, read] of RELATIVE) {
    const m = re.exec(s);
    if (m) return read(m, opts);
  }
  return null;
}

function amount(word: string): number {
  return WORD_NUMBERS[word] ?? Number(word);
}

function unitName(word: string): string | null {
  const short: Record<string, string> = { yr: 'y', yrs: 'y', mos: 'mo', wk: 'w', wks: 'w', hr: 'h', hrs: 'h', mins: 'min', secs: 'sec' };
  if (/^fortnights?$/.test(word)) return 'fortnight';
  return timeUnit(short[word] ?? word);
}

function shift(from: Date, n: string, unitWord: string, sign: number, opts: TextParseOptions): ZonedTime | null {
  const unit = unitName(unitWord);
  if (!unit) return null;
  const count = amount(n) * sign;
  const moved = unit === 'fortnight' ? addTime(from, count * 2, 'weeks') : addTime(from, count, unit);
  return inZone(moved, opts.zone);
}

function anchored(m: RegExpExecArray, opts: TextParseOptions): ZonedTime | null {
  const anchor = parseTimeText(m[4], opts);
  if (!anchor) return null;
  return shift(anchor, m[1], m[2], m[3] === 'before' ? -1 : 1, opts);
}

/** today/tomorrow/yesterday, at the given time or (Chronic) at noon; 'today' alone is now. */
function dayWord(m: RegExpExecArray, opts: TextParseOptions): ZonedTime | null {
  const w = wallClock(opts.now, opts.zone);
  const delta = m[1] === 'tomorrow' ? 1 : m[1] === 'yesterday' ? -1 : 0;
  const clock = m[2] !== undefined ? readClock(m.slice(2, 7)) : { hour: opts.dateOnlyHour, minute: 0, second: 0, ms: 0 };
  if (!clock) return null;
  return fromWallClock({ year: w.year, month: w.month, day: w.day + delta, ...clock }, opts.zone);
}

/** 'monday' and 'next monday' are the coming one, 'last monday' the previous one; at noon. */
function weekday(m: RegExpExecArray, opts: TextParseOptions): ZonedTime {
  const w = wallClock(opts.now, opts.zone);
  const target = WEEKDAYS.indexOf(m[2]);
  let delta = target - w.wday;
  if (m[1] === 'last' || m[1] === 'previous') delta = delta >= 0 ? delta - 7 : delta;
  else if (m[1] === 'this') delta = delta < 0 ? delta + 7 : delta;
  else delta = delta <= 0 ? delta + 7 : delta;
  return fromWallClock({ year: w.year, month: w.month, day: w.day + delta, hour: opts.dateOnlyHour }, opts.zone);
}

/**
 * Last resort for full date texts with an explicit zone (JavaScript's Date#toString form,
 * `Tue Mar 14 2016 10:00:00 GMT+0100`): the zone makes the reading independent of the
 * machine's local zone, which is why text without one never gets here.
 */
function parseWithExplicitZone(s: string, zone: Zone): ZonedTime | null {
  if (!/\d{4}/.test(s) || !/(GMT|UTC|Z\b|[+-]\d{4})/.test(s)) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : inZone(new Date(ms), zone);
}
