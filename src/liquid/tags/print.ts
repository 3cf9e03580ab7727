import { Tag, Value, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { toOutput } from '../escape.js';

/**
 * {% print value %}: prints like {{ }} but never HTML-escapes, for text that mixes markup
 * already escaped (captured {{ }} output) with markup meant to run. Hashes print as JSON.
 */
export class PrintTag extends Tag {
  private value: Value;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.tokenizer.skipBlank();
    if (this.tokenizer.end()) throw new Error('print: value missing (e.g. {% print result %})');
    this.value = new Value(this.tokenizer.readFilteredValue(), liquid);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    emitter.write(toOutput(yield this.value.value(ctx, false)));
  }
}
