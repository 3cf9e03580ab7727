import type { GraphQLSchema } from 'graphql';
import { base } from './base.js';
import { constants } from './constants.js';
import { records } from './records.js';
import { apiCalls } from './api-calls.js';
import type { GraphContext, GraphModule } from './types.js';
import { buildGraphSchema, executeGraph, loadGraphqlJs, type GraphResult } from './schema.js';

export type { GraphResult } from './schema.js';

/** Every schema module, in order. Add a domain here (records, api_call_send, ...). */
export const MODULES: GraphModule[] = [base, constants, records, apiCalls];

export interface Graph {
  execute(query: string, variables: Record<string, unknown> | undefined, ctx: GraphContext): Promise<GraphResult>;
}

/**
 * GraphQL for an instance. graphql-js and the schema are loaded on the first query, not at
 * start-up: they are a large part of start-up time and many sessions never run a query.
 */
export function createGraph(modules: GraphModule[] = MODULES): Graph {
  let ready: Promise<{ gql: typeof import('graphql'); schema: GraphQLSchema }> | undefined;
  const load = () => (ready ??= loadGraphqlJs().then((gql) => ({ gql, schema: buildGraphSchema(gql, modules) })));
  return {
    async execute(query, variables, ctx) {
      const { gql, schema } = await load();
      return executeGraph(gql, schema, query, variables, ctx);
    },
  };
}
