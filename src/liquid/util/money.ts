import { decimalParts, delimit, roundDecimal, type Decimal } from './decimal.js';

/** What Ruby's Money gem knows of a currency and platformOS uses to print it. */
export interface Currency {
  code: string;
  symbol: string;
  symbolFirst: boolean;
  /** Fractional units in one unit: 100 cents in a dollar, 1 for the yen. */
  subunitToUnit: number;
}

/** symbol, symbol first?, subunits per unit (the Money gem's currency table, main currencies). */
const CURRENCIES: Record<string, [string, boolean, number]> = {
  USD: ['$', true, 100], EUR: ['€', true, 100], GBP: ['£', true, 100], PLN: ['zł', false, 100],
  JPY: ['¥', true, 1], CHF: ['CHF', true, 100], CAD: ['$', true, 100], AUD: ['$', true, 100],
  NZD: ['$', true, 100], CNY: ['¥', true, 100], INR: ['₹', true, 100], BRL: ['R$', true, 100],
  MXN: ['$', true, 100], SEK: ['kr', false, 100], NOK: ['kr', false, 100], DKK: ['kr.', false, 100],
  CZK: ['Kč', false, 100], HUF: ['Ft', false, 100], RUB: ['₽', false, 100], UAH: ['₴', false, 100],
  TRY: ['₺', false, 100], KRW: ['₩', true, 1], ZAR: ['R', true, 100], SGD: ['$', true, 100],
  HKD: ['$', true, 100], ILS: ['₪', true, 100], THB: ['฿', true, 100], AED: ['د.إ', false, 100],
  SAR: ['ر.س', false, 100], CLP: ['$', true, 1], ISK: ['kr.', true, 1], VND: ['₫', false, 1],
  BHD: ['ب.د', true, 1000], KWD: ['د.ك', true, 1000], OMR: ['ر.ع.', true, 1000], JOD: ['د.ا', true, 1000],
  RON: ['Lei', false, 100], BGN: ['лв.', false, 100], IDR: ['Rp', true, 100], PHP: ['₱', true, 100],
  MYR: ['RM', true, 100], TWD: ['$', true, 100], NGN: ['₦', true, 100], EGP: ['ج.م', false, 100],
  ARS: ['$', true, 100], COP: ['$', true, 100], PEN: ['S/', true, 100], KES: ['KSh', true, 100],
  PKR: ['₨', true, 100], BDT: ['৳', true, 100], RSD: ['РСД', true, 100], HRK: ['kn', false, 100],
  GEL: ['ლ', false, 100], KZT: ['₸', false, 100], UYU: ['$', true, 100], XAF: ['CFA', false, 1],
  XOF: ['CFA', false, 1], BTC: ['₿', true, 100_000_000],
};

/**
 * The currency for an ISO code (case-insensitive). Codes outside the table but known to the
 * ISO 4217 list print with their code as symbol and Intl's number of decimals. Null if unknown.
 */
export function findCurrency(code: string): Currency | null {
  const iso = code.trim().toUpperCase();
  const known = CURRENCIES[iso];
  if (known) return { code: iso, symbol: known[0], symbolFirst: known[1], subunitToUnit: known[2] };
  if (!/^[A-Z]{3}$/.test(iso) || !Intl.supportedValuesOf('currency').includes(iso)) return null;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: iso }).resolvedOptions().maximumFractionDigits ?? 2;
  return { code: iso, symbol: iso, symbolFirst: false, subunitToUnit: 10 ** digits };
}

function decimalsOf(c: Currency): number {
  return Math.round(Math.log10(c.subunitToUnit));
}

/** Amount (units) -> whole fractional units, rounded half up: 10.50 USD -> 1050, 10.50 JPY -> 11. */
export function amountToFractional(amount: Decimal, c: Currency): bigint {
  const shifted: Decimal = { ...amount, scale: amount.scale - decimalsOf(c) };
  const normal = shifted.scale < 0 ? { ...shifted, digits: shifted.digits * 10n ** BigInt(-shifted.scale), scale: 0 } : shifted;
  const rounded = roundDecimal(normal, 0, 'half_up');
  return rounded.negative ? -rounded.digits : rounded.digits;
}

/** Fractional units -> units as a decimal: 1050 cents -> 10.50. */
export function fractionalToAmount(fractional: bigint, c: Currency): Decimal {
  return { negative: fractional < 0n, digits: fractional < 0n ? -fractional : fractional, scale: decimalsOf(c) };
}

export interface MoneyFormat {
  symbol: boolean;
  withCurrency: boolean;
  noCentsIfWhole: boolean;
  signBeforeSymbol: boolean;
}

/**
 * Money#format with the English number format platformOS uses: '.' decimal mark, ','
 * thousands, the symbol before ($1) or after (1 zł) as the currency has it.
 */
export function formatMoney(fractional: bigint, c: Currency, f: MoneyFormat): string {
  const amount = fractionalToAmount(fractional, c);
  const whole = fractional % BigInt(c.subunitToUnit) === 0n;
  const places = f.noCentsIfWhole && whole ? 0 : decimalsOf(c);
  const { negative, int, frac } = decimalParts(amount, places);
  const number = delimit(int, ',') + (places > 0 ? `.${frac}` : '');
  let out: string;
  if (!f.symbol) out = `${negative ? '-' : ''}${number}`;
  else if (c.symbolFirst) out = negative ? (f.signBeforeSymbol ? `-${c.symbol}${number}` : `${c.symbol}-${number}`) : `${c.symbol}${number}`;
  else out = `${negative ? '-' : ''}${number} ${c.symbol}`;
  return f.withCurrency ? `${out} ${c.code}` : out;
}

