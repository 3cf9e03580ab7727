import { PosError, isPosError } from '../errors.js';
import type { FormDef, TableDef } from '../app/types.js';
import type { Store } from '../store/index.js';
import type { RecordRow } from '../store/records.js';
import type { Notifier } from '../notifications/types.js';
import { compileFilter, type PropertyFilter } from '../store/records-filter.js';
import { coerceValue, propertyText, requireProperty, requireTable } from '../store/records-values.js';
import { describeError } from '../liquid/errors.js';
import { toPlain } from '../liquid/to-plain.js';
import { formConfig, isVirtual, type FormConfig } from './config.js';
import { buildFormObject, type FormErrors, type FormObject, type FormValues } from './form-object.js';
import { renderFormSetting, type FormRenderEnv } from './render-config.js';
import { validateFields, type FieldCheck } from './validate.js';
import { runNotifications } from './notify.js';

export interface SubmitInput {
  form: FormDef;
  action: 'create' | 'update' | 'delete';
  /** The record to update or delete. */
  id?: string;
  /** Every request parameter (form, redirect_to, page_id...). */
  params: Record<string, unknown>;
  env: FormRenderEnv;
  store: Store;
  notifier: Notifier;
}

export type SubmitResult =
  | { ok: true; record: RecordRow; form: FormObject; notice?: string; redirect?: string }
  | { ok: false; form: FormObject; errors: FormErrors; alert?: string };

/**
 * Processes one form submission in the order the docs give (after CSRF, which the HTTP layer
 * checks): find the record, merge default_payload, validate, persist, callback_actions,
 * notifications, then flash and redirect. A failing callback or notification is logged and
 * never undoes the saved record.
 */
export async function submitForm(input: SubmitInput): Promise<SubmitResult> {
  const { form, env, store } = input;
  const config = formConfig(form);
  if (!config.requestAllowed) {
    throw new PosError('POS_ERR_NOT_FOUND', `form ${JSON.stringify(form.name)} has request_allowed: false (${form.file})`);
  }
  const table = requireTable(env.app, config.resource, `${form.file}: resource`);
  checkFields(config, table, form);
  const existing = input.action === 'create' ? null : findRecord(store, table, form, input.id);

  let values = submittedValues(config, input.params.form);
  values = await withDefaultPayload(input, config, values, existing);
  const merged: FormValues = { properties: { ...pickKnown(existing?.properties ?? {}, config), ...values.properties }, top: values.top };
  const formFor = (id: string | null, v: FormValues, errors?: FormErrors) => buildFormObject(form, env.app, { id, values: v, errors });

  if (input.action !== 'delete') {
    const { stored, errors: typeErrors } = storedProperties(config, table, values.properties);
    const errors = mergeErrors(typeErrors, await validate(input, config, table, merged, existing?.id ?? null, formFor));
    if (Object.keys(errors).length) {
      const failed = formFor(existing?.id ?? null, merged, errors);
      const alert = await renderOptional(env, form, 'flash_alert', { form: failed });
      return { ok: false, form: failed, errors, alert };
    }
    values = { ...values, properties: stored };
  }

  const record = persist(input, table, values.properties, existing);
  const saved = formFor(record.id, { properties: { ...merged.properties, ...record.properties }, top: values.top });
  await runCallback(env, form, saved);
  await runNotifications(env, input.notifier, form, config, { data: toPlain(record) as Record<string, unknown>, form: saved });
  if (form.config.async_callback_actions) {
    env.services.log({ type: 'warning', message: `${form.file}: async_callback_actions are not run by posemu (not implemented); callback_actions are`, url: env.url, page: form.file });
  }
  const notice = await renderOptional(env, form, 'flash_notice', { form: saved });
  const param = typeof input.params.redirect_to === 'string' && input.params.redirect_to.trim() ? input.params.redirect_to.trim() : undefined;
  const redirect = param ?? (await renderOptional(env, form, 'redirect_to', { form: saved }));
  return { ok: true, record, form: saved, notice, redirect };
}

/** Every stored (non-virtual) field must be a property of the resource table: a config error otherwise. */
function checkFields(config: FormConfig, table: TableDef, form: FormDef): void {
  for (const [name, field] of Object.entries(config.properties)) {
    if (!isVirtual(field)) requireProperty(table, name, `${form.file}: fields.properties`);
  }
}

function findRecord(store: Store, table: TableDef, form: FormDef, id: string | undefined): RecordRow {
  const record = id ? store.records.get(id) : null;
  if (!record || record.table !== table.name || record.deleted_at) {
    throw new PosError('POS_ERR_NOT_FOUND', `form ${JSON.stringify(form.name)}: no ${table.name} record with id ${JSON.stringify(id ?? '')}`);
  }
  return record;
}

