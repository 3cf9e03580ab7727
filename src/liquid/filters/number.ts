import type Countries from 'i18n-iso-countries';
import type { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { lazyModule } from '../util/lazy.js';
import { FilterError, type FilterThis } from './types.js';
import { toOutput } from '../escape.js';
import { toPlain } from '../to-plain.js';
import { ROUND_MODES, decimalParts, decimalToNumber, delimit, roundDecimal, toDecimal, type Decimal, type RoundMode } from '../util/decimal.js';
import { amountToFractional, findCurrency, formatMoney, fractionalToAmount, type Currency } from '../util/money.js';
import { SprintfError, sprintf } from '../util/sprintf.js';
import { asHash, describe, isNil, unwrap } from '../util/values.js';

const loadPhone = lazyModule<{ parsePhoneNumberFromString: typeof parsePhoneNumberFromString }>('libphonenumber-js');
const loadCountries = lazyModule<typeof Countries>('i18n-iso-countries');
const loadCountryNames = lazyModule<Parameters<typeof Countries.registerLocale>[0]>('i18n-iso-countries/langs/en.json');
let countriesReady = false;
/** The country table with English names registered (once, on first use). */
function countries(): typeof Countries {
  const c = loadCountries();
  if (!countriesReady) {
    c.registerLocale(loadCountryNames());
    countriesReady = true;
  }
  return c;
}


function readAmount(filter: string, v: unknown): Decimal {
  const p = unwrap(v);
  const d = typeof p === 'number' || typeof p === 'string' ? toDecimal(p) : null;
  if (!d) throw new FilterError(filter, `amount (input) must be a number, got ${describe(v)}`);
  return d;
}

function readCurrency(filter: string, v: unknown): Currency {
  const code = isNil(v) || unwrap(v) === '' ? 'USD' : toOutput(v);
  const c = findCurrency(code);
  if (!c) throw new FilterError(filter, `unknown currency ${JSON.stringify(code)} (argument 1)`);
  return c;
}

/** An options hash argument with the keyword arguments merged over it. */
function readOptions(filter: string, v: unknown, named: Record<string, unknown>, position = 'argument 2'): Record<string, unknown> {
  return { ...asHash(filter, v, `options (${position})`), ...named };
}

/** Money options; platformOS's defaults: symbol shown, no currency name, no cents when whole. */
function moneyFormat(o: Record<string, unknown>): Parameters<typeof formatMoney>[2] {
  return {
    symbol: o.symbol !== false,
    withCurrency: o.with_currency === true,
    noCentsIfWhole: o.no_cents_if_whole !== false,
    signBeforeSymbol: o.sign_before_symbol !== false,
  };
}

/** amount | pricify: currency = 'USD', options -> '$1,000,000', '1 zł', '$1.20'. */
export function pricify(this: FilterThis, input: unknown, currency?: unknown, options?: unknown): string {
  const c = readCurrency('pricify', currency);
  const fractional = amountToFractional(readAmount('pricify', input), c);
  return formatMoney(fractional, c, moneyFormat(readOptions('pricify', options, this.named)));
}

/** cents | pricify_cents: currency = 'USD', options -> '$0.01', '$10,000'. */
export function pricify_cents(this: FilterThis, input: unknown, currency?: unknown, options?: unknown): string {
  const c = readCurrency('pricify_cents', currency);
  const fractional = wholeFractional('pricify_cents', input);
  return formatMoney(fractional, c, moneyFormat(readOptions('pricify_cents', options, this.named)));
}

/** A fractional amount (cents) must be whole: 1050, '1050'. */
function wholeFractional(filter: string, input: unknown): bigint {
  const d = readAmount(filter, input);
  const { negative, int, frac } = decimalParts(d);
  if (/[1-9]/.test(frac)) throw new FilterError(filter, `fractional amount (input) must be a whole number, got ${describe(input)}`);
  return negative ? -BigInt(int) : BigInt(int);
}

/** amount | amount_to_fractional: currency = 'USD' -> 1050 for 10.50 USD, 11 for 10.50 JPY. */
export function amount_to_fractional(input: unknown, currency?: unknown): number {
  const c = readCurrency('amount_to_fractional', currency);
  return Number(amountToFractional(readAmount('amount_to_fractional', input), c));
}

/** cents | fractional_to_amount: currency = 'USD' -> 10.5 for 1050 USD, 1050 for 1050 JPY. */
export function fractional_to_amount(input: unknown, currency?: unknown): number {
  const c = readCurrency('fractional_to_amount', currency);
  return decimalToNumber(fractionalToAmount(wholeFractional('fractional_to_amount', input), c));
}

/** value | advanced_format: '%.2f' -> Ruby's format (sprintf) of the value. */
export function advanced_format(input: unknown, format: unknown): string {
  if (isNil(format)) throw new FilterError('advanced_format', 'format (argument 1) is required');
  try {
    return sprintf(toOutput(format), toPlainValue(input));
  } catch (err) {
    if (err instanceof SprintfError) throw new FilterError('advanced_format', `${err.message} (format ${JSON.stringify(toOutput(format))}, input ${describe(input)})`);
    throw err;
  }
}

function toPlainValue(v: unknown): unknown {
  const p = unwrap(v);
  return p instanceof Date ? p : toPlain(p);
}

/**
 * number | format_number: precision: 3, separator: '.', delimiter: '', significant: false,
 * strip_insignificant_zeros: false, round_mode: 'half_up' (Rails' number_with_precision).
 * A non-numeric string is 0, a time its epoch seconds.
 */
export function format_number(this: FilterThis, input: unknown, options?: unknown): string {
  const o = readOptions('format_number', options, this.named, 'argument 1');
  const p = unwrap(input);
  let d: Decimal | null;
  if (p instanceof Date) d = toDecimal(Math.floor(p.getTime() / 1000));
  else if (typeof p === 'number') d = toDecimal(p);
  else d = toDecimal(typeof p === 'string' ? leadingNumber(p) : '0');
  if (!d) d = toDecimal(0)!;
  const precision = isNil(o.precision) ? 3 : Number(unwrap(o.precision));
  if (!Number.isInteger(precision) || precision < 0) throw new FilterError('format_number', `precision must be a whole number, got ${describe(o.precision)}`);
  const mode = (isNil(o.round_mode) ? 'half_up' : String(unwrap(o.round_mode))) as RoundMode;
  if (!ROUND_MODES.includes(mode)) throw new FilterError('format_number', `unknown round_mode ${describe(o.round_mode)}; use ${ROUND_MODES.join(', ')}`);
  const places = o.significant === true ? significantPlaces(d, precision) : precision;
  const rounded = roundDecimal(d, places, mode);
  let { negative, int, frac } = decimalParts(rounded, Math.max(places, 0));
  if (o.strip_insignificant_zeros === true) frac = frac.replace(/0+$/, '');
  const separator = isNil(o.separator) ? '.' : toOutput(o.separator);
  const delimiter = isNil(o.delimiter) ? '' : toOutput(o.delimiter);
  if (negative && !/[1-9]/.test(int + frac)) negative = false;
  return `${negative ? '-' : ''}${delimit(int, delimiter)}${frac ? separator + frac : ''}`;
}

/** Ruby's String#to_f: the number the text starts with ('12abc' is 12, 'abc' is 0). */
function leadingNumber(s: string): string {
  return /^\s*[+-]?(\d+(\.\d+)?|\.\d+)/.exec(s)?.[0].trim() ?? '0';
}

/** Fractional places that keep `digits` significant digits. */
function significantPlaces(d: Decimal, digits: number): number {
  if (d.digits === 0n) return digits - 1;
  const intDigits = d.digits.toString().length - d.scale;
  return digits - intDigits;
}

/**
 * value | to_positive_integer: default -> the value as a whole number above 0, else the
 * default ('1' is 1; '', 'abc', '1.5', 0 and -3 give the default).
 */
export function to_positive_integer(input: unknown, fallback: unknown): number {
  const def = Number(unwrap(fallback));
  if (isNil(fallback) || unwrap(fallback) === '' || !Number.isInteger(def)) {
    throw new FilterError('to_positive_integer', `default (argument 1) must be a whole number, got ${describe(fallback)}`);
  }
  const p = unwrap(input);
  let n = NaN;
  if (typeof p === 'number') n = Math.trunc(p);
  else if (typeof p === 'string' && /^\s*\+?\d+\s*$/.test(p)) n = Number(p);
  return Number.isSafeInteger(n) && n > 0 ? n : def;
}

/**
 * number | to_mobile_number: country -> E.164 ('+48500123999'). The country is an ISO code
 * (PL, POL) or an English name (Poland). An unknown country is an error; a number that is
 * not a phone number gives nil, since such numbers come from user input.
 */
export function to_mobile_number(input: unknown, country?: unknown): string | null {
  const text = toOutput(input).trim();
  if (text === '') return null;
  let iso: string | undefined;
  if (!isNil(country) && unwrap(country) !== '') {
    const name = toOutput(country).trim();
    iso = countryCode(name);
    if (!iso) throw new FilterError('to_mobile_number', `unknown country ${JSON.stringify(name)} (argument 1)`);
  }
  const phone = loadPhone().parsePhoneNumberFromString(text, iso as CountryCode | undefined);
  return phone && phone.isPossible() ? phone.number : null;
}

function countryCode(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper.length === 2 && countries().isValid(upper)) return upper;
  if (upper.length === 3 && countries().isValid(upper)) return countries().alpha3ToAlpha2(upper);
  return countries().getAlpha2Code(name, 'en');
}
