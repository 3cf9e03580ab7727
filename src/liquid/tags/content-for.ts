import { Hash, Tag, evalToken, type Context, type Emitter, type Liquid, type TagToken, type Template, type Tokenizer, type TopLevelToken, type ValueToken } from 'liquidjs';
import { getState } from '../state.js';
import { toOutput } from '../escape.js';
import { readBlock } from '../util/block.js';

/** Reads the leading name expression (`'header'` or a variable) and the named options after it. */
function readNameAndOptions(tokenizer: Tokenizer, liquid: Liquid, tag: string): { name: ValueToken; hash: Hash } {
  const name = tokenizer.readValue();
  if (!name) throw new Error(`${tag}: block name missing (e.g. {% ${tag} 'header' %})`);
  tokenizer.skipBlank();
  if (tokenizer.peek() === ',') tokenizer.advance();
  return { name, hash: new Hash(tokenizer, liquid.options.keyValueSeparator) };
}

/**
 * {% content_for 'name' %}...{% endcontent_for %}: stores the rendered block under the name
 * for `yield` (in the layout or later in the page). Blocks with the same name are appended,
 * unless `flush: true`, which replaces what was there.
 */
export class ContentForTag extends Tag {
  private blockName: ValueToken;
  private hash: Hash;
  private templates: Template[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    ({ name: this.blockName, hash: this.hash } = readNameAndOptions(this.tokenizer, liquid, token.name));
    this.templates = readBlock(token, remain, liquid, 'endcontent_for');
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const name = toOutput(yield evalToken(this.blockName, ctx));
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const html = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    const store = getState(ctx).contentFor;
    store[name] = opts.flush === true || store[name] === undefined ? html : store[name] + html;
  }
}

/**
 * {% yield 'name' %}: prints what content_for stored (already rendered, so not escaped
 * again), or `default:` when nothing (or only blank text) was stored.
 */
export class YieldTag extends Tag {
  private blockName: ValueToken;
  private hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    ({ name: this.blockName, hash: this.hash } = readNameAndOptions(this.tokenizer, liquid, token.name));
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = toOutput(yield evalToken(this.blockName, ctx));
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const html = getState(ctx).contentFor[name];
    if (html !== undefined && html.trim() !== '') emitter.write(html);
    else if (opts.default !== undefined) emitter.write(toOutput(opts.default));
  }
}
