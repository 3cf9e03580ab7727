import type { JobsStore } from './store.js';
import type { JobRow } from './types.js';

export interface JobWorkerOptions {
  store: JobsStore;
  /** Runs one claimed job and records its outcome; should not throw. */
  run(row: JobRow, now: number): Promise<void>;
  /** Jobs in flight at once. */
  concurrency: number;
  /**
   * True while a transaction tag holds the (single) database connection open. Jobs are not
   * claimed then: a job queued inside it must not run before the commit (nor at all after a
   * rollback), and a job's own writes must not join someone else's transaction.
   */
  busy(): boolean;
  /** Called when run() throws anyway (a bug): the job must not stay running forever. */
  onCrash(row: JobRow, err: unknown): void;
}

export interface JobWorker {
  start(): void;
  kick(): void;
  flush(now?: number): Promise<void>;
  close(): Promise<void>;
}

/** Longest sleep between looks at the table when nothing is due sooner. */
const MAX_SLEEP_MS = 60_000;
/** How soon to look again while a transaction is open. */
const BUSY_RETRY_MS = 25;

/**
 * The in-process job loop (the same shape as the notifications worker, over the jobs
 * table; that one is typed to the outbox, so it is not shared).
 */
export function createJobWorker(opts: JobWorkerOptions): JobWorker {
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Immediate | undefined;

  function claim(now: number): void {
    while (!closed && inFlight.size < opts.concurrency && !opts.busy()) {
      const rows = opts.store.claimDue(now, opts.concurrency - inFlight.size);
      if (!rows.length) return;
      for (const row of rows) {
        const p: Promise<void> = opts
          .run(row, now)
          .catch((err: unknown) => opts.onCrash(row, err))
          .finally(() => {
            inFlight.delete(p);
            kick();
          });
        inFlight.add(p);
      }
    }
  }

  function sleep(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(pump, ms);
    timer.unref();
  }

  function pump(): void {
    soon = undefined;
    if (closed || !running) return;
    if (opts.busy()) return sleep(BUSY_RETRY_MS);
    claim(Date.now());
    if (inFlight.size >= opts.concurrency) return;
    const next = opts.store.nextDue();
    if (next !== null) sleep(Math.min(MAX_SLEEP_MS, Math.max(0, next - Date.now())));
  }

  function kick(): void {
    if (running && !closed && !soon) soon = setImmediate(pump);
  }

  return {
    start() {
      if (closed || running) return;
      running = true;
      kick();
    },
    kick,
    async flush(now) {
      for (;;) {
        claim(now ?? Date.now());
        if (!inFlight.size) return;
        await Promise.race(inFlight);
      }
    },
    async close() {
      closed = true;
      running = false;
      clearTimeout(timer);
      if (soon) clearImmediate(soon);
      await Promise.all([...inFlight]);
    },
  };
}
