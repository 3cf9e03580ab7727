import { FORMATS, compileRoute, normalizeSlug } from '../pages/router.js';
import type { ParseSource } from './sources.js';
import type { Parsed } from './front-matter.js';
import type { ScannedFile } from './scan.js';
import type { PageDef, PartialDef } from './types.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** A page file -> its route and parsed body, by the slug rules of the platformOS docs. */
export function loadPage(file: ScannedFile, parsed: Parsed, parse: ParseSource): PageDef {
  const fm = parsed.data;
  const path = file.inner.replace(/\.liquid$/, '');
  const ext = /\.([A-Za-z0-9]+)$/.exec(path);
  const fileFormat = ext && FORMATS.has(ext[1]) ? ext[1] : undefined;
  const format = String(fm.format ?? fileFormat ?? 'html').toLowerCase();
  const slug = fm.slug !== undefined && fm.slug !== null ? normalizeSlug(String(fm.slug)) : defaultSlug(path, fileFormat);
  const method = String(fm.method ?? 'get').toLowerCase();
  if (!METHODS.has(method)) throw new Error(`${file.rel}: method must be one of get, post, put, patch, delete (got ${JSON.stringify(fm.method)})`);
  const layoutValue = fm.layout ?? fm.layout_name;
  // Layouts wrap html pages; other formats only get one when they ask for it by name.
  const layout = layoutValue === undefined || layoutValue === null ? (format === 'html' ? 'application' : null) : String(layoutValue) || null;
  return {
    file: file.rel,
    slug,
    format,
    method,
    layout,
    metadata: (fm.metadata as Record<string, unknown>) ?? {},
    frontMatter: fm,
    body: parse(parsed.body, file.rel, file.rel),
    route: compileRoute(slug),
    // Liquid, rendered per request: the docs' redirects page builds it from context.params.
    redirectTo: fm.redirect_to ? parse(String(fm.redirect_to), `${file.rel} (redirect_to)`, file.rel) : undefined,
    redirectCode: Number(fm.redirect_code ?? 302),
    responseHeaders:
      fm.response_headers === undefined
        ? undefined
        : parse(toText(fm.response_headers), `${file.rel} (response_headers)`, file.rel),
    converter: fm.converter ? String(fm.converter) : undefined,
    module: file.module,
  };
}

/** `get-started/hello.html` -> `get-started/hello`; `index` -> ''; `blog/index` -> `blog`. */
function defaultSlug(path: string, fileFormat: string | undefined): string {
  const noFormat = fileFormat ? path.slice(0, -(fileFormat.length + 1)) : path;
  if (noFormat === 'index') return '';
  return noFormat.replace(/\/index$/, '');
}

function toText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The key a layout file is stored under: its name for html (or format-less) files, `name.format`
 * for other formats, so `document.html.liquid` and `document.txt.liquid` can both exist.
 */
export function layoutKey(rel: string, name: string): string {
  const ext = /\.([A-Za-z0-9]+)\.liquid$/.exec(rel);
  const format = ext && FORMATS.has(ext[1]) ? ext[1] : 'html';
  return format === 'html' ? name : `${name}.${format}`;
}

/**
 * The layout a page of a format uses: the one written for that format (the docs: a txt page
 * with `layout: document` uses document.txt.liquid), else the html one of that name.
 */
export function findLayout(layouts: ReadonlyMap<string, PartialDef>, name: string, format: string): PartialDef | undefined {
  return (format === 'html' ? undefined : layouts.get(`${name}.${format}`)) ?? layouts.get(name);
}
