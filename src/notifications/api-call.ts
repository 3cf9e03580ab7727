import type { HttpClient } from '../http/client.js';
import { cleanHeaders, parseHeaderJson } from './headers.js';
import { RenderFailure, type NotificationRender } from './render.js';

/** An api call ready to send: rendered, headers cleaned. */
export interface PreparedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

/** GET/POST/PUT/PATCH/DELETE/HEAD/OPTIONS, and the documented post/put/patch_multipart. */
const REQUEST_TYPE = /^(get|post|put|patch|delete|head|options)(_multipart)?$/i;

/** Largest file a multipart call downloads (download_file's documented ceiling). */
const MAX_MULTIPART_FILE = 50 * 1024 * 1024;

/**
 * Renders an api_call notification into a request: `to`, `request_type` (default POST),
 * `request_headers` (a JSON object), and the body. `warn` receives messages the developer
 * should see (line feeds removed from a header, a GET body dropped).
 */
export async function prepareApiCall(render: NotificationRender, http: HttpClient, warn: (message: string) => void): Promise<PreparedCall> {
  const { def } = render;
  const url = ((await render.field('to')) ?? '').trim();
  if (!url) throw new RenderFailure(`${def.file} (to): the URL to call is empty`);
  const type = ((await render.field('request_type')) ?? '').trim() || 'POST';
  const m = REQUEST_TYPE.exec(type);
  if (!m) {
    throw new RenderFailure(`${def.file} (request_type): unknown request type ${JSON.stringify(type)} (GET, POST, PUT, PATCH, DELETE or post/put/patch_multipart)`);
  }
  const method = m[1].toUpperCase();
  const raw = parseHeaderJson((await render.field('request_headers')) ?? '', `${def.file} (request_headers)`);
  const headers = cleanHeaders(raw, def.name, warn);
  const text = await render.body();
  if (m[2]) {
    // FormData sets its own content type with the boundary; a written one would break it.
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
    return { method, url, headers, body: await multipartBody(text, http, def.file) };
  }
  if (method === 'GET' || method === 'HEAD') {
    if (text.trim() !== '') warn(`${def.name}: a ${method} request has no body; the rendered body was not sent`);
    return { method, url, headers };
  }
  return { method, url, headers, body: text };
}

/**
 * The documented *_multipart body: `{"param": {"url", "name", "content_type"}}`; each file is
 * downloaded through the same client and sent as a file part. Plain values become fields.
 */
async function multipartBody(text: string, http: HttpClient, file: string): Promise<FormData> {
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch {
    throw new RenderFailure(`${file}: a multipart request body must be a JSON object of {"param": {"url": ...}}`);
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new RenderFailure(`${file}: a multipart request body must be a JSON object of {"param": {"url": ...}}`);
  }
  const form = new FormData();
  for (const [param, value] of Object.entries(spec as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') {
      form.append(param, String(value ?? ''));
      continue;
    }
    const part = value as { url?: unknown; name?: unknown; content_type?: unknown };
    if (typeof part.url !== 'string') throw new RenderFailure(`${file}: multipart parameter ${param} needs a "url"`);
    const res = await http.request({ method: 'GET', url: part.url, followRedirects: true, maxBytes: MAX_MULTIPART_FILE });
    if (res.status >= 400) throw new RenderFailure(`${file}: multipart parameter ${param}: downloading the file answered ${res.status}`);
    const type = typeof part.content_type === 'string' ? part.content_type : (res.headers['content-type'] ?? 'application/octet-stream');
    const name = typeof part.name === 'string' ? part.name : (new URL(res.sentTo).pathname.split('/').pop() || param);
    form.append(param, new Blob([new Uint8Array(res.bytes)], { type }), name);
  }
  return form;
}
