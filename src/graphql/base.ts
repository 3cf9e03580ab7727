import type { GraphModule } from './types.js';

/**
 * Root types and scalars shared by every module. Names follow the platformOS schema
 * (RootQuery, RootMutation, JSONDate...), so queries written for platformOS validate here.
 */
export const base: GraphModule = {
  sdl: /* GraphQL */ `
    schema { query: RootQuery mutation: RootMutation }
    scalar JSONDate
    scalar HashObject
    scalar JSONPayload
    scalar AnyScalar
    type RootQuery { _posemu_version: String }
    type RootMutation { _posemu_noop: Boolean }
    enum SortOrderEnum { ASC DESC }
    input StandardSort { order: SortOrderEnum }
    input StringFilter { value: String, value_in: [String!], not_value: String, not_value_in: [String!], contains: String, starts_with: String, ends_with: String, exists: Boolean }
    input UniqIdFilter { value: ID, value_in: [ID!], not_value: ID, not_value_in: [ID!], exists: Boolean, lt: ID, lte: ID, gt: ID, gte: ID }
    input DateFilter { lt: JSONDate, lte: JSONDate, gt: JSONDate, gte: JSONDate, exists: Boolean, value: JSONDate }
  `,
  resolvers: {
    RootQuery: { _posemu_version: () => 'posemu' },
    RootMutation: { _posemu_noop: () => true },
  },
};
