import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, makeInstance, type TestInstance } from '../helpers/app.js';

afterAll(closeAll);

const SCHEMA = {
  'app/schema/employee.yml': `name: employee
properties:
  - name: name
    type: string
  - name: age
    type: integer
  - name: rate
    type: float
  - name: enabled
    type: boolean
  - name: hobbies
    type: array
  - name: extra
    type: json
  - name: born
    type: datetime
`,
  'app/schema/company.yml': 'name: company\nproperties:\n  - name: name\n    type: string\n',
  'app/schema/virtual_record.yml': 'name: virtual_record\n',
};

let instance: TestInstance;
beforeEach(() => {
  instance = makeInstance(SCHEMA);
});

async function gql(query: string, variables: Record<string, unknown> = {}) {
  return instance.services.graphql(query, variables) as Promise<{ data?: Record<string, any> | null; errors?: Array<{ message: string }> }>;
}

const CREATE = `mutation c($name: String, $age: Int, $rate: Float, $enabled: Boolean, $hobbies: [String], $born: String) {
  record_create(record: { table: "employee", properties: [
    { name: "name", value: $name }, { name: "age", value_int: $age }, { name: "rate", value_float: $rate },
    { name: "enabled", value_boolean: $enabled }, { name: "hobbies", value_array: $hobbies }, { name: "born", value: $born }
  ] }) { id table name: property(name: "name") age: property_int(name: "age") }
}`;

async function employee(name: string, age: number, extra: Record<string, unknown> = {}) {
  const res = await gql(CREATE, { name, age, rate: age / 10, enabled: age % 2 === 0, hobbies: [], born: null, ...extra });
  expect(res.errors).toBeUndefined();
  return res.data!.record_create as { id: string };
}

async function names(filter: string, extra = '') {
  const res = await gql(`{ records(per_page: 50, filter: { table: { value: "employee" }, ${filter} } ${extra}) { results { name: property(name: "name") } } }`);
  expect(res.errors).toBeUndefined();
  return (res.data!.records.results as Array<{ name: string }>).map((r) => r.name);
}

