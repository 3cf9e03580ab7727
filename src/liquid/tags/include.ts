import { Tag, evalToken, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { PartialCall, findPartial, renderPartial } from './partial-call.js';

/** {% include 'name', a: 1 %}: the partial shares the caller's scope (assigns leak out). */
export class IncludeTag extends Tag {
  private call: PartialCall;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.call = new PartialCall(this.tokenizer, liquid, 'include');
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = yield* this.call.name(ctx);
    const scope = yield* this.call.args(ctx);
    if (this.call.withValue) scope[lastSegment(name)] = yield evalToken(this.call.withValue, ctx);
    const templates = findPartial(ctx, name);
    ctx.push(scope);
    try {
      yield* renderPartial(this.liquid, ctx, name, templates, emitter);
    } finally {
      ctx.pop();
    }
  }
}

export function lastSegment(name: string): string {
  return name.split('/').pop() ?? name;
}
