import type { NewMailboxMessage } from '../store/mailbox.js';

/** Variables a notification renders with (besides `context`). */
export interface NotificationVars {
  /**
   * `data`: the payload that triggered it (api_call_send's `data`, a form's stored record).
   * When absent, `form` is used: the docs make both names reach the same values.
   */
  data?: Record<string, unknown>;
  /** `form`: the submitted form as templates see it (`form.id`, `form.properties`...). */
  form?: Record<string, unknown>;
}

export type NotificationKind = 'api_call' | 'email' | 'sms';

/** What enqueue did with a notification. */
export interface EnqueueResult {
  /**
   * queued: written to the outbox, the worker delivers it (api calls, delayed emails/SMS);
   * stored: rendered into the local mailbox (emails, SMS); skipped: `enabled: false`;
   * failed: it did not render (the reason is logged, naming the file and line).
   */
  status: 'queued' | 'stored' | 'skipped' | 'failed';
  /** Outbox row id (queued, or failed when `delay` did not render) or mailbox message id (stored). */
  id?: number;
}

/** The `response` object of a callback and of api_call_send. */
export interface CallResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface SendOptions {
  /** Timeout in seconds (api_call_send's options.timeout); at most 180. @default config.httpTimeoutMs */
  timeout?: number;
}

/** api_call_send's ad-hoc `api_call: {url, method, headers, body}`. */
export interface AdHocCall {
  url: string;
  method: string;
  headers?: Record<string, unknown>;
  /** Sent verbatim (not Liquid). */
  body?: string;
}

/** api_call_send's payload: a response, or why there is none. */
export interface SendResult {
  response: CallResponse | null;
  errors: Array<{ message: string }>;
}

/** The notifications subsystem as the rest of posemu sees it. */
export interface Notifier {
  /**
   * Queues a notification: api calls are written to the outbox before anything is sent and
   * delivered by the worker; emails and SMS land in the mailbox (after `delay`, through the
   * outbox). Render errors are logged, not thrown. Throws PosError POS_ERR_UNKNOWN_NOTIFICATION
   * for an unknown name.
   */
  enqueue(kind: NotificationKind, name: string, vars: NotificationVars): Promise<EnqueueResult>;
  /** api_call_send(template: {name}): renders, sends once and waits (the outbox records it). */
  send(name: string, vars: NotificationVars, opts?: SendOptions): Promise<SendResult>;
  /** api_call_send(api_call: {...}): sends a call given in full, once, and waits. */
  sendAdHoc(call: AdHocCall, opts?: SendOptions): Promise<SendResult>;
  /** Keeps an email or SMS given in full (email_send / sms_send without a template) in the mailbox; returns its id. */
  storeMessage(msg: NewMailboxMessage): number;
  /** Delivers every outbox row due now and waits for them (tests; instances without a worker). */
  flush(): Promise<void>;
  /** Stops the worker after in-flight deliveries finish; pending rows wait for the next start. */
  close(): Promise<void>;
}