describe('record_create and the property fields', () => {
  it('stores typed properties and reads them back with property, property_int ... properties', async () => {
    const created = await employee('John', 14, { hobbies: ['music', 'travel'], born: '2001-02-03 04:05:06' });
    expect(created).toMatchObject({ table: 'employee', name: 'John', age: 14 });
    expect(created.id).toMatch(/^\d+$/);
    const res = await gql(`query($id: ID) { records(per_page: 1, filter: { id: { value: $id } }) { total_entries results {
      id table created_at updated_at deleted_at
      name: property(name: "name") age: property_int(name: "age") age_text: property(name: "age") rate: property_float(name: "rate")
      enabled: property_boolean(name: "enabled") hobbies: property_array(name: "hobbies") born: property(name: "born")
      missing: property(name: "nope") properties } } }`, { id: created.id });
    expect(res.errors).toBeUndefined();
    const r = res.data!.records.results[0];
    expect(r).toMatchObject({
      id: created.id, table: 'employee', deleted_at: null, name: 'John', age: 14, age_text: '14', rate: 1.4, enabled: true,
      hobbies: ['music', 'travel'], born: '2001-02-03T04:05:06.000Z', missing: null,
    });
    expect(r.properties).toEqual({ name: 'John', age: 14, rate: 1.4, enabled: true, hobbies: ['music', 'travel'], born: '2001-02-03T04:05:06.000Z' });
    expect(new Date(r.created_at).toISOString()).toBe(r.created_at);
  });

  it('keeps json properties as objects (property_json, property_object)', async () => {
    const res = await gql(`mutation { record_create(record: { table: "employee", properties: [{ name: "extra", value_json: { a: [1, 2], b: "x" } }] }) {
      j: property_json(name: "extra") o: property_object(name: "extra") s: property(name: "extra") } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.record_create).toEqual({ j: { a: [1, 2], b: 'x' }, o: { a: [1, 2], b: 'x' }, s: '{"a":[1,2],"b":"x"}' });
  });

  it('creates a record in a table without properties (virtual_record)', async () => {
    const res = await gql('mutation { record_create(record: { table: "virtual_record" }) { id table properties } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.record_create).toMatchObject({ table: 'virtual_record', properties: {} });
  });

  it('rejects an unknown table, naming it and the known ones', async () => {
    const res = await gql('mutation { record_create(record: { table: "emplyee" }) { id } }');
    expect(res.errors?.[0].message).toMatch(/record_create: "emplyee" is not defined in app\/schema \(known tables: company, employee, virtual_record\)/);
    const count = await gql('{ records(filter: { table: { value: "nope" } }) { total_entries } }');
    expect(count.errors?.[0].message).toMatch(/"nope" is not defined in app\/schema/);
  });

  it('rejects an unknown property and a value that does not fit the type', async () => {
    const unknown = await gql('mutation { record_create(record: { table: "employee", properties: [{ name: "salary", value: "1" }] }) { id } }');
    expect(unknown.errors?.[0].message).toMatch(/table "employee" has no property "salary"/);
    const badInt = await gql('mutation { record_create(record: { table: "employee", properties: [{ name: "age", value: "old" }] }) { id } }');
    expect(badInt.errors?.[0].message).toMatch(/property "age" \(integer\): "old" is not a valid integer/);
    const total = await gql('{ records(filter: { table: { value: "employee" } }) { total_entries } }');
    expect(total.data!.records.total_entries).toBe(0);
  });
});

describe('records filters', () => {
  beforeEach(async () => {
    await employee('John', 14, { hobbies: ['music', 'travel'] });
    await employee('Anna', 35, { hobbies: ['music'] });
    await employee('Bob', 61, { hobbies: [] });
    await gql('mutation { record_create(record: { table: "employee", properties: [{ name: "age", value_int: 5 }] }) { id } }');
    await gql('mutation { record_create(record: { table: "company", properties: [{ name: "name", value: "John" }] }) { id } }');
  });

  it('value, not_value, value_in, not_value_in (docs examples)', async () => {
    expect(await names('properties: [{ name: "name", value: "John" }]')).toEqual(['John']);
    expect(await names('properties: [{ name: "name", not_value: "John" }]')).toEqual(['Anna', 'Bob', null]);
    expect(await names('properties: [{ name: "name", value_in: ["John", "Anna"] }]')).toEqual(['John', 'Anna']);
    expect(await names('properties: [{ name: "name", not_value_in: ["John", "Anna"] }]')).toEqual(['Bob', null]);
  });

  it('value_int, value_float, value_boolean and value on a typed property', async () => {
    expect(await names('properties: [{ name: "age", value_int: 14 }]')).toEqual(['John']);
    expect(await names('properties: [{ name: "age", value: "35" }]')).toEqual(['Anna']);
    expect(await names('properties: [{ name: "rate", value_float: 6.1 }]')).toEqual(['Bob']);
    expect(await names('properties: [{ name: "enabled", value_boolean: true }]')).toEqual(['John']);
    expect(await names('properties: [{ name: "enabled", value: "false" }]')).toEqual(['Anna', 'Bob']);
  });

  it('range compares numbers as numbers', async () => {
    expect(await names('properties: [{ name: "age", range: { gte: "14", lt: "60" } }]')).toEqual(['John', 'Anna']);
    expect(await names('properties: [{ name: "age", range: { gt: "9" } }]')).toEqual(['John', 'Anna', 'Bob']);
  });

  it('range on datetimes accepts ISO 8601 without zone', async () => {
    await employee('Dated', 1, { born: '2019-09-15T10:00:00Z' });
    expect(await names('properties: [{ name: "born", range: { lte: "2019-10-02T08:13:00", gte: "2019-09-01T08:13:00" } }]')).toEqual(['Dated']);
  });

  it('contains (case insensitive unless case_sensitive), starts_with, ends_with', async () => {
    expect(await names('properties: [{ name: "name", contains: "OH" }]')).toEqual(['John']);
    expect(await names('properties: [{ name: "name", contains: "OH", case_sensitive: true }]')).toEqual([]);
    expect(await names('properties: [{ name: "name", starts_with: "an" }]')).toEqual(['Anna']);
    expect(await names('properties: [{ name: "name", ends_with: "b" }]')).toEqual(['Bob']);
    expect(await names('properties: [{ name: "name", not_contains: "n" }]')).toEqual(['Bob', null]);
  });

  it('exists true and false', async () => {
    expect(await names('properties: [{ name: "name", exists: true }]')).toEqual(['John', 'Anna', 'Bob']);
    expect((await names('properties: [{ name: "name", exists: false }]')).length).toBe(1);
  });

  it('array operators: array_contains, array_overlaps, value_array, value_in on arrays', async () => {
    expect(await names('properties: [{ name: "hobbies", array_contains: ["music", "travel"] }]')).toEqual(['John']);
    expect(await names('properties: [{ name: "hobbies", array_overlaps: ["travel", "chess"] }]')).toEqual(['John']);
    expect(await names('properties: [{ name: "hobbies", value_array: ["music"] }]')).toEqual(['Anna']);
    expect(await names('properties: [{ name: "hobbies", value_in: ["music", "chess"] }]')).toEqual(['Anna']);
  });

  it('or, id value_in and table filters', async () => {
    expect(await names('or: [{ properties: [{ name: "name", value: "Bob" }] }, { properties: [{ name: "age", value_int: 14 }] }]')).toEqual(['John', 'Bob']);
    const all = await gql('{ records(per_page: 50, filter: { table: { value_in: ["employee", "company"] } }) { total_entries } }');
    expect(all.data!.records.total_entries).toBe(5);
  });

  it('sorts by property and by created_at, and paginates', async () => {
    expect(await names('properties: [{ name: "name", exists: true }]', ', sort: [{ properties: [{ name: "name", order: ASC }] }]')).toEqual(['Anna', 'Bob', 'John']);
    expect(await names('properties: [{ name: "age", exists: true }]', ', sort: { properties: { name: "age", order: DESC } }')).toEqual(['Bob', 'Anna', 'John', null]);
    expect(await names('properties: [{ name: "name", exists: true }]', ', sort: { id: { order: DESC } }')).toEqual(['Bob', 'Anna', 'John']);
    const res = await gql('{ records(page: 2, per_page: 3, filter: { table: { value: "employee" } }) { current_page per_page total_entries total_pages has_next_page has_previous_page results { id } } }');
    expect(res.data!.records).toMatchObject({ current_page: 2, per_page: 3, total_entries: 4, total_pages: 2, has_next_page: false, has_previous_page: true });
    expect(res.data!.records.results).toHaveLength(1);
  });

  it('ignores conditions given as null (unset variables), as the docs\' list/detail query relies on', async () => {
    const q = 'query($id: ID, $name: String) { records(filter: { table: { value: "employee" }, id: { value: $id }, properties: [{ name: "name", value: $name }] }) { total_entries } }';
    expect((await gql(q)).data!.records.total_entries).toBe(4);
    expect((await gql(q, { id: null, name: 'Anna' })).data!.records.total_entries).toBe(1);
  });

  it('defaults per_page, so { records { total_entries } } answers', async () => {
    const res = await gql('{ records { total_entries } }');
    expect(res).toEqual({ data: { records: { total_entries: 5 } } });
  });

  it('a malformed filter is a GraphQL error, not an empty result', async () => {
    const wrongShape = await gql('{ records(per_page: 5, filter: { table: "employee" }) { total_entries } }');
    expect(wrongShape.errors?.[0].message).toMatch(/StringFilter/);
    const unknownOp = await gql('{ records(per_page: 5, filter: { properties: [{ name: "age", greater: 3 }] }) { total_entries } }');
    expect(unknownOp.errors?.[0].message).toMatch(/"greater" is not defined by type "PropertyFilterInput"/);
    const badName = await gql('{ records(per_page: 5, filter: { properties: [{ name: "a\\"b", exists: true }] }) { total_entries } }');
    expect(badName.errors?.[0].message).toMatch(/invalid property name/);
    const badDate = await gql('{ records(per_page: 5, filter: { created_at: { gt: "yesterdayish" } }) { total_entries } }');
    expect(badDate.errors?.[0].message).toMatch(/created_at: "yesterdayish" is not a date/);
  });
});

describe('record_update, record_delete, records_delete_all', () => {
  it('updates only the given properties, with atomic increment and array_append', async () => {
    const { id } = await employee('John', 14, { hobbies: ['music'] });
    const res = await gql(`mutation($id: ID!) { record_update(id: $id, record: { properties: [
      { name: "age", increment: 2 }, { name: "hobbies", array_append: "chess" }, { name: "rate", value: "2.5" }] }) {
      id name: property(name: "name") age: property_int(name: "age") hobbies: property_array(name: "hobbies") rate: property_float(name: "rate") } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.record_update).toEqual({ id, name: 'John', age: 16, hobbies: ['music', 'chess'], rate: 2.5 });
    const removed = await gql('mutation($id: ID!) { record_update(id: $id, record: { properties: [{ name: "hobbies", array_remove: "music" }] }) { h: property_array(name: "hobbies") } }', { id });
    expect(removed.data!.record_update.h).toEqual(['chess']);
    const missing = await gql('mutation { record_update(id: "999", record: { properties: [] }) { id } }');
    expect(missing.errors?.[0].message).toMatch(/record_update: no record with id 999/);
  });

  it('record_delete requires table, soft-deletes, and deleted records are found with deleted_at exists', async () => {
    const { id } = await employee('John', 14);
    const noTable = await gql('mutation($id: ID!) { record_delete(id: $id) { id } }', { id });
    expect(noTable.errors?.[0].message).toMatch(/record_delete: table is required \(app\/config.yml require_table_for_record_delete_mutation is true\)/);
    const wrongTable = await gql('mutation($id: ID!) { record_delete(id: $id, table: "company") { id } }', { id });
    expect(wrongTable.errors?.[0].message).toMatch(/no record with id \d+ in table "company"/);
    const del = await gql('mutation($id: ID!) { record_delete(id: $id, table: "employee") { id deleted_at } }', { id });
    expect(del.errors).toBeUndefined();
    expect(del.data!.record_delete.deleted_at).toMatch(/^\d{4}-/);
    expect(await names('id: { value: "' + id + '" }')).toEqual([]);
    const found = await gql('{ records(per_page: 5, filter: { deleted_at: { exists: true } }) { results { id } } }');
    expect(found.data!.records.results).toEqual([{ id }]);
    const undelete = await gql('mutation($id: ID!) { record_update(id: $id, record: { deleted_at: null }) { deleted_at } }', { id });
    expect(undelete.data!.record_update.deleted_at).toBeNull();
    expect(await names('id: { value: "' + id + '" }')).toEqual(['John']);
  });

  it('record_delete works without table when the app turns the flag off', async () => {
    instance = makeInstance({ ...SCHEMA, 'app/config.yml': 'require_table_for_record_delete_mutation: false\n' });
    const { id } = await employee('John', 14);
    const del = await gql('mutation($id: ID!) { record_delete(id: $id) { id } }', { id });
    expect(del.errors).toBeUndefined();
  });

  it('records_delete_all removes a table (with filter) and needs table or any_table', async () => {
    await employee('John', 14);
    await employee('Anna', 35);
    await gql('mutation { record_create(record: { table: "company" }) { id } }');
    const none = await gql('mutation { records_delete_all { count } }');
    expect(none.errors?.[0].message).toMatch(/records_delete_all: give table/);
    const some = await gql('mutation { records_delete_all(table: "employee", filter: { properties: [{ name: "age", value_int: 14 }] }) { count } }');
    expect(some.data).toEqual({ records_delete_all: { count: 1 } });
    const rest = await gql('mutation { records_delete_all(table: "employee") { count } }');
    expect(rest.data).toEqual({ records_delete_all: { count: 1 } });
    const left = await gql('{ records { total_entries } }');
    expect(left.data!.records.total_entries).toBe(1);
  });
});

describe('related_record(s)', () => {
  it('joins on a property to the id of another table and back', async () => {
    const company = await gql('mutation { record_create(record: { table: "company", properties: [{ name: "name", value: "Acme" }] }) { id } }');
    const companyId = company.data!.record_create.id as string;
    await gql(`mutation { record_create(record: { table: "employee", properties: [{ name: "name", value: "John" }, { name: "extra", value: "${companyId}" }] }) { id } }`);
    const res = await gql(`{ records(filter: { table: { value: "employee" } }) { results {
      company: related_record(table: "company", join_on_property: "extra") { name: property(name: "name") } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.records.results[0].company).toEqual({ name: 'Acme' });
    const back = await gql(`{ records(filter: { table: { value: "company" } }) { results {
      staff: related_records(table: "employee", join_on_property: "id", foreign_property: "extra") { name: property(name: "name") } } } }`);
    expect(back.data!.records.results[0].staff).toEqual([{ name: 'John' }]);
  });
});
