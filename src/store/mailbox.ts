import type { DB } from './open.js';

/** An email or SMS as rendered. posemu never sends them: they stay here for the developer to read. */
export interface MailboxMessage {
  id: number;
  kind: 'email' | 'sms';
  /** Notification name ('' for an ad-hoc email_send / sms_send). */
  name: string;
  /** Email address(es) or phone number, as rendered. */
  to: string;
  /** Email subject ('' for SMS). */
  subject: string;
  /** Rendered body (emails: HTML, inside their layout). */
  body: string;
  /** Every other rendered field (from, reply_to, cc, bcc, attachments...). */
  fields: Record<string, string>;
  created_at: string;
}

export type NewMailboxMessage = Omit<MailboxMessage, 'id' | 'created_at'>;

export interface MailboxStore {
  add(msg: NewMailboxMessage): MailboxMessage;
  /** Newest first. */
  list(opts?: { kind?: 'email' | 'sms'; limit?: number }): MailboxMessage[];
  get(id: number): MailboxMessage | undefined;
}

interface Row {
  id: number;
  kind: 'email' | 'sms';
  name: string;
  recipient: string;
  subject: string;
  body: string;
  fields: string;
  created_at: string;
}

export function createMailboxStore(db: DB): MailboxStore {
  const insert = db.prepare(
    'INSERT INTO mailbox (kind, name, recipient, subject, body, fields, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const selectOne = db.prepare<[number], Row>('SELECT * FROM mailbox WHERE id = ?');
  const selectAll = db.prepare<[number], Row>('SELECT * FROM mailbox ORDER BY id DESC LIMIT ?');
  const selectKind = db.prepare<[string, number], Row>('SELECT * FROM mailbox WHERE kind = ? ORDER BY id DESC LIMIT ?');
  return {
    add(msg) {
      const created_at = new Date().toISOString();
      const info = insert.run(msg.kind, msg.name, msg.to, msg.subject, msg.body, JSON.stringify(msg.fields), created_at);
      return { ...msg, id: Number(info.lastInsertRowid), created_at };
    },
    list({ kind, limit = 100 } = {}) {
      return (kind ? selectKind.all(kind, limit) : selectAll.all(limit)).map(toMessage);
    },
    get(id) {
      const row = selectOne.get(id);
      return row ? toMessage(row) : undefined;
    },
  };
}

function toMessage(r: Row): MailboxMessage {
  return { id: r.id, kind: r.kind, name: r.name, to: r.recipient, subject: r.subject, body: r.body, fields: JSON.parse(r.fields) as Record<string, string>, created_at: r.created_at };
}
