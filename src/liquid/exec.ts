import type { Instance } from '../instance.js';
import { buildContext } from './context.js';
import { describeError } from './errors.js';
import { renderTemplates } from './render.js';
import { newResponseState, type RenderState } from './state.js';

export interface ExecResult {
  result: string | null;
  error: string | null;
}

const EXEC_FILE = '(liquid_exec)';

/**
 * Runs Liquid outside any page (liquid_exec, `posemu exec liquid`, the GUI evaluator).
 * Output is not HTML-escaped: exec shows what the code computed (the format is 'txt').
 */
export async function execLiquid(instance: Instance, source: string): Promise<ExecResult> {
  const state: RenderState = {
    app: instance.app(),
    services: instance.services,
    format: 'txt',
    url: '/api/app_builder/liquid_exec',
    page: EXEC_FILE,
    partials: [],
    response: newResponseState(),
    contentFor: {},
    exports: {},
    session: {},
  };
  try {
    const templates = instance.liquid.parse(source, EXEC_FILE);
    const context = buildContext({ constants: instance.services.constants, exports: state.exports });
    return { result: await renderTemplates(instance.liquid, templates, { state, context }), error: null };
  } catch (err) {
    return { result: null, error: describeError(err, EXEC_FILE, (f) => instance.app().offsets.get(f) ?? 0) };
  }
}
