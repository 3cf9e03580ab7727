import {
  Filter,
  Hash,
  Tag,
  TypeGuards,
  evalToken,
  type Context,
  type Liquid,
  type TagToken,
  type TopLevelToken,
  type Tokenizer,
  type ValueToken,
} from 'liquidjs';
import { getState } from '../state.js';
import { toOutput } from '../escape.js';
import { graphqlVariables } from './graphql-vars.js';

/**
 * {% graphql g = 'path/to/query', arg: value, args: hash | filter %} runs app/graphql/<path>.graphql;
 * {% graphql g, arg: value %}query { ... }{% endgraphql %} runs the inline query.
 * `g` becomes the response as platformOS leaves it: the data keyed by root fields, plus
 * `errors` when the query failed (the render goes on; the caller checks). Filters written
 * after the arguments apply to that result (`| dig: 'records', 'results'`).
 */
export class GraphqlTag extends Tag {
  private variable: string;
  private path?: ValueToken;
  private inline?: string;
  private hash: Hash;
  private filters: Filter[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const tk = this.tokenizer;
    this.variable = tk.readIdentifier().content;
    if (!this.variable) throw new Error(`graphql: result variable missing ({% graphql g = 'path/to/query' %})`);
    tk.skipBlank();
    if (tk.peek() === '=') {
      tk.advance();
      tk.skipBlank();
      this.path = tk.readValue();
      if (!this.path) throw new Error(`graphql ${this.variable}: query name missing after "="`);
    }
    this.hash = new Hash(tk, liquid.options.keyValueSeparator);
    this.filters = readResultFilters(tk, liquid, 'graphql');
    if (!this.path) this.inline = readRawBody(token, remain, 'endgraphql');
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const state = getState(ctx);
    const named = (yield this.hash.render(ctx)) as Record<string, unknown>;
    let result: Record<string, unknown>;
    if (this.inline !== undefined) {
      result = (yield state.services.graphql(this.inline, graphqlVariables(this.inline, named))) as Record<string, unknown>;
    } else {
      const name = queryName(toOutput(yield evalToken(this.path, ctx)));
      const source = state.app.queries.get(name)?.source;
      result = (yield state.services.graphqlFile(name, graphqlVariables(source, named))) as Record<string, unknown>;
    }
    let value: unknown = responseValue(result);
    for (const filter of this.filters) value = yield filter.render(value, ctx);
    ctx.bottom()[this.variable] = value;
  }
}

/** `path/to/query`, `/path/to/query.graphql` -> the query's name. */
export function queryName(raw: string): string {
  return raw.trim().replace(/^\/+/, '').replace(/\.graphql$/, '');
}

/** { data, errors } -> data keyed by root fields, with `errors` beside them when there are any. */
export function responseValue(result: Record<string, unknown>): Record<string, unknown> {
  const data = (result.data as Record<string, unknown> | null | undefined) ?? {};
  return result.errors ? { ...data, errors: result.errors } : { ...data };
}

/** `| filter: args` after a tag's arguments, resolved against the engine's filters. */
export function readResultFilters(tk: Tokenizer, liquid: Liquid, tagName: string): Filter[] {
  tk.skipBlank();
  if (tk.peek() !== '|') {
    if (!tk.end()) throw new Error(`${tagName}: unexpected ${JSON.stringify(tk.remaining().trim())}`);
    return [];
  }
  return tk.readFilters().map((f) => {
    const impl = liquid.filters[f.name];
    if (!impl) throw new Error(`undefined filter: ${f.name}`);
    return new Filter(f, impl, liquid);
  });
}

/** The raw text up to {% <end> %}: an inline GraphQL document is not Liquid. */
export function readRawBody(token: TagToken, remain: TopLevelToken[], end: string): string {
  const parts: string[] = [];
  while (remain.length) {
    const next = remain.shift()!;
    // Inside {% liquid %} every line is its own token (written without {% %} and line feed).
    if (TypeGuards.isTagToken(next) && next.name === end) return parts.join(next.getText().startsWith('{%') ? '' : '\n');
    parts.push(next.getText());
  }
  throw new Error(`tag ${token.getText()} not closed`);
}
