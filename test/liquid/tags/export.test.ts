import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

describe('export', () => {
  it('puts variables under context.exports.<namespace>', async () => {
    const out = await render("{% assign a = 'x' %}{% assign b = [1] %}{% export a, b, namespace: 'ns' %}{{ context.exports.ns }}|{{ context.exports.ns.b[0] }}");
    expect(out).toBe('{"a":"x","b":[1]}|1');
  });

  it('makes a partial variable visible to the page, and adds to an existing namespace', async () => {
    const instance = makeInstance({ 'app/views/partials/export.liquid': '{% parse_json honda %}{"maker": "Honda"}{% endparse_json %}{% export honda, namespace: "my_car" %}' });
    const out = await render("{% render 'export' %}{% assign x = 1 %}{% export x namespace: 'my_car' %}{{ context.exports.my_car.honda.maker }} {{ context.exports.my_car.x }}", {}, { instance });
    expect(out).toBe('Honda 1');
  });

  it('needs variables and a namespace', async () => {
    await expect(render("{% export namespace: 'x' %}")).rejects.toThrow(/export: variable names missing/);
    await expect(render('{% export a %}')).rejects.toThrow(/export: namespace missing/);
    await expect(render("{% export a, namespace: '' %}")).rejects.toThrow(/export: namespace is blank/);
  });
});
