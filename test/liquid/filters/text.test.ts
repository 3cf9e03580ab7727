import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

describe('inflections (docs examples)', () => {
  it('titleize, humanize, slugify, parameterize', async () => {
    expect(await render(`{{ 'foo bar_zoo-xx' | titleize }}`)).toBe('Foo Bar Zoo Xx');
    expect(await render(`{{ 'car_model' | humanize }}`)).toBe('Car model');
    expect(await render(`{{ 'customer_id' | humanize }}`)).toBe('Customer');
    expect(await render(`{{ 'John arrived_foo' | slugify }}`)).toBe('john-arrived-foo');
    expect(await render(`{{ 'John arrived_foo' | parameterize }}`)).toBe('john-arrived_foo');
  });
  it('parameterize transliterates and takes any separator', async () => {
    expect(await render(`{{ ' Zażółć gęślą jaźń! ' | parameterize }}`)).toBe('zazolc-gesla-jazn');
    expect(await render(`{{ 'a  b..c' | parameterize: '.' }}`)).toBe('a.b.c');
    expect(await render(`{{ 'Straße 12' | slugify }}`)).toBe('strasse-12');
  });
  it('titleize and humanize stringify other values', async () => {
    expect(await render(`{{ 12 | titleize }}|{{ nil | humanize }}|`)).toBe('12||');
  });
  it('pluralize (docs example) and irregular words', async () => {
    expect(await render(`{{ 'dog' | pluralize: 1 }}\n{{ 'dog' | pluralize: 2 }}`)).toBe('dog\ndogs');
    expect(await render(`{{ 'person' | pluralize }} {{ 'people' | pluralize: 1 }} {{ 'sheep' | pluralize: 3 }}`)).toBe('people person sheep');
    await expect(render(`{{ 'dog' | pluralize: 'many' }}`)).rejects.toThrow(/pluralize: count \(argument 1\) must be a number, got "many"/);
  });
});

describe('markdown / markdownify (docs examples)', () => {
  for (const name of ['markdown', 'markdownify']) {
    it(`${name}: basics and rel=nofollow`, async () => {
      expect(await render(`{{ '**Foo**' | ${name} }}`)).toBe('<p><strong>Foo</strong></p>');
      expect(await render(`{{ '# Foo' | ${name} }}`)).toBe('<h1>Foo</h1>');
      expect(await render(`{{ '[Foo link](https://example.com)' | ${name} }}`)).toBe('<p><a href="https://example.com" rel="nofollow">Foo link</a></p>');
    });
  }
  const div = `'<div class="hello" style="font-color: red; font-size: 99px;">Foo</div>'`;
  it('removes elements and attributes not allowed', async () => {
    expect(await render(`{{ ${div} | markdown }}`)).toBe('Foo');
    expect(await render(`{% assign opts = '{ "elements": [ "div" ] }' %}{{ ${div} | markdown: opts }}`)).toBe('<div>Foo</div>');
    expect(await render(`{% assign opts = '{ "elements": [ "div" ], "attributes": { "div": ["class"] } }' %}{{ ${div} | markdown: opts }}`)).toBe('<div class="hello">Foo</div>');
  });
  it('keeps allowed inline HTML (inside the paragraph CommonMark puts it in)', async () => {
    expect(await render(`{{ '<b>Foo</b>' | markdown }}`)).toBe('<p><b>Foo</b></p>');
  });
  it('extra_options deep-merge over the default (docs examples)', async () => {
    const link = `'[Foo link](https://example.com)'`;
    expect(await render(`{{ ${link} | markdown: nil, '{ "add_attributes": { "a": { "custom_attr": "custom_value", "rel": null } } }' }}`))
      .toBe('<p><a href="https://example.com" custom_attr="custom_value">Foo link</a></p>');
    expect(await render(`{{ ${link} | markdown: nil, '{ "add_attributes": { "a": {} } }' }}`)).toBe('<p><a href="https://example.com">Foo link</a></p>');
    expect(await render(`{{ ${link} | markdown: nil, '{ "add_attributes": { "a": { "custom_attr": "custom_value" } } }' }}`))
      .toBe('<p><a href="https://example.com" rel="nofollow" custom_attr="custom_value">Foo link</a></p>');
  });
  it('is html_safe: not escaped again in html pages', async () => {
    expect(await render(`{{ '*a* & b' | markdown }}`, {}, { format: 'html' })).toBe('<p><em>a</em> &amp; b</p>');
  });
  it('rejects options that are not JSON objects', async () => {
    await expect(render(`{{ 'x' | markdown: '{nope' }}`)).rejects.toThrow(/markdown: options \(argument 1\) is not valid JSON/);
    await expect(render(`{{ 'x' | markdown: nil, 5 }}`)).rejects.toThrow(/markdown: extra_options \(argument 2\) must be a hash or a JSON object, got 5/);
  });
});

