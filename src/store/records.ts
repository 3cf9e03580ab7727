import type Database from 'better-sqlite3';
import type { DB } from './open.js';
import type { SqlPart } from './records-filter.js';

/** One record as stored: properties are a JSON object, ids are strings (GraphQL ID). */
export interface RecordRow {
  id: string;
  table: string;
  properties: Record<string, unknown>;
  external_id: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface NewRecord {
  table: string;
  properties?: Record<string, unknown>;
  external_id?: string | null;
  user_id?: string | null;
  created_at?: string;
  updated_at?: string;
  deleted_at?: string | null;
}

/** What an update may change; properties are merged into the stored ones (null removes nothing, it stores null). */
export type RecordPatch = Partial<Omit<RecordRow, 'id' | 'table'>>;

export interface RecordsPage {
  total: number;
  rows: RecordRow[];
}

export interface RecordsStore {
  /** A record by id, deleted or not; null when there is none. */
  get(id: string): RecordRow | null;
  create(input: NewRecord): RecordRow;
  /**
   * Changes a record in one transaction: `change` sees the current row, so read-modify-write
   * operations (increment, array_append) are atomic. Returns null when the id is unknown.
   */
  update(id: string, change: (current: RecordRow) => RecordPatch): RecordRow | null;
  /** Records matching `where`, ordered, one page of them, and how many match in all. */
  query(where: SqlPart, orderBy: string, limit: number, offset: number): RecordsPage;
  /** Removes matching records for good (records_delete_all); returns how many. */
  deleteWhere(where: SqlPart): number;
}

interface Row {
  id: number;
  table_name: string;
  properties: string;
  external_id: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const COLUMNS = 'id, table_name, properties, external_id, user_id, created_at, updated_at, deleted_at';

/** Records of every table in one SQLite table; filters and sorting are compiled by records-filter.ts. */
export function createRecordsStore(db: DB): RecordsStore {
  const selectOne = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM records WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO records (table_name, properties, external_id, user_id, created_at, updated_at, deleted_at)
     VALUES (@table_name, @properties, @external_id, @user_id, @created_at, @updated_at, @deleted_at)`,
  );
  const write = db.prepare(
    `UPDATE records SET properties = @properties, external_id = @external_id, user_id = @user_id,
       created_at = @created_at, updated_at = @updated_at, deleted_at = @deleted_at WHERE id = @id`,
  );

  // Filters compile to a few recurring shapes; preparing each SQL text once keeps queries cheap.
  const cache = new Map<string, Database.Statement<unknown[]>>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size > 500) cache.clear();
      stmt = db.prepare<unknown[]>(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };

  const get = (id: string): RecordRow | null => {
    if (!/^\d+$/.test(id)) return null;
    const row = selectOne.get(id);
    return row ? toRecord(row) : null;
  };

  const update = db.transaction((id: string, change: (current: RecordRow) => RecordPatch): RecordRow | null => {
    const current = get(id);
    if (!current) return null;
    const patch = change(current);
    const next: RecordRow = {
      ...current,
      ...patch,
      properties: patch.properties ? { ...current.properties, ...patch.properties } : current.properties,
      updated_at: patch.updated_at ?? new Date().toISOString(),
    };
    write.run({ ...next, id: Number(id), properties: JSON.stringify(next.properties) });
    return next;
  });

  return {
    get,
    create(input) {
      const now = new Date().toISOString();
      const info = insert.run({
        table_name: input.table,
        properties: JSON.stringify(input.properties ?? {}),
        external_id: input.external_id ?? null,
        user_id: input.user_id ?? null,
        created_at: input.created_at ?? now,
        updated_at: input.updated_at ?? now,
        deleted_at: input.deleted_at ?? null,
      });
      return get(String(info.lastInsertRowid))!;
    },
    update: (id, change) => update(id, change),
    query(where, orderBy, limit, offset) {
      const total = (prepare(`SELECT COUNT(*) AS n FROM records WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
      const rows = prepare(`SELECT ${COLUMNS} FROM records WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as Row[];
      return { total, rows: rows.map(toRecord) };
    },
    deleteWhere(where) {
      return prepare(`DELETE FROM records WHERE ${where.sql}`).run(...where.params).changes;
    },
  };
}

function toRecord(row: Row): RecordRow {
  return {
    id: String(row.id),
    table: row.table_name,
    properties: JSON.parse(row.properties) as Record<string, unknown>,
    external_id: row.external_id,
    user_id: row.user_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
  };
}
