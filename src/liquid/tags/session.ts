import { Drop, Tag, type Context, type Liquid, type TagToken, type TopLevelToken, type Value } from 'liquidjs';
import { getState } from '../state.js';
import { readValueOrLiteral } from '../util/literal.js';

/**
 * {% session name = value %}: writes a session field, readable as context.session.name in
 * this render and in later requests (the server persists RenderState.session). A blank or
 * nil value deletes the field.
 */
export class SessionTag extends Tag {
  private field: string;
  private value: Value;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.field = this.tokenizer.readIdentifier().content;
    this.tokenizer.skipBlank();
    if (!this.field || this.tokenizer.peek() !== '=') {
      throw new Error(`session: expected {% session name = value %}, got ${JSON.stringify(token.args)}`);
    }
    this.tokenizer.advance();
    this.value = readValueOrLiteral(this.tokenizer, liquid);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const value = yield this.value.value(ctx, false);
    const state = getState(ctx);
    // The `context.session` a template reads is normally the same object; when it is not
    // (renders outside a request), keep both in step.
    const seen = (ctx.globals as { context?: { session?: unknown } }).context?.session;
    const targets = [state.session];
    if (seen && typeof seen === 'object' && seen !== state.session) targets.push(seen as Record<string, unknown>);
    for (const target of targets) {
      if (isBlank(value)) delete target[this.field];
      else target[this.field] = value;
    }
  }
}

/** Liquid's blank: nil, false, empty or whitespace-only text, empty array or hash. */
export function isBlank(value: unknown): boolean {
  const v = value instanceof Drop ? value.valueOf() : value;
  if (v === null || v === undefined || v === false) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}
