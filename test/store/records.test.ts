import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { compileFilter, compileSort } from '../../src/store/records-filter.js';
import { applyPropertyInputs, coerceValue, propertyArray, propertyBoolean, propertyInt, propertyText } from '../../src/store/records-values.js';
import type { TableDef } from '../../src/app/types.js';

let store: Store;
beforeEach(() => {
  store = openStore(':memory:', 'x'.repeat(64));
});
afterEach(() => store.close());

const TABLE: TableDef = {
  name: 'item',
  file: 'app/schema/item.yml',
  properties: [
    { name: 'n', type: 'integer' },
    { name: 'f', type: 'float' },
    { name: 'b', type: 'boolean' },
    { name: 'a', type: 'array' },
    { name: 'd', type: 'date' },
    { name: 's', type: 'string' },
  ],
};

describe('records store', () => {
  it('creates, reads, merges property updates and keeps ids as strings', () => {
    const r = store.records.create({ table: 'item', properties: { n: 1, s: 'x' } });
    expect(r).toMatchObject({ id: expect.stringMatching(/^\d+$/), table: 'item', properties: { n: 1, s: 'x' }, deleted_at: null });
    const u = store.records.update(r.id, () => ({ properties: { n: 2 } }))!;
    expect(u.properties).toEqual({ n: 2, s: 'x' });
    expect(store.records.get(r.id)!.properties).toEqual({ n: 2, s: 'x' });
    expect(store.records.get('999')).toBeNull();
    expect(store.records.get('abc')).toBeNull();
    expect(store.records.update('999', () => ({}))).toBeNull();
  });

  it('queries with a compiled filter and sort, counting all matches', () => {
    for (let i = 0; i < 5; i++) store.records.create({ table: i % 2 ? 'odd' : 'even', properties: { n: i } });
    const page = store.records.query(compileFilter({ table: { value: 'even' } }), compileSort([{ properties: [{ name: 'n', order: 'DESC' }] }]), 2, 0);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.properties.n)).toEqual([4, 2]);
  });

  it('leaves deleted records out unless the filter asks about deleted_at, deletes for good with deleteWhere', () => {
    const a = store.records.create({ table: 't' });
    store.records.create({ table: 't' });
    store.records.update(a.id, () => ({ deleted_at: new Date().toISOString() }));
    expect(store.records.query(compileFilter({}), 'id', 10, 0).total).toBe(1);
    expect(store.records.query(compileFilter({ deleted_at: { exists: true } }), 'id', 10, 0).rows.map((r) => r.id)).toEqual([a.id]);
    expect(store.records.deleteWhere(compileFilter({ table: { value: 't' } }, { includeDeleted: true }))).toBe(2);
  });

  it('survives the OR of sub-filters and keeps parameters in order', () => {
    store.records.create({ table: 't', properties: { s: 'a', n: 1 } });
    store.records.create({ table: 't', properties: { s: 'b', n: 2 } });
    store.records.create({ table: 't', properties: { s: 'c', n: 3 } });
    const where = compileFilter({ table: { value: 't' }, or: [{ properties: [{ name: 's', value: 'a' }] }, { properties: [{ name: 'n', range: { gte: '3' } }] }] });
    expect(store.records.query(where, 'id', 10, 0).rows.map((r) => r.properties.s)).toEqual(['a', 'c']);
  });
});

describe('property values by type', () => {
  const prop = (name: string) => TABLE.properties.find((p) => p.name === name)!;

  it('stores text as the schema type says', () => {
    expect(coerceValue(prop('n'), '42', 'x')).toBe(42);
    expect(coerceValue(prop('n'), '', 'x')).toBeNull();
    expect(coerceValue(prop('f'), '2.5', 'x')).toBe(2.5);
    expect(coerceValue(prop('b'), 'true', 'x')).toBe(true);
    expect(coerceValue(prop('b'), '0', 'x')).toBe(false);
    expect(coerceValue(prop('a'), '["x","y"]', 'x')).toEqual(['x', 'y']);
    expect(coerceValue(prop('a'), 'single', 'x')).toEqual(['single']);
    expect(coerceValue(prop('d'), '2020-02-03 10:00', 'x')).toBe('2020-02-03');
    expect(coerceValue(prop('s'), 12, 'x')).toBe('12');
    expect(() => coerceValue(prop('n'), 'many', 'where')).toThrow(/where: "many" is not a valid integer/);
    expect(() => coerceValue(prop('b'), 'perhaps', 'where')).toThrow(/"perhaps" is not a valid boolean/);
  });

  it('applies PropertyInputType changes, including atomic array and number operations', () => {
    const current = { n: 5, a: ['x'] };
    expect(applyPropertyInputs(TABLE, current, [{ name: 'n', decrement: 2 }, { name: 'a', array_append: 'y' }, { name: 's' }], 'u')).toEqual({ n: 3, a: ['x', 'y'], s: null });
    expect(() => applyPropertyInputs(TABLE, current, [{ name: 'zz', value: '1' }], 'u')).toThrow(/u: table "item" has no property "zz" \(its properties: n, f, b, a, d, s; see app\/schema\/item.yml\)/);
  });

  it('reads values back as the property* fields do', () => {
    expect(propertyText(true)).toBe('true');
    expect(propertyText({ a: 1 })).toBe('{"a":1}');
    expect(propertyInt('7.9')).toBe(7);
    expect(propertyBoolean('false')).toBe(false);
    expect(propertyBoolean('nah')).toBeNull();
    expect(propertyArray('["a",1]')).toEqual(['a', '1']);
    expect(propertyArray(null)).toBeNull();
  });
});
