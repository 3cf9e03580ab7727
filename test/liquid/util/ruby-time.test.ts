import { describe, expect, it } from 'vitest';
import { CalendarDate, ZonedTime, fromWallClock, rubyTimeString } from '../../../src/liquid/util/ruby-time.js';
import { resolveZone } from '../../../src/liquid/util/time-zone.js';

describe('rubyTimeString (how Ruby prints times and dates)', () => {
  it('UTC times, zoned times and dates', () => {
    expect(rubyTimeString(new Date('2017-04-15T15:21:00Z'))).toBe('2017-04-15 15:21:00 UTC');
    const warsaw = resolveZone('Europe/Warsaw')!;
    expect(rubyTimeString(new ZonedTime(Date.parse('2017-04-15T15:21:00Z'), warsaw))).toBe('2017-04-15 17:21:00 +0200');
    expect(rubyTimeString(new CalendarDate(2010, 1, 2))).toBe('2010-01-02');
  });
});

describe('zones', () => {
  it('Rails names, offsets and numbers resolve; unknown names do not', () => {
    const at = new Date('2018-01-15T00:00:00Z');
    expect(resolveZone('Eastern Time (US & Canada)')!.offsetAt(at)).toBe(-300);
    expect(resolveZone('Kolkata')!.offsetAt(at)).toBe(330);
    expect(resolveZone(-3)!.offsetAt(at)).toBe(-180);
    expect(resolveZone(7200)!.offsetAt(at)).toBe(120);
    expect(resolveZone('-07:00')!.abbreviationAt(at)).toBe('-07:00');
    expect(resolveZone('')!.name).toBe('UTC');
    expect(resolveZone('Atlantis/Capital')).toBeNull();
  });
  it('wall clock to instant across DST', () => {
    const ny = resolveZone('America/New_York')!;
    expect(fromWallClock({ year: 2018, month: 7, day: 1, hour: 12 }, ny).toISOString()).toBe('2018-07-01T16:00:00.000Z');
    expect(fromWallClock({ year: 2018, month: 1, day: 1, hour: 12 }, ny).toISOString()).toBe('2018-01-01T17:00:00.000Z');
  });
});
