import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { serveApp } from '../../helpers/server.js';

describe('redirect_to, response_status, response_headers, session', () => {
  it('shape the HTTP response of the page', async () => {
    const { url } = await serveApp({
      'app/views/pages/go.liquid': "{% redirect_to '/dashboard' %}",
      'app/views/pages/moved.liquid': "{% redirect_to 'https://example.com/x', status: 301 %}",
      'app/views/pages/gone.liquid': '{% response_status 410 %}gone',
      'app/views/pages/headers.liquid': `{% response_headers '{"X-Frame-Options": "DENY", "Content-Type": "text/plain"}' %}{% assign h = { "x-extra": 1 } %}{% response_headers h %}ok`,
    });
    const go = await fetch(`${url}/go`, { redirect: 'manual' });
    expect([go.status, go.headers.get('location')]).toEqual([302, '/dashboard']);
    const moved = await fetch(`${url}/moved`, { redirect: 'manual' });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, 'https://example.com/x']);
    const gone = await fetch(`${url}/gone`);
    expect([gone.status, await gone.text()]).toEqual([410, 'gone']);
    const headers = await fetch(`${url}/headers`);
    expect([headers.headers.get('x-frame-options'), headers.headers.get('content-type'), headers.headers.get('x-extra')]).toEqual(['DENY', 'text/plain', '1']);
  });

  it('session writes persist for the next request of the same visitor', async () => {
    const { url } = await serveApp({
      'app/views/pages/set.liquid': "{% session visits = 'one' %}{{ context.session.visits }}",
      'app/views/pages/get.liquid': '{{ context.session.visits }}',
      'app/views/pages/clear.liquid': '{% session visits = blank %}[{{ context.session.visits }}]',
    });
    const set = await fetch(`${url}/set`);
    expect(await set.text()).toBe('one');
    const cookie = set.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect(await (await fetch(`${url}/get`, { headers: { cookie } })).text()).toBe('one');
    expect(await (await fetch(`${url}/clear`, { headers: { cookie } })).text()).toBe('[]');
  });

  it('session: nil or blank deletes, values of any type are kept', async () => {
    expect(await render("{% session a = 'x' %}{% session b = { \"n\": 1 } %}{% session a = nil %}{{ context.session | json }}")).toBe('{"b":{"n":1}}');
    await expect(render('{% session = 1 %}')).rejects.toThrow(/session: expected \{% session name = value %\}/);
  });

  it('refuses statuses that make no sense', async () => {
    await expect(render("{% redirect_to '/x', status: 200 %}")).rejects.toThrow(/redirect_to: status must be a 3xx code, got 200/);
    await expect(render("{% redirect_to '' %}")).rejects.toThrow(/redirect_to: target is blank/);
    await expect(render("{% response_status 'abc' %}")).rejects.toThrow(/response_status: expected an HTTP status \(100-599\), got "abc"/);
    await expect(render("{% response_headers '{not json' %}")).rejects.toThrow(/response_headers: invalid JSON/);
    await expect(render("{% response_headers '[1]' %}")).rejects.toThrow(/response_headers: expected a JSON object of headers/);
    await expect(render('{% response_status %}')).rejects.toThrow(/response_status: value missing/);
  });
});
