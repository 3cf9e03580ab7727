import type { Liquid, Template } from 'liquidjs';
import { STATE, type RenderState } from './state.js';

export interface RenderInput {
  state: RenderState;
  /** The `context` object (see context.ts); global, so render/function partials see it too. */
  context: Record<string, unknown>;
  /** Variables of the top scope (notifications get data/form/response here). */
  scope?: Record<string, unknown>;
}

/**
 * Renders parsed templates with posemu's render state. The one way templates are rendered:
 * pages, layouts, notifications, callbacks, forms and exec all come through here.
 */
export async function renderTemplates(liquid: Liquid, templates: Template[], input: RenderInput): Promise<string> {
  const globals = { context: input.context, [STATE]: input.state };
  return liquid.render(templates, input.scope ?? {}, { globals }) as Promise<string>;
}