describe('sanitize', () => {
  it('drops unsafe protocols, scripts, comments and event attributes; adds rel=nofollow', async () => {
    const html = `<a href="javascript:prompt(1)">Link</a><script>alert(1)</script><!-- c --><img src="x.png" onerror="y"><p>a &lt; b</p>`;
    expect(await render(`{{ h | sanitize }}`, { h: html })).toBe('<a rel="nofollow">Link</a><img src="x.png"><p>a &lt; b</p>');
  });
  it('an array is the deprecated list of elements', async () => {
    expect(await render(`{% assign tags = 'b' | split: '|' %}{{ '<b>x</b><i>y</i>' | sanitize: tags }}`)).toBe('<b>x</b>y');
  });
  it('keyword options and the all key', async () => {
    expect(await render(`{{ '<p class="c" id="i">x</p><!--k-->' | sanitize: '{"elements":["p"],"attributes":{"all":["class"]}}', allow_comments: true }}`))
      .toBe('<p class="c">x</p><!--k-->');
    expect(await render(`{{ '<p>keep</p><span>drop</span>' | sanitize: '{"elements":["p"],"remove_contents":["span"]}' }}`)).toBe('<p>keep</p>');
  });
  it('relative URLs follow the relative protocol', async () => {
    expect(await render(`{{ '<a href="/x">a</a><a href="ftp://h">b</a>' | sanitize }}`)).toBe('<a href="/x" rel="nofollow">a</a><a href="ftp://h" rel="nofollow">b</a>');
  });
});

describe('html_to_text', () => {
  it('docs example', async () => {
    expect(await render(`{{ '<h1>Hello <a href="#">world</a></h1>' | html_to_text }}`)).toBe('Hello world');
  });
  it('options: root_element, remove_nodes, replace_newline', async () => {
    const html = '<div><p id="a">A\nB &amp; C</p><p>D<script>x()</script></p></div>';
    expect(await render(`{{ h | html_to_text }}`, { h: html })).toBe('A B & CD');
    expect(await render(`{{ h | html_to_text: root_element: '#a', replace_newline: '/' }}`, { h: html })).toBe('A/B & C');
    expect(await render(`{{ h | html_to_text: remove_nodes: '#a' }}`, { h: html })).toBe('Dx()');
    expect(await render(`[{{ h | html_to_text: root_element: '#missing' }}]`, { h: html })).toBe('[]');
  });
  it('rejects bad selectors and options', async () => {
    await expect(render(`{{ '<p>x</p>' | html_to_text: root_element: '[[' }}`)).rejects.toThrow(/html_to_text: invalid CSS selector/);
    await expect(render(`{{ '<p>x</p>' | html_to_text: 'p' }}`)).rejects.toThrow(/html_to_text: options \(argument 1\) must be a hash/);
  });
});

