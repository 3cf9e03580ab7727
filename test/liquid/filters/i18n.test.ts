import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

const instance = makeInstance({
  'app/translations/en.yml': [
    'en:',
    '  beer: cerveza',
    '  drinks:',
    '    alcoholic:',
    '      beer: piwo',
    '  user-greeting: "Hello %{username}!"',
    '  bold: "<b>%{name}</b>"',
    '  only_en: English only',
    '  percent: "100%%{x} sure"',
    '  about_x_item:',
    '    zero: No items',
    '    one: One item',
    '    other: "%{count} items"',
    '  general:',
    '    cars: [Ford Mustang, Corvette]',
    '',
  ].join('\n'),
  'modules/shop/public/translations/pl.yml': 'pl:\n  beer: piwo po polsku\n  user-greeting: "Cześć %{username}!"\n',
});
const t = (source: string, vars: Record<string, unknown> = {}, format = 'txt') => render(source, vars, { instance, format });

describe('t / translate (docs examples)', () => {
  for (const name of ['t', 'translate']) {
    it(name, async () => {
      expect(await t(`{{ 'beer' | ${name} }}`)).toBe('cerveza');
      expect(await t(`{{ 'drinks.alcoholic.beer' | ${name} }}`)).toBe('piwo');
      expect(await t(`{{ 'non_existing_translation' | ${name}: default: 'Missing', fallback: false }}`)).toBe('Missing');
      expect(await t(`{{ 'user-greeting' | ${name}: username: 'Mike' }}`)).toBe('Hello Mike!');
    });
  }
  it('language from context.language or locale:, falling back to en', async () => {
    const pl = { context: { language: 'pl' } };
    expect(await t(`{{ 'beer' | t }}|{{ 'user-greeting' | t: username: 'Ola' }}|{{ 'only_en' | t }}`, pl)).toBe('piwo po polsku|Cześć Ola!|English only');
    expect(await t(`{{ 'beer' | t: locale: 'pl' }}`)).toBe('piwo po polsku');
    expect(await t(`{{ 'only_en' | t: fallback: false, default: 'brak' }}`, pl)).toBe('brak');
  });
  it('scope, count (English plural rules), options hash, arrays', async () => {
    expect(await t(`{{ 'beer' | t: scope: 'drinks.alcoholic' }}`)).toBe('piwo');
    expect(await t(`{{ 'about_x_item' | t: count: 12 }}|{{ 'about_x_item' | t: count: 1 }}|{{ 'about_x_item' | t: count: 0 }}`)).toBe('12 items|One item|No items');
    expect(await t(`{{ 'user-greeting' | t: opts }}`, { opts: { username: 'Hash' } })).toBe('Hello Hash!');
    expect(await t(`{% assign cars = 'general.cars' | t %}{{ cars.size }} {{ cars.first }}`)).toBe('2 Ford Mustang');
    expect(await t(`{{ 'percent' | t: x: 1 }}`)).toBe('100%{x} sure');
  });
  it('a missing key shows Rails-style text naming language and key', async () => {
    expect(await t(`{{ 'nope.key' | t }}`)).toBe('translation missing: en.nope.key');
    expect(await t(`{{ 'nope' | t: locale: 'de' }}`)).toBe('translation missing: de.nope');
  });
  it('translations are html_safe; interpolated values are not escaped by t', async () => {
    expect(await t(`{{ 'bold' | t: name: '<i>x</i>' }}`, {}, 'html')).toBe('<b><i>x</i></b>');
  });
  it('errors: missing interpolation value, options not a hash', async () => {
    await expect(t(`{{ 'user-greeting' | t }}`)).rejects.toThrow(/t: missing interpolation argument "username" for translation "user-greeting"/);
    await expect(t(`{{ 'beer' | t: 'x' }}`)).rejects.toThrow(/t: options \(argument 1\) must be a hash/);
  });
});

describe('t_escape / translate_escape (docs example)', () => {
  for (const name of ['t_escape', 'translate_escape']) {
    it(`${name} escapes the values, not the translation`, async () => {
      const src = `{{ 'user-greeting' | ${name}: username: '<script>alert("hello")</script>Mike' }}`;
      expect(await t(src, {}, 'html')).toBe('Hello &lt;script&gt;alert(&quot;hello&quot;)&lt;/script&gt;Mike!');
      expect(await t(`{{ 'bold' | ${name}: name: '&' }}`, {}, 'html')).toBe('<b>&amp;</b>');
    });
  }
});
