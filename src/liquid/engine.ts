import { Liquid, type Template } from 'liquidjs';
import { FILTERS, RAW_FILTERS } from './filters/index.js';
import type { FilterThis, PosFilter } from './filters/types.js';
import { TAGS } from './tags/index.js';
import { outputEscape } from './escape.js';

export interface EngineOptions {
  /** liquidjs renderLimit: ms one render may take. */
  renderTimeoutMs: number;
  /** liquidjs memoryLimit. */
  renderMemoryLimit: number;
}

/**
 * The only place filters and tags are registered. One engine per instance; it knows nothing
 * of the app (partials and the rest come through the render state at render time).
 */
export function createEngine(opts: EngineOptions): Liquid {
  const liquid = new Liquid({
    // liquid_check_mode: error: an unknown filter fails when the file loads.
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape,
    timezoneOffset: 0,
    renderLimit: opts.renderTimeoutMs,
    memoryLimit: opts.renderMemoryLimit,
    dateFormat: '%Y-%m-%d %H:%M:%S %z',
  });
  for (const [name, fn] of Object.entries(FILTERS)) {
    liquid.registerFilter(name, { handler: withNamedArgs(fn), raw: RAW_FILTERS.has(name) });
  }
  for (const [name, tag] of Object.entries(TAGS)) liquid.registerTag(name, tag);
  return liquid;
}

/**
 * liquidjs passes keyword arguments as [name, value] pairs among the positional ones; the
 * filter token says which were written as `name: value`. Posemu filters get them apart, in
 * `this.named`, so `hash_merge: b: 2` and `hash_merge: other` stay distinguishable.
 */
function withNamedArgs(fn: PosFilter) {
  return function posemuFilter(this: Omit<FilterThis, 'named'>, input: unknown, ...argv: unknown[]): unknown {
    const kinds = this.token.args;
    const named: Record<string, unknown> = {};
    const positional: unknown[] = [];
    argv.forEach((arg, i) => {
      if (Array.isArray(kinds[i]) && Array.isArray(arg)) named[String(arg[0])] = arg[1];
      else positional.push(arg);
    });
    return fn.call({ ...this, named }, input, ...positional);
  };
}

/** Parses a template body; `file` is the project-relative path errors will name. */
export function parseTemplate(liquid: Liquid, source: string, file: string): Template[] {
  return liquid.parse(source, file);
}
