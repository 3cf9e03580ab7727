import { Context, Liquid, toValue, type Emitter, type FilterImplOptions, type RenderOptions, type Template } from 'liquidjs';
import { FILTERS, RAW_FILTERS } from './filters/index.js';
import type { FilterThis, FilterToken, PosFilter } from './filters/types.js';
import { FilterError } from './filters/types.js';
import { TAGS } from './tags/index.js';
import { outputEscape } from './escape.js';
import { ReturnSignal } from './util/control.js';
import { FILTER_ARITY } from './util/filter-arity.js';
import { installStringLiterals } from './util/string-literals.js';
import { installFloatLiterals } from './util/ruby-number.js';
import { OPERATORS } from './util/operators.js';

const LIQUIDJS_ONLY_TAGS = ['layout', 'block'];

export interface EngineOptions {
  /** liquidjs renderLimit: ms one render may take. */
  renderTimeoutMs: number;
  /** liquidjs memoryLimit. */
  renderMemoryLimit: number;
}

/**
 * liquidjs with one platformOS rule added at the top of every render: `{% return %}` outside
 * a function (in a page, layout or notification) ends the render, keeping what was output.
 */
class PosLiquid extends Liquid {
  override _render(tpl: Template[], scope: Context | object | undefined, renderOptions: RenderOptions): IterableIterator<unknown> {
    const ctx = scope instanceof Context ? scope : new Context(scope, this.options, renderOptions, { liquid: this });
    return renderTop(this, tpl, ctx);
  }
}

function* renderTop(liquid: Liquid, tpl: Template[], ctx: Context): Generator<unknown, string, unknown> {
  const emitter = new BufferEmitter();
  try {
    yield liquid.renderer.renderTemplates(tpl, ctx, emitter);
  } catch (err) {
    if (!(err instanceof ReturnSignal)) throw err;
  }
  return emitter.buffer;
}

/** liquidjs's SimpleEmitter (not exported): text as liquidjs stringifies it. */
class BufferEmitter implements Emitter {
  buffer = '';
  write(html: unknown): void {
    this.buffer += plainText(html);
  }
}

function plainText(value: unknown): string {
  const v = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(plainText).join('');
  return String(v);
}

/**
 * The only place filters and tags are registered. One engine per instance; it knows nothing
 * of the app (partials and the rest come through the render state at render time).
 */
export function createEngine(opts: EngineOptions): Liquid {
  installStringLiterals();
  installFloatLiterals();
  const liquid = new PosLiquid({
    // liquid_check_mode: error: an unknown filter fails when the file loads.
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape,
    timezoneOffset: 0,
    renderLimit: opts.renderTimeoutMs,
    memoryLimit: opts.renderMemoryLimit,
    dateFormat: '%Y-%m-%d %H:%M:%S %z',
    operators: OPERATORS,
  });
  for (const [name, builtin] of Object.entries(liquid.filters)) {
    // liquidjs extras that platformOS does not have (push, where_exp, jsonify...) would make
    // code pass here and fail there; the ones platformOS has get its arity check.
    if (!(name in FILTER_ARITY)) liquid.unregisterFilter(name);
    else liquid.registerFilter(name, withArity(name, builtin));
  }
  for (const [name, fn] of Object.entries(FILTERS)) {
    liquid.registerFilter(name, { handler: withNamedArgs(name, fn), raw: RAW_FILTERS.has(name) });
  }
  for (const [name, tag] of Object.entries(TAGS)) liquid.registerTag(name, tag);
  // liquidjs's Jekyll-style layout/block tags: platformOS has neither (layouts come from the
  // page's front matter), so code using them must fail here as it would there.
  for (const name of LIQUIDJS_ONLY_TAGS) delete (liquid.tags as Record<string, unknown>)[name];
  return liquid;
}

const arityChecked = new WeakSet<FilterToken>();

/**
 * Ruby Liquid's arity rule (platformOS raises under liquid_raise_mode): the input, each
 * positional argument, and one trailing hash when named arguments are given. The error
 * names the filter and the missing or extra argument; liquidjs adds file:line.
 */
export function checkArity(name: string, token: FilterToken): void {
  // A parsed filter call never changes: check it once, not on every render.
  if (arityChecked.has(token)) return;
  const arity = FILTER_ARITY[name];
  if (!arity) return;
  const positional = token.args.filter((arg) => !Array.isArray(arg)).length;
  const named = token.args.length > positional ? 1 : 0;
  const given = 1 + positional + named;
  const [min, max, params] = arity;
  if (given >= min && (max < 0 || given <= max)) {
    arityChecked.add(token);
    return;
  }
  const expected = max < 0 ? `${min}+` : min === max ? `${min}` : `${min}..${max}`;
  const detail =
    given < min
      ? `missing ${params
          .slice(given, min)
          .map((p) => `argument "${p}"`)
          .join(', ')}`
      : `unexpected argument ${max} (${argumentText(token.args[max - 1])})`;
  throw new FilterError(name, `wrong number of arguments (given ${given}, expected ${expected}): ${detail}`);
}

function argumentText(arg: unknown): string {
  if (Array.isArray(arg)) return `${String(arg[0])}: ...`;
  const text = (arg as { getText?: () => string } | undefined)?.getText?.();
  return text ?? '?';
}

/** A liquidjs built-in with the arity check in front; it keeps its own calling convention. */
function withArity(name: string, builtin: FilterImplOptions): FilterImplOptions {
  const handler = typeof builtin === 'function' ? builtin : builtin.handler;
  const checked = function checkedFilter(this: Omit<FilterThis, 'named'>, ...argv: unknown[]): unknown {
    checkArity(name, this.token);
    return (handler as (...a: unknown[]) => unknown).apply(this, argv);
  };
  return typeof builtin === 'function' ? checked : { ...builtin, handler: checked };
}

/**
 * liquidjs passes keyword arguments as [name, value] pairs among the positional ones; the
 * filter token says which were written as `name: value`. Posemu filters get them apart, in
 * `this.named`, so `hash_merge: b: 2` and `hash_merge: other` stay distinguishable.
 */
/** Shared, frozen: filters read `this.named`, never write it. */
const NO_NAMED: Record<string, unknown> = Object.freeze({});

function withNamedArgs(name: string, fn: PosFilter) {
  return function posemuFilter(this: Omit<FilterThis, 'named'>, input: unknown, ...argv: unknown[]): unknown {
    checkArity(name, this.token);
    const kinds = this.token.args;
    // liquidjs makes a fresh `this` for every filter call, so adding `named` to it is safe.
    const self = this as FilterThis;
    if (!kinds.some(Array.isArray)) {
      self.named = NO_NAMED;
      return fn.apply(self, [input, ...argv]);
    }
    const named: Record<string, unknown> = {};
    const positional: unknown[] = [];
    argv.forEach((arg, i) => {
      if (Array.isArray(kinds[i]) && Array.isArray(arg)) named[String(arg[0])] = arg[1];
      else positional.push(arg);
    });
    self.named = named;
    return fn.call(self, input, ...positional);
  };
}

/** Parses a template body; `file` is the project-relative path errors will name. */
export function parseTemplate(liquid: Liquid, source: string, file: string): Template[] {
  return liquid.parse(source, file);
}
