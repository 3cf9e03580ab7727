/**
 * Time zones as platformOS (Rails) names them: IANA names ('Europe/Warsaw'), Rails names
 * ('Sydney', 'Eastern Time (US & Canada)'), 'UTC', offsets ('+02:00', '-0700') and numbers
 * (hours, or seconds when the magnitude is above 13, as the docs of to_time/strftime say).
 */
export interface Zone {
  /** The name the zone was given by (IANA name, or '+02:00' for a fixed offset). */
  readonly name: string;
  /** Minutes east of UTC at the given instant. */
  offsetAt(at: Date): number;
  /** Ruby %Z: the zone abbreviation at the given instant ('UTC', 'CEST', 'EDT', '+10'). */
  abbreviationAt(at: Date): string;
}

/** Rails' ActiveSupport::TimeZone names -> IANA zones. */
const RAILS_ZONES: Record<string, string> = {
  'International Date Line West': 'Etc/GMT+12', 'Midway Island': 'Pacific/Midway',
  'American Samoa': 'Pacific/Pago_Pago', Hawaii: 'Pacific/Honolulu', Alaska: 'America/Juneau',
  'Pacific Time (US & Canada)': 'America/Los_Angeles', Tijuana: 'America/Tijuana',
  'Mountain Time (US & Canada)': 'America/Denver', Arizona: 'America/Phoenix',
  Chihuahua: 'America/Chihuahua', Mazatlan: 'America/Mazatlan',
  'Central Time (US & Canada)': 'America/Chicago', Saskatchewan: 'America/Regina',
  Guadalajara: 'America/Mexico_City', 'Mexico City': 'America/Mexico_City', Monterrey: 'America/Monterrey',
  'Central America': 'America/Guatemala', 'Eastern Time (US & Canada)': 'America/New_York',
  'Indiana (East)': 'America/Indiana/Indianapolis', Bogota: 'America/Bogota', Lima: 'America/Lima',
  Quito: 'America/Lima', 'Atlantic Time (Canada)': 'America/Halifax', Caracas: 'America/Caracas',
  'La Paz': 'America/La_Paz', Santiago: 'America/Santiago', Newfoundland: 'America/St_Johns',
  Brasilia: 'America/Sao_Paulo', 'Buenos Aires': 'America/Argentina/Buenos_Aires',
  Montevideo: 'America/Montevideo', Georgetown: 'America/Guyana', 'Puerto Rico': 'America/Puerto_Rico',
  Greenland: 'America/Godthab', 'Mid-Atlantic': 'Atlantic/South_Georgia', Azores: 'Atlantic/Azores',
  'Cape Verde Is.': 'Atlantic/Cape_Verde', Dublin: 'Europe/Dublin', Edinburgh: 'Europe/London',
  Lisbon: 'Europe/Lisbon', London: 'Europe/London', Casablanca: 'Africa/Casablanca',
  Monrovia: 'Africa/Monrovia', UTC: 'Etc/UTC', Belgrade: 'Europe/Belgrade', Bratislava: 'Europe/Bratislava',
  Budapest: 'Europe/Budapest', Ljubljana: 'Europe/Ljubljana', Prague: 'Europe/Prague',
  Sarajevo: 'Europe/Sarajevo', Skopje: 'Europe/Skopje', Warsaw: 'Europe/Warsaw', Zagreb: 'Europe/Zagreb',
  Brussels: 'Europe/Brussels', Copenhagen: 'Europe/Copenhagen', Madrid: 'Europe/Madrid', Paris: 'Europe/Paris',
  Amsterdam: 'Europe/Amsterdam', Berlin: 'Europe/Berlin', Bern: 'Europe/Zurich', Zurich: 'Europe/Zurich',
  Rome: 'Europe/Rome', Stockholm: 'Europe/Stockholm', Vienna: 'Europe/Vienna',
  'West Central Africa': 'Africa/Algiers', Bucharest: 'Europe/Bucharest', Cairo: 'Africa/Cairo',
  Helsinki: 'Europe/Helsinki', Kyiv: 'Europe/Kiev', Riga: 'Europe/Riga', Sofia: 'Europe/Sofia',
  Tallinn: 'Europe/Tallinn', Vilnius: 'Europe/Vilnius', Athens: 'Europe/Athens', Istanbul: 'Europe/Istanbul',
  Minsk: 'Europe/Minsk', Jerusalem: 'Asia/Jerusalem', Harare: 'Africa/Harare', Pretoria: 'Africa/Johannesburg',
  Kaliningrad: 'Europe/Kaliningrad', Moscow: 'Europe/Moscow', 'St. Petersburg': 'Europe/Moscow',
  Volgograd: 'Europe/Volgograd', Samara: 'Europe/Samara', Kuwait: 'Asia/Kuwait', Riyadh: 'Asia/Riyadh',
  Nairobi: 'Africa/Nairobi', Baghdad: 'Asia/Baghdad', Tehran: 'Asia/Tehran', 'Abu Dhabi': 'Asia/Muscat',
  Muscat: 'Asia/Muscat', Baku: 'Asia/Baku', Tbilisi: 'Asia/Tbilisi', Yerevan: 'Asia/Yerevan', Kabul: 'Asia/Kabul',
  Ekaterinburg: 'Asia/Yekaterinburg', Islamabad: 'Asia/Karachi', Karachi: 'Asia/Karachi',
  Tashkent: 'Asia/Tashkent', Chennai: 'Asia/Kolkata', Kolkata: 'Asia/Kolkata', Mumbai: 'Asia/Kolkata',
  'New Delhi': 'Asia/Kolkata', Kathmandu: 'Asia/Kathmandu', Astana: 'Asia/Dhaka', Dhaka: 'Asia/Dhaka',
  'Sri Jayawardenepura': 'Asia/Colombo', Almaty: 'Asia/Almaty', Novosibirsk: 'Asia/Novosibirsk',
  Rangoon: 'Asia/Rangoon', Bangkok: 'Asia/Bangkok', Hanoi: 'Asia/Bangkok', Jakarta: 'Asia/Jakarta',
  Krasnoyarsk: 'Asia/Krasnoyarsk', Beijing: 'Asia/Shanghai', Chongqing: 'Asia/Chongqing',
  'Hong Kong': 'Asia/Hong_Kong', Urumqi: 'Asia/Urumqi', 'Kuala Lumpur': 'Asia/Kuala_Lumpur',
  Singapore: 'Asia/Singapore', Taipei: 'Asia/Taipei', Perth: 'Australia/Perth', Irkutsk: 'Asia/Irkutsk',
  Ulaanbaatar: 'Asia/Ulaanbaatar', Seoul: 'Asia/Seoul', Osaka: 'Asia/Tokyo', Sapporo: 'Asia/Tokyo',
  Tokyo: 'Asia/Tokyo', Yakutsk: 'Asia/Yakutsk', Darwin: 'Australia/Darwin', Adelaide: 'Australia/Adelaide',
  Canberra: 'Australia/Melbourne', Melbourne: 'Australia/Melbourne', Sydney: 'Australia/Sydney',
  Brisbane: 'Australia/Brisbane', Hobart: 'Australia/Hobart', Vladivostok: 'Asia/Vladivostok',
  Guam: 'Pacific/Guam', 'Port Moresby': 'Pacific/Port_Moresby', Magadan: 'Asia/Magadan',
  Srednekolymsk: 'Asia/Srednekolymsk', 'Solomon Is.': 'Pacific/Guadalcanal', 'New Caledonia': 'Pacific/Noumea',
  Fiji: 'Pacific/Fiji', Kamchatka: 'Asia/Kamchatka', 'Marshall Is.': 'Pacific/Majuro',
  Auckland: 'Pacific/Auckland', Wellington: 'Pacific/Auckland', "Nuku'alofa": 'Pacific/Tongatapu',
  'Tokelau Is.': 'Pacific/Fakaofo', 'Chatham Is.': 'Pacific/Chatham', Samoa: 'Pacific/Apia',
};

