import { Hash, Tag, Value, type Context, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { getState } from '../state.js';
import { toPlain } from '../to-plain.js';

/**
 * {% log value, type: 'T', env: 'all' %}: one log entry with the request's url, page and
 * partial. A local instance stands for a staging one: `env: 'production'` entries are
 * not written here, `all` (the default) and `staging` are.
 */
export class LogTag extends Tag {
  private value: Value;
  private hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.value = new Value(this.tokenizer.readFilteredValue(), liquid);
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const value = yield this.value.value(ctx, false);
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const env = opts.env === undefined || opts.env === null ? 'all' : String(opts.env);
    if (!ENVIRONMENTS.includes(env)) throw new Error(`log: env must be one of ${ENVIRONMENTS.join(', ')}, got ${JSON.stringify(env)}`);
    if (env === 'production') return;
    const state = getState(ctx);
    state.services.log({
      type: opts.type === undefined || opts.type === null ? 'info' : String(opts.type),
      message: logMessage(value),
      url: state.url,
      page: state.page,
      partial: state.partials[state.partials.length - 1] ?? '',
    });
  }
}

const ENVIRONMENTS = ['all', 'staging', 'production'];

/** Strings are logged as written; anything else as JSON (as platformOS logs hashes). */
export function logMessage(value: unknown): string {
  const plain = toPlain(value);
  if (typeof plain === 'string') return plain;
  if (plain === undefined || plain === null) return '';
  return JSON.stringify(plain);
}
