import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

const ISO = '%Y-%m-%d %H:%M:%S';

describe('date_add / add_to_date (docs examples)', () => {
  for (const name of ['date_add', 'add_to_date']) {
    it(`${name}: one day, one month, as a Date`, async () => {
      expect(await render(`{{ '2010-01-01' | ${name}: 1 | date: '%Y-%m-%d' }}`)).toBe('2010-01-02');
      expect(await render(`{{ '2010-01-01' | ${name}: 1, 'mo' | date: '%Y-%m-%d' }}`)).toBe('2010-02-01');
      expect(await render(`{{ '2010-01-01' | ${name}: 1 | type_of }}`)).toBe('Date');
    });
  }
  it('defaults to one day; strings and fractions are numbers (truncated)', async () => {
    expect(await render(`{{ '2010-01-01' | date_add | date: '%F' }}`)).toBe('2010-01-02');
    expect(await render(`{{ '2010-01-01' | date_add: '3' | date: '%F' }}`)).toBe('2010-01-04');
    expect(await render(`{{ '2010-01-01' | date_add: 2.9, 'd' | date: '%F' }}`)).toBe('2010-01-03');
  });
  it('a clock unit on a date gives a time', async () => {
    expect(await render(`{{ '2010-01-01' | date_add: 5, 'h' | strftime: '${ISO}' }}`)).toBe('2010-01-01 05:00:00');
  });
  it('rejects bad input, numbers and units', async () => {
    await expect(render(`{{ 'not a date' | date_add: 1 }}`)).rejects.toThrow(/date_add: cannot read "not a date" \(input\) as a time/);
    await expect(render(`{{ '2010-01-01' | date_add: 'x' }}`)).rejects.toThrow(/date_add: number \(argument 1\) must be a number/);
    await expect(render(`{{ '2010-01-01' | date_add: 1, 'fortnights' }}`)).rejects.toThrow(/date_add: unknown unit "fortnights" \(argument 2\)/);
  });
});

describe('add_to_time', () => {
  it('adds every unit, long names too, defaulting to 1 day', async () => {
    const cases: Array<[string, string]> = [
      ['', '2010-01-02 08:00:00'],
      [`: 1, 'y'`, '2011-01-01 08:00:00'],
      [`: 2, 'years'`, '2012-01-01 08:00:00'],
      [`: 1, 'mo'`, '2010-02-01 08:00:00'],
      [`: 1, 'w'`, '2010-01-08 08:00:00'],
      [`: 3, 'h'`, '2010-01-01 11:00:00'],
      [`: 30, 'm'`, '2010-01-01 08:30:00'],
      [`: -5, 's'`, '2010-01-01 07:59:55'],
    ];
    for (const [args, expected] of cases) {
      expect(await render(`{{ '2010-01-01 08:00' | add_to_time${args} | strftime: '${ISO}' }}`)).toBe(expected);
    }
  });
  it('months clamp to the end of the month, as Ruby does', async () => {
    expect(await render(`{{ '2012-01-31 10:00' | add_to_time: 1, 'mo' | strftime: '%F' }}`)).toBe('2012-02-29');
  });
  it('days keep the wall clock across a DST change in the time zone', async () => {
    const t = `{% assign t = '2018-03-24 12:00' | to_time: 'Europe/Warsaw' | add_to_time: 1, 'd' %}`;
    expect(await render(`${t}{{ t | strftime: '%F %H:%M', 'Europe/Warsaw' }}`)).toBe('2018-03-25 12:00');
  });
  it('epoch seconds are times', async () => {
    expect(await render(`{{ 0 | add_to_time: 1, 'h' | strftime: '${ISO}' }}`)).toBe('1970-01-01 01:00:00');
  });
  it('rejects unknown units naming the argument', async () => {
    await expect(render(`{{ 'now' | add_to_time: 1, 'q' }}`)).rejects.toThrow(/add_to_time: unknown unit "q" \(argument 2\); use y, mo, w, d, h, m or s/);
    await expect(render(`{{ nil | add_to_time: 1 }}`)).rejects.toThrow(/add_to_time: cannot read/);
  });
});

