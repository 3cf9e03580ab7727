import { beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type Served } from '../helpers/server.js';
import { Browser, hiddenInputs, recordsOf } from '../helpers/browser.js';

const CONTACT_FORM = `---
name: contact_form
resource: contact
redirect_to: /thanks
flash_notice: 'Thanks {{ form.properties.name }}'
flash_alert: Please fix the errors
fields:
  properties:
    name:
      validation: { presence: true }
    email:
      validation:
        presence:
          message: Email cannot be empty
        email: true
        unique: true
    age:
      validation:
        numericality: { greater_than_or_equal_to: 18, allow_blank: true }
    tags:
    source:
    note:
      property_options: { virtual: true }
default_payload: |-
  { "properties_attributes": { "source": "web" } }
callback_actions: |-
  {% log form.id, type: 'contact_saved' %}
---
{% form html-class: 'contact' %}
<input name="{{ form.fields.properties.name.name }}" value="{{ form.fields.properties.name.value }}">
<input name="{{ form.fields.properties.email.name }}" value="{{ form.fields.properties.email.value }}">
<p class="err-name">{{ form.errors['properties.name'] }}</p>
<p class="err-email">{{ form.errors.properties.email }}</p>
<input name="{{ form.fields.properties.tags.name }}">
<button>Save</button>
{% endform %}
`;

const FILES = {
  'app/schema/contact.yml': `name: contact
properties:
  - { name: name, type: string }
  - { name: email, type: string }
  - { name: age, type: integer }
  - { name: tags, type: array }
  - { name: source, type: string }
`,
  'app/forms/contact_form.liquid': CONTACT_FORM,
  'app/views/pages/contact.liquid': "<div class=\"alert\">{{ context.flash.alert }}</div>{% include_form 'contact_form' %}",
  'app/views/pages/thanks.liquid': 'notice={{ context.flash.notice }}',
  'app/views/pages/contacts/edit.liquid': "---\nslug: contacts/:id/edit\n---\n{% include_form 'contact_form', id: context.params.id %}",
  'app/forms/bad_table.liquid': '---\nname: bad_table\nresource: contct\n---\n{% form %}{% endform %}',
  'app/forms/bad_field.liquid': '---\nname: bad_field\nresource: contact\nfields:\n  properties:\n    phone:\n---\n',
  'app/forms/closed.liquid': '---\nname: closed\nresource: contact\nrequest_allowed: false\n---\n',
  'app/forms/bad_payload.liquid': '---\nname: bad_payload\nresource: contact\nfields:\n  properties:\n    name:\ndefault_payload: "{ not json"\n---\n',
  'app/forms/bad_callback.liquid': '---\nname: bad_callback\nresource: contact\ncallback_actions: |-\n  ok\n  {{ 1 | no_such_filter }}\n---\n',
  'app/forms/bad_notification.liquid': '---\nname: bad_notification\nresource: contact\napi_call_notifications:\n  - no_such_call\n---\n',
};

let served: Served;
beforeAll(async () => {
  served = await serveApp(FILES);
});

/** A browser that has opened /contact: its cookie and the form's hidden inputs. */
async function openContact(): Promise<{ browser: Browser; hidden: Record<string, string>; html: string }> {
  const browser = new Browser(served);
  const page = await browser.get('/contact');
  return { browser, hidden: hiddenInputs(page.html), html: page.html };
}

const fields = (p: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k.endsWith('[]') ? `form[properties_attributes][${k}` : `form[properties_attributes][${k}]`, v]));

function logsOf(type: string) {
  return served.instance.store.logs.since(0, 1000, type).map((l) => l.message);
}

describe('rendering', () => {
  it('names inputs form[properties_attributes][x], with [] for array properties', async () => {
    const { html } = await openContact();
    expect(html).toContain('<form action="/api/user/customizations" method="post" accept-charset="UTF-8" enctype="multipart/form-data" class="contact">');
    expect(html).toContain('name="form[properties_attributes][name]"');
    expect(html).toContain('name="form[properties_attributes][tags][]"');
  });
});

