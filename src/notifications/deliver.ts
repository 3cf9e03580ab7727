import type { Store } from '../store/index.js';
import type { OutboxResult, OutboxRow } from '../store/outbox.js';
import type { NotificationDef } from '../app/types.js';
import { HttpError, type HttpResponse } from '../http/client.js';
import { redactHeaders, redactUrl } from '../http/redact.js';
import { PosError, errorMessage } from '../errors.js';
import { toPlain } from '../liquid/to-plain.js';
import { prepareApiCall, type PreparedCall } from './api-call.js';
import { cleanHeaders } from './headers.js';
import { RenderFailure, isEnabled, startRender, triggerAllows, type NotificationRender, type RenderDeps } from './render.js';
import type { AdHocCall, CallResponse, NotificationVars, SendResult } from './types.js';

/**
 * Retries of queued api calls: network errors, timeouts and 5xx answers are tried again
 * `attempts` times in all, waiting baseDelayMs * factor^(n-1) after the n-th try (defaults:
 * 5 tries, 1 s, 4 s, 16 s, 64 s apart). The last failure is recorded in the outbox and logged;
 * nothing is dropped. 4xx answers are final (retrying would get the same answer).
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  factor: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ attempts: 5, baseDelayMs: 1000, factor: 4 });

export interface DeliveryDeps extends RenderDeps {
  store: Store;
  /** Timeout of a queued delivery, in ms (config.httpTimeoutMs). */
  timeoutMs: number;
  retry: RetryPolicy;
}

/** The name logs give an ad-hoc api_call_send. */
const AD_HOC = 'api_call_send';

/** Sending api calls: one try of a queued row (the worker), or a synchronous api_call_send. */
export interface ApiCallDelivery {
  deliverRow(row: OutboxRow): Promise<void>;
  sendTemplate(def: NotificationDef, vars: NotificationVars, timeoutMs: number): Promise<SendResult>;
  sendAdHoc(call: AdHocCall, timeoutMs: number): Promise<SendResult>;
}

