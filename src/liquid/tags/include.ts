import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { PartialCall, findPartial, renderPartial } from './partial-call.js';

/**
 * {% include 'name', a: 1 %}: the partial sees the caller's variables, but what it assigns
 * stays local ("variables flow from top to bottom": platformOS's variables and include
 * docs; export is the way out). Objects are shared, so `assign h["k"] = v` changes the
 * caller's hash, and a `break` inside stops the caller too. `with value [as x]` binds one
 * value, `for array [as x]` renders once per item. The path may be any expression.
 */
export class IncludeTag extends Tag {
  private call: PartialCall;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.call = new PartialCall(this.tokenizer, liquid, 'include');
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = yield* this.call.name(ctx);
    const templates = findPartial(ctx, name);
    for (const scope of yield* this.call.scopes(ctx, name)) {
      const child = ctx.spawn({ ...visibleVariables(ctx), ...scope });
      yield* renderPartial(this.liquid, child, name, templates, emitter);
      if (child.breakCalled || child.continueCalled) {
        ctx.breakCalled ||= child.breakCalled;
        ctx.continueCalled ||= child.continueCalled;
        return;
      }
    }
  }
}

/** The caller's variables (render arguments and every scope; the globals travel with spawn). */
function visibleVariables(ctx: Context): Record<string, unknown> {
  const all = ctx.getAll() as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(all)) if (!(key in ctx.globals)) out[key] = all[key];
  return out;
}
