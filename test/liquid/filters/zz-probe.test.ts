import { test } from 'vitest';
import { render } from '../../helpers/render.js';
test('probe', async () => {
  for (const src of [
    `{{ '**Foo**' | markdown }}|{{ '# Foo' | markdown }}|{{ '[Foo link](https://example.com)' | markdown }}`,
    `{{ '<div class="hello" style="x">Foo</div>' | markdown }}|{% assign opts = '{ "elements": [ "div" ], "attributes": { "div": ["class"] } }' %}{{ '<div class="hello" style="font-color: red; font-size: 99px;">Foo</div>' | markdown: opts }}`,
    `{% assign link1 = '[Foo link](https://example.com)' | markdown: nil, '{ "add_attributes": { "a": { "custom_attr": "custom_value", "rel": null } } }' %}{{ link1 }}`,
    `{% capture link %}\n  <a href="javascript:prompt(1)">Link</a><script>alert(1)</script><!-- c --><img src="x.png" onerror="y">\n{% endcapture %}{{ link | sanitize }}`,
    `{{ '<h1>Hello <a href="#">world</a></h1><script>x</script>' | html_to_text }}|{{ '<div><p id="a">A\nB</p><p>C</p></div>' | html_to_text: root_element: '#a', replace_newline: '/' }}`,
    `{{ 'foo' | pad_left: 5 }}|{{ 'Y' | pad_left: 3, 'X' }}|{{ 'foo bar_zoo-xx' | titleize }}|{{ 'customer_id' | humanize }}|{{ 'John arrived_foo' | slugify }}|{{ 'John arrived_foo' | parameterize }}|{{ 'Zażółć gęślą' | parameterize: '_' }}`,
    `{{ 'dog' | pluralize: 1 }} {{ 'dog' | pluralize: 2 }} {{ 'person' | pluralize }}`,
    `{{ 'fooooo fooo' | replace_regex: 'o+', 'o' }}|{{ 'fooooo fooo' | replace_regex: 'o+', 'o', '', false }}|{{ 'FOOOOO' | replace_regex: 'o+ #comment', 'a', 'ix' }}|{{ 'FOOOOO' | replace_regex: 'o+', 'a' }}`,
    `{{ 'abcdef' | regex_matches: '(.)(.)' | json }}|{{ 'abc' | regex_matches: '[a-z]' | json }}|{{ 'foo' | matches: '[a-z]' }}|{{ 'x' | matches: '(' }}`,
    `{{ 0 | pricify }} {{ 1 | pricify }} {{ 1.20 | pricify }} {{ 1000000 | pricify }} {{ 1 | pricify: "PLN" }} {{ 1 | pricify: "JPY" }} {{ 1 | pricify: "USD", no_cents_if_whole: false }} {{ -1234.5 | pricify }}`,
    `{{ 1 | pricify_cents }} {{ 100 | pricify_cents }} {{ 1000000 | pricify_cents }} {{ 1 | pricify_cents: "PLN" }} {{ 1 | pricify_cents: "JPY" }}`,
    `{{ 10.50 | amount_to_fractional: 'USD' }} {{ 10.50 | amount_to_fractional: 'JPY' }} {{ 1050 | fractional_to_amount: 'USD' }} {{ 1050 | fractional_to_amount: 'JPY' }}`,
    `{{ 3.124 | advanced_format: '%.2f' }} {{ 3 | advanced_format: '%.2f' }} {{ 42 | advanced_format: '%05d|%x|%-6s|%+.1e|%g' }}`,
    `{{ 111.2345 | format_number }} {{ 111.2345 | format_number: precision: 2 }} {{ 111 | format_number: precision: 2 }} {{ 1111.2345 | format_number: precision: 2, separator: ',', delimiter: '.' }}`,
    `{{ '1' | to_positive_integer: 2 }} {{ '' | to_positive_integer: 2 }} {{ '500 123 999' | to_mobile_number: 'PL' }} {{ '500 123 999' | to_mobile_number: 'Poland' }}`,
    `{{ 'https://example.com' | url_to_qrcode_svg: color: '000', module_size: 11 }}`,
    `{{ 'https://www.youtube.com/watch?v=8N_tupPBtWQ' | video_params | json }}`,
    `{% assign variable_type = '{ "name": "foo", "bar": {} }' | parse_json | type_of %}{{ variable_type }}`,
    `{{ "Hello W\ufffdorld" | scrub }}|{{ 'John arrived_foo' | encode: 'ISO-8859-1', 'UTF-8' }}|{{ 'x' | encoding }}|{{ 'zł' | force_encoding: 'ISO-8859-1' }}`,
  ]) {
    try { console.log(src.slice(0, 60), '=>', JSON.stringify(await render(src))); } catch (e) { console.log(src.slice(0, 60), 'ERR', (e as Error).message); }
  }
});