export function createApiCallDelivery(deps: DeliveryDeps): ApiCallDelivery {
  const { store, services } = deps;
  const outbox = store.outbox;
  const log = (type: string, message: string, page = '') => services.log({ type, message, page });
  const warned = new WeakMap<object, Set<string>>();
  const adHoc = {};
  /**
   * A warning is logged once per loaded notification file (a reload of the file, or a restart,
   * shows it again), so a queue of a thousand deliveries does not bury the log in copies.
   */
  const warnOnce = (owner: object, page: string) => (message: string) => {
    const seen = warned.get(owner) ?? new Set<string>();
    warned.set(owner, seen);
    if (seen.has(message)) return;
    seen.add(message);
    log('warning', message, page);
  };

  /** One HTTP exchange, logged as `api_call` when an answer came back. */
  async function attempt(who: string, page: string, call: PreparedCall, timeoutMs: number): Promise<HttpResponse | HttpError> {
    try {
      const res = await services.http.request({ ...call, timeoutMs });
      const sentTo = new URL(res.sentTo);
      const via = sentTo.host !== new URL(call.url).host ? ` (via ${sentTo.origin})` : '';
      log('api_call', `${who}: ${call.method} ${redactUrl(call.url)} -> ${res.status} in ${res.durationMs} ms${via}`, page);
      return res;
    } catch (err) {
      if (err instanceof HttpError) return err;
      throw err;
    }
  }

  /** Runs `callback` with the response; a failure is logged and noted, the delivery stands. */
  async function callback(id: number, render: NotificationRender, res: HttpResponse): Promise<void> {
    if (!render.def.fields.callback) return;
    try {
      await render.field('callback', { response: toCallResponse(res) });
    } catch (err) {
      const message = errorMessage(err);
      outbox.noteError(id, `callback: ${message}`);
      log('api_call_error', message, render.def.file);
    }
  }

  /** Renders trigger_condition and the request; a reason string when it is not to be sent. */
  async function prepare(render: NotificationRender): Promise<PreparedCall | { skip: string }> {
    const trigger = await triggerAllows(render);
    if (!trigger.ok) return { skip: trigger.reason };
    return prepareApiCall(render, services.http, warnOnce(render.def, render.def.file));
  }

  async function deliverRow(row: OutboxRow): Promise<void> {
    const def = deps.app().apiCalls.get(row.name);
    if (!def) {
      const error = `${row.name}: api_call notification not found (removed after it was queued; looked in app/api_calls)`;
      outbox.finish(row.id, 'failed', { error });
      log('api_call_error', `${error} (outbox #${row.id})`);
      return;
    }
    const render = startRender(deps, def, JSON.parse(row.vars) as NotificationVars);
    let call: PreparedCall | { skip: string };
    try {
      call = await prepare(render);
    } catch (err) {
      // A multipart file download: network errors and timeouts are tried again, a bad URL is final.
      if (err instanceof HttpError) return err.retryable ? failedTry(row, def, err.message, {}) : giveUp(row, def, err.message, {});
      renderFailed(row.id, def.file, err);
      return;
    }
    if ('skip' in call) {
      outbox.finish(row.id, 'skipped', { error: call.skip });
      log('api_call', `${def.name}: not sent, ${call.skip} (outbox #${row.id})`, def.file);
      return;
    }
    const request = requestRecord(call);
    const res = await attempt(def.name, def.file, call, deps.timeoutMs);
    if (res instanceof HttpError) {
      if (!res.retryable) return giveUp(row, def, res.message, { request, durationMs: res.durationMs });
      return failedTry(row, def, res.message, { request, durationMs: res.durationMs });
    }
    const result = { request, ...responseResult(res) };
    if (res.status >= 500 && row.attempts < deps.retry.attempts) {
      return failedTry(row, def, `${call.method} ${redactUrl(call.url)} answered ${res.status}`, result);
    }
    outbox.finish(row.id, res.status >= 500 ? 'failed' : 'delivered', result);
    if (res.status >= 500) log('api_call_error', `${def.name}: answered ${res.status}; gave up after ${row.attempts} attempt(s) (outbox #${row.id})`, def.file);
    await callback(row.id, render, res);
  }

  /** A retryable failure: try again later, or give up after the last attempt. */
  function failedTry(row: OutboxRow, def: NotificationDef, why: string, result: OutboxResult): void {
    if (row.attempts >= deps.retry.attempts) return giveUp(row, def, why, result);
    const wait = deps.retry.baseDelayMs * deps.retry.factor ** (row.attempts - 1);
    outbox.retryAt(row.id, Date.now() + wait, { ...result, error: why });
    log('api_call_error', `${def.name}: ${why}; attempt ${row.attempts} of ${deps.retry.attempts}, trying again in ${formatWait(wait)} (outbox #${row.id})`, def.file);
  }

  function giveUp(row: OutboxRow, def: NotificationDef, why: string, result: OutboxResult): void {
    outbox.finish(row.id, 'failed', { ...result, error: why });
    log('api_call_error', `${def.name}: ${why}; gave up after ${row.attempts} attempt(s) (outbox #${row.id})`, def.file);
  }

  /** A notification that did not render: recorded as failed (not retried: it would fail the same way). */
  function renderFailed(id: number, file: string, err: unknown): string {
    const message = err instanceof RenderFailure || err instanceof PosError ? err.message : `${file}: ${errorMessage(err)}`;
    outbox.finish(id, 'failed', { error: message });
    log('api_call_error', message, file);
    return message;
  }

  /** The synchronous tail of api_call_send: send once, record, callback, answer. */
  async function sendOnce(id: number, who: string, page: string, call: PreparedCall, timeoutMs: number, render?: NotificationRender): Promise<SendResult> {
    const request = requestRecord(call);
    const res = await attempt(who, page, call, timeoutMs);
    if (res instanceof HttpError) {
      outbox.finish(id, 'failed', { request, error: res.message, durationMs: res.durationMs });
      log('api_call_error', `${who}: ${res.message} (outbox #${id})`, page);
      return { response: null, errors: [{ message: res.message }] };
    }
    outbox.finish(id, 'delivered', { request, ...responseResult(res) });
    if (render) await callback(id, render, res);
    return { response: toCallResponse(res), errors: [] };
  }

  return {
    deliverRow,
    async sendTemplate(def, vars, timeoutMs) {
      const id = outbox.insert({ kind: 'api_call', name: def.name, mode: 'sync', vars: storedVars(vars), status: 'sending', dueAt: Date.now() });
      const notSent = (message: string): SendResult => {
        outbox.finish(id, 'skipped', { error: message });
        return { response: null, errors: [{ message: `${def.name}: not sent, ${message}` }] };
      };
      if (!isEnabled(def)) return notSent('enabled is false');
      const render = startRender(deps, def, vars);
      let call: PreparedCall | { skip: string };
      try {
        call = await prepare(render);
      } catch (err) {
        return { response: null, errors: [{ message: renderFailed(id, def.file, err) }] };
      }
      if ('skip' in call) return notSent(call.skip);
      return sendOnce(id, def.name, def.file, call, timeoutMs, render);
    },
    async sendAdHoc(call, timeoutMs) {
      const id = outbox.insert({ kind: 'api_call', name: '', mode: 'sync', vars: {}, status: 'sending', dueAt: Date.now() });
      const method = call.method.toUpperCase();
      const headers = cleanHeaders(call.headers ?? {}, AD_HOC, warnOnce(adHoc, ''));
      const body = method === 'GET' || method === 'HEAD' ? undefined : call.body;
      return sendOnce(id, AD_HOC, '', { method, url: call.url, headers, body }, timeoutMs);
    },
  };
}

/** The outbox's record of a request: secret header values and URL credentials filtered. */
function requestRecord(call: PreparedCall): Record<string, unknown> {
  return {
    method: call.method,
    url: redactUrl(call.url),
    headers: redactHeaders(call.headers),
    body: typeof call.body === 'string' ? call.body : call.body ? '(multipart form data)' : '',
  };
}

function responseResult(res: HttpResponse): OutboxResult {
  return { status: res.status, headers: res.headers, body: res.body, durationMs: res.durationMs };
}

function toCallResponse(res: HttpResponse): CallResponse {
  return { status: res.status, body: res.body, headers: res.headers };
}

/** data/form as stored in the outbox: plain JSON (Drops and Dates turned into values). */
export function storedVars(vars: NotificationVars): Record<string, unknown> {
  return toPlain({ data: vars.data, form: vars.form }) as Record<string, unknown>;
}

function formatWait(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
