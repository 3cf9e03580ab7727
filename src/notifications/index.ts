import type { Notifier } from './types.js';
import type { Store } from '../store/index.js';
import type { AppDefinition } from '../app/types.js';
import { PosError } from '../errors.js';

export interface NotifierDeps {
  store: Store;
  app: () => AppDefinition;
}

/** Builds the notifier (outbox, worker, HTTP delivery). */
export function createNotifier(_deps: NotifierDeps): Notifier {
  return {
    async enqueue(kind, name) {
      throw new PosError('POS_ERR_UNKNOWN_NOTIFICATION', `${kind} ${name}: notifications are not available yet`);
    },
    async close() {},
  };
}