describe('strings', () => {
  it('strip_liquid (docs example)', async () => {
    const src = `{% capture text %}Hello! {% raw %}{% comment %}This is a comment!{% endcomment %}{% endraw %}{% endcapture %}{{ text | strip_liquid }}`;
    expect(await render(src)).toBe('Hello! This is a comment!');
    expect(await render(`{{ t | strip_liquid }}`, { t: 'a {{- x -}} b {%- if y -%}c{% endif %}' })).toBe('a  b c');
  });
  it('pad_left (docs examples)', async () => {
    expect(await render(`{{ 'foo' | pad_left: 5 }}`)).toBe('  foo');
    expect(await render(`{{ 'Y' | pad_left: 3, 'X' }}`)).toBe('XXY');
    expect(await render(`{{ 7 | pad_left: 3, '0' }}|{{ 'long' | pad_left: 2 }}`)).toBe('007|long');
    await expect(render(`{{ 'x' | pad_left: 'a' }}`)).rejects.toThrow(/pad_left: count \(argument 1\) must be a whole number, got "a"/);
    await expect(render(`{{ 'x' | pad_left: 3, '' }}`)).rejects.toThrow(/pad_left: symbol \(argument 2\) must not be empty/);
  });
  it('start_with / end_with (docs examples)', async () => {
    expect(await render(`{{ 'my_example' | start_with: 'my' }} {{ 'my_example' | start_with: 'example' }}`)).toBe('true false');
    expect(await render(`{{ 'my_example' | end_with: 'example' }} {{ 'my_example' | end_with: 'my' }}`)).toBe('true false');
    const list = { list: ['array', 'example'] };
    expect(await render(`{{ 'my_example' | start_with: list }} {{ 'my_example' | end_with: list }}`, list)).toBe('false true');
    await expect(render(`{{ 'x' | start_with: nil }}`)).rejects.toThrow(/start_with: argument 1 is required/);
  });
  it('escape_javascript (docs example) and unescape_javascript round trip', async () => {
    expect(await render(`{{ t | escape_javascript }}`, { t: `it's a "test"` })).toBe(`it\\'s a \\"test\\"`);
    const js = '<script>\n  let v = "\\t some text\\n";\r\n  let w = `We love ${x}.`;\n</script>';
    expect(await render(`{{ js | escape_javascript }}`, { js })).toBe('<script>\\n  let v = \\"\\\\t some text\\\\n\\";\\n  let w = \\`We love \\${x}.\\`;\\n<\\/script>');
    expect(await render(`{{ js | escape_javascript | unescape_javascript }}`, { js })).toBe(js.replace('\r\n', '\n'));
  });
  it('new_line_to_br / nl2br escape the text and keep the breaks as HTML', async () => {
    for (const name of ['new_line_to_br', 'nl2br']) {
      expect(await render(`{{ t | ${name} }}`, { t: 'a <b>\r\nb\nc' }, { format: 'html' })).toBe('a &lt;b&gt;<br />b<br />c');
    }
    expect(await render(`{{ 5 | nl2br }}`)).toBe('5');
  });
  it('raw_escape_string (docs example), escaped once in html', async () => {
    expect(await render(`{{ 'foo<b>bar</b>' | raw_escape_string }}`)).toBe('foo&lt;b&gt;bar&lt;/b&gt;');
    expect(await render(`{{ 'foo<b>bar</b>' | raw_escape_string }}`, {}, { format: 'html' })).toBe('foo&lt;b&gt;bar&lt;/b&gt;');
  });
  it('split: Ruby semantics; arrays pass through (docs example)', async () => {
    expect(await render(`{% assign array = 'a,b,c' | split: ',' %}{{ array | split: ',' | json }}`)).toBe('["a","b","c"]');
    expect(await render(`{{ '  a  b c ' | split: ' ' | json }}|{{ 'abc' | split: '' | json }}|{{ 'a,b,,' | split: ',' | json }}|{{ nil | split: ',' | json }}`))
      .toBe('["a","b","c"]|["a","b","c"]|["a","b"]|[]');
    expect(await render(`{{ 1020 | split: 2 | json }}`)).toBe('["10","0"]');
  });
});

describe('encodings', () => {
  it('scrub (docs example): drops invalid characters', async () => {
    expect(await render(`{% assign scrubbed = "Hello W\ufffdorld" | scrub %}{{ scrubbed }}`)).toBe('Hello World');
    expect(await render(`{{ t | scrub }}`, { t: 'a\ud800b' })).toBe('ab');
    await expect(render(`{{ 'x' | scrub: 'KLINGON' }}`)).rejects.toThrow(/scrub: unknown encoding "KLINGON" \(source_encoding \(argument 1\)\)/);
  });
  it('encode (docs example), and characters the target cannot hold', async () => {
    expect(await render(`{{ 'John arrived_foo' | encode: 'ISO-8859-1', 'UTF-8' }}`)).toBe('John arrived_foo');
    expect(await render(`{{ 'café' | encode: 'ISO-8859-1', 'UTF-8' }}`)).toBe('café');
    await expect(render(`{{ 'zł' | encode: 'ISO-8859-1', 'UTF-8' }}`)).rejects.toThrow(/encode: "ł" cannot be converted from UTF-8 to ISO-8859-1/);
    await expect(render(`{{ 'é' | encode: 'US-ASCII', 'UTF-8' }}`)).rejects.toThrow(/encode: "é" cannot be converted/);
    await expect(render(`{{ 'x' | encode: 'NOPE', 'UTF-8' }}`)).rejects.toThrow(/encode: unknown encoding "NOPE" \(destination_encoding \(argument 1\)\)/);
  });
  it('encoding (docs example) and force_encoding', async () => {
    expect(await render(`{{ 'John arrived_foo' | encoding }}`)).toBe('UTF-8');
    expect(await render(`{{ 'John arrived_foo' | force_encoding: "ISO-8859-1" }}`)).toBe('John arrived_foo');
    expect(await render(`{{ 'é' | force_encoding: "ISO-8859-1" }}`)).toBe('Ã©');
    await expect(render(`{{ 'x' | force_encoding: 'EBCDIC-9' }}`)).rejects.toThrow(/force_encoding: unknown encoding "EBCDIC-9"/);
  });
});
