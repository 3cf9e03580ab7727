import { describe, expect, it } from 'vitest';
import jwt from 'jsonwebtoken';
import { render } from '../helpers/render.js';
import { makeInstance } from '../helpers/app.js';

/** SPEC section 4 "Decisions that the docs fix": each one, as the docs' examples state it. */
describe('jwt_encode / jwt_decode', () => {
  const payload = '{% assign payload = \'{ "key": "value", "another_key": "another value" }\' | parse_json %}';

  it('matches the docs example byte for byte (no iat added)', async () => {
    expect(await render(`${payload}{{ payload | jwt_encode: 'HS256', 'this-is-secret' }}`)).toBe(
      'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJrZXkiOiJ2YWx1ZSIsImFub3RoZXJfa2V5IjoiYW5vdGhlciB2YWx1ZSJ9.XT8sHXyPTA9DoHzssXh1q6Uv2D1ENosW0F3Ixle85L0',
    );
  });

  it('puts header fields before typ and alg, byte for byte', async () => {
    const src = `${payload}{% assign headers = '{ "cty": "custom" }' | parse_json %}{{ payload | jwt_encode: 'HS256', 'this-is-secret', headers }}`;
    expect(await render(src)).toBe(
      'eyJjdHkiOiJjdXN0b20iLCJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJrZXkiOiJ2YWx1ZSIsImFub3RoZXJfa2V5IjoiYW5vdGhlciB2YWx1ZSJ9.DHizgDTArO7RpQE3124ufD9oirmQwrlftpxBwc9wGGA',
    );
  });

  it('decodes to [payload, header]', async () => {
    const src = "{% assign r = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJrZXkiOiJ2YWx1ZSIsImFub3RoZXJfa2V5IjoiYW5vdGhlciB2YWx1ZSJ9.XT8sHXyPTA9DoHzssXh1q6Uv2D1ENosW0F3Ixle85L0' | jwt_decode: 'HS256', 'this-is-secret' %}{{ r | json }}";
    expect(JSON.parse(await render(src))).toEqual([{ key: 'value', another_key: 'another value' }, { typ: 'JWT', alg: 'HS256' }]);
  });

  it('signs with HS384/HS512 and verifies with jsonwebtoken', async () => {
    for (const alg of ['HS384', 'HS512'] as const) {
      const token = await render(`${payload}{{ payload | jwt_encode: '${alg}', 's3cret' }}`);
      expect(jwt.verify(token, 's3cret', { algorithms: [alg] })).toEqual({ key: 'value', another_key: 'another value' });
    }
  });

  it('names the bad argument: unknown algorithm, missing secret, bad signature', async () => {
    await expect(render(`${payload}{{ payload | jwt_encode: 'HS999', 'x' }}`)).rejects.toThrow(/jwt_encode: unknown algorithm "HS999" \(argument 1\)/);
    await expect(render(`${payload}{{ payload | jwt_encode: 'HS256' }}`)).rejects.toThrow(/jwt_encode: secret \(argument 2\) is missing/);
    await expect(render(`${payload}{{ payload | jwt_encode: 'HS256', nothing }}`)).rejects.toThrow(/secret \(argument 2\) is missing/);
    const token = await render(`${payload}{{ payload | jwt_encode: 'HS256', 'a' }}`);
    await expect(render(`{{ '${token}' | jwt_decode: 'HS256', 'b' }}`)).rejects.toThrow(/signature verification failed/);
  });
});

describe('base64', () => {
  it('encodes as RFC 2045: a line feed after every 60 characters and at the end', async () => {
    const long = 'a'.repeat(100);
    const out = await render(`{{ '${long}' | base64_encode }}`);
    const lines = out.split('\n');
    expect(lines[0]).toHaveLength(60);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.replace(/\n/g, '')).toBe(Buffer.from(long).toString('base64'));
    expect(await render("{{ 'hello base64' | base64_encode }}")).toBe('aGVsbG8gYmFzZTY0\n');
  });

  it('decodes with or without line feeds', async () => {
    expect(await render("{{ 'aGVsbG8g\nYmFzZTY0\n' | base64_decode }}")).toBe('hello base64');
  });
});

describe('time', () => {
  it("reads 'now' and 'today', prints %s as epoch seconds", async () => {
    const now = Number(await render("{{ 'now' | date: '%s' }}"));
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(5);
    // Ruby Liquid's date reads 'today' as the current time, like 'now'.
    const today = Number(await render("{{ 'today' | date: '%s' }}"));
    expect(Math.abs(today - Date.now() / 1000)).toBeLessThan(5);
  });

  it('add_to_time defaults to 1 day and knows every documented unit (UTC)', async () => {
    const t = "'2024-01-31T10:00:00Z'";
    const at = (args: string) => render(`{{ ${t} | add_to_time${args} | date: '%Y-%m-%d %H:%M:%S' }}`);
    expect(await at('')).toBe('2024-02-01 10:00:00');
    expect(await at(': 2, "w"')).toBe('2024-02-14 10:00:00');
    expect(await at(': 1, "y"')).toBe('2025-01-31 10:00:00');
    expect(await at(': 2, "h"')).toBe('2024-01-31 12:00:00');
    expect(await at(': 30, "m"')).toBe('2024-01-31 10:30:00');
    expect(await at(': 5, "s"')).toBe('2024-01-31 10:00:05');
    expect(await at(': 1, "days"')).toBe('2024-02-01 10:00:00');
  });

  it('names the bad argument of add_to_time', async () => {
    await expect(render("{{ 'now' | add_to_time: 1, 'fortnight' }}")).rejects.toThrow(/unknown unit "fortnight"/);
    await expect(render("{{ 'not a time' | add_to_time }}")).rejects.toThrow(/add_to_time: cannot read "not a time" \(input\) as a time/);
  });
});

