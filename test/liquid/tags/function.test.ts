import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

const P = (name: string) => `app/views/partials/${name}.liquid`;

describe('function / return', () => {
  const instance = makeInstance({
    [P('add')]: '{% assign sum = a | plus: b %}{% return sum %}',
    [P('hash')]: '{% return { "name": name, "tags": ["x"] } %}',
    [P('nothing')]: 'printed text goes nowhere',
    [P('outer')]: '{% assign secret = "outer" %}{% function inner = "peek" %}{% return inner %}',
    [P('peek')]: '{% return secret | default: "isolated" %}',
    [P('early')]: '{% return 1 %}{% log "not reached" %}{% return 2 %}',
    [P('in_loop')]: '{% for i in (1..5) %}{% if i == 3 %}{% return i %}{% endif %}{% endfor %}{% return 0 %}',
    [P('rebind')]: '{% assign items = items | array_add: "b" %}{% return items %}',
    [P('commands/create')]: '{% return "created " | append: id %}',
    [P('guarded')]: '{% try %}{% return "from try" %}{% catch err %}{% return "caught" %}{% endtry %}',
    [P('self')]: '{% function r = "self" %}',
    [P('ctx')]: '{% return context.exports.ns.v %}',
    'modules/mod/public/views/partials/util.liquid': '{% return "from module" %}',
  });
  const run = (source: string) => render(source, {}, { instance });

  it('returns any type: numbers, hashes, arrays, nil', async () => {
    expect(await run('{% function r = "add", a: 1, b: 2 %}{{ r | plus: 1 }}')).toBe('4');
    expect(await run("{% function r = 'hash', name: 'x' %}{{ r }}")).toBe('{"name":"x","tags":["x"]}');
    expect(await run("{% function r = 'nothing' %}[{{ r }}]{{ r == nil }}")).toBe('[]true');
  });

  it('sees only its arguments and context, and its output is discarded', async () => {
    expect(await run('{% assign secret = "page" %}{% function r = "peek" %}{{ r }}')).toBe('isolated');
    expect(await run('{% function r = "outer" %}{{ r }}|{{ secret }}')).toBe('isolated|');
    expect(await run('{% assign v = 5 %}{% export v, namespace: "ns" %}{% function r = "ctx" %}{{ r }}')).toBe('5');
  });

  it('return stops the partial, also from inside a loop or a try', async () => {
    expect(await run('{% function r = "early" %}{{ r }}')).toBe('1');
    expect(await run('{% function r = "in_loop" %}{{ r }}')).toBe('3');
    expect(await run('{% function r = "guarded" %}{{ r }}')).toBe('from try');
  });

  it('re-binds the variable passed in, and accepts `_`, named arguments without commas, dynamic paths', async () => {
    expect(await run('{% assign items = ["a"] %}{% function items = "rebind", items: items %}{{ items }}')).toBe('["a","b"]');
    expect(await run('{% function _ = "add" a: 1 b: 1 %}{{ _ }}')).toBe('2');
    expect(await run('{% assign path = "commands/create" %}{% function r = path, id: 7 %}{{ r }}')).toBe('created 7');
    expect(await run('{% function r = "modules/mod/util" %}{{ r }}')).toBe('from module');
  });

  it('stores the result at a key path or appends it', async () => {
    const out = await run('{% assign d = {"list": []} %}{% function d["sum"] = "add", a: 1, b: 1 %}{% function d.list << "add", a: 2, b: 2 %}{{ d }}');
    expect(out).toBe('{"list":[4],"sum":2}');
  });

  it('stops runaway recursion with a clear error naming the file', async () => {
    await expect(run('{% function r = "self" %}')).rejects.toThrow(/nested more than 50 deep at "self" \(infinite recursion\?.*self > self/);
  });

  it('names the missing partial and the calling file:line', async () => {
    await expect(run('\n{% function r = "missing/one" %}')).rejects.toThrow(/Partial not found: "missing\/one" \(can't find partial.*line:2/s);
  });

  it('function_rc and return_rc are the same tags', async () => {
    const i = makeInstance({ [P('old')]: '{% return_rc 5 %}' });
    expect(await render('{% function_rc r = "old" %}{{ r }}', {}, { instance: i })).toBe('5');
  });
});

describe('return outside a function', () => {
  it('ends an included partial, and the page goes on', async () => {
    const instance = makeInstance({ [P('stop')]: 'a{% return %}b' });
    expect(await render('1{% include "stop" %}2{% render "stop" %}3', {}, { instance })).toBe('1a2a3');
  });

  it('ends the page, keeping what was printed', async () => {
    expect(await render('before{% if true %}{% return %}{% endif %}after')).toBe('before');
  });
});
