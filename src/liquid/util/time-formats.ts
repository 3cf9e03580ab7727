import { lookupTranslation, type Translations } from './translations.js';
import { ENGLISH_NAMES, type TimeNames } from './strftime.js';

/**
 * platformOS's built-in `en` formats, used when the app's translations do not define the
 * key. `time.formats.long` follows the localize example in filters.json
 * ('2010-01-01' | l => 'Fri, Jan 1, 2010 at 12:00'); the developer guide's Date Format page
 * lists an older '%a, %m/%d/%Y %H:%M', which that example contradicts. The other keys are the
 * ones that page lists, plus Rails' `default`.
 */
const DEFAULT_FORMATS: Record<'time' | 'date', Record<string, string>> = {
  time: {
    default: '%a, %d %b %Y %H:%M:%S %z',
    short: '%-H:%M',
    long: '%a, %b %-d, %Y at %H:%M',
    with_time_zone: '%m/%d/%Y %H:%M (%Z)',
    short_with_time_zone: '%-H:%M (%Z)',
    day_and_month: '%b %d',
    day_month_year: '%d-%m-%Y',
  },
  date: {
    default: '%Y-%m-%d',
    long: '%B %d, %Y',
    short: '%m/%d/%Y',
    day_and_month: '%b %d',
    day_month_year: '%d-%m-%Y',
    stripe: '%m-%d-%Y',
  },
};

/** Named formats of Liquid's `date: format: 'name'` (the names Shopify's Liquid documents). */
export const NAMED_DATE_FORMATS: Record<string, string> = {
  abbreviated_date: '%b %d, %Y',
  basic: '%m/%d/%Y',
  date: '%B %d, %Y',
  date_at_time: '%B %d, %Y at %-l:%M %P',
  default: '%a, %b %d, %Y at %-l:%M %P %z',
  month_day_year: '%B %d, %Y',
  on_date: 'on %b %d, %Y',
};

/**
 * The strftime format for a named format: `<scope>.formats.<name>` in the language, then in
 * 'en', then the built-in defaults. A name holding '%' is a format itself. Null if unknown.
 */
export function namedTimeFormat(translations: Translations, lang: string, scope: 'time' | 'date', name: string): string | null {
  for (const l of lang === 'en' ? ['en'] : [lang, 'en']) {
    const v = lookupTranslation(translations, l, `${scope}.formats.${name}`);
    if (typeof v === 'string') return v;
  }
  if (DEFAULT_FORMATS[scope][name] !== undefined) return DEFAULT_FORMATS[scope][name];
  return name.includes('%') ? name : null;
}

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Month and day names from the translations: platformOS's hashes (date.months.jan,
 * date.abbr_days.sun...) or Rails' arrays (date.month_names with a leading nil,
 * date.day_names), and time.am / time.pm. English for whatever is missing.
 */
export function timeNames(translations: Translations, lang: string): TimeNames {
  const get = (key: string) => lookupTranslation(translations, lang, key);
  const list = (hashKey: string, railsKey: string, keys: string[], fallback: readonly string[], skipFirst: boolean): string[] => {
    const hash = get(`date.${hashKey}`);
    const rails = get(`date.${railsKey}`);
    return keys.map((k, i) => {
      if (hash && typeof hash === 'object' && !Array.isArray(hash) && typeof (hash as Record<string, unknown>)[k] === 'string') {
        return (hash as Record<string, string>)[k];
      }
      if (Array.isArray(rails)) {
        const v = rails[skipFirst ? i + 1 : i];
        if (typeof v === 'string') return v;
      }
      return fallback[i];
    });
  };
  const am = get('time.am');
  const pm = get('time.pm');
  return {
    months: list('months', 'month_names', MONTH_KEYS, ENGLISH_NAMES.months, true),
    abbrMonths: list('abbr_months', 'abbr_month_names', MONTH_KEYS, ENGLISH_NAMES.abbrMonths, true),
    days: list('days', 'day_names', DAY_KEYS, ENGLISH_NAMES.days, false),
    abbrDays: list('abbr_days', 'abbr_day_names', DAY_KEYS, ENGLISH_NAMES.abbrDays, false),
    am: typeof am === 'string' ? am : ENGLISH_NAMES.am,
    pm: typeof pm === 'string' ? pm : ENGLISH_NAMES.pm,
  };
}
