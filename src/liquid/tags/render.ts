import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { PartialCall, findPartial, renderPartial } from './partial-call.js';

/**
 * {% render 'name', a: 1 %}: the partial sees only its arguments (and the global `context`);
 * its assigns stay inside and a `break` stops only the partial. `with value [as x]` and
 * `for array [as x]` as in include.
 */
export class RenderTag extends Tag {
  private call: PartialCall;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.call = new PartialCall(this.tokenizer, liquid, 'render');
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = yield* this.call.name(ctx);
    const templates = findPartial(ctx, name);
    for (const scope of yield* this.call.scopes(ctx, name)) {
      yield* renderPartial(this.liquid, ctx.spawn(scope), name, templates, emitter);
    }
  }
}
