import type { AppDefinition, FormDef } from '../app/types.js';
import { formConfig, type FieldConfig } from './config.js';

/** Where forms are submitted (platformOS's legacy customizations endpoint). */
export const FORM_ACTION = '/api/user/customizations';

/** Marks an object as a form built by posemu, so {% form %} can tell it from a variable named `form`. */
export const FORM_MARK = Symbol('posemu.form');

/** Validation messages by field key: `properties.<name>` for properties, `<name>` for other fields. */
export type FormErrors = Record<string, string[]>;

/** Submitted values: properties, and the other fields. */
export interface FormValues {
  properties: Record<string, unknown>;
  top: Record<string, unknown>;
}

export interface FormObjectInput {
  /** The record being edited (or just saved); null for a new one. */
  id?: string | null;
  values?: FormValues;
  errors?: FormErrors;
}

/** The `form` object templates see (form body, {% form %}, callbacks, notifications): plain data. */
export type FormObject = Record<string, unknown>;

/** Fields the form object has itself; a field of the same name does not shadow them. */
const RESERVED = new Set(['name', 'resource', 'resource_owner', 'id', 'resource_id', 'action', 'method', 'fields', 'properties', 'errors', 'system_fields']);

/**
 * Builds `form`: name, resource, resource_owner, action, method, id, fields (each with the
 * input `name` to use, its `value`, validation and property_options), properties (values),
 * errors and system_fields, as the Form Builder Object docs list them. Property inputs are
 * named `form[properties_attributes][x]`, with `[]` appended for array properties.
 */
export function buildFormObject(form: FormDef, app: AppDefinition, input: FormObjectInput = {}): FormObject {
  const config = formConfig(form);
  const table = app.tables.get(config.resource);
  const types = new Map(table?.properties.map((p) => [p.name, p.type]) ?? []);
  const values = input.values ?? { properties: {}, top: {} };
  const id = input.id ?? null;
  const properties: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(config.properties)) {
    const suffix = types.get(name) === 'array' ? '[]' : '';
    properties[name] = fieldObject(`form[properties_attributes][${name}]${suffix}`, values.properties[name], field);
  }
  const fields: Record<string, unknown> = { properties };
  for (const [name, field] of Object.entries(config.topFields)) fields[name] = fieldObject(`form[${name}]`, values.top[name], field);
  const object: FormObject = {
    name: config.name,
    resource: config.resource,
    resource_owner: config.resourceOwner,
    id,
    resource_id: id ?? 'new',
    action: id ? `${FORM_ACTION}/${id}` : FORM_ACTION,
    method: id ? 'put' : 'post',
    fields,
    properties: { ...values.properties },
    errors: errorsObject(input.errors ?? {}),
    system_fields: {
      form_name: config.name,
      resource_id: id ?? 'new',
      parent_resource_id: config.resource,
      parent_resource_class: 'CustomModelType',
    },
  };
  for (const [name, value] of Object.entries(values.top)) if (!RESERVED.has(name)) object[name] = value;
  Object.defineProperty(object, FORM_MARK, { value: true, enumerable: false });
  return object;
}

function fieldObject(name: string, value: unknown, field: FieldConfig): Record<string, unknown> {
  return { name, value: value ?? null, validation: field.validation ?? {}, property_options: field.property_options ?? {} };
}

/**
 * form.errors: each key's messages joined into one string (so `{{ form.errors['properties.email'] }}`
 * prints the message, as it does on platformOS), reachable both flat (`['properties.email']`)
 * and nested (`.properties.email`), the two ways the docs read them.
 */
function errorsObject(errors: FormErrors): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const nested: Record<string, string> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const text = messages.join(', ');
    out[key] = text;
    if (key.startsWith('properties.')) nested[key.slice('properties.'.length)] = text;
  }
  if (Object.keys(nested).length) out.properties = nested;
  return out;
}

export function isFormObject(v: unknown): v is FormObject {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[FORM_MARK] === true;
}

/** A submission that failed validation, shown again (values and errors) when its page re-renders. */
export interface FailedSubmission {
  form: string;
  id: string | null;
  values: FormValues;
  errors: FormErrors;
}

/**
 * Session key of a failed submission during the re-render. A symbol: JSON (so the session
 * store) and Liquid never see it, and it lives exactly as long as that one render.
 */
export const FAILED_SUBMISSION = Symbol('posemu.failed-submission');

export function failedSubmission(session: Record<string, unknown>): FailedSubmission | undefined {
  return (session as Record<symbol, FailedSubmission | undefined>)[FAILED_SUBMISSION];
}