describe('strftime (docs examples)', () => {
  const t = `'2018-05-30T09:12:34.000-07:00'`;
  it('no zone: the instance zone (UTC)', async () => {
    expect(await render(`{{ ${t} | strftime: '%Y-%m-%d %H:%M' }}`)).toBe('2018-05-30 16:12');
  });
  it('formats a time from to_time', async () => {
    expect(await render(`{% assign time = '2010-01-01 08:00' | to_time %}{{ time | strftime: "%Y-%m-%d" }}`)).toBe('2010-01-01');
  });
  it('zone names: IANA and Rails names', async () => {
    expect(await render(`{{ ${t} | strftime: '%Y-%m-%d %H:%M', 'Europe/Warsaw' }}`)).toBe('2018-05-30 18:12');
    expect(await render(`{{ ${t} | strftime: '%Y-%m-%d %H:%M', 'America/New_York' }}`)).toBe('2018-05-30 12:12');
    expect(await render(`{{ ${t} | strftime: '%Y-%m-%d %H:%M', 'Sydney' }}`)).toBe('2018-05-31 02:12');
    expect(await render(`{{ ${t} | strftime: '%Y-%m-%d %H:%M', 'Pacific/Apia' }}`)).toBe('2018-05-31 05:12');
  });
  it('numeric zones: hours, or seconds above 13', async () => {
    expect(await render(`{{ ${t} | strftime: '%H:%M %z', 2 }}`)).toBe('18:12 +0200');
    expect(await render(`{{ ${t} | strftime: '%H:%M %:z', -19800 }}`)).toBe('10:42 -05:30');
    expect(await render(`{{ ${t} | strftime: '%H:%M %Z', '+05:30' }}`)).toBe('21:42 +05:30');
  });
  it('`now` argument anchors relative text (localize docs example)', async () => {
    expect(await render(`{{ 'in 14 days' | strftime: '%B %d, %Y', '', '2011-03-01' }}`)).toBe('March 15, 2011');
  });
  it('nil gives nothing; bad arguments are errors', async () => {
    expect(await render(`[{{ nil | strftime: '%Y' }}]`)).toBe('[]');
    await expect(render(`{{ 'yesterday-ish' | strftime: '%Y' }}`)).rejects.toThrow(/strftime: cannot read "yesterday-ish" \(input\) as a time/);
    await expect(render(`{{ 'now' | strftime: '%Y', 'Mars/Olympus' }}`)).rejects.toThrow(/strftime: unknown time zone "Mars\/Olympus" \(argument 2\)/);
    await expect(render(`{{ 'now' | strftime: 5 }}`)).rejects.toThrow(/strftime: format \(argument 1\) must be a string/);
  });
});

describe('Ruby strftime directives', () => {
  // 2017-07-14 02:40:00.123 UTC, a Friday, day 195 of the year.
  const at = `{{ t | strftime: FMT }}`;
  const t = new Date('2017-07-14T02:40:00.123Z');
  const cases: Array<[string, string]> = [
    ['%s', '1500000000'],
    ['%Q', '1500000000123'],
    ['%-d/%-m %e|%k|%l|%I', '14/7 14| 2| 2|02'],
    ['%P %p %#p', 'am AM am'],
    ['%j %U %W %V %G %u %w', '195 28 28 28 2017 5 5'],
    ['%L %N %3N %6N', '123 123000000 123 123000'],
    ['%z %:z %::z %Z', '+0000 +00:00 +00:00:00 UTC'],
    ['%A %a %^a %B %b %^B %h', 'Friday Fri FRI July Jul JULY Jul'],
    ['%10A|%-10A|%_5d|%05e', '    Friday|Friday|   14|00014'],
    ['%C %y %D %F %T %R %r', '20 17 07/14/17 2017-07-14 02:40:00 02:40 02:40:00 AM'],
    ['%c', 'Fri Jul 14 02:40:00 2017'],
    ['%v', '14-JUL-2017'],
    ['100%% %n%t%Ex', '100% \n\t%Ex'],
  ];
  for (const [fmt, expected] of cases) {
    it(fmt, async () => {
      expect(await render(at, { t, FMT: fmt })).toBe(expected);
    });
  }
});

