import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

async function json(source: string, vars: Record<string, unknown> = {}): Promise<unknown> {
  return JSON.parse(await render(source, vars));
}

const objects = [
  { foo: 1, bar: 'a' },
  { foo: 2, bar: 'b' },
  { foo: 3, bar: 'c' },
  { foo: 2, bar: 'd' },
];
const items = [
  { id: 1, name: 'foo', label: 'Foo' },
  { id: 2, name: 'bar', label: 'Bar' },
];

describe('array_add / array_prepend (docs)', () => {
  it('array_add and add_to_array append', async () => {
    expect(await json(`{% assign array = 'a,b,c' | split: ',' %}{{ array | array_add: 'd' }}`)).toEqual(['a', 'b', 'c', 'd']);
    expect(await json(`{{ nil | add_to_array: 'd' }}`)).toEqual(['d']);
  });
  it('array_prepend and prepend_to_array', async () => {
    expect(await json(`{% assign array = 'a,b,c' | split: ',' %}{{ array | array_prepend: 'd' }}`)).toEqual(['d', 'a', 'b', 'c']);
    expect(await json(`{{ a | prepend_to_array: 0 }}`, { a: [1] })).toEqual([0, 1]);
  });
  it('reject a hash input', async () => {
    await expect(render(`{{ h | array_add: 1 }}`, { h: { a: 1 } })).rejects.toThrow(/array_add: input must be an array, got \{"a":1\}/);
  });
});

describe('array_any / array_include / array_index_of (docs)', () => {
  it('array_any and any', async () => {
    expect(await render(`{% assign elements = 'foo,bar' | split: ',' %}{{ elements | array_any: 'foo' }} {{ elements | any: 'baz' }}`)).toBe('true false');
  });
  it('array_any defaults the query to true', async () => {
    expect(await render(`{{ a | array_any }} {{ b | array_any }}`, { a: [false, true], b: ['true'] })).toBe('true false');
  });
  it('array_include and is_included_in_array', async () => {
    expect(await render(`{% assign elements = 'a,b,c,d' | split: ',' %}{{ elements | array_include: 'c' }} {{ elements | is_included_in_array: 'z' }}`)).toBe(
      'true false',
    );
  });
  it('compares like Ruby: "1" is not 1, hashes deeply', async () => {
    expect(await render(`{{ a | array_include: '1' }} {{ b | array_include: h }}`, { a: [1], b: [{ x: [1] }], h: { x: [1] } })).toBe('false true');
  });
  it('array_index_of', async () => {
    expect(await render(`{{ objects | array_index_of: 'abc' }}`, { objects: [1, 'abc', 3] })).toBe('1');
    expect(await render(`{{ objects | array_index_of: 'x' | json }}`, { objects: [1] })).toBe('null');
  });
});

describe('array_compact / compact (docs)', () => {
  for (const extra of ['false', 'null', 'empty_object', 'empty_array']) {
    it(`removes ${extra}`, async () => {
      const out = await json(
        `{% assign empty_object = {} | default: h %}{% assign empty_array = ',' | split: ',' %}{{ '1,' | split: ',' | array_add: ${extra} | array_add: '2' | array_compact }}`,
        { h: {} },
      );
      expect(out).toEqual(['1', '2']);
    });
  }
  it('by property', async () => {
    expect(await json(`{{ hash | compact: "hello" }}`, { hash: [{ hello: null }, { hello: 'world' }, { hello: '' }] })).toEqual([{ hello: 'world' }]);
  });
});

describe('array_delete / array_delete_at (docs)', () => {
  it('array_delete removes every occurrence', async () => {
    expect(await json(`{% assign test = '["test", "test2", "test", "test3"]' | parse_json %}{% assign arr = test | array_delete: 'test' %}{{ arr }}`)).toEqual([
      'test2',
      'test3',
    ]);
  });
  it('array_delete_at', async () => {
    expect(await json(`{% assign test = '["test", "test2"]' | parse_json %}{% assign arr = test | array_delete_at: 1 %}{{ arr }}`)).toEqual(['test']);
    expect(await json(`{{ a | array_delete_at: -1 }}`, { a: [1, 2, 3] })).toEqual([1, 2]);
  });
  it('array_delete_at rejects an index outside the array or not whole', async () => {
    await expect(render(`{{ a | array_delete_at: 5 }}`, { a: [1] })).rejects.toThrow(/array_delete_at: index \(argument 1\) 5 is outside the array \(size 1\)/);
    await expect(render(`{{ a | array_delete_at: 'x' }}`, { a: [1] })).rejects.toThrow(/array_delete_at: index \(argument 1\) must be a whole number/);
  });
});

