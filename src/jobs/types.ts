/** What the background tag hands over: a partial to render, or a block's own Liquid source. */
export type JobInput =
  | (JobCommon & { kind: 'partial'; /** Partial name as written (`commands/x`). */ name: string })
  | (JobCommon & {
      kind: 'block';
      /** The block's Liquid source text (kept, so a later edit of the file does not change a queued job). */
      source: string;
      /** File the block is in, for error messages. */
      file: string;
      /** Lines before the source in that file's Liquid body (errors name file lines). */
      lineOffset: number;
    });

interface JobCommon {
  /** Variables the job sees (plain JSON data). */
  vars: Record<string, unknown>;
  /** A copy of the scheduling request's `context` (plain JSON data). */
  context: Record<string, unknown>;
  /** Minutes to wait before running. */
  delayMinutes: number;
  /** 1..5 */
  maxAttempts: number;
  sourceName: string;
  priority: JobPriority;
}

export type JobPriority = 'low' | 'default' | 'high';
export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobRow {
  id: number;
  kind: 'partial' | 'block';
  name: string;
  source: string | null;
  file: string;
  line_offset: number;
  vars: string;
  context: string;
  source_name: string;
  priority: JobPriority;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  /** Epoch ms when the job may run (again). */
  run_at: number;
  created_at: string;
  updated_at: string;
  error: string | null;
}

/** The background job queue of an instance. */
export interface Jobs {
  /** Queues a job (inside an open transaction it is rolled back with it); returns its id. */
  schedule(job: JobInput): number;
  /** Runs every job due at `now` (default: the current time), waiting for them all. For tests and `flush` commands. */
  flush(now?: number): Promise<void>;
  /** Newest first. */
  list(opts?: { status?: JobStatus; limit?: number }): JobRow[];
  get(id: number): JobRow | undefined;
  /** No new jobs start; waits for the running ones. */
  close(): Promise<void>;
}

/** platformOS caps max_attempts at 5. */
export const MAX_ATTEMPTS = 5;
