import { formatOffset, type Zone } from './time-zone.js';
import { wallClock, zoneOf, type WallClock } from './ruby-time.js';

/** Month and day names; localize passes the app's translations, everything else English. */
export interface TimeNames {
  months: readonly string[];
  abbrMonths: readonly string[];
  days: readonly string[];
  abbrDays: readonly string[];
  am: string;
  pm: string;
}

export const ENGLISH_NAMES: TimeNames = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  abbrMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  abbrDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  am: 'AM',
  pm: 'PM',
};

export interface StrftimeOptions {
  /** Zone to show the time in; default the time's own zone (UTC for a plain Date). */
  zone?: Zone;
  names?: TimeNames;
}

/** Conversions that expand to other formats, as Ruby defines them. */
const COMPOSITE: Record<string, string> = {
  c: '%a %b %e %H:%M:%S %Y',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  v: '%e-%^b-%4Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

const DIRECTIVE = /%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g;

interface Ctx {
  date: Date;
  w: WallClock;
  zone: Zone;
  names: TimeNames;
}

/**
 * Ruby's Time#strftime: flags (- no padding, _ spaces, 0 zeros, ^ upcase, # swap case),
 * widths (%10A, %3N), %s epoch seconds, %N fractions, %:z, %-d, %l, %P and the rest.
 * Unknown conversions are printed as written, as Ruby does.
 */
export function strftime(date: Date, format: string, opts: StrftimeOptions = {}): string {
  const zone = opts.zone ?? zoneOf(date);
  const ctx: Ctx = { date, w: wallClock(date, zone), zone, names: opts.names ?? ENGLISH_NAMES };
  return expand(ctx, format);
}

function expand(ctx: Ctx, format: string): string {
  return format.replace(DIRECTIVE, (whole, flags: string, width: string, colons: string, conv: string) => {
    const out = convert(ctx, flags, width, colons, conv);
    return out ?? whole;
  });
}

function convert(ctx: Ctx, flags: string, width: string, colons: string, conv: string): string | null {
  const { w, names } = ctx;
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const num = (n: number, len: number, padChar = '0') => pad(String(n), flags, width, len, padChar);
  const text = (s: string) => pad(caseFlags(s, flags), flags, width, 0, ' ');
  if (colons && conv !== 'z') return null;
  switch (conv) {
    case 'Y': return num(w.year, w.year < 0 ? 5 : 4);
    case 'C': return num(Math.floor(w.year / 100), 2);
    case 'y': return num(((w.year % 100) + 100) % 100, 2);
    case 'm': return num(w.month, 2);
    case 'B': return text(names.months[w.month - 1]);
    case 'b':
    case 'h': return text(names.abbrMonths[w.month - 1]);
    case 'd': return num(w.day, 2);
    case 'e': return num(w.day, 2, ' ');
    case 'j': return num(w.yday, 3);
    case 'H': return num(w.hour, 2);
    case 'k': return num(w.hour, 2, ' ');
    case 'I': return num(hour12, 2);
    case 'l': return num(hour12, 2, ' ');
    case 'P': return text((w.hour < 12 ? names.am : names.pm).toLowerCase());
    case 'p':
      // Ruby: %#p is lowercase, not swapped.
      return flags.includes('#') ? pad((w.hour < 12 ? names.am : names.pm).toLowerCase(), flags, width, 0, ' ') : text(w.hour < 12 ? names.am : names.pm);
    case 'M': return num(w.minute, 2);
    case 'S': return num(w.second, 2);
    case 'L': return fraction(ctx, width || '3');
    case 'N': return fraction(ctx, width || '9');
    case 'z': return zoneOffset(w.offset, colons, flags, width);
    case 'Z': return text(ctx.zone.abbreviationAt(ctx.date));
    case 'A': return text(names.days[w.wday]);
    case 'a': return text(names.abbrDays[w.wday]);
    case 'u': return num(w.wday === 0 ? 7 : w.wday, 1);
    case 'w': return num(w.wday, 1);
    case 'U': return num(Math.floor((w.yday - 1 - w.wday + 7) / 7), 2);
    case 'W': return num(Math.floor((w.yday - 1 - ((w.wday + 6) % 7) + 7) / 7), 2);
    case 'G': return num(isoWeek(w).year, 4);
    case 'g': return num(isoWeek(w).year % 100, 2);
    case 'V': return num(isoWeek(w).week, 2);
    case 's': return num(Math.floor(ctx.date.getTime() / 1000), 1);
    case 'Q': return num(ctx.date.getTime(), 1);
    case 'n': return '\n';
    case 't': return '\t';
    case '%': return '%';
    default: {
      const composite = COMPOSITE[conv];
      if (composite === undefined) return null;
      return pad(caseFlags(expand(ctx, composite), flags), flags, width, 0, ' ');
    }
  }
}

/** Fractional seconds to `digits` places (JS times stop at milliseconds; the rest is zeros). */
function fraction(ctx: Ctx, digits: string): string {
  const n = Number(digits);
  return String(ctx.w.ms).padStart(3, '0').padEnd(n, '0').slice(0, n);
}

function zoneOffset(offset: number, colons: string, flags: string, width: string): string {
  let s = formatOffset(offset, colons.length > 0);
  if (colons.length === 2) s += ':00';
  if (flags.includes('-')) s = s.replace(/^([+-])0/, '$1');
  return width ? s.padStart(Number(width), flags.includes('_') ? ' ' : '0') : s;
}

function caseFlags(s: string, flags: string): string {
  if (flags.includes('^')) return s.toUpperCase();
  if (flags.includes('#')) return s === s.toUpperCase() ? s.toLowerCase() : s.toUpperCase();
  return s;
}

/** Ruby's padding rules: `-` none, `_` spaces, `0` zeros, a width overrides the default length. */
function pad(s: string, flags: string, width: string, defaultLen: number, defaultChar: string): string {
  if (flags.includes('-')) return s;
  const len = width ? Number(width) : defaultLen;
  const ch = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : defaultChar;
  if (s.length >= len) return s;
  if (ch === '0' && s.startsWith('-')) return '-' + s.slice(1).padStart(len - 1, '0');
  return s.padStart(len, ch);
}

/** ISO 8601 week number and week-based year. */
function isoWeek(w: WallClock): { year: number; week: number } {
  const isoDay = w.wday === 0 ? 7 : w.wday;
  const thursday = Date.UTC(w.year, w.month - 1, w.day + 4 - isoDay);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return { year, week };
}