/** ±HH:MM, ±HHMM or ±HH as Ruby prints it for zones without a letter abbreviation. */
export function formatOffset(minutes: number, colon = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

class FixedZone implements Zone {
  constructor(readonly name: string, private readonly minutes: number, private readonly abbr: string) {}
  offsetAt(): number {
    return this.minutes;
  }
  abbreviationAt(): string {
    return this.abbr;
  }
}

/** An IANA zone, read through Intl (Node ships the full ICU time zone data). */
class IanaZone implements Zone {
  private readonly offsetFormat: Intl.DateTimeFormat;
  private readonly abbrFormats: Intl.DateTimeFormat[];
  constructor(readonly name: string) {
    this.offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    // en-US knows the American abbreviations, en-GB the European ones (CEST, BST).
    this.abbrFormats = ['en-US', 'en-GB'].map((l) => new Intl.DateTimeFormat(l, { timeZone: name, timeZoneName: 'short' }));
  }
  offsetAt(at: Date): number {
    const text = zonePart(this.offsetFormat, at);
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
    if (!m) return 0;
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    return m[1] === '-' ? -minutes : minutes;
  }
  abbreviationAt(at: Date): string {
    for (const f of this.abbrFormats) {
      const abbr = zonePart(f, at);
      if (abbr === 'UTC' || !/^GMT/.test(abbr)) return abbr;
    }
    // tzdata names zones without a letter abbreviation by their offset ('+10', '+0530').
    const off = this.offsetAt(at);
    return off % 60 === 0 ? formatOffset(off).slice(0, 3) : formatOffset(off, false);
  }
}

function zonePart(format: Intl.DateTimeFormat, at: Date): string {
  return format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

export const UTC: Zone = new FixedZone('UTC', 0, 'UTC');

const cache = new Map<string, Zone>();

/** A fixed-offset zone, as a parsed '+02:00' gives. */
export function fixedZone(minutes: number): Zone {
  return minutes === 0 ? UTC : new FixedZone(formatOffset(minutes), minutes, formatOffset(minutes));
}

/**
 * Reads a zone argument. null/undefined/'' mean the instance zone (UTC). Returns null for a
 * name no zone has, so the caller can say which argument was wrong.
 */
export function resolveZone(value: unknown): Zone | null {
  if (value === null || value === undefined || value === '') return UTC;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return fixedZone(Math.round(Math.abs(value) > 13 ? value / 60 : value * 60));
  }
  const text = String(value).trim();
  if (text === '') return UTC;
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return resolveZone(Number(text));
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(text);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return fixedZone(offset[1] === '-' ? -minutes : minutes);
  }
  if (/^(utc|gmt|z|etc\/utc)$/i.test(text)) return UTC;
  const cached = cache.get(text);
  if (cached) return cached;
  const iana = RAILS_ZONES[text] ?? text;
  try {
    const zone = new IanaZone(iana);
    cache.set(text, zone);
    return zone;
  } catch {
    return null;
  }
}
