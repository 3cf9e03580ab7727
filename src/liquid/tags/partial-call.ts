import { Hash, evalToken, type Context, type Emitter, type Liquid, type Template, type Tokenizer, type ValueToken } from 'liquidjs';
import { getState } from '../state.js';
import { PosError } from '../../errors.js';
import { toOutput } from '../escape.js';

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
  withValue?: ValueToken;
  forValue?: { value: ValueToken; alias?: string };

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
        if (word === 'with') this.withValue = value;
        else {
          const beforeAs = tokenizer.p;
          const as = tokenizer.readIdentifier().content;
          const alias = as === 'as' ? tokenizer.readIdentifier().content : undefined;
          if (as !== 'as') tokenizer.p = beforeAs;
          this.forValue = { value, alias };
        }
        tokenizer.skipBlank();
        if (tokenizer.peek() === ',') tokenizer.advance();
        return;
      }
    }
    tokenizer.p = begin;
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

/** Finds a partial by name in views/partials or lib (module partials as modules/<m>/<name>). */
export function findPartial(ctx: Context, name: string): Template[] {
  const partial = getState(ctx).app.partials.get(name.replace(/^\/+/, '').replace(/\.liquid$/, ''));
  if (!partial) {
    throw new PosError('POS_ERR_UNKNOWN_PARTIAL', `${JSON.stringify(name)} (looked in app/views/partials and app/lib)`);
  }
  return partial.body.templates;
}

/** Renders a partial's templates with depth tracking and the partial name recorded for logs. */
export function* renderPartial(
  liquid: Liquid,
  ctx: Context,
  name: string,
  templates: Template[],
  emitter: Emitter,
): Generator<unknown, void, unknown> {
  const state = getState(ctx);
  if (state.partials.length >= MAX_PARTIAL_DEPTH) {
    throw new Error(`partials nested more than ${MAX_PARTIAL_DEPTH} deep (recursion?) at ${JSON.stringify(name)}`);
  }
  state.partials.push(name);
  try {
    yield liquid.renderer.renderTemplates(templates, ctx, emitter);
  } finally {
    state.partials.pop();
  }
}
