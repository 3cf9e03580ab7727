import type { DB } from './open.js';

export interface SessionsStore {
  get(id: string): Record<string, unknown>;
  save(id: string, data: Record<string, unknown>): void;
}

/** Session values by session id (the id travels in a signed cookie). */
export function createSessionsStore(db: DB): SessionsStore {
  const select = db.prepare<[string], { data: string }>('SELECT data FROM sessions WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO sessions (id, data, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  return {
    get(id) {
      const row = select.get(id);
      return row ? (JSON.parse(row.data) as Record<string, unknown>) : {};
    },
    save(id, data) {
      upsert.run(id, JSON.stringify(data), new Date().toISOString());
    },
  };
}
