import { Tag, type Context, type Liquid, type TagToken, type TopLevelToken, type Value } from 'liquidjs';
import { AssignTarget } from '../util/assign-target.js';
import { readValueOrLiteral } from '../util/literal.js';

/**
 * {% assign x = value %} as platformOS extends it: hash and array literals
 * (`assign a = {"a": 1, "b": [1, 2]}`), keys in dot/bracket notation
 * (`assign x["a"].b = 1`, which changes the hash in place) and `assign arr << item`.
 * Also registered as the deprecated hash_assign, which is the same statement.
 */
export class AssignTag extends Tag {
  private target: AssignTarget;
  private value: Value;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.target = AssignTarget.read(this.tokenizer, token.name);
    this.value = readValueOrLiteral(this.tokenizer, liquid);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const value = yield this.value.value(ctx, false);
    yield* this.target.set(ctx, value);
  }
}
