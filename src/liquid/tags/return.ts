import { Tag, type Context, type Liquid, type TagToken, type TopLevelToken, type Value } from 'liquidjs';
import { ReturnSignal } from '../util/control.js';
import { readValueOrLiteral } from '../util/literal.js';

/**
 * {% return value %}: ends the partial. The function tag that called it receives the value
 * (of any type); under include/render, or in a page, it only stops rendering there.
 * Also registered as the deprecated return_rc.
 */
export class ReturnTag extends Tag {
  private value?: Value;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.tokenizer.skipBlank();
    if (!this.tokenizer.end()) this.value = readValueOrLiteral(this.tokenizer, liquid);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const value = this.value ? yield this.value.value(ctx, false) : null;
    throw new ReturnSignal(value ?? null, this.token);
  }
}
