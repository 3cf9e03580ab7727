/**
 * Decimal rounding on the digits a number prints with, as Ruby's BigDecimal does it:
 * 111.2345 rounded to 3 places is 111.235 (the float underneath is 111.23449999..., which
 * is why this does not round the binary value).
 */
export type RoundMode = 'up' | 'down' | 'ceiling' | 'floor' | 'half_up' | 'half_down' | 'half_even' | 'banker' | 'none';

export const ROUND_MODES: readonly RoundMode[] = ['up', 'down', 'ceiling', 'floor', 'half_up', 'half_down', 'half_even', 'banker', 'none'];

/** A decimal as sign, integer digits and a power of ten: value = sign * digits / 10^scale. */
export interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

/** Number or numeric text -> Decimal; null when it is not a finite number. */
export function toDecimal(value: number | string): Decimal | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? expandExponent(String(value)) : '') : expandExponent(value.trim());
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) return null;
  const frac = m[3] ?? '';
  return { negative: m[1] === '-', digits: BigInt((m[2] || '0') + frac), scale: frac.length };
}

/** 1.5e-7 -> 0.00000015 (String(n) uses exponents for very small and large numbers). */
function expandExponent(s: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?e([+-]?\d+)$/i.exec(s);
  if (!m) return s;
  const digits = (m[2] || '0') + (m[3] ?? '');
  const point = (m[2] || '0').length + Number(m[4]);
  if (point <= 0) return `${m[1]}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${m[1]}${digits}${'0'.repeat(point - digits.length)}`;
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Rounds to `places` fractional digits (negative places round to tens, hundreds...). */
export function roundDecimal(d: Decimal, places: number, mode: RoundMode = 'half_up'): Decimal {
  if (mode === 'none' || d.scale <= places) return d;
  const divisor = 10n ** BigInt(d.scale - places);
  let q = d.digits / divisor;
  const r = d.digits % divisor;
  if (r !== 0n && roundsAway(mode, d.negative, r * 2n, divisor, q)) q += 1n;
  if (places >= 0) return { negative: d.negative, digits: q, scale: places };
  return { negative: d.negative, digits: q * 10n ** BigInt(-places), scale: 0 };
}

function roundsAway(mode: RoundMode, negative: boolean, twiceRest: bigint, divisor: bigint, q: bigint): boolean {
  switch (mode) {
    case 'up': return true;
    case 'down': return false;
    case 'ceiling': return !negative;
    case 'floor': return negative;
    case 'half_down': return twiceRest > divisor;
    case 'half_even':
    case 'banker': return twiceRest > divisor || (twiceRest === divisor && q % 2n === 1n);
    default: return twiceRest >= divisor;
  }
}

/** Integer and fraction digit strings, the fraction padded to `places` when given. */
export function decimalParts(d: Decimal, places?: number): { negative: boolean; int: string; frac: string } {
  const s = d.digits.toString().padStart(d.scale + 1, '0');
  const int = s.slice(0, s.length - d.scale);
  let frac = s.slice(s.length - d.scale);
  if (places !== undefined) frac = frac.padEnd(places, '0').slice(0, Math.max(places, 0));
  return { negative: d.negative && (d.digits !== 0n), int, frac };
}

/** Thousands delimiter in the integer digits. */
export function delimit(int: string, delimiter: string): string {
  return delimiter === '' ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, delimiter);
}

/** Decimal -> JS number. */
export function decimalToNumber(d: Decimal): number {
  const { negative, int, frac } = decimalParts(d);
  return Number(`${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
}
