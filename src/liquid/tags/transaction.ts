import { Hash, Tag, toPromise, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { getState } from '../state.js';
import { toPlain } from '../to-plain.js';
import { readBlock } from '../util/block.js';
import { RollbackSignal } from '../util/control.js';

export { RollbackSignal };

/**
 * {% transaction timeout: 5 %}...{% endtransaction %}: the body runs in a database
 * savepoint. It commits when the body ends; `rollback` or any error rolls back, and the
 * error is raised again. No scope of its own: assigns inside are visible after. Background
 * jobs queued inside are rows of the same database, so they exist only after the commit.
 * Output rendered before a rollback stays on the page. force_custom_plan (a PostgreSQL
 * hint) is accepted and ignored. See src/store/savepoint.ts for the one-connection limit.
 */
export class TransactionTag extends Tag {
  private hash: Hash;
  private body: Template[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
    this.body = readBlock(token, remain, liquid, `end${token.name}`);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const timeoutMs = timeout(opts.timeout);
    const run = () => toPromise(this.liquid.renderer.renderTemplates(this.body, ctx, emitter)) as Promise<unknown>;
    try {
      yield getState(ctx).services.transaction(run, { timeoutMs });
    } catch (err) {
      if (!(err instanceof RollbackSignal)) throw err;
    }
  }
}

/** {% rollback %}: rolls back the enclosing transaction and leaves it. */
export class RollbackTag extends Tag {
  render(): void {
    throw new RollbackSignal(this.token);
  }
}

function timeout(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`transaction: timeout must be a positive number of seconds, got ${JSON.stringify(toPlain(value))}`);
  return n * 1000;
}
