/** A table of work rows the worker claims from (the notifications outbox, the jobs table). */
export interface QueueSource<Row> {
  /** Marks up to `limit` rows due at `now` as taken and returns them. */
  claimDue(now: number, limit: number): Row[];
  /** When the next row falls due (ms since the epoch), or null when none waits. */
  nextDue(): number | null;
}

export interface QueueWorkerOptions<Row> {
  source: QueueSource<Row>;
  /** Runs one claimed row and records its outcome; should not throw. */
  process(row: Row, now: number): Promise<void>;
  /** Rows in flight at once. */
  concurrency: number;
  /** Called when process() throws anyway (a bug): the row must not stay claimed forever. */
  onCrash(row: Row, err: unknown): void;
  /**
   * True while nothing may be claimed: a transaction tag holds the one database connection,
   * and a row queued inside it must not run before the commit (nor at all after a rollback).
   */
  busy?(): boolean;
}

/** The in-process loop over a queue table. */
export interface QueueWorker {
  /** Starts running due rows as they come (and when delayed ones fall due). */
  start(): void;
  /** Something was queued: look at the table soon (coalesced, so a burst is one claim). */
  kick(): void;
  /** Runs every row due at `now` (default: now) and waits for it all, started or not. */
  flush(now?: number): Promise<void>;
  /** No new claims; waits for the rows in flight. */
  close(): Promise<void>;
}

/** Longest sleep between looks at the table when nothing is due sooner. */
const MAX_SLEEP_MS = 60_000;
/** How soon to look again while busy() holds. */
const BUSY_RETRY_MS = 25;

export function createQueueWorker<Row>(opts: QueueWorkerOptions<Row>): QueueWorker {
  const inFlight = new Set<Promise<void>>();
  const busy = () => opts.busy?.() ?? false;
  let running = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Immediate | undefined;

  function claim(now: number): void {
    while (!closed && inFlight.size < opts.concurrency && !busy()) {
      const rows = opts.source.claimDue(now, opts.concurrency - inFlight.size);
      if (!rows.length) return;
      for (const row of rows) {
        const p: Promise<void> = opts
          .process(row, now)
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
    if (busy()) return sleep(BUSY_RETRY_MS);
    claim(Date.now());
    // When full, a finishing row pumps again; otherwise sleep until the next due row.
    if (inFlight.size >= opts.concurrency) return;
    const next = opts.source.nextDue();
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
        // Refill as soon as one finishes, so a long queue keeps `concurrency` rows going.
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
