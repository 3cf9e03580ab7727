import type { Instance } from '../instance.js';
import type { PageDef } from '../app/types.js';
import { findLayout } from '../app/pages.js';
import { buildContext, type ContextRequest } from '../liquid/context.js';
import { renderTemplates } from '../liquid/render.js';
import { newResponseState, type RenderState } from '../liquid/state.js';
import { describeError } from '../liquid/errors.js';
import { SafeString, escapeHtml } from '../liquid/escape.js';
import { contentType } from './content-type.js';

export interface PageRequest extends ContextRequest {
  /** Session values (read and written by templates; the server persists them). */
  session: Record<string, unknown>;
  authenticityToken: string | (() => string);
  flash?: Record<string, unknown>;
  /** context.csrf_request_valid: false for a non-GET request without its session's token. */
  csrfValid?: boolean;
}

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Finds and renders the page for a request: route, page body, layout, response tags.
 * A Liquid error becomes a 500 (liquid_raise_mode) with file:line in the body and a
 * `liquid_error` log entry; the server itself never fails because of a template.
 */
export async function servePage(instance: Instance, req: PageRequest): Promise<PageResponse> {
  const url = new URL(req.url, 'http://x');
  const match = instance.router().match(routingMethod(req), url.pathname);
  if (!match) return errorPage(instance, req, 404, formatOf(url.pathname));
  const params = {
    ...req.params,
    ...slugParams(url.pathname),
    ...match.params,
    format: match.format,
  };
  return renderPage(instance, { ...req, params }, match.page, match.format, 200);
}

async function renderPage(instance: Instance, req: PageRequest, page: PageDef, format: string, status: number): Promise<PageResponse> {
  const app = instance.app();
  const state: RenderState = {
    app,
    services: instance.services,
    format,
    url: req.url,
    page: page.file,
    partials: [],
    response: newResponseState(),
    contentFor: {},
    exports: {},
    session: req.session,
  };
  const context = buildContext({
    request: req,
    page: { id: page.file, slug: page.slug, layout: page.layout, metadata: page.metadata },
    constants: instance.services.constants,
    session: req.session,
    authenticityToken: req.authenticityToken,
    flash: req.flash,
    exports: state.exports,
    csrfValid: req.csrfValid,
  });
  try {
    if (page.redirectTo) {
      // A URL, not html: rendered unescaped, as response_headers are.
      const location = await renderTemplates(instance.liquid, page.redirectTo.templates, { state: { ...state, format: 'txt' }, context });
      return { status: page.redirectCode, headers: { location: headerSafeUrl(location.trim()) }, body: '' };
    }
    let body = await renderTemplates(instance.liquid, page.body.templates, { state, context });
    const redirect = state.response.redirect;
    if (redirect) return { status: redirect.status, headers: { ...state.response.headers, location: headerSafeUrl(redirect.url) }, body: '' };
    const layout = page.layout ? findLayout(app.layouts, page.layout, page.format) : undefined;
    if (layout) {
      state.partials = [];
      body = await renderTemplates(instance.liquid, layout.body.templates, {
        state,
        context,
        // Already rendered (and escaped) page output: printed as is.
        scope: { content_for_layout: new SafeString(body) },
      });
    }
    const headers: Record<string, string> = { 'content-type': contentType(format), ...state.response.headers };
    if (page.responseHeaders) Object.assign(headers, await renderResponseHeaders(instance, page, state, context));
    return { status: state.response.status ?? status, headers, body };
  } catch (err) {
    const message = describeError(err, page.file, (f) => app.offsets.get(f) ?? 0);
    instance.services.log({ type: 'liquid_error', message, url: req.url, page: page.file, partial: state.partials.at(-1) ?? '' });
    if (status === 500) return plainError(500, message, format, instance.config.development);
    return errorPage(instance, req, 500, format, message);
  }
}

/**
 * A redirect target built from params ('/category/cars/{{ context.params.maker }}') may hold
 * non-ASCII or spaces, which Node refuses in a header (a 500): those runs are percent-encoded
 * as UTF-8, the way browsers send such URLs; everything else is left as written.
 */
export function headerSafeUrl(url: string): string {
  return url.replace(/[^\x21-\x7e]+/gu, (run) => encodeURI(run));
}

async function renderResponseHeaders(instance: Instance, page: PageDef, state: RenderState, context: Record<string, unknown>): Promise<Record<string, string>> {
  const text = await renderTemplates(instance.liquid, page.responseHeaders!.templates, { state: { ...state, format: 'json' }, context });
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

async function errorPage(instance: Instance, req: PageRequest, status: 404 | 500, format: string, detail?: string): Promise<PageResponse> {
  const page = instance.router().errorPage(status, format);
  if (page) return renderPage(instance, req, page, format, status);
  return plainError(status, detail ?? 'Not Found', format, instance.config.development);
}

function plainError(status: number, detail: string, format: string, development: boolean): PageResponse {
  const text = status === 404 ? 'Not Found' : development ? `Liquid error: ${detail}` : 'Internal Server Error';
  const body = format === 'json' ? JSON.stringify({ error: text }) : format === 'html' ? `<!DOCTYPE html><title>${status}</title><pre>${escapeHtml(text)}</pre>` : text;
  return { status, headers: { 'content-type': contentType(format) }, body };
}

/**
 * HEAD is answered by the GET page; an html form POST may ask for PUT/PATCH/DELETE with a
 * `_method` param (the Rails convention platformOS follows).
 */
function routingMethod(req: PageRequest): string {
  if (req.method === 'HEAD') return 'GET';
  const override = req.params._method;
  if (req.method === 'POST' && typeof override === 'string' && /^(put|patch|delete)$/i.test(override)) return override.toUpperCase();
  return req.method;
}

/** slug, slug2, slug3... from the path segments (platformOS keeps these for old code). */
function slugParams(pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  const segments = pathname.replace(/\.[A-Za-z0-9]+$/, '').split('/').filter(Boolean).map(safeDecode);
  segments.forEach((s, i) => (out[i === 0 ? 'slug' : `slug${i + 1}`] = s));
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function formatOf(pathname: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(pathname);
  return m ? m[1].toLowerCase() : 'html';
}
