import { describe, expect, it } from 'vitest';
import { render } from '../helpers/render.js';
import { makeInstance } from '../helpers/app.js';
import { FILTER_ARITY } from '../../src/liquid/util/filter-arity.js';

/** Bad input gets an error naming the filter or tag, the argument and file:line. */
describe('filter arity (platformOS raises under liquid_raise_mode)', () => {
  it('too many arguments names the filter, the count and the extra argument, with file:line', async () => {
    await expect(render('\n{{ "a" | upcase: 1 }}')).rejects.toThrow(/upcase: wrong number of arguments \(given 2, expected 1\): unexpected argument 1 \(1\).*line:2/s);
    await expect(render("{{ 'x' | encode: 'ISO-8859-1', 'UTF-8', invalid: 'replace' }}")).rejects.toThrow(/encode: wrong number of arguments \(given 4, expected 3\)/);
  });

  it('too few arguments names the missing one', async () => {
    await expect(render('{{ "a" | append }}')).rejects.toThrow(/append: wrong number of arguments \(given 1, expected 2\): missing argument "string"/);
    await expect(render('{{ "a,b" | split }}')).rejects.toThrow(/split: wrong number of arguments \(given 1, expected 2\): missing argument "pattern"/);
  });

  it('counts named arguments as one trailing hash, as Ruby Liquid does', async () => {
    expect(await render('{{ false | default: true, allow_false: true }}')).toBe('false');
    expect(await render('{{ a | hash_merge: b: 2, c: 3 }}', { a: { a: 1 } })).toBe('{"a":1,"b":2,"c":3}');
    await expect(render('{{ a | hash_merge: x, b: 2 }}', { a: {}, x: {} })).rejects.toThrow(/hash_merge: wrong number of arguments \(given 3, expected 2\)/);
  });

  it('the table covers every documented filter', () => {
    expect(Object.keys(FILTER_ARITY).length).toBe(215);
    expect(FILTER_ARITY.slice).toEqual([2, 3, ['input', 'offset', 'length']]);
  });
});

describe('syntax errors name file:line', () => {
  it('unknown filters and tags, unclosed tags', async () => {
    await expect(render('ok\n{{ x | nosuch }}')).rejects.toThrow(/undefined filter: nosuch.*line:2/s);
    await expect(render('\n\n{% nosuch %}')).rejects.toThrow(/tag "nosuch" not found.*line:3/s);
    await expect(render('{% if x %}')).rejects.toThrow(/not closed/);
    await expect(render('{{ x ')).rejects.toThrow(/output "\{\{ x " not closed/);
  });
});

describe('sloppy code platformOS accepts', () => {
  it('tag arguments without commas, and a comma right after the partial name', async () => {
    const instance = makeInstance({ 'app/views/partials/p.liquid': '{{ a }}{{ b }}' });
    expect(await render("{% render 'p' a: 1 b: 2 %}|{% include 'p', a: 3 b: 4 %}|{% function r = 'p' a: 5 %}", {}, { instance })).toBe('12|34|');
  });
});
