import { PosError } from '../errors.js';
import type { AppDefinition, FormDef } from '../app/types.js';

/** One field of a form configuration (`fields.properties.<name>` or `fields.<name>`). */
export interface FieldConfig {
  validation?: Record<string, unknown> | null;
  property_options?: { virtual?: boolean } | null;
}

/** A form configuration's front matter, read with defaults. */
export interface FormConfig {
  name: string;
  resource: string;
  resourceOwner: string;
  /** `fields.properties` by name. */
  properties: Record<string, FieldConfig>;
  /** Fields besides `properties` (first_name of a User form...): kept on the form, not stored. */
  topFields: Record<string, FieldConfig>;
  notifications: Array<{ kind: 'api_call' | 'email' | 'sms'; names: string[] }>;
  requestAllowed: boolean;
}

const NOTIFICATION_KEYS = [
  ['api_call', 'api_call_notifications'],
  ['email', 'email_notifications'],
  ['sms', 'sms_notifications'],
] as const;

/** Reads a FormDef's front matter; a malformed one is an error naming the file and key. */
export function formConfig(form: FormDef): FormConfig {
  const c = form.config;
  const fields = asMap(c.fields, `${form.file}: fields`);
  const { properties, ...top } = fields;
  return {
    name: form.name,
    resource: typeof c.resource === 'string' ? c.resource : '',
    resourceOwner: typeof c.resource_owner === 'string' ? c.resource_owner : 'anyone',
    properties: fieldMap(asMap(properties, `${form.file}: fields.properties`)),
    topFields: fieldMap(top),
    notifications: NOTIFICATION_KEYS.map(([kind, key]) => ({ kind, names: nameList(c[key], `${form.file}: ${key}`) })),
    requestAllowed: c.request_allowed !== false,
  };
}

function asMap(v: unknown, what: string): Record<string, unknown> {
  if (v === null || v === undefined || v === '') return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new PosError('POS_ERR_INVALID_ARGUMENT', `${what} must be a mapping of field names`);
  return v as Record<string, unknown>;
}

function fieldMap(raw: Record<string, unknown>): Record<string, FieldConfig> {
  const out: Record<string, FieldConfig> = {};
  for (const [name, v] of Object.entries(raw)) out[name] = v && typeof v === 'object' ? (v as FieldConfig) : {};
  return out;
}

function nameList(v: unknown, what: string): string[] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) throw new PosError('POS_ERR_INVALID_ARGUMENT', `${what} must be a list of notification names`);
  return v.map(String);
}

/** A form by name (module forms as modules/<m>/<name>); unknown names are a clear error. */
export function findForm(app: AppDefinition, name: unknown): FormDef {
  const key = String(name ?? '').trim().replace(/^\/+/, '').replace(/\.liquid$/, '');
  const form = key ? app.forms.get(key) : undefined;
  if (!form) {
    const known = [...app.forms.keys()].sort().join(', ') || 'none';
    throw new PosError('POS_ERR_UNKNOWN_FORM', `${JSON.stringify(String(name ?? ''))} (looked in app/forms and app/form_configurations; known forms: ${known})`);
  }
  return form;
}

export function isVirtual(field: FieldConfig): boolean {
  return field.property_options?.virtual === true;
}