describe('a valid submission', () => {
  it('stores the record (typed, default_payload merged, virtual fields left out), runs callback_actions, redirects with flash', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'Ann', email: 'ann@example.com', age: '30', 'tags][]': ['a', 'b'], note: 'not stored', source: 'forged' }) });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/thanks');
    const stored = (await recordsOf(served, 'contact')).find((r) => r.properties.email === 'ann@example.com')!;
    expect(stored.properties).toEqual({ name: 'Ann', email: 'ann@example.com', age: 30, tags: ['a', 'b'], source: 'web' });
    expect(logsOf('contact_saved')).toContain(stored.id);
    expect((await browser.get('/thanks')).html).toBe('notice=Thanks Ann');
    expect((await browser.get('/thanks')).html).toBe('notice=');
  });

  it('drops fields the form does not configure, also names that objects inherit (constructor, toString)', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', {
      ...hidden,
      ...fields({ name: 'Proto', email: 'proto@example.com', constructor: 'x', toString: 'y', unknown: 'z' }),
      'form[hasOwnProperty]': 'w',
    });
    expect(res.status).toBe(302);
    const stored = (await recordsOf(served, 'contact')).find((r) => r.properties.email === 'proto@example.com')!;
    expect(stored.properties).toEqual({ name: 'Proto', email: 'proto@example.com', source: 'web' });
  });

  it('redirect_to sent with the form wins over the configured one', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'Rd', email: 'rd@example.com' }), redirect_to: '/contact?done=1' });
    expect(res.headers.get('location')).toBe('/contact?done=1');
  });

  it('percent-encodes a non-ASCII redirect_to instead of failing', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'Sk', email: 'sk@example.com' }), redirect_to: '/cars/Škoda' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/cars/%C5%A0koda');
  });

  it('accepts JSON with X-CSRF-Token and answers the record as JSON', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post(
      '/api/user/customizations.json',
      { form_name: 'contact_form', form: { properties_attributes: { name: 'Jay', email: 'jay@example.com' } } } as never,
      { as: 'json', headers: { 'x-csrf-token': hidden.authenticity_token } },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; properties: Record<string, unknown> };
    expect(body.id).toMatch(/^\d+$/);
    expect(body.properties).toEqual({ name: 'Jay', email: 'jay@example.com', source: 'web' });
  });

  it('accepts the instance token instead of an authenticity_token (authorized API call)', async () => {
    const res = await fetch(`${served.url}/api/user/customizations`, {
      method: 'POST',
      headers: { authorization: `Token ${served.instance.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ form_name: 'contact_form', form: { properties_attributes: { name: 'Api', email: 'api@example.com' } } }),
    });
    expect(res.status).toBe(200);
  });
});

describe('validation failures', () => {
  it('re-render the page with form.errors, the submitted values and flash_alert; nothing is stored', async () => {
    const { browser, hidden } = await openContact();
    const before = (await recordsOf(served, 'contact')).length;
    const res = await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: '', email: 'not-an-email', age: '12' }) });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div class="alert">Please fix the errors</div>');
    expect(html).toContain(`<p class="err-name">can&#39;t be blank</p>`);
    expect(html).toContain('<p class="err-email">is not a valid email</p>');
    expect(html).toContain('value="not-an-email"');
    expect(await recordsOf(served, 'contact')).toHaveLength(before);
  });

  it('answer JSON errors (status 200, as the docs say) for JSON requests', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'X', age: 'old' }) }, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ errors: { 'properties.email': ['Email cannot be empty'], 'properties.age': ['is not a number'] } });
  });

  it('enforce unique', async () => {
    const { browser, hidden } = await openContact();
    await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'U1', email: 'same@example.com' }) });
    const res = await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'U2', email: 'same@example.com' }) }, { headers: { accept: 'application/json' } });
    expect(await res.json()).toEqual({ errors: { 'properties.email': ['has already been taken'] } });
  });
});

describe('CSRF', () => {
  const attempt = async (mutate: (b: Browser, hidden: Record<string, string>) => Promise<Response>) => {
    const { browser, hidden } = await openContact();
    const before = (await recordsOf(served, 'contact')).length;
    const res = await mutate(browser, hidden);
    expect(await recordsOf(served, 'contact')).toHaveLength(before);
    return res;
  };

  it('rejects a post without authenticity_token with 422', async () => {
    const res = await attempt((b, { authenticity_token: _t, ...rest }) => b.post('/api/user/customizations', { ...rest, ...fields({ name: 'N', email: 'n@example.com' }) }));
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/Invalid authenticity token/);
  });

  it('rejects a forged token, and a token of another session', async () => {
    const forged = await attempt((b, hidden) => b.post('/api/user/customizations', { ...hidden, authenticity_token: 'forged', ...fields({ name: 'F', email: 'f@example.com' }) }));
    expect(forged.status).toBe(422);
    const other = (await openContact()).hidden.authenticity_token;
    const stolen = await attempt((b, hidden) => b.post('/api/user/customizations', { ...hidden, authenticity_token: other, ...fields({ name: 'S', email: 's@example.com' }) }));
    expect(stolen.status).toBe(422);
  });

  it('rejects a valid token sent without its session cookie, as JSON for JSON requests', async () => {
    const res = await attempt(async (b, hidden) => {
      b.cookie = '';
      return b.post('/api/user/customizations', { ...hidden, ...fields({ name: 'C', email: 'c@example.com' }) }, { headers: { accept: 'application/json' } });
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'POS_ERR_CSRF' });
  });
});

