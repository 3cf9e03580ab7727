import { fixedZone, resolveZone, type Zone } from './time-zone.js';
import { fromWallClock, inZone, ZonedTime } from './ruby-time.js';
import { ENGLISH_NAMES } from './strftime.js';

type Setter = (v: string, f: Parsed) => void;
interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  yday?: number;
  hour?: number;
  minute?: number;
  second?: number;
  ms?: number;
  pm?: boolean;
  zone?: Zone | null;
  epoch?: number;
}

const names = (list: readonly string[]) => list.map((n) => n.toLowerCase());
const MONTHS = names(ENGLISH_NAMES.months);
const ABBR_MONTHS = names(ENGLISH_NAMES.abbrMonths);

const num = (key: keyof Parsed, digits: string): [string, Setter] => [`([+-]?\\d{${digits}})`, (v, f) => { (f as Record<string, number>)[key] = Number(v); }];

/** strptime conversions: the text each reads and where it puts it. */
const CONVERSIONS: Record<string, [string, Setter]> = {
  Y: num('year', '1,5'),
  y: ['(\\d{1,2})', (v, f) => { f.year = Number(v) < 69 ? 2000 + Number(v) : 1900 + Number(v); }],
  m: num('month', '1,2'),
  d: num('day', '1,2'),
  e: ['\\s?(\\d{1,2})', (v, f) => { f.day = Number(v); }],
  j: num('yday', '1,3'),
  H: num('hour', '1,2'),
  k: ['\\s?(\\d{1,2})', (v, f) => { f.hour = Number(v); }],
  I: num('hour', '1,2'),
  l: ['\\s?(\\d{1,2})', (v, f) => { f.hour = Number(v); }],
  M: num('minute', '1,2'),
  S: num('second', '1,2'),
  L: ['(\\d+)', (v, f) => { f.ms = Math.floor(Number(`0.${v}`) * 1000); }],
  N: ['(\\d+)', (v, f) => { f.ms = Math.floor(Number(`0.${v}`) * 1000); }],
  p: ['([AaPp]\\.?[Mm]\\.?)', (v, f) => { f.pm = /^p/i.test(v); }],
  P: ['([AaPp]\\.?[Mm]\\.?)', (v, f) => { f.pm = /^p/i.test(v); }],
  B: ['([A-Za-z]+)', (v, f) => { f.month = monthOf(v); }],
  b: ['([A-Za-z]+)', (v, f) => { f.month = monthOf(v); }],
  h: ['([A-Za-z]+)', (v, f) => { f.month = monthOf(v); }],
  A: ['[A-Za-z]+', () => undefined],
  a: ['[A-Za-z]+', () => undefined],
  z: ['(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|UTC|GMT)', (v, f) => { f.zone = zoneText(v); }],
  Z: ['([A-Za-z_/+-]+(?::?\\d{2})?)', (v, f) => { f.zone = zoneText(v); }],
  s: ['(-?\\d+)', (v, f) => { f.epoch = Number(v); }],
};
const COMPOSITE: Record<string, string> = { T: '%H:%M:%S', F: '%Y-%m-%d', D: '%m/%d/%y', R: '%H:%M', r: '%I:%M:%S %p', c: '%a %b %e %H:%M:%S %Y', x: '%m/%d/%y', X: '%H:%M:%S' };

function monthOf(v: string): number {
  const s = v.toLowerCase();
  const i = MONTHS.indexOf(s);
  return (i >= 0 ? i : ABBR_MONTHS.indexOf(s.slice(0, 3))) + 1;
}

function zoneText(v: string): Zone | null {
  if (/^z$/i.test(v)) return resolveZone('UTC');
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(v);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    return fixedZone(m[1] === '-' ? -minutes : minutes);
  }
  return resolveZone(v);
}

/** Thrown for a format directive strptime does not know (the caller names the filter). */
export class StrptimeFormatError extends Error {}

/**
 * Ruby's DateTime.strptime: reads `text` exactly as `format` describes it (whitespace in the
 * format matches any run of whitespace). Missing fields default to January 1st, midnight;
 * text without a zone is read in `zone`. Returns null when the text does not fit.
 */
export function strptime(text: string, format: string, zone: Zone): ZonedTime | null {
  const setters: Setter[] = [];
  let source = '';
  const expanded = format.replace(/%([TFDRrcxX])/g, (_w, c: string) => COMPOSITE[c]);
  for (let i = 0; i < expanded.length; i++) {
    const ch = expanded[i];
    if (ch === '%' && i + 1 < expanded.length) {
      let conv = expanded[++i];
      while (/[-_0^#:\d]/.test(conv) && i + 1 < expanded.length) conv = expanded[++i];
      if (conv === '%') source += '%';
      else if (conv === 'n' || conv === 't') source += '\\s+';
      else {
        const c = CONVERSIONS[conv];
        if (!c) throw new StrptimeFormatError(`unknown directive %${conv}`);
        source += c[0];
        if (c[0].includes('(')) setters.push(c[1]);
      }
    } else if (/\s/.test(ch)) source += '\\s*';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const m = new RegExp(`^\\s*${source}\\s*$`, 'i').exec(text);
  if (!m) return null;
  const f: Parsed = {};
  setters.forEach((set, i) => set(m[i + 1], f));
  if (f.zone === null) return null;
  const z = f.zone ?? zone;
  if (f.epoch !== undefined) return inZone(new Date(f.epoch * 1000), z);
  let hour = f.hour ?? 0;
  if (f.pm !== undefined) hour = (hour % 12) + (f.pm ? 12 : 0);
  const month = f.month ?? 1;
  const day = f.yday !== undefined && f.month === undefined ? f.yday : (f.day ?? 1);
  const year = f.year ?? new Date().getUTCFullYear();
  const lastDay = f.yday !== undefined && f.month === undefined ? 366 : new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay || hour > 24 || (f.minute ?? 0) > 59 || (f.second ?? 0) > 60) return null;
  const t = fromWallClock({ year, month, day, hour, minute: f.minute, second: f.second, ms: f.ms }, z);
  return z === zone ? t : inZone(t, z);
}
