import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

describe('assign: hash and array literals', () => {
  it('builds hashes and arrays, nested, with variables and nil/null values', async () => {
    const out = await render(
      '{% assign name = "Alice" %}{% assign a = {"a": 1, "b": [1, 2], "c": { "d": name, "e": nil, "f": null }, "g": true} %}{{ a }}',
    );
    expect(JSON.parse(out)).toEqual({ a: 1, b: [1, 2], c: { d: 'Alice', e: null, f: null }, g: true });
  });

  it('accepts empty literals, bare-word keys, trailing commas and line breaks', async () => {
    expect(await render('{% assign arr = [] %}{% assign h = {} %}{{ arr }}{{ h }}{{ arr.size }}')).toBe('[]{}0');
    expect(await render('{% assign h = {\n  a: 1,\n  "b": [\n    2,\n  ],\n} %}{{ h }}')).toBe('{"a":1,"b":[2]}');
  });

  it('chains filters after a literal', async () => {
    expect(await render('{% assign a = {"a": 1} | hash_merge: b: 2 %}{{ a }}')).toBe('{"a":1,"b":2}');
    expect(await render('{% assign a = ["b", "a"] | sort | join: "," %}{{ a }}')).toBe('a,b');
  });

  it('builds new objects each time, so a loop does not share one hash', async () => {
    const out = await render('{% assign all = [] %}{% for i in (1..2) %}{% assign h = {} %}{% assign h["i"] = i %}{% assign all << h %}{% endfor %}{{ all }}');
    expect(out).toBe('[{"i":1},{"i":2}]');
  });

  it('works inside {% liquid %}, across lines', async () => {
    const out = await render('{% liquid\n  assign company = {\n    "name": "platformOS",\n    "tags": ["liquid", "graphql"]\n  }\n  echo company.tags[1]\n%}');
    expect(out).toBe('graphql');
  });

  it('reports a broken literal with file and line', async () => {
    await expect(render('line one\n{% assign a = {"a" 1} %}')).rejects.toThrow(/":" expected after key "a".*line:2/s);
    await expect(render('{% assign a = [1 2] %}')).rejects.toThrow(/"," or "\]" expected/);
  });
});

describe('assign: keys and append', () => {
  it('sets keys in bracket, dot and mixed notation, changing the hash in place', async () => {
    const out = await render(
      '{% assign data = {} %}{% assign data.user = {} %}{% assign data["user"].profile = {} %}{% assign data.user["profile"]["name"] = "John" %}{{ data }}',
    );
    expect(out).toBe('{"user":{"profile":{"name":"John"}}}');
  });

  it('uses variables as keys and writes array elements by index', async () => {
    expect(await render('{% assign key = "k" %}{% assign h = {} %}{% assign h[key] = 1 %}{{ h }}')).toBe('{"k":1}');
    expect(await render('{% assign a = [1, 2, 3] %}{% assign a[1] = "x" %}{% assign a[-1] = "z" %}{{ a }}')).toBe('[1,"x","z"]');
  });

  it('applies filters to the value', async () => {
    const out = await render('{% assign my_hash = { "a": { "b": 1 } } %}{% assign my_hash["a"]["e"] = "assign" | upcase %}{{ my_hash }}');
    expect(out).toBe('{"a":{"b":1,"e":"ASSIGN"}}');
  });

  it('appends with <<, also to nested arrays', async () => {
    expect(await render('{% assign a = [] %}{% assign a << "first" %}{% assign a << 2 %}{{ a }}')).toBe('["first",2]');
    expect(await render('{% assign d = {"items": []} %}{% assign d.items << "a" %}{{ d }}')).toBe('{"items":["a"]}');
  });

  it('changes a hash passed to a render partial, as Ruby shares the object', async () => {
    const { makeInstance } = await import('../../helpers/app.js');
    const instance = makeInstance({ 'app/views/partials/set.liquid': '{% assign h["x"] = 1 %}' });
    expect(await render('{% assign h = {} %}{% render "set", h: h %}{{ h }}', {}, { instance })).toBe('{"x":1}');
  });

  it('hash_assign (deprecated) is the same statement', async () => {
    const out = await render('{% assign my_hash = {"a": {}} %}{% hash_assign my_hash["a"]["e"] = "x" %}{{ my_hash }}');
    expect(out).toBe('{"a":{"e":"x"}}');
  });

  it('refuses to write into nil or into a non-hash, naming the path', async () => {
    await expect(render('{% assign missing["a"] = 1 %}')).rejects.toThrow(/missing\["a"\] = \.\.\.: missing is nil/);
    await expect(render('{% assign h = {} %}{% assign h.a.b = 1 %}')).rejects.toThrow(/h\["a"\] is nil/);
    await expect(render('{% assign s = "text" %}{% assign s.a = 1 %}')).rejects.toThrow(/s is not a hash/);
    await expect(render('{% assign h = {} %}{% assign h << 1 %}')).rejects.toThrow(/h is not an array/);
    await expect(render('{% assign nothing << 1 %}')).rejects.toThrow(/nothing is nil; assign it an array first/);
  });

  it('needs a variable name and = or <<', async () => {
    await expect(render('{% assign = 1 %}')).rejects.toThrow(/assign: variable name expected/);
    await expect(render('{% assign a 1 %}')).rejects.toThrow(/"=" or "<<" expected after a/);
  });
});
