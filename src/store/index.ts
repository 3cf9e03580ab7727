import { openDatabase, type DB } from './open.js';
import { createConstantsStore, type ConstantsStore } from './constants.js';
import { createLogsStore, type LogsStore } from './logs.js';
import { createSessionsStore, type SessionsStore } from './sessions.js';
import { createRecordsStore, type RecordsStore } from './records.js';
import { createOutboxStore, type OutboxStore } from './outbox.js';
import { createMailboxStore, type MailboxStore } from './mailbox.js';

export interface Store {
  db: DB;
  constants: ConstantsStore;
  logs: LogsStore;
  sessions: SessionsStore;
  records: RecordsStore;
  outbox: OutboxStore;
  mailbox: MailboxStore;
  close(): void;
}

/** Opens the instance database (a file path, or ':memory:') with every sub-store. */
export function openStore(path: string, secret: string): Store {
  const db = openDatabase(path);
  return {
    db,
    constants: createConstantsStore(db, secret),
    logs: createLogsStore(db),
    sessions: createSessionsStore(db),
    records: createRecordsStore(db),
    outbox: createOutboxStore(db),
    mailbox: createMailboxStore(db),
    close: () => db.close(),
  };
}
