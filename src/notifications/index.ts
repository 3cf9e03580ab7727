import type { Liquid } from 'liquidjs';
import type { Notifier, NotificationKind } from './types.js';
import type { Store } from '../store/index.js';
import type { AppDefinition, NotificationDef } from '../app/types.js';
import type { ResolvedConfig } from '../config.js';
import type { Services } from '../liquid/services.js';
import { PosError, errorMessage } from '../errors.js';
import { createApiCallDelivery, DEFAULT_RETRY, storedVars, type RetryPolicy } from './deliver.js';
import { createMessages } from './mailbox.js';
import { createQueueWorker } from '../queue/worker.js';
import { delayMinutes } from './delay.js';
import { isEnabled, startRender } from './render.js';

export interface NotifierDeps {
  store: Store;
  app: () => AppDefinition;
  liquid: Liquid;
  services: Services;
  config: Pick<ResolvedConfig, 'worker' | 'httpTimeoutMs'>;
  /** Retries of queued api calls. @default DEFAULT_RETRY (5 tries, 1 s, 4 s, 16 s, 64 s apart) */
  retry?: RetryPolicy;
  /** Deliveries in flight at once. @default 16 */
  concurrency?: number;
}

/** Where each kind lives in the app, for lookups and "not found" messages. */
const KIND = {
  api_call: { map: 'apiCalls', dir: 'app/api_calls' },
  email: { map: 'emails', dir: 'app/emails' },
  sms: { map: 'smses', dir: 'app/smses' },
} as const;

/** api_call_send's options.timeout is capped as platformOS caps background calls. */
const MAX_TIMEOUT_S = 180;

/**
 * Builds the notifier: the outbox, the delivery worker (started when config.worker is true;
 * rows a crash left pending or in flight are delivered again), HTTP delivery and the mailbox.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const { store, services } = deps;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const delivery = createApiCallDelivery({ ...deps, timeoutMs: deps.config.httpTimeoutMs, retry });
  const messages = createMessages(deps);
  const worker = createQueueWorker({
    source: store.outbox,
    concurrency: deps.concurrency ?? 16,
    // A row queued inside a transaction tag exists only once it commits.
    busy: () => store.db.inTransaction,
    process: (row) => (row.kind === 'api_call' ? delivery.deliverRow(row) : messages.deliverRow(row)),
    onCrash(row, err) {
      const error = `${row.name}: delivery crashed: ${errorMessage(err)}`;
      store.outbox.finish(row.id, 'failed', { error });
      services.log({ type: `${row.kind}_error`, message: `${error} (outbox #${row.id})` });
    },
  });

  const { resumed, interrupted } = store.outbox.recover();
  if (resumed || interrupted) {
    services.log({
      type: 'info',
      message: `outbox: ${resumed} delivery(ies) left pending or in flight by the previous run will be sent${interrupted ? `; ${interrupted} api_call_send call(s) interrupted by it were marked failed` : ''}`,
    });
  }
  if (deps.config.worker) worker.start();

  function lookup(kind: NotificationKind, name: string): NotificationDef {
    const def = deps.app()[KIND[kind].map].get(name);
    if (!def) throw new PosError('POS_ERR_UNKNOWN_NOTIFICATION', `${kind} ${JSON.stringify(name)} (looked in ${KIND[kind].dir})`);
    return def;
  }

  function timeoutMs(seconds: number | undefined): number {
    if (seconds === undefined || seconds === null) return deps.config.httpTimeoutMs;
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new PosError('POS_ERR_INVALID_ARGUMENT', `options.timeout must be a positive number of seconds, got ${String(seconds)}`);
    }
    return Math.min(seconds, MAX_TIMEOUT_S) * 1000;
  }

  return {
    async enqueue(kind, name, vars) {
      const def = lookup(kind, name);
      if (!isEnabled(def)) return { status: 'skipped' };
      let minutes: number;
      try {
        minutes = await delayMinutes(def, () => startRender(deps, def, vars));
      } catch (err) {
        // Recorded in the outbox like any other delivery that did not render: never dropped.
        const error = errorMessage(err);
        const id = store.outbox.insert({ kind, name: def.name, mode: 'async', vars: storedVars(vars), status: 'sending', dueAt: Date.now() });
        store.outbox.finish(id, 'failed', { error });
        services.log({ type: `${kind}_error`, message: `${error} (outbox #${id})`, page: def.file });
        return { status: 'failed', id };
      }
      // An email or SMS due now goes straight to the mailbox: nothing leaves the machine.
      if (kind !== 'api_call' && minutes === 0) return messages.deliver(def, vars);
      const id = store.outbox.insert({ kind, name: def.name, mode: 'async', vars: storedVars(vars), status: 'pending', dueAt: Date.now() + minutes * 60_000 });
      worker.kick();
      return { status: 'queued', id };
    },
    async send(name, vars, opts = {}) {
      return delivery.sendTemplate(lookup('api_call', name), vars, timeoutMs(opts.timeout));
    },
    async sendAdHoc(call, opts = {}) {
      if (!call.url) throw new PosError('POS_ERR_MISSING_ARGUMENT', 'api_call.url');
      if (!call.method) throw new PosError('POS_ERR_MISSING_ARGUMENT', 'api_call.method');
      return delivery.sendAdHoc(call, timeoutMs(opts.timeout));
    },
    storeMessage: (msg) => messages.store(msg),
    flush: () => worker.flush(),
    close: () => worker.close(),
  };
}
