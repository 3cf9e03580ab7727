import type { Liquid } from 'liquidjs';
import type { AppDefinition, LiquidSource, NotificationDef } from '../app/types.js';
import type { Services } from '../liquid/services.js';
import { buildContext } from '../liquid/context.js';
import { renderTemplates } from '../liquid/render.js';
import { newResponseState, type RenderState } from '../liquid/state.js';
import { describeError } from '../liquid/errors.js';
import { toPlain } from '../liquid/to-plain.js';
import type { NotificationVars } from './types.js';

export interface RenderDeps {
  liquid: Liquid;
  services: Services;
  app: () => AppDefinition;
}

/** A notification that did not render; the message names file (and field), line and cause. */
export class RenderFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderFailure';
  }
}

/** Renders one notification's fields, body and callback with the same variables. */
export interface NotificationRender {
  readonly def: NotificationDef;
  /** A front matter field (to, request_headers, callback...); undefined when the file has none. */
  field(key: string, extra?: Record<string, unknown>): Promise<string | undefined>;
  /** The Liquid after the front matter. */
  body(format?: string): Promise<string>;
  /** Any parsed source (a layout) with this render's variables. */
  source(src: LiquidSource, extra: Record<string, unknown>, format: string): Promise<string>;
}

/**
 * data and form as templates see them. api_call_send's `data` is also `form` and a form's
 * values are also `data` (the docs promise both names), so each falls back to the other.
 */
export function templateVars(vars: NotificationVars): { data: Record<string, unknown>; form: Record<string, unknown> } {
  const data = (toPlain(vars.data ?? vars.form ?? {}) ?? {}) as Record<string, unknown>;
  const form = (toPlain(vars.form ?? vars.data ?? {}) ?? {}) as Record<string, unknown>;
  return { data, form };
}

/**
 * Starts rendering a notification. Output is not HTML-escaped (format 'txt': headers and
 * bodies of api calls are JSON or text) except where a caller asks for 'html' (email bodies).
 * Every field renders in a fresh scope, so an `assign` in request_headers does not leak into
 * the body, as each field is its own template on platformOS.
 */
export function startRender(deps: RenderDeps, def: NotificationDef, vars: NotificationVars): NotificationRender {
  const app = deps.app();
  const state: RenderState = {
    app,
    services: deps.services,
    format: 'txt',
    url: '',
    page: def.file,
    partials: [],
    response: newResponseState(),
    contentFor: {},
    exports: {},
    session: {},
  };
  const context = buildContext({ constants: deps.services.constants, exports: state.exports });
  const base = templateVars(vars);

  /** Body lines are file lines (front matter offset added); field lines count within the field, as its label says. */
  async function run(src: LiquidSource, label: string, extra: Record<string, unknown>, format: string, isBody = false): Promise<string> {
    state.format = format;
    state.partials = [];
    try {
      return await renderTemplates(deps.liquid, src.templates, { state, context, scope: { ...base, ...extra } });
    } catch (err) {
      throw new RenderFailure(describeError(err, label, (f) => (isBody ? (app.offsets.get(f) ?? 0) : 0)));
    }
  }

  return {
    def,
    async field(key, extra = {}) {
      const src = def.fields[key];
      return src ? run(src, `${def.file} (${key})`, extra, 'txt') : undefined;
    },
    body: (format = 'txt') => run(def.body, def.file, {}, format, true),
    source: (src, extra, format) => run(src, src.file, extra, format, !src.file.endsWith(')')),
  };
}

/** trigger_condition: absent means send; otherwise only the rendered text `true` sends. */
export async function triggerAllows(render: NotificationRender): Promise<{ ok: true } | { ok: false; reason: string }> {
  const text = await render.field('trigger_condition');
  if (text === undefined || text.trim() === 'true') return { ok: true };
  return { ok: false, reason: `trigger_condition rendered ${JSON.stringify(text.trim().slice(0, 60))}, not "true"` };
}

/** `enabled: false` (or the string 'false') turns a notification off. */
export function isEnabled(def: NotificationDef): boolean {
  const v = def.frontMatter.enabled;
  return !(v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false'));
}
