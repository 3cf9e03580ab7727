import type { FieldConfig } from './config.js';
import { rubyRegExp } from '../liquid/util/ruby-regex.js';
import type { FormErrors } from './form-object.js';

/** One field to validate: its error key, value, and the other values (confirmation, unique scope). */
export interface FieldCheck {
  /** `properties.email` or `email`. */
  key: string;
  /** The field's own name (for messages such as "doesn't match Password"). */
  name: string;
  value: unknown;
  field: FieldConfig;
  /** Values of the sibling fields (properties of the same form). */
  siblings: Record<string, unknown>;
}

/** What validation asks of the rest of posemu. */
export interface ValidationHooks {
  /** Renders a validation's `if:`/`unless:` Liquid and says whether it came out "true". */
  condition(check: FieldCheck, validator: string, option: 'if' | 'unless'): Promise<boolean>;
  /** Whether another record already has this value (with the same values of `scope`). */
  taken(name: string, value: unknown, scope: string[]): boolean;
  /** A validation posemu does not implement: reported, not silently passed. */
  unsupported(key: string, validator: string): void;
}

type Options = Record<string, unknown>;

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

const LENGTH_MESSAGES = {
  minimum: ['is too short (minimum is %{count} characters)', (n: number, c: number) => n < c],
  maximum: ['is too long (maximum is %{count} characters)', (n: number, c: number) => n > c],
  is: ['is the wrong length (should be %{count} characters)', (n: number, c: number) => n !== c],
} as const;

const NUMBER_MESSAGES = {
  greater_than: ['must be greater than %{count}', (n: number, c: number) => n > c],
  greater_than_or_equal_to: ['must be greater than or equal to %{count}', (n: number, c: number) => n >= c],
  equal_to: ['must be equal to %{count}', (n: number, c: number) => n === c],
  less_than: ['must be less than %{count}', (n: number, c: number) => n < c],
  less_than_or_equal_to: ['must be less than or equal to %{count}', (n: number, c: number) => n <= c],
  other_than: ['must be other than %{count}', (n: number, c: number) => n !== c],
} as const;

/**
 * Runs the validations of each field (presence, email, format, length, numericality,
 * inclusion, exclusion, unique/uniqueness, confirmation) with the common options message,
 * allow_nil, allow_blank, if and unless. Default messages are the ones the docs list.
 */
export async function validateFields(checks: FieldCheck[], hooks: ValidationHooks): Promise<FormErrors> {
  const errors: FormErrors = {};
  for (const check of checks) {
    for (const [validator, raw] of Object.entries(check.field.validation ?? {})) {
      if (raw === false || raw === null || raw === undefined) continue;
      const opts: Options = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Options) : {};
      if (!(await applies(check, validator, opts, hooks))) continue;
      const messages = runValidator(check, validator, raw, opts, hooks);
      if (messages.length) (errors[check.key] ??= []).push(...messages.map((m) => (typeof opts.message === 'string' ? opts.message : m)));
    }
  }
  return errors;
}

async function applies(check: FieldCheck, validator: string, opts: Options, hooks: ValidationHooks): Promise<boolean> {
  if (opts.allow_nil === true && (check.value === null || check.value === undefined)) return false;
  if (opts.allow_blank === true && isBlank(check.value)) return false;
  if (opts.if !== undefined && !(await hooks.condition(check, validator, 'if'))) return false;
  if (opts.unless !== undefined && (await hooks.condition(check, validator, 'unless'))) return false;
  return true;
}

function runValidator(check: FieldCheck, validator: string, raw: unknown, opts: Options, hooks: ValidationHooks): string[] {
  const { value } = check;
  switch (validator) {
    case 'presence':
      return isBlank(value) ? ["can't be blank"] : [];
    case 'email':
      if (isBlank(value)) return [];
      return /^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(String(value)) ? [] : ['is not a valid email'];
    case 'format':
      return checkFormat(value, opts, check.key);
    case 'length':
      return checkLength(value, opts);
    case 'numericality':
      return checkNumber(value, opts);
    case 'inclusion':
    case 'exclusion': {
      const list = (Array.isArray(raw) ? raw : Array.isArray(opts.in) ? opts.in : Array.isArray(opts.within) ? opts.within : []) as unknown[];
      const found = list.some((x) => String(x) === String(value));
      if (validator === 'inclusion') return found ? [] : ['is not included in the list'];
      return found ? ['is reserved'] : [];
    }
    case 'unique':
    case 'uniqueness': {
      if (isBlank(value)) return [];
      const scope = Array.isArray(opts.scope) ? opts.scope.map(String) : typeof opts.scope === 'string' ? [opts.scope] : [];
      return hooks.taken(check.name, value, scope) ? ['has already been taken'] : [];
    }
    case 'confirmation':
      return String(check.siblings[`${check.name}_confirmation`] ?? '') === String(value ?? '') ? [] : [`doesn't match ${humanize(check.name)}`];
    default:
      hooks.unsupported(check.key, validator);
      return [];
  }
}

function checkFormat(value: unknown, opts: Options, key: string): string[] {
  if (isBlank(value)) return opts.allow_blank === true ? [] : ['is invalid'];
  const source = typeof opts.with === 'string' ? opts.with : '';
  // `with:` is a Ruby regexp, written bare (\A\d+\z) or as a literal (/\d+/i).
  const literal = /^\/(.*)\/([imx]*)$/s.exec(source);
  let re: RegExp;
  try {
    re = literal ? rubyRegExp(literal[1], literal[2]) : rubyRegExp(source);
  } catch (err) {
    throw new Error(`validation format of ${key}: invalid regular expression ${JSON.stringify(source)} (${(err as Error).message})`);
  }
  return re.test(String(value)) ? [] : ['is invalid'];
}

function checkLength(value: unknown, opts: Options): string[] {
  if (value === null || value === undefined) return [];
  const n = Array.isArray(value) ? value.length : [...String(value)].length;
  const out: string[] = [];
  for (const [key, [message, fails]] of Object.entries(LENGTH_MESSAGES)) {
    const count = opts[key];
    if (typeof count === 'number' && fails(n, count)) out.push(message.replace('%{count}', String(count)));
  }
  return out;
}

function checkNumber(value: unknown, opts: Options): string[] {
  if (isBlank(value)) return ['is not a number'];
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(n)) return ['is not a number'];
  if (opts.only_integer === true && !Number.isInteger(n)) return ['must be an integer'];
  const out: string[] = [];
  for (const [key, [message, holds]] of Object.entries(NUMBER_MESSAGES)) {
    const count = opts[key];
    if (typeof count === 'number' && !holds(n, count)) out.push(message.replace('%{count}', String(count)));
  }
  if (opts.odd === true && Math.abs(n % 2) !== 1) out.push('must be odd');
  if (opts.even === true && n % 2 !== 0) out.push('must be even');
  return out;
}

function humanize(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
