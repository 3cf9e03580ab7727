import { PosError } from '../errors.js';
import { redirectUrl } from './outbound.js';
import { redactUrl } from './redact.js';

/** One outgoing call. */
export interface HttpRequest {
  method: string;
  /** Absolute http(s) URL as the app wrote it (outbound redirection is applied here). */
  url: string;
  headers?: Record<string, string>;
  body?: string | FormData;
  /** Whole exchange (connect, headers, body), in ms. @default the client's timeoutMs */
  timeoutMs?: number;
  /**
   * Follow 3xx responses. Off for api calls: like Ruby HTTP clients, platformOS hands the
   * 3xx itself to the callback. download_file turns it on.
   * @default false
   */
  followRedirects?: boolean;
  /** Largest response body accepted, in bytes. @default 10 MiB */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  /** Body decoded as UTF-8. */
  body: string;
  /** Body as received (binary downloads: multipart api calls). */
  bytes: Buffer;
  /** Response headers, names lower-cased; repeated set-cookie values joined by ", ". */
  headers: Record<string, string>;
  /** Where the request actually went (after outbound redirection). */
  sentTo: string;
  durationMs: number;
}

export type HttpFailure = 'timeout' | 'network' | 'too_large' | 'invalid_request';

/** A call that got no usable response. The message never contains header values. */
export class HttpError extends PosError {
  readonly reason: HttpFailure;
  readonly sentTo: string;
  readonly durationMs: number;

  constructor(reason: HttpFailure, detail: string, sentTo: string, durationMs: number) {
    super('POS_ERR_HTTP', detail);
    this.name = 'HttpError';
    this.reason = reason;
    this.sentTo = sentTo;
    this.durationMs = durationMs;
  }

  /** Network errors and timeouts may succeed later; a bad request or a huge body will not. */
  get retryable(): boolean {
    return this.reason === 'timeout' || this.reason === 'network';
  }
}

export interface HttpClientOptions {
  /** Host -> base URL redirects (config.outbound). */
  outbound: Readonly<Record<string, string>>;
  /** Default timeout in ms (config.httpTimeoutMs). */
  timeoutMs: number;
}

/** THE client for every outgoing call: notifications, api_call_send, download_file. */
export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  /** The URL a request to `url` is really sent to (outbound redirection applied). */
  resolve(url: string): string;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Builds the HTTP client over Node's fetch (undici, keep-alive). */
export function createHttpClient(opts: HttpClientOptions): HttpClient {
  function target(text: string): URL {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new HttpError('invalid_request', `not an absolute URL: ${JSON.stringify(redactUrl(text))}`, text, 0);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new HttpError('invalid_request', `only http and https URLs can be called, got ${url.protocol}`, text, 0);
    }
    return redirectUrl(withoutCredentials(url), opts.outbound);
  }

  return {
    resolve: (url) => target(url).toString(),
    async request(req) {
      const method = req.method.toUpperCase();
      const url = target(req.url);
      const sentTo = url.toString();
      const where = `${method} ${redactUrl(req.url)}`;
      const headers = withBasicAuth(checkHeaders(req.headers ?? {}, where, sentTo), req.url);
      const timeoutMs = req.timeoutMs ?? opts.timeoutMs;
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        const res = await fetch(url, {
          method,
          headers,
          // fetch refuses a body on GET/HEAD; callers that care warn about dropping it.
          body: method === 'GET' || method === 'HEAD' ? undefined : req.body,
          redirect: req.followRedirects ? 'follow' : 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const bytes = await readBody(res, req.maxBytes ?? DEFAULT_MAX_BYTES, where, sentTo, elapsed);
        return { status: res.status, body: bytes.toString('utf8'), bytes, headers: headerRecord(res.headers), sentTo, durationMs: elapsed() };
      } catch (err) {
        if (err instanceof HttpError) throw err;
        const { reason, message } = classify(err, timeoutMs);
        throw new HttpError(reason, `${where}: ${message}`, sentTo, elapsed());
      }
    },
  };
}

/**
 * fetch refuses URLs with user:password@ (and its error message prints them). Like curl and
 * the Ruby clients platformOS uses, posemu sends them as Basic auth instead, so
 * `https://{{ sid }}:{{ token }}@api.twilio.com/...` works, also through outbound redirection.
 */
function withoutCredentials(url: URL): URL {
  if (!url.username && !url.password) return url;
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  return bare;
}

/** Adds Authorization: Basic from the URL's user:password@, unless the caller wrote one. */
function withBasicAuth(headers: Record<string, string>, text: string): Record<string, string> {
  const url = new URL(text);
  if (!url.username && !url.password) return headers;
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) return headers;
  const pair = `${decoded(url.username)}:${decoded(url.password)}`;
  return { ...headers, authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}

/** Percent-decoded userinfo; a malformed escape is sent as written rather than thrown. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Rejects what fetch would reject, naming the header but never printing its value. */
function checkHeaders(headers: Record<string, string>, where: string, sentTo: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw new HttpError('invalid_request', `${where}: invalid header name ${JSON.stringify(name)}`, sentTo, 0);
    if (/[\r\n\0]|[^\u0000-\u00ff]/.test(value)) {
      throw new HttpError('invalid_request', `${where}: header ${name} has a value with line breaks, NUL or non-Latin-1 characters`, sentTo, 0);
    }
    out[name] = value;
  }
  return out;
}

async function readBody(res: Response, max: number, where: string, sentTo: string, elapsed: () => number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    // Leaving the loop cancels the stream, so a huge download stops here.
    if (size > max) throw new HttpError('too_large', `${where}: response body is over ${max} bytes`, sentTo, elapsed());
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies.join(', ');
  return out;
}

/** undici's errors, in words a developer reads in a log line. */
function classify(err: unknown, timeoutMs: number): { reason: HttpFailure; message: string } {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return { reason: 'timeout', message: `timed out after ${timeoutMs} ms` };
  const code = e.cause?.code ?? '';
  if (code === 'ECONNREFUSED') return { reason: 'network', message: 'connection refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: 'network', message: 'host not found' };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return { reason: 'network', message: 'connection closed before a complete response' };
  }
  if (code.startsWith('HPE_')) return { reason: 'network', message: `invalid HTTP response (${code})` };
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { reason: 'timeout', message: `timed out after ${timeoutMs} ms` };
  return { reason: 'network', message: e.cause?.message ?? e.message ?? String(err) };
}
