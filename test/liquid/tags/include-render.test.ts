import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

const P = (name: string) => `app/views/partials/${name}.liquid`;

describe('include and render', () => {
  const instance = makeInstance({
    [P('car')]: '{{ car.maker }}{{ minYear }}',
    [P('shared/card')]: '[{{ card }}{{ item }}{{ outer }}]',
    [P('setter')]: '{% assign leaked = "yes" %}',
    [P('breaker')]: 'a{% break %}b',
    [P('modules_user')]: 'x',
    'modules/user/public/views/partials/helpers/hello.liquid': 'hello from module',
  });
  const run = (source: string, vars: Record<string, unknown> = {}) => render(source, vars, { instance });

  it('include sees the caller variables (render does not); assigns in either stay inside', async () => {
    expect(await run('{% assign outer = "o" %}{% include "shared/card" %}{% render "shared/card" %}')).toBe('[o][]');
    expect(await run('{% for outer in (1..2) %}{% include "shared/card" %}{% endfor %}')).toBe('[1][2]');
    expect(await run('{% include "setter" %}[{{ leaked }}]{% render "setter" %}[{{ leaked }}]')).toBe('[][]');
  });

  it('an included partial changes the caller objects in place', async () => {
    const i = makeInstance({ [P('mutate')]: '{% assign h["k"] = "v" %}{% assign list << 1 %}' });
    expect(await render('{% assign h = {} %}{% assign list = [] %}{% include "mutate" %}{{ h }}{{ list }}', {}, { instance: i })).toBe('{"k":"v"}[1]');
  });

  it('binds with/for values to the partial name or to `as`', async () => {
    const cars = [{ maker: 'Honda' }, { maker: 'Subaru' }];
    expect(await run("{% include 'car' with cars[0] %}", { cars })).toBe('Honda');
    expect(await run("{% include 'car' for cars %}", { cars })).toBe('HondaSubaru');
    expect(await run("{% render 'shared/card' with 'v' %}")).toBe('[v]');
    expect(await run("{% render 'shared/card' for list as item %}", { list: [1, 2] })).toBe('[1][2]');
    expect(await run("{% render 'shared/card' with 'v' as item %}")).toBe('[v]');
  });

  it('passes named arguments, with or without commas, and accepts dynamic paths', async () => {
    expect(await run("{% include 'car', minYear: 2000 %}")).toBe('2000');
    expect(await run("{% assign p = 'car' %}{% include p minYear: 1999 car: c %}", { c: { maker: 'Lexus' } })).toBe('Lexus1999');
    expect(await run("{% render 'modules/user/helpers/hello' %}")).toBe('hello from module');
  });

  it('a break in an included partial stops the caller; in a rendered one only the partial', async () => {
    expect(await run('1{% include "breaker" %}2')).toBe('1a');
    expect(await run('{% for i in (1..3) %}{{ i }}{% include "breaker" %}{% endfor %}after')).toBe('1aafter');
    expect(await run('1{% render "breaker" %}2')).toBe('1a2');
  });

  it('names a missing partial with the caller file and line', async () => {
    await expect(run('\n\n{% include "nope" %}')).rejects.toThrow(/Partial not found: "nope" \(can't find partial in app\/views\/partials or app\/lib\).*line:3/s);
    await expect(run('{% render %}')).rejects.toThrow(/render: partial name missing/);
    await expect(run('{% include empty_name %}')).rejects.toThrow(/empty partial name/);
  });

  it('stops include recursion at the depth limit', async () => {
    const i = makeInstance({ [P('loop')]: '{% include "loop" %}' });
    await expect(render('{% include "loop" %}', {}, { instance: i })).rejects.toThrow(/nested more than 50 deep/);
  });
});
