import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { AssignTarget } from '../util/assign-target.js';
import { PartialCall, findPartial, renderPartial } from './partial-call.js';

/** Output of a function partial goes nowhere: only its return value matters. */
const DISCARD: Emitter = { buffer: '', write: () => undefined };

/**
 * {% function result = 'path/to/partial', arg: value %}: renders the partial in a scope that
 * holds only the arguments (and the global `context`), and stores what it returns
 * (`{% return %}`; nil when it returns nothing) at the target, which accepts the same
 * notations as assign (`result["a"].b = ...`, `list << ...`). Also function_rc.
 */
export class FunctionTag extends Tag {
  private target: AssignTarget;
  private call: PartialCall;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.target = AssignTarget.read(this.tokenizer, token.name);
    this.call = new PartialCall(this.tokenizer, liquid, token.name);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const name = yield* this.call.name(ctx);
    const templates = findPartial(ctx, name);
    const child = ctx.spawn(yield* this.call.args(ctx));
    const result = yield* renderPartial(this.liquid, child, name, templates, DISCARD);
    yield* this.target.set(ctx, result);
  }
}
