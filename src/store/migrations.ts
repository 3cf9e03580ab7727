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
];
