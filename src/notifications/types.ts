/** Variables a notification renders with (besides `context`). */
export interface NotificationVars {
  /** `data`: the record/payload that triggered it (a form's stored record, api_call_send's data). */
  data?: Record<string, unknown>;
  /** `form`: the submitted form (forms only). */
  form?: Record<string, unknown>;
}

export type NotificationKind = 'api_call' | 'email' | 'sms';

/** The notifications subsystem as the rest of posemu sees it. */
export interface Notifier {
  /**
   * Renders and queues a notification (written to the outbox before anything is sent).
   * Throws PosError POS_ERR_UNKNOWN_NOTIFICATION for an unknown name.
   */
  enqueue(kind: NotificationKind, name: string, vars: NotificationVars): Promise<void>;
  /** Stops the worker after in-flight deliveries finish. */
  close(): Promise<void>;
}
