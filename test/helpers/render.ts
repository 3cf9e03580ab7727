import { afterAll } from 'vitest';
import { buildContext } from '../../src/liquid/context.js';
import { renderTemplates } from '../../src/liquid/render.js';
import { newResponseState, type RenderState } from '../../src/liquid/state.js';
import { closeAll, makeInstance, type TestInstance } from './app.js';

let shared: TestInstance | undefined;
afterAll(closeAll);

export interface RenderOptions {
  /** Output format; 'html' escapes output. Default 'txt' (what the docs' examples show). */
  format?: string;
  /** Instance to render in (for partials, constants...); default a shared empty one. */
  instance?: TestInstance;
}

/** Renders Liquid source the way a page would (same engine, state and context), for filter and tag tests. */
export async function render(source: string, vars: Record<string, unknown> = {}, opts: RenderOptions = {}): Promise<string> {
  const instance = opts.instance ?? (shared ??= makeInstance());
  const state: RenderState = {
    app: instance.app(),
    services: instance.services,
    format: opts.format ?? 'txt',
    url: '/test',
    page: 'test.liquid',
    partials: [],
    response: newResponseState(),
    contentFor: {},
    exports: {},
    session: {},
  };
  const templates = instance.liquid.parse(source, 'test.liquid');
  const context = buildContext({ constants: instance.services.constants, exports: state.exports });
  return renderTemplates(instance.liquid, templates, { state, context, scope: vars });
}
