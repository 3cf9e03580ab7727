import { describe, expect, it } from 'vitest';
import { render } from '../helpers/render.js';

/**
 * Standard Liquid filters as Ruby Liquid 5 (what platformOS runs) computes them, where
 * liquidjs would answer differently. The docs' filter pages render these live instead of
 * writing the output down, so the expected values here are Ruby Liquid's.
 */
const cases: Array<[string, string]> = [
  // numbers: Ruby to_number, integer division, floored modulo, exact decimals
  ['{{ 20 | divided_by: 7 }}', '2'],
  ['{{ -7 | divided_by: 2 }}', '-4'],
  ['{{ 20 | divided_by: 7.0 }}', '2.857142857142857'],
  ['{{ "20.0" | divided_by: 8 }}', '2.5'],
  ['{{ -7 | modulo: 3 }}', '2'],
  ['{{ 5.5 | modulo: 2 }}', '1.5'],
  ['{{ 0.1 | plus: 0.2 }}', '0.3'],
  ['{{ 1.1 | times: 3 }}', '3.3'],
  ['{{ 1 | minus: 0.9 }}', '0.1'],
  ['{{ "3 apples" | plus: 1 }}', '4'],
  ['{{ "abc" | plus: 1 }}', '1'],
  ['{{ nil | plus: 1 }}', '1'],
  ['{{ "-19.86" | abs }}', '19.86'],
  ['{{ "x" | abs }}', '0'],
  ['{{ 2.5 | round }} {{ -2.5 | round }} {{ 1.005 | round: 2 }} {{ 1234 | round: -2 }}', '3 -3 1.01 1200'],
  ['{{ 3.14159 | round: 2 }}', '3.14'],
  ['{{ "1.2" | ceil }} {{ "1.8" | floor }}', '2 1'],
  ['{{ 4 | at_least: 5 }} {{ 4 | at_most: "3" }}', '5 3'],
  ['{{ list | sum }} {{ items | sum: "q" }}', '6.5 3'],
  // default
  ['{{ "" | default: "d" }}|{{ empty_hash | default: "d" }}|{{ " " | default: "d" }}|{{ 0 | default: "d" }}', 'd|d| |0'],
  ['{{ false | default: true, allow_false: true }} {{ false | default: true }} {{ nil | default: true, allow_false: true }}', 'false true true'],
  ['[{{ nil | default }}]', '[]'],
  // strings
  ['{{ "Ground control to Major Tom." | truncate: 20 }}', 'Ground control to...'],
  ['{{ "Ground control to Major Tom." | truncate: 25, ", and so on" }}', 'Ground control, and so on'],
  ['{{ "ABCDEFG" | truncate: 3, "" }}|{{ "abc" | truncate: 2, "xyz" }}|{{ "abc" | truncate: 3 }}', 'ABC|xyz|abc'],
  ['{{ "Ground control to Major Tom." | truncatewords: 3 }}', 'Ground control to...'],
  ['{{ "one two three" | truncatewords: 3 }}|{{ "one two " | truncatewords: 2, "" }}|{{ "one" | truncatewords: 0 }}', 'one two three|one two|one'],
  ['{{ "Liquid" | slice: -3, 2 }}|{{ "Liquid" | slice: 10 }}|{{ list | slice: 1, 2 | join: "," }}', 'ui||2,3.5'],
  ['{{ "hELLO wORLD" | capitalize }}', 'Hello world'],
  ['{{ "a\nb" | newline_to_br }}', 'a<br />\nb'],
  // url and html escaping (Ruby CGI)
  ['{{ "test@test.com it\'s (a) *~" | url_encode }}', "test%40test.com+it%27s+%28a%29+%2A~"],
  ['{{ "%27Stop%21%27+said+Fred" | url_decode }}|{{ "100%" | url_decode }}', "'Stop!' said Fred|100%"],
  ['{{ "<p class=\\"x\\">it\'s</p>" | escape }}', '&lt;p class=&quot;x&quot;&gt;it&#39;s&lt;/p&gt;'],
  ['{{ "&lt;p&gt; & <b>" | escape_once }}|{{ "<b>" | h }}', '&lt;p&gt; &amp; &lt;b&gt;|&lt;b&gt;'],
  // arrays
  ['{{ nested | join: "-" }}|{{ "abc" | join }}|{{ with_nil | join: "," }}', '1-2-3|abc|a,,b'],
  ['{{ list | first }} {{ list | last }} [{{ "abc" | first }}] {{ hash | first | join: "=" }}', '1 3.5 [] a=1'],
  ['{{ "abc" | size }} {{ hash | size }} {{ nil | size }} {{ list.size }}', '3 2 0 3'],
  ['{{ mixed_case | sort | join: "," }}|{{ mixed_case | sort_natural | join: "," }}', 'B,C,a|a,B,C'],
  ['{{ with_nil | sort | join: "," }}|{{ people | sort: "age" | map: "name" | join: "," }}', 'a,b,|b,c,a'],
  ['{{ dupes | uniq | size }}|{{ people | uniq: "city" | size }}', '2|2'],
  ['{{ "abc" | reverse | join: "," }}|{{ list | reverse | join: "," }}', 'abc|3.5,2,1'],
  ['{{ list | concat: list | size }}|{{ nil | concat: list | size }}', '6|3'],
  ['{{ people | where: "city", "X" | map: "name" | join: "," }}|{{ people | where: "flag" | size }}', 'a,b|1'],
  ['{{ numbers | where: "id", "1" | size }}|{{ numbers | where: "id", 1 | size }}', '0|1'],
  ['{% assign b = people | find: "name", "b" %}{{ b.age }}|{{ people | find_index: "name", "c" }}|{{ people | has: "name", "z" }}|{{ people | find: "name", "z" }}', '1|2|false|'],
];

