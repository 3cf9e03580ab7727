/**
 * What may be shown of an outgoing call in logs, the outbox and the GUI: secrets (credentials
 * in headers, URLs and query strings) are replaced by FILTERED before anything is written.
 */
export const FILTERED = 'FILTERED';

/** Header names whose values are secrets. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|key|password|signature|session|auth|credential/i;

/** Query parameter names whose values are secrets. */
const SECRET_PARAM = /token|secret|key|password|passwd|signature|sig|auth|credential/i;

/**
 * A URL fit for logs: user:password@ and secret-looking query values filtered. Text that is
 * not an http(s) URL (a missing scheme: `AC1:pw@api.twilio.com/...`) is filtered the same way
 * as text, since the error refusing it quotes it.
 */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return redactText(text);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return redactText(text);
  if (url.username || url.password) {
    url.username = FILTERED;
    url.password = '';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, FILTERED);
  }
  return url.toString();
}

function redactText(text: string): string {
  return text
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@\s]*@/i, (_m, scheme: string | undefined) => `${scheme ?? ''}${FILTERED}@`)
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (m, sep: string, name: string) => (SECRET_PARAM.test(name) ? `${sep}${name}=${FILTERED}` : m));
}

/** Headers fit for logs and the outbox: secret values filtered, the rest kept. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADER.test(name) ? FILTERED : value;
  return out;
}
