import { PosError } from '../errors.js';
import type { GraphModule } from './types.js';
import type { NotificationVars } from '../notifications/types.js';

/**
 * api_call_send (template and ad-hoc), email_send and sms_send, with the platformOS schema's
 * names. api_call_send is synchronous: it answers with the response. Delivery failures
 * (connection refused, timeout, a notification that does not render) come back in the
 * payload's `errors` with `response: null`; bad arguments and unknown template names are
 * GraphQL errors.
 */
export const apiCalls: GraphModule = {
  sdl: /* GraphQL */ `
    type BaseError { message: String! }
    input NotificationTemplateInput { name: String! }
    input ApiCallSendRequestInput { body: String, headers: HashObject, method: String!, url: String! }
    input ApiCallSendOptions { internal: Boolean, skip_ssl_verification: Boolean, timeout: Int }
    type Response { body: String, headers: HashObject, status: Int! }
    type ApiCallSendPayload {
      errors: [BaseError!]! @deprecated(reason: "Not needed")
      response: Response
    }
    input NotificationEmailInput { bcc: [String!], cc: [String!], content: String!, delay: Int, from: String!, reply_to: [String!], subject: String!, to: [String!]! }
    input SmsSendInput { content: String!, delay: Int = 0, to: String! }
    type NotificationSendEmailPayload {
      errors: [BaseError!]! @deprecated(reason: "Not needed")
      is_scheduled_to_send: Boolean!
    }
    type SmsSendPayload {
      errors: [BaseError!]! @deprecated(reason: "Not needed")
      is_scheduled_to_send: Boolean!
    }
    extend type RootMutation {
      api_call_send(api_call: ApiCallSendRequestInput, data: HashObject, options: ApiCallSendOptions, template: NotificationTemplateInput): ApiCallSendPayload
      email_send(data: HashObject, email: NotificationEmailInput, template: NotificationTemplateInput): NotificationSendEmailPayload
      sms_send(data: HashObject, sms: SmsSendInput, template: NotificationTemplateInput): SmsSendPayload
    }
  `,
  resolvers: {
    RootMutation: {
      api_call_send(_p, args, { notifier }) {
        const options = (args.options ?? {}) as { timeout?: number };
        const template = args.template as { name: string } | undefined;
        const call = args.api_call as { url: string; method: string; headers?: Record<string, unknown>; body?: string } | undefined;
        if (template && call) throw new PosError('POS_ERR_INVALID_ARGUMENT', 'api_call_send: give either template or api_call, not both');
        if (template) return notifier.send(template.name, { data: hashArg(args.data, 'data') }, options);
        if (call) return notifier.sendAdHoc({ ...call, headers: hashArg(call.headers, 'api_call.headers') }, options);
        throw new PosError('POS_ERR_MISSING_ARGUMENT', 'api_call_send needs template: {name} or api_call: {url, method}');
      },
      async email_send(_p, args, { notifier }) {
        const template = args.template as { name: string } | undefined;
        const email = args.email as { to: string[]; from: string; subject: string; content: string; cc?: string[]; bcc?: string[]; reply_to?: string[] } | undefined;
        if (template) return scheduled((await notifier.enqueue('email', template.name, dataVars(args.data))).status);
        if (!email) throw new PosError('POS_ERR_MISSING_ARGUMENT', 'email_send needs template: {name} or email: {...}');
        const fields: Record<string, string> = { from: email.from };
        for (const key of ['cc', 'bcc', 'reply_to'] as const) if (email[key]?.length) fields[key] = email[key]!.join(', ');
        notifier.storeMessage({ kind: 'email', name: '', to: email.to.join(', '), subject: email.subject, body: email.content, fields });
        return scheduled('stored');
      },
      async sms_send(_p, args, { notifier }) {
        const template = args.template as { name: string } | undefined;
        const sms = args.sms as { to: string; content: string } | undefined;
        if (template) return scheduled((await notifier.enqueue('sms', template.name, dataVars(args.data))).status);
        if (!sms) throw new PosError('POS_ERR_MISSING_ARGUMENT', 'sms_send needs template: {name} or sms: {to, content}');
        notifier.storeMessage({ kind: 'sms', name: '', to: sms.to, subject: '', body: sms.content, fields: {} });
        return scheduled('stored');
      },
    },
  },
};

/** `data` reaches templates as both `data` and `form` (the docs promise both). */
function dataVars(data: unknown): NotificationVars {
  return { data: hashArg(data, 'data') };
}

function hashArg(value: unknown, name: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  // Clients often send a HashObject as JSON text.
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new PosError('POS_ERR_INVALID_ARGUMENT', `${name} must be an object (or JSON text of one)`);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PosError('POS_ERR_INVALID_ARGUMENT', `${name} must be an object`);
  return value as Record<string, unknown>;
}

function scheduled(status: string) {
  return { errors: status === 'failed' ? [{ message: 'the notification did not render; see the logs (type email_error / sms_error)' }] : [], is_scheduled_to_send: status === 'queued' || status === 'stored' };
}
