import type { FastifyRequest } from 'fastify';
import type { Instance } from '../instance.js';
import type { ContextRequest } from '../liquid/context.js';

/** Query and body params merged (body wins), as `context.params` shows them. */
export function requestParams(req: FastifyRequest): Record<string, unknown> {
  const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
  return { ...((req.query ?? {}) as Record<string, unknown>), ...body };
}

/** What the `context` object needs to know of an HTTP request. */
export function contextRequest(instance: Instance, req: FastifyRequest, params: Record<string, unknown> = requestParams(req)): ContextRequest {
  return {
    method: req.method,
    url: squeezeSlashes(req.url),
    protocol: req.protocol,
    host: req.headers.host ?? `${instance.config.host}:${instance.config.port}`,
    headers: req.headers,
    ip: req.ip,
    params,
  };
}

/**
 * `//a/b` and `/a//b` are `/a/b`, as Rails routing reads them; left as is, `//a/b` would
 * parse as host `a`, path `/b` and serve the wrong page.
 */
function squeezeSlashes(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  return path.replace(/\/{2,}/g, '/') + (q < 0 ? '' : url.slice(q));
}
