import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

/** Renders and parses the JSON the template prints. */
async function json(source: string, vars: Record<string, unknown> = {}): Promise<unknown> {
  return JSON.parse(await render(source, vars));
}

describe('hash_add_key and aliases (docs example)', () => {
  for (const name of ['hash_add_key', 'add_hash_key', 'assign_to_hash_key']) {
    it(name, async () => {
      const out = await json(`{% liquid
        assign accountants = "Angela,Kevin,Oscar" | split: ","
        assign company = null | hash_merge: x: 1 | hash_except: 'x'
        assign company = company | ${name}: "name", "Dunder Mifflin"
        assign company = company | ${name}: "accountants", accountants
      %}{{ company | json }}`);
      expect(out).toEqual({ name: 'Dunder Mifflin', accountants: ['Angela', 'Kevin', 'Oscar'] });
    });
  }
  it('does not change the hash it was given', async () => {
    expect(await json(`{% assign b = a | hash_add_key: 'y', 2 %}{{ a | json }}`, { a: { x: 1 } })).toEqual({ x: 1 });
  });
  it('rejects a non-hash input', async () => {
    await expect(render(`{{ 'text' | hash_add_key: 'a', 1 }}`)).rejects.toThrow(/hash_add_key: input must be a hash/);
  });
});

describe('hash_merge', () => {
  it('docs: second hash wins', async () => {
    const out = await json(`{% liquid
      assign a = '{"a": 1, "b": 2 }' | parse_json
      assign b = '{"b": 3, "c": 4 }' | parse_json
      assign new_hash = a | hash_merge: b
    %}{{ new_hash }}`);
    expect(out).toEqual({ a: 1, b: 3, c: 4 });
  });
  it('docs: keyword form', async () => {
    expect(await json(`{% assign a = a | hash_merge: b: 2, c: 3 %}{{ a }}`, { a: { a: 1 } })).toEqual({ a: 1, b: 2, c: 3 });
  });
  it('rejects a non-hash argument', async () => {
    await expect(render(`{{ a | hash_merge: 'x' }}`, { a: {} })).rejects.toThrow(/hash_merge: argument 1 must be a hash, got "x"/);
  });
});

describe('hash_delete_key and aliases', () => {
  for (const name of ['hash_delete_key', 'delete_hash_key', 'remove_hash_key']) {
    it(`${name}: docs example returns the value and removes the key`, async () => {
      const out = await render(`{% liquid
        assign hash = '{ "a": "1", "b": "2"}' | parse_json
        assign a_value = hash | ${name}: "a"
      %}{{ a_value }}|{{ hash }}`);
      expect(out).toBe('1|{"b":"2"}');
    });
  }
  it('gives nil for a missing key', async () => {
    expect(await render(`{{ h | hash_delete_key: 'zz' | json }}`, { h: { a: 1 } })).toBe('null');
  });
});

describe('hash_dig / dig', () => {
  it('docs example', async () => {
    const vars = { user_json: { name: { first: 'John', last: 'Doe' } } };
    expect(await render(`{{ user_json | hash_dig: "name", "first" }}`, vars)).toBe('John');
    expect(await render(`{{ user_json | dig: "name", "last" }}`, vars)).toBe('Doe');
  });
  it('steps into arrays by index and stops at nil', async () => {
    const vars = { h: { images: [{ url: 'a.png' }, { url: 'b.png' }] } };
    expect(await render(`{{ h | hash_dig: 'images', 1, 'url' }}`, vars)).toBe('b.png');
    expect(await render(`{{ h | hash_dig: 'images', -1, 'url' }}`, vars)).toBe('b.png');
    expect(await render(`{{ h | hash_dig: 'nope', 'x', 'y' | json }}`, vars)).toBe('null');
  });
  it('errors when stepping into text', async () => {
    await expect(render(`{{ h | hash_dig: 'a', 'b' }}`, { h: { a: 'text' } })).rejects.toThrow(/hash_dig: cannot dig into "text" with key 2/);
  });
});

describe('hash_fetch / fetch', () => {
  it('docs example', async () => {
    const vars = { users: [{ name: 'Jane' }, { name: 'Bob' }] };
    expect(await render(`{{ users | first | hash_fetch: "name" }}`, vars)).toBe('Jane');
    expect(await render(`{{ users | last | fetch: "name" }}`, vars)).toBe('Bob');
  });
  it('missing key gives nil', async () => {
    expect(await render(`{{ h | hash_fetch: 'x' | json }}`, { h: {} })).toBe('null');
  });
  it('rejects arrays', async () => {
    await expect(render(`{{ h | hash_fetch: 'x' }}`, { h: [1] })).rejects.toThrow(/hash_fetch: input must be a hash/);
  });
});

