import type { DB } from './open.js';

export type OutboxStatus = 'pending' | 'sending' | 'delivered' | 'failed' | 'skipped';
export type OutboxKind = 'api_call' | 'email' | 'sms';
/** async: delivered by the worker (retried); sync: api_call_send, sent once by its caller. */
export type OutboxMode = 'async' | 'sync';

export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  /** Notification name; '' for an ad-hoc api_call_send. */
  name: string;
  mode: OutboxMode;
  /** JSON: the variables the notification renders with ({data, form}). */
  vars: string;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms when the row may be (re)tried. */
  due_at: number;
  created_at: string;
  updated_at: string;
  /** JSON {method, url, sent_to, headers} with secret header values filtered; set once rendered. */
  request: string | null;
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  duration_ms: number | null;
  error: string | null;
}

export interface NewOutboxRow {
  kind: OutboxKind;
  name: string;
  mode: OutboxMode;
  vars: unknown;
  status: 'pending' | 'sending';
  dueAt: number;
}

export interface OutboxResult {
  request?: unknown;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  durationMs?: number;
  error?: string | null;
}

export interface OutboxStore {
  /** Writes a delivery before anything is sent; returns its id. */
  insert(row: NewOutboxRow): number;
  get(id: number): OutboxRow | undefined;
  /** Marks up to `limit` due pending rows as sending (attempts + 1) and returns them, oldest first. */
  claimDue(now: number, limit: number): OutboxRow[];
  /** Epoch ms of the earliest pending row, or null when none is pending. */
  nextDue(): number | null;
  /** Records the outcome: delivered, failed or skipped. */
  finish(id: number, status: 'delivered' | 'failed' | 'skipped', result: OutboxResult): void;
  /** Back to pending, to be tried again at `dueAt`. */
  retryAt(id: number, dueAt: number, result: OutboxResult): void;
  /** Adds to the error column (a callback failure after delivery). */
  noteError(id: number, error: string): void;
  /**
   * After a restart: async rows left sending go back to pending (they are sent again);
   * sync rows left sending are failed, since their caller is gone. Returns how many of each.
   */
  recover(): { resumed: number; interrupted: number };
  /** Newest first, for the GUI and tests. */
  list(opts?: { status?: OutboxStatus; limit?: number }): OutboxRow[];
  /** Rows per status. */
  counts(): Record<string, number>;
}

/** Longest response body kept in a row (the callback sees the whole body). */
export const MAX_STORED_BODY = 64 * 1024;

/** The api_call / delayed email and SMS outbox. */
export function createOutboxStore(db: DB): OutboxStore {
  const insert = db.prepare(
    `INSERT INTO outbox (kind, name, mode, vars, status, attempts, due_at, created_at, updated_at)
     VALUES (@kind, @name, @mode, @vars, @status, @attempts, @due_at, @now, @now)`,
  );
  const selectOne = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const selectDue = db.prepare<[number, number], OutboxRow>(
    "SELECT * FROM outbox WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
  );
  const markSending = db.prepare("UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?");
  const selectNext = db.prepare<[], { due: number | null }>("SELECT MIN(due_at) AS due FROM outbox WHERE status = 'pending'");
  const update = db.prepare(
    `UPDATE outbox SET status = @status, due_at = COALESCE(@due_at, due_at), updated_at = @now,
       request = COALESCE(@request, request), response_status = @response_status,
       response_headers = @response_headers, response_body = @response_body,
       duration_ms = @duration_ms, error = @error
     WHERE id = @id`,
  );
  const appendError = db.prepare(
    "UPDATE outbox SET error = CASE WHEN error IS NULL THEN ? ELSE error || char(10) || ? END, updated_at = ? WHERE id = ?",
  );
  const resume = db.prepare("UPDATE outbox SET status = 'pending', updated_at = ? WHERE status = 'sending' AND mode = 'async'");
  const interrupt = db.prepare(
    "UPDATE outbox SET status = 'failed', updated_at = ?, error = 'interrupted by a restart while api_call_send was waiting for it; not sent again (its caller is gone)' WHERE status = 'sending' AND mode = 'sync'",
  );
  const countRows = db.prepare<[], { status: string; n: number }>('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status');

  const claim = db.transaction((now: number, limit: number): OutboxRow[] => {
    const rows = selectDue.all(now, limit);
    const stamp = new Date(now).toISOString();
    for (const row of rows) {
      markSending.run(stamp, row.id);
      row.status = 'sending';
      row.attempts += 1;
      row.updated_at = stamp;
    }
    return rows;
  });

  function write(id: number, status: OutboxStatus, result: OutboxResult, dueAt: number | null): void {
    update.run({
      id,
      status,
      due_at: dueAt,
      now: new Date().toISOString(),
      request: result.request === undefined ? null : JSON.stringify(result.request),
      response_status: result.status ?? null,
      response_headers: result.headers ? JSON.stringify(result.headers) : null,
      response_body: result.body === undefined ? null : result.body.slice(0, MAX_STORED_BODY),
      duration_ms: result.durationMs ?? null,
      error: result.error ?? null,
    });
  }

  return {
    insert(row) {
      const info = insert.run({
        kind: row.kind,
        name: row.name,
        mode: row.mode,
        vars: JSON.stringify(row.vars ?? {}),
        status: row.status,
        attempts: row.status === 'sending' ? 1 : 0,
        due_at: row.dueAt,
        now: new Date().toISOString(),
      });
      return Number(info.lastInsertRowid);
    },
    get: (id) => selectOne.get(id),
    claimDue: (now, limit) => claim(now, limit),
    nextDue: () => selectNext.get()?.due ?? null,
    finish: (id, status, result) => write(id, status, result, null),
    retryAt: (id, dueAt, result) => write(id, 'pending', result, dueAt),
    noteError(id, error) {
      appendError.run(error, error, new Date().toISOString(), id);
    },
    recover() {
      const now = new Date().toISOString();
      return { resumed: resume.run(now).changes, interrupted: interrupt.run(now).changes };
    },
    list({ status, limit = 100 } = {}) {
      const sql = `SELECT * FROM outbox ${status ? 'WHERE status = ?' : ''} ORDER BY id DESC LIMIT ?`;
      const args: unknown[] = status ? [status, limit] : [limit];
      return db.prepare<unknown[], OutboxRow>(sql).all(...args);
    },
    counts() {
      return Object.fromEntries(countRows.all().map((r) => [r.status, r.n]));
    },
  };
}
