import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

// Ruby Liquid tells Integer from Float; these are the results Ruby Liquid 5 gives.

describe('Float literals', () => {
  it('a whole decimal literal prints as a Float', async () => {
    expect(await render(`{{ 1.0 }} {{ -2.0 }} {{ 2.5 }} {{ 3 }}`)).toBe('1.0 -2.0 2.5 3');
  });
  it('an assigned Float stays a Float', async () => {
    expect(await render(`{% assign price = 10.0 %}{{ price }} {{ price | times: 2 }}`)).toBe('10.0 20.0');
  });
  it('compares equal to the Integer of the same value, and orders as a number', async () => {
    expect(await render(`{% assign p = 10.0 %}{% if p == 10 %}eq{% endif %} {% if p > 9 and p < 11 %}between{% endif %}`)).toBe('eq between');
  });
  it('large whole Floats print in exponent form, as Float#to_s', async () => {
    expect(await render(`{{ 10000000000000000.0 }} {{ 1000000000000000.0 }}`)).toBe('1.0e+16 1000000000000000.0');
  });
});

describe('math with Float inputs', () => {
  it('divided_by: a Float input is not integer division', async () => {
    expect(await render(`{{ 10.0 | divided_by: 4 }} {{ 10.0 | divided_by: 2 }} {{ 10 | divided_by: 2.0 }}`)).toBe('2.5 5.0 5.0');
  });
  it('divided_by: Integer by Integer stays integer division', async () => {
    expect(await render(`{{ 7 | divided_by: 2 }} {{ -7 | divided_by: 2 }}`)).toBe('3 -4');
  });
  it('plus, minus, times: a Float on either side gives a Float', async () => {
    expect(await render(`{{ 1.5 | plus: 1.5 }} {{ 5 | minus: 1.0 }} {{ 3 | times: 1.5 }} {{ 2.5 | times: 2 }} {{ 2 | plus: 3 }}`)).toBe('3.0 4.0 4.5 5.0 5');
  });
  it('decimal strings count as Floats (Utils.to_number gives a BigDecimal)', async () => {
    expect(await render(`{{ "2.5" | times: 2 }} {{ "10" | times: 2 }}`)).toBe('5.0 20');
  });
  it('modulo: Float in, Float out', async () => {
    expect(await render(`{{ 10.0 | modulo: 3 }} {{ 10 | modulo: 3 }} {{ 5.5 | modulo: 2 }}`)).toBe('1.0 1 1.5');
  });
  it('abs keeps the type', async () => {
    expect(await render(`{{ -3.0 | abs }} {{ -3 | abs }}`)).toBe('3.0 3');
  });
  it('at_least / at_most keep the type of the value they choose', async () => {
    expect(await render(`{{ 2 | at_least: 3.0 }} {{ 5 | at_least: 3.0 }} {{ 5.0 | at_most: 3 }} {{ 2.0 | at_most: 3 }}`)).toBe('3.0 5 3 2.0');
  });
  it('round without places is an Integer; with places a Float stays a Float', async () => {
    expect(await render(`{{ 4.6 | round }} {{ 4.0 | round }} {{ 4.0 | round: 1 }} {{ 4.56 | round: 1 }} {{ 5 | round: 2 }} {{ 1250.0 | round: -2 }}`)).toBe(
      '5 4 4.0 4.6 5 1300.0',
    );
  });
  it('ceil and floor are always Integers', async () => {
    expect(await render(`{{ 4.0 | ceil }} {{ 4.2 | ceil }} {{ 4.8 | floor }} {{ 4.0 | floor }}`)).toBe('4 5 4 4');
  });
  it('sum is a Float when an item is', async () => {
    expect(await render(`{{ list | sum }} {{ ints | sum }}`, { list: [1, 2.5, 1.5], ints: [1, 2] })).toBe('5.0 3');
  });
  it('division by zero is still an error', async () => {
    await expect(render(`{{ 10.0 | divided_by: 0 }}`)).rejects.toThrow(/divided_by.*divided by 0/);
    await expect(render(`{{ 10.0 | modulo: 0 }}`)).rejects.toThrow(/modulo.*divided by 0/);
  });
});

describe('Floats in JSON', () => {
  it('json prints a whole Float as Ruby to_json (10.0)', async () => {
    expect(await render(`{{ 10.0 | json }} {{ 10 | json }}`)).toBe('10.0 10');
  });
  it('parse_json reads whole Floats as Floats, Integers as Integers', async () => {
    const src = `{% assign h = '{"a": 10.0, "b": 10, "c": [1e2, 2.5], "d": "10.0"}' | parse_json %}`;
    expect(await render(`${src}{{ h.a }} {{ h.b }} {{ h.c[0] }} {{ h.d }} {{ h.a | divided_by: 4 }} {{ h.b | divided_by: 4 }}`)).toBe('10.0 10 100.0 10.0 2.5 2');
    expect(await render(`${src}{{ h | json }}`)).toBe('{"a":10.0,"b":10,"c":[100.0,2.5],"d":"10.0"}');
  });
  it('the parse_json tag keeps Floats too', async () => {
    expect(await render(`{% parse_json h %}{"price": 3.0}{% endparse_json %}{{ h.price }} {{ h }}`)).toBe('3.0 {"price":3.0}');
  });
  it('invalid JSON with a Float still reports the original error', async () => {
    await expect(render(`{{ '{ "a": 1.0, }' | parse_json }}`)).rejects.toThrow(/parse_json: invalid JSON .* in: \{ "a": 1\.0, \}/);
  });
});
