import { Hash, Tag, evalToken, type Context, type Liquid, type TagToken, type TopLevelToken, type ValueToken } from 'liquidjs';
import { getState } from '../state.js';
import { toOutput } from '../escape.js';

/**
 * {% export a, b, namespace: 'name' %}: makes local variables readable anywhere as
 * `context.exports.name.a`. Exporting again into a namespace adds to it (a later value of
 * the same variable wins).
 */
export class ExportTag extends Tag {
  private variables: Array<{ name: string; token: ValueToken }> = [];
  private hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const tokenizer = this.tokenizer;
    for (;;) {
      tokenizer.skipBlank();
      if (tokenizer.peek() === ',') tokenizer.advance();
      const begin = tokenizer.p;
      const value = tokenizer.readValue();
      tokenizer.skipBlank();
      if (!value || tokenizer.peek() === ':') {
        tokenizer.p = begin;
        break;
      }
      this.variables.push({ name: value.getText(), token: value });
    }
    this.hash = new Hash(tokenizer, liquid.options.keyValueSeparator);
    if (!this.variables.length) throw new Error(`export: variable names missing (e.g. {% export a, b, namespace: 'x' %})`);
    if (!('namespace' in this.hash.hash)) throw new Error(`export: namespace missing (e.g. {% export a, namespace: 'x' %})`);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const namespace = toOutput(opts.namespace);
    if (!namespace) throw new Error('export: namespace is blank');
    const exports = getState(ctx).exports;
    const current = exports[namespace];
    const target = (current && typeof current === 'object' && !Array.isArray(current) ? current : {}) as Record<string, unknown>;
    for (const variable of this.variables) target[variable.name] = yield evalToken(variable.token, ctx);
    exports[namespace] = target;
  }
}
