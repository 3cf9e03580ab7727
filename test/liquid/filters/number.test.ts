import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

describe('pricify (docs examples)', () => {
  const cases: Array<[string, string]> = [
    ['{{ 0 | pricify }}', '$0'],
    ['{{ 1 | pricify }}', '$1'],
    ['{{ 1.20 | pricify }}', '$1.20'],
    ['{{ 1000000 | pricify }}', '$1,000,000'],
    ['{{ 1 | pricify: "PLN" }}', '1 zł'],
    ['{{ 1 | pricify: "JPY" }}', '¥1'],
    ['{{ 1 | pricify: "USD", no_cents_if_whole: false }}', '$1.00'],
  ];
  for (const [src, expected] of cases) it(src, async () => expect(await render(src)).toBe(expected));
  it('options: symbol, with_currency, sign_before_symbol; strings and rounding', async () => {
    expect(await render(`{{ -1234.5 | pricify }}|{{ -1 | pricify: 'USD', sign_before_symbol: false }}`)).toBe('-$1,234.50|$-1');
    expect(await render(`{{ '12.345' | pricify: 'EUR', symbol: false, with_currency: true }}`)).toBe('12.35 EUR');
    expect(await render(`{{ 2.5 | pricify: 'eur', no_cents_if_whole: true }}|{{ 5 | pricify: 'KWD', no_cents_if_whole: false }}`)).toBe('€2.50|د.ك5.000');
  });
  it('errors: unknown currency, non-numbers', async () => {
    await expect(render(`{{ 1 | pricify: 'XYZ' }}`)).rejects.toThrow(/pricify: unknown currency "XYZ" \(argument 1\)/);
    await expect(render(`{{ 'abc' | pricify }}`)).rejects.toThrow(/pricify: amount \(input\) must be a number, got "abc"/);
    await expect(render(`{{ 1 | pricify: 'USD', 5 }}`)).rejects.toThrow(/pricify: options \(argument 2\) must be a hash/);
  });
});

describe('pricify_cents (docs examples)', () => {
  const cases: Array<[string, string]> = [
    ['{{ 1 | pricify_cents }}', '$0.01'],
    ['{{ 100 | pricify_cents }}', '$1'],
    ['{{ 1000000 | pricify_cents }}', '$10,000'],
    ['{{ 1 | pricify_cents: "PLN" }}', '0.01 zł'],
    ['{{ 1 | pricify_cents: "JPY" }}', '¥1'],
  ];
  for (const [src, expected] of cases) it(src, async () => expect(await render(src)).toBe(expected));
  it('cents must be whole', async () => {
    await expect(render(`{{ 1.5 | pricify_cents }}`)).rejects.toThrow(/pricify_cents: fractional amount \(input\) must be a whole number, got 1.5/);
  });
});

describe('amount_to_fractional / fractional_to_amount (docs examples)', () => {
  it('converts by the currency subunit, half up', async () => {
    expect(await render(`{{ 10.50 | amount_to_fractional: 'USD' }} {{ 10.50 | amount_to_fractional: 'JPY' }} {{ '0.125' | amount_to_fractional }}`)).toBe('1050 11 13');
    expect(await render(`{{ 1050 | fractional_to_amount: 'USD' }} {{ 1050 | fractional_to_amount: 'JPY' }} {{ '-5' | fractional_to_amount }}`)).toBe('10.5 1050 -0.05');
  });
  it('errors', async () => {
    await expect(render(`{{ 10.5 | fractional_to_amount }}`)).rejects.toThrow(/fractional_to_amount: fractional amount \(input\) must be a whole number/);
    await expect(render(`{{ nil | amount_to_fractional }}`)).rejects.toThrow(/amount_to_fractional: amount \(input\) must be a number, got null/);
  });
});

describe('advanced_format (Ruby format)', () => {
  it('docs examples', async () => {
    expect(await render(`{{ 3.124 | advanced_format: '%.2f' }}`)).toBe('3.12');
    expect(await render(`{{ 3 | advanced_format: '%.2f' }}`)).toBe('3.00');
  });
  it('flags, widths and types', async () => {
    const cases: Array<[unknown, string, string]> = [
      [42, '%05d', '00042'], [42, '%+d', '+42'], [42, '%x', '2a'], [42, '%#X', '0X2A'], [42, '%o', '52'], [42, '%b', '101010'], [-5, '% d', '-5'], [255, '%#x', '0xff'],
      ['7', '%03d', '007'], [3.99, '%d', '3'], ['ab', '%-5s|', 'ab   |'], ['abcdef', '%.3s', 'abc'],
      [12345.678, '%e', '1.234568e+04'], [0.0001, '%g', '0.0001'], [123456789, '%g', '1.23457e+08'], [100, '%g', '100'],
      [5, '%5.1f%%', '  5.0%'], [{ n: 3 }, '%<n>05.1f and %{n}', '003.0 and 3'], [65, '%c', 'A'],
    ];
    for (const [value, format, expected] of cases) {
      expect(await render(`{{ v | advanced_format: f }}`, { v: value, f: format }), format).toBe(expected);
    }
  });
  it('errors name the format and the input', async () => {
    await expect(render(`{{ 'abc' | advanced_format: '%d' }}`)).rejects.toThrow(/advanced_format: invalid value for Integer\(\): "abc" \(format "%d", input "abc"\)/);
    await expect(render(`{{ 1 | advanced_format: '%d %d' }}`)).rejects.toThrow(/advanced_format: too few arguments/);
    await expect(render(`{{ 1 | advanced_format: '%<x>d' }}`)).rejects.toThrow(/advanced_format: one hash required/);
    await expect(render(`{{ 1 | advanced_format: nil }}`)).rejects.toThrow(/advanced_format: format \(argument 1\) is required/);
  });
});

