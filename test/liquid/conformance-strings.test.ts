import { describe, expect, it } from 'vitest';
import { render } from '../helpers/render.js';
import { makeInstance } from '../helpers/app.js';

describe('quoted strings as platformOS reads them', () => {
  it('keeps backslashes, except before the closing quote', async () => {
    expect(await render(String.raw`{{ "a\1b" | size }}|{{ 'a\nb' | size }}|{{ "say \"hi\"" }}|{{ 'it\'s' }}`)).toBe('4|4|say "hi"|it\'s');
  });

  it('interpolates {{ }} in double-quoted strings, in any tag, with filters', async () => {
    expect(await render('{% assign name = "Alice" %}{% assign g = "Hello {{ name }}!" %}{{ g }}')).toBe('Hello Alice!');
    expect(await render('{% assign first = "Alice" %}{% assign last = "Smith" %}{{ "{{ first }} {{ last | upcase }}" }}')).toBe('Alice SMITH');
    const instance = makeInstance({ 'app/views/partials/echo.liquid': '{{ arg }}' });
    expect(await render('{% assign v = "world" %}{% render "echo", arg: "hello {{ v }}" %}', {}, { instance })).toBe('hello world');
  });

  it('never interpolates single-quoted strings', async () => {
    expect(await render("{% assign name = 'Alice' %}{{ 'Hello {{ name }}' }}")).toBe('Hello {{ name }}');
  });

  it('does not escape interpolated values (escaping happens once, when printed)', async () => {
    expect(await render('{% assign s = "<{{ tag }}>" %}{{ s }}', { tag: 'b' }, { format: 'html' })).toBe('&lt;b&gt;');
    expect(await render('{% assign s = "{{ tag }}" %}{% print s %}', { tag: '<i>' }, { format: 'html' })).toBe('<i>');
  });

  it('is off with string_interpolation: false in app/config.yml', async () => {
    const instance = makeInstance({ 'app/config.yml': 'string_interpolation: false\n' });
    expect(await render('{% assign n = 1 %}{{ "n={{ n }}" }}', {}, { instance })).toBe('n={{ n }}');
  });
});