describe('update and delete', () => {
  it('edit form: values filled in, PUT to /:id updates only what was sent', async () => {
    const { browser, hidden } = await openContact();
    await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'Ed', email: 'ed@example.com', age: '40' }) });
    const record = (await recordsOf(served, 'contact')).find((r) => r.properties.email === 'ed@example.com')!;
    const edit = await browser.get(`/contacts/${record.id}/edit`);
    expect(edit.html).toContain(`action="/api/user/customizations/${record.id}"`);
    expect(edit.html).toContain('value="Ed"');
    const editHidden = hiddenInputs(edit.html);
    expect(editHidden).toMatchObject({ _method: 'put', resource_id: record.id });
    const res = await browser.post(`/api/user/customizations/${record.id}`, { ...editHidden, ...fields({ name: 'Edward' }) });
    expect(res.status).toBe(302);
    const after = (await recordsOf(served, 'contact')).find((r) => r.id === record.id)!;
    expect(after.properties).toMatchObject({ name: 'Edward', email: 'ed@example.com', age: 40 });
  });

  it('DELETE (or _method=delete) soft-deletes; an unknown id is a 404', async () => {
    const { browser, hidden } = await openContact();
    await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: 'Del', email: 'del@example.com' }) });
    const record = (await recordsOf(served, 'contact')).find((r) => r.properties.email === 'del@example.com')!;
    const res = await browser.post(`/api/user/customizations/${record.id}`, { ...hidden, _method: 'delete' });
    expect(res.status).toBe(302);
    expect((await recordsOf(served, 'contact')).find((r) => r.id === record.id)).toBeUndefined();
    const again = await browser.post(`/api/user/customizations/${record.id}`, { ...hidden, ...fields({ name: 'x' }) }, { method: 'PUT' });
    expect(again.status).toBe(404);
    expect(await again.text()).toMatch(/no contact record with id/);
  });
});

describe('bad configuration and bad input', () => {
  it('an unknown form name is a 404 naming it; nothing is stored', async () => {
    const { browser, hidden } = await openContact();
    const before = (await recordsOf(served, 'contact')).length;
    const res = await browser.post('/api/user/customizations', { ...hidden, form_name: 'contact_from', ...fields({ name: 'Q', email: 'q@example.com' }) });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/Form not found: &quot;contact_from&quot; \(looked in app\/forms and app\/form_configurations; known forms: bad_callback, bad_field, bad_notification, bad_payload, bad_table, closed, contact_form\)/);
    expect(await recordsOf(served, 'contact')).toHaveLength(before);
  });

  it('a malformed multipart body is a 400 saying so, not a 500', async () => {
    const res = await fetch(`${served.url}/api/user/customizations`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=XYZ' }, body: 'not multipart' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'POS_ERR_BAD_REQUEST', error: 'Bad request: the multipart/form-data body could not be parsed (boundary missing or body cut short)' });
  });

  it('a form whose resource is not a table is a clear error, logged', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, form_name: 'bad_table' }, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'POS_ERR_UNKNOWN_TABLE', error: expect.stringMatching(/app\/forms\/bad_table.liquid: resource: "contct" is not defined in app\/schema/) });
    expect(logsOf('form_error').some((m) => m.includes('"contct" is not defined'))).toBe(true);
  });

  it('a field that is not a property of the table is a clear error', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, form_name: 'bad_field' }, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/app\/forms\/bad_field.liquid: fields.properties: table "contact" has no property "phone"/);
  });

  it('an unknown notification is logged; the record is kept', async () => {
    const { browser, hidden } = await openContact();
    const before = (await recordsOf(served, 'contact')).length;
    const res = await browser.post('/api/user/customizations', { ...hidden, form_name: 'bad_notification' });
    expect(res.status).toBe(302);
    expect(await recordsOf(served, 'contact')).toHaveLength(before + 1);
    expect(logsOf('form_error').some((m) => m.includes('api_call_notifications: "no_such_call" is not defined'))).toBe(true);
  });

  it('request_allowed: false makes the form unreachable over HTTP', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, form_name: 'closed' });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/form &quot;closed&quot; has request_allowed: false/);
  });

  it('default_payload that is not JSON is a 500 naming the file; nothing is stored', async () => {
    const { browser, hidden } = await openContact();
    const before = (await recordsOf(served, 'contact')).length;
    const res = await browser.post('/api/user/customizations', { ...hidden, form_name: 'bad_payload', ...fields({ name: 'P' }) });
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/app\/forms\/bad_payload.liquid \(default_payload\): not valid JSON after rendering/);
    expect(await recordsOf(served, 'contact')).toHaveLength(before);
  });

  it('a failing callback_actions is logged with its line; the record is kept', async () => {
    const { browser, hidden } = await openContact();
    const before = (await recordsOf(served, 'contact')).length;
    const res = await browser.post('/api/user/customizations', { ...hidden, form_name: 'bad_callback' });
    expect(res.status).toBe(302);
    expect(await recordsOf(served, 'contact')).toHaveLength(before + 1);
    expect(logsOf('liquid_error').some((m) => /app\/forms\/bad_callback.liquid \(callback_actions\):2:\d+ .*no_such_filter/.test(m))).toBe(true);
  });

  it('PUT without a record id is a clear error', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, _method: 'put' });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/PUT needs the record id/);
  });
});

describe('re-render without a Referer', () => {
  it('finds the page from the slug inputs the form tag sent', async () => {
    const { browser, hidden } = await openContact();
    const res = await browser.post('/api/user/customizations', { ...hidden, ...fields({ name: '' }) }, { headers: { referer: '' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<p class="err-name">can&#39;t be blank</p>');
  });
});