describe('array_select / array_reject / array_detect / array_find_index (docs)', () => {
  it('array_select and select', async () => {
    expect(await json(`{{ objects | array_select: foo: 2 }}`, { objects })).toEqual([objects[1], objects[3]]);
    expect(await json(`{{ objects | select: foo: 2, bar: 'd' }}`, { objects })).toEqual([objects[3]]);
  });
  it('array_reject and reject', async () => {
    expect(await json(`{{ objects | array_reject: foo: 2 }}`, { objects })).toEqual([objects[0], objects[2]]);
    expect(await json(`{{ objects | reject: cond }}`, { objects, cond: { foo: 1 } })).toEqual(objects.slice(1));
  });
  it('array_detect and detect', async () => {
    expect(await json(`{{ objects | array_detect: foo: 2 }}`, { objects: objects.slice(0, 3) })).toEqual({ foo: 2, bar: 'b' });
    expect(await render(`{{ objects | detect: foo: 9 | json }}`, { objects })).toBe('null');
  });
  it('array_find_index', async () => {
    expect(await json(`{{ objects | array_find_index: foo: 2 }}`, { objects })).toEqual([1, 3]);
  });
  it('rejects conditions that are not a hash', async () => {
    await expect(render(`{{ objects | array_select: 'foo' }}`, { objects })).rejects.toThrow(/array_select: conditions \(argument 1\) must be a hash/);
  });
});

describe('array_flatten, array_group_by, array_in_groups_of (docs)', () => {
  it('array_flatten and flatten', async () => {
    expect(await json(`{{ array_of_arrays | array_flatten }}`, { array_of_arrays: [[1, 2], [3, 4], [5, 6]] })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await json(`{{ a | flatten }}`, { a: [1, [2, [3, [4]]]] })).toEqual([1, 2, 3, 4]);
  });
  it('array_group_by and group_by', async () => {
    const list = [
      { size: 'xl', color: 'red' },
      { size: 'xl', color: 'yellow' },
      { size: 's', color: 'red' },
    ];
    expect(await render(`{{ objects | array_group_by: 'size' }}`, { objects: list })).toBe(
      '{"xl":[{"size":"xl","color":"red"},{"size":"xl","color":"yellow"}],"s":[{"size":"s","color":"red"}]}',
    );
    expect(Object.keys((await json(`{{ objects | group_by: 'color' }}`, { objects: list })) as object)).toEqual(['red', 'yellow']);
  });
  it('array_in_groups_of pads with nil', async () => {
    expect(await json(`{% assign elements = '1,2,3,4' | split: ',' %}{{ elements | array_in_groups_of: 3 }}`)).toEqual([
      ['1', '2', '3'],
      ['4', null, null],
    ]);
    await expect(render(`{{ a | in_groups_of: 0 }}`, { a: [1] })).rejects.toThrow(/array_in_groups_of: number_of_elements \(argument 1\) must be at least 1/);
  });
});

describe('array_intersect, array_subtract, array_limit, array_rotate (docs)', () => {
  it('array_intersect and intersection', async () => {
    expect(await json(`{% liquid
      assign array = '1,2,3,4' | split: ','
      assign other_array = '3,4,5,6' | split: ','
    %}{{ array | array_intersect: other_array }}`)).toEqual(['3', '4']);
    expect(await json(`{{ a | intersection: b }}`, { a: [1, 1, 2], b: [1] })).toEqual([1]);
  });
  it('array_subtract and subtract_array', async () => {
    expect(await json(`{% liquid
      assign array = '1,2' | split: ','
      assign other_array = '2' | split: ','
    %}{{ array | array_subtract: other_array }}`)).toEqual(['1']);
    await expect(render(`{{ a | subtract_array: 1 }}`, { a: [1] })).rejects.toThrow(/array_subtract: other_array \(argument 1\) must be an array/);
  });
  it('array_limit and limit', async () => {
    expect(await json(`{{ items | array_limit: 1 }}`, { items })).toEqual([items[0]]);
    await expect(render(`{{ items | limit: -1 }}`, { items })).rejects.toThrow(/array_limit: limit \(argument 1\) must be a positive integer/);
  });
  it('array_rotate and rotate', async () => {
    expect(await json(`{% assign numbers = "1,2,3" | split: "," %}{{ numbers | array_rotate }}`)).toEqual(['2', '3', '1']);
    expect(await json(`{{ a | rotate: 2 }} `, { a: [1, 2, 3, 4] })).toEqual([3, 4, 1, 2]);
    expect(await json(`{{ a | rotate: -1 }} `, { a: [1, 2, 3, 4] })).toEqual([4, 1, 2, 3]);
  });
});

