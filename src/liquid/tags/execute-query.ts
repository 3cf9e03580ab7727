import { Tag, TypeGuards, Value, evalToken, type Context, type Liquid, type TagToken, type TopLevelToken, type Token } from 'liquidjs';
import { getState } from '../state.js';
import { toOutput } from '../escape.js';
import { toPlain } from '../to-plain.js';
import { graphqlVariables } from './graphql-vars.js';
import { queryName, responseValue } from './graphql.js';

/**
 * {% execute_query 'name', result_name: 'g', arg: variable_name %} (deprecated): like graphql,
 * but each argument names a variable of the current scope (quoted or not) whose value is
 * passed. The result goes to `result_name` (default `g`).
 */
export class ExecuteQueryTag extends Tag {
  private queryToken: Token;
  private args: Array<{ key: string; value?: Token }> = [];
  /** query_graph "differs only in how it reports a failed query": it raises (posemu's reading). */
  protected raiseOnErrors = false;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const tk = this.tokenizer;
    tk.skipBlank();
    const name = tk.readValue();
    if (!name) throw new Error(`${token.name}: query name missing ({% ${token.name} 'query_name', result_name: 'g' %})`);
    this.queryToken = name;
    for (const hash of tk.readHashes()) this.args.push({ key: hash.name.content, value: hash.value });
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const state = getState(ctx);
    const name = queryName(toOutput(yield evalToken(this.queryToken, ctx)));
    let resultName = 'g';
    const named: Record<string, unknown> = {};
    for (const { key, value } of this.args) {
      if (key === 'result_name') resultName = toOutput(yield evalToken(value, ctx)) || 'g';
      else named[key] = value ? yield* this.lookup(value, ctx) : true;
    }
    const source = state.app.queries.get(name)?.source;
    const result = (yield state.services.graphqlFile(name, graphqlVariables(source, named))) as Record<string, unknown>;
    if (this.raiseOnErrors && result.errors) {
      const messages = (result.errors as Array<{ message: string }>).map((e) => e.message).join('; ');
      throw new Error(`${this.token.name} ${name}: ${messages}`);
    }
    ctx.bottom()[resultName] = responseValue(result);
  }

  /** A quoted name is looked up as a variable path; anything else is evaluated as written. */
  private *lookup(token: Token, ctx: Context): Generator<unknown, unknown, unknown> {
    if (TypeGuards.isQuotedToken(token)) {
      const path = String(yield evalToken(token, ctx));
      return toPlain(yield new Value(path, this.liquid).value(ctx, false));
    }
    return yield evalToken(token, ctx);
  }
}

/** {% query_graph %}: execute_query that raises a Liquid error when the query fails. */
export class QueryGraphTag extends ExecuteQueryTag {
  protected override raiseOnErrors = true;
}
