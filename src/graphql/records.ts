import { PosError } from '../errors.js';
import { collection } from './collection.js';
import type { GraphContext, GraphModule, Resolver } from './types.js';
import type { RecordRow } from '../store/records.js';
import { compileFilter, compileSort, type RecordsFilter, type RecordsSort, type SqlPart } from '../store/records-filter.js';
import {
  applyPropertyInputs,
  propertyArray,
  propertyBoolean,
  propertyFloat,
  propertyInt,
  propertyObject,
  propertyText,
  requireTable,
  type PropertyInput,
} from '../store/records-values.js';
import { toTime } from '../liquid/time-parse.js';
import { RECORDS_SDL } from './records-sdl.js';

interface RecordInput {
  table?: string | null;
  properties?: PropertyInput[] | null;
  external_id?: string | null;
  user_id?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  deleted_at?: string | null;
  id?: string | null;
}

/** records, record_create, record_update, record_delete, records_delete_all (platformOS names). */
export const records: GraphModule = {
  sdl: RECORDS_SDL,
  resolvers: {
    RootQuery: {
      records(_p, args, ctx) {
        return findRecords(ctx, args.filter as RecordsFilter | undefined, args.sort as RecordsSort[] | undefined, args.page, args.per_page);
      },
    },
    RootMutation: {
      record_create(_p, args, ctx) {
        noFormName(args, 'record_create');
        const input = args.record as RecordInput;
        const table = requireTable(ctx.app, input.table, 'record_create');
        return ctx.store.records.create({
          table: table.name,
          properties: applyPropertyInputs(table, {}, input.properties ?? [], 'record_create'),
          external_id: input.external_id ?? null,
          user_id: input.user_id ?? null,
          created_at: dateInput(input.created_at, 'record_create: created_at'),
          updated_at: dateInput(input.updated_at, 'record_create: updated_at'),
          deleted_at: dateInput(input.deleted_at, 'record_create: deleted_at') ?? null,
        });
      },
      record_update(_p, args, ctx) {
        noFormName(args, 'record_update');
        const input = args.record as RecordInput;
        const id = String(args.id);
        const existing = ctx.store.records.get(id);
        if (!existing) throw new PosError('POS_ERR_NOT_FOUND', `record_update: no record with id ${id}`);
        if (input.table && input.table !== existing.table) {
          throw new PosError('POS_ERR_INVALID_ARGUMENT', `record_update: record ${id} belongs to table ${JSON.stringify(existing.table)}, not ${JSON.stringify(input.table)}`);
        }
        const table = requireTable(ctx.app, existing.table, 'record_update');
        return ctx.store.records.update(id, (current) => ({
          properties: applyPropertyInputs(table, current.properties, input.properties ?? [], 'record_update'),
          ...pick(input, 'external_id', (v) => v ?? null),
          ...pick(input, 'user_id', (v) => v ?? null),
          ...pick(input, 'created_at', (v) => dateInput(v, 'record_update: created_at') ?? current.created_at),
          ...pick(input, 'updated_at', (v) => dateInput(v, 'record_update: updated_at')),
          ...pick(input, 'deleted_at', (v) => dateInput(v, 'record_update: deleted_at') ?? null),
        }));
      },
      record_delete(_p, args, ctx) {
        noFormName(args, 'record_delete');
        const id = String(args.id);
        const table = args.table as string | null | undefined;
        if (!table && ctx.app.flags.require_table_for_record_delete_mutation) {
          throw new PosError('POS_ERR_MISSING_ARGUMENT', 'record_delete: table is required (app/config.yml require_table_for_record_delete_mutation is true)');
        }
        if (table) requireTable(ctx.app, table, 'record_delete');
        const existing = ctx.store.records.get(id);
        if (!existing || (table && existing.table !== table)) {
          throw new PosError('POS_ERR_NOT_FOUND', `record_delete: no record with id ${id}${table ? ` in table ${JSON.stringify(table)}` : ''}`);
        }
        if (existing.deleted_at) return existing;
        return ctx.store.records.update(id, () => ({ deleted_at: new Date().toISOString() }));
      },
      records_delete_all(_p, args, ctx) {
        const table = args.table as string | null | undefined;
        if (!table && args.any_table !== true) {
          throw new PosError('POS_ERR_MISSING_ARGUMENT', 'records_delete_all: give table (or any_table: true to remove records of every table)');
        }
        const filter = (args.filter ?? {}) as RecordsFilter;
        checkTables(ctx, filter);
        const parts: SqlPart[] = [compileFilter(filter, { includeDeleted: true })];
        if (table) parts.push({ sql: 'table_name = ?', params: [requireTable(ctx.app, table, 'records_delete_all').name] });
        return { count: ctx.store.records.deleteWhere({ sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) }) };
      },
    },
    Record: {
      table_id: (parent) => (parent as RecordRow).table,
      name: (parent) => (parent as RecordRow).table,
      model_schema_name: (parent) => (parent as RecordRow).table,
      properties: (parent) => (parent as RecordRow).properties,
      property: propertyField(propertyText),
      property_int: propertyField(propertyInt),
      property_float: propertyField(propertyFloat),
      property_boolean: propertyField(propertyBoolean),
      property_array: propertyField(propertyArray),
      property_json: propertyField((v) => (v === undefined ? null : v)),
      property_object: propertyField(propertyObject),
      related_record(parent, args, ctx) {
        return related(parent as RecordRow, args, ctx, 1)[0] ?? null;
      },
      related_records(parent, args, ctx) {
        return related(parent as RecordRow, args, ctx, args.limit == null ? 1000 : Number(args.limit));
      },
    },
  },
};

