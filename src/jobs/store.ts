import type { DB } from '../store/open.js';
import type { JobInput, JobRow, JobStatus } from './types.js';

/** The jobs table (see the migration in src/store/migrations.ts). */
export interface JobsStore {
  insert(job: JobInput, now: number): number;
  get(id: number): JobRow | undefined;
  /** Marks up to `limit` due pending jobs as running (attempts + 1) and returns them; high priority first. */
  claimDue(now: number, limit: number): JobRow[];
  /** Epoch ms of the earliest pending job, or null. */
  nextDue(): number | null;
  finish(id: number, status: 'done' | 'failed', error: string | null): void;
  retryAt(id: number, runAt: number, error: string): void;
  /** After a restart: jobs left running go back to pending. Returns how many. */
  recover(): number;
  list(opts?: { status?: JobStatus; limit?: number }): JobRow[];
}

const PRIORITY_ORDER = "CASE priority WHEN 'high' THEN 0 WHEN 'default' THEN 1 ELSE 2 END";

export function createJobsStore(db: DB): JobsStore {
  const insert = db.prepare(
    `INSERT INTO jobs (kind, name, source, file, line_offset, vars, context, source_name, priority, status, max_attempts, run_at, created_at, updated_at)
     VALUES (@kind, @name, @source, @file, @line_offset, @vars, @context, @source_name, @priority, 'pending', @max_attempts, @run_at, @now, @now)`,
  );
  const selectOne = db.prepare<[number], JobRow>('SELECT * FROM jobs WHERE id = ?');
  const selectDue = db.prepare<[number, number], JobRow>(
    `SELECT * FROM jobs WHERE status = 'pending' AND run_at <= ? ORDER BY ${PRIORITY_ORDER}, run_at, id LIMIT ?`,
  );
  const markRunning = db.prepare("UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?");
  const selectNext = db.prepare<[], { due: number | null }>("SELECT MIN(run_at) AS due FROM jobs WHERE status = 'pending'");
  const update = db.prepare('UPDATE jobs SET status = @status, run_at = COALESCE(@run_at, run_at), error = @error, updated_at = @now WHERE id = @id');
  const resume = db.prepare("UPDATE jobs SET status = 'pending', updated_at = ? WHERE status = 'running'");

  const claim = db.transaction((now: number, limit: number): JobRow[] => {
    const rows = selectDue.all(now, limit);
    const stamp = new Date().toISOString();
    for (const row of rows) {
      markRunning.run(stamp, row.id);
      row.status = 'running';
      row.attempts += 1;
    }
    return rows;
  });

  const write = (id: number, status: JobStatus, error: string | null, runAt: number | null) =>
    update.run({ id, status, error, run_at: runAt, now: new Date().toISOString() });

  return {
    insert(job, now) {
      const info = insert.run({
        kind: job.kind,
        name: job.kind === 'partial' ? job.name : '',
        source: job.kind === 'block' ? job.source : null,
        file: job.kind === 'block' ? job.file : '',
        line_offset: job.kind === 'block' ? job.lineOffset : 0,
        vars: JSON.stringify(job.vars),
        context: JSON.stringify(job.context),
        source_name: job.sourceName,
        priority: job.priority,
        max_attempts: job.maxAttempts,
        run_at: now + Math.round(job.delayMinutes * 60_000),
        now: new Date(now).toISOString(),
      });
      return Number(info.lastInsertRowid);
    },
    get: (id) => selectOne.get(id),
    claimDue: (now, limit) => claim(now, limit),
    nextDue: () => selectNext.get()?.due ?? null,
    finish: (id, status, error) => write(id, status, error, null),
    retryAt: (id, runAt, error) => write(id, 'pending', error, runAt),
    recover: () => resume.run(new Date().toISOString()).changes,
    list({ status, limit = 100 } = {}) {
      const sql = `SELECT * FROM jobs ${status ? 'WHERE status = ?' : ''} ORDER BY id DESC LIMIT ?`;
      return db.prepare<unknown[], JobRow>(sql).all(...(status ? [status, limit] : [limit]));
    },
  };
}
