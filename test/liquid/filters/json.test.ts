import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

describe('json / to_json (docs)', () => {
  it('serialises a hash', async () => {
    const user = { name: 'Mike', email: 'mike@mail.com' };
    expect(await render(`{{ user | json }}`, { user })).toBe('{"name":"Mike","email":"mike@mail.com"}');
    expect(await render(`{{ user | to_json }}`, { user })).toBe('{"name":"Mike","email":"mike@mail.com"}');
  });
  it('text, numbers and nil', async () => {
    expect(await render(`{{ 'a"b' | json }} {{ 5 | json }} {{ nil | json }}`)).toBe('"a\\"b" 5 null');
  });
});

describe('parse_json / to_hash (docs)', () => {
  it('parses text', async () => {
    expect(await render(`{% liquid
      assign text = '{ "name": "foo", "bar": {} }'
      assign object = text | parse_json
    %}{{ object.name }} {{ object.bar | json }}`)).toBe('foo {}');
  });
  it('interpolated json', async () => {
    expect(await render(`{% assign name = "foo" %}{% capture s %}{ "name": {{ name | json }} }{% endcapture %}{% assign object = s | to_hash %}{{ object.name }}`)).toBe('foo');
  });
  it('unescapes HTML entities unless raw_text: true', async () => {
    const setup = `{% assign text = '{ "key": "abc &amp; def" }' %}`;
    expect(await render(`${setup}{% assign object = text | parse_json %}{{ object.key }}`)).toBe('abc & def');
    expect(await render(`${setup}{% assign object = text | to_hash: raw_text: true %}{{ object.key }}`)).toBe('abc &amp; def');
  });
  it('a hash or array comes back as is', async () => {
    expect(await render(`{{ h | parse_json | json }}`, { h: { a: [1] } })).toBe('{"a":[1]}');
  });
  it('invalid JSON is an error quoting the text', async () => {
    await expect(render(`{{ '{ "foo" }' | parse_json }}`)).rejects.toThrow(/parse_json: invalid JSON .* in: \{ "foo" \}/);
  });
});