function propertyField(read: (v: unknown) => unknown): Resolver {
  return (parent, args) => read((parent as RecordRow).properties[String(args.name)]);
}

/** An input key given (even as null) becomes a patch entry; an absent key changes nothing. */
function pick<K extends keyof RecordInput>(input: RecordInput, key: K, map: (v: RecordInput[K]) => unknown): Record<string, unknown> {
  return key in input ? { [key]: map(input[key]) } : {};
}

function dateInput(v: unknown, what: string): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const t = toTime(v);
  if (!t) throw new PosError('POS_ERR_INVALID_ARGUMENT', `${what}: ${JSON.stringify(v)} is not a date`);
  return t.toISOString();
}

/**
 * form_name on record mutations runs a form's whitelist, callbacks and notifications; posemu
 * runs forms only through POST /api/user/customizations, so it says so rather than ignore it.
 */
function noFormName(args: Record<string, unknown>, where: string): void {
  if (args.form_name) {
    throw new PosError('POS_ERR_INVALID_ARGUMENT', `${where}(form_name:) is not supported by posemu; submit the form to /api/user/customizations instead`);
  }
}

/** Every table a filter names must exist (a typo would otherwise just find nothing). */
function checkTables(ctx: GraphContext, filter: RecordsFilter | null | undefined): void {
  if (!filter) return;
  const names = [filter.table?.value, ...(filter.table?.value_in ?? [])].filter((n): n is string => typeof n === 'string');
  for (const name of names) requireTable(ctx.app, name, 'records filter table');
  for (const sub of filter.or ?? []) checkTables(ctx, sub);
}

/** The `records` query: one page of matching records in platformOS's collection shape. */
function findRecords(ctx: GraphContext, filter: RecordsFilter | undefined, sort: RecordsSort[] | undefined, page: unknown, perPage: unknown) {
  checkTables(ctx, filter);
  const per = perPage == null ? 20 : Number(perPage);
  const p = page == null ? 1 : Number(page);
  if (!Number.isInteger(per) || per < 0) throw new PosError('POS_ERR_INVALID_ARGUMENT', `records: per_page must be a whole number >= 0, got ${String(perPage)}`);
  if (!Number.isInteger(p) || p < 1) throw new PosError('POS_ERR_INVALID_ARGUMENT', `records: page must be a whole number >= 1, got ${String(page)}`);
  const { total, rows } = ctx.store.records.query(compileFilter(filter), compileSort(sort), per, (p - 1) * per);
  return collection(rows, total, p, per);
}

/** related_record(s): records of `table` whose foreign_property equals this record's join_on_property. */
function related(parent: RecordRow, args: Record<string, unknown>, ctx: GraphContext, limit: number): RecordRow[] {
  const tables = (Array.isArray(args.table) ? args.table : [args.table]).map((t) => requireTable(ctx.app, t, 'related_records').name);
  const join = String(args.join_on_property);
  const key = join === 'id' ? parent.id : parent.properties[join];
  if (key === null || key === undefined || key === '') return [];
  const keys = (Array.isArray(key) ? key : [key]).map((k) => propertyText(k) ?? '');
  const foreign = args.foreign_property == null ? 'id' : String(args.foreign_property);
  const filter: RecordsFilter = {
    ...((args.filter as RecordsFilter | undefined) ?? {}),
    table: { value_in: tables },
    ...(foreign === 'id' ? { id: { value_in: keys } } : {}),
  };
  if (foreign !== 'id') filter.properties = [...(filter.properties ?? []), { name: foreign, value_in: keys }];
  return ctx.store.records.query(compileFilter(filter), compileSort(args.sort as RecordsSort[] | undefined), limit, 0).rows;
}