/** The whitelist: only fields the form configures are taken from the request. */
function submittedValues(config: FormConfig, raw: unknown): FormValues {
  const src = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const props = src.properties_attributes && typeof src.properties_attributes === 'object' ? (src.properties_attributes as Record<string, unknown>) : {};
  return {
    properties: pickKnown(props, config),
    top: Object.fromEntries(Object.entries(src).filter(([k]) => Object.hasOwn(config.topFields, k))),
  };
}

function pickKnown(values: Record<string, unknown>, config: FormConfig): Record<string, unknown> {
  // hasOwn, not `in`: a submitted `constructor` or `toString` is not a configured field.
  return Object.fromEntries(Object.entries(values).filter(([k]) => Object.hasOwn(config.properties, k)));
}

/** default_payload: Liquid (with `form` and `context`) giving JSON merged over the user's input. */
async function withDefaultPayload(input: SubmitInput, config: FormConfig, values: FormValues, existing: RecordRow | null): Promise<FormValues> {
  const { form, env } = input;
  if (form.config.default_payload === undefined || form.config.default_payload === null) return values;
  const current = buildFormObject(form, env.app, { id: existing?.id ?? null, values });
  const text = (await renderFormSetting(env, form, 'default_payload', { form: current })).trim();
  if (!text) return values;
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (err) {
    throw new Error(`${form.file} (default_payload): not valid JSON after rendering: ${(err as Error).message}: ${text.slice(0, 200)}`);
  }
  const extra = submittedValues(config, payload);
  return { properties: { ...values.properties, ...extra.properties }, top: { ...values.top, ...extra.top } };
}

/** Submitted property values stored as their schema types; a value that does not fit is a field error. */
function storedProperties(config: FormConfig, table: TableDef, props: Record<string, unknown>) {
  const stored: Record<string, unknown> = {};
  const errors: FormErrors = {};
  for (const [name, value] of Object.entries(props)) {
    if (isVirtual(config.properties[name])) continue;
    const prop = requireProperty(table, name, 'form');
    try {
      stored[name] = coerceValue(prop, value, name);
    } catch (err) {
      if (!isPosError(err)) throw err;
      errors[`properties.${name}`] = [prop.type === 'integer' || prop.type === 'float' ? 'is not a number' : `is not a valid ${prop.type}`];
    }
  }
  return { stored, errors };
}

async function validate(
  input: SubmitInput,
  config: FormConfig,
  table: TableDef,
  values: FormValues,
  id: string | null,
  formFor: (id: string | null, v: FormValues) => FormObject,
): Promise<FormErrors> {
  const { form, env, store } = input;
  const checks: FieldCheck[] = [
    ...Object.entries(config.properties).map(([name, field]) => ({ key: `properties.${name}`, name, value: values.properties[name], field, siblings: values.properties })),
    ...Object.entries(config.topFields).map(([name, field]) => ({ key: name, name, value: values.top[name], field, siblings: values.top })),
  ];
  return validateFields(checks, {
    async condition(check, validator, option) {
      const path = `fields.${check.key}.validation.${validator}.${option}`;
      return (await renderFormSetting(env, form, path, { form: formFor(id, values) })).trim() === 'true';
    },
    taken(name, value, scope) {
      const properties: PropertyFilter[] = [name, ...scope].map((n) => ({ name: n, value: propertyText(n === name ? value : values.properties[n]) ?? '' }));
      const where = compileFilter({ table: { value: table.name }, properties, ...(id ? { id: { not_value: id } } : {}) });
      return store.records.query(where, 'id', 1, 0).total > 0;
    },
    unsupported(key, validator) {
      env.services.log({ type: 'warning', message: `${form.file}: validation "${validator}" of ${key} is not supported by posemu and was skipped`, url: env.url, page: form.file });
    },
  });
}

function mergeErrors(a: FormErrors, b: FormErrors): FormErrors {
  const out: FormErrors = { ...a };
  // A type error and numericality both say "is not a number": each message once.
  for (const [k, v] of Object.entries(b)) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

function persist(input: SubmitInput, table: TableDef, properties: Record<string, unknown>, existing: RecordRow | null): RecordRow {
  const records = input.store.records;
  if (input.action === 'create') return records.create({ table: table.name, properties });
  const id = existing!.id;
  const row = input.action === 'delete' ? records.update(id, () => ({ deleted_at: new Date().toISOString() })) : records.update(id, () => ({ properties }));
  return row!;
}

/** callback_actions run after the save; an error is logged with file:line and the record stays. */
async function runCallback(env: FormRenderEnv, form: FormDef, saved: FormObject): Promise<void> {
  try {
    await renderFormSetting(env, form, 'callback_actions', { form: saved });
  } catch (err) {
    // Lines count from the start of the callback_actions text (it lives in the front matter).
    const message = describeError(err, `${form.file} (callback_actions)`, () => 0);
    env.services.log({ type: 'liquid_error', message, url: env.url, page: form.file });
  }
}

async function renderOptional(env: FormRenderEnv, form: FormDef, key: string, scope: Record<string, unknown>): Promise<string | undefined> {
  const text = (await renderFormSetting(env, form, key, scope)).trim();
  return text || undefined;
}