describe('date (Liquid, Ruby strftime)', () => {
  it('docs page examples: date text and epoch seconds', async () => {
    expect(await render(`{{ "March 14, 2016" | date: "%b %d, %y" }}`)).toBe('Mar 14, 16');
    expect(await render(`{{ 1500000000 | date: '%F %T' }}`)).toBe('2017-07-14 02:40:00');
    expect(await render(`{{ '1500000000' | date: '%s' }}`)).toBe('1500000000');
  });
  it('text keeps its own offset (Time.parse)', async () => {
    expect(await render(`{{ '2018-05-30T09:12:34-07:00' | date: '%H:%M %z' }}`)).toBe('09:12 -0700');
  });
  it('a date without time is midnight', async () => {
    expect(await render(`{{ '2010-01-01' | date: '%H:%M' }}`)).toBe('00:00');
  });
  it('named formats (format: keyword)', async () => {
    const t = new Date('2018-12-31T15:04:00Z');
    expect(await render(`{{ t | date: format: 'abbreviated_date' }}`, { t })).toBe('Dec 31, 2018');
    expect(await render(`{{ t | date: format: 'month_day_year' }}`, { t })).toBe('December 31, 2018');
  });
  it('as in Liquid: empty format or an input that is no time returns the input', async () => {
    expect(await render(`{{ 'foo' | date: '%Y' }}`)).toBe('foo');
    expect(await render(`{{ '2010-01-01' | date: '' }}`)).toBe('2010-01-01');
    expect(await render(`[{{ nil | date: '%Y' }}]`)).toBe('[]');
  });
});

describe('relative to now', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2017-04-15T15:21:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('to_time docs examples against 2017-04-15 15:21:00', async () => {
    expect(await render(`{{ 'today' | to_time | strftime: '${ISO}' }}`)).toBe('2017-04-15 15:21:00');
    expect(await render(`{{ 'today' | to_time: 'UTC' | strftime: '${ISO}' }}`)).toBe('2017-04-15 15:21:00');
    expect(await render(`{{ '1 day ago' | to_time | strftime: '${ISO}' }}`)).toBe('2017-04-14 15:21:00');
    // The docs print 2017-04-19, four days on: five days from the 15th is the 20th.
    expect(await render(`{{ '5 days from now' | to_time | strftime: '${ISO}' }}`)).toBe('2017-04-20 15:21:00');
  });
  it('natural language', async () => {
    const cases: Array<[string, string]> = [
      ['now', '2017-04-15 15:21:00'],
      ['in 10 minutes', '2017-04-15 15:31:00'],
      ['3 days ago', '2017-04-12 15:21:00'],
      ['an hour ago', '2017-04-15 14:21:00'],
      ['two weeks from now', '2017-04-29 15:21:00'],
      ['1 month ago', '2017-03-15 15:21:00'],
      ['next year', '2018-04-15 15:21:00'],
      ['tomorrow', '2017-04-16 12:00:00'],
      ['yesterday at 8:30', '2017-04-14 08:30:00'],
      ['tomorrow 5pm', '2017-04-16 17:00:00'],
      ['monday', '2017-04-17 12:00:00'],
      ['last friday', '2017-04-14 12:00:00'],
      ['2 hours after 2020-01-01 10:00', '2020-01-01 12:00:00'],
    ];
    for (const [text, expected] of cases) {
      expect(await render(`{{ t | to_time | strftime: '${ISO}' }}`, { t: text }), text).toBe(expected);
    }
  });
  it('add_to_time docs examples (now plus one week, three months)', async () => {
    expect(await render(`{{ 'now' | add_to_time: 1, 'w' | strftime: '${ISO}' }}`)).toBe('2017-04-22 15:21:00');
    expect(await render(`{{ 'now' | add_to_time: 3, 'mo' | strftime: '${ISO}' }}`)).toBe('2017-07-15 15:21:00');
  });
  it('time_diff docs examples', async () => {
    expect(await render(`{% assign result = 'now' | time_diff: 'in 5 minutes', 'd' %}{{ result }}`)).toBe('0.003');
    expect(await render(`{% assign m = 'now' | time_diff: '2017-04-16 00:00', 'm' %}{{ m }}`)).toBe('519');
  });
  it('is_date_before / date_before docs examples', async () => {
    for (const name of ['is_date_before', 'date_before']) {
      expect(await render(`{{ '2010-01-02' | ${name}: '2010-01-03' }}`)).toBe('true');
      expect(await render(`{{ '6 months ago' | ${name}: '2010-01-03' }}`)).toBe('false');
      expect(await render(`{{ '1 day ago' | ${name}: 'now' }}`)).toBe('true');
    }
  });
  it('date takes now and today', async () => {
    expect(await render(`{{ 'now' | date: '%Y-%m-%d %H:%M' }}`)).toBe('2017-04-15 15:21');
    expect(await render(`{{ 'today' | date: '%B %d, %Y' }}`)).toBe('April 15, 2017');
  });
});

