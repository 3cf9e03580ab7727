import type { DB } from './open.js';
import { createCipher } from './crypto.js';

export interface ConstantRow {
  name: string;
  value: string;
  created_at: string;
  updated_at: string;
}

export interface ConstantsStore {
  /** All constants by name, decrypted. Cached until the next write. */
  all(): Readonly<Record<string, string>>;
  list(): ConstantRow[];
  set(name: string, value: string): ConstantRow;
  /** Returns the removed row, or null when there was none. */
  unset(name: string): ConstantRow | null;
}

/** Constants, encrypted at rest with the instance secret, cached in memory. */
export function createConstantsStore(db: DB, secret: string): ConstantsStore {
  const cipher = createCipher(secret);
  const selectAll = db.prepare<[], ConstantRow>('SELECT name, value, created_at, updated_at FROM constants ORDER BY name');
  const selectOne = db.prepare<[string], ConstantRow>('SELECT name, value, created_at, updated_at FROM constants WHERE name = ?');
  const upsert = db.prepare(
    `INSERT INTO constants (name, value, created_at, updated_at) VALUES (@name, @value, @now, @now)
     ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM constants WHERE name = ?');
  let cache: Readonly<Record<string, string>> | null = null;

  const decrypt = (row: ConstantRow): ConstantRow => ({ ...row, value: cipher.decrypt(row.value) });

  return {
    all() {
      if (!cache) {
        const out: Record<string, string> = {};
        for (const row of selectAll.all()) out[row.name] = cipher.decrypt(row.value);
        cache = Object.freeze(out);
      }
      return cache;
    },
    list() {
      return selectAll.all().map(decrypt);
    },
    set(name, value) {
      upsert.run({ name, value: cipher.encrypt(value), now: new Date().toISOString() });
      cache = null;
      return decrypt(selectOne.get(name)!);
    },
    unset(name) {
      const row = selectOne.get(name);
      if (!row) return null;
      remove.run(name);
      cache = null;
      return decrypt(row);
    },
  };
}
