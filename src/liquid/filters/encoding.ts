import { fromBytes, toBytes, type Bytes } from '../util/bytes.js';
import { decodeBase64, urlSafeBase64 } from '../util/base64.js';
import { toOutput } from '../escape.js';

/*
 * Base64 works on bytes: binary filter results (digest: ..., 'none', gzip_compress, hkdf)
 * are encoded as the bytes they are, and decoding gives text when the bytes are UTF-8 and
 * raw bytes otherwise (see util/bytes.ts).
 */

/** Ruby's Base64.encode64 (RFC 2045): a line feed after every 60 characters and at the end. */
export function base64_encode(input: unknown): string {
  const b64 = toBytes(input).toString('base64');
  if (b64 === '') return '';
  return b64.replace(/.{1,60}/g, '$&\n');
}

/** Accepts RFC 2045 (with line feeds) and strict base64. */
export function base64_decode(input: unknown): string | Bytes {
  return fromBytes(decodeBase64(toOutput(input)));
}

/** Ruby's Base64.urlsafe_encode64: no line feeds, `-` and `_`, with padding. */
export function base64_url_safe_encode(input: unknown): string {
  return urlSafeBase64(toBytes(input));
}

/** Accepts URL-safe Base64 with or without padding. */
export function base64_url_safe_decode(input: unknown): string | Bytes {
  return fromBytes(decodeBase64(toOutput(input)));
}
