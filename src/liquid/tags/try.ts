import { Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { describeError } from '../errors.js';
import { isControlSignal } from '../util/control.js';
import { readSplitBlock } from '../util/block.js';

/**
 * {% try %}...{% catch err %}...{% endtry %}: when the body raises, its output is dropped
 * and the catch part renders with `err.message` naming file:line and cause. `return`
 * passes through (it is not an error). Also registered as try_rc (ended by endtry_rc).
 */
export class TryTag extends Tag {
  private body: Template[];
  private rescue: Template[];
  private variable?: string;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const block = readSplitBlock(token, remain, liquid, 'catch', `end${token.name}`);
    this.body = block.before;
    this.rescue = block.after;
    if (block.middle) this.variable = block.middle.tokenizer.readIdentifier().content || undefined;
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    let html: string;
    try {
      html = (yield this.liquid.renderer.renderTemplates(this.body, ctx)) as string;
    } catch (err) {
      if (isControlSignal(err)) throw err;
      if (this.variable) ctx.bottom()[this.variable] = { message: describeError(err, this.token.file ?? '') };
      yield this.liquid.renderer.renderTemplates(this.rescue, ctx, emitter);
      return;
    }
    emitter.write(html);
  }
}
