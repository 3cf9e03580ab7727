import { AsyncLocalStorage } from 'node:async_hooks';
import type { DB } from './open.js';

/** Runs async work inside a SQLite savepoint of the instance database. */
export type TransactionRunner = <T>(body: () => Promise<T>, opts?: { timeoutMs?: number }) => Promise<T>;

/**
 * The transaction tag's database side. The body runs inside `SAVEPOINT`; it is released
 * when the body resolves and rolled back when it throws (the error is re-thrown).
 *
 * Limit: posemu has one SQLite connection. Transactions are serialised (one at a time; a
 * nested one, found through AsyncLocalStorage, gets an inner savepoint instead of waiting),
 * but other requests running concurrently still write through the same connection, so
 * their writes made while a transaction is open commit or roll back with it. The jobs
 * worker does not start jobs while a transaction is open.
 *
 * Log entries written inside a savepoint that is rolled back are kept (written again).
 *
 * `timeoutMs`: SQLite cannot abort a running statement from here, so the time is checked
 * when the body ends: a body that took longer is rolled back and fails.
 */
export function createTransactionRunner(db: DB): TransactionRunner {
  const scope = new AsyncLocalStorage<number>();
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;
  const maxLogId = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM logs');
  const logsSince = db.prepare<[number], Record<string, unknown>>('SELECT * FROM logs WHERE id > ? ORDER BY id');

  /** Log entries are not data: those written inside a rolled back savepoint are written again, with their ids. */
  function keepLogs(rows: Array<Record<string, unknown>>): void {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]!);
    const insert = db.prepare(`INSERT INTO logs (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    for (const row of rows) insert.run(row);
  }

  async function inSavepoint<T>(depth: number, body: () => Promise<T>, timeoutMs: number | undefined): Promise<T> {
    const name = `pos_tx_${++counter}`;
    const started = Date.now();
    db.exec(`SAVEPOINT ${name}`);
    const lastLog = maxLogId.get()!.id ?? 0;
    let result: T;
    try {
      result = await scope.run(depth + 1, body);
      if (timeoutMs !== undefined && Date.now() - started > timeoutMs) {
        throw new Error(`transaction: took longer than its timeout (${timeoutMs / 1000} s); rolled back`);
      }
    } catch (err) {
      const logs = logsSince.all(lastLog);
      db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      keepLogs(logs);
      throw err;
    }
    db.exec(`RELEASE ${name}`);
    return result;
  }

  return (body, opts = {}) => {
    const depth = scope.getStore();
    if (depth) return inSavepoint(depth, body, opts.timeoutMs);
    const run = queue.then(() => inSavepoint(0, body, opts.timeoutMs));
    queue = run.catch(() => undefined);
    return run;
  };
}