describe('to_time', () => {
  it('docs: strptime format, and `now` read as Chronic reads a date (noon)', async () => {
    expect(await render(`{{ '2010:01:01' | to_time: '', '%Y:%m:%d' | strftime: '${ISO}' }}`)).toBe('2010-01-01 00:00:00');
    expect(await render(`{{ '5 days from now' | to_time: '', '', '2019-10-01' | strftime: '${ISO} %Z' }}`)).toBe('2019-10-06 12:00:00 UTC');
  });
  it('reads text without a zone in the zone given', async () => {
    expect(await render(`{{ '2010-01-01 08:00' | to_time: 'Europe/Warsaw' | strftime: '%H:%M %z', 'UTC' }}`)).toBe('07:00 +0000');
    expect(await render(`{{ '2010-01-01 08:00' | to_time: 'Europe/Warsaw' | strftime: '%H:%M %Z' }}`)).toBe('08:00 CET');
  });
  it('date formats', async () => {
    const cases: Array<[string, string]> = [
      ['2010-01-01T08:00:00Z', '2010-01-01 08:00:00'],
      ['2010-01-01 08:00:00 +0200', '2010-01-01 06:00:00'],
      ['Tue, 14 Mar 2016 10:00:00 GMT', '2016-03-14 10:00:00'],
      ['March 14, 2016 3:15 pm', '2016-03-14 15:15:00'],
      ['14 March 2016', '2016-03-14 12:00:00'],
      ['03/14/2016', '2016-03-14 12:00:00'],
      ['14.03.2016 10:00', '2016-03-14 10:00:00'],
      ['2021/2', '2021-02-01 12:00:00'],
      ['1500000000', '2017-07-14 02:40:00'],
    ];
    for (const [text, expected] of cases) {
      expect(await render(`{{ t | to_time | strftime: '${ISO}', 'UTC' }}`, { t: text }), text).toBe(expected);
    }
  });
  it('nil and blank give nil', async () => {
    expect(await render(`[{{ nil | to_time }}{{ '' | to_time }}]`)).toBe('[]');
  });
  it('errors name the argument', async () => {
    await expect(render(`{{ 'foo' | to_time }}`)).rejects.toThrow(/to_time: cannot read "foo" \(input\) as a time/);
    await expect(render(`{{ '2021-02-30' | to_time }}`)).rejects.toThrow(/to_time: cannot read "2021-02-30"/);
    await expect(render(`{{ '2010' | to_time: '', '%Y-%m' }}`)).rejects.toThrow(/to_time: cannot read "2010" \(input\)/);
    await expect(render(`{{ '2010' | to_time: '', '%Y %Q' }}`)).rejects.toThrow(/to_time: format: unknown directive %Q/);
    await expect(render(`{{ 'now' | to_time: 'Nowhere' }}`)).rejects.toThrow(/to_time: unknown time zone "Nowhere" \(argument 1\)/);
    await expect(render(`{{ 'in 5 days' | to_time: '', '', 'soon' }}`)).rejects.toThrow(/to_time: cannot read "soon" \(`now` argument\)/);
  });
});

describe('to_date', () => {
  it('docs example: the day of the time', async () => {
    expect(await render(`{{ '2010-01-01 8:00:00' | to_date | date: '%Y-%m-%d' }}`)).toBe('2010-01-01');
    expect(await render(`{{ '2010-01-01 8:00:00' | to_date | type_of }}`)).toBe('Date');
  });
  it('rejects what is no time', async () => {
    await expect(render(`{{ 'nope' | to_date }}`)).rejects.toThrow(/to_date: cannot read "nope" \(input\) as a time/);
  });
});

describe('time_diff', () => {
  const a = `'2010-01-01 00:00'`;
  it('units and precision', async () => {
    expect(await render(`{{ ${a} | time_diff: '2010-01-01 01:30' }}`)).toBe('5400000');
    expect(await render(`{{ ${a} | time_diff: '2010-01-01 01:30', 'h' }}`)).toBe('1.5');
    expect(await render(`{{ ${a} | time_diff: '2010-01-01 00:00:10', 'minutes', 2 }}`)).toBe('0.17');
    expect(await render(`{{ ${a} | time_diff: '2010-01-03 00:00', 'days' }}`)).toBe('2');
    expect(await render(`{{ '2010-01-01 01:00' | time_diff: ${a}, 's' }}`)).toBe('-3600');
  });
  it('an unknown unit means milliseconds, as documented', async () => {
    expect(await render(`{{ ${a} | time_diff: '2010-01-01 00:00:01', 'fortnight' }}`)).toBe('1000');
  });
  it('precision must be whole; times must parse', async () => {
    await expect(render(`{{ ${a} | time_diff: 'now', 'd', 1.5 }}`)).rejects.toThrow(/time_diff: precision \(argument 3\) must be a whole number/);
    await expect(render(`{{ ${a} | time_diff: 'whenever' }}`)).rejects.toThrow(/time_diff: cannot read "whenever" \(argument 1\)/);
  });
});

