import type { OutboxRow, OutboxStore } from '../store/outbox.js';

export interface WorkerOptions {
  outbox: OutboxStore;
  /** Delivers one claimed row and records its outcome; should not throw. */
  process(row: OutboxRow): Promise<void>;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Called when process() throws anyway (a bug): the row must not stay claimed forever. */
  onCrash(row: OutboxRow, err: unknown): void;
}

/** The in-process delivery loop over the outbox. */
export interface Worker {
  /** Starts delivering due rows as they come (and when delayed ones fall due). */
  start(): void;
  /** Something was queued: look at the outbox soon (coalesced, so a burst is one claim). */
  kick(): void;
  /** Delivers every row due now, waits for it all (whether started or not). */
  flush(): Promise<void>;
  /** No new claims; waits for the deliveries in flight. */
  close(): Promise<void>;
}

/** Longest sleep between looks at the outbox when nothing is due sooner. */
const MAX_SLEEP_MS = 60_000;

export function createWorker(opts: WorkerOptions): Worker {
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Immediate | undefined;

  function track(row: OutboxRow): void {
    const p: Promise<void> = opts
      .process(row)
      .catch((err: unknown) => opts.onCrash(row, err))
      .finally(() => {
        inFlight.delete(p);
        if (running) kick();
      });
    inFlight.add(p);
  }

  /** Claims what is due up to the concurrency limit. Returns how many were claimed. */
  function claim(): number {
    let claimed = 0;
    while (!closed && inFlight.size < opts.concurrency) {
      const rows = opts.outbox.claimDue(Date.now(), opts.concurrency - inFlight.size);
      if (!rows.length) break;
      for (const row of rows) track(row);
      claimed += rows.length;
    }
    return claimed;
  }

  function pump(): void {
    soon = undefined;
    if (closed || !running) return;
    claim();
    clearTimeout(timer);
    // When full, a finishing delivery pumps again; otherwise sleep until the next due row.
    if (inFlight.size >= opts.concurrency) return;
    const next = opts.outbox.nextDue();
    if (next === null) return;
    timer = setTimeout(pump, Math.min(MAX_SLEEP_MS, Math.max(0, next - Date.now())));
    timer.unref();
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
    async flush() {
      for (;;) {
        claim();
        if (!inFlight.size) return;
        // Refill as soon as one finishes, so a long queue keeps `concurrency` calls going.
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
