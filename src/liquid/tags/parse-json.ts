import { Hash, Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { parseJsonText } from '../json-text.js';
import { readBlock } from '../util/block.js';

/**
 * {% parse_json name %}...{% endparse_json %}: renders the block, then parses it as JSON into
 * `name`. HTML entities (which escaped output puts there) are unescaped first unless
 * `raw_text: true` is given.
 */
export class ParseJsonTag extends Tag {
  private variable: string;
  private hash: Hash;
  private templates: Template[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.variable = this.tokenizer.readIdentifier().content;
    if (!this.variable) throw new Error('parse_json: variable name missing ({% parse_json name %})');
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
    this.templates = readBlock(token, remain, liquid, 'endparse_json');
  }

  *render(ctx: Context, _emitter: Emitter): Generator<unknown, void, unknown> {
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const text = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    try {
      ctx.bottom()[this.variable] = parseJsonText(text, opts.raw_text === true, true);
    } catch (err) {
      throw new Error(`parse_json ${this.variable}: ${(err as Error).message}`);
    }
  }
}
