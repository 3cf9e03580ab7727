/**
 * Outbound host redirection for local work (`--outbound api.twilio.com=http://127.0.0.1:4010`).
 * A key is a host name (`api.twilio.com`, any port) or `host:port` (that port only); the
 * request keeps its path and query and goes to the target's origin (plus the target's path
 * as a prefix, so `http://127.0.0.1:4010/twilio` works too).
 */
export function redirectUrl(url: URL, outbound: Readonly<Record<string, string>>): URL {
  const target = outbound[url.host] ?? outbound[url.hostname];
  if (!target) return url;
  const base = new URL(target);
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${base.origin}${prefix}${url.pathname}${url.search}`);
}