describe('parse_json', () => {
  it('unescapes HTML entities unless raw_text: true (filter)', async () => {
    const text = `{% assign text = '{ "key": "abc &amp; def" }' %}`;
    expect(await render(`${text}{% assign o = text | parse_json %}{{ o.key }}`)).toBe('abc & def');
    expect(await render(`${text}{% assign o = text | parse_json: raw_text: true %}{{ o.key }}`)).toBe('abc &amp; def');
  });

  it('returns a hash or array input as is', async () => {
    expect(await render('{% assign o = h | parse_json %}{{ o.a }}', { h: { a: 1 } })).toBe('1');
  });

  it('parses the block tag after rendering, with escaped html output unescaped', async () => {
    const out = await render('{% parse_json data %}{"name": "{{ name }}"}{% endparse_json %}{{ data.name | html_safe }}', { name: "Tom & Jerry's <3>" }, { format: 'html' });
    // Output inside the block is html-escaped; parse_json unescapes the entities first.
    expect(out).toBe("Tom & Jerry's <3>");
  });

  it('names the variable and shows the text when the JSON is invalid', async () => {
    await expect(render('{% parse_json data %}{"a": }{% endparse_json %}')).rejects.toThrow(/parse_json data: invalid JSON .* in: \{"a": \}/);
  });
});

describe('output', () => {
  it('prints hashes and arrays as JSON, nil as nothing', async () => {
    expect(await render('{{ h }}|{{ a }}|{{ nothing }}', { h: { a: 1 }, a: [1, 'x'] })).toBe('{"a":1}|[1,"x"]|');
  });

  it('escapes html output but not json/txt output; html_safe marks safe', async () => {
    expect(await render('{{ v }}|{{ v | html_safe }}', { v: '<b>"&' }, { format: 'html' })).toBe('&lt;b&gt;&quot;&amp;|<b>"&');
    expect(await render('{{ v }}', { v: '<b>"&' }, { format: 'json' })).toBe('<b>"&');
  });
});

describe('partials and limits', () => {
  const instance = makeInstance({
    'app/views/partials/shared.liquid': '{% assign leaked = "yes" %}{{ x }}',
    'app/lib/isolated.liquid': '{% assign leaked2 = "yes" %}[{{ x }}|{{ outer }}]',
    'app/views/partials/loop.liquid': '{% include "loop" %}',
  });

  it('include sees the caller, render only its arguments; assigns inside stay inside (docs); commas optional', async () => {
    const out = await render('{% assign outer = "o" %}{% include "shared", x: 1 %}[{{ leaked }}]|{% render "isolated" x: 2 %}{{ leaked2 }}', {}, { instance });
    expect(out).toBe('1[]|[2|]');
    const sees = makeInstance({ 'app/views/partials/reads.liquid': '{{ outer }}' });
    expect(await render('{% assign outer = "o" %}{% include "reads" %}|{% render "reads" %}', {}, { instance: sees })).toBe('o|');
  });

  it('resolves dynamic partial paths', async () => {
    expect(await render('{% assign p = "shared" %}{% include p, x: "dyn" %}', {}, { instance })).toBe('dyn');
  });

  it('names a missing partial', async () => {
    await expect(render('{% include "nope/missing" %}', {}, { instance })).rejects.toThrow(/Partial not found: "nope\/missing"/);
  });

  it('stops runaway recursion with a clear error', async () => {
    await expect(render('{% include "loop" %}', {}, { instance })).rejects.toThrow(/nested more than \d+ deep/);
  });

  it('stops a template that loops forever and one that builds a huge string', async () => {
    const limited = makeInstance({}, { renderTimeoutMs: 200, renderMemoryLimit: 1e6 });
    await expect(render('{% for i in (1..100000000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}', {}, { instance: limited })).rejects.toThrow(/limit/i);
    await expect(render('{% assign s = "xxxxxxxxxx" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}', {}, { instance: limited })).rejects.toThrow(/limit/i);
  });
});

describe('only what platformOS has', () => {
  it("rejects liquidjs's own layout and block tags and filters such as push", async () => {
    await expect(render("{% layout 'x' %}")).rejects.toThrow(/tag "layout" not found/);
    await expect(render('{% block a %}{% endblock %}')).rejects.toThrow(/tag "block" not found/);
    await expect(render('{{ a | push: 1 }}')).rejects.toThrow(/undefined filter: push/);
  });
});