describe('array_map / map_attributes / map (docs)', () => {
  it('array_map with several keys gives arrays of values', async () => {
    expect(await json(`{{ items | array_map: 'id', 'name' }}`, { items })).toEqual([
      [1, 'foo'],
      [2, 'bar'],
    ]);
  });
  it('map_attributes with one key gives the values', async () => {
    expect(await json(`{{ items | map_attributes: 'name' }}`, { items })).toEqual(['foo', 'bar']);
    expect(await json(`{{ rows | array_map: 1 }}`, { rows: [[1, 'a'], [2, 'b']] })).toEqual(['a', 'b']);
  });
  it('map (docs) skips nil elements', async () => {
    expect(await json(`{% assign objects = '[{"id":1,"name":"foo","label":"Foo"},{"id":2,"name":"bar","label":"Bar"}]' | parse_json %}{{ objects | map: 'name' }}`)).toEqual([
      'foo',
      'bar',
    ]);
    expect(await json(`{{ a | map: 'x' }}`, { a: [null, { x: 1 }, { y: 2 }] })).toEqual([1, null]);
  });
  it('map without a key is an error', async () => {
    await expect(render(`{{ a | map }}`, { a: [] })).rejects.toThrow(/map/);
  });
});

describe('array_shuffle, array_sort_by, array_sum, array_uniq', () => {
  it('array_shuffle keeps the elements', async () => {
    const out = (await json(`{{ items | array_shuffle }}`, { items: [1, 2, 3, 4] })) as number[];
    expect([...out].sort()).toEqual([1, 2, 3, 4]);
    expect(((await json(`{{ items | shuffle_array }}`, { items: [1] })) as number[])).toEqual([1]);
  });
  it('array_sort_by (docs) and sort_by, nil last', async () => {
    const array1 = [
      { title: 'Tester', value: 1 },
      { title: 'And', value: 2 },
    ];
    expect(await json(`{{ array1 | array_sort_by: "title" }}`, { array1 })).toEqual([array1[1], array1[0]]);
    expect(await json(`{{ a | sort_by: 'n' | map: 'n' }}`, { a: [{ n: 3 }, { n: null }, { n: 1 }] })).toEqual([1, 3, null]);
    await expect(render(`{{ a | sort_by: 'n' }}`, { a: [{ n: 3 }, { n: 'x' }] })).rejects.toThrow(/array_sort_by: cannot compare/);
  });
  it('array_sum (docs) and sum_array', async () => {
    expect(await render(`{% assign numbers = '[1,2,3]' | parse_json %}{{ numbers | array_sum }}`)).toBe('6');
    expect(await render(`{{ a | sum_array }}`, { a: ['1.5', 2, null] })).toBe('3.5');
    await expect(render(`{{ a | array_sum }}`, { a: [1, 'x'] })).rejects.toThrow(/array_sum: element 1 is not a number: "x"/);
  });
  it('array_uniq: deep equality, by property, single value wrapped', async () => {
    expect(await json(`{{ a | array_uniq }}`, { a: [[1, 2], [1, 2], [3, 4]] })).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(await json(`{{ a | array_uniq: 'k' }}`, { a: [{ k: 1, v: 1 }, { k: 1, v: 2 }, { k: 2 }] })).toEqual([{ k: 1, v: 1 }, { k: 2 }]);
    expect(await json(`{{ 'x' | array_uniq }}`)).toEqual(['x']);
  });
});

describe('set operations on large arrays', () => {
  it('array_uniq, array_intersect and array_subtract treat hashes with keys in another order as equal', async () => {
    const a = [{ x: 1, y: 2 }, { y: 2, x: 1 }, { x: 1 }];
    expect(await json(`{{ a | array_uniq }}`, { a })).toEqual([{ x: 1, y: 2 }, { x: 1 }]);
    expect(await json(`{{ a | array_subtract: b }}`, { a, b: [{ y: 2, x: 1 }] })).toEqual([{ x: 1 }]);
    expect(await json(`{{ a | array_intersect: b }}`, { a, b: [{ y: 2, x: 1 }] })).toEqual([{ x: 1, y: 2 }]);
  });
  it('handle 20 000 elements', async () => {
    const big = Array.from({ length: 20000 }, (_, i) => i % 1000);
    expect(((await json(`{{ a | array_uniq }}`, { a: big })) as number[]).length).toBe(1000);
    expect(((await json(`{{ a | array_subtract: b }}`, { a: big, b: big.slice(0, 500) })) as number[]).length).toBe(10000);
  });
});
