import type { FormDef } from '../app/types.js';
import type { Notifier, NotificationVars } from '../notifications/types.js';
import { errorMessage } from '../errors.js';
import type { FormConfig } from './config.js';
import type { FormRenderEnv } from './render-config.js';

const WHERE = {
  api_call: { key: 'api_call_notifications', dirs: 'app/api_calls or app/notifications/api_call_notifications' },
  email: { key: 'email_notifications', dirs: 'app/emails or app/notifications/email_notifications' },
  sms: { key: 'sms_notifications', dirs: 'app/smses or app/notifications/sms_notifications' },
} as const;

/**
 * Queues the form's api_call, email and sms notifications with `data` (the record) and `form`.
 * Runs after the record is saved: an unknown or failing notification is logged (naming the
 * form file and the notification) and the others still go out.
 */
export async function runNotifications(env: FormRenderEnv, notifier: Notifier, form: FormDef, config: FormConfig, vars: NotificationVars): Promise<void> {
  const defined = { api_call: env.app.apiCalls, email: env.app.emails, sms: env.app.smses };
  for (const { kind, names } of config.notifications) {
    for (const name of names) {
      const where = WHERE[kind];
      let message: string | undefined;
      if (!defined[kind].has(name)) {
        message = `${form.file}: ${where.key}: ${JSON.stringify(name)} is not defined (looked in ${where.dirs}); the record was saved, the notification was not sent`;
      } else {
        try {
          await notifier.enqueue(kind, name, vars);
        } catch (err) {
          message = `${form.file}: ${where.key}: ${JSON.stringify(name)} could not be queued: ${errorMessage(err)}`;
        }
      }
      if (message) env.services.log({ type: 'form_error', message, url: env.url, page: form.file });
    }
  }
}
