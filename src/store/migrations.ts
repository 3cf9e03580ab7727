/**
 * Schema changes, in order. The database's user_version says how many have run; append
 * new ones at the end, never edit one that has shipped.
 */
export const MIGRATIONS: string[] = [
  `CREATE TABLE constants (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE logs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     error_type TEXT NOT NULL,
     message TEXT NOT NULL,
     url TEXT NOT NULL DEFAULT '',
     page TEXT NOT NULL DEFAULT '',
     partial TEXT NOT NULL DEFAULT ''
   );`,
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  // Records: properties as one JSON object (queried with json_extract); soft delete via deleted_at.
  `CREATE TABLE records (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     table_name TEXT NOT NULL,
     properties TEXT NOT NULL DEFAULT '{}',
     external_id TEXT,
     user_id TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     deleted_at TEXT
   );
   CREATE INDEX records_by_table ON records (table_name, deleted_at);`,
  // Notifications: the outbox (every api_call is written here before it is sent; the worker
  // resumes pending and in-flight rows after a restart) and the local mailbox (emails, SMS).
  `CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     mode TEXT NOT NULL DEFAULT 'async',
     vars TEXT NOT NULL DEFAULT '{}',
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     due_at INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     request TEXT,
     response_status INTEGER,
     response_headers TEXT,
     response_body TEXT,
     duration_ms INTEGER,
     error TEXT
   );
   CREATE INDEX outbox_due ON outbox (status, due_at);
   CREATE TABLE mailbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     recipient TEXT NOT NULL,
     subject TEXT NOT NULL DEFAULT '',
     body TEXT NOT NULL,
     fields TEXT NOT NULL DEFAULT '{}',
     created_at TEXT NOT NULL
   );`,
  // Background jobs (the background tag): a partial name or a block's Liquid source, the
  // passed variables and request context as JSON; the worker resumes them after a restart.
  `CREATE TABLE jobs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     source TEXT,
     file TEXT NOT NULL DEFAULT '',
     line_offset INTEGER NOT NULL DEFAULT 0,
     vars TEXT NOT NULL DEFAULT '{}',
     context TEXT NOT NULL DEFAULT '{}',
     source_name TEXT NOT NULL DEFAULT '',
     priority TEXT NOT NULL DEFAULT 'default',
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     max_attempts INTEGER NOT NULL DEFAULT 1,
     run_at INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     error TEXT
   );
   CREATE INDEX jobs_due ON jobs (status, run_at);`,
];
