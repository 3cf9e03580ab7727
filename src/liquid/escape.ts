import { Drop } from 'liquidjs';
import type { Context } from 'liquidjs';
import { STATE, type RenderState } from './state.js';
import { rubyTimeString } from './util/ruby-time.js';
import { RubyFloat } from './util/ruby-number.js';
import { rubyJson } from './json-text.js';

/**
 * A string that is already safe HTML (html_safe, generated form markup). A Drop so every
 * liquidjs filter sees its plain string value through valueOf.
 */
export class SafeString extends Drop {
  constructor(readonly value: string) {
    super();
  }
  override valueOf(): string {
    return this.value;
  }
  override toString(): string {
    return this.value;
  }
  toJSON(): string {
    return this.value;
  }
  /** `{{ safe.size }}` reads like a string's size. */
  get size(): number {
    return this.value.length;
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * How a value prints: nil as '', hashes and arrays as JSON (platformOS prints them so), a
 * time as Ruby prints it (`2019-10-06 12:00:00 UTC`, the docs' to_time output; a zoned
 * time with its offset, a date as `2010-01-02`), a whole Float as `10.0`,
 * everything else as its string.
 */
export function toOutput(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeString) return value.value;
  if (value instanceof RubyFloat) return value.toString();
  if (value instanceof Drop) return toOutput(value.valueOf());
  if (typeof value === 'string') return value;
  if (Array.isArray(value) || isPlainObject(value)) return rubyJson(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : rubyTimeString(value);
  return String(value);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * liquidjs outputEscape: applied to every `{{ }}` and `echo` output. escape_output_instead_of_sanitize
 * is true, so html output is HTML-escaped unless the value is a SafeString; other formats
 * (json, js, txt, ...) print as is.
 */
export function outputEscape(this: { context: Context }, value: unknown): string {
  const state = (this.context.globals as Record<symbol, RenderState | undefined>)[STATE];
  const text = toOutput(value);
  if (value instanceof SafeString || !state || state.format !== 'html' || this.context.getRegister(RAW_OUTPUT)) return text;
  return escapeHtml(text);
}

/** Context register set while a string is interpolated: its `{{ }}` parts print unescaped. */
export const RAW_OUTPUT = 'posemu:raw-output';
