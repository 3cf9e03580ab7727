/**
 * Ruby's Kernel#format for one argument: %[flags][width][.precision]type with flags
 * space, #, +, -, 0 and types d i u f e E g G x X o b B s p c a A %, plus %<name>d and
 * %{name} reading a hash. Throws SprintfError for a bad format or argument.
 */
export class SprintfError extends Error {}

const SPEC = /%(?:<([^>]+)>|\{([^}]+)\})?([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([diufeEgGxXobBspcaA%])?/g;

export function sprintf(format: string, arg: unknown): string {
  let used = false;
  return format.replace(SPEC, (whole, name: string | undefined, braced: string | undefined, flags: string, width: string | undefined, precision: string | undefined, type: string | undefined) => {
    if (braced !== undefined) return String(fromHash(arg, braced) ?? '');
    if (type === undefined) throw new SprintfError(`malformed format string - ${whole}`);
    if (type === '%' && name === undefined) return '%';
    if (width === '*') throw new SprintfError('width from an argument (*) needs more than one argument');
    let value: unknown;
    if (name !== undefined) value = fromHash(arg, name);
    else {
      if (used) throw new SprintfError('too few arguments');
      used = true;
      value = arg;
    }
    return pad(convert(type, value, flags, precision), flags, width, type);
  });
}

function fromHash(arg: unknown, key: string): unknown {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg)) throw new SprintfError(`one hash required for %<${key}>`);
  const rec = arg as Record<string, unknown>;
  if (!(key in rec)) throw new SprintfError(`key<${key}> not found`);
  return rec[key];
}

function toInteger(v: unknown): bigint {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new SprintfError(`${v} cannot be formatted as an integer`);
    return BigInt(Math.trunc(v));
  }
  if (typeof v === 'boolean' || v === null || v === undefined) throw new SprintfError(`can't convert ${v === null || v === undefined ? 'nil' : v} into Integer`);
  const s = String(v).trim().replace(/_/g, '');
  if (/^[+-]?(0x[0-9a-f]+|0b[01]+|0o?[0-7]+|\d+)$/i.test(s)) {
    const neg = s.startsWith('-');
    const body = s.replace(/^[+-]/, '');
    const n = /^0\d/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
    return neg ? -n : n;
  }
  throw new SprintfError(`invalid value for Integer(): ${JSON.stringify(String(v))}`);
}

function toFloat(v: unknown): number {
  if (v instanceof Date) return v.getTime() / 1000;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean' || v === null || v === undefined) throw new SprintfError(`can't convert ${v === null || v === undefined ? 'nil' : v} into Float`);
  const s = String(v).trim().replace(/_/g, '');
  if (!/^[+-]?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) throw new SprintfError(`invalid value for Float(): ${JSON.stringify(String(v))}`);
  return Number(s);
}

function sign(negative: boolean, flags: string): string {
  if (negative) return '-';
  if (flags.includes('+')) return '+';
  return flags.includes(' ') ? ' ' : '';
}

function convert(type: string, v: unknown, flags: string, precision: string | undefined): string {
  const prec = precision === undefined ? undefined : Number(precision);
  switch (type) {
    case 'd': case 'i': case 'u': {
      const n = toInteger(v);
      let digits = (n < 0n ? -n : n).toString();
      if (prec !== undefined) digits = digits.padStart(prec, '0');
      return sign(n < 0n, flags) + digits;
    }
    case 'x': case 'X': case 'o': case 'b': case 'B': {
      const n = toInteger(v);
      const radix = type === 'o' ? 8 : type === 'b' || type === 'B' ? 2 : 16;
      let digits = (n < 0n ? -n : n).toString(radix);
      if (prec !== undefined) digits = digits.padStart(prec, '0');
      const prefix = flags.includes('#') && n !== 0n ? { x: '0x', X: '0X', o: '0', b: '0b', B: '0B' }[type] : '';
      const out = sign(n < 0n, flags) + prefix + digits;
      return type === 'X' ? out.toUpperCase() : out;
    }
    case 'f': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
      const n = toFloat(v);
      if (!Number.isFinite(n)) return sign(n < 0, flags) + (Number.isNaN(n) ? 'NaN' : 'Inf');
      const abs = Math.abs(n);
      const p = prec ?? 6;
      let body: string;
      if (type === 'f') body = abs.toFixed(p);
      else if (type === 'e' || type === 'E') body = exponent(abs.toExponential(p));
      else if (type === 'a' || type === 'A') body = abs.toString(16);
      else body = general(abs, p === 0 ? 1 : p, flags.includes('#'));
      if (type === 'E' || type === 'G' || type === 'A') body = body.toUpperCase();
      return sign(n < 0 || Object.is(n, -0), flags) + body;
    }
    case 's': case 'p': {
      const s = type === 'p' ? JSON.stringify(v ?? null) : v === null || v === undefined ? '' : String(v);
      return prec === undefined ? s : s.slice(0, prec);
    }
    case 'c': {
      const s = typeof v === 'number' ? String.fromCodePoint(v) : String(v ?? '');
      return s.slice(0, 1);
    }
    default:
      throw new SprintfError(`malformed format string - %${type}`);
  }
}

/** JS 1.5e+2 -> C 1.5e+02. */
function exponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** %g: the shorter of %e and %f with `p` significant digits, trailing zeros dropped unless #. */
function general(abs: number, p: number, keepZeros: boolean): string {
  const exp = abs === 0 ? 0 : Math.floor(Math.log10(abs));
  const out = exp < -4 || exp >= p ? exponent(abs.toExponential(p - 1)) : abs.toFixed(Math.max(p - 1 - exp, 0));
  if (keepZeros) return out;
  const [mantissa, exp10] = out.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exp10 === undefined ? trimmed : `${trimmed}e${exp10}`;
}

function pad(s: string, flags: string, width: string | undefined, type: string): string {
  const w = width === undefined ? 0 : Number(width);
  if (s.length >= w) return s;
  if (flags.includes('-')) return s.padEnd(w, ' ');
  if (flags.includes('0') && !'sScp'.includes(type)) {
    const m = /^([+\- ]?(?:0[xXbB])?)(.*)$/.exec(s)!;
    return m[1] + m[2].padStart(w - m[1].length, '0');
  }
  return s.padStart(w, ' ');
}
