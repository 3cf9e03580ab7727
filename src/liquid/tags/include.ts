import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { PartialCall, findPartial, renderPartial } from './partial-call.js';

/**
 * {% include 'name', a: 1 %}: the partial shares the caller's scope (assigns leak out, and a
 * `break` inside stops the caller too, as the docs say). `with value [as x]` binds one
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
      ctx.push(scope);
      try {
        yield* renderPartial(this.liquid, ctx, name, templates, emitter);
      } finally {
        ctx.pop();
      }
    }
  }
}