describe('is_date_in_past / is_parsable_date (docs examples)', () => {
  it('is_date_in_past', async () => {
    expect(await render(`{{ '2010-01-01' | is_date_in_past }}`)).toBe('true');
    expect(await render(`{{ '3000-01-01' | is_date_in_past }}`)).toBe('false');
    await expect(render(`{{ 'never' | is_date_in_past }}`)).rejects.toThrow(/is_date_in_past: cannot read "never"/);
  });
  it('is_parsable_date', async () => {
    expect(await render(`{{ '2021/2' | is_parsable_date }}`)).toBe('true');
    expect(await render(`{{ 'in 3 days' | is_parsable_date }} {{ t | is_parsable_date }}`, { t: new Date() })).toBe('true true');
    expect(await render(`{{ 'foo' | is_parsable_date }} {{ '' | is_parsable_date }} {{ h | is_parsable_date }} {{ '2021-13-01' | is_parsable_date }}`, { h: { a: 1 } })).toBe('false false false false');
  });
});

describe('localize / l', () => {
  it('docs example: default long format', async () => {
    for (const name of ['l', 'localize']) {
      expect(await render(`{{ '2010-01-01' | ${name} }}`)).toBe('Fri, Jan 1, 2010 at 12:00');
    }
  });
  it('built-in formats, zones, and strftime text as a format', async () => {
    expect(await render(`{{ '2010-01-01 11:45' | l: 'short' }}`)).toBe('11:45');
    expect(await render(`{{ '2010-01-01T11:45:00Z' | l: 'short', 'Europe/Warsaw' }}`)).toBe('12:45');
    expect(await render(`{{ '2010-01-01 11:45' | l: 'short', 'Europe/Warsaw' }}`)).toBe('11:45');
    expect(await render(`{{ '2010-01-01 11:45' | l: '%d.%m.%Y' }}`)).toBe('01.01.2010');
    expect(await render(`{{ d | l: 'long' }}`, { d: undefined })).toBe('');
  });
  it('a date uses date.formats', async () => {
    expect(await render(`{{ '2010-01-01' | to_date | l }}`)).toBe('January 01, 2010');
  });
  it('formats and names from the app translations, in the render language', async () => {
    const instance = makeInstance({
      'app/translations/en.yml': "en:\n  time:\n    formats:\n      short: '%-H:%M'\n      custom: '%A %d %B'\n",
      'app/translations/pl.yml': [
        'pl:',
        '  time:',
        '    formats:',
        "      long: '%A, %-d %B %Y, %H:%M'",
        '  date:',
        '    months: {jan: stycznia, feb: lutego, mar: marca, apr: kwietnia, may: maja, jun: czerwca, jul: lipca, aug: sierpnia, sep: września, oct: października, nov: listopada, dec: grudnia}',
        '    day_names: [niedziela, poniedziałek, wtorek, środa, czwartek, piątek, sobota]',
        '',
      ].join('\n'),
    });
    expect(await render(`{{ '2010-01-01 09:05' | l: 'custom' }}`, {}, { instance })).toBe('Friday 01 January');
    const pl = `{% assign x = '2010-01-01 09:05' %}{{ x | l }}|{{ x | l: 'custom' }}`;
    const out = await render(pl, { context: { language: 'pl' } }, { instance });
    expect(out).toBe('piątek, 1 stycznia 2010, 09:05|piątek 01 stycznia');
  });
  it('errors: unknown format, fractional epoch', async () => {
    await expect(render(`{{ 'now' | l: 'fancy' }}`)).rejects.toThrow(/localize: unknown format "fancy" \(argument 1\): no translation en.time.formats.fancy/);
    await expect(render(`{{ 1.5 | l }}`)).rejects.toThrow(/localize: epoch seconds must be a whole number, got 1.5/);
  });
});

