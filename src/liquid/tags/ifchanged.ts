import { Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { readBlock } from '../util/block.js';

/**
 * {% ifchanged %}...{% endifchanged %}: prints the rendered block only when it differs from
 * what the previous ifchanged printed (Ruby Liquid keeps one register for the template).
 */
export class IfchangedTag extends Tag {
  private templates: Template[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.templates = readBlock(token, remain, liquid, 'endifchanged');
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const html = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    if (html === ctx.getRegister<string | undefined>('ifchanged')) return;
    ctx.setRegister('ifchanged', html);
    emitter.write(html);
  }
}