describe('hash_except, hash_keys, hash_values, hash_sort', () => {
  const setup = `{% liquid assign data = null | hash_merge: foo: 'fooval', bar: 'barval', baz: 'bazval' %}`;
  it('docs: hash_except', async () => {
    expect(await json(`${setup}{% assign exc = 'foo,baz' | split: ',' %}{{ data | hash_except: exc }}`)).toEqual({ bar: 'barval' });
  });
  it('hash_except takes a single key too', async () => {
    expect(await json(`${setup}{{ data | hash_except: 'foo' }}`)).toEqual({ bar: 'barval', baz: 'bazval' });
  });
  it('docs: hash_keys and hash_values keep the order', async () => {
    expect(await json(`${setup}{{ data | hash_keys }}`)).toEqual(['foo', 'bar', 'baz']);
    expect(await json(`${setup}{{ data | hash_values }}`)).toEqual(['fooval', 'barval', 'bazval']);
  });
  it('docs: hash_sort sorts keys', async () => {
    expect(await render(`{% assign hash1 = '{"key2": "value2", "key1": "value1"}' | parse_json %}{{ hash1 | hash_sort }}`)).toBe(
      '{"key1":"value1","key2":"value2"}',
    );
    expect(await render(`{% assign hash1 = '{"a": 1, "c": 2, "b": 3}' | parse_json %}{{ hash1 | hash_sort }}`)).toBe('{"a":1,"b":3,"c":2}');
  });
  it('hash_keys rejects text', async () => {
    await expect(render(`{{ 'abc' | hash_keys }}`)).rejects.toThrow(/hash_keys: input must be a hash, got "abc"/);
  });
});

describe('deep_clone', () => {
  it('copies nested values independently', async () => {
    const out = await render(
      `{% assign copy = h | deep_clone %}{% assign inner = copy.a %}{% assign x = inner | array_delete: 1 %}{{ h | json }} {{ copy | json }}`,
      { h: { a: [1, 2] } },
    );
    expect(out).toBe('{"a":[1,2]} {"a":[2]}');
  });
});

describe('hash_diff', () => {
  const setup = `{% liquid
    assign a = '{ "a": 1, "c": "5 ", "d": 6, "e": { "f": 5.12 } }' | parse_json
    assign b = '{ "b": 2, "c": "5",  "d": 5, "e": { "f": 5.13 } }' | parse_json
  %}`;
  it('docs example', async () => {
    expect(await json(`${setup}{{ a | hash_diff: b }}`)).toEqual([
      ['-', 'a', 1],
      ['~', 'c', '5 ', '5'],
      ['~', 'd', 6, 5],
      ['~', 'e.f', 5.12, 5.13],
      ['+', 'b', 2],
    ]);
  });
  it('docs example with strip: true', async () => {
    expect(await json(`${setup}{{ a | hash_diff: b, strip: true }}`)).toEqual([
      ['-', 'a', 1],
      ['~', 'd', 6, 5],
      ['~', 'e.f', 5.12, 5.13],
      ['+', 'b', 2],
    ]);
  });
  it('numeric_tolerance, delimiter, ignore_keys, array_path', async () => {
    expect(await json(`${setup}{{ a | hash_diff: b, numeric_tolerance: 0.1, strip: true, ignore_keys: ignored }}`, { ignored: ['a'] })).toEqual([
      ['~', 'd', 6, 5],
      ['+', 'b', 2],
    ]);
    expect(await json(`${setup}{{ a | hash_diff: b, delimiter: '/', array_path: false }}`)).toContainEqual(['~', 'e/f', 5.12, 5.13]);
    expect(await json(`${setup}{{ a | hash_diff: b, array_path: true }}`)).toContainEqual(['~', ['e', 'f'], 5.12, 5.13]);
  });
  it('arrays: common elements matched, additions and removals by index', async () => {
    const out = await json(`{{ a | hash_diff: b }}`, { a: { x: [1, 2, 3] }, b: { x: [1, 3, 4] } });
    expect(out).toEqual([
      ['-', 'x[1]', 2],
      ['+', 'x[2]', 4],
    ]);
  });
  it('a changed type is one change', async () => {
    expect(await json(`{{ a | hash_diff: b }}`, { a: { x: 1 }, b: { x: '1' } })).toEqual([['~', 'x', 1, '1']]);
  });
  it('rejects text and unknown options', async () => {
    await expect(render(`{{ a | hash_diff: 'x' }}`, { a: {} })).rejects.toThrow(/hash_diff: hash2 \(argument 1\) must be a hash/);
    await expect(render(`{{ a | hash_diff: a, colour: 1 }}`, { a: {} })).rejects.toThrow(/hash_diff: unknown option "colour"/);
  });
});
