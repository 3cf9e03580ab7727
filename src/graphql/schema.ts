import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { GraphContext, GraphModule } from './types.js';
import { isPosError } from '../errors.js';

export interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: readonly (string | number)[]; locations?: unknown }>;
}

type GraphqlJs = typeof import('graphql');

/**
 * graphql-js, imported when the first query runs (a dynamic import stays dynamic in the
 * bundled CLI, so start-up never loads it).
 */
export function loadGraphqlJs(): Promise<GraphqlJs> {
  return import('graphql');
}

/** Builds the schema (SDL of all modules) and attaches the resolvers to its fields. */
export function buildGraphSchema(gql: GraphqlJs, modules: GraphModule[]): GraphQLSchema {
  const schema = gql.buildSchema(modules.map((m) => m.sdl).join('\n'));
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
  return schema;
}

export async function executeGraph(gql: GraphqlJs, schema: GraphQLSchema, query: string, variables: Record<string, unknown> | undefined, ctx: GraphContext): Promise<GraphResult> {
  const result = await gql.graphql({ schema, source: query, variableValues: variables, contextValue: ctx });
  return {
    data: (result.data as Record<string, unknown> | null | undefined) ?? null,
    ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
  };
}

function formatError(err: GraphQLError) {
  const original = err.originalError;
  const message = isPosError(original) ? original.message : err.message;
  return { message, ...(err.path ? { path: err.path } : {}), ...(err.locations ? { locations: err.locations } : {}) };
}
