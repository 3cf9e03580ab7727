import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance, type TestInstance } from '../../helpers/app.js';

let instance: TestInstance;

beforeAll(async () => {
  instance = makeInstance({
    'app/schema/contact.yml': 'name: contact\nproperties:\n  - name: name\n    type: string\n  - name: age\n    type: integer\n',
    'app/graphql/contacts/create.graphql': `mutation contact_create($name: String!, $age: Int) {
  record_create(record: { table: "contact", properties: [{ name: "name", value: $name }, { name: "age", value_int: $age }] }) {
    id name: property(name: "name") age: property_int(name: "age")
  }
}`,
    'app/graphql/contacts/find.graphql': `query contacts_find($id: ID, $per_page: Int = 10, $min: String) {
  records(filter: { table: { value: "contact" }, id: { value: $id }, properties: [{ name: "age", range: { gte: $min } }] }, per_page: $per_page, sort: { id: { order: ASC } }) {
    total_entries
    results { id name: property(name: "name") age: property_int(name: "age") }
  }
}`,
    'app/graphql/broken.graphql': 'query { records(per_page: 1) { nope } }',
  });
  for (const [name, age] of [['Ann', 30], ['Bob', 40]] as const) {
    await render(`{% graphql r = 'contacts/create', name: '${name}', age: ${age} %}`, {}, { instance });
  }
});

const run = (source: string, vars: Record<string, unknown> = {}) => render(source, vars, { instance });

describe('graphql tag', () => {
  it('runs a query file and leaves the data keyed by root fields', async () => {
    expect(await run("{% graphql g = 'contacts/find' %}{{ g | hash_keys }} {{ g.records.total_entries }} {{ g.records.results.first.name }}")).toBe(
      '["records"] 2 Ann',
    );
  });

  it('passes named arguments as variables, turning text into the declared Int', async () => {
    const out = await run("{% graphql g = 'contacts/find', per_page: pp, min: '35' %}{{ g.records.results | map: 'name' | join: ',' }}", { pp: '1' });
    expect(out).toBe('Bob');
    const created = await run("{% graphql c = 'contacts/create', name: 'Cy', age: '22' %}{{ c.record_create.age }}");
    expect(created).toBe('22');
  });

  it('accepts args: as a hash and as JSON text, named arguments winning', async () => {
    expect(await run("{% graphql g = 'contacts/find', args: a %}{{ g.records.results.size }}", { a: { per_page: 1 } })).toBe('1');
    expect(await run("{% capture a %}{ \"per_page\": 1, \"min\": \"35\" }{% endcapture %}{% graphql g = 'contacts/find', args: a, min: '0' %}{{ g.records.results.first.name }}")).toBe('Ann');
  });

  it('applies filters written after the arguments to the result (docs: | dig)', async () => {
    expect(await run("{% graphql g = 'contacts/find', per_page: 5 | dig: 'records', 'results' %}{{ g.size }} {{ g.last.name }}")).toMatch(/^\d+ \w+$/);
  });

  it('runs an inline query, also inside {% liquid %}', async () => {
    const inline = await run('{% graphql g, per: 1 %}query q($per: Int) { records(per_page: $per, filter: { table: { value: "contact" } }) { total_entries results { name: property(name: "name") } } }{% endgraphql %}{{ g.records.results.first.name }}');
    expect(inline).toBe('Ann');
    const inLiquid = await run(`{% liquid
  graphql g
    query { records(per_page: 1, filter: { table: { value: "contact" } }) { results { name: property(name: "name") } } }
  endgraphql
  echo g.records.results.first.name
%}`);
    expect(inLiquid).toBe('Ann');
  });

  it('reads arguments split across lines inside {% liquid %} (tags.json example)', async () => {
    const out = await run(`{% liquid
  graphql g = "contacts/find",
    per_page: 1,
    min: "35"
  echo g.records.results.first.name
%}`);
    expect(out).toBe('Bob');
  });

  it('uses the value from `graphql g = ...` in {% liquid %} (docs contact example)', async () => {
    const out = await run(`{% liquid
  graphql g = "contacts/find", id: id
  assign contact = g.records.results.first
  echo contact.name
%}`, { id: 1 });
    expect(out).toBe('Ann');
  });

  it('returns errors in the result instead of raising', async () => {
    const out = await run("{% graphql g = 'broken' %}{{ g.errors.first.message }}");
    expect(out).toMatch(/Cannot query field "nope" on type "RecordCollection"/);
    const missing = await run("{% graphql g = 'contacts/create' %}{{ g.errors.first.message }}");
    expect(missing).toMatch(/Variable "\$name" of required type "String!" was not provided/);
  });

  it('names an unknown query file and a missing variable name', async () => {
    await expect(run("{% graphql g = 'contacts/nope' %}")).rejects.toThrow(/GraphQL query file not found: "contacts\/nope"/);
    await expect(run("{% graphql = 'contacts/find' %}")).rejects.toThrow(/graphql: result variable missing/);
    await expect(run("{% graphql g %}query { x }")).rejects.toThrow(/not closed/);
  });
});

describe('execute_query and query_graph (deprecated)', () => {
  it('look arguments up by variable name and default result_name to g', async () => {
    expect(await run("{% execute_query 'contacts/find', per_page: n %}{{ g.records.results.size }}", { n: 1 })).toBe('1');
    expect(await run("{% execute_query 'contacts/find', result_name: 'r', per_page: 'n' %}{{ r.records.results.size }}", { n: 1 })).toBe('1');
  });

  it('query_graph raises on a failed query, execute_query returns the errors', async () => {
    expect(await run("{% execute_query 'broken' %}{{ g.errors.size }}")).toBe('1');
    await expect(run("{% query_graph 'broken' %}")).rejects.toThrow(/query_graph broken: Cannot query field "nope"/);
  });
});
