import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Instance } from '../instance.js';
import { PosError, errorMessage, isPosError } from '../errors.js';
import { buildContext, type ContextRequest } from '../liquid/context.js';
import { contextRequest, requestParams } from './request.js';
import { headerSafeUrl } from '../pages/serve-page.js';
import { escapeHtml } from '../liquid/escape.js';
import { servePage } from '../pages/serve-page.js';
import { findForm } from '../forms/config.js';
import { submitForm, type SubmitResult } from '../forms/submit.js';
import { parseMultipart } from '../forms/multipart.js';
import { FAILED_SUBMISSION, FORM_ACTION, type FailedSubmission } from '../forms/form-object.js';
import { setFlash } from '../forms/flash.js';
import { loadSession, saveSession, requestTokenValid, type Session } from './session.js';
import { sameToken, tokenFrom } from './auth.js';

type Action = 'create' | 'update' | 'delete';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * POST /api/user/customizations (and PUT/PATCH/DELETE or POST with _method on .../:id): form
 * submissions, form-encoded, multipart or JSON. `.json` / `.html` after the path pick the
 * answer's format; otherwise a JSON body or an Accept of JSON gets JSON.
 */
export async function formsPlugin(app: FastifyInstance, opts: { instance: Instance }): Promise<void> {
  const { instance } = opts;
  // Scoped to this plugin's routes: {% form %} posts multipart by default, as on platformOS.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, async (req: FastifyRequest, body: Buffer) => {
    return parseMultipart(body, String(req.headers['content-type']));
  });
  const handler = async (req: FastifyRequest, reply: FastifyReply) => handleSubmission(instance, req, reply);
  const methods = ['POST', 'PUT', 'PATCH', 'DELETE'];
  for (const suffix of ['', '.json', '.html']) {
    app.route({ method: methods, url: `${FORM_ACTION}${suffix}`, handler });
  }
  app.route({ method: methods, url: `${FORM_ACTION}/:id`, handler });
}

