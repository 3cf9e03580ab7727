import { deviceOf } from './device.js';

/**
 * The `context` object platformOS gives every template. Plain data, so `{{ context | json }}`
 * prints it; `constants` is a non-enumerable property, so it is readable as
 * `context.constants.NAME` and never shown by `{{ context }}` (as the docs promise).
 */

/**
 * hCaptcha's public test site key: its widget always passes, which is what a local instance
 * can offer (real keys live in the Partner Portal). spam_protection uses the same key.
 */
export const HCAPTCHA_TEST_SITE_KEY = '10000000-ffff-ffff-ffff-000000000001';

export interface ContextRequest {
  method: string;
  /** Path and query as requested. */
  url: string;
  protocol: string;
  host: string;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  /** Query, body and route params merged. */
  params: Record<string, unknown>;
}

export interface ContextPage {
  id: string;
  slug: string;
  layout: string | null;
  metadata: Record<string, unknown>;
}

export interface ContextInput {
  request?: ContextRequest;
  page?: ContextPage;
  constants: () => Readonly<Record<string, string>>;
  session?: Record<string, unknown>;
  /** The CSRF token, or a function computing it when a template first reads it. */
  authenticityToken?: string | (() => string);
  language?: string;
  flash?: Record<string, unknown>;
  exports?: Record<string, unknown>;
  /** context.csrf_request_valid (default true: GET pages, notifications, exec). */
  csrfValid?: boolean;
  /** Extra keys notifications and forms add (none yet for pages). */
  extra?: Record<string, unknown>;
}

export function buildContext(input: ContextInput): Record<string, unknown> {
  const req = input.request;
  const url = req ? new URL(req.url, `${req.protocol}://${req.host || 'localhost'}`) : null;
  const session = input.session ?? {};
  const context: Record<string, unknown> = {
    csrf_request_valid: input.csrfValid ?? true,
    current_user: null,
    environment: 'development',
    language: input.language ?? requestLanguage(req?.params, session),
    is_xhr: req ? String(req.headers['x-requested-with'] ?? '').toLowerCase() === 'xmlhttprequest' : false,
    params: req?.params ?? {},
    page: input.page ? { ...input.page, layout_name: input.page.layout ?? '' } : null,
    hcaptcha_site_key: HCAPTCHA_TEST_SITE_KEY,
    layout: input.page ? { metadata: {} } : null,
    session,
    flash: input.flash ?? {},
    exports: input.exports ?? {},
    visitor: { ip: req?.ip ?? null },
    useragent: req ? String(req.headers['user-agent'] ?? '') : '',
    version: '',
    instance: { id: '1', uuid: '00000000-0000-4000-8000-000000000001', name: 'posemu' },
    modules: {},
    post_params: req && req.method !== 'GET' ? req.params : {},
    ...input.extra,
  };
  // Computed when first read: most pages never look at them.
  const token = input.authenticityToken;
  lazy(context, 'authenticity_token', () => (typeof token === 'function' ? token() : (token ?? '')));
  lazy(context, 'headers', () => (req ? cgiHeaders(req, url!) : {}));
  lazy(context, 'cookies', () => parseCookies(req?.headers.cookie));
  lazy(context, 'location', () => (url ? { href: url.href, url: url.href, host: url.host, pathname: url.pathname, search: url.search } : {}));
  lazy(context, 'constants', input.constants, false);
  lazy(context, 'device', () => deviceOf(req ? String(req.headers['user-agent'] ?? '') : ''));
  return context;
}

/**
 * The docs (translations/multilanguage-page): English by default, a `language` query param
 * wins, and the language "can also be set in context.session and you can modify it with
 * ?language= param" -- so ?language= is also kept in the session for later pages.
 */
function requestLanguage(params: Record<string, unknown> | undefined, session: Record<string, unknown>): string {
  const asked = params?.language;
  if (typeof asked === 'string' && asked !== '') {
    if (session.language !== asked) session.language = asked;
    return asked;
  }
  return typeof session.language === 'string' && session.language !== '' ? session.language : 'en';
}

/** Defines obj[key] as computed once on first read (enumerable unless said otherwise). */
function lazy(obj: Record<string, unknown>, key: string, compute: () => unknown, enumerable = true): void {
  let value: unknown;
  let done = false;
  Object.defineProperty(obj, key, {
    enumerable,
    configurable: true,
    get() {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
  });
}

/** A Cookie header -> { name: value } (values URL-decoded; the first of a repeated name wins). */
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : '';
    if (!name || name in out) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** Request headers as Rack names them (HTTP_USER_AGENT...), with the CGI keys the docs list. */
function cgiHeaders(req: ContextRequest, url: URL): Record<string, string> {
  const out: Record<string, string> = {
    REQUEST_METHOD: req.method,
    PATH_INFO: url.pathname,
    QUERY_STRING: url.search.replace(/^\?/, ''),
    SERVER_NAME: url.hostname,
    SERVER_PORT: url.port || (req.protocol === 'https' ? '443' : '80'),
    REMOTE_ADDR: req.ip,
  };
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const key = name.toUpperCase().replace(/-/g, '_');
    const v = Array.isArray(value) ? value.join(', ') : value;
    if (key === 'CONTENT_TYPE' || key === 'CONTENT_LENGTH') out[key] = v;
    else out[`HTTP_${key}`] = v;
  }
  return out;
}
