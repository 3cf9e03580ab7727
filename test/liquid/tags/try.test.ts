import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

describe('try / catch', () => {
  it('renders the body when nothing fails', async () => {
    expect(await render('{% try %}ok{% catch err %}bad{% endtry %}')).toBe('ok');
  });

  it('drops the failed body output and renders catch with err.message naming file:line and cause', async () => {
    const out = await render('{% try %}partial output{% include "missing" %}{% catch err %}caught: {{ err.message }}{% endtry %}');
    expect(out).toMatch(/^caught: test\.liquid:1:\d+ Partial not found: "missing" \(can't find partial in app\/views\/partials or app\/lib\)/);
  });

  it('supports the docs example inside {% liquid %} with a fallback include', async () => {
    const instance = makeInstance({ 'app/views/partials/fallback.liquid': 'fallback' });
    const source = `{% liquid
  try
    include template_path
  catch err
    unless err.message contains "can't find partial"
      log err, type: 'error when including template file'
    endunless
    include fallback_template_path
  endtry
%}`;
    expect(await render(source, { template_path: 'nope', fallback_template_path: 'fallback' }, { instance })).toBe('fallback');
  });

  it('catches filter errors too, and works without a variable', async () => {
    expect(await render('{% try %}{{ 1 | divided_by: 0 }}{% catch %}zero{% endtry %}')).toBe('zero');
  });

  it('lets break through (it is not an error) and try_rc is the same tag', async () => {
    expect(await render('{% for i in (1..3) %}{% try %}{{ i }}{% if i == 2 %}{% break %}{% endif %}{% catch %}x{% endtry %}{% endfor %}')).toBe('12');
    expect(await render('{% try_rc %}{{ 1 | divided_by: 0 }}{% catch e %}r{% endtry_rc %}')).toBe('r');
  });

  it('must be closed', async () => {
    await expect(render('{% try %}x{% catch e %}')).rejects.toThrow(/not closed \(missing \{% endtry %\}\)/);
  });
});
