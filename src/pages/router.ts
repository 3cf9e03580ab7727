/**
 * Page routing: slugs with `:param`, `(/:optional)` and `*wildcard` segments, one page per
 * (method, slug, format). Lives apart from the loader because the server asks it on every
 * request: all compiling happens once, in buildRouter.
 */

export interface Route {
  /** Slug as written (no leading slash; '' is the home page). */
  slug: string;
  /** null for a static slug, else the compiled pattern. */
  regex: RegExp | null;
  names: string[];
  /** How many literal characters the slug has: more wins when several patterns match. */
  weight: number;
}

/** Formats a page may be written in; a request path ending `.<format>` asks for it. */
export const FORMATS = new Set(['html', 'json', 'js', 'css', 'xml', 'csv', 'txt', 'rss', 'ics', 'svg', 'pdf', 'text', 'md']);

export function compileRoute(slug: string): Route {
  const clean = normalizeSlug(slug);
  if (!/[:*(]/.test(clean)) return { slug: clean, regex: null, names: [], weight: clean.length };
  const names: string[] = [];
  let weight = 0;
  let src = '';
  const re = /\(|\)|:(\w+)|\*(\w+)|([^():*]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) {
    if (m[0] === '(') src += '(?:';
    else if (m[0] === ')') src += ')?';
    else if (m[1]) {
      names.push(m[1]);
      src += '([^/]+)';
    } else if (m[2]) {
      names.push(m[2]);
      src += '(.+)';
    } else {
      weight += m[3].length;
      src += escapeRegex(m[3]);
    }
  }
  return { slug: clean, regex: new RegExp(`^${src}$`), names, weight };
}

export function normalizeSlug(slug: string): string {
  return slug.replace(/^\/+/, '').replace(/\/+$/, '');
}

function escapeRegex(s: string): string {
  return s.replace(/[.+?^${}[\]\\|]/g, '\\$&');
}

export interface Routable {
  method: string;
  format: string;
  route: Route;
}

export interface Match<P> {
  page: P;
  params: Record<string, string | null>;
  /** The format the request asked for (may differ from the page's when html answers it). */
  format: string;
}

export interface Router<P extends Routable> {
  match(method: string, path: string): Match<P> | null;
  /** The page for an error status (404, 500) in a format, when the app has one. */
  errorPage(status: number, format: string): P | null;
}

export interface RouterOptions {
  /** app/config.yml html_format_exact_match: when false, an html page answers other formats. */
  htmlFormatExactMatch: boolean;
}

export function buildRouter<P extends Routable>(pages: readonly P[], opts: RouterOptions): Router<P> {
  const statics = new Map<string, P>();
  const dynamics: P[] = [];
  for (const page of pages) {
    if (page.route.regex) dynamics.push(page);
    else {
      const key = staticKey(page.method, page.route.slug, page.format);
      // The first file wins; later duplicates are reported by the loader.
      if (!statics.has(key)) statics.set(key, page);
    }
  }
  dynamics.sort((a, b) => b.route.weight - a.route.weight);

  function find(method: string, slug: string, format: string): Match<P> | null {
    const page = statics.get(staticKey(method, slug, format));
    if (page) return { page, params: {}, format };
    for (const p of dynamics) {
      if (p.method !== method || p.format !== format) continue;
      const m = p.route.regex!.exec(slug);
      if (!m) continue;
      const params: Record<string, string | null> = {};
      p.route.names.forEach((name, i) => (params[name] = m[i + 1] === undefined ? null : decodeSegment(m[i + 1])));
      return { page: p, params, format };
    }
    return null;
  }

  return {
    match(method, path) {
      const { slug, format } = splitFormat(path);
      const m = method.toLowerCase();
      const exact = find(m, slug, format);
      if (exact || format === 'html' || opts.htmlFormatExactMatch) return exact;
      const html = find(m, slug, 'html');
      return html ? { ...html, format } : null;
    },
    errorPage(status, format) {
      return statics.get(staticKey('get', String(status), format)) ?? statics.get(staticKey('get', String(status), 'html')) ?? null;
    },
  };
}

function staticKey(method: string, slug: string, format: string): string {
  return `${method} ${format} ${slug}`;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `/token.json` -> slug `token`, format `json`; `/a/b` -> `a/b`, html. */
export function splitFormat(path: string): { slug: string; format: string } {
  const slug = normalizeSlug(path);
  const m = /\.([A-Za-z0-9]+)$/.exec(slug);
  if (m && FORMATS.has(m[1].toLowerCase())) {
    return { slug: slug.slice(0, -m[0].length), format: m[1].toLowerCase() };
  }
  return { slug, format: 'html' };
}
