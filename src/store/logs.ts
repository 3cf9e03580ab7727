import { EventEmitter } from 'node:events';
import type { DB } from './open.js';

export interface LogEntry {
  id: number;
  created_at: string;
  error_type: string;
  message: string;
  data: { url: string; page: string; partial: string };
}

export interface NewLog {
  type: string;
  message: string;
  url?: string;
  page?: string;
  partial?: string;
}

export interface LogsStore {
  write(entry: NewLog): LogEntry;
  /** Entries with id > lastId, oldest first, at most `limit`. */
  since(lastId: number, limit?: number, type?: string): LogEntry[];
  /** Called with each new entry as it is written (the SSE stream and `posemu logs` use it). */
  subscribe(listener: (entry: LogEntry) => void): () => void;
}

interface Row {
  id: number;
  created_at: string;
  error_type: string;
  message: string;
  url: string;
  page: string;
  partial: string;
}

/** Longest message kept; longer ones are cut with a note (a runaway log must not fill the disk). */
export const MAX_LOG_MESSAGE = 64 * 1024;

export function createLogsStore(db: DB): LogsStore {
  const insert = db.prepare(
    'INSERT INTO logs (created_at, error_type, message, url, page, partial) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[number, number], Row>('SELECT * FROM logs WHERE id > ? ORDER BY id LIMIT ?');
  const selectType = db.prepare<[number, string, number], Row>('SELECT * FROM logs WHERE id > ? AND error_type = ? ORDER BY id LIMIT ?');
  const events = new EventEmitter();
  events.setMaxListeners(0);

  return {
    write(e) {
      const created_at = new Date().toISOString();
      let message = e.message;
      if (message.length > MAX_LOG_MESSAGE) message = `${message.slice(0, MAX_LOG_MESSAGE)}... [cut: ${message.length} characters]`;
      const info = insert.run(created_at, e.type, message, e.url ?? '', e.page ?? '', e.partial ?? '');
      const entry = toEntry({ id: Number(info.lastInsertRowid), created_at, error_type: e.type, message, url: e.url ?? '', page: e.page ?? '', partial: e.partial ?? '' });
      events.emit('log', entry);
      return entry;
    },
    since(lastId, limit = 1000, type) {
      const rows = type ? selectType.all(lastId, type, limit) : select.all(lastId, limit);
      return rows.map(toEntry);
    },
    subscribe(listener) {
      events.on('log', listener);
      return () => events.off('log', listener);
    },
  };
}

function toEntry(r: Row): LogEntry {
  return { id: r.id, created_at: r.created_at, error_type: r.error_type, message: r.message, data: { url: r.url, page: r.page, partial: r.partial } };
}
