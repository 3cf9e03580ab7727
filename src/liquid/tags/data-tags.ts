import type { TagClass } from './types.js';
import { GraphqlTag } from './graphql.js';
import { ExecuteQueryTag, QueryGraphTag } from './execute-query.js';
import { IncludeFormTag } from './include-form.js';
import { FormTag } from './form.js';
import { BackgroundTag } from './background.js';
import { RollbackTag, TransactionTag } from './transaction.js';
import { SignInTag } from './sign-in.js';

/**
 * Tags that reach the database or forms (graphql, include_form, form, render_form...).
 * Kept apart from index.ts so the forms/records work and the Liquid dialect work do not
 * edit the same registry. execute_query, query_graph and render_form are the deprecated
 * names tags.json still lists.
 */
export const DATA_TAGS: Record<string, TagClass> = {
  graphql: GraphqlTag,
  execute_query: ExecuteQueryTag,
  query_graph: QueryGraphTag,
  include_form: IncludeFormTag,
  render_form: IncludeFormTag,
  form: FormTag,
  background: BackgroundTag,
  transaction: TransactionTag,
  rollback: RollbackTag,
  sign_in: SignInTag,
  sign_in_rc: SignInTag,
};