describe('format_number', () => {
  it('docs examples', async () => {
    expect(await render(`{{ 111.2345 | format_number }}`)).toBe('111.235');
    expect(await render(`{{ 111.2345 | format_number: precision: 2 }}`)).toBe('111.23');
    expect(await render(`{{ 111 | format_number: precision: 2 }}`)).toBe('111.00');
    expect(await render(`{{ 1111.2345 | format_number: precision: 2, separator: ',', delimiter: '.' }}`)).toBe('1.111,23');
  });
  it('significant digits, stripped zeros, round modes, options hash', async () => {
    expect(await render(`{{ 123.456 | format_number: precision: 2, significant: true }}`)).toBe('120');
    expect(await render(`{{ 0.0012345 | format_number: precision: 2, significant: true }}`)).toBe('0.0012');
    expect(await render(`{{ 1.5 | format_number: precision: 3, strip_insignificant_zeros: true }}`)).toBe('1.5');
    expect(await render(`{{ 2.5 | format_number: precision: 0, round_mode: 'half_even' }} {{ 2.5 | format_number: precision: 0 }} {{ 2.1 | format_number: precision: 0, round_mode: 'up' }} {{ -2.5 | format_number: precision: 0, round_mode: 'floor' }}`))
      .toBe('2 3 3 -3');
    expect(await render(`{{ 1234567 | format_number: opts }}`, { opts: { precision: 0, delimiter: ' ' } })).toBe('1 234 567');
  });
  it('non-numeric text is 0, numeric text its number, a time its epoch seconds', async () => {
    expect(await render(`{{ 'abc' | format_number: precision: 1 }} {{ '12.5kg' | format_number: precision: 1 }}`)).toBe('0.0 12.5');
    expect(await render(`{{ t | format_number: precision: 0 }}`, { t: new Date('2017-07-14T02:40:00Z') })).toBe('1500000000');
  });
  it('errors', async () => {
    await expect(render(`{{ 1 | format_number: precision: 1.5 }}`)).rejects.toThrow(/format_number: precision must be a whole number, got 1.5/);
    await expect(render(`{{ 1 | format_number: round_mode: 'sideways' }}`)).rejects.toThrow(/format_number: unknown round_mode "sideways"/);
  });
});

describe('to_positive_integer (docs examples)', () => {
  it('value or default', async () => {
    expect(await render(`{{ '1' | to_positive_integer: 2 }}\n{{ '' | to_positive_integer: 2 }}`)).toBe('1\n2');
    expect(await render(`{{ 0 | to_positive_integer: 5 }} {{ -3 | to_positive_integer: 5 }} {{ '1.5' | to_positive_integer: 5 }} {{ 7.9 | to_positive_integer: 5 }} {{ nil | to_positive_integer: 5 }}`))
      .toBe('5 5 5 7 5');
  });
  it('the default must be whole', async () => {
    await expect(render(`{{ '1' | to_positive_integer: 'x' }}`)).rejects.toThrow(/to_positive_integer: default \(argument 1\) must be a whole number, got "x"/);
  });
});

describe('to_mobile_number', () => {
  it('docs example, and countries by ISO3 code or name', async () => {
    expect(await render(`{{ '500 123 999' | to_mobile_number: 'PL' }}`)).toBe('+48500123999');
    expect(await render(`{{ '500 123 999' | to_mobile_number: 'POL' }} {{ '500-123-999' | to_mobile_number: 'Poland' }}`)).toBe('+48500123999 +48500123999');
    expect(await render(`{{ '+1 415 555 2671' | to_mobile_number }}`)).toBe('+14155552671');
  });
  it('not a number: nil; unknown country: error', async () => {
    expect(await render(`[{{ 'call me' | to_mobile_number: 'PL' }}]`)).toBe('[]');
    await expect(render(`{{ '500' | to_mobile_number: 'Atlantis' }}`)).rejects.toThrow(/to_mobile_number: unknown country "Atlantis" \(argument 1\)/);
  });
});
