import { Tag, evalToken, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { PartialCall, findPartial, renderPartial } from './partial-call.js';
import { lastSegment } from './include.js';

/** {% render 'name', a: 1 %}: the partial sees only its arguments (and `context`). */
export class RenderTag extends Tag {
  private call: PartialCall;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.call = new PartialCall(this.tokenizer, liquid, 'render');
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = yield* this.call.name(ctx);
    const templates = findPartial(ctx, name);
    const child = ctx.spawn(yield* this.call.args(ctx));
    const scope = child.bottom() as Record<string, unknown>;
    if (this.call.withValue) scope[lastSegment(name)] = yield evalToken(this.call.withValue, ctx);
    const forValue = this.call.forValue;
    if (!forValue) {
      yield* renderPartial(this.liquid, child, name, templates, emitter);
      return;
    }
    const collection = yield evalToken(forValue.value, ctx);
    const items = Array.isArray(collection) ? collection : collection == null ? [] : [collection];
    for (const item of items) {
      scope[forValue.alias ?? lastSegment(name)] = item;
      yield* renderPartial(this.liquid, child, name, templates, emitter);
    }
  }
}
