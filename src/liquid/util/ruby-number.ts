import { Drop, Tokenizer } from 'liquidjs';

/**
 * A Ruby Float whose value is whole (`10.0`). A JS number cannot tell it from the Integer
 * 10, yet Ruby prints it `10.0` and never divides it as an integer. A Drop, so every filter
 * and operator that unwraps values (toValue) sees the plain number. Non-whole numbers need
 * no wrapper: they are always Floats. Made by decimal literals (installFloatLiterals),
 * parse_json, and the math filters when a Float takes part.
 */
export class RubyFloat extends Drop {
  constructor(readonly value: number) {
    super();
  }
  override valueOf(): number {
    return this.value;
  }
  /** Float#to_s: `10.0`, `-0.0`, `1.0e+16` (Ruby switches to exponent form at 1e16). */
  override toString(): string {
    const n = this.value;
    if (!Number.isFinite(n)) return String(n);
    if (Math.abs(n) >= 1e16) {
      const [mantissa, exp] = n.toExponential().split('e');
      return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${exp}`;
    }
    return Object.is(n, -0) ? '-0.0' : `${n}.0`;
  }
  toJSON(): number {
    return this.value;
  }
}

/** A Float result: whole numbers are wrapped so they keep printing as Floats. */
export function toFloat(n: number): number | RubyFloat {
  return Number.isInteger(n) ? new RubyFloat(n) : n;
}

/**
 * Whether Ruby Liquid's Utils.to_number gives a Float/BigDecimal for the value (a RubyFloat,
 * a non-whole number, a decimal string like "2.0"), so math on it is Float math.
 */
export function isFloat(value: unknown): boolean {
  if (value instanceof RubyFloat) return true;
  const v = value instanceof Drop ? value.valueOf() : value;
  return (typeof v === 'number' && !Number.isInteger(v)) || isDecimalText(v);
}

/**
 * Number literals written with a decimal point (`10.0`, `-2.0`) evaluate to a RubyFloat
 * when whole, as Ruby reads them as Floats; liquidjs reads every number literal through
 * Tokenizer#readNumber. Installed once per process.
 */
export function installFloatLiterals(): void {
  if (floatsInstalled) return;
  floatsInstalled = true;
  const original = Tokenizer.prototype.readNumber;
  Tokenizer.prototype.readNumber = function readNumber(this: Tokenizer) {
    const token = original.call(this);
    if (token && token.getText().includes('.') && Number.isInteger(token.content)) {
      Object.defineProperty(token, 'content', { value: new RubyFloat(token.content) });
    }
    return token;
  } as Tokenizer['readNumber'];
}

let floatsInstalled = false;

/**
 * Numbers as Ruby Liquid 5 computes them: strings become numbers the way Utils.to_number
 * does (a decimal string is a decimal, anything else is String#to_i, so "3 apples" is 3
 * and "abc" is 0), and decimals are added, multiplied and rounded exactly (Liquid uses
 * BigDecimal, so 0.1 + 0.2 is 0.3 and 1.005 rounds to 1.01).
 */
export function toNumber(value: unknown): number {
  const v = value instanceof Drop ? value.valueOf() : value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^-?\d+\.\d+$/.test(s)) return Number(s);
    const m = /^[ \t\n\v\f\r]*([+-]?\d+(?:_\d+)*)/.exec(v);
    return m ? Number(m[1].replace(/_/g, '')) : 0;
  }
  return 0;
}

/** True when the value is a decimal (Ruby Float/BigDecimal) rather than an Integer. */
export function isDecimalText(value: unknown): boolean {
  const v = value instanceof Drop ? value.valueOf() : value;
  return typeof v === 'string' && /^-?\d+\.\d+$/.test(v.trim());
}

/**
 * Ruby Utils.to_integer: integers and integer strings, else an error naming the filter
 * and argument (Liquid raises "invalid integer").
 */
export function toInteger(value: unknown, filter: string, argument: string): number {
  const v = value instanceof Drop ? value.valueOf() : value;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v);
  throw new Error(`${filter}: argument "${argument}" must be an integer, got ${JSON.stringify(v ?? null)}`);
}

interface Scaled {
  digits: bigint;
  scale: number;
}

/** The exact decimal a JS number prints as (its shortest round-trip text). */
function scaled(n: number): Scaled {
  const [mantissa, exp = '0'] = String(n).toLowerCase().split('e');
  const [int, frac = ''] = mantissa.split('.');
  let scale = frac.length - Number(exp);
  let digits = BigInt(`${int}${frac}`.replace('+', ''));
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

function rescale(s: Scaled, scale: number): bigint {
  return s.digits * 10n ** BigInt(scale - s.scale);
}

function fromScaled(digits: bigint, scale: number): number {
  return Number(`${digits}e${-scale}`);
}

/** a + b, a - b, a * b, a mod b (sign of b, as Ruby) computed on exact decimals. */
export function decimalOp(op: '+' | '-' | '*' | '%', a: number, b: number): number {
  if (Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) < 2 ** 52 && Math.abs(b) < 2 ** 52) {
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*' && Math.abs(a * b) < 2 ** 53) return a * b;
    if (op === '%') return ((a % b) + b) % b;
  }
  const x = scaled(a);
  const y = scaled(b);
  if (op === '*') return fromScaled(x.digits * y.digits, x.scale + y.scale);
  const scale = Math.max(x.scale, y.scale);
  const l = rescale(x, scale);
  const r = rescale(y, scale);
  if (op === '+') return fromScaled(l + r, scale);
  if (op === '-') return fromScaled(l - r, scale);
  let m = l % r;
  if (m !== 0n && m < 0n !== r < 0n) m += r;
  return fromScaled(m, scale);
}

/** Rounds half away from zero to `places` decimals (negative: tens, hundreds...). */
export function roundDecimal(n: number, places: number): number {
  const s = scaled(n);
  if (places >= s.scale) return n;
  const divisor = 10n ** BigInt(s.scale - places);
  let q = s.digits / divisor;
  const rem = s.digits % divisor;
  const twice = (rem < 0n ? -rem : rem) * 2n;
  if (twice >= divisor) q += s.digits < 0n ? -1n : 1n;
  return Number(`${q}e${-places}`);
}
