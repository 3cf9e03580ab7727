import type { HttpClient } from '../http/client.js';
import type { JobInput } from '../jobs/types.js';
import type { TransactionRunner } from '../store/savepoint.js';

/**
 * What Liquid filters and tags may ask of the instance. The engine knows nothing else about
 * the store, HTTP or GraphQL: an instance passes its implementation in at render time.
 */
export interface Services {
  /** Constant values by name (cached in memory by the store). */
  constants(): Readonly<Record<string, string>>;
  /** Writes one log entry. */
  log(entry: LogInput): void;
  /** Runs a GraphQL document with variables; returns the JSON result ({data, errors}). */
  graphql(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Runs an app/graphql query file by name. */
  graphqlFile(name: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The instance's secret (signing, authenticity tokens). */
  secret: string;
  /** The one client for outgoing HTTP calls (outbound redirection, timeout): download_file uses it. */
  http: HttpClient;
  /** Queues a background job (the background tag); returns its id. */
  schedule(job: JobInput): number;
  /** Runs the body in a database savepoint: released when it resolves, rolled back when it throws (transaction tag). */
  transaction: TransactionRunner;
}

export interface LogInput {
  type: string;
  message: string;
  url?: string;
  page?: string;
  partial?: string;
}
