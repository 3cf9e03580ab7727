import { buildSchema, graphql, GraphQLError, type GraphQLSchema } from 'graphql';
import { base } from './base.js';
import { constants } from './constants.js';
import { records } from './records.js';
import { apiCalls } from './api-calls.js';
import type { GraphContext, GraphModule } from './types.js';
import { isPosError } from '../errors.js';

/** Every schema module, in order. Add a domain here (records, api_call_send, ...). */
export const MODULES: GraphModule[] = [base, constants, records, apiCalls];

export interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: readonly (string | number)[]; locations?: unknown }>;
}

export interface Graph {
  schema: GraphQLSchema;
  execute(query: string, variables: Record<string, unknown> | undefined, ctx: GraphContext): Promise<GraphResult>;
}

/** Builds the schema once (SDL of all modules) and attaches the resolvers to its fields. */
export function createGraph(modules: GraphModule[] = MODULES): Graph {
  const schema = buildSchema(modules.map((m) => m.sdl).join('\n'));
  for (const mod of modules) {
    for (const [typeName, fields] of Object.entries(mod.resolvers)) {
      const type = schema.getType(typeName);
      if (!type || !('getFields' in type)) throw new Error(`graphql: resolvers for unknown type ${typeName}`);
      const defs = (type as { getFields(): Record<string, { resolve?: unknown }> }).getFields();
      for (const [field, fn] of Object.entries(fields)) {
        if (!defs[field]) throw new Error(`graphql: resolver for unknown field ${typeName}.${field}`);
        defs[field].resolve = fn;
      }
    }
  }
  return {
    schema,
    async execute(query, variables, ctx) {
      const result = await graphql({ schema, source: query, variableValues: variables, contextValue: ctx });
      return {
        data: (result.data as Record<string, unknown> | null | undefined) ?? null,
        ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
      };
    },
  };
}

function formatError(err: GraphQLError) {
  const original = err.originalError;
  const message = isPosError(original) ? original.message : err.message;
  return { message, ...(err.path ? { path: err.path } : {}), ...(err.locations ? { locations: err.locations } : {}) };
}
