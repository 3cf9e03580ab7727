import { Hash, evalToken, type Context, type Emitter, type Liquid, type Template, type Tokenizer, type ValueToken } from 'liquidjs';
import { getState } from '../state.js';
import { PosError } from '../../errors.js';
import { toOutput } from '../escape.js';
import { ReturnSignal } from '../util/control.js';

/** Deepest nesting of include/render/function before a render stops (platformOS limits it too). */
export const MAX_PARTIAL_DEPTH = 50;

/**
 * What include, render and function share: a partial path (quoted or any expression, so
 * dynamic paths work), then optional `with value` / `for value as alias`, then named
 * arguments with or without commas between them.
 */
export class PartialCall {
  readonly path: ValueToken;
  readonly hash: Hash;
  /** `with value [as alias]` or `for collection [as alias]`. */
  binding?: { kind: 'with' | 'for'; value: ValueToken; alias?: string };

  constructor(tokenizer: Tokenizer, liquid: Liquid, tagName: string) {
    tokenizer.skipBlank();
    const path = tokenizer.readValue();
    if (!path) throw new Error(`${tagName}: partial name missing (e.g. {% ${tagName} 'shared/header' %})`);
    this.path = path;
    tokenizer.skipBlank();
    if (tokenizer.peek() === ',') tokenizer.advance();
    this.readBinding(tokenizer);
    this.hash = new Hash(tokenizer, liquid.options.keyValueSeparator);
  }

  private readBinding(tokenizer: Tokenizer): void {
    tokenizer.skipBlank();
    const begin = tokenizer.p;
    const word = tokenizer.readIdentifier().content;
    tokenizer.skipBlank();
    if ((word === 'with' || word === 'for') && tokenizer.peek() !== ':') {
      const value = tokenizer.readValue();
      if (value) {
        const beforeAs = tokenizer.p;
        const as = tokenizer.readIdentifier().content;
        const alias = as === 'as' ? tokenizer.readIdentifier().content : undefined;
        if (as !== 'as') tokenizer.p = beforeAs;
        this.binding = { kind: word, value, alias };
        tokenizer.skipBlank();
        if (tokenizer.peek() === ',') tokenizer.advance();
        return;
      }
    }
    tokenizer.p = begin;
  }

  /**
   * The scopes to render the partial with, one per iteration: the named arguments plus the
   * `with`/`for` value bound to the alias or the partial's last path segment. `for` over
   * an array renders once per item; over anything else it acts as `with`.
   */
  *scopes(ctx: Context, name: string): Generator<unknown, Array<Record<string, unknown>>, unknown> {
    const args = yield* this.args(ctx);
    const binding = this.binding;
    if (!binding) return [args];
    const value = yield evalToken(binding.value, ctx);
    const variable = binding.alias ?? lastSegment(name);
    if (binding.kind === 'for' && Array.isArray(value)) return value.map((item) => ({ ...args, [variable]: item }));
    return [{ ...args, [variable]: value }];
  }

  /** The partial's name, evaluated (dynamic paths are expressions). */
  *name(ctx: Context): Generator<unknown, string, unknown> {
    const name = toOutput(yield evalToken(this.path, ctx)).trim();
    if (!name) throw new PosError('POS_ERR_UNKNOWN_PARTIAL', `empty partial name (${this.path.getText()})`);
    return name;
  }

  *args(ctx: Context): Generator<unknown, Record<string, unknown>, unknown> {
    return (yield this.hash.render(ctx)) as Record<string, unknown>;
  }
}

/** `shared/card` -> `card`: the variable a `with`/`for` value is bound to without `as`. */
export function lastSegment(name: string): string {
  return name.split('/').pop() ?? name;
}

/** Finds a partial by name in views/partials or lib (module partials as modules/<m>/<name>). */
export function findPartial(ctx: Context, name: string): Template[] {
  const partial = getState(ctx).app.partials.get(partialKey(name));
  if (!partial) {
    // "can't find partial" is the phrase platformOS code tests err.message for (see the try tag).
    throw new PosError('POS_ERR_UNKNOWN_PARTIAL', `${JSON.stringify(name)} (can't find partial in app/views/partials or app/lib)`);
  }
  return partial.body.templates;
}

/** Whether a partial of that name exists (theme_render_rc tries several). */
export function hasPartial(ctx: Context, name: string): boolean {
  return getState(ctx).app.partials.has(partialKey(name));
}

function partialKey(name: string): string {
  return name.replace(/^\/+/, '').replace(/\.liquid$/, '');
}

/**
 * Renders a partial's templates with depth tracking and the partial name recorded for logs.
 * `{% return %}` ends the partial: its value is what this returns (null without one), for
 * the function tag; include and render ignore it.
 */
export function* renderPartial(
  liquid: Liquid,
  ctx: Context,
  name: string,
  templates: Template[],
  emitter: Emitter,
): Generator<unknown, unknown, unknown> {
  const state = getState(ctx);
  if (state.partials.length >= MAX_PARTIAL_DEPTH) {
    const chain = state.partials.slice(-4).join(' > ');
    throw new Error(`partials nested more than ${MAX_PARTIAL_DEPTH} deep at ${JSON.stringify(name)} (infinite recursion? ... ${chain} > ${name})`);
  }
  state.partials.push(name);
  try {
    yield liquid.renderer.renderTemplates(templates, ctx, emitter);
    return null;
  } catch (err) {
    if (err instanceof ReturnSignal) return err.value;
    throw err;
  } finally {
    state.partials.pop();
  }
}