const vars = {
  list: [1, 2, 3.5],
  items: [{ q: 1 }, { q: '2' }, { x: 1 }],
  empty_hash: {},
  hash: { a: 1, b: 2 },
  nested: [1, [2, [3]]],
  with_nil: ['a', null, 'b'],
  mixed_case: ['C', 'a', 'B'],
  people: [
    { name: 'a', age: 30, city: 'X', flag: true },
    { name: 'b', age: 1, city: 'X' },
    { name: 'c', age: 20, city: 'Y' },
  ],
  dupes: [{ a: 1 }, { a: 1 }, { a: 2 }],
  numbers: [{ id: 1 }, { id: 2 }],
};

describe('standard Liquid filters behave as Ruby Liquid 5', () => {
  for (const [source, expected] of cases) {
    it(source, async () => {
      expect(await render(source, structuredClone(vars))).toBe(expected);
    });
  }

  it('escape output is not escaped twice in html pages', async () => {
    expect(await render('{{ "<b>" | escape }}|{{ "<b>" }}', {}, { format: 'html' })).toBe('&lt;b&gt;|&lt;b&gt;');
    expect(await render('{{ text | newline_to_br }}', { text: '<i>\n' }, { format: 'html' })).toBe('&lt;i&gt;<br />\n');
  });

  it('bad input names the filter and the argument', async () => {
    await expect(render('{{ 1 | divided_by: 0 }}')).rejects.toThrow(/divided_by: divided by 0/);
    await expect(render('{{ 1 | modulo: 0 }}')).rejects.toThrow(/modulo: divided by 0/);
    await expect(render('{{ "abc" | truncate: "ten" }}')).rejects.toThrow(/truncate: argument "length" must be an integer, got "ten"/);
    await expect(render('{{ "abc" | slice: "x" }}')).rejects.toThrow(/slice: argument "offset" must be an integer/);
    await expect(render('{{ list | concat: "x" }}', vars)).rejects.toThrow(/concat: requires an array argument, got "x"/);
    await expect(render('{{ mixed | sort }}', { mixed: [1, 'a'] })).rejects.toThrow(/sort: cannot sort values of incompatible types/);
    await expect(render('{{ "%E9" | url_decode }}')).rejects.toThrow(/url_decode: invalid byte sequence in UTF-8/);
  });

  it('liquidjs extras that platformOS lacks are unknown filters', async () => {
    await expect(render('{{ list | push: 1 }}', vars)).rejects.toThrow(/undefined filter: push/);
    await expect(render('{{ list | where_exp: "x", "x > 1" }}', vars)).rejects.toThrow(/undefined filter: where_exp/);
  });
});