async function handleSubmission(instance: Instance, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = loadSession(instance, req);
  const params = requestParams(req);
  const { id, format } = target(req, params);
  const json = wantsJson(req, format);
  let res: Answer;
  try {
    if (!csrfValid(instance, req, session, params)) {
      throw new PosError('POS_ERR_CSRF', 'the form post has no valid authenticity_token (render forms with {% form %}, or send X-CSRF-Token: context.authenticity_token); nothing was saved');
    }
    const form = findForm(instance.app(), params.form_name ?? params.form_id);
    const action = actionOf(req, params, id);
    const request = contextRequest(instance, req, params);
    const env = {
      liquid: instance.liquid,
      services: instance.services,
      app: instance.app(),
      context: buildContext({ request, constants: instance.services.constants, session: session.data, authenticityToken: () => session.authenticityToken }),
      url: req.url,
      session: session.data,
    };
    const result = await submitForm({ form, action, id: action === 'create' ? undefined : id, params, env, store: instance.store, notifier: instance.notifier });
    res = await answer(instance, req, session, result, json, request);
  } catch (err) {
    const status = isPosError(err, 'POS_ERR_UNKNOWN_FORM') ? 404 : isPosError(err) ? err.status : 500;
    const message = errorMessage(err);
    instance.services.log({ type: 'form_error', message: `${req.method} ${req.url}: ${message}`, url: req.url });
    res = json
      ? { status, headers: {}, body: { error: message, code: isPosError(err) ? err.code : 'POS_ERR_INTERNAL' } }
      : { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!DOCTYPE html><title>${status}</title><pre>${escapeHtml(message)}</pre>` };
  }
  // Before sending: the session cookie and flash go out with this reply.
  saveSession(instance, reply, session);
  reply.code(res.status).headers(res.headers).send(res.body);
}

/** The record id (from the path or resource_id) and a `.json`/`.html` format suffix. */
function target(req: FastifyRequest, params: Record<string, unknown>): { id?: string; format?: string } {
  const path = req.url.split('?')[0];
  const suffix = /\.(json|html)$/.exec(path)?.[1];
  const fromPath = (req.params as { id?: string }).id?.replace(/\.(json|html)$/, '');
  const resourceId = typeof params.resource_id === 'string' && params.resource_id !== 'new' ? params.resource_id : undefined;
  return { id: fromPath || resourceId, format: suffix };
}

function actionOf(req: FastifyRequest, params: Record<string, unknown>, id: string | undefined): Action {
  const override = typeof params._method === 'string' ? params._method.toUpperCase() : '';
  const method = req.method === 'POST' && override ? override : req.method;
  if (method === 'DELETE') return 'delete';
  if (method === 'PUT' || method === 'PATCH') {
    if (!id) throw new PosError('POS_ERR_MISSING_ARGUMENT', `${method} needs the record id (${FORM_ACTION}/<id> or resource_id)`);
    return 'update';
  }
  return 'create';
}

function wantsJson(req: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'json';
  if (String(req.headers['content-type'] ?? '').includes('application/json')) return true;
  const accept = String(req.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * CSRF: the session's authenticity_token as a param or X-CSRF-Token header. Calls with the
 * instance's token in Authorization need none (the docs exempt authorized API calls).
 */
function csrfValid(instance: Instance, req: FastifyRequest, session: Session, params: Record<string, unknown>): boolean {
  const bearer = tokenFrom(req);
  if (bearer && sameToken(bearer, instance.adminToken)) return true;
  return requestTokenValid(instance.secret, session, params, req.headers['x-csrf-token']);
}

async function answer(instance: Instance, req: FastifyRequest, session: Session, result: SubmitResult, json: boolean, request: ContextRequest): Promise<Answer> {
  if (json) {
    // platformOS answers 200 for both outcomes (docs: form server-side processing, steps 6 and 12).
    if (!result.ok) return { status: 200, headers: {}, body: { errors: result.errors } };
    const { id, table, properties, created_at, updated_at, deleted_at } = result.record;
    return { status: 200, headers: {}, body: { id, table, properties, created_at, updated_at, deleted_at } };
  }
  if (result.ok) {
    if (result.notice) setFlash(session.data, { notice: result.notice });
    return { status: 302, headers: { location: headerSafeUrl(result.redirect ?? backUrl(req, request.params) ?? '/') }, body: '' };
  }
  return rerender(instance, req, session, result, request);
}

/** Validation failed: the page the form came from renders again with the values, errors and flash alert. */
async function rerender(instance: Instance, req: FastifyRequest, session: Session, result: Extract<SubmitResult, { ok: false }>, request: ContextRequest): Promise<Answer> {
  const failed: FailedSubmission = {
    form: String(result.form.name),
    id: (result.form.id as string | null) ?? null,
    values: { properties: result.form.properties as Record<string, unknown>, top: topValues(result.form) },
    errors: result.errors,
  };
  const data = session.data as Record<symbol, unknown>;
  data[FAILED_SUBMISSION] = failed;
  try {
    return await servePage(instance, {
      ...request,
      method: 'GET',
      url: backUrl(req, request.params) ?? '/',
      params: {},
      session: session.data,
      authenticityToken: () => session.authenticityToken,
      flash: result.alert ? { alert: result.alert } : {},
    });
  } finally {
    delete data[FAILED_SUBMISSION];
  }
}

function topValues(form: Record<string, unknown>): Record<string, unknown> {
  const fields = (form.fields ?? {}) as Record<string, { value?: unknown }>;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'properties').map(([k, f]) => [k, f?.value]));
}

/**
 * Where the form was: the Referer on this host, else the slug/slug2/slug3 the form tag sent.
 * (platformOS uses page_id; the path is what posemu's router needs to render a page.)
 */
function backUrl(req: FastifyRequest, params: Record<string, unknown>): string | undefined {
  const referer = req.headers.referer;
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.host === req.headers.host) return `${url.pathname}${url.search}`;
    } catch {
      // not a URL: fall back to the slugs
    }
  }
  const slugs = [params.slug, params.slug2, params.slug3].filter((s) => typeof s === 'string' && s !== '');
  return slugs.length ? `/${slugs.join('/')}` : undefined;
}
