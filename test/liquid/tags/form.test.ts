import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance, type TestInstance } from '../../helpers/app.js';
import { serveApp } from '../../helpers/server.js';

const FILES = {
  'app/schema/car.yml': 'name: car\nproperties:\n  - { name: color, type: string }\n  - { name: extras, type: array }\n',
  // The docs' minimal form example.
  'app/forms/car_form.liquid': `---
name: car_form
resource: car
fields:
  properties:
    color: {}
    extras:
---
{% form %}
  <input name="{{ form.fields.properties.color.name }}" value="{{ form.fields.properties.color.value }}" />
  <input name="{{ form.fields.properties.extras.name }}" />
  <button>Save</button>
{% endform %}`,
  'app/forms/options.liquid': `---
resource: car
---
{% form html-id: 'someid', html-novalidate: true, html-class: 'big-form green-form', html-data-user-id: '12345', html-multipart: false, method: 'delete', url: '/elsewhere' %}{{ form_builder.name }}|{{ greeting }}{% endform %}`,
  'app/forms/data_only.liquid': '---\nresource: car\n---\n{{ form.name }} {{ form.resource }} {{ form.action }} {{ form.method }} {{ form.resource_id }} {{ form.errors | json }}',
};

let instance: TestInstance;
beforeAll(() => {
  instance = makeInstance(FILES);
});

const run = (source: string, vars: Record<string, unknown> = {}) => render(source, vars, { instance, format: 'html' });

describe('include_form and form', () => {
  it('renders the docs minimal form: <form>, hidden inputs, input names', async () => {
    const html = await run("{% include_form 'car_form' %}");
    expect(html).toMatch(/^<form action="\/api\/user\/customizations" method="post" accept-charset="UTF-8" enctype="multipart\/form-data">\n<input name="utf8" type="hidden" value="✓">\n<input type="hidden" name="authenticity_token">\n<input type="hidden" name="form_name" value="car_form">/);
    expect(html).toContain('<input type="hidden" name="resource_id" value="new">');
    expect(html).toContain('<input type="hidden" name="parent_resource_id" value="car">');
    expect(html).toContain('<input type="hidden" name="parent_resource_class" value="CustomModelType">');
    expect(html).toContain('<input name="form[properties_attributes][color]" value="" />');
    expect(html).toContain('<input name="form[properties_attributes][extras][]" />');
    expect(html).not.toContain('_method');
    expect(html.trimEnd().endsWith('</form>')).toBe(true);
  });

  it('names a form by its file path when it has no name:, and gives form its documented properties', async () => {
    expect(await run("{% include_form 'data_only' %}")).toBe('data_only car /api/user/customizations post new {}');
  });

  it('takes the tags.json options (html-id, html-class, html-novalidate, html-data-*, html-multipart, method, url) and passes arguments as variables', async () => {
    const html = await run("{% include_form 'options', greeting: 'hi' %}");
    expect(html).toMatch(/^<form action="\/elsewhere" method="post" accept-charset="UTF-8" id="someid" class="big-form green-form" novalidate data-user-id="12345">/);
    expect(html).toContain('<input type="hidden" name="_method" value="delete">');
    expect(html).toMatch(/options\|hi<\/form>$/);
  });

  it('render_form is an alias', async () => {
    expect(await run("{% render_form 'data_only' %}")).toMatch(/^data_only car/);
  });

  it('fills values from the record given as id, and submits with PUT to /:id', async () => {
    const created = (await instance.services.graphql('mutation { record_create(record: { table: "car", properties: [{ name: "color", value: "red \\"x\\"" }] }) { id } }', {})) as { data: { record_create: { id: string } } };
    const id = created.data.record_create.id;
    const html = await run("{% include_form 'car_form', id: rid %}", { rid: id });
    expect(html).toContain(`action="/api/user/customizations/${id}"`);
    expect(html).toContain('value="red &quot;x&quot;"');
    expect(html).toContain(`<input type="hidden" name="resource_id" value="${id}">`);
    expect(html).toContain('<input type="hidden" name="_method" value="put">');
    await expect(run("{% include_form 'car_form', id: 999 %}")).rejects.toThrow(/include_form car_form: no record with id "999"/);
  });

  it('names an unknown form and says where it looked', async () => {
    await expect(run("{% include_form 'nope' %}")).rejects.toThrow(/Form not found: "nope" \(looked in app\/forms and app\/form_configurations; known forms: car_form, data_only, options\)/);
    await expect(run('{% include_form %}')).rejects.toThrow(/include_form: form name missing/);
  });

  it('refuses {% form %} outside a form configuration, and an unclosed one', async () => {
    await expect(run('{% form %}x{% endform %}')).rejects.toThrow(/use it in app\/forms\/<name>.liquid and show that with \{% include_form 'name' %\}/);
    await expect(run('{% assign form = "x" %}{% form %}x{% endform %}')).rejects.toThrow(/include_form/);
    await expect(run('{% form %}x')).rejects.toThrow(/not closed/);
  });
});

describe('include_form in a page', () => {
  it('a page with an unknown form is a 500 naming the file, line and form', async () => {
    const served = await serveApp({ 'app/views/pages/p.liquid': "<h1>x</h1>\n{% include_form 'missing_form' %}" });
    const res = await fetch(`${served.url}/p`);
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/app\/views\/pages\/p.liquid:2:1 .*Form not found: &quot;missing_form&quot;/);
  });
});
