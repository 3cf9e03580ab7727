import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { serveApp } from '../../helpers/server.js';

describe('content_for / yield', () => {
  it('stores rendered blocks, appends by default and replaces with flush: true', async () => {
    const source =
      "{% content_for 'h' %}a{% endcontent_for %}{% content_for 'h' %}{{ 'b' }}{% endcontent_for %}[{% yield 'h' %}]" +
      "{% content_for 'h', flush: true %}c{% endcontent_for %}[{% yield 'h' %}]";
    expect(await render(source)).toBe('[ab][c]');
  });

  it('prints default: for an empty or unknown block, and does not escape stored HTML again', async () => {
    expect(await render("{% yield 'none', default: 'fallback' %}|{% content_for 'b' %}  {% endcontent_for %}{% yield 'b', default: 'blank' %}")).toBe('fallback|blank');
    expect(await render("{% content_for 'x' %}<b>{{ '<i>' }}</b>{% endcontent_for %}{% yield 'x' %}", {}, { format: 'html' })).toBe('<b>&lt;i&gt;</b>');
  });

  it('reaches the layout', async () => {
    const { url } = await serveApp({
      'app/views/layouts/application.liquid': '<head>{% yield "title" %}</head>{{ content_for_layout }}',
      'app/views/pages/index.liquid': '{% content_for "title" %}<title>Home</title>{% endcontent_for %}body',
    });
    expect(await (await fetch(url)).text()).toBe('<head><title>Home</title></head>body');
  });

  it('needs a name', async () => {
    await expect(render('{% yield %}')).rejects.toThrow(/yield: block name missing/);
  });
});
