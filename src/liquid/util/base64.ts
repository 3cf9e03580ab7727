/** Ruby's Base64.urlsafe_encode64: `-` and `_` for `+` and `/`, with `=` padding, no line feeds. */
export function urlSafeBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Decodes standard or URL-safe Base64, with or without padding and line feeds. */
export function decodeBase64(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, '').replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
}
