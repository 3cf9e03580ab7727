import { Drop, Hash, Tag, Value, type Context, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { getState } from '../state.js';
import { toOutput } from '../escape.js';
import { parseJsonText } from '../json-text.js';
import { toPlain } from '../to-plain.js';

/** A tag whose markup is one value (with filters) and optional named arguments. */
abstract class ValueTag extends Tag {
  protected value: Value;
  protected hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, example: string) {
    super(token, remain, liquid);
    this.tokenizer.skipBlank();
    if (this.tokenizer.end()) throw new Error(`${token.name}: value missing (e.g. ${example})`);
    this.value = new Value(this.tokenizer.readFilteredValue(), liquid);
    this.tokenizer.skipBlank();
    if (this.tokenizer.peek() === ',') this.tokenizer.advance();
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
  }
}

/**
 * {% redirect_to '/path', status: 301 %}: the response becomes a redirect (302 unless a
 * 3xx status is given). Rendering goes on, as in platformOS; code that must stop there
 * uses break (see the include docs' guard partials).
 */
export class RedirectToTag extends ValueTag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid, "{% redirect_to '/dashboard', status: 301 %}");
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const url = toOutput(yield this.value.value(ctx, false)).trim();
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    if (!url) throw new Error('redirect_to: target is blank');
    const status = opts.status === undefined || opts.status === null ? 302 : Number(opts.status);
    if (!Number.isInteger(status) || status < 300 || status > 399) {
      throw new Error(`redirect_to: status must be a 3xx code, got ${JSON.stringify(toPlain(opts.status))}`);
    }
    getState(ctx).response.redirect = { url, status };
  }
}

/** {% response_status 404 %}: the HTTP status of the page's response. */
export class ResponseStatusTag extends ValueTag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid, '{% response_status 404 %}');
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const raw = yield this.value.value(ctx, false);
    const status = Number(raw instanceof Drop ? raw.valueOf() : raw);
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      throw new Error(`response_status: expected an HTTP status (100-599), got ${JSON.stringify(toPlain(raw))}`);
    }
    getState(ctx).response.status = status;
  }
}

/**
 * {% response_headers '{"X-Frame-Options": "DENY"}' %}: adds headers to the response. The
 * value is a JSON object (as text, like the docs, or a hash). Names are case-insensitive in
 * HTTP; they are stored lower-cased so a Content-Type here replaces the page's own.
 */
export class ResponseHeadersTag extends ValueTag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid, `{% response_headers '{"X-Frame-Options": "DENY"}' %}`);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const raw = toPlain(yield this.value.value(ctx, false));
    let headers: unknown = raw;
    if (typeof raw === 'string') {
      try {
        headers = parseJsonText(raw, false);
      } catch (err) {
        throw new Error(`response_headers: ${(err as Error).message}`);
      }
    }
    if (headers === null || headers === undefined) return;
    if (typeof headers !== 'object' || Array.isArray(headers)) {
      throw new Error(`response_headers: expected a JSON object of headers, got ${JSON.stringify(raw)}`);
    }
    const target = getState(ctx).response.headers;
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      target[name.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
}
