import { toOutput } from '../escape.js';

/** Ruby's Base64.encode64 (RFC 2045): a line feed after every 60 characters and at the end. */
export function base64_encode(input: unknown): string {
  const b64 = Buffer.from(toOutput(input), 'utf8').toString('base64');
  if (b64 === '') return '';
  return b64.replace(/.{1,60}/g, '$&\n');
}

/** Accepts RFC 2045 (with line feeds) and strict base64; returns the decoded text. */
export function base64_decode(input: unknown): string {
  return Buffer.from(toOutput(input).replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** Ruby's Base64.urlsafe_encode64: no line feeds, `-` and `_`, with padding. */
export function base64_url_safe_encode(input: unknown): string {
  return Buffer.from(toOutput(input), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export function base64_url_safe_decode(input: unknown): string {
  return Buffer.from(toOutput(input).replace(/\s+/g, ''), 'base64url').toString('utf8');
}
