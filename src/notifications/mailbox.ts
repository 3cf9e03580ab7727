import type { Store } from '../store/index.js';
import type { OutboxRow } from '../store/outbox.js';
import type { NotificationDef } from '../app/types.js';
import type { NewMailboxMessage } from '../store/mailbox.js';
import { errorMessage } from '../errors.js';
import { SafeString } from '../liquid/escape.js';
import { RenderFailure, startRender, triggerAllows, type NotificationRender, type RenderDeps } from './render.js';
import type { EnqueueResult, NotificationVars } from './types.js';

export interface MessageDeps extends RenderDeps {
  store: Store;
}

/** Front matter fields that steer rendering and are not part of the message. */
const CONTROL_FIELDS = new Set(['trigger_condition', 'callback', 'layout', 'delay']);

/**
 * Emails and SMS: rendered like platformOS renders them, then kept in the local mailbox and
 * logged (types `email` / `sms`). posemu never sends them.
 */
export interface Messages {
  /** Renders and stores now; render errors are logged (`email_error` / `sms_error`), not thrown. */
  deliver(def: NotificationDef, vars: NotificationVars, outboxId?: number): Promise<EnqueueResult>;
  /** The worker's entry for a delayed email or SMS. */
  deliverRow(row: OutboxRow): Promise<void>;
  /** Stores a message given in full (no template) and logs it; returns its id. */
  store(msg: NewMailboxMessage, page?: string): number;
}

export function createMessages(deps: MessageDeps): Messages {
  const { store } = deps;
  const log = (type: string, message: string, page: string) => deps.services.log({ type, message, page });

  async function deliver(def: NotificationDef, vars: NotificationVars, outboxId?: number): Promise<EnqueueResult> {
    const render = startRender(deps, def, vars);
    try {
      const trigger = await triggerAllows(render);
      if (!trigger.ok) {
        if (outboxId !== undefined) store.outbox.finish(outboxId, 'skipped', { error: trigger.reason });
        log(def.kind, `${def.name}: not stored, ${trigger.reason}`, def.file);
        return { status: 'skipped' };
      }
      const id = keep(await compose(render), def.file);
      if (outboxId !== undefined) store.outbox.finish(outboxId, 'delivered', {});
      return { status: 'stored', id };
    } catch (err) {
      const message = err instanceof RenderFailure ? err.message : `${def.file}: ${errorMessage(err)}`;
      if (outboxId !== undefined) store.outbox.finish(outboxId, 'failed', { error: message });
      log(`${def.kind}_error`, message, def.file);
      return { status: 'failed' };
    }
  }

  /** Every field rendered as text; the body as HTML (emails, inside their layout) or text (SMS). */
  async function compose(render: NotificationRender): Promise<NewMailboxMessage> {
    const { def } = render;
    const fields: Record<string, string> = {};
    for (const key of Object.keys(def.fields)) {
      if (!CONTROL_FIELDS.has(key)) fields[key] = ((await render.field(key)) ?? '').trim();
    }
    const to = fields.to ?? '';
    if (!to) throw new RenderFailure(`${def.file} (to): the recipient is empty`);
    let body = await render.body(def.kind === 'email' ? 'html' : 'txt');
    if (def.kind === 'email') body = await withLayout(render, body);
    const { to: _to, subject = '', ...rest } = fields;
    return { kind: def.kind === 'email' ? 'email' : 'sms', name: def.name, to, subject, body, fields: rest };
  }

  /** `layout: mailer` wraps the body in views/layouts/mailer (content_for_layout), as pages do. */
  async function withLayout(render: NotificationRender, body: string): Promise<string> {
    const name = ((await render.field('layout')) ?? '').trim();
    if (!name) return body;
    const layout = deps.app().layouts.get(name);
    if (!layout) throw new RenderFailure(`${render.def.file} (layout): layout ${JSON.stringify(name)} not found (looked in app/views/layouts)`);
    return render.source(layout.body, { content_for_layout: new SafeString(body) }, 'html');
  }

  function keep(msg: NewMailboxMessage, page = ''): number {
    const { id } = store.mailbox.add(msg);
    log(msg.kind, describe(id, msg), page);
    return id;
  }

  return {
    deliver,
    store: keep,
    async deliverRow(row) {
      const kind = row.kind === 'email' ? 'emails' : 'smses';
      const def = deps.app()[kind].get(row.name);
      if (!def) {
        const error = `${row.name}: ${row.kind} notification not found (removed after it was queued; looked in app/${kind})`;
        store.outbox.finish(row.id, 'failed', { error });
        log(`${row.kind}_error`, error, '');
        return;
      }
      await deliver(def, JSON.parse(row.vars) as NotificationVars, row.id);
    },
  };
}

function describe(id: number, msg: NewMailboxMessage): string {
  const who = msg.name || `${msg.kind}_send`;
  const what = msg.kind === 'email' ? `subject ${JSON.stringify(msg.subject)}` : JSON.stringify(msg.body.length > 80 ? `${msg.body.slice(0, 80)}...` : msg.body);
  return `${who}: to ${msg.to}, ${what} (mailbox #${id}; posemu keeps ${msg.kind === 'email' ? 'emails' : 'SMS'} locally and never sends them)`;
}
