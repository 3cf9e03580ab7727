import { describe, expect, it } from 'vitest';
import { render } from '../helpers/render.js';
import { serveApp } from '../helpers/server.js';

const html = (source: string, vars: Record<string, unknown> = {}) => render(source, vars, { format: 'html' });

describe('escaping (escape_output_instead_of_sanitize: true)', () => {
  it('{{ }} and echo are HTML-escaped in html', async () => {
    expect(await html(`{% assign user_name = '<a href="https://x">Click Me</a>' %}<h2>{{ user_name }}</h2>`)).toBe(
      '<h2>&lt;a href=&quot;https://x&quot;&gt;Click Me&lt;/a&gt;</h2>',
    );
    expect(await html("{% echo \"<b>it's</b>\" %}{% liquid\n echo '<i>'\n%}")).toBe('&lt;b&gt;it&#39;s&lt;/b&gt;&lt;i&gt;');
    expect(await html("{% for i in (1..1) %}{% cycle '<a>', 'b' %}{% endfor %}")).toBe('&lt;a&gt;');
  });

  it('html_safe marks text safe; print never escapes', async () => {
    expect(await html("{% assign link = '<a href=\"/car\">cars</a>' %}{{ link | html_safe }}|{% print link %}")).toBe('<a href="/car">cars</a>|<a href="/car">cars</a>');
  });

  it('hashes and arrays print as JSON (escaped in html unless html_safe); nil prints nothing', async () => {
    const vars = { h: { a: '<b>' }, list: [1, 'x'] };
    expect(await render('{{ h }}|{{ list }}|{{ nil }}|{{ missing.key }}', vars)).toBe('{"a":"<b>"}|[1,"x"]||');
    expect(await html('{{ h }}', vars)).toBe('{&quot;a&quot;:&quot;&lt;b&gt;&quot;}');
    expect(await html('{{ h | json | html_safe }}', vars)).toBe('{"a":"<b>"}');
  });

  it('non-html formats are not escaped', async () => {
    for (const format of ['json', 'js', 'txt', 'xml', 'csv']) {
      expect(await render('{{ "<b>&" }}', {}, { format })).toBe('<b>&');
    }
  });

  it('escapes once: a captured escaped value printed with print stays escaped once', async () => {
    expect(await html('{% capture c %}{{ "<" }}{% endcapture %}{% print c %}')).toBe('&lt;');
  });

  it('applies to real pages by their format', async () => {
    const { url } = await serveApp({
      'app/views/pages/index.liquid': '{{ "<b>" }}',
      'app/views/pages/data.json.liquid': '{{ "<b>" }}',
    });
    expect(await (await fetch(url)).text()).toBe('&lt;b&gt;');
    expect(await (await fetch(`${url}/data.json`)).text()).toBe('<b>');
  });

  it('prints a time as Ruby prints a UTC time', async () => {
    expect(await render('{{ t }}', { t: new Date(Date.UTC(2019, 9, 6, 12, 0, 0)) })).toBe('2019-10-06 12:00:00 UTC');
  });
});
