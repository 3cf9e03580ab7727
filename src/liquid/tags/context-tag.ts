import { Hash, Tag, type Context, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { toOutput } from '../escape.js';

/**
 * {% context language: 'de' %}: changes the render's context; language is what the docs
 * define (translations and localized formats then use it). Other keys are refused, so a
 * typo does not pass silently. Also registered as the deprecated context_rc.
 */
export class ContextTag extends Tag {
  private hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
    for (const key of Object.keys(this.hash.hash)) {
      if (key !== 'language') throw new Error(`${token.name}: unknown option ${JSON.stringify(key)} (supported: language)`);
    }
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const context = (ctx.globals as { context?: Record<string, unknown> }).context;
    if (!context || opts.language === undefined) return;
    const language = toOutput(opts.language).trim();
    if (!language) throw new Error(`${this.name}: language is blank`);
    context.language = language;
  }
}
