import type { Liquid, Template } from 'liquidjs';
import type { AppDefinition, FormDef } from '../app/types.js';
import type { Services } from '../liquid/services.js';
import { renderTemplates } from '../liquid/render.js';
import { newResponseState, type RenderState } from '../liquid/state.js';
import { parseTemplate } from '../liquid/engine.js';

/** What rendering a form's Liquid settings needs: the engine and the request it runs for. */
export interface FormRenderEnv {
  liquid: Liquid;
  services: Services;
  app: AppDefinition;
  /** The request's `context` object. */
  context: Record<string, unknown>;
  /** Request URL, for logs. */
  url: string;
  session: Record<string, unknown>;
}

const parsed = new WeakMap<FormDef, Map<string, Template[]>>();

/**
 * Renders one Liquid-valued setting of a form (default_payload, callback_actions, redirect_to,
 * flash_notice, flash_alert, a validation's `if`). Parsed once per loaded form file; errors
 * name `<file> (<setting>)`. Output is not HTML-escaped: it is data, not a page.
 */
export async function renderFormSetting(env: FormRenderEnv, form: FormDef, key: string, scope: Record<string, unknown>): Promise<string> {
  const text = settingText(form, key);
  if (text === undefined) return '';
  let byKey = parsed.get(form);
  if (!byKey) parsed.set(form, (byKey = new Map()));
  let templates = byKey.get(key);
  if (!templates) {
    templates = parseTemplate(env.liquid, text, `${form.file} (${key})`);
    byKey.set(key, templates);
  }
  const state: RenderState = {
    app: env.app,
    services: env.services,
    format: 'txt',
    url: env.url,
    page: form.file,
    partials: [],
    response: newResponseState(),
    contentFor: {},
    exports: {},
    session: env.session,
  };
  return renderTemplates(env.liquid, templates, { state, context: env.context, scope });
}

/** A setting's Liquid source: front matter key, or a nested path like `fields.properties.x.validation.presence.if`. */
function settingText(form: FormDef, key: string): string | undefined {
  let cur: unknown = form.config;
  for (const part of key.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === null || cur === undefined) return undefined;
  return typeof cur === 'string' ? cur : typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}
